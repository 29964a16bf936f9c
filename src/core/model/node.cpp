#include "peers/node.hpp"

#include <algorithm>

namespace peers {

const Node* Node::find(std::string_view key) const {
  for (const auto& entry : entries)
    if (entry.key == key) return &entry.value;
  return nullptr;
}

Node* Node::find(std::string_view key) {
  for (auto& entry : entries)
    if (entry.key == key) return &entry.value;
  return nullptr;
}

Node& Node::set(std::string_view key, Node value) {
  kind = Kind::Map;
  if (Node* existing = find(key)) {
    value.comments_before = std::move(existing->comments_before);
    if (value.comment_after.empty()) value.comment_after = std::move(existing->comment_after);
    *existing = std::move(value);
    return *existing;
  }
  entries.push_back(Entry{std::string(key), {}, std::move(value)});
  return entries.back().value;
}

bool Node::erase(std::string_view key) {
  auto it = std::find_if(entries.begin(), entries.end(),
                         [&](const Entry& e) { return e.key == key; });
  if (it == entries.end()) return false;
  entries.erase(it);
  return true;
}

bool Node::same_data(const Node& other) const {
  if (kind != other.kind) return false;
  switch (kind) {
    case Kind::Null: return true;
    case Kind::Scalar: return scalar == other.scalar;
    case Kind::Sequence:
      return std::equal(items.begin(), items.end(), other.items.begin(), other.items.end(),
                        [](const Node& a, const Node& b) { return a.same_data(b); });
    case Kind::Map:
      return std::equal(entries.begin(), entries.end(), other.entries.begin(),
                        other.entries.end(), [](const Entry& a, const Entry& b) {
                          return a.key == b.key && a.value.same_data(b.value);
                        });
  }
  return false;
}

}  // namespace peers

namespace peers {
namespace {

bool has_comments(const Node& n) {
  return !n.comments_before.empty() || !n.comment_after.empty();
}

/// Every comment in a subtree that has no place in the new record.
void collect_orphans(const Node& n, std::vector<std::string>& orphans) {
  for (const auto& c : n.comments_before) orphans.push_back(c);
  if (!n.comment_after.empty()) orphans.push_back(n.comment_after);
  for (const auto& item : n.items) collect_orphans(item, orphans);
  for (const auto& entry : n.entries) collect_orphans(entry.value, orphans);
}

void carry_into(const Node& from, Node& to, std::vector<std::string>& orphans) {
  if (to.comments_before.empty()) to.comments_before = from.comments_before;
  if (to.comment_after.empty()) to.comment_after = from.comment_after;
  if (from.is_map() && to.is_map()) {
    for (const auto& entry : from.entries) {
      Node* target = to.find(entry.key);
      if (target) {
        carry_into(entry.value, *target, orphans);
      } else {
        collect_orphans(entry.value, orphans);
      }
    }
  } else if (from.is_sequence() && to.is_sequence()) {
    std::vector<bool> used(to.items.size(), false);
    for (const auto& item : from.items) {
      if (!has_comments(item) && !item.is_map()) continue;
      bool placed = false;
      for (std::size_t i = 0; i < to.items.size(); ++i) {
        if (!used[i] && to.items[i].same_data(item)) {
          carry_into(item, to.items[i], orphans);
          used[i] = placed = true;
          break;
        }
      }
      if (!placed) collect_orphans(item, orphans);
    }
  }
}

}  // namespace

void carry_comments(const Node& from, Node& to) {
  std::vector<std::string> orphans;
  carry_into(from, to, orphans);
  if (to.comments_after.empty()) to.comments_after = from.comments_after;
  for (auto& c : orphans) to.comments_after.push_back(std::move(c));
}

}  // namespace peers
