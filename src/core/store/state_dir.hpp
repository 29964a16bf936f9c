#pragma once
#include <filesystem>

namespace peers {

/// Makes `dir` (its parent must exist) for peers' own files, with a `.gitignore` holding `*`
/// so that git neither shows nor commits anything in it, whatever the store's own .gitignore
/// says (the way pytest and mypy keep their caches out of git). True when it made `dir`.
bool make_state_directory(const std::filesystem::path& dir);

/// Writes `dir/.gitignore` (`*`) when it is missing and `dir` can be written: for a directory
/// an older peers made without it. Costs one lstat when the file is there.
void ignore_state_directory(const std::filesystem::path& dir);

}  // namespace peers
