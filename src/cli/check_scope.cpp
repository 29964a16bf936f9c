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

/// One line of `git status --porcelain=v1`: X is the index against HEAD, Y the work tree
/// against the index ('?' both for an untracked file).
struct StatusEntry {
  char x = ' ', y = ' ';
  std::string path;  // relative to the store root
};

/// The store's changes as one `git status` sees them: the staged ones, the unstaged ones and
/// the untracked files, in the one walk of the work tree that git status makes (listing them
/// with diff, diff --cached and ls-files --others walks it twice).
std::vector<StatusEntry> store_status(const std::filesystem::path& root,
                                      const std::string& prefix) {
  // No optional locks: a pre-commit hook runs while git commit holds the index's lock.
  GitResult r = run_git(root, {"--no-optional-locks", "status", "--porcelain=v1", "-z",
                               "--no-renames", "--untracked-files=all", "--", "."});
  if (!r.ok())
    throw Error(fmt::format("git could not list the changed files: {}", terminal_safe(trim(r.output))),
                "run it inside the store's git repository");
  std::vector<StatusEntry> entries;
  for (const auto& line : split(r.output, '\0')) {
    if (line.size() < 4 || line[2] != ' ') continue;
    StatusEntry e{line[0], line[1], line.substr(3)};
    if (!e.path.starts_with(prefix)) continue;  // porcelain paths are from the top
    e.path.erase(0, prefix.size());
    entries.push_back(std::move(e));
  }
  return entries;
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
  // What the commits since the base changed (trees only: no walk of the work tree), then what
  // git status shows on top of them: staged, unstaged and untracked files. A file changed by
  // a commit and changed back in the work tree is listed too, and checked as it is.
  GitResult committed = run_git(store_root, {"diff", "--name-only", "--no-renames", "-z",
                                             "--relative", base, "HEAD", "--"});
  if (!committed.ok()) {  // no HEAD yet: the work tree against the base
    changes.paths = git_paths(
        store_root, {"diff", "--name-only", "--no-renames", "-z", "--relative", base, "--"},
        "the changed files");
    for (auto& path : git_paths(store_root,
                                {"ls-files", "--others", "--exclude-standard", "-z", "--", "."},
                                "the untracked files"))
      changes.paths.push_back(std::move(path));
    return changes;
  }
  std::set<std::string> seen;
  for (auto& path : paths_of(committed))
    if (seen.insert(path).second) changes.paths.push_back(std::move(path));
  for (auto& entry : store_status(store_root, repository_prefix(store_root)))
    if (seen.insert(entry.path).second) changes.paths.push_back(std::move(entry.path));
  return changes;
}

std::vector<std::string> staged_store_files(const std::filesystem::path& store_root) {
  // Against HEAD, or against nothing before the first commit (git diff --cached without a
  // commit does both).
  std::vector<std::string> paths = git_paths(
      store_root, {"diff", "--cached", "--name-only", "--no-renames", "-z", "--relative", "--"},
      "the staged files");
  for (const auto& path : paths) {
    PathKind kind = classify_path(path);
    if (kind.is_config || kind.kind) return paths;
  }
  return {};
}

ChangedFiles staged_changes(const std::filesystem::path& store_root,
                            const std::filesystem::path& scratch, std::size_t max_bytes,
                            std::vector<std::string> staged) {
  ChangedFiles changes;
  changes.paths = std::move(staged);
  if (changes.paths.empty()) return changes;
  // Files whose work tree differs from the index (edits not staged, files not added) are
  // read from the index too: the check sees exactly what the commit will hold. One git status
  // lists both (git diff and ls-files --others would walk the work tree twice).
  std::string prefix = repository_prefix(store_root);
  std::vector<std::string> wanted;
  std::set<std::string> not_in_index;  // removed from it (staged 'D'), or never added ('??')
  for (const auto& e : store_status(store_root, prefix)) {
    if (e.x == 'D' || e.x == '?') not_in_index.insert(e.path);
    if (e.y != ' ' || e.x == '?') changes.also_read.push_back(e.path);
  }
  for (const auto* list : {&changes.paths, &changes.also_read})
    for (const auto& path : *list) {
      PathKind kind = classify_path(path);
      if (kind.is_config || kind.kind) wanted.push_back(path);
    }
  std::set<std::string> in_index;
  std::vector<std::string> checkout = {"checkout-index", "--force",
                                       "--prefix=" + (scratch / "").string(), "--"};
  for (const auto& path : wanted)
    if (!not_in_index.count(path) && in_index.insert(path).second) checkout.push_back(path);
  if (checkout.size() > 4) {
    GitResult r = run_git(store_root, checkout);
    if (!r.ok())
      throw Error("git could not copy the staged files: " + terminal_safe(trim(r.output)));
  }
  std::filesystem::path copy = scratch / prefix;
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
