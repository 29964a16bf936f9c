#include "output.hpp"

#include <CLI/CLI.hpp>

#include <algorithm>
#include <iostream>
#include <optional>

#include <fmt/format.h>

#include "commands.hpp"
#include "peers/text.hpp"

namespace peers::cli {

std::string safe(std::string_view text) { return terminal_safe(text); }
std::string safe_multiline(std::string_view text) { return terminal_safe(text, true); }

void print_error(std::ostream& err, const Error& e) {
  std::string where = format_location(e.where());
  err << "peers: error: " << (where.empty() ? "" : terminal_safe(where) + ": ")
      << terminal_safe(e.what()) << '\n';
}

std::string json_text(const nlohmann::ordered_json& data) {
  std::string dumped = data.dump(2, ' ', false, nlohmann::ordered_json::error_handler_t::replace);
  // The dump is valid UTF-8 and only strings hold non-ASCII text, so each such character
  // can be replaced where it stands. What needs no replacing is copied in runs, and a dump
  // with nothing to replace is returned as it is.
  std::string out;
  std::size_t copied = 0;  // dumped[0, copied) is in out
  for (std::size_t i = 0; i < dumped.size();) {
    auto lead = static_cast<unsigned char>(dumped[i]);
    if (lead < 0x7F) {
      ++i;
      continue;
    }
    std::size_t len = lead < 0x80 ? 1 : lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : 2;
    len = std::min(len, dumped.size() - i);
    std::string_view ch(dumped.data() + i, len);
    if (lead != 0x7F && (len == 1 || !forbidden_character(ch, true))) {
      i += len;
      continue;
    }
    if (out.empty()) out.reserve(dumped.size() + 16);
    out.append(dumped, copied, i - copied);
    i += len;
    copied = i;
    if (lead == 0x7F) {
      out += "\\u007f";
      continue;
    }
    char32_t cp = lead & (len == 2 ? 0x1F : len == 3 ? 0x0F : 0x07);
    for (std::size_t k = 1; k < len; ++k) cp = (cp << 6) | (static_cast<unsigned char>(ch[k]) & 0x3F);
    if (cp >= 0x10000) {
      cp -= 0x10000;
      out += fmt::format("\\u{:04x}\\u{:04x}", 0xD800 + (static_cast<unsigned>(cp) >> 10),
                         0xDC00 + (static_cast<unsigned>(cp) & 0x3FF));
    } else {
      out += fmt::format("\\u{:04x}", static_cast<unsigned>(cp));
    }
  }
  if (copied == 0) return dumped;
  out.append(dumped, copied, std::string::npos);
  return out;
}

std::string json_array_text(std::size_t count,
                            const std::function<nlohmann::ordered_json(std::size_t)>& element) {
  if (count == 0) return json_text(nlohmann::ordered_json::array());
  // What dump(2) makes of the array: each element one level in, every line of it indented
  // (strings hold no raw line break).
  std::string out = "[\n";
  for (std::size_t i = 0; i < count; ++i) {
    std::string text = json_text(element(i));
    out += "  ";
    std::size_t line = 0;
    for (std::size_t end; (end = text.find('\n', line)) != std::string::npos; line = end + 1)
      out.append(text, line, end + 1 - line).append("  ");
    out.append(text, line, std::string::npos);
    out += i + 1 < count ? ",\n" : "\n";
  }
  return out + "]";
}

void print_json(const Output& io, const nlohmann::ordered_json& data) {
  io.out << json_text(data) << '\n';
}

void Table::print(const Output& io) const { print(io, 12, false); }

void Table::print(const Output& io, std::size_t last_room, bool keep_first) const {
  if (rows.empty()) return;
  std::size_t columns = 0;
  for (const auto& row : rows) columns = std::max(columns, row.size());
  std::vector<std::size_t> widths(columns, 0);
  for (const auto& row : rows)
    for (std::size_t c = 0; c + 1 < row.size(); ++c)
      widths[c] = std::max(widths[c], display_width(row[c]));
  // On a narrow terminal, narrow the widest of the other columns (down to a minimum; the first,
  // usually the id, last of all) until the last one has some room. Cut cells end in "…".
  if (io.width > 0 && columns > 1) {
    const std::size_t narrowest = 8;
    auto used_by_others = [&] {
      std::size_t total = 0;
      for (std::size_t c = 0; c + 1 < columns; ++c) total += widths[c] + 2;
      return total;
    };
    while (used_by_others() + last_room > static_cast<std::size_t>(io.width)) {
      auto widest = columns > 2 ? std::max_element(widths.begin() + 1, widths.end() - 1)
                                : widths.begin();
      if (*widest <= narrowest && !keep_first) widest = widths.begin();
      if (*widest <= narrowest) break;
      --*widest;
    }
  }
  for (const auto& row : rows) {
    std::string line;
    std::size_t used = 0;
    for (std::size_t c = 0; c < row.size(); ++c) {
      std::string cell = row[c];
      bool last = c + 1 == row.size();
      if (last && io.width > 0) {
        std::size_t room = io.width > static_cast<int>(used) + 1
                               ? static_cast<std::size_t>(io.width) - used
                               : 1;
        cell = truncate_to_width(cell, room);
      } else if (!last && display_width(cell) > widths[c]) {
        cell = truncate_to_width(cell, widths[c]);
      }
      std::size_t w = display_width(cell);
      const char* how = c < styles.size() ? styles[c] : "";
      line += (how && *how) ? io.style(cell, how) : cell;
      if (!last) {
        std::size_t pad = widths[c] - w + 2;
        line.append(pad, ' ');
        used += widths[c] + 2;
      }
    }
    while (!line.empty() && line.back() == ' ') line.pop_back();
    io.out << line << '\n';
  }
}

/// For a command made of verbs (topic, event, lead, git, config) given none or a wrong one:
/// "unknown verb 'renmae' for 'peers topic' (did you mean 'rename'?)", or the verbs it has.
std::optional<std::string> describe_missing_verb(const CLI::App& app, const CLI::App& command,
                                                 const CLI::ParseError& error) {
  if (!dynamic_cast<const CLI::RequiredError*>(&error) &&
      !dynamic_cast<const CLI::ExtrasError*>(&error))
    return std::nullopt;
  std::vector<std::string> verbs;
  for (const auto* verb : command.get_subcommands([](const CLI::App*) { return true; }))
    verbs.push_back(verb->get_name());
  if (verbs.empty() || !command.get_subcommands().empty()) return std::nullopt;
  std::string path = "peers " + command.get_name();
  auto words = command.remaining();
  if (words.empty()) words = app.remaining();
  if (words.empty() || words.front().starts_with("-"))
    return fmt::format("'{}' needs one of: {}", path, join(verbs, ", "));
  std::string text = fmt::format("unknown verb '{}' for '{}'", safe(words.front()), path);
  auto close = closest_matches(words.front(), verbs);
  text += close.empty() ? fmt::format(" (it has: {})", join(verbs, ", "))
                        : fmt::format(" (did you mean '{}'?)", close.front());
  return text;
}

std::string describe_parse_error(const CLI::App& app, const CLI::ParseError& error) {
  std::string message = error.what();
  const CLI::App* command = &app;
  while (!command->get_subcommands().empty()) command = command->get_subcommands().front();
  if (command != &app)
    if (auto verb = describe_missing_verb(app, *command, error)) return *verb;
  if (dynamic_cast<const CLI::ExtrasError*>(&error) && command == &app) {
    std::vector<std::string> names;
    for (const auto& entry : command_registry()) names.emplace_back(entry.name);
    std::string word = app.remaining().empty() ? std::string() : app.remaining().front();
    if (word.empty()) {
      auto pos = message.find(": ");
      if (pos != std::string::npos) word = trim(message.substr(pos + 2));
    }
    if (!word.empty() && word[0] != '-') {
      auto close = closest_matches(word, names);
      std::string text = fmt::format("unknown command '{}'", safe(word));
      if (!close.empty()) text += fmt::format(" (did you mean '{}'?)", close.front());
      return text;
    }
  }
  if (!message.empty()) message[0] = static_cast<char>(std::tolower(message[0]));
  return safe(message);
}

std::string usage_hint(const CLI::App& app) {
  std::string path = "peers";
  const CLI::App* command = &app;
  while (!command->get_subcommands().empty()) {
    command = command->get_subcommands().front();
    path += " " + command->get_name();
  }
  return fmt::format("run '{} --help' for usage", path);
}

std::string counted(long long n, std::string_view one, std::string_view many) {
  return fmt::format("{} {}", n, n == 1 ? one : many);
}

std::string examples(std::initializer_list<const char*> lines) {
  std::string text = "Examples:\n";
  for (const char* line : lines) text += fmt::format("  {}\n", line);
  return text;
}

bool confirm(const Output& io, const std::string& question) {
  io.err << question << " [y/N] " << std::flush;
  std::string answer;
  if (!std::getline(io.in, answer)) return false;
  answer = to_lower_ascii(trim(answer));
  return answer == "y" || answer == "yes";
}

std::string prompt_line(const Output& io, const std::string& label) {
  io.err << label << ": " << std::flush;
  std::string answer;
  if (!std::getline(io.in, answer)) return {};
  return trim(answer);
}

}  // namespace peers::cli
