#pragma once
#include <pthread.h>
#include <sched.h>

#include <functional>

namespace peers {

/// Runs `work` on a second thread, and joins it when destroyed. The thread starts on another
/// CPU than the caller's when the process may use one: left to itself, the scheduler tends to
/// start it on the caller's CPU, where the two take turns for milliseconds before one moves.
/// Once started it is not pinned: it may move to any CPU the process may use (when the one it
/// started on is busy).
class HelperThread {
 public:
  explicit HelperThread(std::function<void()> work);
  ~HelperThread();
  HelperThread(const HelperThread&) = delete;
  HelperThread& operator=(const HelperThread&) = delete;

 private:
  static void* run(void* self);

  std::function<void()> work_;
  pthread_t thread_{};
  cpu_set_t allowed_{};  // the CPUs the process may use
  bool placed_ = false;  // started with an affinity other than allowed_, to be widened
  bool started_ = false;
};

}  // namespace peers
