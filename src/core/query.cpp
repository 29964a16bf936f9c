#include "peers/query.hpp"

#include <algorithm>

#include "peers/text.hpp"

namespace peers {
namespace {

/// Folded text with every run of non-alphanumerics turned into one space.
std::string key_of(std::string_view text) {
  std::string folded = fold(text);
  std::string out;
  bool space = false;
  for (char c : folded) {
    bool word = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || static_cast<unsigned char>(c) >= 0x80;
    if (!word) {
      space = !out.empty();
      continue;
    }
    if (space) out += ' ';
    space = false;
    out += c;
  }
  return out;
}

bool names_topic(const Topic& topic, const std::string& key) {
  if (key == key_of(topic.id) || key == key_of(topic.name)) return true;
  return std::any_of(topic.aliases.begin(), topic.aliases.end(),
                     [&](const std::string& a) { return key_of(a) == key; });
}

}  // namespace

const Topic* find_topic(const std::vector<Topic>& topics, std::string_view text) {
  std::string key = key_of(text);
  if (key.empty()) return nullptr;
  for (const auto& t : topics)
    if (names_topic(t, key)) return &t;
  return nullptr;
}

bool knows_topic(const Person& person, const Topic& topic) {
  return std::any_of(person.expertise.begin(), person.expertise.end(),
                     [&](const std::string& e) { return names_topic(topic, key_of(e)); });
}

bool matches(const Person& person, const PeopleFilter& filter, const std::vector<Topic>& topics) {
  if (!filter.include_left && person.has_left()) return false;
  if (!filter.department.empty() &&
      key_of(person.department).find(key_of(filter.department)) == std::string::npos)
    return false;
  if (!filter.tag.empty() &&
      std::none_of(person.tags.begin(), person.tags.end(),
                   [&](const std::string& t) { return key_of(t) == key_of(filter.tag); }))
    return false;
  if (!filter.topic.empty()) {
    const Topic* topic = find_topic(topics, filter.topic);
    if (topic && knows_topic(person, *topic)) return true;
    std::string wanted = key_of(filter.topic);
    return std::any_of(person.expertise.begin(), person.expertise.end(),
                       [&](const std::string& e) { return key_of(e).find(wanted) != std::string::npos; });
  }
  return true;
}

}  // namespace peers
