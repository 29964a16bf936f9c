#include <algorithm>
#include <cmath>

#include "peers/routing.hpp"
#include "peers/routing_weights.hpp"
#include "answered.hpp"

namespace peers {
namespace {
using namespace routing;
/// From this similarity `ask` and `route` show an answered question as asked before.
constexpr double shown_as_similar = 0.3;
}  // namespace

double routing::question_similarity(const QuestionText& qt, const Query& q, const Corpus& corpus,
                                    SeenStems& seen, std::vector<std::size_t>* terms) {
  double own = 0;
  seen.next();
  const std::uint32_t in_text = seen.round;
  for (StemId s : corpus[qt.text_stems])
    if (seen.first_time(s)) own += corpus.idf(s);
  seen.next();
  const std::uint32_t in_answer = seen.round;
  for (StemId s : corpus[qt.answer])
    if (seen.mark[s] != in_text) seen.mark[s] = in_answer;
  double shared = 0;
  for (std::size_t t = 0; t < q.terms.size(); ++t) {
    const Term& term = q.terms[t];
    if (!term.stem || q.index(*term.stem) != static_cast<int>(t)) continue;
    std::uint32_t where = seen.mark[*term.stem];
    if (where == in_text) shared += term.weight;
    else if (where == in_answer) shared += 0.5 * term.weight;
    else continue;
    if (terms) terms->push_back(t);
  }
  if (own <= 0 || q.fit_weight <= 0) return 0;
  return std::min(1.0, shared / std::sqrt(own * q.fit_weight));
}

namespace {
/// Fills `lists` (by key, `keys` of them) with the items `each_key(i, add)` names for each item.
template <typename EachKey>
void invert(std::size_t items, std::size_t keys, EachKey each_key, std::vector<std::uint32_t>& start,
            std::vector<std::uint32_t>& out) {
  start.assign(keys + 1, 0);
  for (std::size_t i = 0; i < items; ++i) each_key(i, [&](std::size_t k) { ++start[k + 1]; });
  for (std::size_t k = 1; k <= keys; ++k) start[k] += start[k - 1];
  out.resize(start.back());
  std::vector<std::uint32_t> next(start.begin(), start.end() - 1);
  for (std::size_t i = 0; i < items; ++i)
    each_key(i, [&](std::size_t k) { out[next[k]++] = static_cast<std::uint32_t>(i); });
}

void append_range(std::vector<std::uint32_t>& out, const std::vector<std::uint32_t>& start,
                  const std::vector<std::uint32_t>& items, std::size_t key) {
  if (key + 1 < start.size())
    out.insert(out.end(), items.begin() + start[key], items.begin() + start[key + 1]);
}
}  // namespace

routing::AnsweredPostings::AnsweredPostings(const Corpus& corpus)
    : own_(corpus.answered.size(), 0), answerer_(corpus.answered.size(), -1) {
  for (std::size_t i = 0; i < corpus.answered.size(); ++i) {
    auto it = std::lower_bound(corpus.people.begin(), corpus.people.end(), corpus.answered[i].answered_by,
                               [](const PersonText& p, std::string_view key) { return p.id < key; });
    if (it != corpus.people.end() && it->id == corpus.answered[i].answered_by)
      answerer_[i] = it - corpus.people.begin();
  }
  const std::size_t stems = corpus.stems.size();
  text_.start.assign(stems + 1, 0);
  answer_only_.start.assign(stems + 1, 0);
  SeenStems seen(stems);
  // Calls f(list, stem) once per distinct stem of question i: its text's, then its answer's.
  auto each_stem = [&](std::size_t i, auto&& f) {
    const QuestionText& qt = corpus.answered[i];
    seen.next();
    for (StemId s : corpus[qt.text_stems])
      if (seen.first_time(s)) f(text_, s);
    for (StemId s : corpus[qt.answer])
      if (seen.first_time(s)) f(answer_only_, s);
  };
  for (std::size_t i = 0; i < corpus.answered.size(); ++i)
    each_stem(i, [&](Lists& l, StemId s) {
      ++l.start[s + 1];
      if (&l == &text_) own_[i] += corpus.idf(s);
    });
  std::vector<std::uint32_t> next_text, next_answer;
  for (auto [l, next] : {std::pair{&text_, &next_text}, std::pair{&answer_only_, &next_answer}}) {
    for (std::size_t s = 1; s <= stems; ++s) l->start[s] += l->start[s - 1];
    l->questions.resize(l->start.back());
    next->assign(l->start.begin(), l->start.end() - 1);
  }
  for (std::size_t i = 0; i < corpus.answered.size(); ++i)
    each_stem(i, [&](Lists& l, StemId s) {
      auto& next = &l == &text_ ? next_text : next_answer;
      l.questions[next[s]++] = static_cast<std::uint32_t>(i);
    });

  SeenStems person_seen(stems);
  invert(corpus.people.size(), stems, [&](std::size_t i, auto&& add) {
    const PersonText& p = corpus.people[i];
    person_seen.next();
    auto each = [&](Span span) {
      for (StemId s : corpus[span])
        if (person_seen.first_time(s)) add(s);
    };
    for (Span span : {p.title, p.department, p.notes, p.tags}) each(span);
    for (const auto& l : p.log) each(l.stems);
    for (const auto& ph : p.free_expertise) each(ph.stems);
  }, people_by_stem_.start, people_by_stem_.questions);
  invert(corpus.people.size(), corpus.topics.size(), [&](std::size_t i, auto&& add) {
    for (std::size_t t : corpus.people[i].topics) add(t);
  }, people_by_topic_.start, people_by_topic_.questions);
}


std::vector<std::uint32_t> routing::AnsweredPostings::people_with(
    std::span<const Weighted> terms, std::span<const std::size_t> topics) const {
  std::vector<std::uint32_t> out;
  for (const auto& t : terms) append_range(out, people_by_stem_.start, people_by_stem_.questions, t.stem);
  for (std::size_t t : topics) append_range(out, people_by_topic_.start, people_by_topic_.questions, t);
  return out;
}

std::vector<routing::AnsweredPostings::Alike> routing::AnsweredPostings::alike(
    std::span<const Weighted> terms, double total_weight, double threshold) const {
  std::vector<double> shared(own_.size(), 0);
  std::vector<std::uint64_t> which(own_.size(), 0);
  std::vector<std::uint32_t> touched;
  auto add = [&](const Lists& l, StemId s, double weight, std::uint64_t bit) {
    if (s + 1 >= l.start.size()) return;
    for (auto i = l.start[s]; i < l.start[s + 1]; ++i) {
      std::uint32_t q = l.questions[i];
      if (which[q] == 0 && shared[q] == 0) touched.push_back(q);
      shared[q] += weight;
      which[q] |= bit;
    }
  };
  for (std::size_t k = 0; k < terms.size(); ++k) {
    std::uint64_t bit = k < 64 ? std::uint64_t{1} << k : 0;
    add(text_, terms[k].stem, terms[k].weight, bit);
    add(answer_only_, terms[k].stem, 0.5 * terms[k].weight, bit);
  }
  std::vector<Alike> out;
  auto keep = [&](std::uint32_t q) {
    if (own_[q] <= 0 || total_weight <= 0) return;
    double similarity = std::min(1.0, shared[q] / std::sqrt(own_[q] * total_weight));
    if (similarity >= threshold) out.push_back({q, similarity, which[q]});
  };
  if (touched.size() * 16 < shared.size()) {  // few: sort them; many: read them all in order
    std::sort(touched.begin(), touched.end());
    touched.erase(std::unique(touched.begin(), touched.end()), touched.end());
    for (std::uint32_t q : touched) keep(q);
  } else {
    for (std::uint32_t q = 0; q < shared.size(); ++q)
      if (shared[q] > 0) keep(q);
  }
  return out;
}

namespace {
std::vector<SimilarQuestion> similar_in(const Corpus& corpus, std::string_view text,
                                        std::size_t limit, std::string_view exclude_id,
                                        const AnsweredPostings* postings) {
  Query q = make_query(text, corpus, RoutingWeights{}, nullptr);
  std::vector<std::pair<const QuestionText*, double>> found;
  if (q.total_weight <= 0) return {};
  SeenStems seen(corpus.stems.size());
  each_alike(corpus, q, postings, shown_as_similar, seen,
             [&](std::size_t i, double sim, const std::vector<std::size_t>&) {
    const QuestionText& qt = corpus.answered[i];
    if (qt.id != exclude_id) found.emplace_back(&qt, sim);
  });
  // Found in corpus order, so the address breaks what ties remain as a stable sort would: the
  // first `limit` of a partial sort are those of a sort, without sorting the many similar
  // ones shown to nobody.
  std::size_t shown = std::min(limit, found.size());
  std::partial_sort(found.begin(), found.begin() + shown, found.end(), [](const auto& a, const auto& b) {
    if (a.second != b.second) return a.second > b.second;
    if (a.first->id != b.first->id) return a.first->id < b.first->id;
    return a.first < b.first;
  });
  std::vector<SimilarQuestion> out;
  for (std::size_t i = 0; i < found.size() && i < limit; ++i)
    out.push_back({std::string(found[i].first->id), found[i].second});
  return out;
}
}  // namespace

std::vector<SimilarQuestion> similar_answered(const Summaries& store, std::string_view text,
                                              std::size_t limit, std::string_view exclude_id) {
  return similar_in(build_corpus(store, false), text, limit, exclude_id, nullptr);
}

std::vector<SimilarQuestion> RoutingIndex::similar_answered(std::string_view text,
                                                            std::size_t limit,
                                                            std::string_view exclude_id) const {
  return similar_in(data_->corpus, text, limit, exclude_id, data_->postings());
}

}  // namespace peers
