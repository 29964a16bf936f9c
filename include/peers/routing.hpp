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

/// Ranks the people of the store for a follower's question.
RoutingResult route_question(const Snapshot& snapshot, std::string_view question,
                             const RankOptions& options);

struct SimilarQuestion {
  const Question* question;
  double similarity;  // 0..1
};

/// Answered (or closed with an answer) questions most like `text`, best first.
std::vector<SimilarQuestion> similar_answered(const Snapshot& snapshot, std::string_view text,
                                              std::size_t limit,
                                              std::string_view exclude_id = {});

}  // namespace peers
