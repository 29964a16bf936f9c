#pragma once
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "peers/node.hpp"

namespace peers {

/// A key both sides changed to different values (or one changed and the other deleted).
struct MergeConflict {
  std::string key;              // "email", "handles.twitter"
  std::optional<Node> ours;     // nothing when this side deleted the key
  std::optional<Node> theirs;
};

struct NodeMerge {
  Node merged;  // a conflicted entry holds ours' value (ours' side of the markers)
  std::vector<MergeConflict> conflicts;
};

/// The structural 3-way merge of two versions of a record with their common ancestor:
/// maps key by key (a key changed on one side only takes that side's value, unchanged keys stay
/// as they are), lists as sets (both sides' additions kept, both sides' removals applied),
/// lists of entries with a `date` or `at` key (log, history) in time order.
NodeMerge merge_nodes(const Node& base, const Node& ours, const Node& theirs);

struct MergeResult {
  std::string text;   // the merged file; with conflict markers when `conflicts` > 0
  int conflicts = 0;
};

/// Merges three versions of the store file at `path` (its kind is taken from the path, as
/// "people/x.yaml" or "store/people/x.yaml"). A clean merge of a record peers knows comes out
/// canonical. Each true conflict is left as a block a person can resolve:
///     <<<<<<< yours        (labels: MergeLabels; "ours" and "theirs" by default)
///     email: a@example.org
///     =======
///     email: b@example.org
///     >>>>>>> upstream
/// Throws a located Error when one of the versions is not a record peers can read (the caller
/// then falls back to a line merge).
/// How the conflict markers name the two sides ("<<<<<<< yours" / ">>>>>>> upstream").
struct MergeLabels {
  std::string ours = "ours";
  std::string theirs = "theirs";
};

MergeResult merge_store_file(std::string_view base, std::string_view ours,
                             std::string_view theirs, const std::string& path,
                             const MergeLabels& labels = {});

}  // namespace peers
