#include <doctest/doctest.h>

#include <sstream>

#include "progress.hpp"

using peers::cli::TerminalProgress;
using namespace std::chrono_literals;

namespace {

struct FakeClock {
  std::chrono::steady_clock::time_point now{};
  TerminalProgress::Clock clock() {
    return [this] { return now; };
  }
};

}  // namespace

TEST_CASE("progress is drawn only after half a second, at most ten times a second, and cleared") {
  std::ostringstream err;
  FakeClock time;
  TerminalProgress progress(err, true, false, time.clock());
  progress.begin("reading the store", 1000);
  progress.advance(100);
  time.now += 400ms;
  progress.advance(200);
  CHECK(err.str().empty());  // quick work shows nothing
  time.now += 200ms;
  progress.advance(300);
  CHECK(err.str() == "\rreading the store: 300/1000 (30%), 0.6 s");
  time.now += 50ms;
  progress.advance(400);  // too soon to draw again
  CHECK(err.str() == "\rreading the store: 300/1000 (30%), 0.6 s");
  time.now += 150ms;
  progress.advance(500);
  CHECK(err.str().ends_with("\rreading the store: 500/1000 (50%), 0.8 s"));
  progress.end();
  CHECK(err.str().ends_with("\r" + std::string(40, ' ') + "\r"));
  CHECK_FALSE(progress.drawn());
}

TEST_CASE("progress of unknown length shows a count; nested stages draw the outer one") {
  std::ostringstream err;
  FakeClock time;
  TerminalProgress progress(err, true, false, time.clock());
  progress.begin("importing contacts.vcf", 0);
  progress.begin("reading the store", 5000);  // inside: not drawn
  time.now += 1s;
  progress.advance(4000);
  progress.end();
  CHECK(err.str().empty());
  progress.advance(7);
  CHECK(err.str() == "\rimporting contacts.vcf: 7, 1.0 s");
  progress.end();
  CHECK_FALSE(progress.drawn());
}

TEST_CASE("progress that may not be drawn writes nothing; colour makes it dim") {
  std::ostringstream silent, dim;
  FakeClock time;
  TerminalProgress off(silent, false, false, time.clock());
  TerminalProgress colored(dim, true, true, time.clock());
  for (TerminalProgress* p : {&off, &colored}) p->begin("checking", 10);
  time.now += 1s;
  for (TerminalProgress* p : {&off, &colored}) {
    p->advance(5);
    p->end();
  }
  CHECK(silent.str().empty());
  CHECK(dim.str().starts_with("\r\033[2mchecking: 5/10 (50%), 1.0 s\033[0m"));
}
