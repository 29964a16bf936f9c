#pragma once
#include <string>
#include <string_view>
#include <vector>

#include "peers/model.hpp"
#include "peers/store.hpp"

namespace peers::cli {

struct Resolved {
  Kind kind;
  std::string id;
};

/// The record a person means by `wanted`: an exact id, else the only id that starts with it
/// (a name such as "Maria Lopez" is tried as its slug). Unknown -> "did you mean"; ambiguous
/// -> the candidates. Both exit with exit_not_found.
Resolved resolve(const Store& store, std::string_view wanted, const std::vector<Kind>& kinds);
std::string resolve_id(const Store& store, Kind kind, std::string_view wanted);

/// The id of a topic named by id, id prefix, name or alias (in cmd_topic.cpp).
std::string find_topic_id(Store& store, const std::string& wanted);

/// "person", "people or questions", ...
std::string describe_kinds(const std::vector<Kind>& kinds);

}  // namespace peers::cli
