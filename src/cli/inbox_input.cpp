#include "inbox_input.hpp"

#include <algorithm>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "peers/error.hpp"
#include "peers/text.hpp"

namespace peers::cli {
namespace {

using json = nlohmann::json;

/// The keys that may hold the list of messages in a JSON export that is an object.
constexpr const char* list_keys[] = {"messages", "data", "items"};

/// The line each object of the message list starts on (a cheap scan of the text, so that bad
/// messages are reported by line): the list is the top-level array, or the array under `key`
/// of the top-level object.
std::vector<int> element_lines(std::string_view text, std::string_view key) {
  std::vector<int> lines;
  int depth = 0, line = 1, list_depth = -1;
  bool in_string = false, escaped = false, done = false;
  std::string last_string;
  for (char c : text) {
    if (c == '\n') ++line;
    if (in_string) {
      if (escaped) escaped = false;
      else if (c == '\\') escaped = true;
      else if (c == '"') in_string = false;
      else last_string += c;
      continue;
    }
    if (c == '"') {
      in_string = true;
      last_string.clear();
    } else if (c == '{' || c == '[') {
      if (c == '{' && !done && depth == list_depth) lines.push_back(line);
      if (c == '[' && list_depth < 0 &&
          ((key.empty() && depth == 0) || (!key.empty() && depth == 1 && last_string == key)))
        list_depth = depth + 1;
      ++depth;
    } else if (c == '}' || c == ']') {
      if (c == ']' && depth == list_depth) done = true;
      --depth;
    }
  }
  return lines;
}

/// An object's values as text, nested objects flattened to "from.name".
void flatten(const json& value, const std::string& prefix, std::vector<std::string>& header,
             std::vector<std::string>& cells) {
  auto put = [&](std::string text) {
    auto it = std::find(header.begin(), header.end(), prefix);
    std::size_t i = it - header.begin();
    if (it == header.end()) header.push_back(prefix);
    if (cells.size() <= i) cells.resize(i + 1);
    cells[i] = std::move(text);
  };
  if (value.is_object()) {
    for (const auto& [k, v] : value.items())
      flatten(v, prefix.empty() ? k : prefix + "." + k, header, cells);
  } else if (value.is_string()) {
    put(value.get<std::string>());
  } else if (value.is_number_integer() || value.is_number_unsigned()) {
    put(value.dump());
  } else if (value.is_number() || value.is_boolean()) {
    put(value.dump());
  }
  // null and arrays (attachments, reactions) carry nothing triage reads
}

InboxTable table_from_json(std::string_view text, const std::string& display) {
  InboxTable table;
  auto add = [&](const json& item, int line) {
    if (!item.is_object()) {
      table.problems.push_back({line, "not a JSON object"});
      return;
    }
    CsvRow row;
    row.line = line;
    flatten(item, "", table.header, row.cells);
    table.rows.push_back(std::move(row));
  };
  json doc = json::parse(text, nullptr, false);
  if (!doc.is_discarded()) {
    std::string key;
    const json* list = doc.is_array() ? &doc : nullptr;
    if (doc.is_object())
      for (const char* k : list_keys)
        if (!list && doc.contains(k) && doc[k].is_array()) list = &doc[k], key = k;
    if (!list && doc.is_object()) list = nullptr;
    if (!list) {
      if (doc.is_object()) {  // a single message
        add(doc, 1);
        return table;
      }
      throw Error(Location{display, 1, 1}, "the JSON holds no list of messages",
                  "give an array of objects, or an object with a \"messages\" array");
    }
    std::vector<int> lines = element_lines(text, key);
    bool have_lines = lines.size() == list->size();
    for (std::size_t i = 0; i < list->size(); ++i)
      add((*list)[i], have_lines ? lines[i] : static_cast<int>(i + 1));
    return table;
  }
  // JSON Lines: one object per line.
  int line = 0;
  for (const auto& raw : split(text, '\n')) {
    ++line;
    if (trim(raw).empty()) continue;
    json item = json::parse(raw, nullptr, false);
    if (item.is_discarded()) table.problems.push_back({line, "not valid JSON"});
    else add(item, line);
  }
  if (table.rows.empty())
    throw Error(Location{display, 0, 0}, "cannot read the file as JSON",
                "check it with a JSON validator, or give --format csv or --format lines");
  return table;
}

/// True when the first line, read as a CSV header, names a column that holds message text.
bool looks_like_csv_header(std::string_view text) {
  std::string first(text.substr(0, text.find('\n')));
  CsvTable t = parse_csv(first);
  if (t.rows.empty()) return false;
  for (const auto& cell : t.rows.front().cells) {
    std::string key = name_key(cell);
    for (const auto& preset : inbox_presets())
      for (const auto& [field, names] : preset.columns)
        if (field == "text")
          for (const auto& n : names)
            if (name_key(n) == key) return true;
    for (const char* n : {"text", "body", "comment", "post", "tweet", "message text"})
      if (key == n) return true;
  }
  return false;
}

}  // namespace

std::string inbox_format_for_name(const std::string& name) {
  std::string lower = to_lower_ascii(name);
  for (const char* ext : {".csv", ".tsv"})
    if (lower.ends_with(ext)) return "csv";
  for (const char* ext : {".json", ".jsonl", ".ndjson"})
    if (lower.ends_with(ext)) return "json";
  return lower.ends_with(".txt") ? "lines" : "";
}

std::string detect_inbox_format(std::string_view text, bool has_mappings) {
  std::string_view start = text;
  if (start.starts_with("\xEF\xBB\xBF")) start.remove_prefix(3);
  std::size_t first = start.find_first_not_of(" \t\r\n");
  if (first != std::string_view::npos && (start[first] == '[' || start[first] == '{'))
    return "json";
  if (has_mappings || looks_like_csv_header(start)) return "csv";
  return "lines";
}

InboxFile read_inbox_text(std::string_view text, const std::string& format,
                          const std::vector<ColumnMapping>& mappings, std::string_view preset,
                          const std::string& display) {
  if (format == "lines") {
    if (!mappings.empty() || !preset.empty())
      throw Error("--map and --preset need a CSV or JSON file, not one message per line", {},
                  exit_usage);
    return read_inbox_lines(text);
  }
  if (text.starts_with("\xEF\xBB\xBF")) text.remove_prefix(3);
  InboxTable table = format == "json" ? table_from_json(text, display) : inbox_table_from_csv(text);
  return read_inbox(table, mappings, preset, display);
}

}  // namespace peers::cli
