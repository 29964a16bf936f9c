#pragma once
#include <cstddef>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace peers {

/// Decodes the code point at `text[i]` into `out`; returns its length in bytes, or 0 when the
/// bytes there are not valid UTF-8 (truncated, overlong, a surrogate or past U+10FFFF).
inline std::size_t decode_utf8(std::string_view text, std::size_t i, char32_t& out) {
  const auto* p = reinterpret_cast<const unsigned char*>(text.data()) + i;
  std::size_t left = text.size() - i;
  if (p[0] < 0x80) {
    out = p[0];
    return 1;
  }
  std::size_t len = 0;
  char32_t cp = 0;
  char32_t min = 0;
  if ((p[0] & 0xE0) == 0xC0) {
    len = 2, cp = p[0] & 0x1F, min = 0x80;
  } else if ((p[0] & 0xF0) == 0xE0) {
    len = 3, cp = p[0] & 0x0F, min = 0x800;
  } else if ((p[0] & 0xF8) == 0xF0) {
    len = 4, cp = p[0] & 0x07, min = 0x10000;
  } else {
    return 0;
  }
  if (left < len) return 0;
  for (std::size_t k = 1; k < len; ++k) {
    if ((p[k] & 0xC0) != 0x80) return 0;
    cp = (cp << 6) | (p[k] & 0x3F);
  }
  if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return 0;
  out = cp;
  return len;
}

/// Calls visit(offset, length, code point) for each code point of `text` in order; a byte that
/// is not valid UTF-8 comes alone, without a code point. Stops when visit returns false.
template <typename Visit>
void for_each_code_point(std::string_view text, Visit visit) {
  for (std::size_t i = 0; i < text.size();) {
    char32_t cp = 0;
    std::size_t n = decode_utf8(text, i, cp);
    bool valid = n != 0;
    if (!valid) n = 1;
    if (!visit(i, n, valid ? std::optional<char32_t>(cp) : std::nullopt)) return;
    i += n;
  }
}

/// FNV-1a (64-bit) of `bytes`: a fingerprint that is the same on every machine and every run.
/// `basis` is the standard offset basis unless a caller must keep the fingerprints it made.
constexpr std::uint64_t fnv1a_basis = 14695981039346656037ull;
inline std::uint64_t fnv1a(std::string_view bytes, std::uint64_t basis = fnv1a_basis) {
  std::uint64_t h = basis;
  for (unsigned char c : bytes) {
    h ^= c;
    h *= 1099511628211ull;
  }
  return h;
}

/// Byte offset of the first byte that is not valid UTF-8 (overlongs and surrogates included).
std::optional<std::size_t> first_invalid_utf8(std::string_view text);

/// Lowercase, accents and compatibility forms folded (utf8proc NFKC casefold, marks stripped):
/// "María-José" -> "maria-jose". Invalid UTF-8 is passed through byte by byte.
std::string fold(std::string_view text);
/// Appends `value` unless the list already holds it, compared folded; a value that folds to
/// nothing is left out.
void add_unique_folded(std::vector<std::string>& list, const std::string& value);

/// Folded text with every run of bytes that `separates` turned into one space, none at either
/// end: the shape of name_key and of the keys inbox messages are compared by.
std::string folded_words(std::string_view text, bool (*separates)(char));

/// Folded text with every run of non-alphanumerics turned into one space: how names, aliases
/// and expertise entries are compared ("Work-Study" -> "work study").
std::string name_key(std::string_view text);

/// The id made from a name: folded to lowercase ASCII, every other run of characters -> '-',
/// at most 64 characters. Names in other scripts are transliterated first (ICU's
/// "Any-Latin; Latin-ASCII": "Олена Коваленко" -> "olena-kovalenko", "王小明" ->
/// "wang-xiao-ming", one syllable per Han character). Empty when nothing usable is left.
std::string slugify(std::string_view name);

/// slugify for many names: keeps the ICU transliterator (costly to build, made on the first
/// name that needs it) between calls. Not for use by two threads at once.
class Slugger {
 public:
  Slugger();
  ~Slugger();
  Slugger(const Slugger&) = delete;
  Slugger& operator=(const Slugger&) = delete;
  std::string operator()(std::string_view name);

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

/// Orders text by the Unicode Collation Algorithm (ICU, root locale: the same order whatever
/// the user's locale). Keys compare with std::string's operator<.
class Collation {
 public:
  Collation();
  ~Collation();
  Collation(const Collation&) = delete;
  Collation& operator=(const Collation&) = delete;
  std::string key(std::string_view text) const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

/// ^[a-z0-9][a-z0-9-]{0,63}$ and not a reserved device name (con, nul, com1, ...).
bool is_valid_id(std::string_view id);

/// The string with control characters, escape sequences and bidi/invisible format characters
/// made visible (\e, \x07, <U+202E>), so it cannot take over a terminal. Newlines and tabs
/// are kept when `keep_newlines` is set.
std::string terminal_safe(std::string_view text, bool keep_newlines = false);

/// A description of the first character that user input may not contain (controls other than
/// newline and tab when `multiline`, DEL, C1 controls, bidi overrides), or nothing.
std::optional<std::string> forbidden_character(std::string_view text, bool multiline);

/// A description of the first character a name may not contain besides those of
/// forbidden_character: the invisible ones (Unicode's Default_Ignorable_Code_Point, as UTS #39
/// excludes them from identifiers: U+200D zero width joiner, U+2060 word joiner, U+00AD soft
/// hyphen, tag characters U+E0000..U+E007F, variation selectors...) and bidi controls, which
/// let one name pass for another. Nothing when the name is clean.
std::optional<std::string> invisible_character(std::string_view name);

/// Levenshtein distance, stopping early once it exceeds `limit`.
std::size_t edit_distance(std::string_view a, std::string_view b, std::size_t limit = 64);

/// Up to three candidates close to `wanted` (by edit distance or shared prefix), closest first.
std::vector<std::string> closest_matches(std::string_view wanted,
                                         const std::vector<std::string>& candidates);

std::string trim(std::string_view text);
std::string to_lower_ascii(std::string_view text);
std::vector<std::string> split(std::string_view text, char separator);
std::string join(const std::vector<std::string>& parts, std::string_view separator);

/// Number of terminal columns the UTF-8 string takes (wide East Asian characters count 2).
std::size_t display_width(std::string_view text);
/// Cut to at most `width` columns, ending in "…" when cut.
std::string truncate_to_width(std::string_view text, std::size_t width);

}  // namespace peers
