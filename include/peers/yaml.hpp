#pragma once
#include <cstddef>
#include <string>
#include <string_view>

#include "peers/node.hpp"

namespace peers {

/// Bounds that every record must fit in before yaml-cpp is allowed to build anything.
struct LoadLimits {
  std::size_t max_bytes = 256 * 1024;
  int max_depth = 32;
  std::size_t max_nodes = 20000;
};

/// The strict loader: parses one YAML record. Refuses (with a located Error) invalid UTF-8,
/// NUL, bare CR, merge-conflict markers, quoted strings that run past their line, a second
/// document, anchors, aliases, explicit tags, duplicate keys, and anything past the limits.
/// Keeps full-line and end-of-line comments on the nodes they belong to.
/// `file` names the source in messages only.
Node parse_yaml(std::string_view text, const std::string& file, const LoadLimits& limits = {});

/// The canonical writer: block style, two-space indent, LF, comments put back, every string
/// quoted where any YAML 1.1 or 1.2 reader could take it for something else.
std::string emit_yaml(const Node& root);

/// True when `text` can be written as a plain scalar and read back as the same string by any
/// YAML 1.1 or 1.2 reader.
bool plain_scalar_is_safe(std::string_view text);

}  // namespace peers
