#include <algorithm>

#include <fmt/format.h>

#include "peers/contacts.hpp"
#include "peers/error.hpp"
#include "peers/text.hpp"

namespace peers {

std::string contacts_text_as_utf8(std::string text, std::string_view display) {
  auto empty = [&](const char* what) {
    return Error(fmt::format("{}: the file is empty{}", display, what),
                 "export the contacts again, or check that this is the right file");
  };
  bool le = text.size() >= 2 && text[0] == '\xFF' && text[1] == '\xFE';
  bool be = text.size() >= 2 && text[0] == '\xFE' && text[1] == '\xFF';
  if (le || be) {
    if (text.size() % 2 != 0)
      throw Error(fmt::format("{}: not UTF-16 text (an odd number of bytes after its UTF-16 "
                              "byte-order mark)", display),
                  "save the file as UTF-8 and import it again");
    std::string out;
    for (std::size_t i = 2; i + 1 < text.size(); i += 2) {
      auto unit = [&](std::size_t at) -> std::uint32_t {
        auto a = static_cast<unsigned char>(text[at]), b = static_cast<unsigned char>(text[at + 1]);
        return le ? (a | (b << 8)) : ((a << 8) | b);
      };
      std::uint32_t c = unit(i);
      if (c >= 0xD800 && c <= 0xDBFF && i + 3 < text.size()) {
        std::uint32_t low = unit(i + 2);
        if (low >= 0xDC00 && low <= 0xDFFF) {
          c = 0x10000 + ((c - 0xD800) << 10) + (low - 0xDC00);
          i += 2;
        }
      }
      if (c >= 0xD800 && c <= 0xDFFF)
        throw Error(fmt::format("{}: not UTF-16 text (a lone surrogate at byte {})", display, i),
                    "save the file as UTF-8 and import it again");
      if (c < 0x80) {
        out += static_cast<char>(c);
      } else if (c < 0x800) {
        out += static_cast<char>(0xC0 | (c >> 6));
        out += static_cast<char>(0x80 | (c & 0x3F));
      } else if (c < 0x10000) {
        out += static_cast<char>(0xE0 | (c >> 12));
        out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (c & 0x3F));
      } else {
        out += static_cast<char>(0xF0 | (c >> 18));
        out += static_cast<char>(0x80 | ((c >> 12) & 0x3F));
        out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (c & 0x3F));
      }
    }
    if (out.substr(0, 3) == "\xEF\xBB\xBF") out.erase(0, 3);
    if (trim(out).empty()) throw empty(" (only a UTF-16 byte-order mark)");
    return out;
  }
  bool bom = text.substr(0, 3) == "\xEF\xBB\xBF";
  if (bom) text.erase(0, 3);
  if (trim(text).empty()) throw empty(bom ? " (only a UTF-8 byte-order mark)" : "");
  return text;
}

std::string typed_value(const std::string& value, const std::string& type) {
  return type.empty() ? value : value + " (" + type + ")";
}

bool is_type_text(std::string_view text) {
  if (trim(text).empty()) return false;
  return std::all_of(text.begin(), text.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == ',' || c == ' ' ||
           c == '-' || c == '_' || static_cast<unsigned char>(c) >= 0x80;
  });
}

std::pair<std::string, std::string> split_typed_value(std::string_view item) {
  std::string text = trim(item);
  if (text.size() > 3 && text.back() == ')') {
    auto open = text.rfind(" (");
    if (open != std::string::npos) {
      std::string type = text.substr(open + 2, text.size() - open - 3);
      std::string value = trim(text.substr(0, open));
      if (!value.empty() && is_type_text(type)) return {value, trim(type)};
    }
  }
  return {text, ""};
}

std::string main_typed_value(const std::string& value, const std::string& type) {
  return to_lower_ascii(trim(type)) == "work" ? value : typed_value(value, type);
}

std::string type_from_label(std::string_view label) {
  std::string text = trim(label);
  if (text.starts_with("_$!<") && text.ends_with(">!$_")) {
    // Apple's own labels: Mobile, Home, Work, Other, Main, HomeFAX, WorkFAX, OtherFAX, Pager,
    // AssistantPhone ("assistant phone"), iPhone.
    std::string name = text.substr(4, text.size() - 8);
    std::string words;
    for (std::size_t i = 0; i < name.size(); ++i) {
      bool upper = name[i] >= 'A' && name[i] <= 'Z';
      bool after_lower = i > 1 && name[i - 1] >= 'a' && name[i - 1] <= 'z';
      if (upper && after_lower) words += name.substr(i) == "FAX" ? ", " : " ";
      words += name[i];
    }
    text = to_lower_ascii(words);
  }
  std::string out;
  for (char c : text) {
    bool keep = is_type_text(std::string_view(&c, 1)) || c == ' ';
    if (!keep) c = ' ';
    if (c == ' ' && (out.empty() || out.back() == ' ')) continue;
    out += c;
  }
  return trim(out);
}

std::optional<TypedValueProblem> typed_value_problem(std::string_view item) {
  std::string text = trim(item);
  auto open = text.rfind('(');
  if (open == std::string::npos) return std::nullopt;
  auto close = text.find(')', open);
  if (close == std::string::npos) {
    if (!is_type_text(text.substr(open + 1))) return std::nullopt;
    return TypedValueProblem{
        fmt::format("'{}' opens a bracket for its type and does not close it", text),
        fmt::format("write the type in brackets at the end: '{} ({})'", trim(text.substr(0, open)),
                    trim(text.substr(open + 1)))};
  }
  if (close + 1 != text.size()) return std::nullopt;
  std::string type = text.substr(open + 1, close - open - 1);
  std::string value = trim(text.substr(0, open));
  if (trim(type).empty())
    return TypedValueProblem{fmt::format("'{}' has empty brackets where its type would be", text),
                             fmt::format("write the type in them, e.g. '{} (mobile)', or "
                                         "leave them out",
                                         value.empty() ? "+1 555 0100" : value)};
  if (!is_type_text(type)) return std::nullopt;  // "(ext 12)": part of the value
  if (value.empty())
    return TypedValueProblem{fmt::format("'{}' is only a type, with no address or number", text),
                             fmt::format("write the value before its type, e.g. "
                                         "'+1 555 0100 ({})'",
                                         trim(type))};
  if (open == 0 || text[open - 1] != ' ')
    return TypedValueProblem{
        fmt::format("'{}' has no space before its type, so '({})' is read as part of the value",
                    text, type),
        fmt::format("write '{} ({})'", value, trim(type))};
  return std::nullopt;
}

namespace {
NameParts implied_parts(const std::string& name) {
  NameParts parts;
  parts.given = name;
  if (auto space = name.rfind(' '); space != std::string::npos) {
    parts.family = name.substr(space + 1);
    parts.given = name.substr(0, space);
  }
  return parts;
}
}  // namespace

NameParts name_parts_of(const Person& p) {
  if (p.name_parts.empty()) return implied_parts(p.name);
  NameParts parts;
  for (const auto& [key, value] : p.name_parts) {
    if (key == "given") parts.given = value;
    else if (key == "middle") parts.middle = value;
    else if (key == "family") parts.family = value;
    else if (key == "prefix") parts.prefix = value;
    else if (key == "suffix") parts.suffix = value;
  }
  return parts;
}

StringPairs name_parts_to_keep(const std::string& name, const NameParts& parts) {
  NameParts clean{trim(parts.given), trim(parts.middle), trim(parts.family), trim(parts.prefix),
                  trim(parts.suffix)};
  if (clean == NameParts{} || clean == implied_parts(name)) return {};
  StringPairs out;
  for (const auto& [key, value] :
       {std::pair<const char*, const std::string*>{"prefix", &clean.prefix},
        {"given", &clean.given},
        {"middle", &clean.middle},
        {"family", &clean.family},
        {"suffix", &clean.suffix}})
    if (!value->empty()) out.emplace_back(key, *value);
  return out;
}

std::optional<std::size_t> find_same_person(const std::vector<Person>& people,
                                            const Person& incoming) {
  if (!incoming.email.empty()) {
    std::string email = email_key(incoming);
    for (std::size_t i = 0; i < people.size(); ++i)
      if (!people[i].email.empty() && email_key(people[i]) == email) return i;
  }
  std::string name = fold(incoming.name);
  std::string department = fold(incoming.department);
  for (std::size_t i = 0; i < people.size(); ++i)
    if (fold(people[i].name) == name && fold(people[i].department) == department) return i;
  return std::nullopt;
}

std::string email_key(const Person& p) {
  return to_lower_ascii(split_typed_value(p.email).first);
}

namespace {

std::string name_key(const Person& p) {
  return fold(p.name) + '\n' + fold(p.department);  // neither holds a newline
}

}  // namespace

PersonMatcher::PersonMatcher(const std::vector<Person>& people) {
  for (std::size_t i = 0; i < people.size(); ++i) add(i, people[i]);
}

std::optional<std::size_t> PersonMatcher::find(const Person& incoming) const {
  if (!incoming.email.empty())
    if (auto it = by_email_.find(email_key(incoming)); it != by_email_.end() && !it->second.empty())
      return *it->second.begin();
  if (auto it = by_name_.find(name_key(incoming)); it != by_name_.end() && !it->second.empty())
    return *it->second.begin();
  return std::nullopt;
}

void PersonMatcher::add(std::size_t index, const Person& person) {
  if (!person.email.empty()) by_email_[email_key(person)].insert(index);
  by_name_[name_key(person)].insert(index);
}

void PersonMatcher::remove(std::size_t index, const Person& person) {
  if (!person.email.empty())
    if (auto it = by_email_.find(email_key(person)); it != by_email_.end()) it->second.erase(index);
  if (auto it = by_name_.find(name_key(person)); it != by_name_.end()) it->second.erase(index);
}

namespace {

bool add_new_items(std::vector<std::string>& list, const std::vector<std::string>& items) {
  bool changed = false;
  for (const auto& item : items) {
    std::string key = fold(item);
    bool known = std::any_of(list.begin(), list.end(),
                             [&](const std::string& v) { return fold(v) == key; });
    if (!known && !key.empty()) {
      list.push_back(item);
      changed = true;
    }
  }
  return changed;
}

}  // namespace

std::vector<std::string> merge_contact(Person& existing, const Person& incoming) {
  std::vector<std::string> changed;
  auto take = [&](std::string& field, const std::string& value, const char* name) {
    if (!value.empty() && value != field) {
      field = value;
      changed.push_back(name);
    }
  };
  take(existing.title, incoming.title, "title");
  take(existing.organization, incoming.organization, "organization");
  take(existing.department, incoming.department, "department");
  take(existing.email, incoming.email, "email");
  take(existing.phone, incoming.phone, "phone");
  // Other emails and phones: added when their value is new (the type alone does not count).
  auto add_typed = [&](std::vector<std::string>& list, const std::string& main,
                       const std::vector<std::string>& items, const char* name) {
    bool added = false;
    for (const auto& item : items) {
      std::string value = fold(split_typed_value(item).first);
      if (value.empty() || value == fold(split_typed_value(main).first)) continue;
      if (std::any_of(list.begin(), list.end(), [&](const std::string& have) {
            return fold(split_typed_value(have).first) == value;
          }))
        continue;
      list.push_back(item);
      added = true;
    }
    if (added) changed.push_back(name);
  };
  add_typed(existing.emails, existing.email, incoming.emails, "emails");
  add_typed(existing.phones, existing.phone, incoming.phones, "phones");
  if (!incoming.name_parts.empty() && incoming.name_parts != existing.name_parts &&
      incoming.name == existing.name) {
    existing.name_parts = incoming.name_parts;
    changed.push_back("name_parts");
  }
  if (add_new_items(existing.nicknames, incoming.nicknames)) changed.push_back("nicknames");
  bool handles_changed = false;
  for (const auto& [network, handle] : incoming.handles) {
    // Not captured by the lambda: clang 14 (the fuzz build) cannot capture a structured binding.
    const std::string& wanted = network;
    auto it = std::find_if(existing.handles.begin(), existing.handles.end(),
                           [&](const auto& h) { return h.first == wanted; });
    if (it == existing.handles.end()) {
      existing.handles.emplace_back(network, handle);
      handles_changed = true;
    } else if (it->second != handle) {
      it->second = handle;
      handles_changed = true;
    }
  }
  if (handles_changed) changed.push_back("handles");
  if (add_new_items(existing.expertise, incoming.expertise)) changed.push_back("expertise");
  if (add_new_items(existing.tags, incoming.tags)) changed.push_back("tags");
  if (!incoming.notes.empty() && existing.notes.find(incoming.notes) == std::string::npos) {
    existing.notes += (existing.notes.empty() ? "" : "\n") + incoming.notes;
    changed.push_back("notes");
  }
  if (!existing.met && incoming.met) {
    existing.met = incoming.met;
    changed.push_back("met");
  }
  if (incoming.status == "left" && existing.status != "left") {
    existing.status = "left";
    changed.push_back("status");
  }
  return changed;
}

}  // namespace peers
