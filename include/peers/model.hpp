#pragma once
#include <array>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "peers/node.hpp"
#include "peers/time.hpp"

namespace peers {

/// The kinds of record, each in its own directory of the store.
enum class Kind { person, topic, question, event, lead };

struct KindInfo {
  Kind kind;
  const char* directory;  // "people"
  const char* noun;       // "person"
};
const KindInfo& info(Kind kind);
/// Every kind, in the order listings and checks use.
const std::vector<KindInfo>& all_kinds();

/// An enum's value by its name in `names` (listed in the enum's order), and its name (the
/// first, the default, for a value out of range).
template <typename Enum, std::size_t N>
const char* enum_name(Enum value, const std::array<const char*, N>& names) {
  auto index = static_cast<std::size_t>(value);
  return index < N ? names[index] : names[0];
}
template <typename Enum, std::size_t N>
std::optional<Enum> enum_value(std::string_view name, const std::array<const char*, N>& names) {
  for (std::size_t i = 0; i < N; ++i)
    if (name == names[i]) return static_cast<Enum>(i);
  return std::nullopt;
}

using StringPairs = std::vector<std::pair<std::string, std::string>>;

struct LogEntry {
  Date date;
  std::string note;
  std::string by;  // who on the team had the conversation
  Node extra;      // keys peers does not know, kept on rewrite
};

/// The values of Person::status; the first is the default.
inline constexpr std::array<const char*, 2> person_status_names = {"active", "left"};

struct Person {
  std::string id;
  std::string name;
  StringPairs name_parts;  // given, middle, family, prefix, suffix: only when the name alone
                           // does not tell them (see docs/format.md)
  std::vector<std::string> nicknames;
  std::string title;
  std::string organization;  // for people outside the store's organisation
  std::string department;
  std::string email;
  std::vector<std::string> emails;  // the others, "address (type)"
  std::string phone;
  std::vector<std::string> phones;  // the others, "number (type)"
  StringPairs handles;  // network -> handle
  std::vector<std::string> expertise;  // topic ids, names, aliases or free text
  std::vector<std::string> tags;
  std::optional<Date> met;
  std::string notes;
  std::vector<LogEntry> log;
  std::string added_by;
  std::string status = "active";  // one of person_status_names
  std::string forward_to;         // a person id
  std::optional<Date> away_until;
  Node extra;

  bool has_left() const { return status == "left"; }
};

struct Topic {
  std::string id;
  std::string name;
  std::vector<std::string> aliases;
  std::string description;
  std::vector<std::string> related;  // topic ids
  Node extra;
};

struct HistoryEntry {
  Timestamp at = 0;
  std::string event;  // asked, routed, answered, closed, reopened, edited
  std::string to;
  std::string by;
  std::string note;
  Node extra;
};

enum class QuestionStatus { open, routed, answered, closed };
/// The name of each QuestionStatus, in the enum's order (the first is the default).
inline constexpr std::array<const char*, 4> question_status_names = {"open", "routed", "answered",
                                                                     "closed"};
const char* to_string(QuestionStatus status);
std::optional<QuestionStatus> parse_question_status(std::string_view text);

struct Question {
  std::string id;
  std::string text;
  std::string from;     // the follower, e.g. "@jdoe"
  std::string channel;  // twitter, instagram, email...
  Timestamp asked_at = 0;
  QuestionStatus status = QuestionStatus::open;
  std::string routed_to;  // person id
  std::string answer;
  std::string answered_by;  // person id
  std::optional<Timestamp> answered_at;
  std::vector<std::string> topics;
  std::vector<HistoryEntry> history;
  Node extra;
  bool archived = false;  // lives in questions/archive/ (not a key in the file)
};

/// peers.yaml
struct StoreConfig {
  int format = 1;
  std::string name;
  int archive_after_days = 180;
  std::vector<std::string> retired_ids;  // person ids that must never be given out again
  Node extra;
};

constexpr int current_format = 1;

// Conversions between records and their YAML trees. `file` is used in error messages; every
// problem throws a located Error.
Person person_from_node(const Node& node, std::string id, const std::string& file);
Node person_to_node(const Person& person);
Topic topic_from_node(const Node& node, std::string id, const std::string& file);
Node topic_to_node(const Topic& topic);
Question question_from_node(const Node& node, std::string id, const std::string& file);
Node question_to_node(const Question& question);
StoreConfig config_from_node(const Node& node, const std::string& file);
Node config_to_node(const StoreConfig& config);

}  // namespace peers
