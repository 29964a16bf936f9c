#pragma once
// The store's own layout (peers.yaml, the kind directories, questions/archive, .peers).
// Private to peers_core.
#include <filesystem>

namespace peers {

/// Throws an error naming the link when peers.yaml, a kind directory, questions/archive or
/// .peers in `root` is a symbolic link: nothing outside a store is read, written or locked.
/// Opening a store calls it; so does `check`, which reads the files without opening one.
void refuse_symlinks_in_layout(const std::filesystem::path& root);

}  // namespace peers
