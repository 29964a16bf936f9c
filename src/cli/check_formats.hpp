#pragma once
#include <string>
#include <string_view>
#include <vector>

#include "peers/check.hpp"

namespace peers::cli {

/// How `peers check` prints findings for a CI system. `prefix` is the store's directory inside
/// the git repository ("" at its top, "team/store/" below it): forges want paths from the top.

/// GitHub Actions workflow commands, one per finding:
///   ::error file=F,line=L,col=C,title=CODE::MESSAGE
/// (https://docs.github.com/actions/reference/workflow-commands-for-github-actions).
std::string github_annotations(const std::vector<Finding>& findings, std::string_view prefix);
/// `text` escaped as a workflow command's data: % CR LF.
std::string github_escape_data(std::string_view text);
/// `text` escaped as a workflow command's property value: % CR LF : ,
std::string github_escape_property(std::string_view text);

/// A GitLab Code Quality report: a JSON array of issues (description, check_name,
/// fingerprint, severity, location.path, location.lines.begin).
std::string gitlab_code_quality(const std::vector<Finding>& findings, std::string_view prefix);

/// A JUnit XML report: one test case per file with findings, failed by its errors (and its
/// warnings too when `strict`); one passing test case when there are none.
std::string junit_xml(const std::vector<Finding>& findings, std::string_view prefix, bool strict);
/// `text` escaped for XML character data and attribute values, with characters XML 1.0 does
/// not allow replaced by U+FFFD.
std::string xml_escape(std::string_view text);

}  // namespace peers::cli
