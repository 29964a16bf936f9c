#include "questions.hpp"

#include <fmt/format.h>

#include "output.hpp"
#include "peers/error.hpp"
#include "peers/text.hpp"
#include "records_json.hpp"
#include "resolve.hpp"

namespace peers::cli {

void print_question(const Output& io, const Question& q, Timestamp now) {
  io.out << io.style(q.id, "bold") << "  " << to_string(q.status)
         << (q.archived ? " (archived)" : "") << '\n';
  for (const auto& line : split(safe_multiline(q.text), '\n')) io.out << "  " << line << '\n';
  Table t;
  auto row = [&](const char* label, const std::string& value) {
    if (!value.empty()) t.add({std::string("  ") + label, value});
  };
  row("from", safe(q.from));
  row("channel", safe(q.channel));
  row("asked", format_local_time(q.asked_at) + " (" + format_age(now - q.asked_at) + " ago)");
  std::vector<std::string> topics;
  for (const auto& topic : q.topics) topics.push_back(safe(topic));
  row("topics", join(topics, ", "));
  row(q.status == QuestionStatus::routed ? "waiting on" : "routed to", safe(q.routed_to));
  row("answered by", safe(q.answered_by));
  if (q.answered_at)
    row("answered", format_local_time(*q.answered_at) + " (" +
                        format_duration(*q.answered_at - q.asked_at) + " after it was asked)");
  t.print(io);
  if (!q.answer.empty()) {
    io.out << io.style("Answer", "bold") << '\n';
    for (const auto& line : split(safe_multiline(q.answer), '\n')) io.out << "  " << line << '\n';
  }
  if (!q.history.empty()) {
    io.out << io.style("History", "bold") << '\n';
    Table h;
    for (const auto& e : q.history) {
      std::vector<std::string> details;
      if (!e.to.empty()) details.push_back("to " + safe(e.to));
      if (!e.by.empty()) details.push_back("by " + safe(e.by));
      if (!e.note.empty()) details.push_back(safe(e.note));
      h.add({"  " + format_local_time(e.at), safe(e.event), join(details, ", ")});
    }
    h.print(io);
  }
}

Question read_question_by_prefix(Store& store, std::string_view wanted) {
  return read_question(store, resolve_id(store, Kind::question, wanted));
}

Person read_person_by_prefix(Store& store, std::string_view wanted) {
  return read_person(store, resolve_id(store, Kind::person, wanted));
}

std::string unused_question_id(const Store& store, const Environment& env) {
  QuestionIdGenerator ids(env.question_id_seed);
  for (int attempt = 0; attempt < 1000; ++attempt) {
    std::string id = ids.next();
    if (!store.exists(Kind::question, id) && !store.exists(Kind::person, id)) return id;
  }
  throw Error("could not find an unused question id", "this is a bug in peers; please report it");
}

Change change_now(Context& ctx, std::string note) {
  return Change{ctx.now(), ctx.team_member(), std::move(note)};
}

std::vector<QuestionStatus> parse_statuses(const std::vector<std::string>& values) {
  std::vector<QuestionStatus> out;
  for (const auto& value : values) {
    for (const auto& part : split(value, ',')) {
      std::string word = to_lower_ascii(trim(part));
      if (word.empty()) continue;
      if (word == "all") {
        return {QuestionStatus::open, QuestionStatus::routed, QuestionStatus::answered,
                QuestionStatus::closed};
      }
      auto status = parse_question_status(word);
      if (!status)
        throw Error(fmt::format("--status is open, routed, answered, closed or all, not '{}'",
                                safe(word)),
                    "for example: --status answered, or --status open,routed", exit_usage);
      out.push_back(*status);
    }
  }
  return out;
}

std::vector<AnsweredBefore> answered_before(const Store& store, const RoutingIndex& index,
                                            std::string_view text, std::size_t limit,
                                            std::string_view exclude_id) {
  std::vector<AnsweredBefore> out;
  for (const auto& s : index.similar_answered(text, limit, exclude_id))
    out.push_back({read_question(store, s.id), s.similarity});
  return out;
}

void print_suggestions(const Output& io, const RoutingResult& routing,
                       const std::vector<AnsweredBefore>& similar) {
  // The people, as `peers who-knows` prints them.
  if (!routing.good_fit) {
    io.out << "Nobody in the store is a good fit for this question.\n";
    if (!routing.closest_topics.empty()) {
      std::vector<std::string> names;
      for (const auto& t : routing.closest_topics) names.push_back(safe(t));
      io.out << "Closest topics: " << join(names, ", ") << '\n';
    }
    if (!routing.people.empty()) io.out << "Weak matches, only if nothing better turns up:\n";
  } else {
    io.out << io.style("Who to ask", "bold") << '\n';
  }
  for (std::size_t i = 0; i < routing.people.size(); ++i) {
    const Candidate& c = routing.people[i];
    io.out << fmt::format("{}. {} ({})  {}  {:.2f}\n", i + 1, io.style(safe(c.name), "bold"),
                          c.id, c.confidence, c.score);
    for (const auto& r : c.reasons) io.out << "   " << safe(r) << '\n';
  }
  if (similar.empty()) return;
  io.out << io.style("Answered before", "bold") << '\n';
  for (const auto& s : similar) {
    const Question& q = s.question;
    io.out << fmt::format("{}  {:.0f}% alike  {}\n", q.id, s.similarity * 100, safe(q.text));
    for (const auto& line : split(safe_multiline(q.answer), '\n')) io.out << "   " << line << '\n';
  }
}

nlohmann::ordered_json suggestions_json(const RoutingResult& routing,
                                        const std::vector<AnsweredBefore>& similar) {
  using json = nlohmann::ordered_json;
  json people = json::array();
  for (const auto& c : routing.people)
    people.push_back({{"id", c.id},
                      {"name", c.name},
                      {"score", c.score},
                      {"confidence", c.confidence},
                      {"reasons", c.reasons}});
  json answered = json::array();
  for (const auto& s : similar) {
    json q = to_json(s.question);
    answered.push_back({{"similarity", s.similarity}, {"question", q}});
  }
  return json{{"people", people},
              {"good_fit", routing.good_fit},
              {"closest_topics", routing.closest_topics},
              {"similar", answered}};
}

std::vector<std::string> question_row(const Question& q, Timestamp now) {
  std::string person = q.answered_by.empty() ? q.routed_to : q.answered_by;
  return {q.id, format_age(now - q.asked_at), to_string(q.status),
          person.empty() ? "-" : safe(person), safe(q.text)};
}

}  // namespace peers::cli
