#pragma once
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace peers {

/// A position in a source file, 1-based; 0 when the node was made in memory.
struct Mark {
  int line = 0;
  int column = 0;
};

/// A YAML document as peers sees it: plain data (null, string, list, map with ordered keys)
/// plus the hand-written comments around it, so a rewrite can put them back.
struct Node {
  enum class Kind { Null, Scalar, Sequence, Map };
  struct Entry;

  Kind kind = Kind::Null;
  std::string scalar;          // Kind::Scalar
  bool quoted = false;         // the scalar was quoted or a block scalar in the source
  bool verbatim = false;       // a date, time or number made by peers: written unquoted as is
  std::vector<Node> items;     // Kind::Sequence
  std::vector<Entry> entries;  // Kind::Map, in source order
  Mark mark;
  std::vector<std::string> comments_before;  // full-line comments above this node ("# ..." text)
  std::string comment_after;                 // a comment at the end of this node's line
  std::vector<std::string> comments_after;   // only on the root: comments after the last node

  // Defined below, where Entry is complete (clang with libstdc++ needs it for the destructor).
  static Node null();
  static Node string(std::string value);
  static Node sequence();
  static Node map();

  bool is_null() const { return kind == Kind::Null; }
  bool is_scalar() const { return kind == Kind::Scalar; }
  bool is_sequence() const { return kind == Kind::Sequence; }
  bool is_map() const { return kind == Kind::Map; }

  const Node* find(std::string_view key) const;
  Node* find(std::string_view key);
  /// Sets (or adds at the end) a map entry.
  Node& set(std::string_view key, Node value);
  bool erase(std::string_view key);

  /// Structural equality of the data (comments and marks ignored).
  bool same_data(const Node& other) const;
};

struct Node::Entry {
  std::string key;
  Mark key_mark;
  Node value;
};

inline Node Node::null() { return {}; }
inline Node Node::string(std::string value) {
  Node n;
  n.kind = Kind::Scalar;
  n.scalar = std::move(value);
  return n;
}
inline Node Node::sequence() {
  Node n;
  n.kind = Kind::Sequence;
  return n;
}
inline Node Node::map() {
  Node n;
  n.kind = Kind::Map;
  return n;
}

}  // namespace peers

namespace peers {

/// Copies the comments of `from` onto the matching places of `to` (map entries by key, list
/// items by equal data). Comments whose place is gone move to the next entry, so none is
/// silently dropped.
void carry_comments(const Node& from, Node& to);

}  // namespace peers
