// peers_routing_eval: measures `peers who-knows` on a labelled set of follower questions, next to
// a plain BM25 baseline over the same people, and fails when peers falls below a bar.
//
//   peers_routing_eval STORE_DIR LABELS_FILE [--min-p1 X] [--min-p3 X] [--min-declined X] [-v]
//
// LABELS_FILE: one question a line, "category | id[,id...] or nobody | question"; '#' comments.
// Prints precision@1, precision@3, MRR (over questions someone can answer) and the share of the
// nobody-questions that were declined, overall and per category, for peers and for BM25.
#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include <unistd.h>

#include <fmt/format.h>

#include "peers/analyze.hpp"
#include "peers/error.hpp"
#include "peers/routing.hpp"
#include "peers/store.hpp"
#include "peers/text.hpp"
#include "peers/time.hpp"

namespace {

struct Case {
  std::string category;
  std::vector<std::string> expected;  // empty: nobody
  std::string question;
};

std::vector<Case> read_cases(const std::string& path) {
  std::ifstream in(path);
  if (!in) throw std::runtime_error("cannot read " + path);
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

/// Plain BM25 words: folded, split on non-alphanumerics, no stop words, no stemming.
std::vector<std::string> plain_words(std::string_view text) {
  std::vector<std::string> out;
  std::string folded = peers::fold(text), word;
  auto flush = [&] {
    if (word.size() > 1 && !peers::is_stop_word(word)) out.push_back(word);
    word.clear();
  };
  for (char c : folded) {
    if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || static_cast<unsigned char>(c) >= 0x80)
      word += c;
    else
      flush();
  }
  flush();
  return out;
}

/// BM25 over one document per person: their profile text plus the questions they answered.
class Bm25 {
 public:
  explicit Bm25(const peers::Snapshot& snap) {
    std::unordered_map<std::string, std::size_t> index;
    for (const auto& p : snap.people) {
      index[p.id] = docs_.size();
      std::string text = p.name + " " + p.title + " " + p.department + " " + p.notes;
      for (const auto& e : p.expertise) text += " " + e;
      for (const auto& t : p.tags) text += " " + t;
      for (const auto& l : p.log) text += " " + l.note;
      docs_.push_back({p.id, {}, 0});
      append(docs_.back(), text);
    }
    for (const auto& q : snap.questions) {
      auto it = index.find(q.answered_by);
      if (it != index.end() && !q.answer.empty()) append(docs_[it->second], q.text);
    }
    double total = 0;
    for (const auto& d : docs_) {
      total += d.length;
      for (const auto& [w, n] : d.tf) ++df_[w];
    }
    average_ = docs_.empty() ? 1 : total / docs_.size();
  }

  std::vector<std::string> rank(std::string_view question) const {
    auto words = plain_words(question);
    std::vector<std::pair<double, std::string>> scored;
    for (const auto& d : docs_) {
      double s = 0;
      for (const auto& w : words) {
        auto tf = d.tf.find(w);
        if (tf == d.tf.end()) continue;
        double df = df_.at(w);
        double idf = std::log(1 + (docs_.size() - df + 0.5) / (df + 0.5));
        double f = tf->second;
        s += idf * f * 2.2 / (f + 1.2 * (0.25 + 0.75 * d.length / average_));
      }
      if (s > 0) scored.emplace_back(s, d.id);
    }
    std::stable_sort(scored.begin(), scored.end(),
                     [](const auto& a, const auto& b) { return a.first > b.first; });
    std::vector<std::string> out;
    for (const auto& [s, id] : scored) out.push_back(id);
    return out;
  }

 private:
  struct Doc {
    std::string id;
    std::unordered_map<std::string, int> tf;
    double length;
  };
  static void append(Doc& d, std::string_view text) {
    for (auto& w : plain_words(text)) {
      ++d.tf[w];
      d.length += 1;
    }
  }
  std::vector<Doc> docs_;
  std::unordered_map<std::string, double> df_;
  double average_ = 1;
};

struct Tally {
  int answerable = 0, top1 = 0, top3 = 0, nobody = 0, declined = 0, wrongly_declined = 0;
  double reciprocal = 0;

  void add(const Case& c, const std::vector<std::string>& ranked, bool declined_it) {
    if (c.expected.empty()) {
      ++nobody;
      if (declined_it) ++declined;
      return;
    }
    ++answerable;
    if (declined_it) ++wrongly_declined;
    for (std::size_t k = 0; k < ranked.size() && k < 10; ++k) {
      if (std::find(c.expected.begin(), c.expected.end(), ranked[k]) == c.expected.end()) continue;
      if (k == 0) ++top1;
      if (k < 3) ++top3;
      reciprocal += 1.0 / (k + 1);
      break;
    }
  }
  double p1() const { return answerable ? double(top1) / answerable : 0; }
  double p3() const { return answerable ? double(top3) / answerable : 0; }
  double mrr() const { return answerable ? reciprocal / answerable : 0; }
  std::string line() const {
    std::string s = answerable ? fmt::format("p@1 {:.2f}  p@3 {:.2f}  MRR {:.2f}  (n={}, declined {})",
                                             p1(), p3(), mrr(), answerable, wrongly_declined)
                               : std::string(52, ' ');
    if (nobody) s += fmt::format("  nobody declined {}/{}", declined, nobody);
    return s;
  }
};

}  // namespace

int main(int argc, char** argv) {
  if (argc < 3) {
    std::cerr << "usage: peers_routing_eval STORE_DIR LABELS_FILE [--min-p1 X] [--min-p3 X] "
                 "[--min-declined X] [-v]\n";
    return 2;
  }
  double min_p1 = 0, min_p3 = 0, min_declined = 0;
  bool verbose = false;
  for (int i = 3; i < argc; ++i) {
    std::string a = argv[i];
    if (a == "-v") verbose = true;
    else if (i + 1 < argc && a == "--min-p1") min_p1 = std::atof(argv[++i]);
    else if (i + 1 < argc && a == "--min-p3") min_p3 = std::atof(argv[++i]);
    else if (i + 1 < argc && a == "--min-declined") min_declined = std::atof(argv[++i]);
  }
  try {
    peers::StoreOptions store_options;
    store_options.use_cache = false;
    peers::Store store(argv[1], store_options);
    peers::Snapshot snap = store.snapshot();
    auto cases = read_cases(argv[2]);
    Bm25 bm25(snap);
    peers::RankOptions options;
    options.limit = 10;
    options.now = *peers::parse_timestamp("2026-11-27T12:00:00Z");

    // The same store through the cache, as `peers who-knows` reads it: a copy, so that the
    // cache is made there. The first index is built and saved, the second restored.
    namespace fs = std::filesystem;
    fs::path copy = fs::temp_directory_path() / fmt::format("peers-eval-{}", ::getpid());
    fs::remove_all(copy);
    fs::copy(argv[1], copy, fs::copy_options::recursive);
    std::vector<peers::Problem> skipped;
    peers::RoutingIndex built = peers::Store(copy).routing_index(skipped);
    peers::RoutingIndex restored = peers::Store(copy).routing_index(skipped);
    auto describe = [](const peers::RoutingResult& r) {
      std::string out = r.good_fit ? "fit" : "no fit";
      for (const auto& p : r.people)
        out += fmt::format("; {} {} {} {}", p.id, p.score, p.confidence, peers::join(p.reasons, "/"));
      return out;
    };
    int cache_differs = 0;

    std::map<std::string, Tally> ours_by, bm25_by;
    Tally ours, base;
    for (const auto& c : cases) {
      auto result = peers::route_question(snap, c.question, options);
      for (const auto* index : {&built, &restored})
        if (describe(index->route(c.question, options)) != describe(result)) {
          ++cache_differs;
          std::cout << "  CACHE DIFFERS | " << c.question << "\n";
        }
      std::vector<std::string> ranked;
      for (const auto& p : result.people) ranked.push_back(p.id);
      bool declined = !result.good_fit;
      ours.add(c, ranked, declined);
      ours_by[c.category].add(c, ranked, declined);
      auto baseline = bm25.rank(c.question);
      base.add(c, baseline, baseline.empty());
      bm25_by[c.category].add(c, baseline, baseline.empty());
      bool right = c.expected.empty() ? declined
                                      : !ranked.empty() && std::find(c.expected.begin(), c.expected.end(),
                                                                     ranked[0]) != c.expected.end();
      if (verbose || !right) {
        std::string got;
        for (std::size_t k = 0; k < result.people.size() && k < 3; ++k)
          got += fmt::format("{}{} {:.2f} {}", k ? ", " : "", result.people[k].id,
                             result.people[k].score, result.people[k].confidence);
        std::cout << (right ? "  ok   " : "  MISS ") << c.category << " | " << c.question
                  << "\n         want " << (c.expected.empty() ? "nobody" : peers::join(c.expected, ","))
                  << ", got " << (got.empty() ? "nobody" : got) << (declined ? " (declined)" : "") << "\n";
      }
    }
    std::cout << fmt::format("\n{} questions over {} ({} people, {} answered questions)\n\n",
                             cases.size(), argv[1], snap.people.size(),
                             std::count_if(snap.questions.begin(), snap.questions.end(),
                                           [](const auto& q) { return !q.answered_by.empty(); }));
    std::cout << fmt::format("{:<16} {:<6} {}\n", "category", "", "");
    for (const auto& [category, tally] : ours_by) {
      std::cout << fmt::format("{:<16} peers  {}\n", category, tally.line());
      std::cout << fmt::format("{:<16} bm25   {}\n", "", bm25_by[category].line());
    }
    std::cout << fmt::format("\n{:<16} peers  {}\n", "ALL", ours.line());
    std::cout << fmt::format("{:<16} bm25   {}\n", "", base.line());
    fs::remove_all(copy);
    std::cout << fmt::format("\nthrough the cache (built, then restored): {}\n",
                             cache_differs ? fmt::format("{} results differ", cache_differs)
                                           : std::string("every result the same"));
    double declined_share = ours.nobody ? double(ours.declined) / ours.nobody : 1;
    bool pass = ours.p1() >= min_p1 && ours.p3() >= min_p3 && declined_share >= min_declined &&
                cache_differs == 0;
    std::cout << fmt::format("\nbar: p@1 >= {:.2f}, p@3 >= {:.2f}, nobody declined >= {:.2f}: {}\n",
                             min_p1, min_p3, min_declined, pass ? "PASS" : "FAIL");
    return pass ? 0 : 1;
  } catch (const std::exception& e) {
    std::cerr << "peers_routing_eval: " << e.what() << "\n";
    return 2;
  }
}
