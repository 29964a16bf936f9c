// check's rules for events and leads: references to people, and what their readers refuse.
#include <algorithm>
#include <map>

#include <fmt/format.h>

#include "peers/check.hpp"
#include "peers/events.hpp"
#include "peers/text.hpp"

namespace peers {

namespace {

Finding event_finding(const StoreFile& file, const Node* node, std::string code,
                      std::string message, std::string hint) {
  Location where{file.path, node ? node->mark.line : 0, node ? node->mark.column : 0};
  return Finding{std::move(where), Severity::error, std::move(code), std::move(message),
                 std::move(hint), false};
}

bool person_file_exists(const CheckInput& input, const std::string& id) {
  if (input.records.person(id)) return true;
  return std::any_of(input.files.begin(), input.files.end(), [&](const StoreFile& f) {
    return f.kind == Kind::person && f.id == id;
  });
}

void report_unknown_person(const CheckInput& input, const StoreFile& file, const Node* node,
                           const std::string& key, const std::string& id,
                           std::vector<Finding>& findings) {
  std::vector<std::string> ids;
  for (const auto& p : input.records.people) ids.push_back(p.id);
  auto close = closest_matches(id, ids);
  findings.push_back(event_finding(
      file, node, "unknown-person",
      fmt::format("'{}' refers to person '{}', which does not exist", key, id),
      close.empty() ? "add the person or fix the id"
                    : fmt::format("did you mean '{}'?", close.front())));
}

const Node* item_field(const Node& root, std::string_view list, std::size_t index,
                       std::string_view key) {
  const Node* items = root.find(list);
  if (!items || !items->is_sequence() || index >= items->items.size()) return items;
  const Node* value = items->items[index].find(key);
  return value ? value : &items->items[index];
}

}  // namespace

void check_events(const CheckInput& input, std::vector<Finding>& findings) {
  struct Loaded {
    const StoreFile* file;
    Event event;
  };
  std::vector<Loaded> events;
  for (const auto& file : input.files) {
    if (!file.kind || !file.root || file.record_error) continue;
    if (*file.kind != Kind::event && *file.kind != Kind::lead) continue;
    try {
      if (*file.kind == Kind::event) {
        events.push_back({&file, event_from_node(*file.root, file.id, file.path)});
      } else {
        Lead lead = lead_from_node(*file.root, file.id, file.path);
        if (!lead.from.empty() && !person_file_exists(input, lead.from))
          report_unknown_person(input, file, file.root->find("from"), "from", lead.from,
                                findings);
      }
    } catch (const Error& e) {
      findings.push_back(Finding{e.where(), Severity::error, "bad-value", e.what(), e.hint(),
                                 false});
    }
  }

  std::map<std::string, std::vector<const Loaded*>> by_hashtag;
  for (const auto& loaded : events)
    if (!loaded.event.hashtag.empty()) by_hashtag[fold(loaded.event.hashtag)].push_back(&loaded);
  for (const auto& [tag, sharing] : by_hashtag) {
    if (sharing.size() < 2) continue;
    for (const Loaded* one : sharing) {
      std::vector<std::string> others;
      for (const Loaded* other : sharing)
        if (other != one) others.push_back(other->file->path);
      findings.push_back(event_finding(
          *one->file, one->file->root->find("hashtag"), "shared-hashtag",
          fmt::format("the hashtag '{}' is also the hashtag of {}",
                      terminal_safe(one->event.hashtag), join(others, " and ")),
          "each coordinated event needs its own hashtag; change one of them"));
    }
  }

  for (const auto& [file, event] : events) {
    const Node& root = *file->root;
    if (!event.lead.empty()) {
      if (!person_file_exists(input, event.lead))
        report_unknown_person(input, *file, root.find("lead"), "lead", event.lead, findings);
    }
    for (std::size_t i = 0; i < event.assignments.size(); ++i) {
      const Assignment& a = event.assignments[i];
      const Node* node = item_field(root, "assignments", i, "person");
      if (!person_file_exists(input, a.person)) {
        report_unknown_person(input, *file, node, "person", a.person, findings);
        continue;
      }
      const Person* person = input.records.person(a.person);
      if (!person || !person->has_left() || a.done()) continue;
      findings.push_back(event_finding(
          *file, node, "assigned-person-left",
          fmt::format("the role '{}' is assigned to {}, who has left", terminal_safe(a.role),
                      a.person),
          fmt::format("give the role to someone else: peers event unassign {} {}, then "
                      "peers event assign {} {} --role \"{}\"",
                      event.id, a.person, event.id,
                      person->forward_to.empty() ? "PERSON" : person->forward_to,
                      terminal_safe(a.role))));
    }
  }
}

}  // namespace peers
