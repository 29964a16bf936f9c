#pragma once
// The labelled routing sets as peers_routing_eval and peers_routing_tune read them: the cases
// files, a store loaded once, and the figures measured on it.
#include <algorithm>
#include <cstdlib>
#include <fstream>
#include <map>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

#include <fmt/format.h>

#include "peers/routing.hpp"
#include "peers/routing_weights.hpp"
#include "peers/store.hpp"
#include "peers/text.hpp"
#include "peers/time.hpp"

namespace labelled {

struct Case {
  std::string category;
  std::vector<std::string> expected;    // right at rank 1; empty: nobody
  std::vector<std::string> acceptable;  // also right within the top 3
  std::string question;
};

inline std::vector<Case> read_txt(std::ifstream& in) {
  std::vector<Case> cases;
  std::string line;
  while (std::getline(in, line)) {
    if (peers::trim(line).empty() || peers::trim(line)[0] == '#') continue;
    auto parts = peers::split(line, '|');
    if (parts.size() < 3) throw std::runtime_error("bad line: " + line);
    Case c;
    c.category = peers::trim(parts[0]);
    std::string who = peers::trim(parts[1]);
    if (who != "nobody")
      for (auto& id : peers::split(who, ',')) c.expected.push_back(peers::trim(id));
    std::vector<std::string> rest(parts.begin() + 2, parts.end());
    c.question = peers::trim(peers::join(rest, "|"));
    cases.push_back(std::move(c));
  }
  return cases;
}

inline std::vector<Case> read_tsv(std::ifstream& in) {
  std::vector<Case> cases;
  std::string line;
  bool header = true;
  while (std::getline(in, line)) {
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (peers::trim(line).empty()) continue;
    if (header) {
      header = false;
      if (line.rfind("question\t", 0) == 0) continue;
    }
    auto parts = peers::split(line, '\t');
    if (parts.size() < 4) throw std::runtime_error("bad line: " + line);
    Case c;
    c.question = parts[0];
    std::string gold = peers::trim(parts[1]);
    if (gold != "-" && !gold.empty()) c.expected.push_back(gold);
    for (auto& id : peers::split(parts[2], ','))
      if (!peers::trim(id).empty()) c.acceptable.push_back(peers::trim(id));
    c.category = peers::trim(parts[3]);
    if (c.category == "none") c.expected.clear();
    cases.push_back(std::move(c));
  }
  return cases;
}

inline std::vector<Case> read_cases(const std::string& path) {
  std::ifstream in(path);
  if (!in) throw std::runtime_error("cannot read " + path);
  return path.ends_with(".tsv") ? read_tsv(in) : read_txt(in);
}

struct Tally {
  int answerable = 0, top1 = 0, top3 = 0, nobody = 0, declined = 0, wrongly_declined = 0;
  int high = 0, high_right = 0;
  int fit_calls = 0, fit_calls_right = 0;  // "a good fit" said exactly when the first is right
  double reciprocal = 0;

  /// `confidence`: of the first person ranked, or empty.
  void add(const Case& c, const std::vector<std::string>& ranked, bool declined_it,
           const std::string& confidence = {}) {
    auto is = [&](const std::vector<std::string>& ids, const std::string& id) {
      return std::find(ids.begin(), ids.end(), id) != ids.end();
    };
    bool first_right = !c.expected.empty() && !ranked.empty() && is(c.expected, ranked[0]);
    ++fit_calls;
    if (declined_it != first_right) ++fit_calls_right;
    if (confidence == "high") {
      ++high;
      if (first_right) ++high_right;
    }
    if (c.expected.empty()) {
      ++nobody;
      if (declined_it) ++declined;
      return;
    }
    ++answerable;
    if (declined_it) ++wrongly_declined;
    if (first_right) ++top1;
    for (std::size_t k = 0; k < ranked.size() && k < 3; ++k)
      if (is(c.expected, ranked[k]) || is(c.acceptable, ranked[k])) {
        ++top3;
        break;
      }
    for (std::size_t k = 0; k < ranked.size() && k < 5; ++k)
      if (is(c.expected, ranked[k])) {
        reciprocal += 1.0 / (k + 1);
        break;
      }
  }
  /// Adds another set's counts, for figures over several sets.
  void pool(const Tally& t) {
    answerable += t.answerable;
    top1 += t.top1;
    top3 += t.top3;
    nobody += t.nobody;
    declined += t.declined;
    wrongly_declined += t.wrongly_declined;
    high += t.high;
    high_right += t.high_right;
    fit_calls += t.fit_calls;
    fit_calls_right += t.fit_calls_right;
    reciprocal += t.reciprocal;
  }
  double p1() const { return answerable ? double(top1) / answerable : 1; }
  double p3() const { return answerable ? double(top3) / answerable : 1; }
  double mrr() const { return answerable ? reciprocal / answerable : 1; }
  double declined_share() const { return nobody ? double(declined) / nobody : 1; }
  double fit_accuracy() const { return fit_calls ? double(fit_calls_right) / fit_calls : 1; }
  double high_precision() const { return high ? double(high_right) / high : 1; }
  /// One number to choose weights by: every target counts the same.
  double objective() const { return p1() + p3() + mrr() + declined_share(); }
  std::string line() const {
    std::string s = answerable ? fmt::format("p@1 {:.2f}  p@3 {:.2f}  MRR {:.2f}  (n={}, declined {})",
                                             p1(), p3(), mrr(), answerable, wrongly_declined)
                               : std::string(52, ' ');
    if (nobody) s += fmt::format("  nobody declined {}/{}", declined, nobody);
    if (high) s += fmt::format("  high right {}/{}", high_right, high);
    s += fmt::format("  fit calls right {:.2f}", fit_accuracy());
    return s;
  }
};

/// A labelled store, loaded once: its index, its cases, and BM25 over it.
struct LabelledSet {
  std::string store_dir;
  peers::Snapshot snap;
  peers::Summaries summaries;
  peers::RoutingIndex index;
  peers::WeightedRouter router;  // the same, for other weights
  std::vector<Case> cases;

  LabelledSet(const std::string& dir, const std::string& cases_path)
      : store_dir(dir), snap(open(dir).snapshot()), summaries(peers::summarize(snap)),
        index(peers::RoutingIndex::build(summaries)), router(summaries), cases(read_cases(cases_path)) {}

  static peers::Store open(const std::string& dir) {
    peers::StoreOptions options;
    options.use_cache = false;
    return peers::Store(dir, options);
  }
};

/// Every weight by name, for PEERS_EVAL_WEIGHTS and the tuner.
inline std::map<std::string, double*> weight_fields(peers::RoutingWeights& w) {
  return {
      {"track_record", &w.track_record}, {"track_record_more", &w.track_record_more},
      {"near_duplicate", &w.near_duplicate}, {"near_duplicate_from", &w.near_duplicate_from},
      {"topic", &w.topic}, {"topic_floor", &w.topic_floor}, {"topic_focus", &w.topic_focus}, {"expertise_text", &w.expertise_text},
      {"related_topic", &w.related_topic}, {"title", &w.title}, {"notes", &w.notes}, {"log", &w.log},
      {"department", &w.department}, {"tags", &w.tags}, {"typo_match", &w.typo_match},
      {"real_word_typo", &w.real_word_typo}, {"partial_phrase", &w.partial_phrase},
      {"topic_description", &w.topic_description}, {"unknown_word", &w.unknown_word},
      {"unknown_word_fit", &w.unknown_word_fit}, {"neighbours", &w.neighbours},
      {"similar_question", &w.similar_question}, {"answered_words", &w.answered_words},
      {"answered_spread", &w.answered_spread}, {"common_word", &w.common_word}, {"synonym", &w.synonym}, {"broader", &w.broader},
      {"broader_2", &w.broader_2}, {"associated", &w.associated},
      {"explained_floor", &w.explained_floor}, {"high", &w.high}, {"medium", &w.medium}, {"fit_explained", &w.fit_explained},
      {"shown", &w.shown}};
}

/// PEERS_EVAL_WEIGHTS="topic_floor=0.6,notes=2": the defaults with some weights changed, for
/// trying a change without building again (the cache check still uses the defaults).
inline std::optional<peers::RoutingWeights> weights_from_env() {
  const char* spec = std::getenv("PEERS_EVAL_WEIGHTS");
  if (!spec || !*spec) return std::nullopt;
  peers::RoutingWeights w;
  auto fields = weight_fields(w);
  for (const auto& item : peers::split(spec, ',')) {
    auto eq = item.find('=');
    auto it = fields.find(peers::trim(item.substr(0, eq)));
    if (eq == std::string::npos || it == fields.end())
      throw std::runtime_error("PEERS_EVAL_WEIGHTS: unknown weight in '" + item + "'");
    *it->second = std::atof(item.c_str() + eq + 1);
  }
  return w;
}

inline peers::RankOptions rank_options() {
  peers::RankOptions options;
  options.limit = 10;
  options.now = *peers::parse_timestamp("2026-11-27T12:00:00Z");
  return options;
}

inline Tally measure(const LabelledSet& set, const peers::RoutingWeights& weights) {
  Tally all;
  auto options = rank_options();
  for (const auto& c : set.cases) {
    auto r = set.router.route(c.question, options, weights);
    std::vector<std::string> ranked;
    for (const auto& p : r.people) ranked.push_back(p.id);
    all.add(c, ranked, !r.good_fit, r.people.empty() ? "" : r.people.front().confidence);
  }
  return all;
}

}  // namespace labelled
