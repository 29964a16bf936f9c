#include "peers/events.hpp"

#include <algorithm>
#include <map>

#include <fmt/format.h>

#include "peers/error.hpp"
#include "peers/text.hpp"
#include "model/fields.hpp"

namespace peers {

using schema::FieldReader;

namespace {

bool is_hashtag_character(unsigned char c) {
  return c >= 0x80 || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
         (c >= '0' && c <= '9') || c == '_';
}

/// Why `text` (with or without its '#') is not a hashtag, or nothing when it is one.
std::optional<std::string> hashtag_problem(std::string_view text) {
  std::string_view word = text.starts_with('#') ? text.substr(1) : text;
  if (word.empty()) return "is empty";
  if (!std::all_of(word.begin(), word.end(),
                   [](char c) { return is_hashtag_character(static_cast<unsigned char>(c)); }))
    return "may hold only letters, digits and '_' after the '#'";
  if (std::all_of(word.begin(), word.end(), [](char c) { return c >= '0' && c <= '9'; }))
    return "needs a letter, not only digits";
  if (first_invalid_utf8(word) || forbidden_character(word, false))
    return "holds characters a hashtag cannot";
  return std::nullopt;
}

bool is_link(std::string_view url) {
  bool scheme = url.starts_with("https://") || url.starts_with("http://");
  std::size_t host = url.find("//") + 2;
  return scheme && url.size() > host &&
         std::none_of(url.begin(), url.end(), [](char c) {
           return static_cast<unsigned char>(c) <= ' ' || c == 0x7f;
         });
}

}  // namespace

const Assignment* Event::assignment_of(std::string_view person) const {
  for (const auto& a : assignments)
    if (a.person == person) return &a;
  return nullptr;
}

int Event::done_count() const {
  return static_cast<int>(
      std::count_if(assignments.begin(), assignments.end(), [](const auto& a) { return a.done(); }));
}

const char* to_string(LeadStatus status) { return enum_name(status, lead_status_names); }

std::optional<LeadStatus> parse_lead_status(std::string_view text) {
  return enum_value<LeadStatus>(text, lead_status_names);
}

Event event_from_node(const Node& node, std::string id, const std::string& file) {
  FieldReader r(node, file);
  Event e = fields::read_fields<Event>(r);
  e.id = std::move(id);
  if (e.end_date && *e.end_date < e.date)
    r.fail_message(*node.find("end_date"), "'end_date' is before 'date'",
                   "end_date is the last day of the event; leave it out for a one-day event");
  if (!e.hashtag.empty()) {
    if (!e.hashtag.starts_with('#'))
      r.fail_message(*node.find("hashtag"), "'hashtag' should start with '#'",
                     fmt::format("write it quoted: hashtag: '#{}'", terminal_safe(e.hashtag)));
    if (auto problem = hashtag_problem(e.hashtag))
      r.fail_message(*node.find("hashtag"),
                     fmt::format("'hashtag' {}: '{}'", *problem, terminal_safe(e.hashtag)),
                     "for example: hashtag: '#Westbrook27'");
  }
  for (std::size_t i = 0; i < e.assignments.size(); ++i)
    for (std::size_t j = 0; j < i; ++j)
      if (e.assignments[i].person == e.assignments[j].person)
        r.fail_message(node.find("assignments")->items[i],
                       fmt::format("'{}' has two assignments in this event", e.assignments[i].person),
                       "give each person one entry; put both jobs in its role, e.g. "
                       "role: live stream and share");
  return e;
}

Node event_to_node(const Event& e) { return fields::write_fields(e); }

Lead lead_from_node(const Node& node, std::string id, const std::string& file) {
  FieldReader r(node, file);
  Lead l = fields::read_fields<Lead>(r);
  l.id = std::move(id);
  if (!l.link.empty() && !is_link(l.link))
    r.fail_message(*node.find("link"),
                   fmt::format("'link' is not a web address: '{}'", terminal_safe(l.link)),
                   "write it as link: https://...");
  return l;
}

Node lead_to_node(const Lead& l) { return fields::write_fields(l); }

std::string normalize_hashtag(std::string_view text) {
  std::string tag = trim(text);
  if (auto problem = hashtag_problem(tag))
    throw Error(fmt::format("the hashtag '{}' {}", terminal_safe(tag), *problem),
                "for example: --hashtag \"#Westbrook27\"", exit_usage);
  return tag.starts_with('#') ? tag : "#" + tag;
}

bool same_hashtag(std::string_view a, std::string_view b) {
  return !a.empty() && fold(a) == fold(b);
}

bool assign_role(Event& event, const std::string& person, const std::string& role) {
  if (role.empty()) throw Error("a role cannot be empty", "for example: --role \"live stream\"",
                                exit_usage);
  for (auto& a : event.assignments) {
    if (a.person != person) continue;
    if (a.role == role) return false;
    a.role = role;
    a.done_at.reset();
    a.done_by.clear();
    return true;
  }
  Assignment a;
  a.person = person;
  a.role = role;
  event.assignments.push_back(std::move(a));
  return true;
}

namespace {
Assignment& assignment_for(Event& event, const std::string& person) {
  for (auto& a : event.assignments)
    if (a.person == person) return a;
  std::vector<std::string> assigned;
  for (const auto& a : event.assignments) assigned.push_back(a.person);
  throw Error(fmt::format("{} has no role in {}", person, event.id),
              assigned.empty()
                  ? fmt::format("no one has a role yet: peers event assign {} PERSON --role ROLE",
                                event.id)
                  : "roles are held by: " + join(assigned, ", "));
}
}  // namespace

void unassign_role(Event& event, const std::string& person) {
  Assignment& a = assignment_for(event, person);
  event.assignments.erase(event.assignments.begin() + (&a - event.assignments.data()));
}

void mark_done(Event& event, const std::string& person, Timestamp at, const std::string& by) {
  Assignment& a = assignment_for(event, person);
  if (a.done())
    throw Error(fmt::format("{}'s part in {} ({}) is already done", person, event.id,
                            terminal_safe(a.role)),
                fmt::format("to undo it: peers event done {} {} --undo", event.id, person));
  a.done_at = at;
  a.done_by = by;
}

void mark_not_done(Event& event, const std::string& person) {
  Assignment& a = assignment_for(event, person);
  if (!a.done())
    throw Error(fmt::format("{}'s part in {} is not marked done", person, event.id));
  a.done_at.reset();
  a.done_by.clear();
}

Lead new_lead(std::string id, std::string title, std::string from,
              std::vector<std::string> topics, std::string notes, Timestamp at, std::string by) {
  if (title.empty()) throw Error("a lead needs a title", {}, exit_usage);
  Lead l;
  l.id = std::move(id);
  l.title = std::move(title);
  l.from = std::move(from);
  l.topics = std::move(topics);
  l.notes = std::move(notes);
  l.status = LeadStatus::idea;
  l.added_by = by;
  l.added_at = at;
  l.history.push_back(LeadChange{at, to_string(LeadStatus::idea), std::move(by), Node::map()});
  return l;
}

bool set_lead_status(Lead& lead, LeadStatus status, Timestamp at, const std::string& by) {
  if (lead.status == status) return false;
  lead.status = status;
  lead.history.push_back(LeadChange{at, to_string(status), by, Node::map()});
  return true;
}

void validate_link(std::string_view url) {
  if (!is_link(url))
    throw Error(fmt::format("'{}' is not a web address", terminal_safe(url)),
                "for example: --link https://news.westbrook.edu/mars-rover", exit_usage);
}

}  // namespace peers
