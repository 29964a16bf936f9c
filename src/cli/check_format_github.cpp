#include <fmt/format.h>

#include "check_formats.hpp"
#include "output.hpp"

namespace peers::cli {

std::string github_escape_data(std::string_view text) {
  std::string out;
  for (char c : text) {
    if (c == '%') out += "%25";
    else if (c == '\r') out += "%0D";
    else if (c == '\n') out += "%0A";
    else out += c;
  }
  return out;
}

std::string github_escape_property(std::string_view text) {
  std::string out;
  for (char c : github_escape_data(text)) {
    if (c == ':') out += "%3A";
    else if (c == ',') out += "%2C";
    else out += c;
  }
  return out;
}

std::string github_annotations(const std::vector<Finding>& findings, std::string_view prefix) {
  std::string out;
  for (const auto& f : findings) {
    std::vector<std::string> properties;
    // The store's file names and text are shown in a browser and the job log: made visible
    // (safe) first, then escaped, so nothing in them can end the command or start another.
    if (!f.where.file.empty())
      properties.push_back("file=" + github_escape_property(safe(std::string(prefix) + f.where.file)));
    if (f.where.line > 0) properties.push_back(fmt::format("line={}", f.where.line));
    if (f.where.column > 0) properties.push_back(fmt::format("col={}", f.where.column));
    properties.push_back("title=" + github_escape_property(safe(f.code)));
    std::string message = safe(f.message);
    if (!f.hint.empty()) message += "\nhint: " + safe(f.hint);
    out += fmt::format("::{} {}::{}\n", to_string(f.severity), fmt::join(properties, ","),
                       github_escape_data(message));
  }
  return out;
}

}  // namespace peers::cli
