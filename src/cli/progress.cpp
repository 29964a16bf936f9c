#include "progress.hpp"

#include <algorithm>
#include <ostream>
#include <thread>

#include <fmt/format.h>

namespace peers::cli {

TerminalProgress::TerminalProgress(std::ostream& err, bool draw, bool color, Clock clock)
    : err_(err), draw_(draw), color_(color), clock_(std::move(clock)) {}

TerminalProgress::~TerminalProgress() { clear(); }

void TerminalProgress::begin(std::string_view what, std::uint64_t total) {
  if (depth_++ > 0) return;
  what_ = what;
  total_ = total;
  done_ = 0;
  started_ = clock_();
  interruptible_.emplace();
}

void TerminalProgress::advance(std::uint64_t done) {
  if (pause_ms_ > 0 && what_.starts_with(pause_stage_))
    std::this_thread::sleep_for(std::chrono::milliseconds(pause_ms_));
  if (depth_ != 1) return;
  done_ = done;
  if (!draw_) return;
  auto now = clock_();
  if (now - started_ < delay || (drawn_ && now - last_drawn_ < interval)) return;
  draw(now);
}

void TerminalProgress::end() {
  if (depth_ == 0 || --depth_ > 0) return;
  clear();
  interruptible_.reset();
}

bool TerminalProgress::stop_requested() const { return interrupt_requested(); }

void TerminalProgress::draw(std::chrono::steady_clock::time_point now) {
  double seconds = std::chrono::duration<double>(now - started_).count();
  std::string line =
      total_ > 0 ? fmt::format("{}: {}/{} ({}%), {:.1f} s", what_, std::min(done_, total_), total_,
                               std::min(done_, total_) * 100 / total_, seconds)
                 : fmt::format("{}: {}, {:.1f} s", what_, done_, seconds);
  std::size_t width = line.size();
  if (color_) line = "\033[2m" + line + "\033[0m";
  // Spaces over what is left of a longer line drawn before.
  if (width < width_) line.append(width_ - width, ' ');
  err_ << '\r' << line << std::flush;
  width_ = std::max(width_, width);
  last_drawn_ = now;
  drawn_ = true;
}

void TerminalProgress::clear() {
  if (!drawn_) return;
  err_ << '\r' << std::string(width_, ' ') << '\r' << std::flush;
  drawn_ = false;
  width_ = 0;
}

}  // namespace peers::cli
