#pragma once
#include <cstdint>
#include <string>
#include <string_view>

#include "peers/error.hpp"

namespace peers {

/// Where long work tells how far it is, and learns that it should stop. The core calls it and
/// never prints; the CLI passes one in (StoreOptions::progress) that draws a line on a terminal
/// and turns Ctrl-C into stop_requested().
class Progress {
 public:
  virtual ~Progress() = default;
  /// A stage of work begins: what it does ("reading the store"), and how many items it has
  /// (0 when unknown).
  virtual void begin(std::string_view what, std::uint64_t total) = 0;
  /// `done` items of the stage are done. Called often, only from the thread that began it.
  virtual void advance(std::uint64_t done) = 0;
  /// The stage is over (also when it failed).
  virtual void end() = 0;
  /// True once the user asked to stop; may be called from any thread.
  virtual bool stop_requested() const = 0;
};

/// The exception long work throws when it stops because stop_requested() turned true:
/// `not_done` says what was not done ("the cache was not built").
inline Error interrupted(const std::string& not_done) {
  return Error("interrupted: " + not_done, {}, exit_interrupted);
}

/// One stage of work on an optional Progress: begins when made, ends when destroyed.
class ProgressStage {
 public:
  ProgressStage(Progress* progress, std::string_view what, std::uint64_t total = 0)
      : progress_(progress) {
    if (progress_) progress_->begin(what, total);
  }
  ~ProgressStage() {
    if (progress_) progress_->end();
  }
  ProgressStage(const ProgressStage&) = delete;
  ProgressStage& operator=(const ProgressStage&) = delete;

  void advance(std::uint64_t done) const {
    if (progress_) progress_->advance(done);
  }
  bool stop_requested() const { return progress_ && progress_->stop_requested(); }
  /// Throws interrupted(not_done) when the user asked to stop.
  void stop_here_if_asked(const std::string& not_done) const {
    if (stop_requested()) throw interrupted(not_done);
  }

 private:
  Progress* progress_;
};

}  // namespace peers
