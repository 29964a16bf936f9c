#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "peers/model.hpp"

namespace peers {

/// The topic a person means by `text`: its id, name or one of its aliases, ignoring case,
/// accents and punctuation.
const Topic* find_topic(const std::vector<Topic>& topics, std::string_view text);

/// True when one of the person's expertise entries names `topic` (id, name or alias).
bool knows_topic(const Person& person, const Topic& topic);

/// Every topic's id, name and aliases folded once, so that many names can be looked up without
/// folding the topics again for each (find_topic and knows_topic fold them on every call).
class TopicIndex {
 public:
  /// `topics` must outlive the index.
  explicit TopicIndex(const std::vector<Topic>& topics);
  /// find_topic's answer: the first topic (in list order) that `text` names.
  const Topic* find(std::string_view text) const;
  /// How many people know each topic (knows_topic), by position in the topic list; people who
  /// have left are counted only with `include_left`.
  std::vector<int> people_per_topic(const std::vector<Person>& people, bool include_left) const;
  /// True when one of the person's expertise entries names `topic` (knows_topic's answer).
  bool knows(const Person& person, const Topic& topic) const;

 private:
  const std::vector<Topic>& topics_;
  /// name_key of an id, name or alias -> positions of the topics it names, ascending.
  std::unordered_map<std::string, std::vector<std::uint32_t>> by_key_;
  const std::vector<std::uint32_t>* named_by(std::string_view text) const;
};

struct PeopleFilter {
  std::string topic;       // a topic id, name or alias, or free text found in expertise
  std::string department;  // part of the department, ignoring case and accents
  std::string organization;  // part of the organization, ignoring case and accents
  std::string tag;
  bool include_left = true;
};

bool matches(const Person& person, const PeopleFilter& filter, const TopicIndex& topics);
/// The kinds of record `matches` needs: people, and topics only when filtering by topic.
std::vector<Kind> kinds_to_match(const PeopleFilter& filter);

}  // namespace peers
