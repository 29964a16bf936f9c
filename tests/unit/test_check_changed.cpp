#include <doctest/doctest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <map>

#include "peers/check_changed.hpp"
#include "temp_dir.hpp"

using namespace peers;
namespace fs = std::filesystem;

namespace {

void write(const fs::path& root, const std::string& path, const std::string& text) {
  fs::create_directories((root / path).parent_path());
  std::ofstream(root / path, std::ios::binary) << text;
}

fs::path make_store(const fs::path& root) {
  write(root, "peers.yaml", "peers: 1\nname: Test\n");
  write(root, "people/maria-lopez.yaml", "name: Maria Lopez\n");
  write(root, "people/sam-lee.yaml", "name: Sam Lee\n");
  write(root, "topics/admissions.yaml", "name: Admissions\n");
  write(root, "questions/q1.yaml",
        "text: When?\nasked_at: 2026-11-01T10:00:00Z\nstatus: routed\nrouted_to: sam-lee\n"
        "history:\n  - at: 2026-11-01T10:00:00Z\n    event: asked\n"
        "  - at: 2026-11-01T10:00:00Z\n    event: routed\n    to: sam-lee\n");
  return root;
}

std::vector<std::string> codes_in(const std::vector<Finding>& findings, const std::string& file) {
  std::vector<std::string> codes;
  for (const auto& f : findings)
    if (f.where.file == file) codes.push_back(f.code);
  return codes;
}

std::vector<Finding> full_check(const fs::path& root) {
  return check_store(read_store_for_check(root));
}

}  // namespace

TEST_CASE("check_changed: nothing changed in the store, nothing to report") {
  testing::TempDir dir;
  fs::path root = make_store(dir.path());
  write(root, "people/broken.yaml", "name: [unclosed\n");  // broken, but not changed
  CHECK(check_changed(root, {}, ChangedFiles{{"README.md", "people/sub/x.yaml"}, {}, {}}).empty());
}

TEST_CASE("check_changed: a changed file gets the findings a full check gives it") {
  testing::TempDir dir;
  fs::path root = make_store(dir.path());
  write(root, "people/broken.yaml", "name: [unclosed\n");
  write(root, "people/ana-ruiz.yaml", "name: Ana Ruiz\nforward_to: nobody\n");
  auto partial = check_changed(root, {}, ChangedFiles{{"people/ana-ruiz.yaml"}, {}, {}});
  auto full = full_check(root);
  CHECK(codes_in(partial, "people/ana-ruiz.yaml") == codes_in(full, "people/ana-ruiz.yaml"));
  CHECK(codes_in(partial, "people/ana-ruiz.yaml") == std::vector<std::string>{"unknown-person"});
  CHECK(codes_in(partial, "people/broken.yaml").empty());  // not changed: not reported
  CHECK_FALSE(codes_in(full, "people/broken.yaml").empty());
}

TEST_CASE("check_changed: a removed person is reported where others still refer to them") {
  testing::TempDir dir;
  fs::path root = make_store(dir.path());
  fs::remove(root / "people/sam-lee.yaml");
  auto partial = check_changed(root, {}, ChangedFiles{{"people/sam-lee.yaml"}, {}, {}});
  CHECK(codes_in(partial, "questions/q1.yaml") == std::vector<std::string>{"unknown-person"});
}

TEST_CASE("check_changed: an added duplicate is reported on the person it duplicates") {
  testing::TempDir dir;
  fs::path root = make_store(dir.path());
  write(root, "people/aaa-maria.yaml", "name: Maria Lopez\n");
  auto partial = check_changed(root, {}, ChangedFiles{{"people/aaa-maria.yaml"}, {}, {}});
  CHECK(codes_in(partial, "people/maria-lopez.yaml") ==
        std::vector<std::string>{"possible-duplicate"});
}

TEST_CASE("check_changed: the content given by `read` is checked, not the file on disk") {
  testing::TempDir dir;
  fs::path root = make_store(dir.path());
  std::map<std::string, std::optional<std::string>> staged = {
      {"people/maria-lopez.yaml", "name: Maria Lopez\nforward_to: ghost\n"},
      {"people/sam-lee.yaml", std::nullopt},  // on disk but not in the index: untracked
  };
  ChangedFiles changes{{"people/maria-lopez.yaml"}, {"people/sam-lee.yaml"},
                       [&](const std::string& path) { return staged.at(path); }};
  auto partial = check_changed(root, {}, changes);
  CHECK(codes_in(partial, "people/maria-lopez.yaml") == std::vector<std::string>{"unknown-person"});
  // sam-lee is not in what is checked, and was not before either (an untracked file): q1's
  // dangling reference is not this change's doing, so it is not reported.
  CHECK(codes_in(partial, "questions/q1.yaml").empty());
}
