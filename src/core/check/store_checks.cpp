// check's rules across files: file names, left-over temp files, references between records,
// retired ids, possible duplicate people and alias clashes.
#include <algorithm>
#include <map>
#include <optional>
#include <set>

#include <fmt/format.h>

#include "check/checkers.hpp"
#include "store/layout.hpp"
#include "peers/contacts.hpp"
#include "peers/text.hpp"

namespace peers::checks {

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

namespace {
const StoreFile* file_of(const CheckInput& input, Kind kind, const std::string& id,
                         bool archived = false) {
  return input.file_of(kind, id, archived);
}

bool topic_exists(const CheckInput& input, const std::string& id) {
  return input.records.topic(id) != nullptr || file_of(input, Kind::topic, id) != nullptr;
}

}  // namespace

bool person_exists(const CheckInput& input, const std::string& id) {
  return input.records.person(id) != nullptr || file_of(input, Kind::person, id) != nullptr;
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


namespace {

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
}  // namespace

void check_duplicates(const CheckInput& input, std::vector<Finding>& findings) {
  const auto& people = input.records.people;
  std::vector<std::string> keys, emails;
  for (const auto& p : people) {
    keys.push_back(sorted_name_key(p.name));
    emails.push_back(email_key(p));
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
        file ? input.locate(*file, "name") : Location{}, Severity::warning, "possible-duplicate",
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

}  // namespace peers::checks
