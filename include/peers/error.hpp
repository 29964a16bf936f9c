#pragma once
#include <stdexcept>
#include <string>

namespace peers {

/// Where a problem is: a path relative to the store root, and a 1-based line and column
/// (0 when unknown).
struct Location {
  std::string file;
  int line = 0;
  int column = 0;
};

/// Exit statuses, documented in README.md.
enum ExitCode : int {
  exit_ok = 0,
  exit_error = 1,       // the command failed: bad data, refused change, I/O problem
  exit_usage = 2,       // the command line was wrong
  exit_not_found = 3,   // an id or prefix matched nothing, or more than one thing
  exit_check_failed = 4, // `peers check` found errors
  exit_interrupted = 130 // stopped by Ctrl-C (SIGINT) before it was done
};

/// The one error type. Everything that stops a command throws it; main prints it once as
/// `peers: error: <file>:<line>:<col>: <message>` followed by the hint.
class Error : public std::runtime_error {
 public:
  explicit Error(std::string message, std::string hint = {}, int exit_code = exit_error)
      : std::runtime_error(std::move(message)), hint_(std::move(hint)), exit_code_(exit_code) {}
  Error(Location where, std::string message, std::string hint = {}, int exit_code = exit_error)
      : std::runtime_error(std::move(message)),
        where_(std::move(where)),
        hint_(std::move(hint)),
        exit_code_(exit_code) {}

  const Location& where() const { return where_; }
  const std::string& hint() const { return hint_; }
  int exit_code() const { return exit_code_; }

 private:
  Location where_;
  std::string hint_;
  int exit_code_;
};

/// "people/x.yaml:3:7" (or just the file, or nothing).
std::string format_location(const Location& where);

}  // namespace peers
