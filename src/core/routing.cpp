#include "peers/routing.hpp"

#include <algorithm>
#include <deque>
#include <span>
#include <cmath>
#include <optional>
#include <unordered_map>
#include <unordered_set>

#include <fmt/format.h>

#include "bytes.hpp"
#include "peers/analyze.hpp"
#include "peers/text.hpp"

namespace peers {
namespace {

/// Every weight of the ranking, in one place. docs/routing.md explains each one; change them
/// together with that page and check `peers_routing_eval` on both labelled sets.
struct Weights {
  // Evidence, each term between 0 and about 1 before its weight.
  double track_record = 4.0;     // best similarity to a question they answered
  double track_record_more = 0.3;  // each further similar answer (up to 3)
  double topic = 3.0;            // a topic they list, named in the question (id, name, alias)
  double expertise_text = 2.5;   // free-text expertise that is not a topic
  double related_topic = 1.0;    // a topic related to one they list
  double title = 1.5;            // share of the question found in their title
  double notes = 1.5;
  double log = 1.2;
  double department = 1.0;
  double tags = 1.0;
  // Matching.
  double typo_match = 0.8;       // a word matched only through a typo
  double partial_phrase = 0.6;   // a multi-word alias with only some of its words present
  double topic_description = 0.4;  // a topic found only through its description
  double unknown_word = 0.5;     // weight of a word the store never uses, times the rarest idf
  double similar_question = 0.3;   // similarity from which an answered question counts
  // How much of the question the person explains scales the score: (floor + (1-floor) * share).
  double explained_floor = 0.4;
  // Availability.
  double left = 0.3;             // people who left: score multiplied, never put first
  double forward_share = 0.8;    // share of a leaver's evidence given to their forward_to
  double away = 0.5;
  double per_waiting_question = 0.12;  // score / (1 + this * open questions waiting on them)
  int recent_contact_days = 60;  // "last talked N days ago" within this many days
  // Confidence of the final score.
  double high = 2.4;
  double medium = 1.2;
  double shown = 0.25;           // below this a person is not listed at all
};
constexpr Weights weights{};

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
using namespace bytes;

constexpr std::int64_t date_offset = std::int64_t{1} << 30;

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

/// Strings, each given a small number, without copying them (they must outlive the table).
class Interner {
 public:
  std::size_t size() const { return strings_.size(); }
  std::string_view at(std::uint32_t id) const { return strings_[id]; }
  std::optional<std::uint32_t> find(std::string_view text) const {
    if (slots_.empty()) return std::nullopt;
    for (std::size_t i = slot(text);; i = (i + 1) & (slots_.size() - 1)) {
      if (slots_[i] == 0) return std::nullopt;
      if (strings_[slots_[i] - 1] == text) return slots_[i] - 1;
    }
  }
  /// The table as `save` wrote it, its strings pointing into `in`.
  static Interner restore(std::string_view& in);
  void save(std::string& out) const;

  /// The number of `text`, and whether it is new.
  std::pair<std::uint32_t, bool> add(std::string_view text) {
    if ((strings_.size() + 1) * 2 > slots_.size()) grow();
    std::size_t i = slot(text);
    for (; slots_[i] != 0; i = (i + 1) & (slots_.size() - 1))
      if (strings_[slots_[i] - 1] == text) return {slots_[i] - 1, false};
    strings_.push_back(text);
    slots_[i] = static_cast<std::uint32_t>(strings_.size());
    return {static_cast<std::uint32_t>(strings_.size() - 1), true};
  }

 private:
  std::size_t slot(std::string_view text) const {
    return std::hash<std::string_view>{}(text) & (slots_.size() - 1);
  }
  void grow() {
    slots_.assign(std::max<std::size_t>(64, slots_.size() * 2), 0);
    for (std::uint32_t id = 0; id < strings_.size(); ++id) {
      std::size_t i = slot(strings_[id]);
      while (slots_[i] != 0) i = (i + 1) & (slots_.size() - 1);
      slots_[i] = id + 1;
    }
  }

  std::vector<std::string_view> strings_;
  std::vector<std::uint32_t> slots_;  // 0: empty, else id + 1
};

using StemId = std::uint32_t;

/// A run of stems in Corpus::pool.
struct Span {
  std::uint32_t begin = 0, size = 0;
};

struct LogText {
  Date date;
  Span stems;
};

struct Phrase {
  std::string_view text;  // as written: "FAFSA"
  Span stems;             // unique
};

struct PersonText {
  std::string_view id, name, forward_to;
  bool left = false;
  std::optional<Date> away_until;
  Span title, department, notes, tags;
  std::vector<LogText> log;
  std::vector<std::size_t> topics;  // topics their expertise names
  std::vector<Phrase> free_expertise;
};

struct TopicText {
  std::string_view id, name;
  std::vector<Phrase> phrases;  // name, id, aliases
  std::vector<std::string_view> keys;  // name_key of each phrase
  Span description;
  std::vector<std::string_view> related;
};

struct QuestionText {
  std::string_view id, text, answered_by;
  Timestamp at = 0;
  Span text_stems, answer;
};

/// Everything the ranking needs from the store, built once per call from the summaries.
class Corpus {
 public:
  std::vector<PersonText> people;
  std::vector<TopicText> topics;
  std::vector<QuestionText> answered;
  std::unordered_map<std::string_view, int> waiting;  // person id -> open questions routed to them
  std::vector<std::pair<std::string_view, std::string_view>> waiting_on;  // question id, person
  Interner surfaces;                  // every word of the documents, as written (folded)
  std::vector<StemId> surface_stem;   // by surface
  Interner stems;
  std::vector<int> document_frequency;  // by stem
  std::vector<double> idfs;             // by stem
  double documents = 0;
  std::vector<StemId> pool;

  std::span<const StemId> operator[](Span s) const { return {pool.data() + s.begin, s.size}; }
  std::optional<StemId> stem_id(std::string_view stem) const { return stems.find(stem); }
  double idf(StemId s) const { return idfs[s]; }
  double idf_of_count(double df) const { return std::log(1 + (documents + 1) / (df + 0.5)); }

  /// Reads one summary's word table; texts and phrases read after it refer to it.
  void start_record(std::string_view& in) {
    std::uint64_t n = take_count(in);
    words_.clear();
    for (std::uint64_t i = 0; i < n; ++i) words_.push_back(take_string(in));
    word_stems_.assign(n, no_stem);
  }
  Span read_text(std::string_view& in) {
    Span span{static_cast<std::uint32_t>(pool.size()), 0};
    std::uint64_t n = take_count(in);
    for (std::uint64_t i = 0; i < n; ++i) pool.push_back(word(take_varint(in)));
    span.size = static_cast<std::uint32_t>(pool.size() - span.begin);
    return span;
  }
  /// The stems of a phrase, once each.
  Span read_phrase_stems(std::string_view& in) {
    Span span{static_cast<std::uint32_t>(pool.size()), 0};
    std::uint64_t n = take_count(in);
    for (std::uint64_t i = 0; i < n; ++i) {
      StemId s = word(take_varint(in));
      if (std::find(pool.begin() + span.begin, pool.end(), s) == pool.end()) pool.push_back(s);
    }
    span.size = static_cast<std::uint32_t>(pool.size() - span.begin);
    return span;
  }
  /// Skips a text without taking its words into the corpus.
  static void skip_text(std::string_view& in) {
    std::uint64_t n = take_count(in);
    for (std::uint64_t i = 0; i < n; ++i) take_varint(in);
  }
  /// Counts a span's stems as used by the current document (once each, however often).
  void count(Span s) {
    for (StemId id : (*this)[s]) {
      if (last_document_[id] == document_number_) continue;
      last_document_[id] = document_number_;
      ++document_frequency[id];
    }
  }
  /// Ends the current document.
  void add_document() {
    documents += 1;
    ++document_number_;
  }
  /// Takes a document out of the counts again: each stem of its spans once.
  void remove_document(const std::vector<Span>& spans) {
    last_document_.resize(document_frequency.size(), -1);
    for (Span span : spans)
      for (StemId id : (*this)[span]) {
        if (last_document_[id] == document_number_) continue;
        last_document_[id] = document_number_;
        --document_frequency[id];
      }
    ++document_number_;
    documents -= 1;
  }
  void finish() {
    last_document_.resize(document_frequency.size(), -1);
    idfs.resize(document_frequency.size());
    for (std::size_t s = 0; s < idfs.size(); ++s) idfs[s] = idf_of_count(document_frequency[s]);
    waiting.clear();
    for (const auto& [question, person] : waiting_on) ++waiting[person];
  }

 private:
  static constexpr StemId no_stem = static_cast<StemId>(-1);

  StemId word(std::uint64_t ref) {
    if (ref >= words_.size()) throw bytes::Corrupt("bad word");
    StemId& known = word_stems_[ref];
    if (known != no_stem) return known;
    auto [surface, added] = surfaces.add(words_[ref]);
    if (added) {
      stem_text_.push_back(stem(words_[ref]));
      auto [s, new_stem] = stems.add(stem_text_.back());
      if (new_stem) {
        document_frequency.push_back(0);
        last_document_.push_back(-1);
      }
      surface_stem.push_back(s);
    }
    return known = surface_stem[surface];
  }

  std::vector<std::string_view> words_;
  std::vector<StemId> word_stems_;
  std::vector<int> last_document_;  // by stem: the last document that counted it
  int document_number_ = 0;
  std::deque<std::string> stem_text_;  // the stems' text (stable addresses for `stems`)
};

std::optional<Date> take_optional_date(std::string_view& in) {
  if (!take<std::uint8_t>(in)) return std::nullopt;
  return Date::from_days(static_cast<std::int64_t>(take_varint(in)) - date_offset);
}

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
/// topic changed (what people's expertise means depends on every topic): build it anew then.
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

// A saved corpus (RoutingIndex::save): every table in the order below, strings inline (a
// restored corpus points into the saved bytes), numbers as varints, big arrays raw.
constexpr char index_magic[8] = {'P', 'E', 'E', 'R', 'S', 'R', 'X', '1'};

std::uint64_t hash_probe() { return std::hash<std::string_view>{}("peers routing index"); }

template <typename T>
void put_array(std::string& out, const std::vector<T>& items) {
  put_varint(out, items.size());
  out.append(reinterpret_cast<const char*>(items.data()), items.size() * sizeof(T));
}

template <typename T>
std::vector<T> take_array(std::string_view& in) {
  std::uint64_t n = take_varint(in);
  if (n > in.size() / sizeof(T)) throw bytes::Corrupt("truncated");
  std::vector<T> items(n);
  std::memcpy(items.data(), in.data(), n * sizeof(T));
  in.remove_prefix(n * sizeof(T));
  return items;
}

void Interner::save(std::string& out) const {
  put_varint(out, strings_.size());
  for (auto text : strings_) put_string(out, text);
  put_array(out, slots_);
}

Interner Interner::restore(std::string_view& in) {
  Interner table;
  for (std::uint64_t n = take_count(in); n > 0; --n) table.strings_.push_back(take_string(in));
  table.slots_ = take_array<std::uint32_t>(in);
  std::size_t size = table.slots_.size();
  if ((size & (size - 1)) != 0 || (size == 0 && !table.strings_.empty()) ||
      table.strings_.size() * 2 > size + 1)
    throw bytes::Corrupt("bad table");
  for (auto slot : table.slots_)
    if (slot > table.strings_.size()) throw bytes::Corrupt("bad table");
  return table;
}

void put_span(std::string& out, Span s) {
  put_varint(out, s.begin);
  put_varint(out, s.size);
}

std::string save_corpus(const Corpus& c) {
  std::string out(index_magic, 8);
  put(out, hash_probe());
  put(out, c.documents);
  c.surfaces.save(out);
  put_array(out, c.surface_stem);
  c.stems.save(out);
  put_array(out, c.document_frequency);
  put_array(out, c.pool);
  put_varint(out, c.topics.size());
  for (const auto& t : c.topics) {
    put_string(out, t.id);
    put_string(out, t.name);
    put_varint(out, t.phrases.size());
    for (std::size_t k = 0; k < t.phrases.size(); ++k) {
      put_string(out, t.phrases[k].text);
      put_string(out, t.keys[k]);
      put_span(out, t.phrases[k].stems);
    }
    put_span(out, t.description);
    put_varint(out, t.related.size());
    for (auto r : t.related) put_string(out, r);
  }
  put_varint(out, c.people.size());
  for (const auto& p : c.people) {
    put_string(out, p.id);
    put_string(out, p.name);
    put_string(out, p.forward_to);
    out.push_back(p.left ? 1 : 0);
    out.push_back(p.away_until ? 1 : 0);
    if (p.away_until) put_varint(out, static_cast<std::uint64_t>(p.away_until->days_since_epoch() + date_offset));
    for (Span s : {p.title, p.department, p.notes, p.tags}) put_span(out, s);
    put_varint(out, p.log.size());
    for (const auto& l : p.log) {
      put_varint(out, static_cast<std::uint64_t>(l.date.days_since_epoch() + date_offset));
      put_span(out, l.stems);
    }
    put_varint(out, p.topics.size());
    for (auto t : p.topics) put_varint(out, t);
    put_varint(out, p.free_expertise.size());
    for (const auto& f : p.free_expertise) {
      put_string(out, f.text);
      put_span(out, f.stems);
    }
  }
  put_varint(out, c.answered.size());
  for (const auto& q : c.answered) {
    put_string(out, q.id);
    put_string(out, q.text);
    put_string(out, q.answered_by);
    put(out, q.at);
    put_span(out, q.text_stems);
    put_span(out, q.answer);
  }
  put_varint(out, c.waiting_on.size());
  for (const auto& [question, person] : c.waiting_on) {
    put_string(out, question);
    put_string(out, person);
  }
  return out;
}

/// The corpus save_corpus wrote, pointing into `in`. Every number is checked against the
/// tables it indexes, so that no saved corpus can make routing read out of bounds.
Corpus restore_corpus(std::string_view in) {
  if (in.size() < 8 || std::memcmp(in.data(), index_magic, 8) != 0) throw bytes::Corrupt("not ours");
  in.remove_prefix(8);
  if (take<std::uint64_t>(in) != hash_probe()) throw bytes::Corrupt("another hash");
  Corpus c;
  c.documents = take<double>(in);
  c.surfaces = Interner::restore(in);
  c.surface_stem = take_array<StemId>(in);
  c.stems = Interner::restore(in);
  c.document_frequency = take_array<int>(in);
  c.pool = take_array<StemId>(in);
  const std::size_t stems = c.stems.size();
  if (c.surface_stem.size() != c.surfaces.size() || c.document_frequency.size() != stems)
    throw bytes::Corrupt("tables disagree");
  for (StemId s : c.surface_stem)
    if (s >= stems) throw bytes::Corrupt("bad stem");
  for (StemId s : c.pool)
    if (s >= stems) throw bytes::Corrupt("bad stem");
  auto span = [&] {
    Span s;
    s.begin = static_cast<std::uint32_t>(take_varint(in));
    s.size = static_cast<std::uint32_t>(take_varint(in));
    if (s.begin > c.pool.size() || s.size > c.pool.size() - s.begin) throw bytes::Corrupt("bad span");
    return s;
  };
  auto date = [&] { return Date::from_days(static_cast<std::int64_t>(take_varint(in)) - date_offset); };
  c.topics.resize(take_count(in));
  for (auto& t : c.topics) {
    t.id = take_string(in);
    t.name = take_string(in);
    t.phrases.resize(take_count(in));
    for (auto& p : t.phrases) {
      p.text = take_string(in);
      t.keys.push_back(take_string(in));
      p.stems = span();
    }
    t.description = span();
    for (std::uint64_t n = take_count(in); n > 0; --n) t.related.push_back(take_string(in));
  }
  c.people.resize(take_count(in));
  for (auto& p : c.people) {
    p.id = take_string(in);
    p.name = take_string(in);
    p.forward_to = take_string(in);
    p.left = take<std::uint8_t>(in) != 0;
    if (take<std::uint8_t>(in)) p.away_until = date();
    for (Span* s : {&p.title, &p.department, &p.notes, &p.tags}) *s = span();
    p.log.resize(take_count(in));
    for (auto& l : p.log) {
      l.date = date();
      l.stems = span();
    }
    p.topics.resize(take_count(in));
    for (auto& t : p.topics) {
      t = take_varint(in);
      if (t >= c.topics.size()) throw bytes::Corrupt("bad topic");
    }
    p.free_expertise.resize(take_count(in));
    for (auto& f : p.free_expertise) {
      f.text = take_string(in);
      f.stems = span();
    }
  }
  c.answered.resize(take_count(in));
  for (auto& q : c.answered) {
    q.id = take_string(in);
    q.text = take_string(in);
    q.answered_by = take_string(in);
    q.at = take<Timestamp>(in);
    q.text_stems = span();
    q.answer = span();
  }
  for (std::uint64_t n = take_count(in); n > 0; --n) {
    std::string_view question = take_string(in);
    c.waiting_on.emplace_back(question, take_string(in));
  }
  if (!in.empty()) throw bytes::Corrupt("trailing bytes");
  c.finish();
  return c;
}

/// One meaningful word of the question.
struct Term {
  std::optional<StemId> stem;  // as the store writes it; none: no record uses this word
  std::string surface;         // as the follower wrote it
  double weight = 0;           // idf, lowered for typos
  double match = 1;            // 1, or weights.typo_match when found through a typo
  bool known() const { return stem.has_value(); }
};

struct Query {
  std::vector<Term> terms;
  std::vector<int> term_of;  // by stem: index into terms, or -1
  double total_weight = 0;

  int index(StemId s) const { return term_of[s]; }
  const Term* find(StemId s) const { return term_of[s] < 0 ? nullptr : &terms[term_of[s]]; }
};

std::optional<StemId> typo_match(const std::string& surface, const Corpus& corpus) {
  std::size_t limit = allowed_typos(surface.size());
  if (limit == 0) return std::nullopt;
  std::optional<StemId> best;
  std::size_t best_distance = limit + 1;
  int best_df = 0;
  for (std::uint32_t id = 0; id < corpus.surfaces.size(); ++id) {
    std::string_view word = corpus.surfaces.at(id);
    if (word.size() + limit < surface.size() || surface.size() + limit < word.size()) continue;
    if (word.size() < 4 || word[0] != surface[0]) continue;
    std::size_t d = edit_distance(surface, word, limit);
    if (d > limit || d > allowed_typos(word.size())) continue;
    StemId word_stem = corpus.surface_stem[id];
    int df = corpus.document_frequency[word_stem];
    if (d < best_distance ||
        (d == best_distance &&
         (df > best_df || (df == best_df && corpus.stems.at(word_stem) < corpus.stems.at(*best))))) {
      best = word_stem;
      best_distance = d;
      best_df = df;
    }
  }
  return best;
}

Query make_query(std::string_view text, const Corpus& corpus) {
  Query q;
  q.term_of.assign(corpus.stems.size(), -1);
  double rarest = corpus.idf_of_count(0);
  std::unordered_set<std::string> unknown;
  auto add = [&](std::optional<StemId> s, const std::string& surface, double match) {
    if (s) {
      if (q.term_of[*s] >= 0) return;
      q.term_of[*s] = static_cast<int>(q.terms.size());
    } else if (!unknown.insert(stem(surface)).second) {
      return;
    }
    double w = s ? corpus.idf(*s) * match : rarest * weights.unknown_word;
    q.terms.push_back({s, surface, w, match});
    q.total_weight += w;
  };
  auto words = analyze(text);
  for (std::size_t i = 0; i < words.size(); ++i) {
    const Word& w = words[i];
    if (i > 0) {  // "bike share" or "wi-fi" for a store that writes "bikeshare", "wifi"
      std::string joined = words[i - 1].surface + w.surface;
      if (auto s = corpus.stem_id(stem(joined))) add(s, joined, 1);
    }
    if (auto s = corpus.stem_id(w.stem)) {
      add(s, w.surface, 1);
    } else if (auto surface = corpus.surfaces.find(w.surface)) {
      add(corpus.surface_stem[*surface], w.surface, 1);
    } else if (auto near = typo_match(w.surface, corpus)) {
      add(near, w.surface, weights.typo_match);
    } else {
      add(std::nullopt, w.surface, 1);
    }
  }
  return q;
}

/// How well a phrase (a topic name, an alias, an expertise entry) is present in the question:
/// 1 when every word is, less for typos, `partial_phrase` times the share otherwise.
double phrase_match(const Phrase& phrase, const Query& q, const Corpus& corpus,
                    std::vector<std::size_t>* matched) {
  if (phrase.stems.size == 0) return 0;
  double total = 0, found = 0, lowest = 1;
  bool all = true;
  for (StemId s : corpus[phrase.stems]) {
    double idf = corpus.idf(s);
    total += idf;
    if (const Term* t = q.find(s)) {
      found += idf;
      lowest = std::min(lowest, t->match);
      if (matched) matched->push_back(static_cast<std::size_t>(q.index(s)));
    } else {
      all = false;
    }
  }
  if (all) return lowest;
  return weights.partial_phrase * found / total * lowest;
}

/// Share of the question's weight found in `stems`; marks the terms it found.
double coverage(std::span<const StemId> stems, const Query& q, std::vector<bool>& found,
                std::vector<std::size_t>* terms = nullptr) {
  double sum = 0;
  for (StemId s : stems) {
    int t = q.index(s);
    if (t < 0) continue;
    auto term = static_cast<std::size_t>(t);
    if (terms) {
      if (std::find(terms->begin(), terms->end(), term) != terms->end()) continue;
      terms->push_back(term);
    }
    sum += q.terms[term].weight;
    found[term] = true;
  }
  return q.total_weight > 0 ? std::min(1.0, sum / q.total_weight) : 0;
}

std::string quoted_words(const Query& q, const std::vector<std::size_t>& terms) {
  std::vector<std::string> words;
  for (std::size_t i : terms) words.push_back("'" + q.terms[i].surface + "'");
  return join(words, ", ");
}

struct TopicMatch {
  double score = 0;
  std::string_view via;  // the alias that matched, when it was not the name or id
};

std::vector<TopicMatch> match_topics(const Corpus& corpus, const Query& q) {
  std::vector<TopicMatch> out(corpus.topics.size());
  std::vector<bool> unused(q.terms.size());
  for (std::size_t i = 0; i < corpus.topics.size(); ++i) {
    const TopicText& tt = corpus.topics[i];
    for (std::size_t k = 0; k < tt.phrases.size(); ++k) {
      double m = phrase_match(tt.phrases[k], q, corpus, nullptr);
      if (m > out[i].score + 1e-9) out[i] = {m, k >= 2 ? tt.phrases[k].text : ""};
    }
    double by_description = weights.topic_description * coverage(corpus[tt.description], q, unused);
    if (by_description > out[i].score) out[i] = {by_description, ""};
  }
  return out;
}

/// Per person: how their answered questions resemble this one.
struct TrackRecord {
  double best = 0;
  int similar = 0;
  Timestamp latest = 0;
  const QuestionText* example = nullptr;
  std::vector<std::size_t> terms;
};

/// Marks stems as seen, forgetting them all at once when the next question starts.
struct SeenStems {
  std::vector<std::uint32_t> mark;  // by stem: the round that saw it
  std::uint32_t round = 0;

  explicit SeenStems(std::size_t stems) : mark(stems, 0) {}
  void next() { ++round; }
  bool first_time(StemId s) {
    if (mark[s] == round) return false;
    mark[s] = round;
    return true;
  }
};

double question_similarity(const QuestionText& qt, const Query& q, const Corpus& corpus,
                           SeenStems& seen, std::vector<std::size_t>* terms) {
  double shared = 0, own = 0;
  seen.next();
  auto first_time = [&](StemId s) { return seen.first_time(s); };
  for (StemId s : corpus[qt.text_stems]) {
    if (!first_time(s)) continue;
    own += corpus.idf(s);
    if (int t = q.index(s); t >= 0) {
      shared += q.terms[t].weight;
      if (terms) terms->push_back(static_cast<std::size_t>(t));
    }
  }
  for (StemId s : corpus[qt.answer]) {
    if (!first_time(s)) continue;
    if (int t = q.index(s); t >= 0) {
      shared += 0.5 * q.terms[t].weight;
      if (terms) terms->push_back(static_cast<std::size_t>(t));
    }
  }
  if (own <= 0 || q.total_weight <= 0) return 0;
  return std::min(1.0, shared / std::sqrt(own * q.total_weight));
}

std::string days_ago(std::int64_t days) {
  if (days <= 0) return "today";
  if (days == 1) return "yesterday";
  return fmt::format("{} days ago", days);
}

struct Scored {
  std::size_t person;
  double score = 0;
  double evidence = 0;  // before availability
  std::vector<std::pair<double, std::string>> reasons;  // strength, text
  std::vector<std::pair<std::string, double>> terms;
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
  w.text(p.department);
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

struct RoutingIndex::Data {
  Corpus corpus;
  std::shared_ptr<const void> keep;  // what the corpus's strings point into
  std::vector<std::shared_ptr<const void>> also_keep;  // and the records patched in
};

RoutingIndex RoutingIndex::build(const Summaries& store) {
  auto data = std::make_shared<Data>();
  data->corpus = build_corpus(store, true);
  data->keep = store.storage;
  RoutingIndex index;
  index.data_ = std::move(data);
  return index;
}

std::string RoutingIndex::save() const { return save_corpus(data_->corpus); }

std::optional<RoutingIndex> RoutingIndex::restore(std::string_view bytes,
                                                  std::shared_ptr<const void> keep) {
  auto data = std::make_shared<Data>();
  try {
    data->corpus = restore_corpus(bytes);
  } catch (const bytes::Corrupt&) {
    return std::nullopt;
  }
  data->keep = std::move(keep);
  RoutingIndex index;
  index.data_ = std::move(data);
  return index;
}

bool RoutingIndex::patch(const std::vector<RecordSummary>& removed,
                         const std::vector<RecordSummary>& added, std::shared_ptr<const void> keep) {
  try {
    if (!patch_corpus(data_->corpus, removed, added)) return false;
  } catch (const bytes::Corrupt&) {
    return false;
  }
  data_->also_keep.push_back(std::move(keep));
  return true;
}

RoutingResult route_question(const Summaries& store, std::string_view question,
                             const RankOptions& options) {
  return RoutingIndex::build(store).route(question, options);
}

RoutingResult RoutingIndex::route(std::string_view question, const RankOptions& options) const {
  const Corpus& corpus = data_->corpus;
  RoutingResult result;
  Query q = make_query(question, corpus);
  if (q.terms.empty() || q.total_weight <= 0) return result;
  std::vector<TopicMatch> topics = match_topics(corpus, q);
  const auto& people = corpus.people;

  std::unordered_map<std::string_view, std::size_t> topic_index;
  for (std::size_t i = 0; i < corpus.topics.size(); ++i) topic_index.emplace(corpus.topics[i].id, i);
  // Related goes both ways: Bursar is related to Financial aid when either one says so.
  std::vector<std::vector<std::size_t>> related(corpus.topics.size());
  for (std::size_t t = 0; t < corpus.topics.size(); ++t)
    for (const auto& r : corpus.topics[t].related)
      if (auto o = topic_index.find(r); o != topic_index.end() && o->second != t) {
        related[t].push_back(o->second);
        related[o->second].push_back(t);
      }
  // People are sorted by id (build_corpus and patch_corpus keep them so).
  constexpr std::size_t nobody = static_cast<std::size_t>(-1);
  auto person_index = [&](std::string_view id) {
    auto it = std::lower_bound(people.begin(), people.end(), id,
                               [](const PersonText& p, std::string_view key) { return p.id < key; });
    return it != people.end() && it->id == id ? static_cast<std::size_t>(it - people.begin()) : nobody;
  };

  std::vector<TrackRecord> track(people.size());
  SeenStems seen(corpus.stems.size());
  for (const auto& qt : corpus.answered) {
    std::vector<std::size_t> terms;
    double sim = question_similarity(qt, q, corpus, seen, &terms);
    if (sim < weights.similar_question) continue;
    std::size_t who = person_index(qt.answered_by);
    if (who == nobody) continue;
    TrackRecord& tr = track[who];
    ++tr.similar;
    tr.latest = std::max(tr.latest, qt.at);
    if (sim > tr.best || (sim == tr.best && qt.id < tr.example->id)) {
      tr.best = sim;
      tr.example = &qt;
    }
    for (auto t : terms)
      if (std::find(tr.terms.begin(), tr.terms.end(), t) == tr.terms.end()) tr.terms.push_back(t);
  }

  Date today = utc_date(options.now);
  std::vector<bool> found;  // by query term: this person's evidence explains it
  // A person's evidence. With `details`, also the reasons and the terms behind it: those are
  // made only for the people shown, once the ranking is known.
  auto weigh_evidence = [&](std::size_t i, Scored& s, bool details) {
    const PersonText& pt = people[i];
    s.person = i;
    found.assign(q.terms.size(), false);
    auto add = [&](const char* name, double weight, double value, auto reason) {
      if (value <= 0) return;
      s.evidence += weight * value;
      if (!details) return;
      s.terms.emplace_back(name, weight * value);
      std::string text = reason();
      if (!text.empty()) s.reasons.emplace_back(weight * value, std::move(text));
    };

    // Declared topics, and topics related to them.
    double best_topic = 0, best_related = 0;
    std::size_t topic = 0, related_from = 0, related_to = 0;
    for (std::size_t t : pt.topics) {
      const TopicMatch& m = topics[t];
      if (m.score > best_topic) {
        best_topic = m.score;
        topic = t;
      }
      for (std::size_t o : related[t])
        if (topics[o].score > best_related) {
          best_related = topics[o].score;
          related_from = t;
          related_to = o;
        }
    }
    if (best_topic > 0) {
      for (std::size_t t : pt.topics)
        if (topics[t].score == best_topic)
          for (const auto& ph : corpus.topics[t].phrases)
            for (StemId st : corpus[ph.stems])
              if (int k = q.index(st); k >= 0) found[k] = true;
    }
    add("topic", weights.topic, best_topic, [&] {
      std::string_view via = topics[topic].via;
      return fmt::format("knows {}{}", corpus.topics[topic].name,
                         via.empty() ? "" : fmt::format(" (alias {})", via));
    });
    if (best_related > best_topic)
      add("related topic", weights.related_topic, best_related, [&] {
        return fmt::format("knows {}, related to {}", corpus.topics[related_from].name,
                           corpus.topics[related_to].name);
      });

    double best_free = 0;
    const Phrase* free_phrase = nullptr;
    std::vector<std::size_t> matched;
    for (const auto& ph : pt.free_expertise) {
      matched.clear();
      double m = phrase_match(ph, q, corpus, &matched);
      for (auto t : matched) found[t] = true;
      if (m > best_free) {
        best_free = m;
        free_phrase = &ph;
      }
    }
    add("expertise", weights.expertise_text, best_free,
        [&] { return fmt::format("lists '{}' as expertise", free_phrase->text); });

    std::vector<std::size_t> terms;
    auto field = [&](const char* name, double weight, Span stems, const char* label) {
      terms.clear();
      double c = coverage(corpus[stems], q, found, &terms);
      add(name, weight, c, [&] {
        return terms.empty() ? std::string() : fmt::format("{} {}", label, quoted_words(q, terms));
      });
    };
    field("title", weights.title, pt.title, "title mentions");
    field("department", weights.department, pt.department, "department mentions");
    field("notes", weights.notes, pt.notes, "notes mention");
    field("tags", weights.tags, pt.tags, "tagged");
    {
      terms.clear();
      std::optional<Date> when;
      double total = 0;
      for (const auto& l : pt.log) {
        std::size_t before = terms.size();
        total += coverage(corpus[l.stems], q, found, &terms);
        if (terms.size() > before && (!when || l.date > *when)) when = l.date;
      }
      add("log", weights.log, std::min(1.0, total), [&] {
        return terms.empty() ? std::string()
                             : fmt::format("log mentions {} ({})", quoted_words(q, terms), when->str());
      });
    }

    const TrackRecord& tr = track[i];
    if (tr.similar > 0) {
      for (auto t : tr.terms) found[t] = true;
      double value = tr.best + weights.track_record_more / weights.track_record *
                                   std::min(3, tr.similar - 1);
      add("track record", weights.track_record, value, [&] {
        std::string latest = utc_date(tr.latest).str();
        return tr.similar == 1
                   ? fmt::format("answered a similar question on {}: \"{}\"", latest,
                                 truncate_to_width(tr.example->text, 60))
                   : fmt::format("answered {} similar questions, latest {}", tr.similar, latest);
      });
    }

    double explained = 0;
    for (std::size_t t = 0; t < q.terms.size(); ++t)
      if (found[t]) explained += q.terms[t].weight;
    explained = std::min(1.0, explained / q.total_weight);
    double share = weights.explained_floor + (1 - weights.explained_floor) * explained;
    if (s.evidence <= 0) return;  // nothing to show for: never ranked
    if (details) s.terms.emplace_back("explained share", share);
    s.evidence *= share;
    s.score = s.evidence;
  };
  std::vector<Scored> scored(people.size());
  for (std::size_t i = 0; i < people.size(); ++i) weigh_evidence(i, scored[i], false);

  // People who left hand their evidence to whoever they forward to.
  struct Cover {
    std::size_t leaver, to;
    double before, inherited;
  };
  std::vector<Cover> covers;
  for (std::size_t i = 0; i < people.size(); ++i) {
    const PersonText& p = people[i];
    if (!p.left || p.forward_to.empty()) continue;
    std::size_t to = person_index(p.forward_to);
    if (to == nobody || people[to].left) continue;
    Scored& f = scored[to];
    double inherited = weights.forward_share * scored[i].evidence;
    if (inherited > f.score) {
      covers.push_back({i, to, f.score, inherited});
      f.score = inherited;
    }
  }

  // Availability lowers the score; with `details`, it also says why.
  auto weigh_availability = [&](std::size_t i, Scored& s, bool details) {
    const PersonText& p = people[i];
    if (s.score <= 0) return;
    std::vector<std::string> availability;
    if (p.left) {
      // Kept under `medium`, so a leaver is always a low guess and ranks as one.
      s.score = std::min(s.score * weights.left, weights.medium * 0.99);
      if (!details) return;
      std::size_t to = p.forward_to.empty() ? nobody : person_index(p.forward_to);
      availability.push_back(to != nobody ? fmt::format("has left; ask {} ({}) instead",
                                                        people[to].name, people[to].id)
                                          : "has left");
      s.terms.emplace_back("left", weights.left);
    } else if (p.away_until && *p.away_until >= today) {
      s.score *= weights.away;
      if (details) {
        availability.push_back("away until " + p.away_until->str());
        s.terms.emplace_back("away", weights.away);
      }
    }
    if (auto w = corpus.waiting.find(p.id); w != corpus.waiting.end() && !p.left) {
      double factor = 1 / (1 + weights.per_waiting_question * w->second);
      s.score *= factor;
      if (details) {
        availability.push_back(w->second == 1 ? "1 question already waiting on them"
                                              : fmt::format("{} questions already waiting on them", w->second));
        s.terms.emplace_back("waiting questions", factor);
      }
    }
    if (!details) return;
    std::stable_sort(s.reasons.begin(), s.reasons.end(),
                     [](const auto& a, const auto& b) { return a.first > b.first; });
    if (!p.log.empty()) {
      Date last = p.log.front().date;
      for (const auto& l : p.log) last = std::max(last, l.date);
      std::int64_t days = today.days_since_epoch() - last.days_since_epoch();
      if (days >= 0 && days <= weights.recent_contact_days)
        s.reasons.emplace_back(0, "last talked " + days_ago(days));
    }
    for (auto& a : availability) s.reasons.emplace_back(0, std::move(a));
  };
  for (std::size_t i = 0; i < people.size(); ++i) weigh_availability(i, scored[i], false);

  // The reasons and terms of one person, made again with their details: the same arithmetic,
  // so the same score.
  auto with_details = [&](std::size_t i) {
    Scored s;
    weigh_evidence(i, s, true);
    for (const Cover& c : covers) {
      if (c.to != i) continue;
      s.terms.emplace_back("covers for a leaver", c.inherited - c.before);
      s.score = c.inherited;
      s.reasons.emplace_back(c.inherited, fmt::format("covers for {}, who left", people[c.leaver].name));
    }
    weigh_availability(i, s, true);
    return s;
  };

  std::vector<Scored*> ranked;
  for (auto& s : scored)
    if (s.score >= weights.shown) ranked.push_back(&s);
  std::stable_sort(ranked.begin(), ranked.end(), [&](const Scored* a, const Scored* b) {
    if (a->score != b->score) return a->score > b->score;
    return people[a->person].id < people[b->person].id;
  });
  // Someone who left is never put first while anyone else is suggested.
  auto first_active = std::find_if(ranked.begin(), ranked.end(),
                                   [&](const Scored* s) { return !people[s->person].left; });
  if (first_active != ranked.end() && first_active != ranked.begin())
    std::rotate(ranked.begin(), first_active, first_active + 1);

  for (const Scored* ranked_one : ranked) {
    if (result.people.size() >= options.limit) break;
    const PersonText& p = people[ranked_one->person];
    const double score = ranked_one->score;
    Scored details = with_details(ranked_one->person);
    Candidate c;
    c.id = p.id;
    c.name = p.name;
    c.score = std::round(score * 100) / 100;
    c.confidence = score >= weights.high ? "high" : score >= weights.medium ? "medium" : "low";
    if (p.left) c.confidence = "low";
    for (auto& r : details.reasons) c.reasons.push_back(std::move(r.second));
    if (options.explain) c.terms = std::move(details.terms);
    result.people.push_back(std::move(c));
  }
  result.good_fit = !result.people.empty() && result.people.front().confidence != "low";
  if (!result.good_fit) {
    std::vector<std::size_t> order;
    for (std::size_t t = 0; t < topics.size(); ++t)
      if (topics[t].score > 0) order.push_back(t);
    std::stable_sort(order.begin(), order.end(),
                     [&](std::size_t a, std::size_t b) { return topics[a].score > topics[b].score; });
    for (std::size_t k = 0; k < order.size() && k < 3; ++k)
      result.closest_topics.emplace_back(corpus.topics[order[k]].name);
  }
  return result;
}

namespace {
std::vector<SimilarQuestion> similar_in(const Corpus& corpus, std::string_view text,
                                        std::size_t limit, std::string_view exclude_id) {
  Query q = make_query(text, corpus);
  std::vector<std::pair<const QuestionText*, double>> found;
  if (q.total_weight <= 0) return {};
  SeenStems seen(corpus.stems.size());
  for (const auto& qt : corpus.answered) {
    if (qt.id == exclude_id) continue;
    double sim = question_similarity(qt, q, corpus, seen, nullptr);
    if (sim >= weights.similar_question) found.emplace_back(&qt, sim);
  }
  std::stable_sort(found.begin(), found.end(), [](const auto& a, const auto& b) {
    if (a.second != b.second) return a.second > b.second;
    return a.first->id < b.first->id;
  });
  std::vector<SimilarQuestion> out;
  for (std::size_t i = 0; i < found.size() && i < limit; ++i)
    out.push_back({std::string(found[i].first->id), found[i].second});
  return out;
}
}  // namespace

std::vector<SimilarQuestion> similar_answered(const Summaries& store, std::string_view text,
                                              std::size_t limit, std::string_view exclude_id) {
  return similar_in(build_corpus(store, false), text, limit, exclude_id);
}

std::vector<SimilarQuestion> RoutingIndex::similar_answered(std::string_view text,
                                                            std::size_t limit,
                                                            std::string_view exclude_id) const {
  return similar_in(data_->corpus, text, limit, exclude_id);
}

}  // namespace peers
