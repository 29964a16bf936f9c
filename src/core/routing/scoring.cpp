#include <algorithm>
#include <cmath>
#include <unordered_map>

#include <fmt/format.h>

#include "peers/text.hpp"
#include "peers/routing_weights.hpp"
#include "answered.hpp"

namespace peers {
namespace {

using namespace routing;

constexpr RoutingWeights default_weights{};

struct TopicMatch {
  double score = 0;
  std::string_view via;  // the alias that matched, when it was not the name or id
};

std::vector<TopicMatch> match_topics(const Corpus& corpus, const Query& q,
                                     const RoutingWeights& weights) {
  std::vector<TopicMatch> out(corpus.topics.size());
  std::vector<bool> unused(q.terms.size());
  for (std::size_t i = 0; i < corpus.topics.size(); ++i) {
    const TopicText& tt = corpus.topics[i];
    for (std::size_t k = 0; k < tt.phrases.size(); ++k) {
      std::vector<std::size_t> matched;
      double m = phrase_match(tt.phrases[k], q, corpus, weights, &matched);
      // A one-word alias in a long question explains little of it: it counts for less.
      double share = 0;
      for (auto t : matched) share += q.terms[t].expansion ? 0 : q.terms[t].weight;
      share = q.total_weight > 0 ? std::min(1.0, share / q.total_weight) : 0;
      m *= weights.topic_floor + (1 - weights.topic_floor) * share;
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


std::string days_ago(std::int64_t days) {
  if (days <= 0) return "today";
  if (days == 1) return "yesterday";
  return fmt::format("{} days ago", days);
}

struct Scored {
  std::size_t person;
  double score = 0;
  double evidence = 0;  // before availability
  double explained = 0;  // share of the question's weight their evidence explains
  std::vector<std::pair<double, std::string>> reasons;  // strength, text
  std::vector<std::pair<std::string, double>> terms;
};
}  // namespace

RoutingResult route_question(const Summaries& store, std::string_view question,
                             const RankOptions& options) {
  return RoutingIndex::build(store).route(question, options);
}


RoutingResult routing::route_corpus(const Corpus& corpus, Lexicon& lexicon, std::string_view question,
                                    const RankOptions& options, const RoutingWeights& weights,
                                    const AnsweredPostings* postings) {
  RoutingResult result;
  Query q = make_query(question, corpus, weights, &lexicon);
  if (q.terms.empty() || q.total_weight <= 0) return result;
  std::vector<TopicMatch> topics = match_topics(corpus, q, weights);
  const auto& people = corpus.people;

  const auto& related = corpus.related_topics;
  // People are sorted by id (build_corpus and patch_corpus keep them so).
  constexpr std::size_t nobody = static_cast<std::size_t>(-1);
  auto person_index = [&](std::string_view id) {
    auto it = std::lower_bound(people.begin(), people.end(), id,
                               [](const PersonText& p, std::string_view key) { return p.id < key; });
    return it != people.end() && it->id == id ? static_cast<std::size_t>(it - people.begin()) : nobody;
  };

  std::vector<TrackRecord> track(people.size());
  SeenStems seen(corpus.stems.size());
  each_alike(corpus, q, postings, weights.similar_question, seen,
             [&](std::size_t i, double sim, const std::vector<std::size_t>& terms) {
    const QuestionText& qt = corpus.answered[i];
    std::size_t who = postings ? (postings->answerer(i) < 0 ? nobody : static_cast<std::size_t>(postings->answerer(i)))
                               : person_index(qt.answered_by);
    if (who == nobody) return;
    TrackRecord& tr = track[who];
    ++tr.similar;
    tr.latest = std::max(tr.latest, qt.at);
    if (!tr.example || sim > tr.best || (sim == tr.best && qt.id < tr.example->id)) {
      tr.best = sim;
      tr.example = &qt;
    }
    for (auto t : terms)
      if (std::find(tr.terms.begin(), tr.terms.end(), t) == tr.terms.end()) tr.terms.push_back(t);
  });

  // The question's words found in any question a person answered, however little alike the two
  // questions are otherwise (Balog's Model 2 over their answered questions, word by word): a
  // rare word they share ("possum") is evidence even when the rest of either question rambles.
  // Each term with how many of their answered questions have it, and how many they answered:
  // a word in one of a specialist's three answers says more than one in a generalist's forty.
  std::vector<std::vector<std::pair<std::size_t, int>>> answered_terms(
      weights.answered_words > 0 ? people.size() : 0);
  std::vector<int> answered_count(answered_terms.size(), 0);
  auto mark_answered = [&](std::size_t who, int t) {
    auto& v = answered_terms[who];
    auto it = std::find_if(v.begin(), v.end(), [&](const auto& e) { return e.first == static_cast<std::size_t>(t); });
    if (it == v.end()) v.emplace_back(t, 1);
    else ++it->second;
  };
  if (weights.answered_words > 0 && !postings) {
    // Who answered a question is looked up only for questions with a word of this one; then how
    // many each of those people answered, by their ids.
    std::unordered_map<std::string_view, std::size_t> marked;
    for (const QuestionText& qt : corpus.answered) {
      std::size_t who = nobody;
      seen.next();
      for (StemId s : corpus[qt.text_stems])
        if (int t = q.index(s); t >= 0 && seen.first_time(s)) {
          if (who == nobody && (who = person_index(qt.answered_by)) == nobody) break;
          mark_answered(who, t);
          marked.emplace(qt.answered_by, who);
        }
    }
    if (!marked.empty())
      for (const QuestionText& qt : corpus.answered)
        if (auto it = marked.find(qt.answered_by); it != marked.end()) ++answered_count[it->second];
  } else if (weights.answered_words > 0) {
    for (std::size_t i = 0; i < corpus.answered.size(); ++i)
      if (postings->answerer(i) >= 0) ++answered_count[static_cast<std::size_t>(postings->answerer(i))];
    for (std::size_t t = 0; t < q.terms.size(); ++t)
      if (q.terms[t].stem && q.index(*q.terms[t].stem) == static_cast<int>(t))
        for (std::uint32_t i : postings->with_text(*q.terms[t].stem))
          if (postings->answerer(i) >= 0) mark_answered(static_cast<std::size_t>(postings->answerer(i)), t);
  }
  for (auto& v : answered_terms) std::sort(v.begin(), v.end());  // the same sums either way

  Date today = utc_date(options.now);
  std::vector<bool> found;  // by query term: this person's evidence explains it
  // Scratch lists of query terms, kept across people: no allocation for each.
  std::vector<std::size_t> matched, terms, answered_words;
  std::vector<bool> pair_found;
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
    // A topic is one of the things a person knows: someone who lists thirteen knows each less
    // surely than someone who lists two (Model 2's association of a document with a person).
    if (weights.topic_focus > 0 && pt.topics.size() > 1)
      best_topic *= std::pow(static_cast<double>(pt.topics.size()), -weights.topic_focus);
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
    for (const auto& ph : pt.free_expertise) {
      matched.clear();
      double m = phrase_match(ph, q, corpus, weights, &matched);
      for (auto t : matched) found[t] = true;
      if (m > best_free) {
        best_free = m;
        free_phrase = &ph;
      }
    }
    add("expertise", weights.expertise_text, best_free,
        [&] { return fmt::format("lists '{}' as expertise", free_phrase->text); });

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

    // Two neighbouring words of the question side by side in their own words ("crossing
    // guard"): more telling than the two words apart (Metzler and Croft's sequential
    // dependence). The field reasons already name the words.
    if (weights.neighbours > 0 && !q.pairs.empty()) {
      pair_found.assign(q.pairs.size(), false);
      for (Span span : {pt.title, pt.department, pt.notes, pt.tags})
        mark_pairs(corpus[span], q, weights.neighbour_window, pair_found);
      for (const auto& l : pt.log) mark_pairs(corpus[l.stems], q, weights.neighbour_window, pair_found);
      double together = 0;
      for (std::size_t k = 0; k < q.pairs.size(); ++k)
        if (pair_found[k]) together += q.terms[q.pairs[k].first].weight + q.terms[q.pairs[k].second].weight;
      add("neighbours", weights.neighbours, std::min(1.0, together / q.total_weight),
          [] { return std::string(); });
    }

    // The track record: the most similar question they answered, or, when that says less, the
    // words of the question found anywhere in the questions they answered.
    const TrackRecord& tr = track[i];
    double by_similar = 0, by_words = 0;
    if (tr.similar > 0) {
      for (auto t : tr.terms) found[t] = true;
      by_similar = weights.track_record * tr.best + weights.track_record_more * std::min(3, tr.similar - 1);
      // A near-duplicate of an answered question is the strongest single sign.
      if (tr.best >= weights.near_duplicate_from)
        by_similar += weights.near_duplicate * (tr.best - weights.near_duplicate_from) /
                      (1 - weights.near_duplicate_from);
    }
    answered_words.clear();
    if (!answered_terms.empty() && !answered_terms[i].empty()) {
      double shared = 0;
      double spread = std::pow(answered_count[i], weights.answered_spread);
      for (auto [t, n] : answered_terms[i]) {
        shared += q.terms[t].weight * std::min(1.0, n / spread);
        found[t] = true;
        answered_words.push_back(t);
      }
      by_words = weights.answered_words * std::min(1.0, shared / q.total_weight);
    }
    if (by_similar > 0) {  // the similar question is the better reason, whichever value wins
      add("track record", 1.0, std::max(by_similar, by_words), [&] {
        std::string latest = utc_date(tr.latest).str();
        return tr.similar == 1
                   ? fmt::format("answered a similar question on {}: \"{}\"", latest,
                                 truncate_to_width(tr.example->text, 60))
                   : fmt::format("answered {} similar questions, latest {}", tr.similar, latest);
      });
    } else if (by_words > 0) {
      add("answered words", 1.0, by_words, [&] {
        return fmt::format("answered questions mentioning {}", quoted_words(q, answered_words));
      });
    }

    double explained_weight = 0;
    for (std::size_t t = 0; t < q.terms.size(); ++t)
      if (found[t]) explained_weight += q.terms[t].weight;
    double explained = std::min(1.0, explained_weight / q.total_weight);
    s.explained = std::min(1.0, explained_weight / q.fit_weight);
    double share = weights.explained_floor + (1 - weights.explained_floor) * explained;
    if (s.evidence <= 0) return;  // nothing to show for: never ranked
    if (details) s.terms.emplace_back("explained share", share);
    s.evidence *= share;
    s.score = s.evidence;
  };
  std::vector<Scored> scored(people.size());
  for (std::size_t i = 0; i < people.size(); ++i) scored[i].person = i;
  if (!postings) {
    for (std::size_t i = 0; i < people.size(); ++i) weigh_evidence(i, scored[i], false);
  } else {
    // Only people with a word of the question, a matched (or related) topic, or a track record
    // can have evidence; the others keep none.
    std::vector<AnsweredPostings::Weighted> terms;
    for (const auto& t : q.terms)
      if (t.stem) terms.push_back({*t.stem, t.weight});
    std::vector<std::size_t> named;
    for (std::size_t t = 0; t < topics.size(); ++t)
      if (topics[t].score > 0) {
        named.push_back(t);
        named.insert(named.end(), related[t].begin(), related[t].end());
      }
    std::vector<bool> weigh(people.size(), false);
    for (std::uint32_t i : postings->people_with(terms, named)) weigh[i] = true;
    for (std::size_t i = 0; i < people.size(); ++i)
      if (weigh[i] || track[i].similar > 0 || (!answered_terms.empty() && !answered_terms[i].empty()))
        weigh_evidence(i, scored[i], false);
  }

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
      f.explained = std::max(f.explained, scored[i].explained);
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
    if (int waiting = corpus.waiting_by_person[i]; waiting > 0 && !p.left) {
      double factor = 1 / (1 + weights.per_waiting_question * waiting);
      s.score *= factor;
      if (details) {
        availability.push_back(waiting == 1 ? "1 question already waiting on them"
                                            : fmt::format("{} questions already waiting on them", waiting));
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
      s.explained = std::max(s.explained, scored[c.leaver].explained);
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
    // A question mostly about what nobody's evidence explains is outside the store, however
    // well one of its words matches: the tempting word of "is the pharmacy at the walgreens
    // open sundays" is all a pharmacist explains of it.
    bool explains_enough = details.explained >= weights.fit_explained;
    // Confidence reads the score as if the words the store never uses weighed unknown_word_fit,
    // as in the explained share: a question about what nobody mentions is not made a better fit
    // by the ranking weighing those words less.
    const double fit_score = score * std::min(1.0, q.total_weight / q.fit_weight);
    c.confidence = !explains_enough              ? "low"
                   : fit_score >= weights.high   ? "high"
                   : fit_score >= weights.medium ? "medium"
                                              : "low";
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

RoutingResult RoutingIndex::route(std::string_view question, const RankOptions& options) const {
  return route_corpus(data_->corpus, data_->lexicon(), question, options, default_weights,
                      data_->postings());
}

struct WeightedRouter::State {
  Corpus corpus;
  Lexicon english;
  std::shared_ptr<const void> keep;
};

WeightedRouter::WeightedRouter(const Summaries& store) : state_(std::make_shared<State>()) {
  state_->corpus = build_corpus(store, true);
  state_->keep = store.storage;
}

RoutingResult WeightedRouter::route(std::string_view question, const RankOptions& options,
                                    const RoutingWeights& weights) const {
  return route_corpus(state_->corpus, state_->english, question, options, weights);
}

}  // namespace peers
