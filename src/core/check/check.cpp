#include "peers/check.hpp"
#include "peers/progress.hpp"


#include <algorithm>
#include <atomic>
#include <map>
#include <set>

#include <fmt/format.h>

#include "util/bytes.hpp"
#include "util/helper_thread.hpp"
#include "cache/cache.hpp"
#include "model/fields.hpp"
#include "store/files.hpp"
#include "store/layout.hpp"
#include "peers/contacts.hpp"
#include "peers/events.hpp"
#include "peers/text.hpp"
#include "peers/time.hpp"

namespace fs = std::filesystem;

namespace peers {
namespace {

constexpr const char* config_path = "peers.yaml";

bool ends_with(std::string_view s, std::string_view suffix) {
  return s.size() >= suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}

Finding make_finding(Location where, Severity severity, std::string code, std::string message,
                     std::string hint, bool fixable = false) {
  return Finding{std::move(where), severity, std::move(code), std::move(message),
                 std::move(hint), fixable};
}

Location at(const StoreFile& file, const Node* node) {
  if (!node) return Location{file.path, 0, 0};
  return Location{file.path, node->mark.line, node->mark.column};
}

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

void check_file_names(const CheckInput& input, std::vector<Finding>& findings) {
  for (const auto& path : input.bad_names)
    findings.push_back(make_finding(
        Location{path}, Severity::error, "invalid-file-name",
        "file name is not a valid id, so peers ignores this file",
        "rename it to lowercase letters, digits and '-' (at most 64), e.g. maria-lopez.yaml"));
}

void check_temp_files(const CheckInput& input, std::vector<Finding>& findings) {
  for (const auto& path : input.temp_files)
    findings.push_back(make_finding(
        Location{path}, Severity::warning, "temp-file",
        "left-over temporary file of an interrupted write",
        "'peers check --fix' removes it (the record it was for is unchanged)", true));
}

// ---- fields: required keys, types, dates ----

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
  if (expected.starts_with("one of")) return "use " + expected;
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

// ---- references between records ----

const StoreFile* file_of(const CheckInput& input, Kind kind, const std::string& id,
                         bool archived = false) {
  return input.file_of(kind, id, archived);
}

bool person_exists(const CheckInput& input, const std::string& id) {
  return input.records.person(id) != nullptr || file_of(input, Kind::person, id) != nullptr;
}

bool topic_exists(const CheckInput& input, const std::string& id) {
  return input.records.topic(id) != nullptr || file_of(input, Kind::topic, id) != nullptr;
}

void report_unknown(const CheckInput& input, const StoreFile* file, const char* key,
                    const std::string& id, const Node* node, Kind kind,
                    std::vector<Finding>& findings) {
  std::vector<std::string> candidates;
  if (kind == Kind::person)
    for (const auto& p : input.records.people) candidates.push_back(p.id);
  else
    for (const auto& t : input.records.topics) candidates.push_back(t.id);
  auto close = closest_matches(id, candidates);
  std::string hint = close.empty()
                         ? fmt::format("add the {} or fix the id", info(kind).noun)
                         : fmt::format("did you mean '{}'?", close.front());
  findings.push_back(make_finding(
      file ? at(*file, node) : Location{}, Severity::error,
      kind == Kind::person ? "unknown-person" : "unknown-topic",
      fmt::format("'{}' refers to {} '{}', which does not exist", key, info(kind).noun, id),
      hint));
}

void check_references(const CheckInput& input, std::vector<Finding>& findings) {
  // A partial check wants the references of its records, and those to its records.
  auto wanted = [&](const std::string& from, const std::string& to) {
    return input.in_focus(from) || input.in_focus(to);
  };
  for (const auto& p : input.records.people) {
    if (p.forward_to.empty() || !wanted(p.id, p.forward_to) ||
        person_exists(input, p.forward_to))
      continue;
    const StoreFile* file = file_of(input, Kind::person, p.id);
    report_unknown(input, file, "forward_to", p.forward_to, input.node(file, "forward_to"),
                   Kind::person, findings);
  }
  for (const auto& q : input.records.questions) {
    for (auto [key, value] : {std::pair<const char*, const std::string*>{"routed_to", &q.routed_to},
                              {"answered_by", &q.answered_by}}) {
      if (value->empty() || !wanted(q.id, *value) || person_exists(input, *value)) continue;
      const StoreFile* file = file_of(input, Kind::question, q.id, q.archived);
      report_unknown(input, file, key, *value, input.node(file, key), Kind::person, findings);
    }
  }
  for (const auto& t : input.records.topics) {
    for (std::size_t i = 0; i < t.related.size(); ++i) {
      if (!wanted(t.id, t.related[i]) || topic_exists(input, t.related[i])) continue;
      // Found only now: the file's tree may have to be read again.
      const StoreFile* file = file_of(input, Kind::topic, t.id);
      const Node* related = input.node(file, "related");
      const Node* item = related && i < related->items.size() ? &related->items[i] : related;
      report_unknown(input, file, "related", t.related[i], item, Kind::topic, findings);
    }
  }
}

/// A person file whose id peers.yaml lists as retired: what an `rm` interrupted between
/// retiring the id (done first) and removing the file leaves behind.
void check_retired_files(const CheckInput& input, std::vector<Finding>& findings) {
  for (const auto& file : input.files) {
    if (file.kind || !classify_path(file.path).is_config) continue;
    const Node* tree = input.tree(file);
    if (!tree) return;
    StoreConfig config;
    try {
      config = config_from_node(*tree, file.path);
    } catch (const Error&) {
      return;  // check_loading reports it
    }
    for (const auto& id : config.retired_ids) {
      const StoreFile* person = input.file_of(Kind::person, id);
      if (!person) continue;
      findings.push_back(make_finding(
          Location{person->path}, Severity::error, "retired-id-file",
          fmt::format("'{}' is listed in retired_ids of peers.yaml, yet its file is still here "
                      "(a 'peers rm' that did not finish?)",
                      id),
          fmt::format("to finish removing them: git rm {} (or rm it); to keep them: take '{}' "
                      "out of retired_ids in peers.yaml",
                      person->path, id)));
    }
    return;
  }
}

// ---- possible duplicates, alias clashes, question status ----

/// Folded name with its words sorted: "López, María" and "Maria Lopez" -> "lopez maria".
std::string sorted_name_key(const std::string& name) {
  std::vector<std::string> words;
  std::string word;
  for (char c : fold(name) + " ") {
    if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
      word += c;
    } else if (!word.empty()) {
      words.push_back(word);
      word.clear();
    }
  }
  std::sort(words.begin(), words.end());
  return join(words, " ");
}

bool similar_names(const std::string& a, const std::string& b) {
  if (a.empty() || b.empty()) return false;
  if (a == b) return true;
  auto digits = [](const std::string& s) {
    std::string d;
    for (char c : s)
      if (c >= '0' && c <= '9') d += c;
    return d;
  };
  if (digits(a) != digits(b)) return false;  // "Team 1" and "Team 2" are not typos
  std::size_t shorter = std::min(a.size(), b.size());
  std::size_t allowed = shorter >= 14 ? 2 : shorter >= 8 ? 1 : 0;
  if (allowed == 0) return false;
  std::size_t diff = a.size() > b.size() ? a.size() - b.size() : b.size() - a.size();
  if (diff > allowed) return false;
  return edit_distance(a, b, allowed) <= allowed;
}

/// Hashes of the strings made by deleting up to `deletions` characters from `key`. Two keys
/// within that many edits of each other always share one (the SymSpell idea), so comparing
/// only people who share a hash finds every similar pair without comparing every pair.
void deletion_variants(const std::string& key, int deletions, std::vector<std::uint64_t>& out) {
  out.push_back(std::hash<std::string>{}(key));
  if (deletions == 0) return;
  for (std::size_t i = 0; i < key.size(); ++i) {
    std::string shorter = key.substr(0, i) + key.substr(i + 1);
    deletion_variants(shorter, deletions - 1, out);
  }
}

void check_duplicates(const CheckInput& input, std::vector<Finding>& findings) {
  const auto& people = input.records.people;
  std::vector<std::string> keys, emails;
  for (const auto& p : people) {
    keys.push_back(sorted_name_key(p.name));
    emails.push_back(to_lower_ascii(split_typed_value(p.email).first));
  }
  // Why person j may be the same as the earlier person i; empty when not.
  auto why = [&](std::size_t i, std::size_t j) -> std::string {
    if (!emails[i].empty() && emails[i] == emails[j])
      return fmt::format("the same email, {}", emails[j]);
    if (keys[i] == keys[j]) return "the same name";
    std::size_t a = keys[i].size(), b = keys[j].size();
    if ((a > b ? a - b : b - a) <= 2 && similar_names(keys[i], keys[j]))  // never beyond 2
      return fmt::format("a very similar name ('{}')", people[i].name);
    return {};
  };
  auto report = [&](std::size_t i, std::size_t j, const std::string& reason) {
    const StoreFile* file = file_of(input, Kind::person, people[j].id);
    findings.push_back(make_finding(
        file ? at(*file, input.node(file, "name")) : Location{}, Severity::warning,
        "possible-duplicate",
        fmt::format("{} may be the same person as {}: {}", people[j].id, people[i].id, reason),
        fmt::format("if so, 'peers merge-people {} {}' folds {} into {}", people[i].id,
                    people[j].id, people[j].id, people[i].id)));
  };
  if (input.focus) {
    // Only the findings about a focused person: each one's own (the first earlier person it
    // may be), and those of later people whose first such person is a focused one. Comparing
    // them with everyone directly gives the pairs the variants below find.
    std::set<std::size_t> done;
    auto first_before = [&](std::size_t j, std::size_t end) -> std::optional<std::size_t> {
      for (std::size_t i = 0; i < end; ++i)
        if (!why(i, j).empty()) return i;
      return std::nullopt;
    };
    for (std::size_t c = 0; c < people.size(); ++c) {
      if (!input.in_focus(people[c].id)) continue;
      if (auto i = first_before(c, c); i && done.insert(c).second) report(*i, c, why(*i, c));
      for (std::size_t j = c + 1; j < people.size(); ++j) {
        if (done.count(j) || why(c, j).empty() || first_before(j, c)) continue;
        done.insert(j);
        report(c, j, why(c, j));
      }
    }
    return;
  }
  // Who each person could be a duplicate of: earlier people with the same email, or whose
  // name key shares a deletion variant with theirs (which includes the same key).
  std::vector<std::pair<std::uint64_t, std::uint32_t>> variants;
  std::vector<std::uint64_t> scratch;
  for (std::uint32_t i = 0; i < people.size(); ++i) {
    scratch.clear();
    std::size_t length = keys[i].size();
    deletion_variants(keys[i], length >= 14 ? 2 : length >= 8 ? 1 : 0, scratch);
    if (!emails[i].empty()) scratch.push_back(std::hash<std::string>{}("@email " + emails[i]));
    std::sort(scratch.begin(), scratch.end());
    scratch.erase(std::unique(scratch.begin(), scratch.end()), scratch.end());
    for (auto h : scratch) variants.emplace_back(h, i);
  }
  std::sort(variants.begin(), variants.end());
  std::vector<std::vector<std::uint32_t>> earlier(people.size());
  for (std::size_t a = 0; a < variants.size();) {
    std::size_t b = a;
    while (b < variants.size() && variants[b].first == variants[a].first) ++b;
    for (std::size_t j = a + 1; j < b; ++j)
      for (std::size_t i = a; i < j; ++i) earlier[variants[j].second].push_back(variants[i].second);
    a = b;
  }
  for (std::size_t j = 0; j < people.size(); ++j) {
    auto& candidates = earlier[j];
    std::sort(candidates.begin(), candidates.end());
    candidates.erase(std::unique(candidates.begin(), candidates.end()), candidates.end());
    for (std::size_t i : candidates) {
      if (i >= j) break;
      std::string reason = why(i, j);
      if (reason.empty()) continue;
      report(i, j, reason);
      break;  // one finding per person is enough
    }
  }
}

void check_aliases(const CheckInput& input, std::vector<Finding>& findings) {
  std::map<std::string, std::string> claimed;  // folded word -> topic id
  for (const auto& t : input.records.topics) {
    std::set<std::string> own;
    for (std::size_t k = 0; k <= t.aliases.size(); ++k) {  // the name, then each alias
      const std::string& word = k == 0 ? t.name : t.aliases[k - 1];
      std::string key = fold(trim(word));
      if (key.empty() || !own.insert(key).second) continue;
      auto [it, inserted] = claimed.emplace(key, t.id);
      if (inserted || (!input.in_focus(t.id) && !input.in_focus(it->second))) continue;
      // Found only now: the file's tree may have to be read again.
      const StoreFile* file = file_of(input, Kind::topic, t.id);
      const Node* node = input.node(file, k == 0 ? "name" : "aliases");
      if (k > 0 && node) node = k - 1 < node->items.size() ? &node->items[k - 1] : node;
      findings.push_back(make_finding(
          file ? at(*file, node) : Location{}, Severity::warning, "alias-conflict",
          fmt::format("'{}' names both topic {} and topic {}", word, it->second, t.id),
          "keep it on one topic only, so questions that use it are routed one way"));
    }
  }
}

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

bool is_temp_file(const std::string& name) {
  return name.size() > 1 && name[0] == '.' && name.find(".yaml.tmp-") != std::string::npos;
}

}  // namespace

const char* to_string(Severity severity) {
  return severity == Severity::error ? "error" : "warning";
}

StoreFile load_store_file(std::string path, std::string text, const LoadLimits& limits) {
  StoreFile file;
  PathKind kind = classify_path(path);
  file.path = std::move(path);
  file.kind = kind.kind;
  file.id = kind.id;
  file.archived = kind.archived;
  file.text = std::move(text);
  try {
    file.root = parse_yaml(file.text, file.path, limits);
  } catch (const Error& e) {
    file.load_error = e;
    return file;
  }
  try {
    if (!file.kind) {
      if (kind.is_config) config_from_node(*file.root, file.path);
    } else if (*file.kind == Kind::person) {
      person_from_node(*file.root, file.id, file.path);
    } else if (*file.kind == Kind::topic) {
      topic_from_node(*file.root, file.id, file.path);
    } else if (*file.kind == Kind::question) {
      question_from_node(*file.root, file.id, file.path);
    }
  } catch (const Error& e) {
    file.record_error = e;
  }
  return file;
}

namespace {
std::string record_key(Kind kind, std::string_view id, bool archived) {
  return fmt::format("{}/{}{}", info(kind).noun, archived ? "archive/" : "", id);
}

void index_files(CheckInput& input) {
  for (std::size_t i = 0; i < input.files.size(); ++i) {
    const StoreFile& file = input.files[i];
    if (file.kind) input.by_record.try_emplace(record_key(*file.kind, file.id, file.archived), i);
  }
  auto by_id = [](const auto& a, const auto& b) { return a.id < b.id; };
  std::stable_sort(input.records.people.begin(), input.records.people.end(), by_id);
  std::stable_sort(input.records.topics.begin(), input.records.topics.end(), by_id);
}

bool has_typed_record(const StoreFile& file) {
  return file.kind && cache::has_typed_record(*file.kind);
}

using TypedRecord = cache::Record;

TypedRecord typed_record(const StoreFile& file) {
  if (!file.root || file.record_error || !has_typed_record(file)) return {};
  return cache::to_record(*file.root, *file.kind, file.id, file.path, file.archived);
}

void add_record(Snapshot& records, TypedRecord&& record) {
  if (auto* p = std::get_if<Person>(&record)) records.people.push_back(std::move(*p));
  else if (auto* t = std::get_if<Topic>(&record)) records.topics.push_back(std::move(*t));
  else if (auto* q = std::get_if<Question>(&record)) records.questions.push_back(std::move(*q));
}

// What file checkers found, as remembered between runs (see read_store_for_check).
// Raise verdicts_version whenever a file checker's findings change.
constexpr std::uint64_t verdicts_version = 3;  // 2: content keyed by SHA-256; 3: bad-type

std::uint64_t verdicts_print(const LoadLimits& limits) {
  return cache::hash_bytes(fmt::format("peers check verdicts {} {} {} {}", verdicts_version,
                                       limits.max_bytes, limits.max_depth, limits.max_nodes));
}

std::string encode_findings(const std::vector<Finding>& findings) {
  std::string out;
  bytes::put_varint(out, findings.size());
  for (const auto& f : findings) {
    bytes::put_string(out, f.where.file);
    bytes::put_varint(out, static_cast<std::uint64_t>(std::max(0, f.where.line)));
    bytes::put_varint(out, static_cast<std::uint64_t>(std::max(0, f.where.column)));
    bytes::put<std::uint8_t>(out, f.severity == Severity::error ? 1 : 0);
    bytes::put_string(out, f.code);
    bytes::put_string(out, f.message);
    bytes::put_string(out, f.hint);
    bytes::put<std::uint8_t>(out, f.fixable ? 1 : 0);
  }
  return out;
}

/// Nothing when `in` is not what encode_findings made.
std::optional<std::vector<Finding>> decode_findings(std::string_view in) {
  try {
    std::vector<Finding> findings(bytes::take_count(in));
    for (auto& f : findings) {
      f.where.file = bytes::take_string(in);
      f.where.line = static_cast<int>(bytes::take_varint(in));
      f.where.column = static_cast<int>(bytes::take_varint(in));
      f.severity = bytes::take<std::uint8_t>(in) ? Severity::error : Severity::warning;
      f.code = bytes::take_string(in);
      f.message = bytes::take_string(in);
      f.hint = bytes::take_string(in);
      f.fixable = bytes::take<std::uint8_t>(in) != 0;
    }
    if (in.empty()) return findings;
  } catch (const bytes::Corrupt&) {
  }
  return std::nullopt;
}
}  // namespace

const StoreFile* CheckInput::file_of(Kind kind, std::string_view id, bool archived) const {
  auto it = by_record.find(record_key(kind, id, archived));
  return it == by_record.end() ? nullptr : &files[it->second];
}

const Node* CheckInput::tree(const StoreFile& file) const {
  if (file.root) return &*file.root;
  if (file.load_error || root.empty()) return nullptr;
  auto [it, inserted] = reread_trees.try_emplace(file.path);
  if (inserted) {
    try {
      it->second = parse_yaml(read_regular_file(root / file.path, file.path, limits.max_bytes),
                              file.path, limits);
    } catch (const Error&) {
      // changed since it was checked: the finding goes without a line
    }
  }
  return it->second ? &*it->second : nullptr;
}

const Node* CheckInput::node(const StoreFile* file, std::string_view key) const {
  const Node* top = file ? tree(*file) : nullptr;
  return top ? top->find(key) : nullptr;
}

CheckInput make_check_input(std::vector<StoreFile> files, std::vector<std::string> bad_names,
                            std::vector<std::string> temp_files) {
  CheckInput input;
  input.files = std::move(files);
  input.bad_names = std::move(bad_names);
  input.temp_files = std::move(temp_files);
  for (const auto& file : input.files)
    if (has_typed_record(file)) add_record(input.records, typed_record(file));
  index_files(input);
  return input;
}

CheckInput read_store_for_check(const fs::path& root, const StoreOptions& options) {
  refuse_symlinks_in_layout(root);
  const LoadLimits& limits = options.limits;
  std::vector<std::string> paths = {config_path};
  std::vector<std::string> bad_names, temp_files;
  for (const auto& kind : all_kinds()) {
    std::vector<std::string> dirs = {kind.directory};
    if (kind.kind == Kind::question) dirs.push_back(std::string(kind.directory) + "/archive");
    for (const auto& dir : dirs) {
      for (const auto& name : files::list_names(root / dir)) {
        std::string relative = dir + "/" + name;
        if (is_temp_file(name)) {
          temp_files.push_back(relative);
        } else if (name[0] == '.' || !ends_with(name, ".yaml")) {
          continue;
        } else if (!is_valid_id(name.substr(0, name.size() - 5))) {
          bad_names.push_back(relative);
        } else {
          paths.push_back(std::move(relative));
        }
      }
    }
  }

  // What the file checkers found in each person, topic and question is remembered with the
  // file's content hash. When there is such a memory, the typed records come from the record
  // cache and only the files whose content changed since are parsed; else every file is.
  const std::uint64_t print = verdicts_print(limits);
  cache::Verdicts verdicts = cache::read_verdicts(root, options, print);
  const bool remembered = !verdicts.empty();
  CheckInput input;
  input.root = root;
  input.limits = limits;
  std::unordered_map<std::string_view, std::uint64_t> content_of;
  std::vector<cache::FileHash> hashes;
  if (remembered) {
    input.records = cache::load_snapshot(root, options, {Kind::person, Kind::topic, Kind::question},
                                         nullptr, {}, &hashes);
    input.records.skipped.clear();  // the files behind them are parsed below, and reported
    for (const auto& h : hashes) content_of.emplace(h.path, h.content);
  }

  std::vector<StoreFile> files(paths.size());
  std::vector<TypedRecord> records(remembered ? 0 : paths.size());
  std::vector<std::optional<cache::Verdict>> fresh(paths.size());
  std::vector<char> recalled(paths.size(), 0);
  std::vector<std::size_t> to_read;
  for (std::size_t i = 0; i < paths.size(); ++i) {
    StoreFile& file = files[i];
    PathKind kind = classify_path(paths[i]);
    file.path = paths[i];
    file.kind = kind.kind;
    file.id = kind.id;
    file.archived = kind.archived;
    if (remembered && has_typed_record(file)) {
      auto content = content_of.find(file.path);
      auto verdict = verdicts.find(file.path);
      if (content != content_of.end() && verdict != verdicts.end() &&
          verdict->second.content == content->second)
        if ((file.findings = decode_findings(verdict->second.findings))) {
          recalled[i] = 1;
          continue;
        }
    }
    to_read.push_back(i);
  }
  auto read = [&](std::size_t i) {
    StoreFile& file = files[i];
    std::uint64_t content = 0;
    try {
      std::string text = read_regular_file(root / file.path, file.path, limits.max_bytes);
      content = cache::prefix64(cache::sha256(text));
      file = load_store_file(file.path, std::move(text), limits);
    } catch (const Error& e) {
      file.load_error = e;
    }
    file.findings = check_file(file);
    // Only valid records are looked up next time: the others are always parsed.
    if (!has_typed_record(file) || file.load_error || file.record_error) return;
    fresh[i] = cache::Verdict{content, encode_findings(*file.findings)};
    // The typed record is all the checks across files need; the tree is parsed again for the
    // few files they report on.
    if (!remembered) records[i] = typed_record(file);
    file.root.reset();
    file.text = std::string();
  };
  // Parsing is most of the work: both cores share it.
  std::atomic<std::size_t> next = 0;
  ProgressStage stage(options.progress, "checking", to_read.size());
  auto work = [&](bool reports) {
    for (std::size_t n = next++; n < to_read.size(); n = next++) {
      if (n % 64 == 0) {
        if (stage.stop_requested()) break;
        if (reports) stage.advance(n);
      }
      read(to_read[n]);
    }
  };
  {
    std::optional<HelperThread> helper;
    if (to_read.size() > 16) helper.emplace([&] { work(false); });
    work(true);
  }
  stage.stop_here_if_asked("the check was not finished; nothing was changed");

  if (!remembered)
    for (auto& record : records) add_record(input.records, std::move(record));
  // Remember the verdicts of the files read now; forget those of files that are gone.
  bool changed = false;
  cache::Verdicts kept;
  kept.reserve(paths.size());
  for (std::size_t i = 0; i < paths.size(); ++i) {
    if (fresh[i]) {
      kept.emplace(paths[i], std::move(*fresh[i]));
      changed = true;
    } else if (recalled[i]) {
      kept.emplace(paths[i], std::move(verdicts.find(paths[i])->second));
    }
  }
  if (changed || kept.size() != verdicts.size()) cache::save_verdicts(root, options, print, kept);

  input.files = std::move(files);
  input.bad_names = std::move(bad_names);
  input.temp_files = std::move(temp_files);
  input.parsed = to_read.size();
  index_files(input);
  return input;
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

std::vector<Finding> check_store(const CheckInput& input) {
  std::vector<Finding> findings;
  for (const auto& file : input.files) {
    if (file.findings) {
      findings.insert(findings.end(), file.findings->begin(), file.findings->end());
    } else {
      for (FileChecker checker : file_checkers()) checker(file, findings);
    }
  }
  for (Checker checker : checkers()) checker(input, findings);
  std::stable_sort(findings.begin(), findings.end(), [](const Finding& a, const Finding& b) {
    bool a_config = a.where.file == config_path, b_config = b.where.file == config_path;
    return std::tuple(!a_config, a.where.file, a.where.line, a.where.column) <
           std::tuple(!b_config, b.where.file, b.where.line, b.where.column);
  });
  return findings;
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
