#pragma once
#include <cstddef>
#include <memory>
#include <optional>
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

/// What routing knows of a whole store: every word analysed and counted, ready to rank people
/// for any question. Building it reads every summary; a saved one is restored in a few
/// milliseconds (the store keeps one in its cache: Store::routing_index in peers/store.hpp).
struct SimilarQuestion {
  std::string id;
  double similarity;  // 0..1
};

class RoutingIndex {
 public:
  static RoutingIndex build(const Summaries& store);
  std::string save() const;
  /// The index `save` made, pointing into `bytes` (which `keep` keeps alive); nothing when the
  /// bytes are not a sound index of this version of peers.
  static std::optional<RoutingIndex> restore(std::string_view bytes,
                                             std::shared_ptr<const void> keep);

  /// Brings an index up to date with records that changed since it was built: `removed` are
  /// gone, `added` are in (a changed record is in both; `keep` keeps their bytes alive). The
  /// result ranks exactly as an index built anew. False, and the index unusable, when it
  /// cannot (a topic changed): build it anew then.
  bool patch(const std::vector<RecordSummary>& removed, const std::vector<RecordSummary>& added,
             std::shared_ptr<const void> keep);

  /// Ranks the people of the store for a follower's question.
  RoutingResult route(std::string_view question, const RankOptions& options) const;
  /// Answered questions most like `text`, best first (as similar_answered below).
  std::vector<SimilarQuestion> similar_answered(std::string_view text, std::size_t limit,
                                                std::string_view exclude_id = {}) const;

 private:
  struct Data;
  std::shared_ptr<Data> data_;
};

/// Ranks the people of the store for a follower's question. Summaries may come in any order.
RoutingResult route_question(const Summaries& store, std::string_view question,
                             const RankOptions& options);
RoutingResult route_question(const Snapshot& snapshot, std::string_view question,
                             const RankOptions& options);

/// Answered (or closed with an answer) questions most like `text`, best first.
std::vector<SimilarQuestion> similar_answered(const Summaries& store, std::string_view text,
                                              std::size_t limit,
                                              std::string_view exclude_id = {});

}  // namespace peers
