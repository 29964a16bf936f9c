#pragma once
#include <filesystem>
#include <string>
#include <vector>

#include "context.hpp"

namespace peers::cli {

/// When git.autocommit is on, commits the files the command changed with a message built from
/// the changes it recorded ("peers: add Maria Lopez"). Does nothing otherwise.
void commit_recorded_changes(Context& ctx);

/// What a git command printed (stdout and stderr together) and its exit status.
struct GitResult {
  int status = -1;  // -1 when git could not be started
  std::string output;
  bool ok() const { return status == 0; }
};

/// Runs `git -C dir ARGS...` without a terminal, capturing everything it prints.
GitResult run_git(const std::filesystem::path& dir, const std::vector<std::string>& args);

/// True when `dir` is inside a git work tree.
bool in_git_work_tree(const std::filesystem::path& dir);

/// git.autocommit for this clone (the `peers.autocommit` key of the clone's git config).
bool autocommit_enabled(const std::filesystem::path& store_root);

/// Stages `paths` (relative to the store root; removals too) and commits exactly those with
/// `message`, leaving anything else the person has staged alone. Returns false when none of
/// them had changes. Throws an Error with git's message when the commit fails.
bool commit_store_files(const std::filesystem::path& store_root,
                        const std::vector<std::string>& paths, const std::string& message);

}  // namespace peers::cli
