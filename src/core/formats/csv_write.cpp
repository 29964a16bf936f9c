// Writing people as CSV, with cells a spreadsheet would take for formulas defused.
#include <algorithm>

#include "peers/contacts.hpp"
#include "peers/text.hpp"

namespace peers {
namespace {

std::string csv_cell(const std::string& text) {
  bool quote = text.find_first_of(",\"\n\r;") != std::string::npos ||
               (!text.empty() && (text.front() == ' ' || text.back() == ' '));
  if (!quote) return text;
  std::string out = "\"";
  for (char c : text) {
    if (c == '"') out += '"';
    out += c;
  }
  return out + '"';
}

/// Only digits, spaces and ( ) - . / after a leading '+', and enough digits for a number
/// someone dials, then perhaps its type ("(mobile)": ASCII letters, no call can be made of
/// them): nothing a formula could call or refer to.
bool plain_phone_number(std::string_view typed_cell) {
  auto [number, type] = split_typed_value(typed_cell);
  bool plain_type = std::all_of(type.begin(), type.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == ' ' || c == ',';
  });
  if (!plain_type) return false;
  std::string_view cell = number;
  if (cell.size() < 2 || cell.front() != '+') return false;
  std::size_t digits = 0;
  for (char c : cell.substr(1)) {
    if (c >= '0' && c <= '9') ++digits;
    else if (std::string_view(" ()-./").find(c) == std::string_view::npos) return false;
  }
  return digits >= 5 && cell[1] >= '0' && cell[1] <= '9';
}

}  // namespace

bool csv_formula_risk(std::string_view cell) {
  return !cell.empty() && std::string_view("=+-@\t\r").find(cell.front()) != std::string_view::npos &&
         !plain_phone_number(cell);
}

std::string write_csv(const std::vector<Person>& people, bool keep_formulas) {
  std::string out =
      "id,name,title,department,email,phone,handles,expertise,tags,met,status,notes,"
      "organization,emails,phones,nicknames,prefix,first_name,middle_name,last_name,suffix\n";
  for (const Person& p : people) {
    std::vector<std::string> handles;
    for (const auto& [network, handle] : p.handles) handles.push_back(network + "=" + handle);
    NameParts parts = p.name_parts.empty() ? NameParts{} : name_parts_of(p);
    std::vector<std::string> cells = {p.id,
                                      p.name,
                                      p.title,
                                      p.department,
                                      p.email,
                                      p.phone,
                                      join(handles, "; "),
                                      join(p.expertise, "; "),
                                      join(p.tags, "; "),
                                      p.met ? p.met->str() : "",
                                      p.status,
                                      p.notes,
                                      p.organization,
                                      join(p.emails, "; "),
                                      join(p.phones, "; "),
                                      join(p.nicknames, "; "),
                                      parts.prefix,
                                      parts.given,
                                      parts.middle,
                                      parts.family,
                                      parts.suffix};
    for (auto& cell : cells) {
      if (!keep_formulas && csv_formula_risk(cell)) cell.insert(0, 1, '\'');
      cell = csv_cell(cell);
    }
    out += join(cells, ",") + "\n";
  }
  return out;
}

}  // namespace peers
