#define DOCTEST_CONFIG_IMPLEMENT_WITH_MAIN
#include <doctest/doctest.h>

namespace peers::testing {
/// Assertions failed so far in the running test (for TempDir: keep the data of a failed test).
int failures_in_current_test() {
  return doctest::detail::g_cs ? doctest::detail::g_cs->numAssertsFailedCurrentTest_atomic.load()
                               : 0;
}
}  // namespace peers::testing
