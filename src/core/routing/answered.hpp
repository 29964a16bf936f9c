#pragma once
// Internal to routing: how alike a follower's question is to the answered ones, and the walk
// over those alike enough (through the postings, when a run of questions has built them).
// scoring.cpp weighs people's track records with it; answered.cpp finds similar questions.
#include <cstdint>
#include <vector>

#include "query.hpp"

namespace peers::routing {

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

/// How alike an answered question is to the query: the weight of the words they share (half for
/// words only in its answer) over the geometric mean of both texts' weights. The shared weight
/// is summed in the query's order, as AnsweredPostings::alike sums it, so both agree bit for bit.
double question_similarity(const QuestionText& qt, const Query& q, const Corpus& corpus,
                           SeenStems& seen, std::vector<std::size_t>* terms);

/// Calls `f(i, similarity, terms)` for each answered question i whose similarity to the query
/// reaches `threshold`, in corpus order; `terms` are the query terms it shares. With postings,
/// only the questions that share a word with the query are read.
template <typename F>
void each_alike(const Corpus& corpus, const Query& q, const AnsweredPostings* postings,
                double threshold, SeenStems& seen, F&& f) {
  std::vector<std::size_t> terms;  // of one answered question (kept: no allocation each)
  if (!postings) {
    for (std::size_t i = 0; i < corpus.answered.size(); ++i) {
      terms.clear();
      double sim = question_similarity(corpus.answered[i], q, corpus, seen, &terms);
      if (sim >= threshold) f(i, sim, terms);
    }
    return;
  }
  std::vector<AnsweredPostings::Weighted> weighted;
  std::vector<std::size_t> term_of;  // by weighted term: its index in the query
  for (std::size_t t = 0; t < q.terms.size(); ++t)
    if (q.terms[t].stem && q.index(*q.terms[t].stem) == static_cast<int>(t)) {
      weighted.push_back({*q.terms[t].stem, q.terms[t].weight});
      term_of.push_back(t);
    }
  for (const auto& a : postings->alike(weighted, q.fit_weight, threshold)) {
    terms.clear();
    if (weighted.size() <= 64) {
      for (std::size_t k = 0; k < weighted.size(); ++k)
        if (a.shared_terms >> k & 1) terms.push_back(term_of[k]);
    } else {
      question_similarity(corpus.answered[a.question], q, corpus, seen, &terms);
    }
    f(a.question, a.similarity, terms);
  }
}

}  // namespace peers::routing
