#pragma once
#include <cstddef>
#include <map>
#include <set>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "peers/model.hpp"

namespace peers {

/// A person read from a contacts file, with the line their card or row starts on.
/// `person.id` is empty unless the file suggests one (X-PEERS-ID, an `id` column).
struct ImportedContact {
  Person person;
  int line = 0;
};

/// A line (or card, or row) of a contacts file that could not be read, and why.
struct ContactProblem {
  int line = 0;
  std::string message;
  bool note = false;  // nothing was skipped: something was left out (a PHOTO), said once
};

/// What a contacts file holds: the people that could be read and the lines that could not.
struct ContactsFile {
  std::vector<ImportedContact> contacts;
  std::vector<ContactProblem> problems;
  std::string format;  // what the file was read as: "vCard", "Outlook CSV", "LinkedIn CSV", ...
};

/// A contacts file's bytes as UTF-8: a UTF-8 byte-order mark is dropped, UTF-16 (LE or BE,
/// with its byte-order mark, as Outlook writes vCards) is converted. Throws an Error naming
/// `display` when the file is empty or holds only a byte-order mark, or is not valid UTF-16.
std::string contacts_text_as_utf8(std::string text, std::string_view display);

/// A person's main email address as two people's are compared: lower case, without its type.
std::string email_key(const Person& person);
/// "value (type)" as `email`, `phone` and `emails`/`phones` items are written; just "value"
/// with no type.
std::string typed_value(const std::string& value, const std::string& type);
/// The value and the type of an email or phone ("+1 555 0100 (mobile)" -> number, "mobile");
/// the type is "" when it has none. Brackets at the end are the type only when they hold
/// type text (is_type_text), after a space: "555 0100 (ext 12)" is all value.
std::pair<std::string, std::string> split_typed_value(std::string_view item);
/// Whether `text` can be a type: letters (any script), spaces, ',', '-' and '_', not blank.
/// No digits and no other punctuation, so that "(ext 12)" or "(x12)" stays in the value.
bool is_type_text(std::string_view text);
/// The main email or phone as stored: "value (type)", or just "value" when the type is
/// empty or `work` (a main email or phone without a type is a work one).
std::string main_typed_value(const std::string& value, const std::string& type);
/// A label as a type: Apple's `_$!<Mobile>!$_` -> "mobile", `_$!<WorkFAX>!$_` -> "work, fax";
/// a label of the user's own ("Studio") as written, without what is_type_text refuses.
std::string type_from_label(std::string_view label);
/// What is wrong with an email or phone written with a type, or nothing: only a type
/// ("(mobile)"), no space before it ("555 0100(mobile)"), empty brackets or a '(' that is
/// never closed. Text in brackets that cannot be a type ("(ext 12)") is no problem: it is value.
struct TypedValueProblem {
  std::string message, hint;
};
std::optional<TypedValueProblem> typed_value_problem(std::string_view text);

/// The parts of a structured name: given, middle (additional), family, prefix, suffix.
struct NameParts {
  std::string given, middle, family, prefix, suffix;
  bool operator==(const NameParts&) const = default;
};
/// The parts `name` implies (given = all but the last word, family = the last word), or the
/// parts `p.name_parts` keeps.
NameParts name_parts_of(const Person& p);
/// What to keep in `name_parts` for `parts`: nothing when the display name implies them.
StringPairs name_parts_to_keep(const std::string& name, const NameParts& parts);

/// Reads vCards (2.1, 3.0 and 4.0, as Google Contacts, Apple Contacts and Outlook export them):
/// several cards per file, folded lines, quoted-printable values, CRLF or LF, a UTF-8 BOM.
/// A property line that cannot be read is reported and skipped; the rest of its card is kept.
ContactsFile parse_vcards(std::string_view text);

/// vCard 3.0 text for `people` (CRLF, lines folded at 75 octets). `organisation` becomes the
/// first part of ORG. Fields vCard has no property for go into X-PEERS-* properties, so
/// parse_vcards reads back the same people.
std::string write_vcards(const std::vector<Person>& people, std::string_view organisation);

/// One record of a CSV file: its cells and the line it starts on.
struct CsvRow {
  int line = 0;
  std::vector<std::string> cells;
};

struct CsvTable {
  std::vector<CsvRow> rows;
  std::vector<ContactProblem> problems;  // unterminated quotes, text that is not UTF-8
  char separator = ',';
};

/// RFC 4180 CSV (quoted fields may span lines), separated by the first of `,` `;` or tab that
/// the first line uses. A quoted field that never closes is reported and reading resumes on
/// the next line.
CsvTable parse_csv(std::string_view text);

/// The person field a column header names ("E-mail 1 - Value" -> "email"), or "" when none.
std::string csv_field_for_header(std::string_view header);

/// The fields `--map COLUMN=FIELD` accepts: name, first_name, middle_name, last_name, title,
/// department, email, phone, notes, tags, expertise, handles, met, status, id, ignore.
const std::vector<std::string>& contact_fields();

/// A `--map` choice: a column (header text, or 1-based number) read as a field.
struct ColumnMapping {
  std::string column;
  std::string field;
};

/// People from a campus directory export, a Google Contacts CSV or peers' own CSV. The header
/// row is found among the first lines by its column names; `mappings` override or replace it.
/// Throws an Error when a mapping names an unknown field or column, or no header is found.
ContactsFile contacts_from_csv(std::string_view text, const std::vector<ColumnMapping>& mappings);

/// CSV with a header row, the columns contacts_from_csv reads back into the same people.
/// A cell a spreadsheet would run as a formula (beginning with = + - @, a tab or a CR) gets a
/// `'` in front (OWASP's rule), unless it is plainly a phone number (`+1 555 0100`) or
/// `keep_formulas` is set.
std::string write_csv(const std::vector<Person>& people, bool keep_formulas = false);

/// Whether a spreadsheet could take `cell` for a formula (see write_csv).
bool csv_formula_risk(std::string_view cell);

/// The person in `people` that `incoming` is: the same email (ignoring case), else the same
/// name and department (ignoring case and accents).
std::optional<std::size_t> find_same_person(const std::vector<Person>& people,
                                            const Person& incoming);

/// find_same_person for many lookups: the people indexed once by email and by name and
/// department, so an import of n cards into a store of m people takes O((n + m) log) time.
/// Tell it about each person added (`add`) and each one about to change (`remove`, then
/// `add` again once changed); it gives the same answers as find_same_person.
class PersonMatcher {
 public:
  explicit PersonMatcher(const std::vector<Person>& people);
  std::optional<std::size_t> find(const Person& incoming) const;
  void add(std::size_t index, const Person& person);
  void remove(std::size_t index, const Person& person);

 private:
  std::map<std::string, std::set<std::size_t>> by_email_;
  std::map<std::string, std::set<std::size_t>> by_name_;
};

/// Brings what `incoming` says into `existing`: title, department, email and phone when given,
/// handles, new tags and expertise, notes not already there, `met` when missing. The name and
/// id stay. Returns the names of the fields that changed.
std::vector<std::string> merge_contact(Person& existing, const Person& incoming);

}  // namespace peers
