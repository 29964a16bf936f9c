#include <doctest/doctest.h>

#include <string>
#include <tuple>
#include <vector>

#include "peers/text.hpp"

using namespace peers;

TEST_CASE("for_each_code_point gives each code point, and each byte that is not UTF-8 alone") {
  std::vector<std::tuple<std::size_t, std::size_t, char32_t>> seen;
  for_each_code_point("a\xC3\xA9\xC3(\xE2\x80\x94\xF0\x9F\x8E\x89\xED\xA0\x80",
                      [&](std::size_t at, std::size_t n, std::optional<char32_t> cp) {
                        seen.emplace_back(at, n, cp.value_or(U'?'));
                        return true;
                      });
  using T = std::tuple<std::size_t, std::size_t, char32_t>;
  CHECK(seen == std::vector<T>{{0, 1, U'a'}, {1, 2, U'é'}, {3, 1, U'?'}, {4, 1, U'('},
                               {5, 3, U'—'}, {8, 4, U'🎉'}, {12, 1, U'?'}, {13, 1, U'?'},
                               {14, 1, U'?'}});
  std::size_t visits = 0;
  for_each_code_point("abc", [&](std::size_t, std::size_t, std::optional<char32_t>) {
    return ++visits < 2;  // stops when told
  });
  CHECK(visits == 2);
}

TEST_CASE("fnv1a: the standard 64-bit values, or another basis") {
  CHECK(fnv1a("") == 0xcbf29ce484222325ull);
  CHECK(fnv1a("a") == 0xaf63dc4c8601ec8cull);
  CHECK(fnv1a("foobar") == 0x85944171f73967e8ull);
  CHECK(fnv1a("", 42) == 42);
  CHECK(fnv1a("a", 42) != fnv1a("a"));
}

TEST_CASE("folded_words: runs of separators become one space, none at the ends") {
  auto spaces = [](char c) { return c == ' ' || c == '\n'; };
  CHECK(folded_words("  Café \n\n au-Lait  ", spaces) == "cafe au-lait");
  CHECK(folded_words("", spaces) == "");
  CHECK(folded_words(" \n ", spaces) == "");
  CHECK(name_key("  Work-Study / Aid ") == "work study aid");
}

TEST_CASE("first_invalid_utf8") {
  CHECK_FALSE(first_invalid_utf8("plain ascii"));
  CHECK_FALSE(first_invalid_utf8("María 日本 🎉"));
  CHECK(first_invalid_utf8("ab\xc3\x28") == 2u);        // bad continuation byte
  CHECK(first_invalid_utf8("\xc0\xaf") == 0u);          // overlong '/'
  CHECK(first_invalid_utf8("x\xe0\x80\xaf") == 1u);     // overlong, 3 bytes
  CHECK(first_invalid_utf8("\xed\xa0\x80") == 0u);      // surrogate
  CHECK(first_invalid_utf8("\xf4\x90\x80\x80") == 0u);  // above U+10FFFF
  CHECK(first_invalid_utf8("abc\xe2\x82") == 3u);       // cut short at the end
  CHECK(first_invalid_utf8("\xff") == 0u);
  CHECK(first_invalid_utf8("\x80") == 0u);               // lone continuation byte
}

TEST_CASE("terminal_safe makes controls, escapes and bidi overrides visible") {
  CHECK(terminal_safe("María López") == "María López");
  CHECK(terminal_safe("\x1b]0;title\x07\x1b[2J") == "\\e]0;title\\x07\\e[2J");
  CHECK(terminal_safe("a\nb\tc\rd") == "a\\nb\\tc\\rd");
  CHECK(terminal_safe("a\nb\tc", true) == "a\nb\tc");
  CHECK(terminal_safe("a\rb", true) == "a\\rb");
  CHECK(terminal_safe("del\x7f") == "del\\x7f");
  CHECK(terminal_safe("c1 \u009b31m") == "c1 \\x9b31m");
  CHECK(terminal_safe("\u202eevil\u202c") == "<U+202E>evil<U+202C>");
  CHECK(terminal_safe("\u2066x\u2069") == "<U+2066>x<U+2069>");
  CHECK(terminal_safe("zero\u200bwidth") == "zero<U+200B>width");
  CHECK(terminal_safe("bad \xff byte") == "bad \\xff byte");
  CHECK(terminal_safe(std::string("nul\0x", 5)) == "nul\\x00x");
}

TEST_CASE("forbidden_character") {
  CHECK_FALSE(forbidden_character("plain text, María", false));
  CHECK_FALSE(forbidden_character("two\nlines\twith a tab", true));
  CHECK(forbidden_character("a\tb", false) == std::string("the control character U+0009"));
  CHECK(forbidden_character("a\nb", false) == std::string("the control character U+000A"));
  CHECK(forbidden_character("a\rb", true) == std::string("the control character U+000D"));
  CHECK(forbidden_character("\x1b[31m", true) == std::string("the control character U+001B"));
  CHECK(forbidden_character("\x7f", true));
  CHECK(forbidden_character("\u0085", true));
  CHECK(forbidden_character("\u202e", true) == std::string("the control character U+202E"));
  CHECK(forbidden_character("\xc3\x28", true) == std::string("invalid UTF-8"));
}

TEST_CASE("is_valid_id") {
  for (const char* id : {"maria-lopez", "a", "7fk2", "x-2", "abc-def-123"}) CHECK_MESSAGE(is_valid_id(id), id);
  for (std::string id : {"", "-a", "Maria", "a_b", "a.b", "a/b", "..", "../etc/passwd", "a b",
                         "con", "nul", "prn", "aux", "com1", "lpt9", "maria\n", "é"})
    CHECK_MESSAGE(!is_valid_id(id), id);
  CHECK(is_valid_id(std::string(64, 'a')));
  CHECK_FALSE(is_valid_id(std::string(65, 'a')));
  CHECK(is_valid_id("console"));  // only the exact device names are reserved
  CHECK(is_valid_id("com10"));
}

TEST_CASE("slugify") {
  CHECK(slugify("María José Núñez") == "maria-jose-nunez");
  CHECK(slugify("O'Brien, Seán") == "obrien-sean");
  CHECK(slugify("  --Hello--  ") == "hello");
  CHECK(slugify("Straße Øst Łódź") == "strasse-ost-lodz");
  // Other scripts are transliterated (issue 18): Han one syllable per character.
  CHECK(slugify("日本語") == "ri-ben-yu");
  CHECK(slugify("😀 ☃") == "");
  CHECK(slugify("\x1b[31mred") == "31mred");
  CHECK(slugify("bad \xff byte") == "bad-byte");
  CHECK(slugify(std::string(100, 'a') + " b").size() == 64);
  CHECK(is_valid_id(slugify(std::string(63, 'a') + " b")));  // no trailing '-'
}

TEST_CASE("slugify transliterates names in every script") {
  CHECK(slugify("Олена Коваленко") == "olena-kovalenko");
  CHECK(slugify("王小明") == "wang-xiao-ming");
  CHECK(slugify("Ελένη Παπαδοπούλου") == "elene-papadopoulou");
  CHECK(slugify("محمد العلي") == "mhmd-ally");  // the ayn's modifier letter goes like "'"
  CHECK(slugify("דוד כהן") == "dwd-khn");
  CHECK(slugify("やまだ たろう") == "yamada-tarou");
  CHECK(slugify("김민준") == "gimminjun");
  CHECK(slugify("प्रिया शर्मा") == "priya-sarma");
  // A name with Latin letters keeps its Latin part's slug (often the romanisation).
  CHECK(slugify("韓美玲 (Han Mei-ling)") == "han-mei-ling");
  CHECK(slugify("Maria Олена") == "maria");
  Slugger slugger;  // one transliterator for many names gives the same ids
  CHECK(slugger("Олена Коваленко") == "olena-kovalenko");
  CHECK(slugger("王小明") == "wang-xiao-ming");
  CHECK(slugger("María José Núñez") == "maria-jose-nunez");
}

TEST_CASE("Collation orders names by Unicode rules, not bytes") {
  Collation c;
  CHECK(c.key("Ana") < c.key("Émile"));
  CHECK(c.key("Émile") < c.key("Zoe"));
  CHECK(c.key("ana") < c.key("Bob"));  // case does not come first
  CHECK(c.key("Zoe") < c.key("Ελένη"));  // Latin, Greek, Cyrillic... in script order
  CHECK(c.key("Ελένη") < c.key("Олена"));
  CHECK(c.key("Олена") < c.key("王小明"));
  CHECK(c.key("Maria") == c.key("Maria"));
}

TEST_CASE("invisible_character") {
  CHECK_FALSE(invisible_character("María José Núñez"));
  CHECK_FALSE(invisible_character("Олена Коваленко"));
  CHECK_FALSE(invisible_character("प्रिया शर्मा"));
  for (std::string bad : {"Ja\u200Dne", "Ja\u2060ne", "Ja\u00ADne", "Jane\U000E0041",
                          "\u202Eenaj", "Jane\uFE0F", "Ja\u200Bne", "Ja\u200Ene"}) {
    CAPTURE(bad);
    CHECK(invisible_character(bad));
  }
  CHECK(*invisible_character("Ja\u200Dne") ==
        "the invisible character U+200D (zero width joiner)");
}

TEST_CASE("fold") {
  CHECK(fold("María-José") == "maria-jose");
  CHECK(fold("ＡＢＣ") == "abc");
  CHECK(fold("bad \xff") == "bad \xff");
}

TEST_CASE("edit_distance and closest_matches") {
  CHECK(edit_distance("kitten", "sitting") == 3);
  CHECK(edit_distance("", "abc") == 3);
  CHECK(edit_distance("abc", std::string(200, 'x'), 5) == 6);
  CHECK(closest_matches("maria", {"maria-lopez", "mario", "zed"}).front() == "maria-lopez");
  CHECK(closest_matches("zzzzzz", {"maria"}).empty());
}

TEST_CASE("small helpers") {
  CHECK(trim("  a b \t\n") == "a b");
  CHECK(trim(" \n ") == "");
  CHECK(to_lower_ascii("MaRÍA") == "marÍa");
  CHECK(split("a,,b", ',') == std::vector<std::string>{"a", "", "b"});
  CHECK(join({"a", "b"}, ", ") == "a, b");
  CHECK(display_width("日本") == 4);
  CHECK(display_width("abc") == 3);
  CHECK(truncate_to_width("abcdef", 4) == "abc…");
  CHECK(truncate_to_width("日本語", 5) == "日本…");
  CHECK(truncate_to_width("abc", 3) == "abc");
  CHECK(truncate_to_width("bad\xff\xfe", 4) == "bad…");
}
