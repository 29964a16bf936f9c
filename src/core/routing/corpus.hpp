#pragma once
// Internal to routing: the corpus every ranking reads (people, topics and answered questions,
// their words analysed and counted), built from the record summaries or restored from a saved
// index.
#include <algorithm>
#include <atomic>
#include <cmath>
#include <cstdint>
#include <cstring>
#include <deque>
#include <mutex>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "util/bytes.hpp"
#include "lexicon.hpp"
#include "peers/analyze.hpp"
#include "peers/routing.hpp"
#include "peers/routing_weights.hpp"

namespace peers::routing {

using namespace bytes;

constexpr std::int64_t date_offset = std::int64_t{1} << 30;

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
  std::vector<std::vector<std::size_t>> related_topics;  // by topic, both ways (finish() fills it)
  std::vector<int> waiting_by_person;  // by person (people sorted by id); finish() fills it

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
    waiting_by_person.assign(people.size(), 0);
    for (std::size_t i = 0; i < people.size(); ++i)
      if (auto w = waiting.find(people[i].id); w != waiting.end()) waiting_by_person[i] = w->second;
    link_related_topics();
  }

 private:
  static constexpr StemId no_stem = static_cast<StemId>(-1);

  /// Related goes both ways: Bursar is related to Financial aid when either one says so.
  void link_related_topics() {
    std::unordered_map<std::string_view, std::size_t> topic_index;
    for (std::size_t i = 0; i < topics.size(); ++i) topic_index.emplace(topics[i].id, i);
    related_topics.assign(topics.size(), {});
    for (std::size_t t = 0; t < topics.size(); ++t)
      for (const auto& r : topics[t].related)
        if (auto o = topic_index.find(r); o != topic_index.end() && o->second != t) {
          related_topics[t].push_back(o->second);
          related_topics[o->second].push_back(t);
        }
  }

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

std::optional<Date> take_optional_date(std::string_view& in);

/// For each stem, the answered questions whose text has it, and those whose answer alone has it;
/// the people whose words have it; for each topic, the people who name it. A run of many
/// questions (triage) weighs through them only the answered questions that can reach a threshold
/// and the people who have some evidence, instead of all of them.
class AnsweredPostings {
 public:
  explicit AnsweredPostings(const Corpus& corpus);
  /// Each term's weight by stem, as make_query gives them.
  struct Weighted {
    StemId stem;
    double weight;
  };
  /// An answered question alike enough to a query: how alike (as question_similarity says,
  /// bit for bit), and which of the query's terms it shares (bit k: terms[k]; only the first 64).
  struct Alike {
    std::uint32_t question;
    double similarity;
    std::uint64_t shared_terms;
  };
  /// The answered questions whose similarity to a question with these terms (and total weight)
  /// reaches `threshold`, in corpus order.
  std::vector<Alike> alike(std::span<const Weighted> terms, double total_weight,
                           double threshold) const;
  /// The answered questions whose text has stem `s`, once each, in corpus order.
  std::span<const std::uint32_t> with_text(StemId s) const {
    if (s + 1 >= text_.start.size()) return {};
    return {text_.questions.data() + text_.start[s], text_.start[s + 1] - text_.start[s]};
  }
  /// The corpus index of the person who answered question i (people are sorted by id), or -1.
  std::int64_t answerer(std::size_t i) const { return answerer_[i]; }
  /// The people whose own words (title, department, notes, tags, log, free expertise) have one
  /// of these stems, or whose expertise names one of these topics; sorted, once each.
  std::vector<std::uint32_t> people_with(std::span<const Weighted> terms,
                                         std::span<const std::size_t> topics) const;

 private:
  struct Lists {
    std::vector<std::uint32_t> start;  // by stem, into questions; one more than the stems
    std::vector<std::uint32_t> questions;
  };
  Lists text_, answer_only_;
  Lists people_by_stem_, people_by_topic_;
  std::vector<double> own_;  // by answered question: the idf of its text's words, once each
  std::vector<std::int64_t> answerer_;  // by answered question
};

/// Every person, topic and answered question of the summaries; people only by id and
/// availability unless `with_people`.
Corpus build_corpus(const Summaries& store, bool with_people);

/// The corpus of the store after `removed` records went and `added` ones came (a changed record
/// is in both): the same counts as building it anew from the store as it is now. False when a
/// topic changed (what people's expertise means depends on every topic): build it anew then.
bool patch_corpus(Corpus& c, const std::vector<RecordSummary>& removed,
                  const std::vector<RecordSummary>& added);

/// Ranks the people of the corpus for a question (scoring.cpp).
/// `postings`, when given, spares reading the answered questions that share no word with it.
RoutingResult route_corpus(const Corpus& corpus, Lexicon& lexicon, std::string_view question,
                           const RankOptions& options, const RoutingWeights& weights,
                           const AnsweredPostings* postings = nullptr);

std::string save_corpus(const Corpus& c);
/// The corpus save_corpus wrote, pointing into `in`; throws bytes::Corrupt.
Corpus restore_corpus(std::string_view in);

}  // namespace peers::routing

namespace peers {
struct RoutingIndex::Data {
  routing::Corpus corpus;
  std::shared_ptr<const void> keep;  // what the corpus's strings point into
  std::vector<std::shared_ptr<const void>> also_keep;  // and the records patched in
  routing::Lexicon english;  // read only when a question needs it
  routing::Lexicon& lexicon() { return english; }
  /// From the third question on, the postings (built once, on first need, by either thread):
  /// building them reads the whole corpus, more than the one or two questions of ask or
  /// who-knows would save.
  const routing::AnsweredPostings* postings() {
    if (questions_asked.fetch_add(1) < 2) return nullptr;
    std::lock_guard lock(postings_mutex);
    if (!answered_postings) answered_postings.emplace(corpus);
    return &*answered_postings;
  }
  void corpus_changed() {
    std::lock_guard lock(postings_mutex);
    answered_postings.reset();
  }

 private:
  std::atomic<int> questions_asked{0};
  std::mutex postings_mutex;
  std::optional<routing::AnsweredPostings> answered_postings;
};
}  // namespace peers
