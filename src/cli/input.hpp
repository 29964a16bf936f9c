#pragma once
#include <optional>
#include <string>
#include <string_view>

#include "peers/time.hpp"

namespace peers::cli {

/// User text from the command line, trimmed; refused (exit 2) when it holds control
/// characters (newline and tab are allowed only when `multiline`) or bidi overrides.
std::string clean_input(std::string_view value, std::string_view what, bool multiline = false);

/// A YYYY-MM-DD date given to `flag`; refused with an example otherwise.
Date parse_date_input(std::string_view value, std::string_view flag);

}  // namespace peers::cli
