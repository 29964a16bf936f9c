#include "peers/yaml.hpp"

#include <yaml-cpp/eventhandler.h>
#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <sstream>
#include <unordered_set>

#include <fmt/format.h>

#include "peers/error.hpp"
#include "peers/text.hpp"

namespace peers {
namespace {

struct Comment {
  int line;
  std::string text;
  bool full_line;
};

[[noreturn]] void refuse(const std::string& file, int line, int column, std::string message,
                         std::string hint = {}) {
  throw Error(Location{file, line, column}, std::move(message), std::move(hint));
}

std::pair<int, int> line_column_of(std::string_view text, std::size_t offset) {
  int line = 1;
  std::size_t line_start = 0;
  for (std::size_t i = 0; i < offset && i < text.size(); ++i) {
    if (text[i] == '\n') {
      ++line;
      line_start = i + 1;
    }
  }
  return {line, static_cast<int>(offset - line_start) + 1};
}

bool starts_with(std::string_view s, std::string_view prefix) {
  return s.substr(0, prefix.size()) == prefix;
}

/// Checks the bytes before yaml-cpp sees them and finds the comments it would drop.
std::vector<Comment> prescan(std::string_view text, const std::string& file,
                             const LoadLimits& limits) {
  if (text.size() > limits.max_bytes)
    refuse(file, 0, 0,
           fmt::format("file is {} KiB, over the {} KiB limit for one record", text.size() / 1024,
                       limits.max_bytes / 1024),
           "a record this large is almost certainly not hand-made; check where it came from");
  if (auto bad = first_invalid_utf8(text)) {
    auto [line, column] = line_column_of(text, *bad);
    refuse(file, line, column, "file is not valid UTF-8",
           "save the file as UTF-8 in your editor (peers reads nothing else)");
  }
  if (auto nul = text.find('\0'); nul != std::string_view::npos) {
    auto [line, column] = line_column_of(text, nul);
    refuse(file, line, column, "file contains a NUL byte", "remove it; records are plain text");
  }

  std::vector<Comment> comments;
  std::size_t pos = 0;
  int line_no = 0;
  bool seen_content = false;
  bool after_document_end = false;
  int block_parent_indent = -1;  // >= 0 while inside a block scalar
  while (pos < text.size()) {
    std::size_t end = text.find('\n', pos);
    if (end == std::string_view::npos) end = text.size();
    std::string_view line = text.substr(pos, end - pos);
    pos = end + 1;
    ++line_no;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (auto cr = line.find('\r'); cr != std::string_view::npos)
      refuse(file, line_no, static_cast<int>(cr) + 1, "bare carriage return (CR) in file",
             "save the file with LF (Unix) line endings");
    for (std::string_view marker : {"<<<<<<<", ">>>>>>>", "|||||||", "======="}) {
      if (starts_with(line, marker) &&
          (line.size() == 7 || line[7] == ' ' || (marker == "=======" && line.size() == 7)))
        refuse(file, line_no, 1,
               fmt::format("unresolved merge conflict marker '{}'", marker),
               "resolve the conflict: keep the right lines, delete the markers, then run "
               "'peers check'");
    }

    std::size_t indent = line.find_first_not_of(' ');
    if (indent == std::string_view::npos) continue;  // blank line
    if (block_parent_indent >= 0) {
      if (static_cast<int>(indent) > block_parent_indent) continue;  // block scalar content
      block_parent_indent = -1;
    }
    if (line[indent] == '#') {
      comments.push_back({line_no, std::string(line.substr(indent)), true});
      continue;
    }
    if (line == "---" || starts_with(line, "--- ")) {
      if (seen_content || after_document_end)
        refuse(file, line_no, 1, "a second YAML document ('---') in one record",
               "each record file holds exactly one document; move the rest to its own file");
      continue;
    }
    if (line == "..." || starts_with(line, "... ")) {
      after_document_end = true;
      continue;
    }
    if (after_document_end)
      refuse(file, line_no, static_cast<int>(indent) + 1,
             "content after the document end marker ('...')",
             "delete the '...' line or what follows it");
    if (indent == 0 && line[0] == '%')
      refuse(file, line_no, 1, "YAML directives ('%') are not allowed in records",
             "delete the directive line");
    seen_content = true;

    // Walk the line: quotes, flow brackets, comments, block scalar headers.
    int flow_depth = 0;
    bool token_start = true;
    int node_column = static_cast<int>(indent);
    for (std::size_t i = indent; i < line.size(); ++i) {
      char c = line[i];
      if (c == ' ' || c == '\t') {
        continue;
      }
      bool at_token_start = token_start;
      token_start = false;
      if (c == '#' && (i == 0 || line[i - 1] == ' ' || line[i - 1] == '\t')) {
        comments.push_back({line_no, std::string(line.substr(i)), false});
        break;
      }
      if (at_token_start && (c == '"' || c == '\'')) {
        std::size_t j = i + 1;
        bool closed = false;
        for (; j < line.size(); ++j) {
          if (c == '"' && line[j] == '\\') {
            ++j;
            continue;
          }
          if (line[j] == c) {
            if (c == '\'' && j + 1 < line.size() && line[j + 1] == '\'') {
              ++j;
              continue;
            }
            closed = true;
            break;
          }
        }
        if (!closed)
          refuse(file, line_no, static_cast<int>(i) + 1,
                 "quoted text is not closed on the same line",
                 "close the quote; for text over several lines use a block: 'notes: |' and "
                 "the text indented on the lines below");
        i = j;
        continue;
      }
      if (at_token_start && (c == '|' || c == '>') && flow_depth == 0) {
        std::string_view rest = line.substr(i + 1);
        std::size_t k = rest.find_first_not_of("+-0123456789");
        if (k == std::string_view::npos || rest[k] == ' ' || rest[k] == '\t') {
          block_parent_indent = node_column;
          std::size_t hash = rest.find(" #");
          if (hash != std::string_view::npos)
            comments.push_back({line_no, std::string(trim(rest.substr(hash))), false});
          break;
        }
      }
      if (c == '[' || c == '{') {
        if (at_token_start || flow_depth > 0) {
          if (++flow_depth > limits.max_depth)
            refuse(file, line_no, static_cast<int>(i) + 1,
                   fmt::format("nesting deeper than {} levels", limits.max_depth),
                   "records are shallow; this file is not a peers record");
          token_start = true;
        }
        continue;
      }
      if (flow_depth > 0 && (c == ']' || c == '}')) {
        --flow_depth;
        continue;
      }
      if (flow_depth > 0 && c == ',') {
        token_start = true;
        continue;
      }
      if ((c == '-' || c == '?') && at_token_start &&
          (i + 1 == line.size() || line[i + 1] == ' ' || line[i + 1] == '\t')) {
        token_start = true;
        node_column = static_cast<int>(i) + 1;
        continue;
      }
      if ((c == '&' || c == '!') && at_token_start) {
        // A node property: the node itself starts after it.
        while (i + 1 < line.size() && line[i + 1] != ' ' && line[i + 1] != '\t') ++i;
        token_start = true;
        continue;
      }
      if (c == ':' && (i + 1 == line.size() || line[i + 1] == ' ' || line[i + 1] == '\t' ||
                       (flow_depth > 0 && (line[i + 1] == ',' || line[i + 1] == ']' ||
                                           line[i + 1] == '}')))) {
        token_start = true;
        continue;
      }
      if (at_token_start && flow_depth == 0) node_column = static_cast<int>(i);
    }
  }
  return comments;
}

Mark mark_of(const YAML::Mark& m) { return Mark{m.line + 1, m.column + 1}; }

constexpr std::size_t max_key_bytes = 256;

/// Builds a Node tree from yaml-cpp's event stream, refusing what a record may not contain
/// as soon as it is seen (so hostile input never gets expanded).
class Builder : public YAML::EventHandler {
 public:
  Builder(const std::string& file, const LoadLimits& limits) : file_(file), limits_(limits) {}

  Node take_root() { return std::move(root_); }
  bool has_root() const { return has_root_; }

  void OnDocumentStart(const YAML::Mark&) override {}
  void OnDocumentEnd() override {}
  void OnNull(const YAML::Mark& mark, YAML::anchor_t anchor) override {
    check(mark, "", anchor);
    Node n;
    n.mark = mark_of(mark);
    add(std::move(n));
  }
  void OnAlias(const YAML::Mark& mark, YAML::anchor_t) override {
    refuse(file_, mark.line + 1, mark.column + 1, "YAML aliases ('*name') are not allowed",
           "write the value out in full");
  }
  void OnAnchor(const YAML::Mark& mark, const std::string&) override {
    refuse(file_, mark.line + 1, mark.column + 1, "YAML anchors ('&name') are not allowed",
           "remove the anchor and write values out in full");
  }
  void OnScalar(const YAML::Mark& mark, const std::string& tag, YAML::anchor_t anchor,
                const std::string& value) override {
    check(mark, tag, anchor);
    // The file is valid UTF-8, but yaml-cpp 0.7 turns the escapes \N and \_ into single bytes.
    if (first_invalid_utf8(value))
      refuse(file_, mark.line + 1, mark.column + 1,
             "an escape in quoted text makes it invalid UTF-8 ('\\N' or '\\_')",
             "write the character itself, or as '\\u0085' / '\\u00a0'");
    Node n = Node::string(value);
    n.quoted = tag == "!";
    n.mark = mark_of(mark);
    add(std::move(n));
  }
  void OnSequenceStart(const YAML::Mark& mark, const std::string& tag, YAML::anchor_t anchor,
                       YAML::EmitterStyle::value) override {
    check(mark, tag, anchor);
    open(Node::sequence(), mark);
  }
  void OnSequenceEnd() override { close(); }
  void OnMapStart(const YAML::Mark& mark, const std::string& tag, YAML::anchor_t anchor,
                  YAML::EmitterStyle::value) override {
    check(mark, tag, anchor);
    open(Node::map(), mark);
  }
  void OnMapEnd() override { close(); }

 private:
  struct Frame {
    Node node;
    bool has_key = false;
    std::string key;
    Mark key_mark;
    std::unordered_set<std::string> keys;
  };

  void check(const YAML::Mark& mark, const std::string& tag, YAML::anchor_t anchor) {
    if (++nodes_ > limits_.max_nodes)
      refuse(file_, mark.line + 1, mark.column + 1,
             fmt::format("more than {} values in one record", limits_.max_nodes),
             "this file is not a peers record, or it needs splitting");
    if (anchor != YAML::NullAnchor)
      refuse(file_, mark.line + 1, mark.column + 1, "YAML anchors ('&name') are not allowed",
             "remove the anchor and write values out in full");
    if (!tag.empty() && tag != "?" && tag != "!")
      refuse(file_, mark.line + 1, mark.column + 1,
             fmt::format("explicit YAML tag '{}' is not allowed", terminal_safe(tag)),
             "remove the tag; peers reads every value as text");
  }

  void open(Node node, const YAML::Mark& mark) {
    if (static_cast<int>(frames_.size()) >= limits_.max_depth)
      refuse(file_, mark.line + 1, mark.column + 1,
             fmt::format("nesting deeper than {} levels", limits_.max_depth),
             "records are shallow; this file is not a peers record");
    node.mark = mark_of(mark);
    frames_.push_back(Frame{std::move(node), false, {}, {}, {}});
  }

  void close() {
    Frame frame = std::move(frames_.back());
    frames_.pop_back();
    add(std::move(frame.node));
  }

  void add(Node node) {
    if (frames_.empty()) {
      if (has_root_)
        refuse(file_, node.mark.line, node.mark.column, "more than one document in a record",
               "each record file holds exactly one document");
      root_ = std::move(node);
      has_root_ = true;
      return;
    }
    Frame& top = frames_.back();
    if (top.node.is_sequence()) {
      top.node.items.push_back(std::move(node));
      return;
    }
    if (!top.has_key) {
      if (!node.is_scalar())
        refuse(file_, node.mark.line, node.mark.column, "a key must be plain text",
               "write keys as 'name: value'");
      if (auto bad = forbidden_character(node.scalar, false))
        refuse(file_, node.mark.line, node.mark.column,
               fmt::format("key '{}' contains {}", terminal_safe(node.scalar), *bad),
               "keys are plain words such as 'name'; delete the character");
      // YAML readers take at most 1024 characters as a key; records need far fewer.
      if (node.scalar.size() > max_key_bytes)
        refuse(file_, node.mark.line, node.mark.column,
               fmt::format("a key longer than {} bytes", max_key_bytes),
               "keys are short words such as 'name'; is a ':' missing on a line above?");
      if (!top.keys.insert(node.scalar).second)
        refuse(file_, node.mark.line, node.mark.column,
               fmt::format("duplicate key '{}'", terminal_safe(node.scalar)),
               "a key may appear once per map; keep the right value and delete the other "
               "(a merge can leave both)");
      top.key = std::move(node.scalar);
      top.key_mark = node.mark;
      top.has_key = true;
      return;
    }
    // yaml-cpp marks an empty value ("name:") where the next token starts, often on a later
    // line; point at the key instead.
    if (node.is_null() && node.mark.line != top.key_mark.line) node.mark = top.key_mark;
    top.node.entries.push_back(Node::Entry{std::move(top.key), top.key_mark, std::move(node)});
    top.has_key = false;
  }

  const std::string& file_;
  const LoadLimits& limits_;
  std::vector<Frame> frames_;
  Node root_;
  bool has_root_ = false;
  std::size_t nodes_ = 0;
};

/// The places a comment can be attached to, in document order, with the line they start on.
void collect_carriers(Node& node, std::vector<std::pair<int, Node*>>& out) {
  if (node.is_map()) {
    for (auto& entry : node.entries) {
      out.emplace_back(entry.key_mark.line, &entry.value);
      collect_carriers(entry.value, out);
    }
  } else if (node.is_sequence()) {
    for (auto& item : node.items) {
      out.emplace_back(item.mark.line, &item);
      collect_carriers(item, out);
    }
  }
}

void attach_comments(Node& root, std::vector<Comment> comments) {
  std::vector<std::pair<int, Node*>> carriers;
  collect_carriers(root, carriers);
  for (auto& comment : comments) {
    if (!comment.full_line) {
      Node* target = nullptr;
      for (auto& [line, node] : carriers)
        if (line == comment.line) target = node;  // the innermost node that starts here
      if (target && target->comment_after.empty()) {
        target->comment_after = std::move(comment.text);
        continue;
      }
    }
    auto next = std::find_if(carriers.begin(), carriers.end(),
                             [&](const auto& c) { return c.first > comment.line; });
    if (next == carriers.end())
      root.comments_after.push_back(std::move(comment.text));
    else
      next->second->comments_before.push_back(std::move(comment.text));
  }
}

// ---- writing ----

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

Node parse_yaml(std::string_view text, const std::string& file, const LoadLimits& limits) {
  std::vector<Comment> comments = prescan(text, file, limits);
  std::istringstream in{std::string(text)};
  Builder builder(file, limits);
  try {
    YAML::Parser parser(in);
    parser.HandleNextDocument(builder);
    if (parser.HandleNextDocument(builder))
      refuse(file, 0, 0, "more than one YAML document in a record",
             "each record file holds exactly one document");
  } catch (const YAML::Exception& e) {
    std::string message = e.msg;
    if (!message.empty()) message[0] = static_cast<char>(std::tolower(message[0]));
    refuse(file, e.mark.line + 1, e.mark.column + 1, "YAML syntax error: " + message,
           "fix the line in your editor; 'peers check' lists every problem in the store");
  }
  Node root = builder.has_root() ? builder.take_root() : Node::map();
  if (!root.is_map())
    refuse(file, root.mark.line, root.mark.column,
           "a record must be a map of 'key: value' lines",
           "start each line with a key such as 'name:'");
  attach_comments(root, std::move(comments));
  return root;
}

std::string emit_yaml(const Node& root) {
  std::string out;
  if (root.is_map()) write_block(out, root, 0);
  for (const auto& c : root.comments_after) out += c + '\n';
  return out;
}

}  // namespace peers
