#pragma once
#include <cstdlib>
#include <filesystem>
#include <string>

#include <doctest/doctest.h>

namespace peers::testing {

int failures_in_current_test();  // tests/unit/main.cpp

/// A fresh directory for one test. Removed afterwards unless the test failed (its path is
/// then printed) or PEERS_KEEP_TEST_DIRS is set.
class TempDir {
 public:
  TempDir() {
    std::string pattern = (std::filesystem::temp_directory_path() / "peers-unit.XXXXXX").string();
    path_ = ::mkdtemp(pattern.data());
    failures_before_ = failures_in_current_test();
  }
  ~TempDir() {
    if (failures_in_current_test() > failures_before_ || std::getenv("PEERS_KEEP_TEST_DIRS")) {
      MESSAGE("test data left in " << path_.string());
      return;
    }
    std::error_code ec;
    std::filesystem::remove_all(path_, ec);
  }
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;

  const std::filesystem::path& path() const { return path_; }
  std::filesystem::path operator/(const std::string& p) const { return path_ / p; }

 private:
  std::filesystem::path path_;
  int failures_before_ = 0;
};

}  // namespace peers::testing
