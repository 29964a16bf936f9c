#pragma once
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "peers/check_changed.hpp"

namespace peers::cli {

/// The store files changed since `ref` (its merge base with HEAD, as a pull request sees it),
/// committed or not, untracked ones included; throws when git cannot tell.
ChangedFiles changed_since(const std::filesystem::path& store_root, const std::string& ref);

/// The files staged for the next commit (the index against HEAD, or against nothing before
/// the first commit), without walking the work tree; none when no staged file is a store file.
std::vector<std::string> staged_store_files(const std::filesystem::path& store_root);

/// The store as staged for the next commit: the `staged` files (reported on) and the files
/// whose index content differs from the work tree (read from the index too), read from a copy
/// of the index made under `scratch`.
ChangedFiles staged_changes(const std::filesystem::path& store_root,
                            const std::filesystem::path& scratch, std::size_t max_bytes,
                            std::vector<std::string> staged);

/// Files under the store's .peers/ that git tracks (they should never be committed).
std::vector<std::string> tracked_state_files(const std::filesystem::path& store_root);

/// The store's directory inside its git work tree ("" at the top, "sub/dir/" below it).
std::string repository_prefix(const std::filesystem::path& store_root);

}  // namespace peers::cli
