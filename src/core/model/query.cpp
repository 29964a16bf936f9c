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

TopicIndex::TopicIndex(const std::vector<Topic>& topics) : topics_(topics) {
  by_key_.reserve(topics.size() * 3);
  auto add = [&](std::string_view text, std::uint32_t position) {
    std::string key = name_key(text);
    if (key.empty()) return;
    auto& positions = by_key_[std::move(key)];
    if (positions.empty() || positions.back() != position) positions.push_back(position);
  };
  for (std::uint32_t i = 0; i < topics.size(); ++i) {
    add(topics[i].id, i);
    add(topics[i].name, i);
    for (const auto& a : topics[i].aliases) add(a, i);
  }
}

const std::vector<std::uint32_t>* TopicIndex::named_by(std::string_view text) const {
  auto it = by_key_.find(name_key(text));
  return it == by_key_.end() ? nullptr : &it->second;
}

const Topic* TopicIndex::find(std::string_view text) const {
  const auto* positions = named_by(text);
  return positions ? &topics_[positions->front()] : nullptr;
}

bool TopicIndex::knows(const Person& person, const Topic& topic) const {
  auto position = static_cast<std::uint32_t>(&topic - topics_.data());
  return std::any_of(person.expertise.begin(), person.expertise.end(), [&](const std::string& e) {
    const auto* positions = named_by(e);
    return positions && std::binary_search(positions->begin(), positions->end(), position);
  });
}

std::vector<int> TopicIndex::people_per_topic(const std::vector<Person>& people,
                                              bool include_left) const {
  std::vector<int> counts(topics_.size(), 0);
  std::vector<std::uint32_t> known;
  for (const auto& p : people) {
    if (p.has_left() && !include_left) continue;
    known.clear();
    for (const auto& e : p.expertise)
      if (const auto* positions = named_by(e)) known.insert(known.end(), positions->begin(), positions->end());
    std::sort(known.begin(), known.end());
    known.erase(std::unique(known.begin(), known.end()), known.end());
    for (auto position : known) ++counts[position];
  }
  return counts;
}

bool matches(const Person& person, const PeopleFilter& filter, const TopicIndex& topics) {
  if (!filter.include_left && person.has_left()) return false;
  if (!filter.department.empty() &&
      name_key(person.department).find(name_key(filter.department)) == std::string::npos)
    return false;
  if (!filter.organization.empty() &&
      name_key(person.organization).find(name_key(filter.organization)) == std::string::npos)
    return false;
  if (!filter.tag.empty() &&
      std::none_of(person.tags.begin(), person.tags.end(),
                   [&](const std::string& t) { return name_key(t) == name_key(filter.tag); }))
    return false;
  if (!filter.topic.empty()) {
    const Topic* topic = topics.find(filter.topic);
    if (topic && topics.knows(person, *topic)) return true;
    std::string wanted = name_key(filter.topic);
    return std::any_of(person.expertise.begin(), person.expertise.end(),
                       [&](const std::string& e) { return name_key(e).find(wanted) != std::string::npos; });
  }
  return true;
}

}  // namespace peers

namespace peers {

std::vector<Kind> kinds_to_match(const PeopleFilter& filter) {
  if (filter.topic.empty()) return {Kind::person};
  return {Kind::person, Kind::topic};
}

}  // namespace peers
