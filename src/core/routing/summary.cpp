#include <unordered_map>

#include "corpus.hpp"
#include "summary.hpp"
#include "peers/text.hpp"

namespace peers {
namespace {

using namespace bytes;
using routing::date_offset;

// A summary (see `summarize`) is a table of the record's distinct words, then its fields, the
// texts among them as lists of indexes into that table:
//   person    name, left (u8), forward_to, away_until, title, department, notes, tags,
//             log [date, text], expertise [as written, name_key, phrase]
//   topic     name, phrases [as written, name_key, phrase] (name, id, aliases), description,
//             related [topic id]
//   question  status (u8), routed_to, answered_by, answered or asked at (i64), has answer (u8),
//             and when it has: text as written, text, answer
// A text keeps every word in order plus "workstudy" for "work-study" (as documents are
// indexed); a phrase keeps the words of a name or alias as written.
class SummaryWriter {
 public:
  void string(std::string_view text) { put_string(body_, text); }
  void flag(bool value) { body_.push_back(value ? 1 : 0); }
  void count(std::size_t n) { put_varint(body_, n); }
  void date(const Date& d) { put_varint(body_, static_cast<std::uint64_t>(d.days_since_epoch() + date_offset)); }
  void optional_date(const std::optional<Date>& d) {
    flag(d.has_value());
    if (d) date(*d);
  }
  void timestamp(Timestamp t) { put(body_, t); }
  void text(std::string_view text) {
    std::vector<std::uint32_t> refs;
    add_text(text, refs);
    put_refs(refs);
  }
  /// Several texts as one (a person's tags).
  void texts(const std::vector<std::string>& texts) {
    std::vector<std::uint32_t> refs;
    for (const auto& t : texts) add_text(t, refs);
    put_refs(refs);
  }
  void phrase(std::string_view as_written) {
    string(as_written);
    string(name_key(as_written));
    std::vector<std::uint32_t> refs;
    for (const auto& w : analyze(as_written)) refs.push_back(word(w.surface));
    put_refs(refs);
  }
  std::string finish() const {
    std::string out;
    put_varint(out, words_.size());
    for (const auto& w : words_) put_string(out, w);
    return out + body_;
  }

 private:
  std::uint32_t word(const std::string& surface) {
    auto [it, added] = index_.try_emplace(surface, static_cast<std::uint32_t>(words_.size()));
    if (added) words_.push_back(surface);
    return it->second;
  }
  void add_text(std::string_view text, std::vector<std::uint32_t>& refs) {
    auto words = analyze(text);
    for (std::size_t i = 0; i < words.size(); ++i) {
      refs.push_back(word(words[i].surface));
      if (words[i].joined && i > 0) refs.push_back(word(words[i - 1].surface + words[i].surface));
    }
  }
  void put_refs(const std::vector<std::uint32_t>& refs) {
    put_varint(body_, refs.size());
    for (auto r : refs) put_varint(body_, r);
  }

  std::vector<std::string> words_;
  std::unordered_map<std::string, std::uint32_t> index_;
  std::string body_;
};


bool has_answer(const Question& q) {
  return !q.answered_by.empty() &&
         (q.status == QuestionStatus::answered || q.status == QuestionStatus::closed);
}

}  // namespace

std::string summarize(const Person& p) {
  SummaryWriter w;
  w.string(p.name);
  w.flag(p.has_left());
  w.string(p.forward_to);
  w.optional_date(p.away_until);
  w.text(p.title);
  // The organisation's words count as department words (a partner's staff, a newspaper).
  w.text(p.organization.empty() ? p.department
                                : p.department.empty() ? p.organization
                                                       : p.department + "\n" + p.organization);
  w.text(p.notes);
  w.texts(p.tags);
  w.count(p.log.size());
  for (const auto& entry : p.log) {
    w.optional_date(entry.date);
    w.text(entry.note);
  }
  w.count(p.expertise.size());
  for (const auto& e : p.expertise) w.phrase(e);
  return w.finish();
}

std::string summarize(const Topic& t) {
  SummaryWriter w;
  w.string(t.name);
  w.count(2 + t.aliases.size());
  w.phrase(t.name);
  w.phrase(t.id);
  for (const auto& a : t.aliases) w.phrase(a);
  w.text(t.description);
  w.count(t.related.size());
  for (const auto& r : t.related) w.string(r);
  return w.finish();
}

std::string summarize(const Question& q) {
  SummaryWriter w;
  w.count(static_cast<std::size_t>(q.status));
  w.string(q.routed_to);
  w.string(q.answered_by);
  w.timestamp(q.answered_at.value_or(q.asked_at));
  w.flag(has_answer(q));
  if (has_answer(q)) {
    w.string(q.text);
    w.text(q.text);
    w.text(q.answer);
  }
  return w.finish();
}

std::pair<std::string_view, std::string_view> question_people(std::string_view in) {
  for (std::uint64_t n = take_count(in); n > 0; --n) take_string(in);  // the word table
  take_varint(in);  // status
  std::string_view routed_to = take_string(in);
  return {routed_to, take_string(in)};
}

Summaries summarize(const Snapshot& snap) {
  auto owned = std::make_shared<std::vector<std::string>>();
  owned->reserve(snap.people.size() + snap.topics.size() + snap.questions.size());
  Summaries out;
  out.skipped = snap.skipped;
  for (const auto& p : snap.people) {
    owned->push_back(summarize(p));
    out.records.push_back({Kind::person, p.id, false, owned->back()});
  }
  for (const auto& t : snap.topics) {
    owned->push_back(summarize(t));
    out.records.push_back({Kind::topic, t.id, false, owned->back()});
  }
  for (const auto& q : snap.questions) {
    owned->push_back(summarize(q));
    out.records.push_back({Kind::question, q.id, q.archived, owned->back()});
  }
  out.storage = owned;
  return out;
}

RoutingResult route_question(const Snapshot& snapshot, std::string_view question,
                             const RankOptions& options) {
  return route_question(summarize(snapshot), question, options);
}

}  // namespace peers
