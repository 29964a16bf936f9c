// check's rules for events and leads: references to people, hashtags shared by two events and
// roles of people who left.
#include <algorithm>
#include <map>

#include <fmt/format.h>

#include "check/checkers.hpp"
#include "peers/events.hpp"
#include "peers/text.hpp"

namespace peers::checks {

namespace {

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
    // Files their reader refuses are reported by check_record_fields.
    if (*file.kind == Kind::event) {
      events.push_back({&file, event_from_node(*file.root, file.id, file.path)});
    } else {
      Lead lead = lead_from_node(*file.root, file.id, file.path);
      if (!lead.from.empty() && !person_exists(input, lead.from))
        report_unknown(input, &file, "from", lead.from, file.root->find("from"), Kind::person,
                       findings);
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
      findings.push_back(make_finding(
          at(*one->file, one->file->root->find("hashtag")), Severity::error, "shared-hashtag",
          fmt::format("the hashtag '{}' is also the hashtag of {}",
                      terminal_safe(one->event.hashtag), join(others, " and ")),
          "each coordinated event needs its own hashtag; change one of them"));
    }
  }

  for (const auto& [file, event] : events) {
    const Node& root = *file->root;
    if (!event.lead.empty()) {
      if (!person_exists(input, event.lead))
        report_unknown(input, file, "lead", event.lead, root.find("lead"), Kind::person,
                       findings);
    }
    for (std::size_t i = 0; i < event.assignments.size(); ++i) {
      const Assignment& a = event.assignments[i];
      const Node* node = item_field(root, "assignments", i, "person");
      if (!person_exists(input, a.person)) {
        report_unknown(input, file, "person", a.person, node, Kind::person, findings);
        continue;
      }
      const Person* person = input.records.person(a.person);
      if (!person || !person->has_left() || a.done()) continue;
      findings.push_back(make_finding(
          at(*file, node), Severity::error, "assigned-person-left",
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

}  // namespace peers::checks
