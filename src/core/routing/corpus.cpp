#include "corpus.hpp"

#include <algorithm>

namespace peers::routing {
namespace {

using TopicKeys = std::unordered_map<std::string_view, std::size_t>;

TopicKeys topic_keys(const Corpus& c) {
  TopicKeys keys;
  for (std::size_t t = 0; t < c.topics.size(); ++t)
    for (auto key : c.topics[t].keys) keys.try_emplace(key, t);
  return keys;
}

void add_topic(Corpus& c, const RecordSummary& r) {
  std::string_view in = r.bytes;
  c.start_record(in);
  TopicText tt;
  tt.id = r.id;
  tt.name = take_string(in);
  for (std::uint64_t k = take_count(in); k > 0; --k) {
    Phrase p;
    p.text = take_string(in);
    tt.keys.push_back(take_string(in));
    p.stems = c.read_phrase_stems(in);
    c.count(p.stems);
    tt.phrases.push_back(p);
  }
  tt.description = c.read_text(in);
  c.count(tt.description);
  for (std::uint64_t n = take_count(in); n > 0; --n) tt.related.push_back(take_string(in));
  c.add_document();
  c.topics.push_back(std::move(tt));
}

PersonText read_person(Corpus& c, const RecordSummary& r, const TopicKeys& topics, bool in_full) {
  std::string_view in = r.bytes;
  c.start_record(in);
  PersonText pt;
  pt.id = r.id;
  pt.name = take_string(in);
  pt.left = take<std::uint8_t>(in) != 0;
  pt.forward_to = take_string(in);
  pt.away_until = take_optional_date(in);
  if (!in_full) return pt;
  for (Span* field : {&pt.title, &pt.department, &pt.notes, &pt.tags}) {
    *field = c.read_text(in);
    c.count(*field);
  }
  for (std::uint64_t n = take_count(in); n > 0; --n) {
    auto date = take_optional_date(in);
    if (!date) throw bytes::Corrupt("log entry without a date");
    pt.log.push_back({*date, c.read_text(in)});
    c.count(pt.log.back().stems);
  }
  for (std::uint64_t n = take_count(in); n > 0; --n) {
    std::string_view text = take_string(in);
    auto topic = topics.find(take_string(in));
    if (topic != topics.end()) {
      Corpus::skip_text(in);
      if (std::find(pt.topics.begin(), pt.topics.end(), topic->second) == pt.topics.end())
        pt.topics.push_back(topic->second);
    } else {
      pt.free_expertise.push_back({text, c.read_phrase_stems(in)});
      c.count(pt.free_expertise.back().stems);
    }
  }
  c.add_document();
  return pt;
}

/// The spans a person's document was counted from.
std::vector<Span> person_spans(const PersonText& p) {
  std::vector<Span> spans = {p.title, p.department, p.notes, p.tags};
  for (const auto& l : p.log) spans.push_back(l.stems);
  for (const auto& f : p.free_expertise) spans.push_back(f.stems);
  return spans;
}

void add_question(Corpus& c, const RecordSummary& r) {
  std::string_view in = r.bytes;
  c.start_record(in);
  std::uint64_t status_number = take_varint(in);
  if (status_number > static_cast<std::uint64_t>(QuestionStatus::closed))
    throw bytes::Corrupt("bad status");
  auto status = static_cast<QuestionStatus>(status_number);
  std::string_view routed_to = take_string(in);
  QuestionText qt;
  qt.id = r.id;
  qt.answered_by = take_string(in);
  qt.at = take<Timestamp>(in);
  if (!r.archived && !routed_to.empty() &&
      (status == QuestionStatus::open || status == QuestionStatus::routed))
    c.waiting_on.emplace_back(r.id, routed_to);
  if (!take<std::uint8_t>(in)) return;
  qt.text = take_string(in);
  qt.text_stems = c.read_text(in);
  qt.answer = c.read_text(in);
  c.count(qt.text_stems);
  c.count(qt.answer);
  c.add_document();
  c.answered.push_back(qt);
}

}  // namespace

std::optional<Date> take_optional_date(std::string_view& in) {
  if (!take<std::uint8_t>(in)) return std::nullopt;
  return Date::from_days(static_cast<std::int64_t>(take_varint(in)) - date_offset);
}

Corpus build_corpus(const Summaries& store, bool with_people) {
  Corpus c;
  // People and topics by id, so that ties between them always go the same way. Questions in
  // any order: what they add up to does not depend on it.
  auto of_kind = [&](Kind kind) {
    std::vector<const RecordSummary*> out;
    for (const auto& r : store.records)
      if (r.kind == kind) out.push_back(&r);
    auto by_id = [](const RecordSummary* a, const RecordSummary* b) { return a->id < b->id; };
    if (kind != Kind::question && !std::is_sorted(out.begin(), out.end(), by_id))
      std::sort(out.begin(), out.end(), by_id);
    return out;
  };
  for (const RecordSummary* r : of_kind(Kind::topic)) add_topic(c, *r);
  TopicKeys topics = topic_keys(c);
  for (const RecordSummary* r : of_kind(Kind::person))
    c.people.push_back(read_person(c, *r, topics, with_people));
  for (const RecordSummary* r : of_kind(Kind::question)) add_question(c, *r);
  c.finish();
  return c;
}

/// The corpus of the store after `removed` records went and `added` ones came (a changed record
/// is in both): the same counts as building it anew from the store as it is now. False when a

bool patch_corpus(Corpus& c, const std::vector<RecordSummary>& removed,
                  const std::vector<RecordSummary>& added) {
  for (const auto* list : {&removed, &added})
    for (const auto& r : *list)
      if (r.kind != Kind::person && r.kind != Kind::question) return false;
  auto by_id = [](const PersonText& p, std::string_view id) { return p.id < id; };
  for (const auto& r : removed) {
    if (r.kind == Kind::person) {
      auto it = std::lower_bound(c.people.begin(), c.people.end(), r.id, by_id);
      if (it == c.people.end() || it->id != r.id) return false;
      c.remove_document(person_spans(*it));
      c.people.erase(it);
      continue;
    }
    std::erase_if(c.waiting_on, [&](const auto& w) { return w.first == r.id; });
    auto q = std::find_if(c.answered.begin(), c.answered.end(),
                          [&](const QuestionText& a) { return a.id == r.id; });
    if (q != c.answered.end()) {
      c.remove_document({q->text_stems, q->answer});
      c.answered.erase(q);
    }
  }
  TopicKeys topics = topic_keys(c);
  for (const auto& r : added) {
    if (r.kind == Kind::question) {
      add_question(c, r);
      continue;
    }
    auto it = std::lower_bound(c.people.begin(), c.people.end(), r.id, by_id);
    if (it != c.people.end() && it->id == r.id) return false;
    c.people.insert(it, read_person(c, r, topics, true));
  }
  c.finish();
  return true;
}

}  // namespace peers::routing
