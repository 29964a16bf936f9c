#pragma once
#include <pthread.h>

#include <functional>

namespace peers {

/// Runs `work` on a second thread, and joins it when destroyed. The thread starts on another
/// CPU than the caller's when the process may use one: left to itself, the scheduler tends to
/// start it on the caller's CPU, where the two take turns for milliseconds before one moves.
class HelperThread {
 public:
  explicit HelperThread(std::function<void()> work);
  ~HelperThread();
  HelperThread(const HelperThread&) = delete;
  HelperThread& operator=(const HelperThread&) = delete;

 private:
  std::function<void()> work_;
  pthread_t thread_{};
  bool started_ = false;
};

}  // namespace peers
