#pragma once
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "context.hpp"
#include "peers/error.hpp"

namespace CLI {
class App;
class ParseError;
}  // namespace CLI

namespace peers::cli {

/// Store text made safe for a terminal (control characters and bidi overrides made visible).
std::string safe(std::string_view text);
std::string safe_multiline(std::string_view text);

/// "peers: error: FILE:LINE:COL: message" on `err`: how every error is shown (the catch site in
/// cli::run adds its hint; `peers edit` shows a parse error this way before offering to edit
/// again).
void print_error(std::ostream& err, const Error& e);

/// JSON text, two-space indented, every string (keys and values, known fields or not) with
/// C1 controls and bidi/invisible format characters (U+0085, U+009B, U+202E, ...; what
/// forbidden_character names) written as \uXXXX escapes. Invalid UTF-8 becomes U+FFFD.
std::string json_text(const nlohmann::ordered_json& data);
/// json_text of an array of `count` elements, made one at a time by `element` (so that they
/// need not all be built at once).
std::string json_array_text(std::size_t count,
                            const std::function<nlohmann::ordered_json(std::size_t)>& element);

/// Prints JSON data on stdout (json_text).
void print_json(const Output& io, const nlohmann::ordered_json& data);

/// Rows of columns, aligned; the last column is cut to fit the terminal width with an ellipsis.
/// Cells must already be terminal-safe.
struct Table {
  std::vector<std::vector<std::string>> rows;
  std::vector<const char*> styles;  // per column, "" for none

  void add(std::vector<std::string> row) { rows.push_back(std::move(row)); }
  void print(const Output& io) const;
  /// On a narrow terminal the other columns are narrowed until the last one has `last_room`;
  /// with `keep_first`, the first column (ids, which people copy) is never cut.
  void print(const Output& io, std::size_t last_room, bool keep_first) const;
};

/// "unknown command 'ad' (did you mean 'add'?)" and the like, from a CLI11 parse error.
std::string describe_parse_error(const CLI::App& app, const CLI::ParseError& error);
/// "run 'peers add --help' for usage" for the command being parsed.
std::string usage_hint(const CLI::App& app);

/// "1 day", "3 days": the count and the noun in the form the count takes.
std::string counted(long long n, std::string_view one, std::string_view many);

/// Formats an examples block for a command's help footer.
std::string examples(std::initializer_list<const char*> lines);

/// Asks a yes/no question on the terminal (stderr prompt, stdin answer). Only call it when
/// stdin is a terminal.
bool confirm(const Output& io, const std::string& question);
/// Asks for a line of text on the terminal; empty when the person just presses Enter.
std::string prompt_line(const Output& io, const std::string& label);

}  // namespace peers::cli
