#pragma once
#include <chrono>
#include <cstdint>
#include <functional>
#include <optional>
#include <iosfwd>
#include <string>
#include <string_view>

#include "interrupt.hpp"
#include "peers/progress.hpp"

namespace peers::cli {

/// Draws long work's progress on stderr, the way git does (progress.c, start_delayed_progress):
/// nothing for the first half second, then one line ("reading the store: 1200/5000 (24%), 1.2 s")
/// redrawn at most ten times a second and cleared when the stage ends. Silent (but still
/// stoppable with Ctrl-C) when `draw` is false: stderr not a terminal, -q, PEERS_PROGRESS=0.
class TerminalProgress : public Progress {
 public:
  using Clock = std::function<std::chrono::steady_clock::time_point()>;
  TerminalProgress(std::ostream& err, bool draw, bool color, Clock clock = std::chrono::steady_clock::now);
  ~TerminalProgress() override;

  void begin(std::string_view what, std::uint64_t total) override;
  void advance(std::uint64_t done) override;
  void end() override;
  /// True once Ctrl-C was pressed during a stage (see interrupt.hpp).
  bool stop_requested() const override;

  /// Tests only: sleeps this long in every advance() of the stages whose description starts with
  /// `stage` (all when empty), so that short work lasts long enough to be drawn or interrupted.
  void pause_each_step(int milliseconds, std::string stage = {}) {
    pause_ms_ = milliseconds;
    pause_stage_ = std::move(stage);
  }
  /// Whether a line is on the screen now (for tests).
  bool drawn() const { return drawn_; }

  static constexpr std::chrono::milliseconds delay{500};
  static constexpr std::chrono::milliseconds interval{100};

 private:
  void draw(std::chrono::steady_clock::time_point now);
  void clear();

  std::ostream& err_;
  bool draw_;
  bool color_;
  Clock clock_;
  std::string what_;
  std::uint64_t total_ = 0;
  std::uint64_t done_ = 0;
  int depth_ = 0;  // stages can nest (a cache build inside an import): the outer one is drawn
  std::chrono::steady_clock::time_point started_{}, last_drawn_{};
  std::size_t width_ = 0;  // of the line on screen
  bool drawn_ = false;
  int pause_ms_ = 0;
  std::string pause_stage_;
  std::optional<InterruptibleWork> interruptible_;  // during a stage
};

}  // namespace peers::cli
