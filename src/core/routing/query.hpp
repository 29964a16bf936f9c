#pragma once
// Internal to routing: a follower's question as the ranking reads it. Its words matched to the
// store's (through typos when they are misspelled), and widened by meaning: WordNet synonyms and
// broader terms, and words that share the store's answered questions.
#include <span>
#include <string>
#include <vector>

#include "corpus.hpp"
#include "lexicon.hpp"

namespace peers::routing {

/// One meaningful word of the question, or a word it stands for.
struct Term {
  std::optional<StemId> stem;  // as the store writes it; none: no record uses this word
  std::string surface;         // as the follower wrote it
  std::string shown;           // as reasons name it: the record's word when it was a typo
  double weight = 0;           // idf, lowered for typos and for words found by meaning
  double match = 1;            // 1, less when found through a typo or by meaning
  bool expansion = false;      // stands for a question word (synonym, broader, associated)
  bool known() const { return stem.has_value(); }
};

struct Query {
  std::vector<Term> terms;
  std::vector<int> term_of;  // by stem: index into terms, or -1
  double total_weight = 0;   // of the question's own words (not their expansions)
  std::vector<std::pair<int, int>> pairs;  // terms of neighbouring question words (lower first)
  double fit_weight = 0;     // the same, with the words the store never uses at unknown_word_fit

  int index(StemId s) const { return term_of[s]; }
  const Term* find(StemId s) const { return term_of[s] < 0 ? nullptr : &terms[term_of[s]]; }
};

/// A question word that the store does not use, decided: a misspelling of a store word (its
/// stem and the store's spelling), or nothing when it is a real word or matches nothing. A word
/// WordNet or Hunspell knows is only taken for a slip when it is long and one edit from a store
/// word; `lexicon` may be null (edit distance over the store's words alone). `context`: the
/// question's other store words, which choose among store words as near as each other.
struct Correction {
  StemId stem;
  std::string_view word;
  bool real_word = false;  // the follower's word is English too: a weaker match
};
std::optional<Correction> correct_typo(const std::string& surface, const Corpus& corpus,
                                       Lexicon* lexicon, std::span<const StemId> context = {});

Query make_query(std::string_view text, const Corpus& corpus, const RoutingWeights& weights,
                 Lexicon* lexicon);

/// How well a phrase (a topic name, an alias, an expertise entry) is present in the question:
/// 1 when every word is, less for typos, `partial_phrase` times the share otherwise.
double phrase_match(const Phrase& phrase, const Query& q, const Corpus& corpus,
                    const RoutingWeights& weights, std::vector<std::size_t>* matched);

/// Share of the question's weight found in `stems`; marks the terms it found.
double coverage(std::span<const StemId> stems, const Query& q, std::vector<bool>& found,
                std::vector<std::size_t>* terms = nullptr);

/// Marks the pairs of `q` whose two words are found within `window` words of each other.
void mark_pairs(std::span<const StemId> stems, const Query& q, int window, std::vector<bool>& found);

/// "'parking', 'meter'": the words of the records that matched, as the records write them.
std::string quoted_words(const Query& q, const std::vector<std::size_t>& terms);

}  // namespace peers::routing
