#include <algorithm>

#include <fmt/format.h>

#include "peers/contacts.hpp"
#include "peers/text.hpp"

namespace peers {
namespace {

/// One logical line of a vCard after unfolding, with the physical line it starts on.
struct Line {
  int number = 0;
  std::string text;
};

struct Property {
  std::string group;                                       // upper case: "ITEM1" of item1.TEL
  std::string name;                                        // upper case, group removed
  std::vector<std::pair<std::string, std::string>> params; // upper-case key -> value
  std::string value;
};

bool starts_with_ci(std::string_view text, std::string_view prefix) {
  return text.size() >= prefix.size() && to_lower_ascii(text.substr(0, prefix.size())) ==
                                              to_lower_ascii(prefix);
}

std::string upper(std::string_view text) {
  std::string out(text);
  for (auto& c : out)
    if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
  return out;
}

/// The part of a line before its first ':' that is not inside a quoted parameter value.
std::optional<std::size_t> value_colon(std::string_view text) {
  bool quoted = false;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '"') quoted = !quoted;
    else if (text[i] == ':' && !quoted) return i;
  }
  return std::nullopt;
}

bool is_quoted_printable(std::string_view text) {
  auto colon = value_colon(text);
  return colon && upper(text.substr(0, *colon)).find("QUOTED-PRINTABLE") != std::string::npos;
}

/// Physical lines joined: a line starting with a space or tab continues the one before
/// (RFC 6350 folding), and a quoted-printable value ending in '=' continues on the next line.
std::vector<Line> unfold(std::string_view text) {
  std::vector<Line> lines;
  int number = 0;
  bool soft_break = false;
  std::size_t start = 0;
  while (start < text.size()) {
    std::size_t end = text.find('\n', start);
    if (end == std::string_view::npos) end = text.size();
    std::string_view physical = text.substr(start, end - start);
    if (!physical.empty() && physical.back() == '\r') physical.remove_suffix(1);
    start = end + 1;
    ++number;
    if (soft_break && !lines.empty()) {
      lines.back().text += physical;
    } else if (!physical.empty() && (physical[0] == ' ' || physical[0] == '\t') &&
               !lines.empty()) {
      lines.back().text += physical.substr(1);
    } else {
      lines.push_back({number, std::string(physical)});
    }
    Line& last = lines.back();
    soft_break = !last.text.empty() && last.text.back() == '=' && is_quoted_printable(last.text);
    if (soft_break) last.text.pop_back();
  }
  return lines;
}

std::vector<std::string> split_unquoted(std::string_view text, char separator) {
  std::vector<std::string> parts(1);
  bool quoted = false;
  for (char c : text) {
    if (c == '"') quoted = !quoted;
    if (c == separator && !quoted) parts.emplace_back();
    else parts.back() += c;
  }
  return parts;
}

std::optional<Property> parse_property(std::string_view text) {
  auto colon = value_colon(text);
  if (!colon) return std::nullopt;
  Property p;
  p.value = std::string(text.substr(*colon + 1));
  auto head = split_unquoted(text.substr(0, *colon), ';');
  std::string name = head[0];
  if (auto dot = name.rfind('.'); dot != std::string::npos) {
    p.group = upper(trim(name.substr(0, dot)));
    name = name.substr(dot + 1);
  }
  p.name = upper(trim(name));
  if (p.name.empty()) return std::nullopt;
  for (std::size_t i = 1; i < head.size(); ++i) {
    std::string param = head[i];
    auto eq = param.find('=');
    if (eq == std::string::npos) {
      // vCard 2.1 bare parameters: "WORK", "PREF", "QUOTED-PRINTABLE".
      std::string bare = upper(trim(param));
      if (bare == "QUOTED-PRINTABLE" || bare == "BASE64" || bare == "8BIT")
        p.params.emplace_back("ENCODING", bare);
      else
        p.params.emplace_back("TYPE", bare);
      continue;
    }
    std::string value = trim(param.substr(eq + 1));
    if (value.size() >= 2 && value.front() == '"' && value.back() == '"')
      value = value.substr(1, value.size() - 2);
    p.params.emplace_back(upper(trim(param.substr(0, eq))), value);
  }
  return p;
}

std::string param(const Property& p, std::string_view key) {
  for (const auto& [k, v] : p.params)
    if (k == key) return v;
  return {};
}

/// Every TYPE value, upper case ("TYPE=INTERNET,WORK;TYPE=pref" -> INTERNET, WORK, PREF).
std::vector<std::string> types(const Property& p) {
  std::vector<std::string> out;
  for (const auto& [k, v] : p.params)
    if (k == "TYPE")
      for (const auto& t : split(v, ',')) out.push_back(upper(trim(t)));
  return out;
}

bool has_type(const Property& p, std::string_view wanted) {
  auto all = types(p);
  return std::find(all.begin(), all.end(), wanted) != all.end();
}

int hex_digit(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  return -1;
}

std::string decode_quoted_printable(std::string_view text) {
  std::string out;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '=' && i + 2 < text.size() && hex_digit(text[i + 1]) >= 0 &&
        hex_digit(text[i + 2]) >= 0) {
      out += static_cast<char>(hex_digit(text[i + 1]) * 16 + hex_digit(text[i + 2]));
      i += 2;
    } else {
      out += text[i];
    }
  }
  // "=0D=0A" line breaks become plain newlines.
  std::string lf;
  for (std::size_t i = 0; i < out.size(); ++i)
    if (!(out[i] == '\r' && i + 1 < out.size() && out[i + 1] == '\n')) lf += out[i];
  return lf;
}

std::string latin1_to_utf8(std::string_view text) {
  std::string out;
  for (unsigned char c : text) {
    if (c < 0x80) {
      out += static_cast<char>(c);
    } else {
      out += static_cast<char>(0xC0 | (c >> 6));
      out += static_cast<char>(0x80 | (c & 0x3F));
    }
  }
  return out;
}

/// Splits on `separator` where it is not escaped with a backslash, then unescapes each part
/// (\n -> newline, \, -> ',', \; -> ';', \\ -> '\').
std::vector<std::string> split_escaped(std::string_view text, char separator) {
  std::vector<std::string> parts(1);
  for (std::size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    if (c == '\\' && i + 1 < text.size()) {
      char next = text[++i];
      parts.back() += (next == 'n' || next == 'N') ? '\n' : next;
    } else if (c == separator) {
      parts.emplace_back();
    } else {
      parts.back() += c;
    }
  }
  return parts;
}

std::string unescape(std::string_view text) { return split_escaped(text, '\0').front(); }

/// An email or a phone of a card, with its types and whether it was marked preferred.
struct TypedValue {
  std::string value;
  std::string type;   // "work", "home, fax", ... (peers' words, lower case), or a label
  std::string group;  // Apple's item group ("ITEM1"), whose X-ABLabel is the type
  bool preferred = false;
};

/// A card being read: the person, plus every email and phone with their types.
struct Card {
  int line = 0;
  Person person;
  std::string structured_name;
  NameParts parts;
  bool has_parts = false;
  std::vector<TypedValue> emails, phones;
  std::vector<std::pair<std::string, std::string>> labels;  // group -> X-ABLabel
  bool org_is_store = false;  // X-PEERS-ORG:store, ORG's first part is not theirs
};

bool is_preferred(const Property& p) {
  return has_type(p, "PREF") || param(p, "PREF") == "1";
}

/// The TYPE words peers keeps, in its words: CELL -> mobile; INTERNET, PREF, VOICE and X-
/// words (which say nothing to a reader) are left out.
std::string type_words(const Property& p) {
  std::vector<std::string> out;
  for (const auto& t : types(p)) {
    if (t.empty() || t == "INTERNET" || t == "PREF" || t == "VOICE" || t == "X400" ||
        t.rfind("X-", 0) == 0)
      continue;
    std::string word = t == "CELL" ? "mobile" : to_lower_ascii(t);
    bool letters = std::all_of(word.begin(), word.end(),
                               [](char c) { return (c >= 'a' && c <= 'z') || c == '-'; });
    if (letters && std::find(out.begin(), out.end(), word) == out.end()) out.push_back(word);
  }
  return join(out, ", ");
}

void add_typed(std::vector<TypedValue>& list, const std::string& value, const Property& p) {
  for (const auto& have : list)
    if (fold(have.value) == fold(value)) return;
  list.push_back({value, type_words(p), p.group, is_preferred(p)});
}

/// Apple's labels (item1.X-ABLabel) become the types of the values in their groups; then the
/// best ranked value becomes `main` (the first on a tie: the preferred one, else for phones a
/// work one), the others `typed` items.
void place_typed(std::vector<TypedValue> values, const Card& card, bool prefer_work,
                 std::string& main, std::vector<std::string>& others) {
  if (values.empty()) return;
  for (auto& v : values)
    for (const auto& [group, label] : card.labels)
      if (!v.group.empty() && group == v.group && !type_from_label(label).empty())
        v.type = type_from_label(label);
  auto rank = [&](const TypedValue& v) {
    if (v.preferred) return 2;
    auto words = split(v.type, ',');
    bool work = std::any_of(words.begin(), words.end(),
                            [](const std::string& w) { return trim(w) == "work"; });
    return prefer_work && work ? 1 : 0;
  };
  std::size_t best = 0;
  for (std::size_t i = 1; i < values.size(); ++i)
    if (rank(values[i]) > rank(values[best])) best = i;
  main = main_typed_value(values[best].value, values[best].type);
  for (std::size_t i = 0; i < values.size(); ++i)
    if (i != best) others.push_back(typed_value(values[i].value, values[i].type));
}

void apply(Card& card, const Property& p, const std::string& value) {
  Person& person = card.person;
  const std::string& name = p.name;
  if (name == "FN") {
    person.name = trim(unescape(value));
  } else if (name == "N") {
    auto parts = split_escaped(value, ';');
    parts.resize(5);
    std::vector<std::string> words;
    for (int i : {1, 2, 0})
      for (const auto& w : split(parts[i], ','))
        if (!trim(w).empty()) words.push_back(trim(w));
    card.structured_name = join(words, " ");
    // Several values in one part ("Mary,Ann") are kept as written with spaces.
    auto part = [&](int i) {
      std::vector<std::string> values;
      for (const auto& w : split(parts[i], ','))
        if (!trim(w).empty()) values.push_back(trim(w));
      return join(values, " ");
    };
    card.parts = {part(1), part(2), part(0), part(3), part(4)};
    card.has_parts = true;
  } else if (name == "NICKNAME") {
    for (const auto& nick : split_escaped(value, ','))
      add_unique_folded(person.nicknames, trim(nick));
  } else if (name == "ORG") {
    auto parts = split_escaped(value, ';');
    if (person.organization.empty()) person.organization = trim(parts[0]);
    if (parts.size() > 1 && person.department.empty()) person.department = trim(parts[1]);
  } else if (name == "TITLE") {
    person.title = trim(unescape(value));
  } else if (name == "EMAIL") {
    std::string email = trim(unescape(value));
    if (starts_with_ci(email, "mailto:")) email = email.substr(7);
    if (email.empty()) return;
    add_typed(card.emails, email, p);
  } else if (name == "TEL") {
    std::string phone = trim(unescape(value));
    if (starts_with_ci(phone, "tel:")) phone = phone.substr(4);
    if (phone.empty()) return;
    add_typed(card.phones, phone, p);
  } else if (name == "X-ABLABEL") {
    if (!p.group.empty()) card.labels.emplace_back(p.group, trim(unescape(value)));
  } else if (name == "NOTE") {
    std::string note = trim(unescape(value));
    if (!note.empty()) person.notes += (person.notes.empty() ? "" : "\n") + note;
  } else if (name == "CATEGORIES") {
    for (const auto& tag : split_escaped(value, ',')) {
      std::string t = trim(tag);
      std::string folded = fold(t);
      if (folded == "mycontacts" || folded == "starred") continue;  // Google's own groups
      add_unique_folded(person.tags, t);
    }
  } else if (name == "X-PEERS-EXPERTISE") {
    for (const auto& topic : split_escaped(value, ','))
      add_unique_folded(person.expertise, trim(topic));
  } else if (name == "X-PEERS-MET") {
    person.met = Date::parse(trim(value));
  } else if (name == "X-PEERS-STATUS") {
    std::string status = to_lower_ascii(trim(value));
    if (status == "left" || status == "active") person.status = status;
  } else if (name == "X-PEERS-ORG") {
    card.org_is_store = to_lower_ascii(trim(value)) == "store";
  } else if (name == "X-PEERS-ID") {
    person.id = trim(value);
  } else if (name == "X-SOCIALPROFILE") {
    auto all = types(p);
    std::string network = all.empty() ? "" : to_lower_ascii(all.front());
    std::string handle = param(p, "X-USER");
    if (handle.empty()) handle = trim(unescape(value));
    if (network.empty() || handle.empty()) return;
    auto it = std::find_if(person.handles.begin(), person.handles.end(),
                           [&](const auto& h) { return h.first == network; });
    if (it == person.handles.end()) person.handles.emplace_back(network, handle);
  }
}

bool is_known(std::string_view name) {
  static const std::vector<std::string_view> known = {
      "FN", "N", "NICKNAME", "ORG", "TITLE", "EMAIL", "TEL", "NOTE", "CATEGORIES", "X-PEERS-EXPERTISE",
      "X-PEERS-MET", "X-PEERS-STATUS", "X-PEERS-ID", "X-PEERS-ORG", "X-SOCIALPROFILE", "X-ABLABEL"};
  return std::find(known.begin(), known.end(), name) != known.end();
}

}  // namespace

ContactsFile parse_vcards(std::string_view text) {
  if (text.substr(0, 3) == "\xEF\xBB\xBF") text.remove_prefix(3);
  ContactsFile result;
  std::optional<Card> card;
  auto finish = [&](int end_line) {
    Person& person = card->person;
    if (person.name.empty()) person.name = card->structured_name;
    if (card->org_is_store) person.organization.clear();
    place_typed(card->emails, *card, false, person.email, person.emails);
    place_typed(card->phones, *card, true, person.phone, person.phones);
    if (card->has_parts) person.name_parts = name_parts_to_keep(person.name, card->parts);
    if (person.name.empty())
      result.problems.push_back({card->line, "a card with no name (FN or N); skipped"});
    else
      result.contacts.push_back({std::move(person), card->line});
    (void)end_line;
    card.reset();
  };
  // A binary value (a base64 PHOTO, LOGO, SOUND, KEY) is not imported; vCard 2.1 writers
  // continue it on lines that are not indented, up to a blank line. One note for the file.
  bool in_binary = false;
  bool binary_noted = false;
  for (const Line& line : unfold(text)) {
    if (trim(line.text).empty()) {
      in_binary = false;
      continue;
    }
    auto property = parse_property(line.text);
    if (!property && in_binary) continue;
    in_binary = false;
    if (!property) {
      result.problems.push_back({line.number, "not a vCard property (no ':'); line skipped"});
      continue;
    }
    std::string encoding = upper(param(*property, "ENCODING"));
    if (encoding == "BASE64" || encoding == "B" || upper(param(*property, "VALUE")) == "BINARY") {
      in_binary = true;
      if (!binary_noted && card) {
        binary_noted = true;
        result.problems.push_back(
            {line.number,
             fmt::format("{} and other binary values (base64) are not imported; the rest of "
                         "the card is (said once per file)",
                         property->name),
             true});
      }
      continue;
    }
    std::string value = trim(property->value);
    if (property->name == "BEGIN" && upper(value) == "VCARD") {
      if (card) {
        result.problems.push_back(
            {card->line, fmt::format("the card has no END:VCARD before line {}", line.number)});
        finish(line.number);
      }
      card.emplace();
      card->line = line.number;
      continue;
    }
    if (property->name == "END" && upper(value) == "VCARD") {
      if (card) finish(line.number);
      else result.problems.push_back({line.number, "END:VCARD without BEGIN:VCARD"});
      continue;
    }
    if (!card) {
      result.problems.push_back({line.number, "text outside a card (BEGIN:VCARD ... END:VCARD); "
                                              "line skipped"});
      continue;
    }
    if (!is_known(property->name)) continue;
    std::string raw = property->value;
    if (upper(param(*property, "ENCODING")) == "QUOTED-PRINTABLE")
      raw = decode_quoted_printable(raw);
    std::string charset = upper(param(*property, "CHARSET"));
    if (charset == "ISO-8859-1" || charset == "WINDOWS-1252" || charset == "LATIN1")
      raw = latin1_to_utf8(raw);
    if (first_invalid_utf8(raw)) {
      result.problems.push_back({line.number, "not UTF-8 text; line skipped"});
      continue;
    }
    apply(*card, *property, raw);
  }
  if (card) {
    result.problems.push_back({card->line, "the card has no END:VCARD"});
    finish(0);
  }
  return result;
}

namespace {

std::string escape_text(std::string_view text, bool escape_comma = true) {
  std::string out;
  for (char c : text) {
    if (c == '\\') out += "\\\\";
    else if (c == '\n') out += "\\n";
    else if (c == ';') out += "\\;";
    else if (c == ',' && escape_comma) out += "\\,";
    else out += c;
  }
  return out;
}

/// Folds a content line at 75 octets without cutting a UTF-8 character (RFC 6350 3.2).
std::string fold_line(const std::string& line) {
  std::string out;
  std::size_t width = 0;
  std::size_t limit = 75;
  for (std::size_t i = 0; i < line.size();) {
    std::size_t len = 1;
    auto c = static_cast<unsigned char>(line[i]);
    if (c >= 0xF0) len = 4;
    else if (c >= 0xE0) len = 3;
    else if (c >= 0xC0) len = 2;
    if (width + len > limit) {
      out += "\r\n ";
      width = 1;
      limit = 75;
    }
    out.append(line, i, len);
    width += len;
    i += len;
  }
  return out + "\r\n";
}

/// A parameter value, quoted when it holds a character that would end it.
std::string quote_param(const std::string& value) {
  std::string clean;
  for (char c : value)
    if (c != '"') clean += c;
  return clean.find_first_of(";:,") == std::string::npos ? clean : '"' + clean + '"';
}

/// The TYPE words of vCard (RFC 2426, 6350) and those Apple and Google add, as peers writes
/// them; "mobile" is CELL.
const std::vector<std::string_view>& vcard_type_words() {
  static const std::vector<std::string_view> words = {
      "WORK", "HOME",  "CELL", "FAX",  "PAGER", "VOICE", "TEXT",   "VIDEO",     "MSG",
      "CAR",  "ISDN",  "PCS",  "BBS",  "MODEM", "MAIN",  "OTHER",  "TEXTPHONE", "IPHONE",
      "INTERNET", "X400"};
  return words;
}

/// A TYPE parameter for peers' type words ("home, fax" -> HOME,FAX; mobile -> CELL), or
/// `fallback` when there are none; nothing when a word is not a vCard one (a label of the
/// user's own, written as Apple does: see typed_property).
std::optional<std::string> vcard_types(const char* fallback, const std::string& type) {
  std::vector<std::string> out;
  for (const auto& word : split(type, ',')) {
    std::string w = upper(trim(word));
    if (w == "MOBILE") w = "CELL";
    if (w.empty()) continue;
    const auto& known = vcard_type_words();
    if (std::find(known.begin(), known.end(), w) == known.end()) return std::nullopt;
    out.push_back(w);
  }
  if (out.empty()) return fallback;
  if (std::string(fallback) == "INTERNET" && out.front() != "INTERNET")
    out.insert(out.begin(), "INTERNET");
  return join(out, ",");
}

/// An EMAIL or TEL line (`name`) for a value and its type. A type vCard has words for goes
/// into TYPE; another (a label such as "Studio") into Apple's `itemN.X-ABLabel` next to an
/// `itemN.` property, which Apple, Google and peers read back. The main value is marked PREF
/// when it has a type of its own, so that it is read back as the main one.
std::string typed_property(const char* name, const char* fallback, const std::string& value,
                           const std::string& type, bool main, int& groups) {
  std::string pref = main && !type.empty() ? ",PREF" : "";
  if (auto types = vcard_types(fallback, type))
    return fold_line(std::string(name) + ";TYPE=" + *types + pref + ":" + escape_text(value));
  std::string group = fmt::format("item{}.", ++groups);
  return fold_line(group + name + ";TYPE=" + fallback + pref + ":" + escape_text(value)) +
         fold_line(group + "X-ABLabel:" + escape_text(type));
}

std::string join_escaped(const std::vector<std::string>& items) {
  std::vector<std::string> escaped;
  for (const auto& item : items) escaped.push_back(escape_text(item));
  return join(escaped, ",");
}

}  // namespace

std::string write_vcards(const std::vector<Person>& people, std::string_view organisation) {
  std::string out;
  for (const Person& p : people) {
    auto line = [&](const std::string& text) { out += fold_line(text); };
    line("BEGIN:VCARD");
    line("VERSION:3.0");
    line("FN:" + escape_text(p.name));
    NameParts n = name_parts_of(p);
    line("N:" + escape_text(n.family) + ";" + escape_text(n.given) + ";" + escape_text(n.middle) +
         ";" + escape_text(n.prefix) + ";" + escape_text(n.suffix));
    if (!p.nicknames.empty()) line("NICKNAME:" + join_escaped(p.nicknames));
    // ORG: the person's organisation, else the store's (with the department as the unit).
    // X-PEERS-ORG:store says the first part is the store's name, so peers reads no
    // organization of theirs back.
    std::string org = p.organization.empty() ? std::string(organisation) : p.organization;
    if (!p.department.empty() || !org.empty())
      line("ORG:" + escape_text(org) +
           (p.department.empty() ? "" : ";" + escape_text(p.department)));
    if (p.organization.empty() && !organisation.empty()) line("X-PEERS-ORG:store");
    if (!p.title.empty()) line("TITLE:" + escape_text(p.title));
    // The main email and phone without a type are work ones.
    int groups = 0;
    if (auto [value, type] = split_typed_value(p.email); !value.empty())
      out += type.empty() ? fold_line("EMAIL;TYPE=INTERNET,WORK:" + escape_text(value))
                          : typed_property("EMAIL", "INTERNET", value, type, true, groups);
    for (const auto& item : p.emails) {
      auto [value, type] = split_typed_value(item);
      out += typed_property("EMAIL", "INTERNET", value, type, false, groups);
    }
    if (auto [value, type] = split_typed_value(p.phone); !value.empty())
      out += type.empty() ? fold_line("TEL;TYPE=WORK,VOICE:" + escape_text(value))
                          : typed_property("TEL", "VOICE", value, type, true, groups);
    for (const auto& item : p.phones) {
      auto [value, type] = split_typed_value(item);
      out += typed_property("TEL", "VOICE", value, type, false, groups);
    }
    for (const auto& [network, handle] : p.handles)
      line("X-SOCIALPROFILE;TYPE=" + quote_param(network) + ":" + escape_text(handle));
    if (!p.tags.empty()) line("CATEGORIES:" + join_escaped(p.tags));
    if (!p.notes.empty()) line("NOTE:" + escape_text(p.notes));
    if (!p.id.empty()) line("X-PEERS-ID:" + p.id);
    if (!p.expertise.empty()) line("X-PEERS-EXPERTISE:" + join_escaped(p.expertise));
    if (p.met) line("X-PEERS-MET:" + p.met->str());
    if (p.status != "active") line("X-PEERS-STATUS:" + p.status);
    line("END:VCARD");
  }
  return out;
}

}  // namespace peers
