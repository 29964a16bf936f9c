#pragma once
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "peers/contacts.hpp"
#include "peers/time.hpp"

namespace peers::cli {

/// User text from the command line, trimmed; refused (exit 2) when it holds control
/// characters (newline and tab are allowed only when `multiline`) or bidi overrides.
std::string clean_input(std::string_view value, std::string_view what, bool multiline = false);

/// clean_input for a name (of a person, topic, alias or event): also refused when it holds an
/// invisible or bidi character (invisible_character), which would make it look like another.
std::string clean_name(std::string_view value, std::string_view what);

/// A YYYY-MM-DD date given to `flag`; refused with an example otherwise.
Date parse_date_input(std::string_view value, std::string_view flag);

/// `--map COLUMN=FIELD` values (the field lowercased); refused (exit 2) without a '='.
/// `example` goes in the hint: "--map \"Body=text\"".
std::vector<ColumnMapping> parse_column_mappings(const std::vector<std::string>& maps,
                                                 std::string_view example);

}  // namespace peers::cli
