#pragma once
#include <filesystem>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "peers/check.hpp"

namespace peers {

/// The files a partial check looks at, as `git diff --name-only --relative` lists them
/// (relative to the store root; paths that are not store files are ignored).
struct ChangedFiles {
  std::vector<std::string> paths;
  /// Files whose content differs from the disk but that are not reported on (a staged check
  /// reads every file from the index: these are the unstaged edits and untracked files).
  std::vector<std::string> also_read;
  /// The content of a path of `paths` or `also_read`, or nothing when it does not exist.
  /// Empty: the file on disk.
  std::function<std::optional<std::string>(const std::string& path)> read;
};

/// What a full check (check_store(read_store_for_check(root))) finds in the changed files,
/// plus what the store checks find elsewhere that names a changed record (a reference to a
/// person who was removed, a duplicate of a person who was added). Parses only the changed
/// files (and events and leads, which are few); every other record comes through the record
/// cache. Findings sorted as check_store sorts them.
std::vector<Finding> check_changed(const std::filesystem::path& root, const StoreOptions& options,
                                   const ChangedFiles& changes);

/// The same, with the changes listed by `list_changes` on another thread while the records
/// are read (listing them runs git, which walks the work tree as long as reading them takes).
/// `listed`, when given, is called with them on the calling thread before they are checked.
std::vector<Finding> check_changed(const std::filesystem::path& root, const StoreOptions& options,
                                   const std::function<ChangedFiles()>& list_changes,
                                   const std::function<void(const ChangedFiles&)>& listed = {});

}  // namespace peers
