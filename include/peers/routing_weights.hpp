#pragma once
// The ranking's weights, and a router that takes other weights than the defaults: for the
// evaluation (bench/routing_eval.cpp chooses weights leave-one-store-out), not for commands,
// which rank through RoutingIndex with the defaults.
#include <memory>
#include <string_view>

#include "peers/routing.hpp"

namespace peers {

/// Every weight of the ranking, in one place. docs/routing.md explains each one and the
/// measurements that chose them; change them together with that page and check
/// `peers_routing_eval` on the labelled sets.
struct RoutingWeights {
  // Evidence, each term between 0 and about 1 before its weight.
  double track_record = 4.0;       // best similarity to a question they answered
  double track_record_more = 0.3;  // each further similar answer (up to 3)
  double answered_words = 3.0;     // share of the question found in questions they answered
  double answered_spread = 0.5;    // ... each word's count of them over (their answered)^this
  double near_duplicate = 1.5;     // added when an answered question is nearly this one
  double near_duplicate_from = 0.6;  // similarity from which it is
  double topic = 3.0;              // a topic they list, named in the question (id, name, alias)
  double topic_floor = 0.4;        // topic value times (floor + (1-floor) * share it explains)
  double topic_focus = 0.2;        // topic value times (topics they list)^-this
  double expertise_text = 2.5;     // free-text expertise that is not a topic
  double related_topic = 0.5;      // a topic related to one they list
  double title = 1.5;              // share of the question found in their title
  double notes = 1.5;
  double log = 1.2;
  double department = 1.0;
  double tags = 1.0;
  double neighbours = 2.0;         // share of the question in two neighbouring words found together
  int neighbour_window = 4;        // ... at most this many words apart in their record
  // Matching.
  double typo_match = 0.8;         // a word matched only through a typo
  double real_word_typo = 0.8;     // ... when the follower's word is English too ("postal")
  double partial_phrase = 0.5;     // a multi-word alias with only some of its words present
  double topic_description = 0.4;  // a topic found only through its description
  double unknown_word = 0.25;      // weight of a word the store never uses, times the rarest idf
  double unknown_word_fit = 0.5;   // ... in the share of the question that decides a good fit
  double similar_question = 0.2;   // similarity from which an answered question counts
  double common_word = 0.2;        // weight / (1 + this * ln(1 + English count)), WordNet's
  // Meaning (WordNet and the store's own answered questions); 0 turns one off.
  double synonym = 0.3;            // a WordNet synonym of a question word
  double broader = 0.2;            // a broader term (hypernym), one level up
  double broader_2 = 0.0;          // two levels up
  double associated = 0.0;         // a word that shares answered questions with a question word
  bool expand_known_words = false;  // also look up words the store already uses
  // How much of the question the person explains scales the score: (floor + (1-floor) * share).
  double explained_floor = 0.4;
  // Availability.
  double left = 0.3;               // people who left: score multiplied, never put first
  double forward_share = 0.8;      // share of a leaver's evidence given to their forward_to
  double away = 0.5;
  double per_waiting_question = 0.12;  // score / (1 + this * open questions waiting on them)
  int recent_contact_days = 60;    // "last talked N days ago" within this many days
  // Confidence of the final score.
  double high = 2.4;
  double medium = 0.8;
  double fit_explained = 0.35;     // ... and only when they explain this share of the question
  double shown = 0.25;             // below this a person is not listed at all
};

/// Ranks like RoutingIndex::route, with the given weights.
class WeightedRouter {
 public:
  explicit WeightedRouter(const Summaries& store);
  RoutingResult route(std::string_view question, const RankOptions& options,
                      const RoutingWeights& weights) const;

 private:
  struct State;
  std::shared_ptr<State> state_;
};

}  // namespace peers
