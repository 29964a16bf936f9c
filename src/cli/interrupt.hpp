#pragma once

namespace peers::cli {

/// Ctrl-C (SIGINT) handling. Outside long work, Ctrl-C ends peers at once, as it always did.
/// While an InterruptibleWork is alive, the first Ctrl-C only sets a flag that the work polls
/// (Progress::stop_requested) to stop at a safe point, leave nothing half-written, and exit 130;
/// a second Ctrl-C ends peers at once.
///
/// A signal handler can only reach process-wide state, so the flag is the one global of peers.
class InterruptibleWork {
 public:
  InterruptibleWork();
  ~InterruptibleWork();
  InterruptibleWork(const InterruptibleWork&) = delete;
  InterruptibleWork& operator=(const InterruptibleWork&) = delete;
};

/// True once Ctrl-C was pressed while work was interruptible.
bool interrupt_requested();

}  // namespace peers::cli
