// check's rules for one file at a time: loading (syntax, merge conflicts, CRLF), each field's
// type from the record's field table, the canonical form and a question's status.
#include <algorithm>

#include <fmt/format.h>

#include "check/checkers.hpp"
#include "model/fields.hpp"
#include "store/layout.hpp"
#include "peers/contacts.hpp"
#include "peers/text.hpp"
#include "peers/time.hpp"

namespace peers::checks {

Finding make_finding(Location where, Severity severity, std::string code, std::string message,
                     std::string hint, bool fixable) {
  return Finding{std::move(where), severity, std::move(code), std::move(message),
                 std::move(hint), fixable};
}

Location at(const StoreFile& file, const Node* node) {
  if (!node) return Location{file.path, 0, 0};
  return Location{file.path, node->mark.line, node->mark.column};
}

namespace {

// ---- loading: syntax, conflict markers, CRLF ----

bool is_marker(std::string_view line, std::string_view marker) {
  return line.substr(0, 7) == marker && (line.size() == 7 || line[7] == ' ');
}

std::string short_line(std::string_view line) {
  std::string text = trim(line);
  if (text.empty()) return "(nothing)";
  return "'" + truncate_to_width(terminal_safe(text), 50) + "'";
}

/// One finding per conflict block, saying what each side holds.
void explain_conflicts(const StoreFile& file, std::vector<Finding>& findings) {
  std::vector<std::string> lines = split(file.text, '\n');
  for (std::size_t i = 0; i < lines.size(); ++i) {
    std::string_view line = lines[i];
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (!is_marker(line, "<<<<<<<")) continue;
    std::size_t start = i;
    std::vector<std::string> ours, theirs;
    std::vector<std::string>* side = &ours;
    std::size_t end = i;
    for (std::size_t j = i + 1; j < lines.size(); ++j) {
      std::string_view l = lines[j];
      if (!l.empty() && l.back() == '\r') l.remove_suffix(1);
      if (is_marker(l, "|||||||")) {
        side = nullptr;  // the common ancestor's lines (diff3 style)
      } else if (is_marker(l, "=======")) {
        side = &theirs;
      } else if (is_marker(l, ">>>>>>>")) {
        end = j;
        break;
      } else if (side) {
        side->emplace_back(l);
      }
      end = j;
    }
    auto first = [](const std::vector<std::string>& side_lines) {
      for (const auto& l : side_lines)
        if (!trim(l).empty()) return short_line(l);
      return std::string("(nothing)");
    };
    findings.push_back(make_finding(
        Location{file.path, static_cast<int>(start) + 1, 1}, Severity::error, "conflict-marker",
        fmt::format("unresolved merge conflict (lines {}-{}): one side has {}, the other {}",
                    start + 1, end + 1, first(ours), first(theirs)),
        "keep the lines that are right, delete the lines '<<<<<<<', '=======' and '>>>>>>>', "
        "then run 'peers check' again"));
    i = end;
  }
}

}  // namespace

void check_loading(const StoreFile& file, std::vector<Finding>& findings) {
  if (file.text.find("\r\n") != std::string::npos) {
    std::size_t offset = file.text.find("\r\n");
    int line = 1 + static_cast<int>(std::count(file.text.begin(),
                                               file.text.begin() + static_cast<long>(offset), '\n'));
    bool fixable = file.root && !file.record_error && canonical_text(file).has_value();
    findings.push_back(make_finding(
        Location{file.path, line, 0}, Severity::warning, "crlf", "Windows (CRLF) line endings",
        fixable ? "'peers check --fix' rewrites the file with LF endings"
                : "save the file with LF (Unix) line endings",
        fixable));
  }
  if (!file.load_error) return;
  const Error& e = *file.load_error;
  std::string message = e.what();
  bool conflict = message.starts_with("unresolved merge conflict");
  if (conflict) {
    std::size_t before = findings.size();
    explain_conflicts(file, findings);
    if (findings.size() > before) return;  // else a stray marker: report it as it is
  }
  std::string code = conflict                                 ? "conflict-marker"
                     : message.starts_with("YAML syntax error") ? "yaml-syntax"
                                                                : "bad-file";
  Location where = e.where();
  where.file = file.path;
  findings.push_back(make_finding(where, Severity::error, code, message, e.hint()));
}

namespace {

using fields::FieldType;
using FieldSpec = fields::FieldInfo;

/// The field table of the file's kind (model/fields.hpp), or of peers.yaml.
const std::vector<FieldSpec>& fields_of(const StoreFile& file) {
  static const std::vector<FieldSpec> none;
  if (!file.kind) return classify_path(file.path).is_config ? fields::config_infos() : none;
  return fields::infos(*file.kind);
}

std::string describe(const Node& node) {
  if (node.is_map()) return "a map";
  if (node.is_sequence()) return "a list";
  if (node.is_null()) return "nothing";
  return "'" + truncate_to_width(terminal_safe(node.scalar), 40) + "'";
}

std::string hint_for(const std::string& key, const std::string& expected) {
  if (expected.starts_with("a list of entries"))
    return fmt::format("write each entry as a map under '{}:', e.g. '  - date: 2026-11-20'", key);
  if (expected.starts_with("a list"))
    return fmt::format("write one item per line: '{}:' then '  - first', '  - second'", key);
  if (expected.starts_with("a map"))
    return fmt::format("write one 'name: value' per line under '{}:', e.g. '  twitter: \"@x\"'", key);
  if (expected.starts_with("a date")) return "write the date as YYYY-MM-DD, e.g. 2026-11-20";
  if (expected.starts_with("a time")) return "write the time as RFC 3339, e.g. 2026-11-20T14:03:00Z";
  if (expected.starts_with("an id")) return "ids are lowercase letters, digits and '-', e.g. maria-lopez";
  if (expected.starts_with("one of")) return fmt::format("change '{}' to {}", key, expected);
  if (expected.starts_with("a whole number")) return fmt::format("write it as digits, e.g. '{}: 180'", key);
  return fmt::format("write it as '{}: some text'", key);
}

void check_fields(const StoreFile& file, const Node& map, const std::vector<FieldSpec>& specs,
                  const std::string& where_prefix, std::vector<Finding>& findings) {
  auto wrong = [&](const Node& node, const std::string& key, const std::string& expected,
                   const char* code = "wrong-type") {
    findings.push_back(make_finding(
        at(file, &node), Severity::error, code,
        fmt::format("'{}{}' should be {}, found {}", where_prefix, key, expected, describe(node)),
        hint_for(key, expected)));
  };
  for (const auto& spec : specs) {
    const Node* node = map.find(spec.key);
    bool empty = !node || node->is_null() || (node->is_scalar() && trim(node->scalar).empty());
    if (empty) {
      if (spec.required)
        findings.push_back(make_finding(
            node ? at(file, node) : Location{file.path, map.mark.line, map.mark.column},
            Severity::error, "missing-key",
            fmt::format("'{}{}' is required and missing", where_prefix, spec.key),
            fmt::format("add a line '{}: ...'", spec.key)));
      continue;
    }
    const Node& value = *node;
    switch (spec.type) {
      case FieldType::text:
        if (!value.is_scalar()) wrong(value, spec.key, "text");
        break;
      case FieldType::integer: {
        // Every integer field (the format, archive_after_days) counts from 1.
        bool digits = value.is_scalar() && !value.scalar.empty() &&
                      value.scalar.find_first_not_of("0123456789") == std::string::npos &&
                      value.scalar.find_first_not_of('0') != std::string::npos;
        if (!digits) wrong(value, spec.key, "a whole number of 1 or more");
        break;
      }
      case FieldType::list:
        if (!value.is_sequence()) {
          wrong(value, spec.key, "a list");
          break;
        }
        for (const auto& item : value.items)
          if (!item.is_scalar() && !item.is_null()) wrong(item, spec.key, "a list of text items");
        break;
      case FieldType::map:
        if (!value.is_map()) {
          wrong(value, spec.key, "a map of 'name: value' lines");
          break;
        }
        for (const auto& entry : value.entries)
          if (!entry.value.is_scalar() && !entry.value.is_null())
            wrong(entry.value, std::string(spec.key) + "." + entry.key, "text");
        break;
      case FieldType::date:
        if (!value.is_scalar())
          wrong(value, spec.key, "a date (YYYY-MM-DD)");
        else if (!Date::parse(value.scalar))
          wrong(value, spec.key, "a date (YYYY-MM-DD)", "bad-date");
        break;
      case FieldType::time:
        if (!value.is_scalar())
          wrong(value, spec.key, "a time (e.g. 2026-11-20T14:03:00Z)");
        else if (!parse_timestamp(value.scalar))
          wrong(value, spec.key, "a time (e.g. 2026-11-20T14:03:00Z)", "bad-date");
        break;
      case FieldType::id:
        if (!value.is_scalar() || !is_valid_id(value.scalar))
          wrong(value, spec.key, "an id (lowercase letters, digits and '-')");
        break;
      case FieldType::ids:
        if (!value.is_sequence()) {
          wrong(value, spec.key, "a list of ids");
          break;
        }
        for (const auto& item : value.items)
          if (!item.is_scalar() || !is_valid_id(item.scalar))
            wrong(item, spec.key, "a list of ids (lowercase letters, digits and '-')");
        break;
      case FieldType::choice:
        if (!value.is_scalar() || std::find_if(spec.choices.begin(), spec.choices.end(),
                                               [&](const char* c) { return value.scalar == c; }) ==
                                      spec.choices.end()) {
          std::vector<std::string> names(spec.choices.begin(), spec.choices.end());
          wrong(value, spec.key, "one of: " + join(names, ", "), "bad-value");
        }
        break;
      case FieldType::records:
        if (!value.is_sequence()) {
          wrong(value, spec.key, "a list of entries");
          break;
        }
        for (std::size_t i = 0; i < value.items.size(); ++i) {
          const Node& item = value.items[i];
          if (!item.is_map()) {
            wrong(item, spec.key, "a list of entries, each a map of 'key: value'");
            continue;
          }
          check_fields(file, item, spec.item_fields,
                       fmt::format("{}{}[{}].", where_prefix, spec.key, i + 1), findings);
        }
        break;
    }
  }
}
}  // namespace

void check_record_fields(const StoreFile& file, std::vector<Finding>& findings) {
  if (!file.root) return;
  std::size_t before = findings.size();
  check_fields(file, *file.root, fields_of(file), "", findings);
  if (findings.size() == before && file.record_error) {
    // Something the table above does not describe; report what the reader said.
    const Error& e = *file.record_error;
    findings.push_back(
        make_finding(e.where(), Severity::error, "bad-value", e.what(), e.hint()));
  }
}

void check_canonical(const StoreFile& file, std::vector<Finding>& findings) {
  if (!file.root || file.record_error) return;
  auto canonical = canonical_text(file);
  if (!canonical) return;
  std::string text = file.text;
  for (std::size_t pos; (pos = text.find("\r\n")) != std::string::npos;) text.erase(pos, 1);
  if (text == *canonical) return;
  std::vector<std::string> have = split(text, '\n'), want = split(*canonical, '\n');
  std::size_t line = 0;
  while (line < have.size() && line < want.size() && have[line] == want[line]) ++line;
  findings.push_back(make_finding(
      Location{file.path, static_cast<int>(line) + 1, 0}, Severity::warning, "not-canonical",
      "not in the canonical format, so the next change by peers will also reformat it",
      "'peers check --fix' rewrites it canonically (the data and comments stay the same)",
      true));
}

namespace {
/// The statuses the last event of a question's history allows.
std::vector<QuestionStatus> statuses_after(const std::string& event) {
  using S = QuestionStatus;
  if (event == "asked") return {S::open, S::routed};
  if (event == "routed") return {S::routed};
  if (event == "answered") return {S::answered};
  if (event == "closed") return {S::closed};
  if (event == "reopened") return {S::open, S::routed};
  return {};  // edited, or an event peers does not know: says nothing about the status
}
}  // namespace

void check_question_status(const StoreFile& file, std::vector<Finding>& findings) {
  if (file.kind != Kind::question || !file.root || file.record_error) return;
  Question q = question_from_node(*file.root, file.id, file.path);
  const Node* status = file.root->find("status");
  Location where = at(file, status ? status : &*file.root);
  auto report = [&](std::string message, std::string hint) {
    findings.push_back(make_finding(where, Severity::warning, "status-mismatch",
                                    std::move(message), std::move(hint)));
  };
  if (q.status == QuestionStatus::routed && q.routed_to.empty()) {
    report("status is 'routed' but 'routed_to' is empty",
           fmt::format("route it again with 'peers route {} PERSON'", q.id));
    return;
  }
  if (q.status == QuestionStatus::answered && q.answer.empty() && q.answered_by.empty()) {
    report("status is 'answered' but there is no answer",
           fmt::format("record the answer with 'peers answer {}'", q.id));
    return;
  }
  const HistoryEntry* last = nullptr;
  for (const auto& h : q.history)
    if (!statuses_after(h.event).empty() && (!last || h.at >= last->at)) last = &h;
  if (!last) return;
  auto allowed = statuses_after(last->event);
  if (std::find(allowed.begin(), allowed.end(), q.status) != allowed.end()) return;
  report(fmt::format("status is '{}' but the last event in its history is '{}' ({})",
                     to_string(q.status), last->event, format_timestamp(last->at)),
         "set the status that matches what happened last, or add the missing history entry");
}

/// A person's emails and phones written with a malformed type ("555 0100(mobile)", "(home)").
void check_contact_types(const StoreFile& file, std::vector<Finding>& findings) {
  if (file.kind != Kind::person || !file.root || file.record_error) return;
  auto look = [&](const Node& node, const std::string& key) {
    if (!node.is_scalar()) return;
    if (auto problem = typed_value_problem(node.scalar))
      findings.push_back(make_finding(at(file, &node), Severity::warning, "bad-type",
                                      fmt::format("'{}': {}", key, problem->message),
                                      problem->hint));
  };
  for (const char* key : {"email", "phone"})
    if (const Node* node = file.root->find(key)) look(*node, key);
  for (const char* key : {"emails", "phones"})
    if (const Node* list = file.root->find(key); list && list->is_sequence())
      for (const auto& item : list->items) look(item, key);
}

}  // namespace peers::checks
