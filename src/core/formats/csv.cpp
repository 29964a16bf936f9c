// Reading CSV text into rows of cells: the separator, quoting, line numbers and the lines
// that cannot be used. What the columns mean is csv_columns.cpp; writing CSV, csv_write.cpp.
#include <algorithm>

#include "peers/contacts.hpp"
#include "peers/text.hpp"

namespace peers {
namespace {

/// The separator the start of the file uses most: ',' ';' or tab (',' on a tie).
char detect_separator(std::string_view text) {
  std::size_t counts[3] = {0, 0, 0};
  const char candidates[3] = {',', ';', '\t'};
  int lines = 0;
  bool quoted = false;
  for (char c : text) {
    if (c == '"') quoted = !quoted;
    if (quoted) continue;
    if (c == '\n' && ++lines == 5) break;
    for (int i = 0; i < 3; ++i)
      if (c == candidates[i]) ++counts[i];
  }
  int best = 0;
  for (int i = 1; i < 3; ++i)
    if (counts[i] > counts[best]) best = i;
  return candidates[best];
}

/// Reads a quoted field from after its opening quote (`pos`) to after its closing one into
/// `cell`: doubled quotes made one, CRLF made LF, the newlines inside counted in `line`. False
/// when the quote is never closed.
bool read_quoted(std::string_view text, std::size_t& pos, int& line, std::string& cell) {
  while (pos < text.size()) {
    char c = text[pos++];
    if (c == '"') {
      if (pos < text.size() && text[pos] == '"') {
        cell += '"';
        ++pos;
      } else {
        return true;
      }
    } else {
      if (c == '\n') ++line;
      if (!(c == '\r' && pos < text.size() && text[pos] == '\n')) cell += c;
    }
  }
  return false;
}

bool blank(const std::vector<std::string>& cells) {
  return std::all_of(cells.begin(), cells.end(),
                     [](const std::string& c) { return trim(c).empty(); });
}

}  // namespace

CsvTable parse_csv(std::string_view text) {
  CsvTable table;
  if (text.substr(0, 3) == "\xEF\xBB\xBF") text.remove_prefix(3);
  table.separator = detect_separator(text);
  const char sep = table.separator;
  std::size_t pos = 0;
  int line = 1;
  while (pos < text.size()) {
    CsvRow row;
    row.line = line;
    const std::size_t row_start = pos;
    std::string cell;
    std::string problem;
    bool row_done = false;
    while (!row_done) {
      bool was_quoted = false;
      if (pos < text.size() && text[pos] == '"') {
        was_quoted = true;
        ++pos;
        if (!read_quoted(text, pos, line, cell)) {
          problem = "a quoted field does not end";
          break;
        }
      }
      std::size_t unquoted_start = pos;
      while (pos < text.size() && text[pos] != sep && text[pos] != '\n') cell += text[pos++];
      if (!cell.empty() && cell.back() == '\r') cell.pop_back();
      if (was_quoted && problem.empty() &&
          !trim(text.substr(unquoted_start, pos - unquoted_start)).empty())
        problem = "text after the closing quote of a field";
      row.cells.push_back(std::move(cell));
      cell.clear();
      if (pos >= text.size()) {
        row_done = true;
      } else if (text[pos] == sep) {
        ++pos;
      } else {  // newline
        ++pos;
        ++line;
        row_done = true;
      }
    }
    if (!problem.empty()) {
      // Resume on the line after the row's first, so a stray quote costs one line only.
      table.problems.push_back({row.line, problem + "; line skipped"});
      std::size_t next = text.find('\n', row_start);
      pos = next == std::string_view::npos ? text.size() : next + 1;
      line = row.line + 1;
      continue;
    }
    if (blank(row.cells)) continue;
    bool utf8 = std::none_of(row.cells.begin(), row.cells.end(), [](const std::string& c) {
      return first_invalid_utf8(c).has_value();
    });
    if (!utf8) {
      table.problems.push_back({row.line, "not UTF-8 text; line skipped"});
      continue;
    }
    table.rows.push_back(std::move(row));
  }
  return table;
}

}  // namespace peers
