#include "peers/merge.hpp"

#include <algorithm>
#include <map>

#include <fmt/format.h>

#include "peers/check.hpp"
#include "peers/error.hpp"
#include "peers/text.hpp"
#include "peers/time.hpp"
#include "peers/yaml.hpp"

namespace peers {
namespace {

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

std::size_t count(const std::vector<Node>& items, const Node& wanted) {
  return static_cast<std::size_t>(std::count_if(
      items.begin(), items.end(), [&](const Node& n) { return n.same_data(wanted); }));
}

/// `keep_each_side`: a log keeps every entry each side added, even two equal ones (two people
/// who each logged the same call made two entries): an entry appears base + (ours - base) +
/// (theirs - base) times, a removal on either side applied. Otherwise the lists merge as sets.
Node merge_lists_impl(const Node& base, const Node& ours, const Node& theirs,
                      bool keep_each_side) {
  Node out = ours;
  out.items.clear();
  if (keep_each_side) {
    for (const auto* side : {&ours, &theirs})
      for (const auto& item : side->items) {
        std::size_t b = count(base.items, item), o = count(ours.items, item),
                    t = count(theirs.items, item);
        if (count(out.items, item) + b < o + t) out.items.push_back(item);
      }
  } else {
    for (const auto& item : ours.items)
      if (!contains(base.items, item) || contains(theirs.items, item)) out.items.push_back(item);
    for (const auto& item : theirs.items)
      if (!contains(base.items, item) && !contains(ours.items, item) && !contains(out.items, item))
        out.items.push_back(item);
  }
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

/// Where a conflict sits in the merged tree: the index of each map entry or list item on the
/// way down from the root. Conflicts are kept as positions in the tree, never as strings in it,
/// so no record text can be taken for one.
struct ConflictSlot {
  std::vector<std::size_t> where;
  std::size_t conflict = 0;
  bool ours_present = false;
};

struct Merger {
  std::vector<MergeConflict> conflicts;
  std::vector<std::string> names;  // the key each conflict sits under, in its own map
  std::vector<ConflictSlot> slots;
  std::vector<std::size_t> here;  // the position of the node being merged
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
      here.push_back(out.items.size());
      auto merged = merge_value(path, before, item, *other);
      here.pop_back();
      if (merged) out.items.push_back(*merged);
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

  /// Adds a conflict as the next entry of `out`: under its own key, holding ours' value (null
  /// when ours deleted it), its position recorded in `slots`.
  void conflict(Node& out, const std::string& path, const std::string& key, const Node* ours,
                const Node* theirs) {
    MergeConflict c;
    c.key = path;
    if (ours) c.ours = *ours;
    if (theirs) c.theirs = *theirs;
    ConflictSlot slot{here, conflicts.size(), ours != nullptr};
    slot.where.push_back(out.entries.size());
    slots.push_back(std::move(slot));
    conflicts.push_back(std::move(c));
    names.push_back(key);
    out.entries.push_back(Node::Entry{key, {}, ours ? *ours : Node::null()});
  }

  /// Adds the merged entry for `key` to `out` (nothing when one side deleted an unchanged key;
  /// a conflict slot when the sides conflict).
  void merge_entry(Node& out, const std::string& path, const std::string& key, const Node* base,
                   const Node* ours, const Node* theirs) {
    if (ours && theirs) {
      here.push_back(out.entries.size());
      auto merged = merge_value(path, base, *ours, *theirs);
      here.pop_back();
      if (!merged && path == "status") merged = question_status(*ours, *theirs);
      if (merged)
        out.entries.push_back(Node::Entry{key, {}, std::move(*merged)});
      else
        conflict(out, path, key, ours, theirs);
      return;
    }
    const Node* present = ours ? ours : theirs;
    if (!base) {  // added on one side only
      out.entries.push_back(Node::Entry{key, {}, *present});
      return;
    }
    if (base->same_data(*present)) return;  // deleted on the other side, unchanged here
    conflict(out, path, key, ours, theirs);
  }

  /// Nothing when the two sides cannot be merged (a true conflict).
  std::optional<Node> merge_value(const std::string& path, const Node* base, const Node& ours,
                                  const Node& theirs) {
    static const Node empty_list = Node::sequence();
    // A person's log: both sides' new entries are kept, equal ones too.
    if (path == "log" && ours.is_sequence() && theirs.is_sequence())
      return merge_lists_impl(base && base->is_sequence() ? *base : empty_list, ours, theirs, true);
    if (ours.same_data(theirs)) return ours;
    if (base && base->same_data(ours)) return theirs;
    if (base && base->same_data(theirs)) return ours;
    if (ours.is_map() && theirs.is_map()) {
      static const Node empty_map = Node::map();
      return merge_maps(path, base && base->is_map() ? *base : empty_map, ours, theirs);
    }
    if (ours.is_sequence() && theirs.is_sequence()) {
      if (std::string key = list_key(path); !key.empty())
        if (auto merged = merge_keyed_list(path, key,
                                           base && base->is_sequence() ? *base : empty_list,
                                           ours, theirs))
          return merged;
      return merge_lists_impl(base && base->is_sequence() ? *base : empty_list, ours, theirs,
                              false);
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

/// The conflict slots as a tree that follows the merged nodes: a child per map entry or list
/// item on the way to a conflict.
struct SlotTree {
  std::map<std::size_t, SlotTree> children;
  std::optional<std::size_t> conflict;
};

SlotTree slot_tree(const std::vector<ConflictSlot>& slots) {
  SlotTree root;
  for (const auto& slot : slots) {
    SlotTree* at = &root;
    for (std::size_t index : slot.where) at = &at->children[index];
    at->conflict = slot.conflict;
  }
  return root;
}

/// Drops the slots of conflicts where ours deleted the key (the tree holds ours' side).
void resolve_to_ours(Node& root, std::vector<ConflictSlot> slots) {
  // Deepest and last first, so an erase never moves a slot still to be visited.
  std::sort(slots.begin(), slots.end(),
            [](const ConflictSlot& a, const ConflictSlot& b) { return a.where > b.where; });
  for (const auto& slot : slots) {
    if (slot.ours_present) continue;
    Node* node = &root;
    for (std::size_t k = 0; k + 1 < slot.where.size(); ++k)
      node = node->is_map() ? &node->entries[slot.where[k]].value : &node->items[slot.where[k]];
    node->entries.erase(node->entries.begin() + static_cast<std::ptrdiff_t>(slot.where.back()));
  }
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

/// `text` with `indent` spaces before each non-empty line (as the writer indents nested blocks).
std::string indented(std::string_view text, int indent) {
  std::string out;
  for (const auto& line : split(text, '\n')) {
    if (!line.empty()) out += std::string(static_cast<std::size_t>(indent), ' ') + line;
    out += '\n';
  }
  if (!out.empty()) out.pop_back();  // split gives a last empty piece after the final newline
  return out;
}

/// One map entry as the writer writes it, at `indent`.
std::string entry_text(const Node::Entry& entry, int indent) {
  Node map = Node::map();
  map.entries.push_back(entry);
  return indented(emit_yaml(map), indent);
}

/// One list item as the writer writes it, at `indent`.
std::string item_text(const Node& item, int indent) {
  Node list = Node::sequence();
  list.items.push_back(item);
  Node map = Node::map();
  map.set("x", std::move(list));
  std::string text = emit_yaml(map);
  text.erase(0, text.find('\n') + 1);  // "x:"; the item follows at indent 2
  std::string out;
  for (const auto& line : split(text, '\n')) {
    if (!line.empty()) out += std::string(static_cast<std::size_t>(indent), ' ') + line.substr(2);
    out += '\n';
  }
  if (!out.empty()) out.pop_back();
  return out;
}

struct Renderer {
  const Merger& merger;
  const MergeLabels& labels;
  std::string out;

  void conflict_block(std::size_t index, int indent) {
    const MergeConflict& c = merger.conflicts[index];
    const std::string& key = merger.names[index];
    out += "<<<<<<< " + labels.ours + "\n";
    out += side_text(key, c.ours, indent);
    out += "=======\n";
    out += side_text(key, c.theirs, indent);
    out += ">>>>>>> " + labels.theirs + "\n";
  }

  /// Writes `node` (a map or list holding conflicts somewhere below) at `indent`; what holds
  /// no conflict is written by the YAML writer, so it comes out as a clean merge would.
  void block(const Node& node, const SlotTree& slots, int indent) {
    if (node.is_map()) {
      for (std::size_t i = 0; i < node.entries.size(); ++i) {
        const Node::Entry& entry = node.entries[i];
        auto slot = slots.children.find(i);
        if (slot == slots.children.end()) {
          out += entry_text(entry, indent);
        } else if (slot->second.conflict) {
          conflict_block(*slot->second.conflict, indent);
        } else {
          // The comments above and the "key:" line, then the value's own lines.
          std::string text = entry_text(entry, indent);
          std::size_t pos = 0;
          for (std::size_t k = 0; k <= entry.value.comments_before.size(); ++k)
            pos = text.find('\n', pos) + 1;
          out += text.substr(0, pos);
          block(entry.value, slot->second, indent + 2);
        }
      }
      return;
    }
    for (std::size_t i = 0; i < node.items.size(); ++i) {
      const Node& item = node.items[i];
      auto slot = slots.children.find(i);
      if (slot == slots.children.end()) {
        out += item_text(item, indent);
        continue;
      }
      for (const auto& c : item.comments_before)
        out += std::string(static_cast<std::size_t>(indent), ' ') + c + '\n';
      Renderer inner{merger, labels, {}};
      Node bare = item;
      bare.comments_before.clear();
      inner.block(bare, slot->second, indent + 2);
      // "- " takes the place of the first line's indentation when it is an ordinary line.
      std::string_view first(inner.out);
      if (first.size() > static_cast<std::size_t>(indent) + 2 &&
          first.substr(0, static_cast<std::size_t>(indent) + 2) ==
              std::string(static_cast<std::size_t>(indent) + 2, ' ') &&
          first[static_cast<std::size_t>(indent) + 2] != '#') {
        inner.out[static_cast<std::size_t>(indent)] = '-';
        out += inner.out;
      } else {
        out += std::string(static_cast<std::size_t>(indent), ' ') + "-\n" + inner.out;
      }
    }
  }
};

std::string render_with_conflicts(const Node& merged, const SlotTree& slots, const Merger& merger,
                                  const MergeLabels& labels) {
  Renderer r{merger, labels, {}};
  r.block(merged, slots, 0);
  for (const auto& c : merged.comments_after) r.out += c + '\n';
  return r.out;
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
  resolve_to_ours(merged, merger.slots);
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

  result.text = render_with_conflicts(merged, slot_tree(merger.slots), merger, labels);
  while (result.text.size() >= 2 && result.text.substr(result.text.size() - 2) == "\n\n")
    result.text.pop_back();
  return result;
}

}  // namespace peers
