#include <doctest/doctest.h>

#include <chrono>
#include <string>
#include <vector>

#include <fmt/format.h>

#include "peers/error.hpp"
#include "peers/yaml.hpp"

using namespace peers;

namespace {

/// The error parse_yaml throws for `text`, as "line:col: message"; empty when it parses.
std::string refusal(std::string_view text, const LoadLimits& limits = {}) {
  try {
    parse_yaml(text, "people/x.yaml", limits);
  } catch (const Error& e) {
    CHECK(e.where().file == "people/x.yaml");
    CHECK_FALSE(e.hint().empty());
    return std::to_string(e.where().line) + ":" + std::to_string(e.where().column) + ": " +
           e.what();
  }
  return {};
}

Node record_with(const std::string& value) {
  Node root = Node::map();
  root.set("name", Node::string("Maria"));
  root.set("value", Node::string(value));
  return root;
}

std::string round_trip(const std::string& value) {
  Node back = parse_yaml(emit_yaml(record_with(value)), "people/x.yaml");
  return back.find("value")->scalar;
}

}  // namespace

TEST_CASE("parse_yaml reads a plain record with comments") {
  Node root = parse_yaml("# about Maria\nname: Maria  # full name\ntags:\n  - a\n  - 'b'\n",
                         "people/x.yaml");
  REQUIRE(root.is_map());
  CHECK(root.find("name")->scalar == "Maria");
  CHECK(root.find("name")->comment_after == "# full name");
  CHECK(root.find("name")->comments_before == std::vector<std::string>{"# about Maria"});
  CHECK(root.find("tags")->items.size() == 2);
  CHECK(root.find("tags")->items[1].quoted);
}

TEST_CASE("parse_yaml reads null values as null, never as the text 'null'") {
  Node root = parse_yaml("a: ~\nb:\nc: null\nd: 'null'\n", "people/x.yaml");
  CHECK(root.find("a")->is_null());
  CHECK(root.find("b")->is_null());
  CHECK(root.find("c")->is_null());
  CHECK(root.find("d")->scalar == "null");
}

TEST_CASE("parse_yaml accepts CRLF line endings and an empty file") {
  CHECK(parse_yaml("name: Maria\r\ntitle: x\r\n", "p").find("title")->scalar == "x");
  CHECK(parse_yaml("", "p").is_map());
  CHECK(parse_yaml("a:\nb: 1\n", "p").find("a")->mark.line == 1);  // an empty value: its key's line
  CHECK(parse_yaml("# only a comment\n", "p").is_map());
}

TEST_CASE("parse_yaml refuses what a record may not contain, with the place") {
  CHECK(refusal("name: Maria\nemail: a\nemail: b\n") == "3:1: duplicate key 'email'");
  CHECK(refusal("h: {a: 1, a: 2}\n") == "1:11: duplicate key 'a'");
  CHECK(refusal("a: &x 1\n") == "1:4: YAML anchors ('&name') are not allowed");
  CHECK(refusal("a: &a [*a]\n") == "1:4: YAML anchors ('&name') are not allowed");
  CHECK(refusal("a: *x\n").find("1:4: ") == 0);
  CHECK(refusal("a: !!str 1\n") == "1:4: explicit YAML tag 'tag:yaml.org,2002:str' is not allowed");
  CHECK(refusal("a: !x 1\n") == "1:4: explicit YAML tag '!x' is not allowed");
  CHECK(refusal("a: 1\n---\na: 2\n") == "2:1: a second YAML document ('---') in one record");
  CHECK(refusal("a: 1\n...\nb: 2\n") == "3:1: content after the document end marker ('...')");
  CHECK(refusal("%YAML 1.2\n---\na: 1\n") ==
        "1:1: YAML directives ('%') are not allowed in records");
  CHECK(refusal("a: \"open\nb: 2\n") == "1:4: quoted text is not closed on the same line");
  CHECK(refusal("a: 'open\nb: 2\n") == "1:4: quoted text is not closed on the same line");
  CHECK(refusal(std::string("a: b\0c\n", 7)) == "1:5: file contains a NUL byte");
  CHECK(refusal("a: \xc3\x28\n") == "1:4: file is not valid UTF-8");
  CHECK(refusal("a: \xc0\xaf\n") == "1:4: file is not valid UTF-8");
  CHECK(refusal("a: \xed\xa0\x80\n") == "1:4: file is not valid UTF-8");
  CHECK(refusal("a: 1\rb: 2\n") == "1:5: bare carriage return (CR) in file");
  CHECK(refusal("a: 1\n<<<<<<< HEAD\nb: 2\n") == "2:1: unresolved merge conflict marker '<<<<<<<'");
  CHECK(refusal("a: 1\n=======\n") == "2:1: unresolved merge conflict marker '======='");
  CHECK(refusal(">>>>>>> theirs\n") == "1:1: unresolved merge conflict marker '>>>>>>>'");
  CHECK(refusal("- a\n- b\n") == "1:1: a record must be a map of 'key: value' lines");
  CHECK(refusal("just text\n") == "1:1: a record must be a map of 'key: value' lines");
  CHECK(refusal("? [a]\n: b\n") == "1:3: a key must be plain text");
  // (Built with append, not operator+: g++ 12 warns falsely on a temporary + a literal.)
  std::string too_long(300, 'k'), longest(256, 'k');
  CHECK(refusal(too_long.append(": v\n")) == "1:1: a key longer than 256 bytes");  // fuzzer
  CHECK(parse_yaml(longest.append(": v\n"), "p").entries.size() == 1);
  CHECK(refusal("a: \"x\\N\"\n") ==
        "1:4: an escape in quoted text makes it invalid UTF-8 ('\\N' or '\\_')");  // fuzzer
  CHECK(refusal("a: \"x\\_\"\n").find("invalid UTF-8") != std::string::npos);
  CHECK(parse_yaml("a: \"\\u0085\\u00a0\\x41\"\n", "p").find("a")->scalar == "\u0085\u00a0A");
  CHECK(refusal("a: 1\n\tb: 2\n").find("2:") == 0);
}

TEST_CASE("parse_yaml refuses keys with control characters or bidi overrides") {
  CHECK(refusal("\"\\e[2J\": x\n") == "1:1: key '\\e[2J' contains the control character U+001B");
  CHECK(refusal("a:\n  \"x\\u202E\": y\n") ==
        "2:3: key 'x<U+202E>' contains the control character U+202E");
}

TEST_CASE("parse_yaml enforces its limits before yaml-cpp builds anything") {
  LoadLimits small;
  small.max_bytes = 10;
  CHECK(refusal("name: Maria Lopez\n", small).find("0:0: file is 0 KiB, over the 0 KiB limit") == 0);

  CHECK(refusal("a: " + std::string(100000, '[')) == "1:36: nesting deeper than 32 levels");
  CHECK(refusal(std::string(256 * 1024, '[')) == "1:33: nesting deeper than 32 levels");
  CHECK(refusal("a: x\n? " + std::string(100000, '{')).find("nesting deeper than 32") !=
        std::string::npos);
  std::string deep_block = "a:\n";
  for (int i = 1; i < 100; ++i) deep_block += std::string(static_cast<std::size_t>(i), ' ') + "k:\n";
  CHECK(refusal(deep_block).find("nesting deeper than 32 levels") != std::string::npos);
  std::string dashes = "a:\n";
  for (int i = 0; i < 2000; ++i) dashes += "- ";
  CHECK(refusal(dashes + "x\n").find("nesting deeper than 32 levels") != std::string::npos);
  std::string many = "a:\n";
  for (int i = 0; i < 25000; ++i) many += "- x\n";
  CHECK(refusal(many).find("more than 20000 values in one record") != std::string::npos);
  LoadLimits few;
  few.max_nodes = 5;  // the root, a, its list, x, y: z is the sixth value
  CHECK(refusal("a:\n- x\n- y\n- z\n", few) == "4:3: more than 5 values in one record");

  // Flow brackets inside a plain scalar are text, not nesting.
  CHECK(parse_yaml("a: x [[[[ {{{{\n", "p").find("a")->scalar == "x [[[[ {{{{");
}

TEST_CASE("hostile input is refused fast") {
  std::string laughs = "a: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n";
  for (char c = 'b'; c <= 'z'; ++c)
    laughs += fmt::format("{}: &{} [*{},*{},*{},*{},*{},*{},*{},*{}]\n", c, c, c - 1, c - 1,
                          c - 1, c - 1, c - 1, c - 1, c - 1, c - 1);
  std::vector<std::string> inputs = {laughs, std::string(256 * 1024, '['),
                                     std::string(256 * 1024, '{'), std::string(256 * 1024, '-'),
                                     "a: " + std::string(200000, '"')};
  for (const auto& input : inputs) {
    auto start = std::chrono::steady_clock::now();
    CHECK_FALSE(refusal(input).empty());
    CHECK(std::chrono::steady_clock::now() - start < std::chrono::milliseconds(500));
  }
}

TEST_CASE("emit_yaml writes awkward strings so they read back the same") {
  for (const std::string& s : std::vector<std::string>{"yes", "no", "on", "off", "y", "N", "true", "null", "~", "0123", "1e3", "1:20", ".5",
        "+1", ".inf", ".NaN", "2024-01-02", "2024-01-02T10:00:00Z", "@x", "- x", "-x", "a: b",
        "x:", " lead", "trail ", "#x", "x #y", "!tag", "&a", "*a", "%x", "|", ">", "[a]",
        "{a}", "'q'", "\"q\"", "it's", "`x`", "<<", "=", "? x", "---", "...", "a\tb", "\ttab",
        "María López 日本語 🎉", std::string(5000, 'x'), "back\\slash", "\\e",
        "line one  \n\n  indented\nlast   ", "first\n\n\nafter\n\n", "\n leading newline",
        " lead\nsecond", "tab\tin\nlines\t", "ends with newline\n", "x\n...\ny", "x\n---\ny",
        "esc \x1b[31m kept escaped", "bidi \u202e escaped", "c1 \u0085 escaped"}) {
    CAPTURE(s);
    CHECK(round_trip(s) == s);
  }
}

TEST_CASE("emit_yaml writes an empty string (found by the fuzzer: it read s.back() of \"\")") {
  CHECK(emit_yaml(record_with("")) == "name: Maria\nvalue: \"\"\n");
  CHECK(round_trip("") == "");
  Node root = parse_yaml("name: Maria\nlog:\n  - date: |-\n    \n", "p");
  CHECK(parse_yaml(emit_yaml(root), "p").same_data(root));
}

TEST_CASE("comments around nested lists settle after one rewrite (found by the fuzzer)") {
  std::string once = emit_yaml(parse_yaml(
      "a:\n  -    - x  # c\n  - # d\n    - y\n  -    - #e\n #f\n  - - - z # g\n", "p"));
  CHECK(emit_yaml(parse_yaml(once, "p")) == once);
  for (const char* c : {"# c", "# d", "#e", "#f", "# g"}) CHECK(once.find(c) != std::string::npos);
}

TEST_CASE("keys that look like markers are quoted (found by the fuzzer)") {
  for (const char* key : {"<<<<<<< x", "======= x", "... x", "--- x", "...", "---"}) {
    CAPTURE(key);
    Node root = Node::map();
    root.set(key, Node::string("v"));
    CHECK(parse_yaml(emit_yaml(root), "p").same_data(root));
  }
}

TEST_CASE("emit_yaml quotes what other YAML readers would not read as text") {
  CHECK(emit_yaml(record_with("yes")) == "name: Maria\nvalue: 'yes'\n");
  CHECK(emit_yaml(record_with("0123")) == "name: Maria\nvalue: '0123'\n");
  CHECK(emit_yaml(record_with("2024-01-02")) == "name: Maria\nvalue: '2024-01-02'\n");
  CHECK(emit_yaml(record_with("@x")) == "name: Maria\nvalue: '@x'\n");
  CHECK(emit_yaml(record_with("it's")) == "name: Maria\nvalue: it's\n");
  CHECK(emit_yaml(record_with("'q' it's")) == "name: Maria\nvalue: \"'q' it's\"\n");
  CHECK(emit_yaml(record_with("a\nb")) == "name: Maria\nvalue: |-\n  a\n  b\n");
  CHECK(emit_yaml(record_with("esc\x1b")) == "name: Maria\nvalue: \"esc\\e\"\n");
  CHECK(emit_yaml(record_with("plain text")) == "name: Maria\nvalue: plain text\n");
}

TEST_CASE("plain_scalar_is_safe") {
  CHECK(plain_scalar_is_safe("Maria Lopez"));
  CHECK(plain_scalar_is_safe("mlopez@westbrook.edu"));
  CHECK(plain_scalar_is_safe("x:y"));
  for (const char* s : {"", " a", "a ", "yes", "No", "ON", "~", "null", "1", "-1", "0x1f",
                        "1e3", "1_000", "1:20", "2024-01-02", "@x", "a: b", "x:", "#x",
                        "x #y", "a\tb", "-", "- x", "?", "!", "&", "*", "|", ">", "'", "\"",
                        "%", "`", "[", "{", ",", "<<", "=", "<<<<<<< x", "======= x",
                        "... x", "--- x"})
    CHECK_MESSAGE(!plain_scalar_is_safe(s), s);
}

TEST_CASE("emit_yaml output is canonical: a second rewrite changes nothing") {
  std::string text =
      "# top\nname: Maria  # n\ntags:\n  # before a\n  - a\n  - 'yes'\nlog:\n  - date: 2026-01-02\n"
      "    note: |\n      two\n      lines\nnotes: \"x\\ty\"\n# end\n";
  std::string once = emit_yaml(parse_yaml(text, "p"));
  CHECK(emit_yaml(parse_yaml(once, "p")) == once);
  CHECK(parse_yaml(once, "p").same_data(parse_yaml(text, "p")));
  CHECK(once.find("# top") != std::string::npos);
  CHECK(once.find("# before a") != std::string::npos);
  CHECK(once.find("# end") != std::string::npos);
}
