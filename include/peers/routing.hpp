#pragma once
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "peers/model.hpp"
#include "peers/store.hpp"
#include "peers/time.hpp"

namespace peers {

struct RankOptions {
  std::size_t limit = 5;
  Timestamp now = 0;
  bool explain = false;  // fill Candidate::terms with every scoring term
};

/// One person suggested for a question.
struct Candidate {
  std::string id;
  std::string name;
  double score = 0;
  std::string confidence;            // "high", "medium" or "low"
  std::vector<std::string> reasons;  // "knows Financial aid (alias FAFSA)", ...
  std::vector<std::pair<std::string, double>> terms;  // with RankOptions::explain
};

struct RoutingResult {
  std::vector<Candidate> people;             // best first
  bool good_fit = false;                     // someone is at least "medium"
  std::vector<std::string> closest_topics;   // topic names, when nobody fits well
};

/// What routing reads of one record: the few fields ranking uses and its words, already
/// analysed. The cache keeps one next to each record (see RecordSummary in peers/store.hpp), so
/// an unchanged store is routed without reading, decoding or analysing any record.
std::string summarize(const Person& person);
std::string summarize(const Topic& topic);
std::string summarize(const Question& question);

/// A summary of every person, topic and question of a snapshot.
Summaries summarize(const Snapshot& snapshot);

/// Ranks the people of the store for a follower's question. Summaries may come in any order.
RoutingResult route_question(const Summaries& store, std::string_view question,
                             const RankOptions& options);
RoutingResult route_question(const Snapshot& snapshot, std::string_view question,
                             const RankOptions& options);

struct SimilarQuestion {
  std::string id;
  double similarity;  // 0..1
};

/// Answered (or closed with an answer) questions most like `text`, best first.
std::vector<SimilarQuestion> similar_answered(const Summaries& store, std::string_view text,
                                              std::size_t limit,
                                              std::string_view exclude_id = {});

}  // namespace peers
