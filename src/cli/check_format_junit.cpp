#include <fmt/format.h>

#include <map>

#include "check_formats.hpp"
#include "output.hpp"
#include "peers/error.hpp"
#include "peers/text.hpp"

namespace peers::cli {
namespace {

bool allowed_in_xml(char32_t c) {
  return c == 0x9 || c == 0xA || c == 0xD || (c >= 0x20 && c <= 0xD7FF) ||
         (c >= 0xE000 && c <= 0xFFFD) || (c >= 0x10000 && c <= 0x10FFFF);
}

std::string failure_text(const Finding& f, std::string_view path) {
  std::string text = safe(path);
  if (f.where.line > 0) text += fmt::format(":{}", f.where.line);
  if (f.where.column > 0) text += fmt::format(":{}", f.where.column);
  text += fmt::format(": {}: {} [{}]", to_string(f.severity), safe(f.message), f.code);
  if (!f.hint.empty()) text += "\n  hint: " + safe(f.hint);
  return text;
}

}  // namespace

std::string xml_escape(std::string_view text) {
  std::string out;
  for_each_code_point(text, [&](std::size_t at, std::size_t n, std::optional<char32_t> code) {
    if (!code || !allowed_in_xml(*code)) {
      out += "\xEF\xBF\xBD";  // U+FFFD
      return true;
    }
    switch (*code) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      case '\'': out += "&apos;"; break;
      case '\r': out += "&#13;"; break;
      default: out.append(text.substr(at, n));
    }
    return true;
  });
  return out;
}

std::string junit_xml(const std::vector<Finding>& findings, std::string_view prefix, bool strict) {
  std::map<std::string, std::vector<const Finding*>> by_file;  // sorted, as testcases are
  for (const auto& f : findings)
    by_file[std::string(prefix) + (f.where.file.empty() ? "peers.yaml" : f.where.file)]
        .push_back(&f);
  auto fails = [strict](const Finding& f) { return f.severity == Severity::error || strict; };
  std::size_t failed = 0;
  for (const auto& [path, list] : by_file)
    for (const Finding* f : list)
      if (fails(*f)) {
        ++failed;
        break;
      }
  std::size_t tests = by_file.empty() ? 1 : by_file.size();

  std::string out = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";
  out += fmt::format("<testsuites name=\"peers check\" tests=\"{}\" failures=\"{}\" errors=\"0\">\n",
                     tests, failed);
  out += fmt::format(
      "  <testsuite name=\"peers check\" tests=\"{}\" failures=\"{}\" errors=\"0\" skipped=\"0\">\n",
      tests, failed);
  if (by_file.empty()) out += "    <testcase classname=\"peers.check\" name=\"store\"/>\n";
  for (const auto& [path, list] : by_file) {
    std::string name = xml_escape(path);
    out += fmt::format("    <testcase classname=\"peers.check\" name=\"{}\" file=\"{}\">\n", name,
                       name);
    std::vector<const Finding*> failing, other;
    for (const Finding* f : list) (fails(*f) ? failing : other).push_back(f);
    if (!failing.empty()) {
      std::string body;
      for (const Finding* f : failing) body += failure_text(*f, path) + "\n";
      // One <failure> per test case is what every reader shows; it lists all of them.
      out += fmt::format("      <failure type=\"{}\" message=\"{}\">{}</failure>\n",
                         xml_escape(failing.front()->code),
                         xml_escape(failing.size() == 1
                                        ? safe(failing.front()->message)
                                        : fmt::format("{} (and {} more)",
                                                      safe(failing.front()->message),
                                                      failing.size() - 1)),
                         xml_escape(body));
    }
    if (!other.empty()) {
      std::string body;
      for (const Finding* f : other) body += failure_text(*f, path) + "\n";
      out += fmt::format("      <system-out>{}</system-out>\n", xml_escape(body));
    }
    out += "    </testcase>\n";
  }
  out += "  </testsuite>\n</testsuites>\n";
  return out;
}

}  // namespace peers::cli
