#include <fmt/format.h>

#include <nlohmann/json.hpp>

#include <set>

#include "check_formats.hpp"
#include "peers/text.hpp"

namespace peers::cli {
std::string gitlab_code_quality(const std::vector<Finding>& findings, std::string_view prefix) {
  nlohmann::ordered_json report = nlohmann::ordered_json::array();
  std::set<std::string> fingerprints;
  for (const auto& f : findings) {
    std::string path = std::string(prefix) + (f.where.file.empty() ? "peers.yaml" : f.where.file);
    std::string description = f.message;
    if (!f.hint.empty()) description += " (hint: " + f.hint + ")";
    // GitLab compares fingerprints between the branch and its target to say what is new, so
    // they leave out the line (which moves with unrelated edits) unless two findings need it.
    std::string fingerprint =
        fmt::format("{:016x}", fnv1a(fmt::format("{}\n{}\n{}", path, f.code, f.message)));
    for (int n = 1; !fingerprints.insert(fingerprint).second; ++n)
      fingerprint = fmt::format(
          "{:016x}", fnv1a(fmt::format("{}\n{}\n{}\n{}", path, f.code, f.message, n)));
    nlohmann::ordered_json issue;
    issue["description"] = description;  // JSON escaping makes any store text safe here
    issue["check_name"] = f.code;
    issue["fingerprint"] = fingerprint;
    issue["severity"] = f.severity == Severity::error ? "major" : "minor";
    issue["location"]["path"] = path;
    issue["location"]["lines"]["begin"] = std::max(1, f.where.line);
    report.push_back(std::move(issue));
  }
  // Invalid UTF-8 cannot come from the strict loader, but a file name could hold it.
  return report.dump(2, ' ', false, nlohmann::ordered_json::error_handler_t::replace) + "\n";
}

}  // namespace peers::cli
