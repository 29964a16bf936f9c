// The strict loader (parse_yaml): the bytes checked before yaml-cpp sees them, the tree built
// from its events, comments put back on their nodes. The canonical writer is yaml_emit.cpp.
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

/// Refuses a file over the size limit, not UTF-8, or holding a NUL byte.
void check_bytes(std::string_view text, const std::string& file, const LoadLimits& limits) {
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
}

/// Refuses a bare carriage return or a merge conflict marker on a line (its CRLF's CR removed).
void check_line_bytes(std::string_view line, int line_no, const std::string& file) {
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
}

/// What prescan carries from one line to the next.
struct Prescan {
  const std::string& file;
  const LoadLimits& limits;
  std::vector<Comment> comments;
  bool seen_content = false;
  bool after_document_end = false;
  int block_parent_indent = -1;  // >= 0 while inside a block scalar
};

/// The position of the quote that closes the one at line[i]; refuses a quote not closed on
/// its line.
std::size_t closing_quote(std::string_view line, std::size_t i, int line_no, const std::string& file) {
  const char c = line[i];
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
  return j;
}

/// Whether line[i] ends its line or is followed by a space or a tab.
bool blank_after(std::string_view line, std::size_t i) {
  return i + 1 == line.size() || line[i + 1] == ' ' || line[i + 1] == '\t';
}

/// At a '|' or '>' (line[i]) that starts a block scalar: notes the indent its content must
/// exceed and the header's comment. False when what follows makes it no block scalar header.
bool block_scalar_header(std::string_view line, std::size_t i, int node_column, int line_no,
                         Prescan& state) {
  std::string_view rest = line.substr(i + 1);
  std::size_t k = rest.find_first_not_of("+-0123456789");
  if (k != std::string_view::npos && rest[k] != ' ' && rest[k] != '\t') return false;
  state.block_parent_indent = node_column;
  std::size_t hash = rest.find(" #");
  if (hash != std::string_view::npos)
    state.comments.push_back({line_no, std::string(trim(rest.substr(hash))), false});
  return true;
}

/// Walks a line's content from its indent: quotes, flow brackets, comments, block scalar
/// headers.
void scan_tokens(std::string_view line, std::size_t indent, int line_no, Prescan& state) {
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
      state.comments.push_back({line_no, std::string(line.substr(i)), false});
      return;
    }
    if (at_token_start && (c == '"' || c == '\'')) {
      i = closing_quote(line, i, line_no, state.file);
      continue;
    }
    if (at_token_start && (c == '|' || c == '>') && flow_depth == 0 &&
        block_scalar_header(line, i, node_column, line_no, state))
      return;
    if (c == '[' || c == '{') {
      if (at_token_start || flow_depth > 0) {
        if (++flow_depth > state.limits.max_depth)
          refuse(state.file, line_no, static_cast<int>(i) + 1,
                 fmt::format("nesting deeper than {} levels", state.limits.max_depth),
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
    if ((c == '-' || c == '?') && at_token_start && blank_after(line, i)) {
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
    if (c == ':' && (blank_after(line, i) ||
                     (flow_depth > 0 && (line[i + 1] == ',' || line[i + 1] == ']' ||
                                         line[i + 1] == '}')))) {
      token_start = true;
      continue;
    }
    if (at_token_start && flow_depth == 0) node_column = static_cast<int>(i);
  }
}

/// One line: blank, block scalar content, a full-line comment, document markers and
/// directives; anything else is content, walked by scan_tokens.
void scan_line(std::string_view line, int line_no, Prescan& state) {
  std::size_t indent = line.find_first_not_of(' ');
  if (indent == std::string_view::npos) return;  // blank line
  if (state.block_parent_indent >= 0) {
    if (static_cast<int>(indent) > state.block_parent_indent) return;  // block scalar content
    state.block_parent_indent = -1;
  }
  if (line[indent] == '#') {
    state.comments.push_back({line_no, std::string(line.substr(indent)), true});
    return;
  }
  if (line == "---" || starts_with(line, "--- ")) {
    if (state.seen_content || state.after_document_end)
      refuse(state.file, line_no, 1, "a second YAML document ('---') in one record",
             "each record file holds exactly one document; move the rest to its own file");
    return;
  }
  if (line == "..." || starts_with(line, "... ")) {
    state.after_document_end = true;
    return;
  }
  if (state.after_document_end)
    refuse(state.file, line_no, static_cast<int>(indent) + 1,
           "content after the document end marker ('...')",
           "delete the '...' line or what follows it");
  if (indent == 0 && line[0] == '%')
    refuse(state.file, line_no, 1, "YAML directives ('%') are not allowed in records",
           "delete the directive line");
  state.seen_content = true;
  scan_tokens(line, indent, line_no, state);
}

/// Checks the bytes before yaml-cpp sees them and finds the comments it would drop.
std::vector<Comment> prescan(std::string_view text, const std::string& file,
                             const LoadLimits& limits) {
  check_bytes(text, file, limits);
  Prescan state{file, limits, {}};
  std::size_t pos = 0;
  int line_no = 0;
  while (pos < text.size()) {
    std::size_t end = text.find('\n', pos);
    if (end == std::string_view::npos) end = text.size();
    std::string_view line = text.substr(pos, end - pos);
    pos = end + 1;
    ++line_no;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    check_line_bytes(line, line_no, file);
    scan_line(line, line_no, state);
  }
  return std::move(state.comments);
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

}  // namespace

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

}  // namespace peers
