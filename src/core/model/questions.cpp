#include "peers/questions.hpp"

#include <algorithm>
#include <unordered_map>

#include <fmt/format.h>

#include "peers/error.hpp"

namespace peers {
namespace {

void append_history(Question& q, std::string event, std::string to, std::string by,
                    const Change& change) {
  HistoryEntry entry;
  entry.at = change.at;
  entry.event = std::move(event);
  entry.to = std::move(to);
  entry.by = std::move(by);
  entry.note = change.note;
  q.history.push_back(std::move(entry));
}

std::string reopen_hint(const Question& q) { return fmt::format("peers reopen {}", q.id); }

}  // namespace

std::string question_id_from_bits(std::uint64_t bits) {
  std::string id(question_id_length, '0');
  for (std::size_t i = question_id_length; i-- > 0;) {
    id[i] = question_id_alphabet[bits & 31];
    bits >>= 5;
  }
  return id;
}

bool is_question_id(std::string_view id) {
  return id.size() == question_id_length &&
         std::all_of(id.begin(), id.end(), [](char c) {
           return question_id_alphabet.find(c) != std::string_view::npos;
         });
}

QuestionIdGenerator::QuestionIdGenerator(std::optional<std::uint64_t> seed) {
  if (seed) {
    engine_.seed(*seed);
  } else {
    std::random_device device;
    std::seed_seq seq{device(), device(), device(), device(), device(), device()};
    engine_.seed(seq);
  }
}

std::string QuestionIdGenerator::next() { return question_id_from_bits(engine_()); }

Question new_question(std::string id, std::string text, std::string from, std::string channel,
                      std::vector<std::string> topics, const Change& change) {
  if (text.empty()) throw Error("a question needs its text", {}, exit_usage);
  Question q;
  q.id = std::move(id);
  q.text = std::move(text);
  q.from = std::move(from);
  q.channel = std::move(channel);
  q.topics = std::move(topics);
  q.asked_at = change.at;
  q.status = QuestionStatus::open;
  append_history(q, "asked", {}, change.by, change);
  return q;
}

void route_to(Question& q, const Person& person, const Change& change) {
  if (q.status == QuestionStatus::answered)
    throw Error(fmt::format("question {} is already answered; it cannot be routed", q.id),
                fmt::format("to ask again, reopen it first: {}", reopen_hint(q)));
  if (q.status == QuestionStatus::closed)
    throw Error(fmt::format("question {} is closed; it cannot be routed", q.id),
                fmt::format("to work on it again, reopen it first: {}", reopen_hint(q)));
  if (person.has_left())
    throw Error(fmt::format("{} has left; questions cannot be routed to them", person.id),
                person.forward_to.empty()
                    ? fmt::format("'peers route {}' suggests who else to ask", q.id)
                    : fmt::format("they forward to {}: peers route {} {}", person.forward_to,
                                  q.id, person.forward_to));
  if (q.status == QuestionStatus::routed && q.routed_to == person.id)
    throw Error(fmt::format("question {} is already routed to {}", q.id, person.id));
  q.status = QuestionStatus::routed;
  q.routed_to = person.id;
  append_history(q, "routed", person.id, change.by, change);
}

void answer_question(Question& q, std::string answer, std::string answered_by,
                     const Change& change) {
  if (q.status == QuestionStatus::answered)
    throw Error(fmt::format("question {} is already answered{}", q.id,
                            q.answered_by.empty() ? "" : " by " + q.answered_by),
                fmt::format("to change the answer, reopen it first: {}", reopen_hint(q)));
  if (q.status == QuestionStatus::closed)
    throw Error(fmt::format("question {} is closed; it cannot be answered", q.id),
                fmt::format("reopen it first: {}", reopen_hint(q)));
  if (answer.empty()) throw Error("an answer needs its text", {}, exit_usage);
  if (answered_by.empty()) answered_by = q.routed_to;
  q.status = QuestionStatus::answered;
  q.answer = std::move(answer);
  q.answered_by = answered_by;
  q.answered_at = change.at;
  append_history(q, "answered", {}, answered_by.empty() ? change.by : answered_by, change);
}

void close_question(Question& q, const Change& change) {
  if (q.status == QuestionStatus::closed)
    throw Error(fmt::format("question {} is already closed", q.id),
                fmt::format("to work on it again: {}", reopen_hint(q)));
  q.status = QuestionStatus::closed;
  append_history(q, "closed", {}, change.by, change);
}

void reopen_question(Question& q, const Change& change) {
  if (q.status != QuestionStatus::answered && q.status != QuestionStatus::closed)
    throw Error(fmt::format("question {} is {}, not answered or closed; there is nothing to reopen",
                            q.id, to_string(q.status)));
  Change entry = change;
  if (!q.answer.empty()) {
    std::string previous = "previous answer: " + q.answer;
    entry.note = entry.note.empty() ? previous : entry.note + "; " + previous;
  }
  q.status = q.routed_to.empty() ? QuestionStatus::open : QuestionStatus::routed;
  q.answer.clear();
  q.answered_by.clear();
  q.answered_at.reset();
  append_history(q, "reopened", {}, change.by, entry);
}

std::optional<Timestamp> first_routed_at(const Question& q) {
  for (const auto& h : q.history)
    if (h.event == "routed") return h.at;
  return std::nullopt;
}

Timestamp last_activity(const Question& q) {
  Timestamp last = q.asked_at;
  if (q.answered_at) last = std::max(last, *q.answered_at);
  for (const auto& h : q.history) last = std::max(last, h.at);
  return last;
}

bool due_for_archive(const Question& q, int archive_after_days, Timestamp now) {
  if (q.archived) return false;
  if (q.status != QuestionStatus::answered && q.status != QuestionStatus::closed) return false;
  return now - last_activity(q) >= static_cast<Timestamp>(archive_after_days) * 86400;
}

std::optional<std::int64_t> median(std::vector<std::int64_t> durations) {
  if (durations.empty()) return std::nullopt;
  std::sort(durations.begin(), durations.end());
  std::size_t mid = durations.size() / 2;
  if (durations.size() % 2 == 1) return durations[mid];
  return (durations[mid - 1] + durations[mid]) / 2;
}

std::string format_duration(std::int64_t seconds) {
  if (seconds < 0) seconds = 0;
  if (seconds < 60) return fmt::format("{}s", seconds);
  struct Unit {
    std::int64_t seconds;
    const char* name;
  };
  static constexpr Unit units[] = {{7 * 86400, "w"}, {86400, "d"}, {3600, "h"}, {60, "m"}};
  for (std::size_t i = 0; i < std::size(units); ++i) {
    std::int64_t whole = seconds / units[i].seconds;
    if (whole == 0) continue;
    std::string text = fmt::format("{}{}", whole, units[i].name);
    if (i + 1 < std::size(units)) {
      std::int64_t rest = (seconds % units[i].seconds) / units[i + 1].seconds;
      if (rest > 0) text += fmt::format(" {}{}", rest, units[i + 1].name);
    }
    return text;
  }
  return {};
}

namespace {

/// What one question adds to each group it is counted in, worked out once.
struct Sample {
  QuestionStatus status;
  std::optional<std::int64_t> to_answer, to_route;
  explicit Sample(const Question& q) : status(q.status) {
    if (q.answered_at) to_answer = std::max<std::int64_t>(0, *q.answered_at - q.asked_at);
    if (auto routed = first_routed_at(q)) to_route = std::max<std::int64_t>(0, *routed - q.asked_at);
  }
};

struct Accumulator {
  QuestionStats stats;
  std::vector<std::int64_t> to_route;
  std::vector<std::int64_t> to_answer;

  void add(const Sample& q) {
    ++stats.asked;
    switch (q.status) {
      case QuestionStatus::open: ++stats.open; break;
      case QuestionStatus::routed: ++stats.routed; break;
      case QuestionStatus::answered: break;
      case QuestionStatus::closed: ++stats.closed; break;
    }
    if (q.to_answer) {
      ++stats.answered;
      to_answer.push_back(*q.to_answer);
    }
    if (q.to_route) to_route.push_back(*q.to_route);
  }

  QuestionStats finish() const {
    QuestionStats s = stats;
    s.median_to_route = median(to_route);
    s.median_to_answer = median(to_answer);
    return s;
  }
};

/// Counted by hash (tens of thousands of questions, thousands of people), reported in order.
using GroupCounts = std::unordered_map<std::string, Accumulator>;

std::map<std::string, QuestionStats> finish_all(const GroupCounts& groups) {
  std::map<std::string, QuestionStats> out;
  for (const auto& [key, acc] : groups) out.emplace(key, acc.finish());
  return out;
}

}  // namespace

struct QuestionStatsCounter::Groups {
  Accumulator total;
  GroupCounts topics, people, channels;
};

QuestionStatsCounter::QuestionStatsCounter() : groups_(std::make_unique<Groups>()) {}
QuestionStatsCounter::~QuestionStatsCounter() = default;

void QuestionStatsCounter::add(const Question& q) {
  Groups& g = *groups_;
  const Sample sample(q);
  g.total.add(sample);
  if (q.topics.empty()) g.topics[""].add(sample);
  for (const auto& t : q.topics) g.topics[t].add(sample);
  g.people[q.answered_by.empty() ? q.routed_to : q.answered_by].add(sample);
  g.channels[q.channel].add(sample);
}

StatsReport QuestionStatsCounter::report() const {
  const Groups& g = *groups_;
  return {g.total.finish(), finish_all(g.topics), finish_all(g.people), finish_all(g.channels)};
}

StatsReport question_stats(const std::vector<Question>& questions) {
  QuestionStatsCounter counter;
  for (const auto& q : questions) counter.add(q);
  return counter.report();
}

}  // namespace peers
