#include "model/schema.hpp"

#include <algorithm>
#include <charconv>

#include <fmt/format.h>

#include "peers/error.hpp"
#include "peers/text.hpp"

namespace peers::schema {

FieldReader::FieldReader(const Node& map, const std::string& file) : map_(map), file_(file) {}

const Node* FieldReader::take(std::string_view key) {
  read_.insert(std::string(key));
  return map_.find(key);
}

void FieldReader::fail(const Node& at, std::string_view key, std::string_view expected) const {
  std::string found = at.is_map()        ? "a map"
                      : at.is_sequence() ? "a list"
                      : at.is_null()     ? "nothing"
                                         : fmt::format("'{}'", terminal_safe(at.scalar));
  std::string hint;
  if (expected.starts_with("a list"))
    hint = fmt::format("write one item per line:\n  {}:\n    - first\n    - second", key);
  else if (expected.starts_with("a date"))
    hint = fmt::format("write the date as YYYY-MM-DD, e.g. {}: 2026-11-20", key);
  else if (expected.starts_with("text"))
    hint = fmt::format("write it as {}: some text", key);
  else
    hint = fmt::format("change '{}' to {}", key, expected);
  throw Error(Location{file_, at.mark.line, at.mark.column},
              fmt::format("'{}' should be {}, found {}", key, expected, found), hint);
}

void FieldReader::fail_message(const Node& at, std::string message, std::string hint) const {
  throw Error(Location{file_, at.mark.line, at.mark.column}, std::move(message), std::move(hint));
}

std::string FieldReader::scalar(std::string_view key, const Node& node, bool multiline) {
  if (!node.is_scalar()) fail(node, key, "text");
  if (auto bad = forbidden_character(node.scalar, multiline))
    fail_message(node, fmt::format("'{}' contains {}", key, *bad),
                 "remove the character; records hold plain text");
  if (key == "name" || key == "aliases")  // names cannot pass for other names
    if (auto bad = invisible_character(node.scalar))
      fail_message(node, fmt::format("'{}' contains {}", key, *bad),
                   "remove the character: names are written with visible characters only");
  return node.scalar;
}

std::string FieldReader::text(std::string_view key, bool required) {
  const Node* node = take(key);
  if (!node || node->is_null() || (node->is_scalar() && trim(node->scalar).empty())) {
    if (required)
      throw Error(Location{file_, node ? node->mark.line : map_.mark.line,
                           node ? node->mark.column : map_.mark.column},
                  fmt::format("'{}' is required and missing", key),
                  fmt::format("add a line '{}: ...'", key));
    return {};
  }
  return scalar(key, *node, true);
}

std::vector<std::string> FieldReader::list(std::string_view key) {
  std::vector<std::string> out;
  const Node* node = take(key);
  if (!node || node->is_null()) return out;
  if (!node->is_sequence()) fail(*node, key, "a list");
  for (const Node& item : node->items) {
    if (item.is_null()) continue;
    if (!item.is_scalar()) fail(item, key, "a list of text items");
    std::string value = scalar(key, item, false);
    if (!trim(value).empty()) out.push_back(std::move(value));
  }
  return out;
}

StringPairs FieldReader::string_map(std::string_view key) {
  StringPairs out;
  const Node* node = take(key);
  if (!node || node->is_null()) return out;
  if (!node->is_map()) fail(*node, key, "a map of 'name: value' lines");
  for (const auto& entry : node->entries) {
    if (entry.value.is_null()) continue;
    out.emplace_back(entry.key, scalar(key, entry.value, false));
  }
  return out;
}

std::optional<Date> FieldReader::date(std::string_view key, bool required) {
  const Node* node = take(key);
  if (!node || node->is_null()) {
    if (required)
      throw Error(Location{file_, node ? node->mark.line : map_.mark.line,
                           node ? node->mark.column : map_.mark.column},
                  fmt::format("'{}' is required and missing", key),
                  fmt::format("add '{}: YYYY-MM-DD'", key));
    return std::nullopt;
  }
  if (!node->is_scalar()) fail(*node, key, "a date (YYYY-MM-DD)");
  auto parsed = Date::parse(node->scalar);
  if (!parsed) fail(*node, key, "a date (YYYY-MM-DD)");
  return parsed;
}

std::optional<Timestamp> FieldReader::timestamp(std::string_view key, bool required) {
  const Node* node = take(key);
  if (!node || node->is_null()) {
    if (required)
      throw Error(Location{file_, map_.mark.line, map_.mark.column},
                  fmt::format("'{}' is required and missing", key),
                  fmt::format("add a line '{}: 2026-11-20T14:03:00Z'", key));
    return std::nullopt;
  }
  if (!node->is_scalar()) fail(*node, key, "a time (RFC 3339, e.g. 2026-11-20T14:03:00Z)");
  auto parsed = parse_timestamp(node->scalar);
  if (!parsed) fail(*node, key, "a time (RFC 3339, e.g. 2026-11-20T14:03:00Z)");
  return parsed;
}

std::optional<int> FieldReader::integer(std::string_view key) {
  const Node* node = take(key);
  if (!node || node->is_null()) return std::nullopt;
  int value = 0;
  if (!node->is_scalar()) fail(*node, key, "a whole number");
  const std::string& s = node->scalar;
  auto [ptr, ec] = std::from_chars(s.data(), s.data() + s.size(), value);
  if (ec != std::errc() || ptr != s.data() + s.size()) fail(*node, key, "a whole number");
  return value;
}

std::string FieldReader::id(std::string_view key) {
  const Node* node = take(key);
  if (!node || node->is_null()) return {};
  if (!node->is_scalar()) fail(*node, key, "an id");
  if (!is_valid_id(node->scalar))
    fail_message(*node,
                 fmt::format("'{}' is not a valid id: '{}'", key, terminal_safe(node->scalar)),
                 "ids are lowercase letters, digits and '-', e.g. maria-lopez");
  return node->scalar;
}

std::vector<std::string> FieldReader::id_list(std::string_view key) {
  std::vector<std::string> out;
  const Node* node = take(key);
  if (!node || node->is_null()) return out;
  if (!node->is_sequence()) fail(*node, key, "a list of ids");
  for (const Node& item : node->items) {
    if (!item.is_scalar() || !is_valid_id(item.scalar))
      fail_message(item, fmt::format("'{}' holds an invalid id", key),
                   "ids are lowercase letters, digits and '-', e.g. financial-aid");
    out.push_back(item.scalar);
  }
  return out;
}

std::string FieldReader::choice(std::string_view key, const std::vector<const char*>& allowed,
                                std::string fallback) {
  const Node* node = take(key);
  if (!node || node->is_null()) return fallback;
  if (node->is_scalar())
    for (const char* value : allowed)
      if (node->scalar == value) return node->scalar;
  std::vector<std::string> names(allowed.begin(), allowed.end());
  fail(*node, key, "one of: " + join(names, ", "));
}

Node FieldReader::unknown() const {
  Node rest = Node::map();
  for (const auto& entry : map_.entries)
    if (!read_.count(entry.key)) rest.entries.push_back(entry);
  return rest;
}

void FieldWriter::text(std::string_view key, const std::string& value) {
  if (!value.empty()) map_.set(key, Node::string(value));
}

void FieldWriter::list(std::string_view key, const std::vector<std::string>& values) {
  if (values.empty()) return;
  Node seq = Node::sequence();
  for (const auto& v : values) seq.items.push_back(Node::string(v));
  map_.set(key, std::move(seq));
}

void FieldWriter::string_map(std::string_view key, const StringPairs& values) {
  if (values.empty()) return;
  Node m = Node::map();
  for (const auto& [k, v] : values) m.set(k, Node::string(v));
  map_.set(key, std::move(m));
}

void FieldWriter::date(std::string_view key, const std::optional<Date>& value) {
  if (!value) return;
  Node n = Node::string(value->str());
  n.verbatim = true;
  map_.set(key, std::move(n));
}

void FieldWriter::timestamp(std::string_view key, const std::optional<Timestamp>& value) {
  if (!value) return;
  Node n = Node::string(format_timestamp(*value));
  n.verbatim = true;
  map_.set(key, std::move(n));
}

void FieldWriter::integer(std::string_view key, int value) {
  Node n = Node::string(std::to_string(value));
  n.verbatim = true;
  map_.set(key, std::move(n));
}

void FieldWriter::node(std::string_view key, Node value) { map_.set(key, std::move(value)); }

Node FieldWriter::finish(const Node& unknown) {
  std::vector<Node::Entry> rest = unknown.entries;
  std::stable_sort(rest.begin(), rest.end(),
                   [](const Node::Entry& a, const Node::Entry& b) { return a.key < b.key; });
  for (auto& entry : rest) map_.entries.push_back(std::move(entry));
  return std::move(map_);
}

}  // namespace peers::schema
