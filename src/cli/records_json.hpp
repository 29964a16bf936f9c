#pragma once
#include <nlohmann/json.hpp>

#include "peers/model.hpp"
#include "peers/node.hpp"

namespace peers::cli {

// The JSON shapes of records, documented in docs/format.md ("JSON output"). Every documented
// key is always present (null, "", [] or {} when empty); keys unknown to peers follow.
nlohmann::ordered_json to_json(const Node& node);
nlohmann::ordered_json to_json(const Person& person);
nlohmann::ordered_json to_json(const Topic& topic);
nlohmann::ordered_json to_json(const Question& question);

}  // namespace peers::cli
