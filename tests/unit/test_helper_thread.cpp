#include <doctest/doctest.h>

#include <algorithm>
#include <atomic>
#include <vector>
#include <sched.h>

#include "util/helper_thread.hpp"

using peers::HelperThread;

TEST_CASE("a helper thread runs its work once, and is joined when it goes") {
  std::atomic<int> runs = 0;
  {
    HelperThread helper([&] { ++runs; });
  }
  CHECK(runs == 1);
}

TEST_CASE("a helper thread shares the work of a loop with its caller") {
  std::atomic<std::size_t> next = 0;
  std::vector<int> done(10000, 0);
  auto work = [&] {
    for (std::size_t i = next++; i < done.size(); i = next++) ++done[i];
  };
  {
    HelperThread helper(work);
    work();
  }
  CHECK(std::count(done.begin(), done.end(), 1) == 10000);
}

TEST_CASE("a helper thread may run on any CPU the process may use, once started") {
  cpu_set_t allowed;
  REQUIRE(sched_getaffinity(0, sizeof allowed, &allowed) == 0);
  std::atomic<bool> unpinned = false;
  {
    HelperThread helper([&] {
      cpu_set_t mine;
      if (sched_getaffinity(0, sizeof mine, &mine) == 0) unpinned = CPU_EQUAL(&mine, &allowed);
    });
  }
  CHECK(unpinned);
}
