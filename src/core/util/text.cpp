#include "peers/text.hpp"

#include <unicode/coll.h>
#include <unicode/locid.h>
#include <unicode/translit.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>
#include <utf8proc.h>

#include <algorithm>
#include <array>
#include <cstdint>

#include <fmt/format.h>

namespace peers {
namespace {

/// Appends one case-folded, decomposed code point, spelling out the few letters that do not
/// decompose to ASCII.
void append_folded_letter(char32_t cp, std::string& out) {
  switch (cp) {
    case U'ß': out += "ss"; return;
    case U'æ': out += "ae"; return;
    case U'œ': out += "oe"; return;
    case U'ø': out += "o"; return;
    case U'đ': out += "d"; return;
    case U'ł': out += "l"; return;
    case U'þ': out += "th"; return;
    case U'ı': out += "i"; return;
    case U'\u2019': out += "'"; return;
    default: {
      utf8proc_uint8_t bytes[4];
      utf8proc_ssize_t len = utf8proc_encode_char(static_cast<utf8proc_int32_t>(cp), bytes);
      out.append(reinterpret_cast<const char*>(bytes), static_cast<std::size_t>(len));
    }
  }
}

std::size_t char_width(char32_t cp) {
  return static_cast<std::size_t>(std::max(utf8proc_charwidth(static_cast<utf8proc_int32_t>(cp)), 0));
}

bool is_bidi_or_invisible(char32_t cp) {
  return (cp >= 0x202A && cp <= 0x202E) || (cp >= 0x2066 && cp <= 0x2069) || cp == 0x200E ||
         cp == 0x200F || cp == 0x061C || cp == 0x2028 || cp == 0x2029 || cp == 0xFEFF ||
         cp == 0x200B;
}

bool is_control(char32_t cp) { return cp < 0x20 || cp == 0x7F || (cp >= 0x80 && cp <= 0x9F); }

constexpr std::array<std::string_view, 22> reserved_names = {
    "con",  "prn",  "aux",  "nul",  "com1", "com2", "com3", "com4", "com5", "com6", "com7",
    "com8", "com9", "lpt1", "lpt2", "lpt3", "lpt4", "lpt5", "lpt6", "lpt7", "lpt8", "lpt9"};

}  // namespace

std::optional<std::size_t> first_invalid_utf8(std::string_view text) {
  std::optional<std::size_t> found;
  for_each_code_point(text, [&](std::size_t at, std::size_t, std::optional<char32_t> cp) {
    if (!cp) found = at;
    return cp.has_value();
  });
  return found;
}

std::string fold(std::string_view text) {
  static constexpr auto options = static_cast<utf8proc_option_t>(
      UTF8PROC_COMPAT | UTF8PROC_DECOMPOSE | UTF8PROC_CASEFOLD | UTF8PROC_STRIPMARK);
  std::string out;
  out.reserve(text.size());
  for_each_code_point(text, [&](std::size_t at, std::size_t, std::optional<char32_t> cp) {
    if (!cp) {
      out += text[at];
    } else if (*cp < 0x80) {
      char c = static_cast<char>(*cp);
      out += (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
    } else {
      utf8proc_int32_t parts[16];
      utf8proc_ssize_t count =
          utf8proc_decompose_char(static_cast<utf8proc_int32_t>(*cp), parts, 16, options, nullptr);
      for (utf8proc_ssize_t k = 0; count <= 16 && k < count; ++k)
        append_folded_letter(static_cast<char32_t>(parts[k]), out);
    }
    return true;
  });
  return out;
}

void add_unique_folded(std::vector<std::string>& list, const std::string& value) {
  std::string key = fold(value);
  if (key.empty()) return;
  for (const auto& v : list)
    if (fold(v) == key) return;
  list.push_back(value);
}

std::string folded_words(std::string_view text, bool (*separates)(char)) {
  std::string out;
  bool space = false;
  for (char c : fold(text)) {
    if (separates(c)) {
      space = !out.empty();
      continue;
    }
    if (space) out += ' ';
    space = false;
    out += c;
  }
  return out;
}

std::string name_key(std::string_view text) {
  return folded_words(text, [](char c) {
    bool word = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ||
                static_cast<unsigned char>(c) >= 0x80;
    return !word;
  });
}

namespace {

/// The slug of text already folded: runs of anything but [a-z0-9] -> '-', apostrophes dropped.
std::string slug_of_folded(std::string_view folded) {
  std::string slug;
  bool pending_dash = false;
  for (char c : folded) {
    bool keep = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
    if (c == '\'') continue;  // "O'Brien" -> "obrien"
    if (!keep) {
      pending_dash = !slug.empty();
      continue;
    }
    if (pending_dash) slug += '-';
    pending_dash = false;
    slug += c;
  }
  if (slug.size() > 64) {
    slug.resize(64);
    while (!slug.empty() && slug.back() == '-') slug.pop_back();
  }
  return slug;
}

bool is_ascii(std::string_view text) {
  return std::all_of(text.begin(), text.end(),
                     [](char c) { return static_cast<unsigned char>(c) < 0x80; });
}

}  // namespace

struct Slugger::Impl {
  std::unique_ptr<icu::Transliterator> latin;
  bool tried = false;
};

Slugger::Slugger() : impl_(std::make_unique<Impl>()) {}
Slugger::~Slugger() = default;

std::string Slugger::operator()(std::string_view name) {
  // A name with Latin letters or digits keeps the slug it always had: "韓美玲 (Han Mei-ling)"
  // -> "han-mei-ling", written by the person who wrote the name. Only names without any are
  // transliterated.
  std::string folded = fold(name);
  std::string slug = slug_of_folded(folded);
  if (!slug.empty() || is_ascii(folded)) return slug;
  if (!impl_->tried) {
    impl_->tried = true;
    UErrorCode status = U_ZERO_ERROR;
    impl_->latin.reset(icu::Transliterator::createInstance("Any-Latin; Latin-ASCII",
                                                           UTRANS_FORWARD, status));
    if (U_FAILURE(status)) impl_->latin.reset();
  }
  if (!impl_->latin) return slug;
  icu::UnicodeString text = icu::UnicodeString::fromUTF8(
      icu::StringPiece(name.data(), static_cast<int32_t>(name.size())));
  impl_->latin->transliterate(text);
  // Modifier letters left by some transliterations (Arabic ayn "ʿ", "ʼ") go like apostrophes.
  icu::UnicodeString kept;
  for (int32_t i = 0; i < text.length();) {
    UChar32 cp = text.char32At(i);
    i += U16_LENGTH(cp);
    auto type = u_charType(cp);
    if (cp >= 0x80 && (type == U_MODIFIER_LETTER || type == U_MODIFIER_SYMBOL)) continue;
    kept.append(cp);
  }
  std::string latin;
  kept.toUTF8String(latin);
  return slug_of_folded(fold(latin));
}

std::string slugify(std::string_view name) {
  Slugger slugger;
  return slugger(name);
}

struct Collation::Impl {
  std::unique_ptr<icu::Collator> collator;
};

Collation::Collation() : impl_(std::make_unique<Impl>()) {
  UErrorCode status = U_ZERO_ERROR;
  impl_->collator.reset(icu::Collator::createInstance(icu::Locale::getRoot(), status));
  if (U_FAILURE(status)) impl_->collator.reset();
}
Collation::~Collation() = default;

std::string Collation::key(std::string_view text) const {
  if (!impl_->collator) return fold(text);
  icu::UnicodeString u = icu::UnicodeString::fromUTF8(
      icu::StringPiece(text.data(), static_cast<int32_t>(text.size())));
  std::string key(64, '\0');
  for (int attempt = 0; attempt < 2; ++attempt) {
    int32_t n = impl_->collator->getSortKey(u, reinterpret_cast<uint8_t*>(key.data()),
                                            static_cast<int32_t>(key.size()));
    if (n <= static_cast<int32_t>(key.size())) {
      key.resize(n > 0 ? static_cast<std::size_t>(n) - 1 : 0);  // without the final NUL
      return key;
    }
    key.assign(static_cast<std::size_t>(n), '\0');
  }
  return fold(text);
}

bool is_valid_id(std::string_view id) {
  if (id.empty() || id.size() > 64) return false;
  auto ok = [](char c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'); };
  if (!ok(id[0])) return false;
  for (char c : id)
    if (!ok(c) && c != '-') return false;
  std::string_view stem = id.substr(0, id.find('.'));
  return std::find(reserved_names.begin(), reserved_names.end(), stem) == reserved_names.end();
}

std::string terminal_safe(std::string_view text, bool keep_newlines) {
  // Printable ASCII, most of what is shown, is kept as it is.
  if (std::all_of(text.begin(), text.end(), [](char c) { return c >= 0x20 && c < 0x7F; }))
    return std::string(text);
  std::string out;
  out.reserve(text.size());
  for_each_code_point(text, [&](std::size_t at, std::size_t n, std::optional<char32_t> cp) {
    if (!cp) {
      out += fmt::format("\\x{:02x}", static_cast<unsigned char>(text[at]));
    } else if (keep_newlines && (*cp == '\n' || *cp == '\t')) {
      out += static_cast<char>(*cp);
    } else if (*cp == 0x1B) {
      out += "\\e";
    } else if (*cp == '\n') {
      out += "\\n";
    } else if (*cp == '\t') {
      out += "\\t";
    } else if (*cp == '\r') {
      out += "\\r";
    } else if (is_control(*cp)) {
      out += fmt::format("\\x{:02x}", static_cast<unsigned>(*cp));
    } else if (is_bidi_or_invisible(*cp)) {
      out += fmt::format("<U+{:04X}>", static_cast<unsigned>(*cp));
    } else {
      out.append(text, at, n);
    }
    return true;
  });
  return out;
}

std::optional<std::string> forbidden_character(std::string_view text, bool multiline) {
  std::optional<std::string> found;
  for_each_code_point(text, [&](std::size_t, std::size_t, std::optional<char32_t> cp) {
    if (!cp) {
      found = "invalid UTF-8";
    } else if (!(multiline && (*cp == '\n' || *cp == '\t')) &&
               (is_control(*cp) || is_bidi_or_invisible(*cp))) {
      found = fmt::format("the control character U+{:04X}", static_cast<unsigned>(*cp));
    }
    return !found;
  });
  return found;
}

std::optional<std::string> invisible_character(std::string_view name) {
  std::optional<std::string> found;
  for_each_code_point(name, [&](std::size_t, std::size_t, std::optional<char32_t> cp) {
    if (!cp) {
      found = "invalid UTF-8";
      return false;
    }
    auto c = static_cast<UChar32>(*cp);
    if (!is_bidi_or_invisible(*cp) && !u_hasBinaryProperty(c, UCHAR_DEFAULT_IGNORABLE_CODE_POINT) &&
        !u_hasBinaryProperty(c, UCHAR_BIDI_CONTROL))
      return true;
    char label[128] = {};
    UErrorCode status = U_ZERO_ERROR;
    u_charName(c, U_UNICODE_CHAR_NAME, label, sizeof label, &status);
    std::string what = U_SUCCESS(status) && label[0] ? " (" + to_lower_ascii(label) + ")" : "";
    found = fmt::format("the invisible character U+{:04X}{}", static_cast<unsigned>(*cp), what);
    return false;
  });
  return found;
}

std::size_t edit_distance(std::string_view a, std::string_view b, std::size_t limit) {
  // Optimal string alignment: insertions, deletions, substitutions and adjacent swaps ("lsit").
  if (a.size() > b.size()) std::swap(a, b);
  if (b.size() - a.size() > limit) return limit + 1;
  std::vector<std::size_t> before(a.size() + 1), prev(a.size() + 1), cur(a.size() + 1);
  for (std::size_t i = 0; i <= a.size(); ++i) prev[i] = i;
  for (std::size_t j = 1; j <= b.size(); ++j) {
    cur[0] = j;
    std::size_t row_min = cur[0];
    for (std::size_t i = 1; i <= a.size(); ++i) {
      std::size_t cost = a[i - 1] == b[j - 1] ? 0 : 1;
      cur[i] = std::min({prev[i] + 1, cur[i - 1] + 1, prev[i - 1] + cost});
      if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
        cur[i] = std::min(cur[i], before[i - 2] + 1);
      row_min = std::min(row_min, cur[i]);
    }
    if (row_min > limit) return limit + 1;
    std::swap(before, prev);
    std::swap(prev, cur);
  }
  return prev[a.size()];
}

std::vector<std::string> closest_matches(std::string_view wanted,
                                         const std::vector<std::string>& candidates) {
  std::vector<std::pair<std::size_t, std::string>> scored;
  std::size_t limit = std::max<std::size_t>(2, wanted.size() / 3);
  for (const auto& c : candidates) {
    std::size_t d = edit_distance(wanted, c.substr(0, std::max(wanted.size(), c.size())), limit);
    std::size_t prefix_d = edit_distance(wanted, c.substr(0, wanted.size()), limit);
    d = std::min(d, prefix_d + 1);
    if (d <= limit) scored.emplace_back(d, c);
  }
  std::stable_sort(scored.begin(), scored.end(),
                   [](const auto& x, const auto& y) { return x.first < y.first; });
  std::vector<std::string> out;
  for (std::size_t i = 0; i < scored.size() && i < 3; ++i) out.push_back(scored[i].second);
  return out;
}

std::string trim(std::string_view text) {
  std::size_t b = text.find_first_not_of(" \t\r\n");
  if (b == std::string_view::npos) return {};
  std::size_t e = text.find_last_not_of(" \t\r\n");
  return std::string(text.substr(b, e - b + 1));
}

std::string to_lower_ascii(std::string_view text) {
  std::string out(text);
  for (char& c : out)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return out;
}

std::vector<std::string> split(std::string_view text, char separator) {
  std::vector<std::string> parts;
  std::size_t start = 0;
  while (true) {
    std::size_t end = text.find(separator, start);
    parts.emplace_back(text.substr(start, end - start));
    if (end == std::string_view::npos) break;
    start = end + 1;
  }
  return parts;
}

std::string join(const std::vector<std::string>& parts, std::string_view separator) {
  std::string out;
  for (std::size_t i = 0; i < parts.size(); ++i) {
    if (i) out += separator;
    out += parts[i];
  }
  return out;
}

std::size_t display_width(std::string_view text) {
  std::size_t width = 0;
  for_each_code_point(text, [&](std::size_t, std::size_t, std::optional<char32_t> cp) {
    width += cp ? char_width(*cp) : 1;
    return true;
  });
  return width;
}

std::string truncate_to_width(std::string_view text, std::size_t width) {
  if (display_width(text) <= width) return std::string(text);
  if (width == 0) return {};
  std::string out;
  std::size_t used = 0;
  for_each_code_point(text, [&](std::size_t at, std::size_t n, std::optional<char32_t> cp) {
    std::size_t w = cp ? char_width(*cp) : 1;
    if (used + w > width - 1) return false;
    out.append(text, at, n);
    used += w;
    return true;
  });
  return out + "…";
}

}  // namespace peers
