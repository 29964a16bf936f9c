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

Date parse_date_input(std::string_view value, std::string_view flag) {
  auto date = Date::parse(trim(value));
  if (!date)
    throw Error(fmt::format("{} needs a date as YYYY-MM-DD, got '{}'", flag, safe(value)),
                fmt::format("for example: {} 2026-11-20", flag), exit_usage);
  return *date;
}

}  // namespace peers::cli
