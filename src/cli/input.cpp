#include "input.hpp"

#include <fmt/format.h>

#include "output.hpp"
#include "peers/error.hpp"
#include "peers/text.hpp"

namespace peers::cli {

std::string clean_input(std::string_view value, std::string_view what, bool multiline) {
  if (auto bad = forbidden_character(value, multiline))
    throw Error(fmt::format("{} contains {}", what, *bad),
                multiline ? "remove it; only newlines and tabs are allowed besides text"
                          : "remove it; give plain text on one line",
                exit_usage);
  return trim(value);
}

std::string clean_name(std::string_view value, std::string_view what) {
  std::string name = clean_input(value, what);
  if (auto bad = invisible_character(name))
    throw Error(fmt::format("{} contains {}", what, *bad),
                "remove it: names are written with visible characters only, so no name can "
                "pass for another",
                exit_usage);
  return name;
}

Date parse_date_input(std::string_view value, std::string_view flag) {
  auto date = Date::parse(trim(value));
  if (!date)
    throw Error(fmt::format("{} needs a date as YYYY-MM-DD, got '{}'", flag, safe(value)),
                fmt::format("for example: {} 2026-11-20", flag), exit_usage);
  return *date;
}

std::vector<ColumnMapping> parse_column_mappings(const std::vector<std::string>& maps,
                                                 std::string_view example) {
  std::vector<ColumnMapping> out;
  for (const auto& map : maps) {
    std::string text = clean_input(map, "--map");
    auto eq = text.rfind('=');
    if (eq == std::string::npos || eq == 0 || eq + 1 == text.size())
      throw Error(fmt::format("--map needs COLUMN=FIELD, got '{}'", safe(text)),
                  fmt::format("for example: {}", example), exit_usage);
    out.push_back({trim(text.substr(0, eq)), to_lower_ascii(trim(text.substr(eq + 1)))});
  }
  return out;
}

}  // namespace peers::cli
