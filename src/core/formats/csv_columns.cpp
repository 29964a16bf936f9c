// Contacts from CSV: which column holds which field (by header, by known exports' names and
// by --map), and each row made into a person.
#include <algorithm>
#include <cctype>
#include <set>

#include <fmt/format.h>

#include "peers/contacts.hpp"
#include "peers/error.hpp"
#include "peers/text.hpp"

namespace peers {
namespace {

constexpr std::size_t header_search_rows = 10;

std::string header_key(std::string_view header) {
  std::string out;
  for (char c : fold(header))
    if (std::isalnum(static_cast<unsigned char>(c))) out += c;
  return out;
}

const std::vector<std::pair<const char*, std::vector<const char*>>>& header_names() {
  static const std::vector<std::pair<const char*, std::vector<const char*>>> names = {
      {"name", {"name", "fullname", "displayname", "contactname", "fn"}},
      {"prefix", {"nameprefix", "prefix", "honorific", "salutation"}},
      {"first_name", {"firstname", "givenname", "first", "forename"}},
      {"middle_name", {"middlename", "additionalname"}},
      {"last_name", {"lastname", "familyname", "surname", "last"}},
      {"suffix", {"namesuffix", "suffix"}},
      {"nicknames", {"nickname", "nicknames"}},
      {"title",
       {"title", "jobtitle", "organizationtitle", "organization1title", "position", "role"}},
      {"organization",
       {"organization", "organisation", "company", "organizationname", "organization1name",
        "companyname", "employer"}},
      {"department",
       {"department", "dept", "organizationdepartment", "organization1department", "unit",
        "division", "departmentname"}},
      {"email", {"email", "mail", "primaryemail"}},
      {"emails", {"emails", "otheremails"}},
      {"phone", {"phone", "telephone", "phonenumber", "tel", "telephonenumber"}},
      {"phones", {"phones", "otherphones"}},
      {"notes", {"notes", "note", "comments"}},
      {"tags", {"tags", "labels", "groupmembership", "categories"}},
      {"expertise", {"expertise", "knows", "areasofexpertise", "expertiseareas", "topics"}},
      {"handles", {"handles"}},
      {"met", {"met"}},
      {"status", {"status"}},
      {"id", {"id"}},
  };
  return names;
}

/// Columns that hold an email or a phone of one kind, as Outlook and directories name them.
struct TypedHeader {
  const char* key;
  const char* field;
  const char* type;
};
const std::vector<TypedHeader>& typed_headers() {
  static const std::vector<TypedHeader> headers = {
      {"emailaddress", "email", ""},       {"email2address", "email", ""},
      {"email3address", "email", ""},      {"emailaddress1", "email", ""},
      {"emailaddress2", "email", ""},      {"emailaddress3", "email", ""},
      {"workemail", "email", "work"},      {"businessemail", "email", "work"},
      {"homeemail", "email", "home"},      {"personalemail", "email", "home"},
      {"otheremail", "email", "other"},    {"businessphone", "phone", "work"},
      {"businessphone2", "phone", "work"}, {"workphone", "phone", "work"},
      {"officephone", "phone", "work"},    {"companymainphone", "phone", "work, main"},
      {"homephone", "phone", "home"},      {"homephone2", "phone", "home"},
      {"mobilephone", "phone", "mobile"},  {"mobile", "phone", "mobile"},
      {"cellphone", "phone", "mobile"},    {"mobilenumber", "phone", "mobile"},
      {"otherphone", "phone", "other"},    {"primaryphone", "phone", ""},
      {"carphone", "phone", "car"},        {"pager", "phone", "pager"},
      {"businessfax", "phone", "work, fax"}, {"homefax", "phone", "home, fax"},
      {"otherfax", "phone", "fax"},        {"secondaryemail", "email", ""},
      {"faxnumber", "phone", "fax"},       {"pagernumber", "phone", "pager"},
  };
  return headers;
}

/// "E-mail 1 - Value" (Google): the field, the group's key ("email1") and the part
/// (value, type or label), or nothing.
struct GroupHeader {
  std::string field, group, part;
};
std::optional<GroupHeader> group_header(const std::string& key) {
  for (const char* field : {"email", "phone"}) {
    std::string f = field;
    if (key.rfind(f, 0) != 0) continue;
    std::size_t i = f.size(), digits = i;
    while (digits < key.size() && std::isdigit(static_cast<unsigned char>(key[digits]))) ++digits;
    if (digits == i) continue;
    std::string part = key.substr(digits);
    if (part == "value" || part == "type" || part == "label")
      return GroupHeader{f, key.substr(0, digits), part};
  }
  return std::nullopt;
}

bool is_number(std::string_view text) {
  return !text.empty() &&
         std::all_of(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; });
}

/// Multi-valued cells: Google joins values with " ::: ", peers writes "; ", others use ';' or
/// ','. In peers' own CSV only ';' separates, so a tag "a, b" stays one tag.
std::vector<std::string> split_list(std::string_view cell, bool semicolons_only = false) {
  std::vector<std::string> parts;
  if (cell.find(":::") != std::string_view::npos) {
    std::size_t start = 0;
    while (true) {
      std::size_t at = cell.find(":::", start);
      parts.push_back(trim(cell.substr(start, at == std::string_view::npos ? at : at - start)));
      if (at == std::string_view::npos) break;
      start = at + 3;
    }
  } else {
    parts = split(cell, semicolons_only || cell.find(';') != std::string_view::npos ? ';' : ',');
    for (auto& p : parts) p = trim(p);
  }
  parts.erase(std::remove(parts.begin(), parts.end(), std::string()), parts.end());
  return parts;
}

/// What a column holds: a field, and for an email or phone its type, given by the header
/// ("Mobile Phone") or by the cells of another column ("E-mail 1 - Label").
struct Column {
  std::string field;
  std::string type;
  std::optional<std::size_t> type_column;
};

/// The known export a header row comes from, by the columns only it has.
std::string preset_of(const std::vector<std::string>& header) {
  std::set<std::string> keys;
  for (const auto& h : header) keys.insert(header_key(h));
  auto has = [&](const char* key) { return keys.count(key) > 0; };
  if (has("id") && has("name") && has("handles") && has("expertise")) return "peers CSV";
  if (has("connectedon") && has("url")) return "LinkedIn CSV";
  if (has("jobtitle") && (has("emailaddress") || has("businessphone") || has("mobilephone")))
    return "Outlook CSV";
  if (has("primaryemail") && has("secondaryemail")) return "Thunderbird CSV";
  if (has("givenname") && (has("email1value") || has("groupmembership")))
    return "Google Contacts CSV (before 2024)";
  if (has("firstname") && (has("email1label") || has("phone1label") || has("labels")))
    return "Google Contacts CSV";
  return "CSV";
}

/// The columns' roles, by header text and then by the mappings. Throws on a mapping that
/// names no column.
std::vector<Column> column_roles(const std::vector<std::string>* header,
                                 const std::vector<ColumnMapping>& mappings,
                                 std::size_t columns) {
  std::vector<Column> roles(columns);
  if (header) {
    std::vector<std::string> keys;
    for (const auto& h : *header) keys.push_back(header_key(h));
    bool linkedin = preset_of(*header) == "LinkedIn CSV";
    bool job_title = std::find(keys.begin(), keys.end(), "jobtitle") != keys.end();
    for (std::size_t i = 0; i < keys.size() && i < columns; ++i) {
      const std::string& key = keys[i];
      if (auto group = group_header(key)) {
        if (group->part != "value") {
          roles[i].field = "ignore";
          continue;
        }
        roles[i].field = group->field;
        for (std::size_t j = 0; j < keys.size(); ++j)
          if (keys[j] == group->group + "label" || keys[j] == group->group + "type")
            roles[i].type_column = j;
        continue;
      }
      if (linkedin && key == "url") {
        roles[i] = {"handles", "linkedin", {}};
        continue;
      }
      // Outlook's Title is the honorific (Mr., Dr.); its Job Title is the title.
      if (job_title && key == "title") {
        roles[i].field = "prefix";
        continue;
      }
      roles[i].field = csv_field_for_header((*header)[i]);
      for (const auto& typed : typed_headers())
        if (key == typed.key) roles[i].type = typed.type;
    }
  }
  for (const auto& m : mappings) {
    std::optional<std::size_t> index;
    if (is_number(m.column)) {
      std::size_t n = std::stoul(m.column);
      if (n >= 1 && n <= columns) index = n - 1;
    } else if (header) {
      for (std::size_t i = 0; i < header->size() && !index; ++i)
        if (header_key((*header)[i]) == header_key(m.column)) index = i;
    }
    if (!index) {
      std::string known = header ? join(*header, ", ") : fmt::format("1 to {}", columns);
      throw Error(fmt::format("--map: there is no column '{}'", m.column),
                  fmt::format("the columns are: {}", known), exit_usage);
    }
    roles[*index] = {m.field, "", {}};
  }
  return roles;
}

bool names_a_person(const std::vector<Column>& roles) {
  return std::any_of(roles.begin(), roles.end(), [](const Column& c) {
    return c.field == "name" || c.field == "first_name" || c.field == "last_name";
  });
}

/// An email or a phone of a row, with its type.
struct Typed {
  std::string value, type;
};

/// A row being read.
struct RowState {
  Person person;
  NameParts parts;
  std::vector<Typed> emails, phones;
  bool semicolons_only = false;  // peers' own CSV
};

/// The type words of a Google label cell ("* Work" -> work, "Mobile" -> mobile).
std::string label_type(std::string label) {
  label = trim(label);
  if (label.rfind("* ", 0) == 0) label = trim(label.substr(2));
  std::string out = to_lower_ascii(label);
  for (auto& c : out)
    if (c == ';' || c == '(' || c == ')' || c == ',') c = ' ';
  // "Work Fax" -> "work, fax", as vCard's TYPE words; a label of its own stays as written.
  static const std::set<std::string> words = {"work", "home", "mobile", "cell", "fax", "pager",
                                              "other", "main", "car", "voice"};
  std::vector<std::string> parts;
  for (const auto& w : split(out, ' '))
    if (!w.empty()) parts.push_back(w == "cell" ? "mobile" : w);
  bool known = !parts.empty() && std::all_of(parts.begin(), parts.end(), [](const std::string& w) {
    return words.count(w) > 0;
  });
  return known ? join(parts, ", ") : join(parts, " ");
}

/// Fills the row from one cell; a message when the cell cannot be used.
std::optional<std::string> apply_cell(RowState& row, const Column& column,
                                      const std::vector<std::string>& cells,
                                      const std::string& raw) {
  Person& person = row.person;
  const std::string& field = column.field;
  std::string cell = trim(raw);
  // A cell export neutralised for spreadsheets ('=..., '+..., '@...) reads back as it was.
  if (cell.size() >= 2 && cell.front() == '\'' && csv_formula_risk(cell.substr(1)))
    cell.erase(0, 1);
  if (cell.empty() || field.empty() || field == "ignore") return std::nullopt;
  auto set_once = [](std::string& target, const std::string& value) {
    if (target.empty()) target = value;
  };
  auto add_typed = [&](std::vector<Typed>& list) {
    std::string type = column.type;
    if (column.type_column && *column.type_column < cells.size())
      type = label_type(cells[*column.type_column]);
    std::vector<std::string> values;
    if (cell.find(":::") != std::string::npos) values = split_list(cell);
    else values = {cell};
    for (const auto& cell_value : values) {
      // "555 0100 (mobile)" in a column that gives no type; peers' own CSV is kept as written.
      Typed typed{cell_value, type};
      if (type.empty() && !row.semicolons_only) {
        auto [value, written_type] = split_typed_value(cell_value);
        typed = {value, written_type};
      }
      if (std::none_of(list.begin(), list.end(),
                       [&](const Typed& t) { return fold(t.value) == fold(typed.value); }))
        list.push_back(typed);
    }
  };
  if (field == "name") set_once(person.name, cell);
  else if (field == "first_name") row.parts.given = cell;
  else if (field == "middle_name") row.parts.middle = cell;
  else if (field == "last_name") row.parts.family = cell;
  else if (field == "prefix") row.parts.prefix = cell;
  else if (field == "suffix") row.parts.suffix = cell;
  else if (field == "title") set_once(person.title, cell);
  else if (field == "organization") set_once(person.organization, cell);
  else if (field == "department") set_once(person.department, cell);
  else if (field == "email") add_typed(row.emails);
  else if (field == "phone") add_typed(row.phones);
  else if (field == "emails" || field == "phones") {
    // peers joins them with "; ", and only that separates: an address may hold a ';'.
    auto& list = field == "emails" ? row.emails : row.phones;
    std::vector<std::string> items;
    for (std::size_t start = 0;;) {
      std::size_t at = cell.find("; ", start);
      items.push_back(trim(cell.substr(start, at == std::string::npos ? at : at - start)));
      if (at == std::string::npos) break;
      start = at + 2;
    }
    for (const auto& item : items) {
      if (item.empty()) continue;
      auto [value, type] = split_typed_value(item);
      list.push_back({value, type});
    }
  } else if (field == "nicknames") {
    for (const auto& nick : split_list(cell, row.semicolons_only))
      add_unique_folded(person.nicknames, nick);
  } else if (field == "notes") person.notes += (person.notes.empty() ? "" : "\n") + cell;
  else if (field == "id") set_once(person.id, cell);
  else if (field == "tags") {
    for (auto tag : split_list(cell, row.semicolons_only)) {
      if (tag.rfind("* ", 0) == 0) tag = trim(tag.substr(2));  // Google's system groups
      std::string folded = fold(tag);
      if (folded == "mycontacts" || folded == "starred") continue;
      add_unique_folded(person.tags, tag);
    }
  } else if (field == "expertise") {
    for (const auto& topic : split_list(cell, row.semicolons_only))
      add_unique_folded(person.expertise, topic);
  } else if (field == "handles" && !column.type.empty()) {  // LinkedIn's URL column
    person.handles.emplace_back(column.type, cell);
  } else if (field == "handles") {
    for (const auto& item : split_list(cell)) {
      auto eq = item.find('=');
      if (eq == std::string::npos || eq == 0)
        return fmt::format("handle '{}' is not NETWORK=HANDLE", item);
      std::string network = to_lower_ascii(trim(item.substr(0, eq)));
      std::string handle = trim(item.substr(eq + 1));
      if (!handle.empty()) person.handles.emplace_back(network, handle);
    }
  } else if (field == "met") {
    auto date = Date::parse(cell);
    if (!date) return fmt::format("met '{}' is not a date (YYYY-MM-DD)", cell);
    person.met = date;
  } else if (field == "status") {
    std::string status = to_lower_ascii(cell);
    if (status != "active" && status != "left")
      return fmt::format("status '{}' is not active or left", cell);
    person.status = status;
  }
  return std::nullopt;
}

/// The main value (the first work or untyped one for phones, the first for emails), with its
/// type unless it is work, and the others as "value (type)" items.
void place(const std::vector<Typed>& values, bool prefer_work, std::string& main,
           std::vector<std::string>& others) {
  if (values.empty()) return;
  std::size_t best = 0;
  if (prefer_work)
    for (std::size_t i = 0; i < values.size(); ++i)
      if (values[i].type.empty() || values[i].type.find("work") != std::string::npos) {
        best = i;
        break;
      }
  main = main_typed_value(values[best].value, values[best].type);
  for (std::size_t i = 0; i < values.size(); ++i)
    if (i != best && fold(values[i].value) != fold(values[best].value))
      others.push_back(typed_value(values[i].value, values[i].type));
}

/// The header row: the first of the first rows whose headers name at least two fields,
/// a name among them.
std::optional<std::size_t> find_header_row(const CsvTable& table,
                                           const std::vector<ColumnMapping>& mappings,
                                           std::size_t columns) {
  for (std::size_t r = 0; r < table.rows.size() && r < header_search_rows; ++r) {
    // Numbered mappings say nothing about which row is the header: leave them out here.
    std::vector<ColumnMapping> named;
    for (const auto& m : mappings)
      if (!is_number(m.column)) named.push_back(m);
    std::vector<Column> candidate;
    try {
      candidate = column_roles(&table.rows[r].cells, named, columns);
    } catch (const Error&) {
      continue;  // a --map column this row does not have: not the header
    }
    auto known = std::count_if(candidate.begin(), candidate.end(), [](const Column& c) {
      return !c.field.empty() && c.field != "ignore";
    });
    if (known >= 2 && names_a_person(candidate)) return r;
  }
  return std::nullopt;
}

/// The person of one data row, or why the row cannot be used.
std::optional<std::string> person_of_row(const CsvRow& row, const std::vector<Column>& roles,
                                         bool peers_own, Person& person) {
  RowState state;
  state.semicolons_only = peers_own;
  std::optional<std::string> problem;
  for (std::size_t c = 0; c < row.cells.size() && c < roles.size() && !problem; ++c)
    problem = apply_cell(state, roles[c], row.cells, row.cells[c]);
  person = std::move(state.person);
  if (person.name.empty()) {
    std::vector<std::string> words;
    for (const auto* part : {&state.parts.given, &state.parts.middle, &state.parts.family})
      if (!part->empty()) words.push_back(*part);
    person.name = join(words, " ");
  }
  person.name_parts = name_parts_to_keep(person.name, state.parts);
  place(state.emails, false, person.email, person.emails);
  place(state.phones, !peers_own, person.phone, person.phones);
  if (!problem && person.name.empty()) problem = "no name";
  return problem;
}

}  // namespace

std::string csv_field_for_header(std::string_view header) {
  std::string key = header_key(header);
  if (auto group = group_header(key)) return group->part == "value" ? group->field : "";
  for (const auto& typed : typed_headers())
    if (key == typed.key) return typed.field;
  for (const auto& [field, names] : header_names())
    for (const char* name : names)
      if (key == name) return field;
  return {};
}

const std::vector<std::string>& contact_fields() {
  static const std::vector<std::string> fields = {
      "name",   "prefix",    "first_name", "middle_name", "last_name", "suffix",
      "nicknames", "title",  "organization", "department", "email",   "emails",
      "phone",  "phones",    "notes",      "tags",        "expertise", "handles",
      "met",    "status",    "id",         "ignore"};
  return fields;
}

ContactsFile contacts_from_csv(std::string_view text, const std::vector<ColumnMapping>& mappings) {
  for (const auto& m : mappings) {
    const auto& known = contact_fields();
    if (std::find(known.begin(), known.end(), m.field) == known.end())
      throw Error(fmt::format("--map: unknown field '{}'", m.field),
                  "the fields are: " + join(known, ", "), exit_usage);
  }
  CsvTable table = parse_csv(text);
  ContactsFile result;
  result.problems = table.problems;
  result.format = "CSV";
  std::size_t columns = 0;
  for (const auto& row : table.rows) columns = std::max(columns, row.cells.size());

  std::optional<std::size_t> header_row = find_header_row(table, mappings, columns);
  std::vector<Column> roles;
  if (header_row) {
    roles = column_roles(&table.rows[*header_row].cells, mappings, columns);
    result.format = preset_of(table.rows[*header_row].cells);
  } else {
    bool all_numbered = !mappings.empty() &&
                        std::all_of(mappings.begin(), mappings.end(),
                                    [](const ColumnMapping& m) { return is_number(m.column); });
    if (!all_numbered)
      throw Error("no header row found in the first lines of the CSV file",
                  "name the columns with --map, e.g. --map 1=name --map 4=email", exit_usage);
    roles = column_roles(nullptr, mappings, columns);
    if (!names_a_person(roles))
      throw Error("no column is mapped to a name", "add --map N=name", exit_usage);
  }
  const bool peers_own = result.format == "peers CSV";

  std::size_t header_width =
      header_row ? table.rows[*header_row].cells.size() : columns;
  for (std::size_t r = header_row ? *header_row + 1 : 0; r < table.rows.size(); ++r) {
    const CsvRow& row = table.rows[r];
    bool extra_text = false;
    for (std::size_t c = header_width; c < row.cells.size(); ++c)
      if (!trim(row.cells[c]).empty()) extra_text = true;
    if (extra_text) {
      result.problems.push_back(
          {row.line, fmt::format("{} fields where the header has {}; line skipped",
                                 row.cells.size(), header_width)});
      continue;
    }
    Person person;
    if (auto problem = person_of_row(row, roles, peers_own, person)) {
      result.problems.push_back({row.line, *problem + "; line skipped"});
      continue;
    }
    result.contacts.push_back({std::move(person), row.line});
  }
  return result;
}

}  // namespace peers
