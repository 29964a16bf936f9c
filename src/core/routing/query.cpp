#include "query.hpp"

#include <algorithm>
#include <cmath>
#include <unordered_set>

#include <fmt/format.h>

#include "peers/text.hpp"

namespace peers::routing {
namespace {

/// How well each store word fits the rest of the question: by candidate, the idf of the
/// question's other store words found in the records that use it (a person's own words, a
/// topic, an answered question and its answer), each word once a record.
std::vector<double> context_fit(std::span<const StemId> candidates, std::span<const StemId> context,
                                const Corpus& corpus) {
  std::vector<double> fit(candidates.size(), 0);
  std::vector<Span> record;
  auto weigh = [&] {
    std::vector<bool> has(candidates.size(), false);
    bool any = false;
    for (Span span : record)
      for (StemId s : corpus[span])
        for (std::size_t c = 0; c < candidates.size(); ++c)
          if (s == candidates[c]) any = has[c] = true;
    if (!any) return;
    double shared = 0;
    for (StemId w : context) {
      bool found = false;
      for (Span span : record) {
        auto words = corpus[span];
        if (std::find(words.begin(), words.end(), w) != words.end()) {
          found = true;
          break;
        }
      }
      if (found) shared += corpus.idf(w);
    }
    for (std::size_t c = 0; c < candidates.size(); ++c)
      if (has[c]) fit[c] += shared;
  };
  for (const PersonText& p : corpus.people) {
    record = {p.title, p.department, p.notes, p.tags};
    for (const auto& l : p.log) record.push_back(l.stems);
    for (const auto& ph : p.free_expertise) record.push_back(ph.stems);
    weigh();
  }
  for (const TopicText& t : corpus.topics) {
    record = {t.description};
    for (const auto& ph : t.phrases) record.push_back(ph.stems);
    weigh();
  }
  for (const QuestionText& qt : corpus.answered) {
    record = {qt.text_stems, qt.answer};
    weigh();
  }
  return fit;
}

/// The store word nearest to `surface` by edit distance (adjacent swaps count 1): one typo for
/// words of 4-7 letters, two from 8, same first letter. Of several as near, the one that fits
/// the question's other words (`context`) best ("sever grate": "sewer", not "severe"), then the
/// commonest.
std::optional<std::uint32_t> nearest_store_word(const std::string& surface, const Corpus& corpus,
                                                std::span<const StemId> context) {
  std::size_t limit = allowed_typos(surface.size());
  if (limit == 0) return std::nullopt;
  std::vector<std::uint32_t> nearest;
  std::size_t best_distance = limit + 1;
  for (std::uint32_t id = 0; id < corpus.surfaces.size(); ++id) {
    std::string_view word = corpus.surfaces.at(id);
    if (word.size() + limit < surface.size() || surface.size() + limit < word.size()) continue;
    if (word.size() < 4 || word[0] != surface[0]) continue;
    std::size_t d = edit_distance(surface, word, limit);
    if (d > limit || d > allowed_typos(word.size()) || d > best_distance) continue;
    if (d < best_distance) nearest.clear();
    best_distance = d;
    nearest.push_back(id);
  }
  if (nearest.empty()) return std::nullopt;
  std::vector<StemId> stems;
  for (std::uint32_t id : nearest) stems.push_back(corpus.surface_stem[id]);
  std::vector<double> fit(nearest.size(), 0);
  if (nearest.size() > 1 && !context.empty()) fit = context_fit(stems, context, corpus);
  std::size_t best = 0;
  for (std::size_t i = 1; i < nearest.size(); ++i) {
    int df = corpus.document_frequency[stems[i]], best_df = corpus.document_frequency[stems[best]];
    if (fit[i] > fit[best] + 1e-9 ||
        (fit[i] > fit[best] - 1e-9 &&
         (df > best_df || (df == best_df && corpus.surfaces.at(nearest[i]) < corpus.surfaces.at(nearest[best])))))
      best = i;
  }
  return nearest[best];
}

/// A word of the store that the follower's word means: the surface, then its stem.
/// The store's own spelling of `word`, or of another word with its stem ("carabiner" for a
/// guess "carabiners" that no record writes), so that reasons name a word of the record.
std::optional<std::uint32_t> store_surface(std::string_view word, StemId stem, const Corpus& corpus) {
  if (auto s = corpus.surfaces.find(word)) return s;
  for (std::uint32_t s = 0; s < corpus.surface_stem.size(); ++s)
    if (corpus.surface_stem[s] == stem) return s;
  return std::nullopt;
}

/// Words that share the store's answered questions with `s`: a share of the questions (and
/// answers) that use `s` also use them. Only words found in at least two such questions, or
/// in the one question when `s` is in just one.
std::vector<std::pair<StemId, double>> associated(StemId s, const Corpus& corpus) {
  std::unordered_map<StemId, int> together;
  int with = 0;
  std::vector<StemId> doc;
  for (const auto& qt : corpus.answered) {
    doc.clear();
    for (Span span : {qt.text_stems, qt.answer})
      for (StemId t : corpus[span]) doc.push_back(t);
    if (std::find(doc.begin(), doc.end(), s) == doc.end()) continue;
    ++with;
    std::sort(doc.begin(), doc.end());
    doc.erase(std::unique(doc.begin(), doc.end()), doc.end());
    for (StemId t : doc)
      if (t != s) ++together[t];
  }
  std::vector<std::pair<StemId, double>> out;
  if (with == 0 || with > 3) return out;  // common words say nothing in particular
  for (const auto& [t, n] : together)
    if (n * 2 >= with && corpus.document_frequency[t] <= 3) out.emplace_back(t, double(n) / with);
  return out;
}

}  // namespace

std::optional<Correction> correct_typo(const std::string& surface, const Corpus& corpus,
                                       Lexicon* lexicon, std::span<const StemId> context) {
  if (surface.size() < 4) return std::nullopt;
  auto near = nearest_store_word(surface, corpus, context);
  if (!lexicon) {
    if (!near) return std::nullopt;
    return Correction{corpus.surface_stem[*near], corpus.surfaces.at(*near)};
  }
  // A real word is kept as written ("far" is not "fare"), unless it is long and one slip from a
  // store word ("postal" for "portal", "chaplin" for "chaplain"): then it is a weaker match.
  // WordNet is cheap and asked first; Hunspell (slow to load) only when no store word is one
  // edit away, where a misspelling is plain without it.
  bool near_one = near && edit_distance(surface, corpus.surfaces.at(*near), 1) <= 1;
  if (lexicon->in_wordnet(surface) || (!near_one && lexicon->spelled_right(surface))) {
    if (!near || edit_distance(surface, corpus.surfaces.at(*near), 1) > 1) return std::nullopt;
    // Four letters are a slip only for a word English rarely uses ("trap" for "tarp", "boat"
    // for "boot"; never "book" for "boot"): WordNet's tagged corpus has it at most 25 times.
    if (surface.size() < 4 || (surface.size() == 4 && lexicon->english_count(surface) > 25))
      return std::nullopt;
    return Correction{corpus.surface_stem[*near], corpus.surfaces.at(*near), true};
  }
  if (!near) {  // a spelling edit distance does not reach ("fotograffy"): Hunspell's guesses
    for (const auto& guess : lexicon->corrections(surface))
      for (const auto& w : analyze(guess)) {
        if (auto s = corpus.stem_id(w.stem)) {
          auto shown = store_surface(w.surface, *s, corpus);
          return Correction{*s, shown ? corpus.surfaces.at(*shown) : corpus.stems.at(*s)};
        }
      }
    return std::nullopt;
  }
  return Correction{corpus.surface_stem[*near], corpus.surfaces.at(*near)};
}

Query make_query(std::string_view text, const Corpus& corpus, const RoutingWeights& weights,
                 Lexicon* lexicon) {
  Query q;
  q.term_of.assign(corpus.stems.size(), -1);
  double rarest = corpus.idf_of_count(0);
  std::unordered_set<std::string> unknown;
  // A word common in English says less than its idf in one small store suggests ("old",
  // "year", "next" are rare in a store of 150 records, not in what followers write): its weight
  // is divided by 1 + common_word * ln(1 + how often WordNet's tagged corpus uses it).
  auto commonness = [&](std::string_view word) {
    if (!lexicon || weights.common_word <= 0) return 1.0;
    return 1 / (1 + weights.common_word * std::log1p(lexicon->english_count(word)));
  };
  auto add = [&](std::optional<StemId> s, const std::string& surface, std::string_view shown,
                 double match, bool expansion) {
    double common = expansion ? 1 : commonness(shown);
    if (s) {
      if (int k = q.term_of[*s]; k >= 0) {
        // Already there: a question word wins over an expansion; expansions keep the closest.
        Term& t = q.terms[k];
        if (t.expansion && (!expansion || match > t.match)) {
          t.weight = corpus.idf(*s) * match * common;
          t.match = match;
          t.expansion = expansion;
          t.shown = std::string(shown);
          if (!expansion) {
            q.total_weight += t.weight;
            q.fit_weight += t.weight;
          }
        }
        return;
      }
      q.term_of[*s] = static_cast<int>(q.terms.size());
    } else if (!unknown.insert(stem(surface)).second) {
      return;
    }
    double w = (s ? corpus.idf(*s) * match : rarest * weights.unknown_word) * common;
    q.terms.push_back({s, surface, std::string(shown), w, match, expansion});
    if (!expansion) {
      q.total_weight += w;
      q.fit_weight += s ? w : rarest * weights.unknown_word_fit * common;
    }
  };
  auto words = analyze(text);
  std::vector<StemId> context;  // the question's words the store uses, for choosing among typos
  for (const Word& w : words)
    if (auto s = corpus.stem_id(w.stem)) context.push_back(*s);
  std::vector<std::string> to_widen;  // question words looked up by meaning
  int previous = -1;                  // the term of the word before
  for (std::size_t i = 0; i < words.size(); ++i) {
    const Word& w = words[i];
    if (i > 0) {  // "bike share" or "wi-fi" for a store that writes "bikeshare", "wifi"
      std::string joined = words[i - 1].surface + w.surface;
      if (auto s = corpus.stem_id(stem(joined))) add(s, joined, joined, 1, false);
    }
    std::optional<StemId> as;
    if (auto s = corpus.stem_id(w.stem)) {
      add(as = s, w.surface, w.surface, 1, false);
      if (weights.expand_known_words) to_widen.push_back(w.surface);
    } else if (auto surface = corpus.surfaces.find(w.surface)) {
      add(as = corpus.surface_stem[*surface], w.surface, w.surface, 1, false);
    } else if (auto typo = correct_typo(w.surface, corpus, lexicon, context)) {
        add(as = typo->stem, w.surface, typo->word,
          typo->real_word ? weights.real_word_typo : weights.typo_match, false);
    } else {
      add(std::nullopt, w.surface, w.surface, 1, false);
      to_widen.push_back(w.surface);
    }
    // Neighbouring question words, for evidence that has them side by side ("crossing guard").
    int term = as ? q.term_of[*as] : -1;
    if (term >= 0 && previous >= 0 && term != previous) {
      std::pair<int, int> pair{std::min(term, previous), std::max(term, previous)};
      if (std::find(q.pairs.begin(), q.pairs.end(), pair) == q.pairs.end()) q.pairs.push_back(pair);
    }
    previous = term;
  }
  if (lexicon) {
    for (const auto& word : to_widen)
      for (const Related& r : lexicon->related(word)) {
        double strength = r.distance == 0 ? weights.synonym
                          : r.distance == 1 ? weights.broader
                                            : weights.broader_2;
        if (strength <= 0) continue;
        if (auto s = corpus.stem_id(stem(r.word))) add(s, word, r.word, strength, true);
      }
  }
  if (weights.associated > 0) {
    std::size_t own = q.terms.size();
    for (std::size_t i = 0; i < own; ++i) {
      if (q.terms[i].expansion || !q.terms[i].stem) continue;
      std::string from = q.terms[i].surface;
      for (auto [s, share] : associated(*q.terms[i].stem, corpus)) {
        std::string shown(corpus.stems.at(s));
        add(s, from, shown, weights.associated * share, true);
      }
    }
  }
  return q;
}

double phrase_match(const Phrase& phrase, const Query& q, const Corpus& corpus,
                    const RoutingWeights& weights, std::vector<std::size_t>* matched) {
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

double coverage(std::span<const StemId> stems, const Query& q, std::vector<bool>& found,
                std::vector<std::size_t>* terms) {
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

void mark_pairs(std::span<const StemId> stems, const Query& q, int window, std::vector<bool>& found) {
  if (q.pairs.empty()) return;
  for (std::size_t j = 0; j < stems.size(); ++j) {
    int a = q.index(stems[j]);
    if (a < 0) continue;
    for (std::size_t k = j + 1; k < stems.size() && k <= j + static_cast<std::size_t>(window); ++k) {
      int b = q.index(stems[k]);
      if (b < 0 || b == a) continue;
      std::pair<int, int> pair{std::min(a, b), std::max(a, b)};
      if (auto it = std::find(q.pairs.begin(), q.pairs.end(), pair); it != q.pairs.end())
        found[static_cast<std::size_t>(it - q.pairs.begin())] = true;
    }
  }
}

std::string quoted_words(const Query& q, const std::vector<std::size_t>& terms) {
  std::vector<std::string> words;
  for (std::size_t i : terms) {
    const Term& t = q.terms[i];
    words.push_back(t.expansion ? fmt::format("'{}' (for '{}')", t.shown, t.surface)
                                : "'" + t.shown + "'");
  }
  return join(words, ", ");
}

}  // namespace peers::routing
