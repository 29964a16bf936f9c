#pragma once
#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <random>
#include <string>
#include <string_view>
#include <vector>

#include "peers/model.hpp"
#include "peers/time.hpp"

namespace peers {

/// The 32 characters of question ids: digits and lowercase letters without i, l, o, u.
inline constexpr std::string_view question_id_alphabet = "0123456789abcdefghjkmnpqrstvwxyz";
inline constexpr std::size_t question_id_length = 8;  // 8 x 5 bits = 40 bits

/// The id spelled by the low 40 bits of `bits`, most significant character first.
std::string question_id_from_bits(std::uint64_t bits);
/// True for 8 characters of question_id_alphabet.
bool is_question_id(std::string_view id);

/// Makes random question ids: from std::random_device, or, for tests, from a fixed seed so the
/// ids of a run can be predicted.
class QuestionIdGenerator {
 public:
  explicit QuestionIdGenerator(std::optional<std::uint64_t> seed = std::nullopt);
  std::string next();

 private:
  std::mt19937_64 engine_;
};

/// Who makes a change, and when, for its history entry.
struct Change {
  Timestamp at = 0;
  std::string by;    // the team member running the command
  std::string note;  // optional
};

// The status machine: open -> routed -> answered -> closed, and reopen. Each function changes
// the question and appends one history entry, or throws an Error (exit_error) explaining why
// the change makes no sense, leaving the question as it was.

/// A new question, status open, with an "asked" history entry.
Question new_question(std::string id, std::string text, std::string from, std::string channel,
                      std::vector<std::string> topics, const Change& change);
/// Hands the question to `person`. Refused when it is answered or closed, already waits on
/// them, or when they have left (pointing at their forward_to).
void route_to(Question& question, const Person& person, const Change& change);
/// Records the answer. `answered_by` is a person id; empty means the person it was routed to.
/// Refused when already answered or closed.
void answer_question(Question& question, std::string answer, std::string answered_by,
                     const Change& change);
/// Closes the question (answered or not). Refused when already closed.
void close_question(Question& question, const Change& change);
/// Back to routed (when it was routed) or open; the answer moves into the history entry.
/// Refused unless answered or closed.
void reopen_question(Question& question, const Change& change);

/// When the question was first routed, from its history.
std::optional<Timestamp> first_routed_at(const Question& question);
/// The time of its last change (the latest of asked_at, answered_at and the history).
Timestamp last_activity(const Question& question);
/// True when `peers archive` would move it: answered or closed, not archived yet, and its last
/// change at least `archive_after_days` before `now`.
bool due_for_archive(const Question& question, int archive_after_days, Timestamp now);

/// Median of the durations in seconds; nothing for an empty list. With an even count, the
/// mean of the two middle values (rounded down).
std::optional<std::int64_t> median(std::vector<std::int64_t> durations);

/// A duration for stats, to two units: "45m", "3h", "3h 20m", "1d 12h", "2w 3d".
std::string format_duration(std::int64_t seconds);

/// Counts and median times of a group of questions.
struct QuestionStats {
  int asked = 0;
  int open = 0;
  int routed = 0;
  int answered = 0;  // answered, or closed with an answer
  int closed = 0;
  std::optional<std::int64_t> median_to_route;   // asked -> first routed, in seconds
  std::optional<std::int64_t> median_to_answer;  // asked -> answered, in seconds
};

struct StatsReport {
  QuestionStats total;
  std::map<std::string, QuestionStats> by_topic;    // topic as written; "" for none
  std::map<std::string, QuestionStats> by_person;   // answered_by, else routed_to; "" for none
  std::map<std::string, QuestionStats> by_channel;  // "" for none
};

/// Counts and medians over every question given (archived ones too).
StatsReport question_stats(const std::vector<Question>& questions);

/// question_stats one question at a time, for a caller that does not keep the questions.
class QuestionStatsCounter {
 public:
  QuestionStatsCounter();
  ~QuestionStatsCounter();
  QuestionStatsCounter(const QuestionStatsCounter&) = delete;
  QuestionStatsCounter& operator=(const QuestionStatsCounter&) = delete;
  void add(const Question& question);
  StatsReport report() const;

 private:
  struct Groups;
  std::unique_ptr<Groups> groups_;
};

}  // namespace peers
