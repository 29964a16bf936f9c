#pragma once
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "peers/model.hpp"

namespace peers {

/// The topic a person means by `text`: its id, name or one of its aliases, ignoring case,
/// accents and punctuation.
const Topic* find_topic(const std::vector<Topic>& topics, std::string_view text);

/// True when one of the person's expertise entries names `topic` (id, name or alias).
bool knows_topic(const Person& person, const Topic& topic);

struct PeopleFilter {
  std::string topic;       // a topic id, name or alias, or free text found in expertise
  std::string department;  // part of the department, ignoring case and accents
  std::string tag;
  bool include_left = true;
};

bool matches(const Person& person, const PeopleFilter& filter, const std::vector<Topic>& topics);

}  // namespace peers
