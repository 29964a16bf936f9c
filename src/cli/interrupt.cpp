#include "interrupt.hpp"

#include <signal.h>

#include <atomic>

namespace peers::cli {
namespace {

std::atomic<int> interruptible_depth{0};
std::atomic<bool> requested{false};
struct sigaction previous {};

void on_interrupt(int signal) {
  if (interruptible_depth.load() > 0 && !requested.exchange(true)) return;
  // Not in interruptible work, or pressed twice: end now, as the default action would.
  ::signal(signal, SIG_DFL);
  ::raise(signal);
}

}  // namespace

InterruptibleWork::InterruptibleWork() {
  if (interruptible_depth.fetch_add(1) == 0) {
    struct sigaction action {};
    action.sa_handler = on_interrupt;
    sigemptyset(&action.sa_mask);
    ::sigaction(SIGINT, &action, &previous);
    // Started with Ctrl-C ignored (a background job of a script): it stays ignored.
    if (previous.sa_handler == SIG_IGN) ::sigaction(SIGINT, &previous, nullptr);
  }
}

InterruptibleWork::~InterruptibleWork() {
  if (interruptible_depth.fetch_sub(1) == 1) ::sigaction(SIGINT, &previous, nullptr);
}

bool interrupt_requested() { return requested.load(); }

}  // namespace peers::cli
