#pragma once
// Reading and writing the typed fields of a record. Private to peers_core.
#include <initializer_list>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "peers/model.hpp"
#include "peers/node.hpp"
#include "peers/time.hpp"

namespace peers::schema {

/// Reads typed fields from a record's map, throwing a located Error on the first wrong one,
/// and remembers which keys it read so the rest can be kept as they are.
class FieldReader {
 public:
  FieldReader(const Node& map, const std::string& file);

  std::string text(std::string_view key, bool required = false);
  std::vector<std::string> list(std::string_view key);
  StringPairs string_map(std::string_view key);
  std::optional<Date> date(std::string_view key, bool required = false);
  std::optional<Timestamp> timestamp(std::string_view key, bool required = false);
  std::optional<int> integer(std::string_view key);
  /// A reference to a record: must be a valid id.
  std::string id(std::string_view key);
  std::vector<std::string> id_list(std::string_view key);
  std::string choice(std::string_view key, std::initializer_list<std::string_view> allowed,
                     std::string fallback);
  /// A list of maps, each handed to `read_item` with its own FieldReader.
  template <typename T, typename F>
  std::vector<T> records(std::string_view key, F read_item) {
    std::vector<T> out;
    const Node* node = take(key);
    if (!node || node->is_null()) return out;
    if (!node->is_sequence()) fail(*node, key, "a list of entries");
    for (const Node& item : node->items) {
      if (!item.is_map()) fail(item, key, "a list of entries, each a map of 'key: value'");
      FieldReader reader(item, file_);
      out.push_back(read_item(reader));
    }
    return out;
  }
  /// The entries this reader has not read, in their source order.
  Node unknown() const;

  [[noreturn]] void fail(const Node& at, std::string_view key, std::string_view expected) const;
  [[noreturn]] void fail_message(const Node& at, std::string message, std::string hint) const;

 private:
  const Node* take(std::string_view key);
  std::string scalar(std::string_view key, const Node& node, bool multiline);

  const Node& map_;
  const std::string& file_;
  std::set<std::string, std::less<>> read_;
};

/// Builds a record's map in canonical key order, leaving out empty fields.
class FieldWriter {
 public:
  void text(std::string_view key, const std::string& value);
  void list(std::string_view key, const std::vector<std::string>& values);
  void string_map(std::string_view key, const StringPairs& values);
  void date(std::string_view key, const std::optional<Date>& value);
  void timestamp(std::string_view key, const std::optional<Timestamp>& value);
  void integer(std::string_view key, int value);
  void node(std::string_view key, Node value);
  /// Appends the unknown keys, sorted by key, and returns the map.
  Node finish(const Node& unknown);

 private:
  Node map_ = Node::map();
};

}  // namespace peers::schema
