#include "util/helper_thread.hpp"

#include "peers/heap.hpp"

#include <pthread.h>
#include <sched.h>

namespace peers {

void* HelperThread::run(void* self) {
  auto* helper = static_cast<HelperThread*>(self);
  // Started on another CPU than the caller's; from now on it may go anywhere, so that when
  // that CPU is busy (a build, another process) the scheduler can move it to an idle one.
  if (helper->placed_) pthread_setaffinity_np(pthread_self(), sizeof helper->allowed_, &helper->allowed_);
  back_thread_heap_with_huge_pages();
  helper->work_();
  return nullptr;
}

HelperThread::HelperThread(std::function<void()> work) : work_(std::move(work)) {
  pthread_attr_t attr;
  if (pthread_attr_init(&attr) == 0) {
    int here = sched_getcpu();
    if (here >= 0 && here < CPU_SETSIZE && sched_getaffinity(0, sizeof allowed_, &allowed_) == 0) {
      cpu_set_t elsewhere = allowed_;
      CPU_CLR(here, &elsewhere);
      if (CPU_COUNT(&elsewhere) > 0 &&
          pthread_attr_setaffinity_np(&attr, sizeof elsewhere, &elsewhere) == 0) {
        placed_ = true;
        started_ = pthread_create(&thread_, &attr, run, this) == 0;
      }
    }
    pthread_attr_destroy(&attr);
  }
  // Anywhere, when it could not be placed (one CPU only, or affinity not allowed here).
  if (!started_) started_ = pthread_create(&thread_, nullptr, run, this) == 0;
  if (!started_) work_();  // no thread to be had: the work is done here, first
}

HelperThread::~HelperThread() {
  if (started_) pthread_join(thread_, nullptr);
}

}  // namespace peers
