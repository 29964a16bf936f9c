// `peers check`: the lists of rules that run (checkers.hpp declares them), and running them.
#include "peers/check.hpp"

#include <algorithm>
#include <numeric>
#include <tuple>

#include "check/checkers.hpp"
#include "store/layout.hpp"

namespace peers {

using namespace checks;

const char* to_string(Severity severity) {
  return severity == Severity::error ? "error" : "warning";
}

const std::vector<FileChecker>& file_checkers() {
  static const std::vector<FileChecker> list = {
      check_loading, check_record_fields, check_canonical, check_question_status,
      check_contact_types,
  };
  return list;
}

const std::vector<Checker>& checkers() {
  static const std::vector<Checker> list = {
      check_file_names, check_temp_files, check_references,
      check_duplicates, check_aliases,    check_events,
      check_retired_files,
  };
  return list;
}

std::vector<Finding> check_file(const StoreFile& file) {
  std::vector<Finding> findings;
  for (FileChecker checker : file_checkers()) checker(file, findings);
  return findings;
}

bool checks::reported_before(const Finding& a, const Finding& b) {
  bool a_config = a.where.file == config_path, b_config = b.where.file == config_path;
  return std::forward_as_tuple(!a_config, a.where.file, a.where.line, a.where.column) <
         std::forward_as_tuple(!b_config, b.where.file, b.where.line, b.where.column);
}

std::vector<Finding> checks::check_store(const CheckInput& input, std::vector<char>* from_store) {
  std::vector<Finding> findings;
  for (const auto& file : input.files) {
    if (file.findings) {
      findings.insert(findings.end(), file.findings->begin(), file.findings->end());
    } else {
      for (FileChecker checker : file_checkers()) checker(file, findings);
    }
  }
  const std::size_t from_files = findings.size();
  for (Checker checker : checkers()) checker(input, findings);
  std::vector<std::size_t> order(findings.size());
  std::iota(order.begin(), order.end(), 0);
  std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
    return reported_before(findings[a], findings[b]);
  });
  std::vector<Finding> sorted;
  sorted.reserve(findings.size());
  for (std::size_t i : order) {
    sorted.push_back(std::move(findings[i]));
    if (from_store) from_store->push_back(i >= from_files ? 1 : 0);
  }
  return sorted;
}

std::vector<Finding> check_store(const CheckInput& input) {
  return checks::check_store(input, nullptr);
}

std::optional<std::string> canonical_text(const StoreFile& file) {
  if (!file.root) return std::nullopt;
  try {
    Node canonical;
    if (!file.kind && classify_path(file.path).is_config)
      canonical = config_to_node(config_from_node(*file.root, file.path));
    else if (!file.kind)
      return std::nullopt;
    else if (*file.kind == Kind::person)
      canonical = person_to_node(person_from_node(*file.root, file.id, file.path));
    else if (*file.kind == Kind::topic)
      canonical = topic_to_node(topic_from_node(*file.root, file.id, file.path));
    else if (*file.kind == Kind::question)
      canonical = question_to_node(question_from_node(*file.root, file.id, file.path));
    else if (*file.kind == Kind::event)
      canonical = event_to_node(event_from_node(*file.root, file.id, file.path));
    else if (*file.kind == Kind::lead)
      canonical = lead_to_node(lead_from_node(*file.root, file.id, file.path));
    else
      return std::nullopt;
    carry_comments(*file.root, canonical);
    return emit_yaml(canonical);
  } catch (const Error&) {
    return std::nullopt;
  }
}

}  // namespace peers
