#include "peers/merge.hpp"

#include <algorithm>

#include <fmt/format.h>

#include "peers/check.hpp"
#include "peers/error.hpp"
#include "peers/text.hpp"
#include "peers/time.hpp"
#include "peers/yaml.hpp"

namespace peers {
namespace {

constexpr std::string_view sentinel_prefix = "__peers_conflict_";

bool contains(const std::vector<Node>& items, const Node& wanted) {
  return std::any_of(items.begin(), items.end(),
                     [&](const Node& n) { return n.same_data(wanted); });
}

/// When an entry is, for a list of entries kept in time order (log, history).
std::optional<Timestamp> time_of(const Node& item) {
  if (!item.is_map()) return std::nullopt;
  if (const Node* at = item.find("at"); at && at->is_scalar()) return parse_timestamp(at->scalar);
  if (const Node* date = item.find("date"); date && date->is_scalar()) {
    if (auto d = Date::parse(date->scalar)) return d->days_since_epoch() * 86400;
  }
  return std::nullopt;
}

Node merge_lists_impl(const Node& base, const Node& ours, const Node& theirs) {
  Node out = ours;
  out.items.clear();
  for (const auto& item : ours.items)
    if (!contains(base.items, item) || contains(theirs.items, item)) out.items.push_back(item);
  for (const auto& item : theirs.items)
    if (!contains(base.items, item) && !contains(ours.items, item) && !contains(out.items, item))
      out.items.push_back(item);
  bool timed = !out.items.empty() && std::all_of(out.items.begin(), out.items.end(), [](const Node& n) {
    return time_of(n).has_value();
  });
  if (timed)
    std::stable_sort(out.items.begin(), out.items.end(),
                     [](const Node& a, const Node& b) { return *time_of(a) < *time_of(b); });
  return out;
}

/// The key that identifies an entry of a list merged like a map (an event's assignments are
/// one per person), or "" for a list merged as a set.
std::string list_key(const std::string& path) { return path == "assignments" ? "person" : ""; }

/// The value of `key` in every item, when each item is a map with a distinct scalar there.
std::optional<std::vector<std::string>> item_keys(const Node& list, const std::string& key) {
  std::vector<std::string> keys;
  for (const auto& item : list.items) {
    const Node* k = item.is_map() ? item.find(key) : nullptr;
    if (!k || !k->is_scalar() || std::find(keys.begin(), keys.end(), k->scalar) != keys.end())
      return std::nullopt;
    keys.push_back(k->scalar);
  }
  return keys;
}

const Node* item_with(const Node& list, const std::string& key, const std::string& value) {
  for (const auto& item : list.items)
    if (const Node* k = item.find(key); k && k->scalar == value) return &item;
  return nullptr;
}

/// A question's states in the order its life cycle goes through them.
int lifecycle_rank(const Node& status) {
  static const char* order[] = {"open", "routed", "answered", "closed"};
  for (int i = 0; i < 4; ++i)
    if (status.is_scalar() && status.scalar == order[i]) return i;
  return -1;
}

/// The time of the newest history entry of a question's side, if any.
std::optional<Timestamp> last_change(const Node* question) {
  const Node* history = question ? question->find("history") : nullptr;
  std::optional<Timestamp> last;
  if (history)
    for (const auto& h : history->items)
      if (auto t = time_of(h); t && (!last || *t > *last)) last = t;
  return last;
}

struct Merger {
  std::vector<MergeConflict> conflicts;
  std::vector<std::string> names;  // the key each conflict sits under, in its own map
  /// Set for a question file: both whole sides, to settle its `status` by its history.
  const Node* ours_question = nullptr;
  const Node* theirs_question = nullptr;

  /// Both sides moved a question on (routed here, answered there): the state of the side
  /// changed last wins (a reopen after a close stays open); at the same time, the later state
  /// of the life cycle. Both sides' history entries are kept by the list merge.
  std::optional<Node> question_status(const Node& ours, const Node& theirs) const {
    if (!ours_question || lifecycle_rank(ours) < 0 || lifecycle_rank(theirs) < 0)
      return std::nullopt;
    auto ours_at = last_change(ours_question), theirs_at = last_change(theirs_question);
    if (ours_at && theirs_at && *ours_at != *theirs_at) return *ours_at > *theirs_at ? ours : theirs;
    return lifecycle_rank(ours) >= lifecycle_rank(theirs) ? ours : theirs;
  }

  /// Lists of maps keyed by `key` merge like maps: one entry per key, merged field by field.
  /// An entry removed on one side and changed on the other is kept.
  std::optional<Node> merge_keyed_list(const std::string& path, const std::string& key,
                                       const Node& base, const Node& ours, const Node& theirs) {
    auto ours_keys = item_keys(ours, key), theirs_keys = item_keys(theirs, key);
    if (!ours_keys || !theirs_keys || !item_keys(base, key)) return std::nullopt;
    Node out = ours;
    out.items.clear();
    for (const auto& item : ours.items) {
      const std::string& k = item.find(key)->scalar;
      const Node* before = item_with(base, key, k);
      const Node* other = item_with(theirs, key, k);
      if (!other) {
        if (!before || !before->same_data(item)) out.items.push_back(item);
        continue;
      }
      if (auto merged = merge_value(path, before, item, *other)) out.items.push_back(*merged);
      else out.items.push_back(item);  // not maps: cannot happen, item_keys checked
    }
    for (const auto& item : theirs.items) {
      const std::string& k = item.find(key)->scalar;
      if (item_with(ours, key, k)) continue;
      const Node* before = item_with(base, key, k);
      if (!before || !before->same_data(item)) out.items.push_back(item);
    }
    return out;
  }

  std::string sentinel(std::size_t index) const {
    return fmt::format("{}{}__", sentinel_prefix, index);
  }

  /// Adds a conflict and returns the key that stands in for it in the merged map.
  std::string conflict(const std::string& path, const std::string& key, const Node* ours,
                       const Node* theirs) {
    MergeConflict c;
    c.key = path;
    if (ours) c.ours = *ours;
    if (theirs) c.theirs = *theirs;
    conflicts.push_back(std::move(c));
    names.push_back(key);
    return sentinel(conflicts.size() - 1);
  }

  /// Adds the merged entry for `key` to `out` (nothing when one side deleted an unchanged key;
  /// an entry under a sentinel key when the sides conflict).
  void merge_entry(Node& out, const std::string& path, const std::string& key, const Node* base,
                   const Node* ours, const Node* theirs) {
    if (ours && theirs) {
      auto merged = merge_value(path, base, *ours, *theirs);
      if (!merged && path == "status") merged = question_status(*ours, *theirs);
      if (merged)
        out.entries.push_back(Node::Entry{key, {}, std::move(*merged)});
      else
        out.entries.push_back(Node::Entry{conflict(path, key, ours, theirs), {}, Node::null()});
      return;
    }
    const Node* present = ours ? ours : theirs;
    if (!base) {  // added on one side only
      out.entries.push_back(Node::Entry{key, {}, *present});
      return;
    }
    if (base->same_data(*present)) return;  // deleted on the other side, unchanged here
    out.entries.push_back(Node::Entry{conflict(path, key, ours, theirs), {}, Node::null()});
  }

  /// Nothing when the two sides cannot be merged (a true conflict).
  std::optional<Node> merge_value(const std::string& path, const Node* base, const Node& ours,
                                  const Node& theirs) {
    if (ours.same_data(theirs)) return ours;
    if (base && base->same_data(ours)) return theirs;
    if (base && base->same_data(theirs)) return ours;
    if (ours.is_map() && theirs.is_map()) {
      static const Node empty_map = Node::map();
      return merge_maps(path, base && base->is_map() ? *base : empty_map, ours, theirs);
    }
    if (ours.is_sequence() && theirs.is_sequence()) {
      static const Node empty_list = Node::sequence();
      if (std::string key = list_key(path); !key.empty())
        if (auto merged = merge_keyed_list(path, key,
                                           base && base->is_sequence() ? *base : empty_list,
                                           ours, theirs))
          return merged;
      return merge_lists_impl(base && base->is_sequence() ? *base : empty_list, ours, theirs);
    }
    return std::nullopt;
  }

  Node merge_maps(const std::string& path, const Node& base, const Node& ours,
                  const Node& theirs) {
    Node out = ours;
    out.entries.clear();
    auto child_path = [&](const std::string& key) { return path.empty() ? key : path + "." + key; };
    for (const auto& entry : ours.entries)
      merge_entry(out, child_path(entry.key), entry.key, base.find(entry.key), &entry.value,
                  theirs.find(entry.key));
    for (const auto& entry : theirs.entries)
      if (!ours.find(entry.key))
        merge_entry(out, child_path(entry.key), entry.key, base.find(entry.key), nullptr,
                    &entry.value);
    return out;
  }
};

}  // namespace

namespace {

/// Scalars written plain in the source that the writer would quote (dates, times, numbers)
/// stay plain, so a merge does not restyle lines nobody changed.
void keep_plain_scalars(Node& node) {
  if (node.is_scalar()) {
    bool token = !node.scalar.empty() &&
                 node.scalar.find_first_not_of("0123456789abcdefghijklmnopqrstuvwxyz"
                                               "ABCDEFGHIJKLMNOPQRSTUVWXYZ:.+-_") ==
                     std::string::npos;
    if (!node.quoted && token) node.verbatim = true;
    return;
  }
  for (auto& item : node.items) keep_plain_scalars(item);
  for (auto& entry : node.entries) keep_plain_scalars(entry.value);
}

std::optional<std::size_t> sentinel_index(std::string_view key) {
  if (!key.starts_with(sentinel_prefix)) return std::nullopt;
  std::string_view rest = key.substr(sentinel_prefix.size());
  std::size_t index = 0;
  for (char c : rest) {
    if (c == '_') break;
    if (c < '0' || c > '9') return std::nullopt;
    index = index * 10 + static_cast<std::size_t>(c - '0');
  }
  return index;
}

/// Puts ours' side back in place of every conflict sentinel.
void resolve_to_ours(Node& node, const std::vector<MergeConflict>& conflicts,
                     const std::vector<std::string>& names) {
  if (node.is_map()) {
    std::vector<Node::Entry> entries;
    for (auto& entry : node.entries) {
      if (auto index = sentinel_index(entry.key)) {
        if (conflicts[*index].ours)
          entries.push_back(Node::Entry{names[*index], {}, *conflicts[*index].ours});
        continue;
      }
      resolve_to_ours(entry.value, conflicts, names);
      entries.push_back(std::move(entry));
    }
    node.entries = std::move(entries);
  }
  for (auto& item : node.items) resolve_to_ours(item, conflicts, names);
}

std::string side_text(const std::string& key, const std::optional<Node>& value, int indent) {
  if (!value) return {};
  Node map = Node::map();
  map.set(key, *value);
  map.entries.front().value.comments_before.clear();
  std::string out;
  for (const auto& line : split(emit_yaml(map), '\n')) {
    if (line.empty()) continue;
    out += std::string(static_cast<std::size_t>(indent), ' ') + line + '\n';
  }
  return out;
}

}  // namespace

NodeMerge merge_nodes(const Node& base, const Node& ours, const Node& theirs) {
  Merger merger;
  static const Node empty_map = Node::map();
  Node merged;
  if (ours.is_map() && theirs.is_map())
    merged = merger.merge_maps("", base.is_map() ? base : empty_map, ours, theirs);
  else if (auto value = merger.merge_value("", &base, ours, theirs))
    merged = *value;
  else
    merged = ours;
  resolve_to_ours(merged, merger.conflicts, merger.names);
  return NodeMerge{std::move(merged), std::move(merger.conflicts)};
}

MergeResult merge_store_file(std::string_view base_text, std::string_view ours_text,
                             std::string_view theirs_text, const std::string& path,
                             const MergeLabels& labels) {
  PathKind kind = classify_path(path);
  std::string display = kind.is_config ? "peers.yaml" : path;
  Node base = parse_yaml(base_text, display + " (common ancestor)");
  Node ours = parse_yaml(ours_text, display + " (ours)");
  Node theirs = parse_yaml(theirs_text, display + " (theirs)");
  keep_plain_scalars(base);
  keep_plain_scalars(ours);
  keep_plain_scalars(theirs);

  Merger merger;
  if (kind.kind == Kind::question) {
    merger.ours_question = &ours;
    merger.theirs_question = &theirs;
  }
  Node merged = merger.merge_maps("", base, ours, theirs);
  MergeResult result;
  result.conflicts = static_cast<int>(merger.conflicts.size());

  if (merger.conflicts.empty()) {
    StoreFile file;
    file.path = kind.is_config ? "peers.yaml" : path;
    file.kind = kind.kind;
    file.id = kind.id;
    file.archived = kind.archived;
    file.root = merged;
    if (auto canonical = canonical_text(file))
      result.text = *canonical;
    else
      result.text = emit_yaml(merged);
    return result;
  }

  for (const auto& line : split(emit_yaml(merged), '\n')) {
    std::size_t indent = line.find_first_not_of(' ');
    std::optional<std::size_t> index;
    if (indent != std::string::npos) {
      std::string_view rest = std::string_view(line).substr(indent);
      index = sentinel_index(rest.substr(0, rest.find(':')));
    }
    if (!index) {
      result.text += line + '\n';
      continue;
    }
    const MergeConflict& c = merger.conflicts[*index];
    const std::string& key = merger.names[*index];
    result.text += "<<<<<<< " + labels.ours + "\n";
    result.text += side_text(key, c.ours, static_cast<int>(indent));
    result.text += "=======\n";
    result.text += side_text(key, c.theirs, static_cast<int>(indent));
    result.text += ">>>>>>> " + labels.theirs + "\n";
  }
  while (result.text.size() >= 2 && result.text.substr(result.text.size() - 2) == "\n\n")
    result.text.pop_back();
  return result;
}

}  // namespace peers
