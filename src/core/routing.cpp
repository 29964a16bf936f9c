#include "peers/routing.hpp"

#include <algorithm>
#include <cmath>
#include <optional>
#include <unordered_map>
#include <unordered_set>

#include <fmt/format.h>

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

/// Stems of a text, plus "workstudy" for "work-study", as documents are indexed.
std::vector<std::string> document_stems(std::string_view text,
                                        std::unordered_map<std::string, std::string>* surfaces) {
  auto words = analyze(text);
  std::vector<std::string> out;
  out.reserve(words.size() + 2);
  for (std::size_t i = 0; i < words.size(); ++i) {
    if (surfaces) surfaces->try_emplace(words[i].surface, words[i].stem);
    out.push_back(words[i].stem);
    if (words[i].joined && i > 0) {
      std::string compound = words[i - 1].surface + words[i].surface;
      if (surfaces) surfaces->try_emplace(compound, stem(compound));
      out.push_back(stem(compound));
    }
  }
  return out;
}

struct LogText {
  Date date;
  std::vector<std::string> stems;
};

struct Phrase {
  std::string text;                // as written: "FAFSA"
  std::vector<std::string> stems;  // unique
};

struct PersonText {
  std::vector<std::string> title, department, notes, tags;
  std::vector<LogText> log;
  std::vector<std::size_t> topics;  // topics their expertise names
  std::vector<Phrase> free_expertise;
};

struct TopicText {
  std::vector<Phrase> phrases;  // id, name, aliases
  std::vector<std::string> description;
};

struct QuestionText {
  const Question* question;
  std::vector<std::string> text, answer;
};

/// Everything the ranking needs from the store, read once per call.
struct Corpus {
  std::vector<PersonText> people;
  std::vector<TopicText> topics;
  std::vector<QuestionText> answered;
  std::unordered_map<std::string, int> document_frequency;
  std::unordered_map<std::string, std::string> surfaces;  // folded word -> stem
  double documents = 0;

  void count(const std::vector<std::string>& stems, std::unordered_set<std::string>& seen) {
    for (const auto& s : stems) seen.insert(s);
  }
  void add_document(const std::unordered_set<std::string>& seen) {
    documents += 1;
    for (const auto& s : seen) ++document_frequency[s];
  }
  double idf(const std::string& stem) const {
    auto it = document_frequency.find(stem);
    double df = it == document_frequency.end() ? 0 : it->second;
    return std::log(1 + (documents + 1) / (df + 0.5));
  }
};

Phrase make_phrase(std::string_view text, Corpus& corpus) {
  Phrase p{std::string(text), {}};
  for (auto& w : analyze(text)) {
    corpus.surfaces.try_emplace(w.surface, w.stem);
    if (std::find(p.stems.begin(), p.stems.end(), w.stem) == p.stems.end())
      p.stems.push_back(w.stem);
  }
  return p;
}

bool has_answer(const Question& q) {
  return !q.answered_by.empty() &&
         (q.status == QuestionStatus::answered || q.status == QuestionStatus::closed);
}

Corpus build_corpus(const Snapshot& snap, bool with_people) {
  Corpus c;
  std::unordered_map<std::string, std::size_t> topic_by_key;
  c.topics.reserve(snap.topics.size());
  for (std::size_t i = 0; i < snap.topics.size(); ++i) {
    const Topic& t = snap.topics[i];
    TopicText tt;
    std::unordered_set<std::string> seen;
    for (const std::string* name : {&t.name, &t.id}) {
      topic_by_key.try_emplace(name_key(*name), i);
      tt.phrases.push_back(make_phrase(*name, c));
    }
    for (const auto& a : t.aliases) {
      topic_by_key.try_emplace(name_key(a), i);
      tt.phrases.push_back(make_phrase(a, c));
    }
    tt.description = document_stems(t.description, &c.surfaces);
    for (const auto& p : tt.phrases) c.count(p.stems, seen);
    c.count(tt.description, seen);
    c.add_document(seen);
    c.topics.push_back(std::move(tt));
  }
  if (with_people) {
    c.people.reserve(snap.people.size());
    for (const Person& p : snap.people) {
      PersonText pt;
      std::unordered_set<std::string> seen;
      pt.title = document_stems(p.title, &c.surfaces);
      pt.department = document_stems(p.department, &c.surfaces);
      pt.notes = document_stems(p.notes, &c.surfaces);
      for (const auto& tag : p.tags) {
        auto s = document_stems(tag, &c.surfaces);
        pt.tags.insert(pt.tags.end(), s.begin(), s.end());
      }
      for (const auto& entry : p.log) pt.log.push_back({entry.date, document_stems(entry.note, &c.surfaces)});
      for (const auto& e : p.expertise) {
        auto topic = topic_by_key.find(name_key(e));
        if (topic != topic_by_key.end()) {
          if (std::find(pt.topics.begin(), pt.topics.end(), topic->second) == pt.topics.end())
            pt.topics.push_back(topic->second);
        } else {
          pt.free_expertise.push_back(make_phrase(e, c));
          c.count(pt.free_expertise.back().stems, seen);
        }
      }
      for (const auto* field : {&pt.title, &pt.department, &pt.notes, &pt.tags}) c.count(*field, seen);
      for (const auto& l : pt.log) c.count(l.stems, seen);
      c.add_document(seen);
      c.people.push_back(std::move(pt));
    }
  }
  for (const Question& q : snap.questions) {
    if (!has_answer(q)) continue;
    QuestionText qt{&q, document_stems(q.text, &c.surfaces), document_stems(q.answer, &c.surfaces)};
    std::unordered_set<std::string> seen;
    c.count(qt.text, seen);
    c.count(qt.answer, seen);
    c.add_document(seen);
    c.answered.push_back(std::move(qt));
  }
  return c;
}

/// One meaningful word of the question, matched to the store's vocabulary.
struct Term {
  std::string stem;     // as the store writes it
  std::string surface;  // as the follower wrote it
  double weight = 0;    // idf, lowered for typos
  double match = 1;     // 1, or weights.typo_match when found through a typo
  bool known = true;    // false: no record uses this word
};

struct Query {
  std::vector<Term> terms;
  std::unordered_map<std::string, std::size_t> index;  // stem -> term
  double total_weight = 0;

  const Term* find(const std::string& stem) const {
    auto it = index.find(stem);
    return it == index.end() ? nullptr : &terms[it->second];
  }
};

std::optional<std::string> typo_match(const std::string& surface, const Corpus& corpus) {
  std::size_t limit = allowed_typos(surface.size());
  if (limit == 0) return std::nullopt;
  std::optional<std::string> best;
  std::size_t best_distance = limit + 1;
  int best_df = 0;
  for (const auto& [word, word_stem] : corpus.surfaces) {
    if (word.size() + limit < surface.size() || surface.size() + limit < word.size()) continue;
    if (word.size() < 4 || word[0] != surface[0]) continue;
    std::size_t d = edit_distance(surface, word, limit);
    if (d > limit || d > allowed_typos(word.size())) continue;
    auto df_it = corpus.document_frequency.find(word_stem);
    int df = df_it == corpus.document_frequency.end() ? 0 : df_it->second;
    if (d < best_distance || (d == best_distance && (df > best_df || (df == best_df && word_stem < *best)))) {
      best = word_stem;
      best_distance = d;
      best_df = df;
    }
  }
  return best;
}

Query make_query(std::string_view text, const Corpus& corpus) {
  Query q;
  double rarest = std::log(1 + (corpus.documents + 1) / 0.5);
  auto add = [&](const std::string& s, const std::string& surface, double match, bool known) {
    if (q.index.count(s)) return;
    double w = known ? corpus.idf(s) * match : rarest * weights.unknown_word;
    q.index.emplace(s, q.terms.size());
    q.terms.push_back({s, surface, w, match, known});
    q.total_weight += w;
  };
  auto known = [&](const std::string& s) { return corpus.document_frequency.count(s) > 0; };
  auto words = analyze(text);
  for (std::size_t i = 0; i < words.size(); ++i) {
    const Word& w = words[i];
    if (i > 0) {  // "bike share" or "wi-fi" for a store that writes "bikeshare", "wifi"
      std::string joined = stem(words[i - 1].surface + w.surface);
      if (known(joined)) add(joined, words[i - 1].surface + w.surface, 1, true);
    }
    if (known(w.stem)) {
      add(w.stem, w.surface, 1, true);
    } else if (auto it = corpus.surfaces.find(w.surface); it != corpus.surfaces.end() && known(it->second)) {
      add(it->second, w.surface, 1, true);
    } else if (auto near = typo_match(w.surface, corpus)) {
      add(*near, w.surface, weights.typo_match, true);
    } else {
      add(w.stem, w.surface, 1, false);
    }
  }
  return q;
}

/// How well a phrase (a topic name, an alias, an expertise entry) is present in the question:
/// 1 when every word is, less for typos, `partial_phrase` times the share otherwise.
double phrase_match(const Phrase& phrase, const Query& q, const Corpus& corpus,
                    std::vector<std::size_t>* matched) {
  if (phrase.stems.empty()) return 0;
  double total = 0, found = 0, lowest = 1;
  bool all = true;
  for (const auto& s : phrase.stems) {
    double idf = corpus.idf(s);
    total += idf;
    if (const Term* t = q.find(s)) {
      found += idf;
      lowest = std::min(lowest, t->match);
      if (matched) matched->push_back(q.index.at(s));
    } else {
      all = false;
    }
  }
  if (all) return lowest;
  return weights.partial_phrase * found / total * lowest;
}

/// Share of the question's weight found in `stems`; marks the terms it found.
double coverage(const std::vector<std::string>& stems, const Query& q, std::vector<bool>& found,
                std::vector<std::size_t>* terms = nullptr) {
  double sum = 0;
  for (const auto& s : stems) {
    auto it = q.index.find(s);
    if (it == q.index.end() || !q.terms[it->second].known) continue;
    if (terms) {
      if (std::find(terms->begin(), terms->end(), it->second) != terms->end()) continue;
      terms->push_back(it->second);
    }
    sum += q.terms[it->second].weight;
    found[it->second] = true;
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
  std::string via;  // the alias that matched, when it was not the name or id
};

std::vector<TopicMatch> match_topics(const Snapshot& snap, const Corpus& corpus, const Query& q) {
  std::vector<TopicMatch> out(snap.topics.size());
  std::vector<bool> unused(q.terms.size());
  for (std::size_t i = 0; i < snap.topics.size(); ++i) {
    const TopicText& tt = corpus.topics[i];
    for (std::size_t k = 0; k < tt.phrases.size(); ++k) {
      double m = phrase_match(tt.phrases[k], q, corpus, nullptr);
      if (m > out[i].score + 1e-9) out[i] = {m, k >= 2 ? tt.phrases[k].text : ""};
    }
    double by_description = weights.topic_description * coverage(tt.description, q, unused);
    if (by_description > out[i].score) out[i] = {by_description, ""};
  }
  return out;
}

/// Per person: how their answered questions resemble this one.
struct TrackRecord {
  double best = 0;
  int similar = 0;
  Timestamp latest = 0;
  const Question* example = nullptr;
  std::vector<std::size_t> terms;
};

double question_similarity(const QuestionText& qt, const Query& q, const Corpus& corpus,
                           std::vector<std::size_t>* terms) {
  double shared = 0, own = 0;
  std::unordered_set<std::string_view> seen;
  for (const auto& s : qt.text) {
    if (!seen.insert(s).second) continue;
    own += corpus.idf(s);
    if (const Term* t = q.find(s); t && t->known) {
      shared += t->weight;
      if (terms) terms->push_back(q.index.at(s));
    }
  }
  for (const auto& s : qt.answer) {
    if (!seen.insert(s).second) continue;
    if (const Term* t = q.find(s); t && t->known) {
      shared += 0.5 * t->weight;
      if (terms) terms->push_back(q.index.at(s));
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

}  // namespace

RoutingResult route_question(const Snapshot& snap, std::string_view question,
                             const RankOptions& options) {
  RoutingResult result;
  Corpus corpus = build_corpus(snap, true);
  Query q = make_query(question, corpus);
  if (q.terms.empty() || q.total_weight <= 0) return result;
  std::vector<TopicMatch> topics = match_topics(snap, corpus, q);

  std::unordered_map<std::string_view, std::size_t> topic_index;
  for (std::size_t i = 0; i < snap.topics.size(); ++i) topic_index.emplace(snap.topics[i].id, i);
  // Related goes both ways: Bursar is related to Financial aid when either one says so.
  std::vector<std::vector<std::size_t>> related(snap.topics.size());
  for (std::size_t t = 0; t < snap.topics.size(); ++t)
    for (const auto& r : snap.topics[t].related)
      if (auto o = topic_index.find(r); o != topic_index.end() && o->second != t) {
        related[t].push_back(o->second);
        related[o->second].push_back(t);
      }
  std::unordered_map<std::string_view, std::size_t> person_index;
  for (std::size_t i = 0; i < snap.people.size(); ++i) person_index.emplace(snap.people[i].id, i);

  std::vector<TrackRecord> track(snap.people.size());
  for (const auto& qt : corpus.answered) {
    auto who = person_index.find(qt.question->answered_by);
    if (who == person_index.end()) continue;
    std::vector<std::size_t> terms;
    double sim = question_similarity(qt, q, corpus, &terms);
    if (sim < weights.similar_question) continue;
    TrackRecord& tr = track[who->second];
    ++tr.similar;
    Timestamp at = qt.question->answered_at.value_or(qt.question->asked_at);
    tr.latest = std::max(tr.latest, at);
    if (sim > tr.best) {
      tr.best = sim;
      tr.example = qt.question;
    }
    for (auto t : terms)
      if (std::find(tr.terms.begin(), tr.terms.end(), t) == tr.terms.end()) tr.terms.push_back(t);
  }

  std::unordered_map<std::string_view, int> waiting;
  for (const auto& qs : snap.questions)
    if (!qs.archived && !qs.routed_to.empty() &&
        (qs.status == QuestionStatus::open || qs.status == QuestionStatus::routed))
      ++waiting[qs.routed_to];

  Date today = utc_date(options.now);
  std::vector<Scored> scored(snap.people.size());
  for (std::size_t i = 0; i < snap.people.size(); ++i) {
    const PersonText& pt = corpus.people[i];
    Scored& s = scored[i];
    s.person = i;
    std::vector<bool> found(q.terms.size());
    auto add = [&](const char* name, double weight, double value, std::string reason) {
      if (value <= 0) return;
      s.evidence += weight * value;
      s.terms.emplace_back(name, weight * value);
      if (!reason.empty()) s.reasons.emplace_back(weight * value, std::move(reason));
    };

    // Declared topics, and topics related to them.
    double best_topic = 0, best_related = 0;
    std::string topic_reason, related_reason;
    for (std::size_t t : pt.topics) {
      const TopicMatch& m = topics[t];
      if (m.score > best_topic) {
        best_topic = m.score;
        topic_reason = "knows " + snap.topics[t].name + (m.via.empty() ? "" : " (alias " + m.via + ")");
      }
      auto consider_related = [&](std::size_t other) {
        if (topics[other].score > best_related) {
          best_related = topics[other].score;
          related_reason = fmt::format("knows {}, related to {}", snap.topics[t].name,
                                       snap.topics[other].name);
        }
      };
      for (std::size_t o : related[t]) consider_related(o);
    }
    if (best_topic > 0) {
      for (std::size_t t : pt.topics)
        if (topics[t].score == best_topic)
          for (const auto& ph : corpus.topics[t].phrases)
            for (const auto& st : ph.stems)
              if (auto it = q.index.find(st); it != q.index.end()) found[it->second] = true;
    }
    add("topic", weights.topic, best_topic, topic_reason);
    if (best_related > best_topic) add("related topic", weights.related_topic, best_related, related_reason);

    double best_free = 0;
    std::string free_reason;
    for (const auto& ph : pt.free_expertise) {
      std::vector<std::size_t> matched;
      double m = phrase_match(ph, q, corpus, &matched);
      for (auto t : matched) found[t] = true;
      if (m > best_free) {
        best_free = m;
        free_reason = "lists '" + ph.text + "' as expertise";
      }
    }
    add("expertise", weights.expertise_text, best_free, free_reason);

    auto field = [&](const char* name, double weight, const std::vector<std::string>& stems,
                     const std::string& label) {
      std::vector<std::size_t> terms;
      double c = coverage(stems, q, found, &terms);
      add(name, weight, c, terms.empty() ? "" : label + " " + quoted_words(q, terms));
    };
    field("title", weights.title, pt.title, "title mentions");
    field("department", weights.department, pt.department, "department mentions");
    field("notes", weights.notes, pt.notes, "notes mention");
    field("tags", weights.tags, pt.tags, "tagged");
    {
      std::vector<std::size_t> terms;
      std::optional<Date> when;
      double total = 0;
      for (const auto& l : pt.log) {
        std::size_t before = terms.size();
        total += coverage(l.stems, q, found, &terms);
        if (terms.size() > before && (!when || l.date > *when)) when = l.date;
      }
      add("log", weights.log, std::min(1.0, total),
          terms.empty() ? "" : fmt::format("log mentions {} ({})", quoted_words(q, terms), when->str()));
    }

    const TrackRecord& tr = track[i];
    if (tr.similar > 0) {
      for (auto t : tr.terms) found[t] = true;
      double value = tr.best + weights.track_record_more / weights.track_record *
                                   std::min(3, tr.similar - 1);
      std::string latest = utc_date(tr.latest).str();
      std::string reason =
          tr.similar == 1
              ? fmt::format("answered a similar question on {}: \"{}\"", latest,
                            truncate_to_width(tr.example->text, 60))
              : fmt::format("answered {} similar questions, latest {}", tr.similar, latest);
      add("track record", weights.track_record, value, reason);
    }

    double explained = 0;
    for (std::size_t t = 0; t < q.terms.size(); ++t)
      if (found[t]) explained += q.terms[t].weight;
    explained = std::min(1.0, explained / q.total_weight);
    double share = weights.explained_floor + (1 - weights.explained_floor) * explained;
    s.terms.emplace_back("explained share", share);
    s.evidence *= share;
    s.score = s.evidence;
  }

  // People who left hand their evidence to whoever they forward to.
  for (std::size_t i = 0; i < snap.people.size(); ++i) {
    const Person& p = snap.people[i];
    if (!p.has_left() || p.forward_to.empty()) continue;
    auto to = person_index.find(p.forward_to);
    if (to == person_index.end() || snap.people[to->second].has_left()) continue;
    Scored& f = scored[to->second];
    double inherited = weights.forward_share * scored[i].evidence;
    if (inherited > f.score) {
      f.terms.emplace_back("covers for a leaver", inherited - f.score);
      f.score = inherited;
      f.reasons.emplace_back(inherited, fmt::format("covers for {}, who left", p.name));
    }
  }

  for (std::size_t i = 0; i < snap.people.size(); ++i) {
    const Person& p = snap.people[i];
    Scored& s = scored[i];
    if (s.score <= 0) continue;
    std::vector<std::string> availability;
    if (p.has_left()) {
      // Kept under `medium`, so a leaver is always a low guess and ranks as one.
      s.score = std::min(s.score * weights.left, weights.medium * 0.99);
      const Person* to = p.forward_to.empty() ? nullptr : snap.person(p.forward_to);
      availability.push_back(to ? fmt::format("has left; ask {} ({}) instead", to->name, to->id)
                                : "has left");
      s.terms.emplace_back("left", weights.left);
    } else if (p.away_until && *p.away_until >= today) {
      s.score *= weights.away;
      availability.push_back("away until " + p.away_until->str());
      s.terms.emplace_back("away", weights.away);
    }
    if (auto w = waiting.find(p.id); w != waiting.end() && !p.has_left()) {
      double factor = 1 / (1 + weights.per_waiting_question * w->second);
      s.score *= factor;
      availability.push_back(w->second == 1 ? "1 question already waiting on them"
                                            : fmt::format("{} questions already waiting on them", w->second));
      s.terms.emplace_back("waiting questions", factor);
    }
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
  }

  std::vector<Scored*> ranked;
  for (auto& s : scored)
    if (s.score >= weights.shown) ranked.push_back(&s);
  std::stable_sort(ranked.begin(), ranked.end(), [&](const Scored* a, const Scored* b) {
    if (a->score != b->score) return a->score > b->score;
    return snap.people[a->person].id < snap.people[b->person].id;
  });
  // Someone who left is never put first while anyone else is suggested.
  auto first_active = std::find_if(ranked.begin(), ranked.end(),
                                   [&](const Scored* s) { return !snap.people[s->person].has_left(); });
  if (first_active != ranked.end() && first_active != ranked.begin())
    std::rotate(ranked.begin(), first_active, first_active + 1);

  for (const Scored* s : ranked) {
    if (result.people.size() >= options.limit) break;
    const Person& p = snap.people[s->person];
    Candidate c;
    c.id = p.id;
    c.name = p.name;
    c.score = std::round(s->score * 100) / 100;
    c.confidence = s->score >= weights.high ? "high" : s->score >= weights.medium ? "medium" : "low";
    if (p.has_left()) c.confidence = "low";
    for (const auto& r : s->reasons) c.reasons.push_back(r.second);
    if (options.explain) c.terms = s->terms;
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
      result.closest_topics.push_back(snap.topics[order[k]].name);
  }
  return result;
}

std::vector<SimilarQuestion> similar_answered(const Snapshot& snap, std::string_view text,
                                              std::size_t limit, std::string_view exclude_id) {
  Corpus corpus = build_corpus(snap, false);
  Query q = make_query(text, corpus);
  std::vector<SimilarQuestion> out;
  if (q.total_weight <= 0) return out;
  for (const auto& qt : corpus.answered) {
    if (qt.question->id == exclude_id) continue;
    double sim = question_similarity(qt, q, corpus, nullptr);
    if (sim >= weights.similar_question) out.push_back({qt.question, sim});
  }
  std::stable_sort(out.begin(), out.end(), [](const auto& a, const auto& b) {
    if (a.similarity != b.similarity) return a.similarity > b.similarity;
    return a.question->id < b.question->id;
  });
  if (out.size() > limit) out.resize(limit);
  return out;
}

}  // namespace peers
