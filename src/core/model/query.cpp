#include "peers/query.hpp"

#include <algorithm>

#include "peers/text.hpp"

namespace peers {
namespace {

bool names_topic(const Topic& topic, const std::string& key) {
  if (key == name_key(topic.id) || key == name_key(topic.name)) return true;
  return std::any_of(topic.aliases.begin(), topic.aliases.end(),
                     [&](const std::string& a) { return name_key(a) == key; });
}

}  // namespace

const Topic* find_topic(const std::vector<Topic>& topics, std::string_view text) {
  std::string key = name_key(text);
  if (key.empty()) return nullptr;
  for (const auto& t : topics)
    if (names_topic(t, key)) return &t;
  return nullptr;
}

bool knows_topic(const Person& person, const Topic& topic) {
  return std::any_of(person.expertise.begin(), person.expertise.end(),
                     [&](const std::string& e) { return names_topic(topic, name_key(e)); });
}

bool matches(const Person& person, const PeopleFilter& filter, const std::vector<Topic>& topics) {
  if (!filter.include_left && person.has_left()) return false;
  if (!filter.department.empty() &&
      name_key(person.department).find(name_key(filter.department)) == std::string::npos)
    return false;
  if (!filter.tag.empty() &&
      std::none_of(person.tags.begin(), person.tags.end(),
                   [&](const std::string& t) { return name_key(t) == name_key(filter.tag); }))
    return false;
  if (!filter.topic.empty()) {
    const Topic* topic = find_topic(topics, filter.topic);
    if (topic && knows_topic(person, *topic)) return true;
    std::string wanted = name_key(filter.topic);
    return std::any_of(person.expertise.begin(), person.expertise.end(),
                       [&](const std::string& e) { return name_key(e).find(wanted) != std::string::npos; });
  }
  return true;
}

}  // namespace peers
