// The canonical writer (emit_yaml): block style, two-space indent, strings quoted where any
// YAML reader could take them for something else, comments written back where they stood.
#include <unordered_set>

#include <fmt/format.h>

#include "peers/text.hpp"
#include "peers/yaml.hpp"

namespace peers {
namespace {

bool is_special_word(std::string_view s) {
  static const std::unordered_set<std::string> words = {
      "y",   "n",    "yes",  "no",   "true", "false", "on",    "off",  "null",
      "~",   ".inf", "-.inf", "+.inf", ".nan", "<<",   "=",     ""};
  return words.count(to_lower_ascii(s)) > 0;
}

bool looks_numeric_or_date(std::string_view s) {
  std::size_t i = 0;
  if (i < s.size() && (s[i] == '+' || s[i] == '-' || s[i] == '.')) ++i;
  if (i < s.size() && s[i] == '.') ++i;
  if (i >= s.size() || !(s[i] >= '0' && s[i] <= '9')) return false;
  return s.find_first_not_of("0123456789abcdefABCDEFxXoO_:.+-TtZz ") == std::string_view::npos;
}

std::string double_quoted(std::string_view s) {
  std::string out = "\"";
  for (std::size_t i = 0; i < s.size();) {
    auto c = static_cast<unsigned char>(s[i]);
    std::size_t len = c < 0x80 ? 1 : (c & 0xE0) == 0xC0 ? 2 : (c & 0xF0) == 0xE0 ? 3 : 4;
    len = std::min(len, s.size() - i);
    std::string_view one = s.substr(i, len);
    i += len;
    switch (c) {
      case '"': out += "\\\""; continue;
      case '\\': out += "\\\\"; continue;
      case '\n': out += "\\n"; continue;
      case '\t': out += "\\t"; continue;
      case '\r': out += "\\r"; continue;
      case 0x1B: out += "\\e"; continue;
      default: break;
    }
    if (!forbidden_character(one, false)) {
      out += one;
      continue;
    }
    char32_t cp = len == 1 ? c : c & (0xFF >> (len + 1));
    for (std::size_t k = 1; k < len; ++k) cp = (cp << 6) | (static_cast<unsigned char>(one[k]) & 0x3F);
    out += cp < 0x100 ? fmt::format("\\x{:02x}", static_cast<unsigned>(cp))
                      : fmt::format("\\u{:04x}", static_cast<unsigned>(cp));
  }
  return out + "\"";
}

bool literal_block_is_safe(std::string_view s) {
  if (s.empty() || s.front() == ' ' || s.front() == '\n' || s.front() == '\t') return false;
  if (forbidden_character(s, true)) return false;
  return true;
}

void write_indent(std::string& out, int indent) { out.append(static_cast<std::size_t>(indent), ' '); }

void write_comment_after(std::string& out, const Node& node) {
  if (!node.comment_after.empty()) out += "  " + node.comment_after;
}

/// Writes a scalar after "key:" or "- " (the caller has written the prefix without a space).
void write_scalar(std::string& out, const Node& node, int indent) {
  const std::string& s = node.scalar;
  if (s.find('\n') != std::string::npos && literal_block_is_safe(s)) {
    std::size_t trailing = s.size() - s.find_last_not_of('\n') - 1;
    out += trailing == 0 ? " |-" : trailing == 1 ? " |" : " |+";
    write_comment_after(out, node);
    out += '\n';
    std::string_view body(s);
    if (trailing > 0) body.remove_suffix(trailing);
    for (const auto& line : split(body, '\n')) {
      if (!line.empty()) write_indent(out, indent + 2);
      out += line;
      out += '\n';
    }
    for (std::size_t k = 1; k < trailing; ++k) out += '\n';
    return;
  }
  out += ' ';
  if (node.verbatim || plain_scalar_is_safe(s))
    out += s;
  else if (!s.empty() && !forbidden_character(s, false) && s.find('\'') == std::string::npos &&
           s.front() != ' ' && s.back() != ' ')
    out += "'" + s + "'";
  else
    out += double_quoted(s);
  write_comment_after(out, node);
  out += '\n';
}

std::string key_text(const std::string& key) {
  return plain_scalar_is_safe(key) ? key : double_quoted(key);
}

void write_block(std::string& out, const Node& node, int indent);

void write_value_after_prefix(std::string& out, const Node& value, int indent) {
  if (value.is_scalar()) {
    write_scalar(out, value, indent);
  } else if (value.is_null()) {
    out += " null";
    write_comment_after(out, value);
    out += '\n';
  } else if (value.is_map() && value.entries.empty()) {
    out += " {}";
    write_comment_after(out, value);
    out += '\n';
  } else if (value.is_sequence() && value.items.empty()) {
    out += " []";
    write_comment_after(out, value);
    out += '\n';
  } else {
    write_comment_after(out, value);
    out += '\n';
    write_block(out, value, indent + 2);
  }
}

void write_comments_before(std::string& out, const Node& node, int indent) {
  for (const auto& c : node.comments_before) {
    write_indent(out, indent);
    out += c + '\n';
  }
}

bool is_nested_list(const Node& n) { return n.is_sequence() && !n.items.empty(); }

/// Moves to `above` the comments of a list item that cannot stay where they are: an
/// end-of-line comment on a "-" that opens a nested list (or on a map item whose first value
/// has its own), and, recursively, the comments above the first item of its nested list.
void take_comments_above(Node& item, std::vector<std::string>& above) {
  bool two_on_one_line = item.is_map() && !item.entries.empty() &&
                         !item.entries.front().value.comment_after.empty();
  if (!item.comment_after.empty() && (is_nested_list(item) || two_on_one_line)) {
    above.push_back(std::move(item.comment_after));
    item.comment_after.clear();
  }
  if (!is_nested_list(item)) return;
  Node& first = item.items.front();
  for (auto& c : first.comments_before) above.push_back(std::move(c));
  first.comments_before.clear();
  take_comments_above(first, above);
}

/// "- key: value" with the rest of the map aligned under the first key (after the "-").
void write_map_item(std::string& out, const Node& item, int indent) {
  const auto& first = item.entries.front();
  out += ' ' + key_text(first.key) + ':';
  Node first_value = first.value;
  if (first_value.comment_after.empty()) first_value.comment_after = item.comment_after;
  write_value_after_prefix(out, first_value, indent + 2);
  Node rest = Node::map();
  rest.entries.assign(item.entries.begin() + 1, item.entries.end());
  write_block(out, rest, indent + 2);
}

void write_block(std::string& out, const Node& node, int indent) {
  if (node.is_map()) {
    for (const auto& entry : node.entries) {
      write_comments_before(out, entry.value, indent);
      write_indent(out, indent);
      out += key_text(entry.key) + ':';
      write_value_after_prefix(out, entry.value, indent);
    }
    return;
  }
  for (const auto& item : node.items) {
    // Every comment that belongs above this item is written above its "-": a comment between
    // a bare "-" and its nested list would read back onto another node.
    Node moved = item;
    std::vector<std::string> above = std::move(moved.comments_before);
    moved.comments_before.clear();
    take_comments_above(moved, above);
    for (const auto& c : above) {
      write_indent(out, indent);
      out += c + '\n';
    }
    write_indent(out, indent);
    out += '-';
    if (moved.is_map() && !moved.entries.empty()) write_map_item(out, moved, indent);
    else write_value_after_prefix(out, moved, indent);
  }
}

}  // namespace

bool plain_scalar_is_safe(std::string_view s) {
  if (s.empty() || s.front() == ' ' || s.back() == ' ') return false;
  if (std::string_view("-?:,[]{}#&*!|>'\"%@`").find(s.front()) != std::string_view::npos)
    return false;
  if (forbidden_character(s, false)) return false;
  if (s.find('\t') != std::string_view::npos) return false;
  if (s.find(": ") != std::string_view::npos || s.find(" #") != std::string_view::npos ||
      s.back() == ':')
    return false;
  if (is_special_word(s) || looks_numeric_or_date(s)) return false;
  // At the start of a line (a key) these would read as a document marker or a conflict marker.
  for (std::string_view marker : {"---", "...", "<<<<<<<", "======="})
    if (s.substr(0, marker.size()) == marker) return false;
  return true;
}

std::string emit_yaml(const Node& root) {
  std::string out;
  if (root.is_map()) write_block(out, root, 0);
  for (const auto& c : root.comments_after) out += c + '\n';
  return out;
}

}  // namespace peers
