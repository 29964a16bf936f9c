#include "util/helper_thread.hpp"

#include <pthread.h>
#include <sched.h>

namespace peers {
namespace {

void* run(void* work) {
  (*static_cast<std::function<void()>*>(work))();
  return nullptr;
}

}  // namespace

HelperThread::HelperThread(std::function<void()> work) : work_(std::move(work)) {
  pthread_attr_t attr;
  if (pthread_attr_init(&attr) == 0) {
    cpu_set_t allowed;
    int here = sched_getcpu();
    if (here >= 0 && here < CPU_SETSIZE && sched_getaffinity(0, sizeof allowed, &allowed) == 0) {
      CPU_CLR(here, &allowed);
      if (CPU_COUNT(&allowed) > 0 && pthread_attr_setaffinity_np(&attr, sizeof allowed, &allowed) == 0)
        started_ = pthread_create(&thread_, &attr, run, &work_) == 0;
    }
    pthread_attr_destroy(&attr);
  }
  // Anywhere, when it could not be placed (one CPU only, or affinity not allowed here).
  if (!started_) started_ = pthread_create(&thread_, nullptr, run, &work_) == 0;
  if (!started_) work_();  // no thread to be had: the work is done here, first
}

HelperThread::~HelperThread() {
  if (started_) pthread_join(thread_, nullptr);
}

}  // namespace peers
