#include "check_scope.hpp"

#include <fmt/format.h>

#include <set>

#include "autocommit.hpp"
#include "peers/error.hpp"
#include "peers/store.hpp"
#include "peers/text.hpp"

namespace peers::cli {
namespace {

/// The paths of a `git ... -z` listing.
std::vector<std::string> paths_of(const GitResult& listing) {
  std::vector<std::string> paths;
  for (const auto& path : split(listing.output, '\0'))
    if (!path.empty()) paths.push_back(path);
  return paths;
}

std::vector<std::string> git_paths(const std::filesystem::path& root,
                                   const std::vector<std::string>& args, const char* what) {
  GitResult r = run_git(root, args);
  if (!r.ok())
    throw Error(fmt::format("git could not list {}: {}", what, terminal_safe(trim(r.output))),
                "run it inside the store's git repository");
  return paths_of(r);
}

}  // namespace

std::string repository_prefix(const std::filesystem::path& store_root) {
  GitResult r = run_git(store_root, {"rev-parse", "--show-prefix"});
  return r.ok() ? trim(r.output) : std::string();
}

ChangedFiles changed_since(const std::filesystem::path& store_root, const std::string& ref) {
  if (ref.empty() || ref.starts_with("-"))
    throw Error(fmt::format("'{}' is not a git revision", terminal_safe(ref)),
                "name a branch, tag or commit, e.g. --changed-since origin/main", exit_usage);
  GitResult resolved = run_git(store_root, {"rev-parse", "--verify", "--quiet", ref + "^{commit}"});
  if (!resolved.ok())
    throw Error(fmt::format("git does not know the revision '{}'", terminal_safe(ref)),
                "fetch it first (in CI: a checkout with enough history, e.g. fetch-depth: 0)",
                exit_usage);
  std::string base = trim(resolved.output);
  GitResult merge_base = run_git(store_root, {"merge-base", base, "HEAD"});
  if (merge_base.ok()) base = trim(merge_base.output);
  ChangedFiles changes;
  changes.paths = git_paths(
      store_root, {"diff", "--name-only", "--no-renames", "-z", "--relative", base, "--"},
      "the changed files");
  for (auto& path : git_paths(store_root,
                              {"ls-files", "--others", "--exclude-standard", "-z", "--", "."},
                              "the untracked files"))
    changes.paths.push_back(std::move(path));
  return changes;
}

ChangedFiles staged_changes(const std::filesystem::path& store_root,
                            const std::filesystem::path& scratch, std::size_t max_bytes) {
  ChangedFiles changes;
  // Against HEAD, or against nothing before the first commit.
  bool has_head = run_git(store_root, {"rev-parse", "--verify", "--quiet", "HEAD"}).ok();
  std::vector<std::string> staged = {"diff", "--cached", "--name-only", "--no-renames", "-z",
                                     "--relative"};
  if (has_head) staged.push_back("HEAD");
  staged.push_back("--");
  changes.paths = git_paths(store_root, staged, "the staged files");
  bool touches_store = false;
  for (const auto& path : changes.paths) {
    PathKind kind = classify_path(path);
    if (kind.is_config || kind.kind) touches_store = true;
  }
  if (!touches_store) {
    changes.paths.clear();
    return changes;
  }
  // Files whose work tree differs from the index (edits not staged, files not added) are
  // read from the index too: the check sees exactly what the commit will hold.
  changes.also_read = git_paths(
      store_root, {"diff", "--name-only", "--no-renames", "-z", "--relative", "--"},
      "the unstaged changes");
  for (auto& path : git_paths(store_root,
                              {"ls-files", "--others", "--exclude-standard", "-z", "--", "."},
                              "the untracked files"))
    changes.also_read.push_back(std::move(path));

  std::vector<std::string> wanted;
  for (const auto* list : {&changes.paths, &changes.also_read})
    for (const auto& path : *list) {
      PathKind kind = classify_path(path);
      if (kind.is_config || kind.kind) wanted.push_back(path);
    }
  std::set<std::string> in_index;
  std::vector<std::string> listed = git_paths(
      store_root, [&] {
        std::vector<std::string> args = {"--literal-pathspecs", "ls-files", "--cached", "-z", "--"};
        args.insert(args.end(), wanted.begin(), wanted.end());
        return args;
      }(),
      "the staged files");
  in_index.insert(listed.begin(), listed.end());
  std::vector<std::string> checkout = {"checkout-index", "--force",
                                       "--prefix=" + (scratch / "").string(), "--"};
  for (const auto& path : wanted)
    if (in_index.count(path)) checkout.push_back(path);
  if (checkout.size() > 4) {
    GitResult r = run_git(store_root, checkout);
    if (!r.ok())
      throw Error("git could not copy the staged files: " + terminal_safe(trim(r.output)));
  }
  std::filesystem::path copy = scratch / repository_prefix(store_root);
  changes.read = [copy, in_index = std::move(in_index),
                  max_bytes](const std::string& path) -> std::optional<std::string> {
    if (!in_index.count(path)) return std::nullopt;  // removed from the index, or never added
    return read_regular_file(copy / path, path, max_bytes);
  };
  return changes;
}

std::vector<std::string> tracked_state_files(const std::filesystem::path& store_root) {
  std::error_code ec;
  if (!std::filesystem::exists(store_root / ".peers", ec)) return {};
  GitResult r = run_git(store_root, {"ls-files", "--cached", "-z", "--", ".peers"});
  if (!r.ok()) return {};  // not a git repository
  return paths_of(r);
}

}  // namespace peers::cli
