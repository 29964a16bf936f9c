// Store paths: which record a path in the store names. The only parser of them; merge, check
// and the saved routing index all go through classify_path.
#include <vector>

#include "peers/store.hpp"
#include "peers/text.hpp"

namespace peers {

PathKind classify_path(const std::string& path) {
  PathKind out;
  std::vector<std::string> parts = split(path, '/');
  if (parts.empty()) return out;
  const std::string& name = parts.back();
  if (name == "peers.yaml") {
    out.is_config = true;
    return out;
  }
  if (!std::string_view(name).ends_with(".yaml") || parts.size() < 2) return out;
  std::string dir = parts[parts.size() - 2];
  if (dir == "archive" && parts.size() >= 3) {
    dir = parts[parts.size() - 3];
    out.archived = true;
  }
  for (const auto& kind : all_kinds()) {
    if (dir != kind.directory) continue;
    if (out.archived && kind.kind != Kind::question) return out;
    out.kind = kind.kind;
    out.id = name.substr(0, name.size() - 5);
    return out;
  }
  out.archived = false;
  return out;
}

}  // namespace peers
