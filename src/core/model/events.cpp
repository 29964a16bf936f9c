#include "peers/events.hpp"

#include <algorithm>
#include <map>

#include <fmt/format.h>

#include "peers/check.hpp"
#include "peers/error.hpp"
#include "peers/text.hpp"
#include "model/schema.hpp"

namespace peers {

using schema::FieldReader;
using schema::FieldWriter;

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

/// Reads a required id field: present and a valid id.
std::string required_id(FieldReader& r, std::string_view key) {
  r.text(key, true);
  return r.id(key);
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

const char* to_string(LeadStatus status) {
  switch (status) {
    case LeadStatus::idea: return "idea";
    case LeadStatus::pitched: return "pitched";
    case LeadStatus::scheduled: return "scheduled";
    case LeadStatus::published: return "published";
  }
  return "idea";
}

std::optional<LeadStatus> parse_lead_status(std::string_view text) {
  for (auto s : {LeadStatus::idea, LeadStatus::pitched, LeadStatus::scheduled,
                 LeadStatus::published})
    if (text == to_string(s)) return s;
  return std::nullopt;
}

Event event_from_node(const Node& node, std::string id, const std::string& file) {
  FieldReader r(node, file);
  Event e;
  e.id = std::move(id);
  e.name = r.text("name", true);
  e.date = *r.date("date", true);
  e.end_date = r.date("end_date");
  if (e.end_date && *e.end_date < e.date)
    r.fail_message(*node.find("end_date"), "'end_date' is before 'date'",
                   "end_date is the last day of the event; leave it out for a one-day event");
  e.location = r.text("location");
  e.hashtag = r.text("hashtag");
  if (!e.hashtag.empty()) {
    if (!e.hashtag.starts_with('#'))
      r.fail_message(*node.find("hashtag"), "'hashtag' should start with '#'",
                     fmt::format("write it quoted: hashtag: '#{}'", terminal_safe(e.hashtag)));
    if (auto problem = hashtag_problem(e.hashtag))
      r.fail_message(*node.find("hashtag"),
                     fmt::format("'hashtag' {}: '{}'", *problem, terminal_safe(e.hashtag)),
                     "for example: hashtag: '#Westbrook27'");
  }
  e.lead = r.id("lead");
  e.notes = r.text("notes");
  e.added_by = r.text("added_by");
  e.assignments = r.records<Assignment>("assignments", [](FieldReader& item) {
    Assignment a;
    a.person = required_id(item, "person");
    a.role = item.text("role", true);
    a.done_at = item.timestamp("done_at");
    a.done_by = item.text("done_by");
    a.extra = item.unknown();
    return a;
  });
  for (std::size_t i = 0; i < e.assignments.size(); ++i)
    for (std::size_t j = 0; j < i; ++j)
      if (e.assignments[i].person == e.assignments[j].person)
        r.fail_message(node.find("assignments")->items[i],
                       fmt::format("'{}' has two assignments in this event", e.assignments[i].person),
                       "give each person one entry; put both jobs in its role, e.g. "
                       "role: live stream and share");
  e.extra = r.unknown();
  return e;
}

Node event_to_node(const Event& e) {
  FieldWriter w;
  w.text("name", e.name);
  w.date("date", e.date);
  w.date("end_date", e.end_date);
  w.text("location", e.location);
  w.text("hashtag", e.hashtag);
  w.text("lead", e.lead);
  w.text("notes", e.notes);
  w.text("added_by", e.added_by);
  if (!e.assignments.empty()) {
    Node list = Node::sequence();
    for (const auto& a : e.assignments) {
      FieldWriter item;
      item.text("person", a.person);
      item.text("role", a.role);
      item.timestamp("done_at", a.done_at);
      item.text("done_by", a.done_by);
      list.items.push_back(item.finish(a.extra));
    }
    w.node("assignments", std::move(list));
  }
  return w.finish(e.extra);
}

Lead lead_from_node(const Node& node, std::string id, const std::string& file) {
  FieldReader r(node, file);
  Lead l;
  l.id = std::move(id);
  l.title = r.text("title", true);
  l.from = r.id("from");
  l.topics = r.list("topics");
  l.status = *parse_lead_status(r.choice("status", {"idea", "pitched", "scheduled", "published"},
                                         "idea"));
  l.link = r.text("link");
  if (!l.link.empty() && !is_link(l.link))
    r.fail_message(*node.find("link"),
                   fmt::format("'link' is not a web address: '{}'", terminal_safe(l.link)),
                   "write it as link: https://...");
  l.notes = r.text("notes");
  l.added_by = r.text("added_by");
  l.added_at = r.timestamp("added_at");
  l.history = r.records<LeadChange>("history", [](FieldReader& item) {
    LeadChange c;
    c.at = *item.timestamp("at", true);
    c.status = item.choice("status", {"idea", "pitched", "scheduled", "published"}, "");
    c.by = item.text("by");
    c.extra = item.unknown();
    return c;
  });
  l.extra = r.unknown();
  return l;
}

Node lead_to_node(const Lead& l) {
  FieldWriter w;
  w.text("title", l.title);
  w.text("from", l.from);
  w.list("topics", l.topics);
  w.text("status", to_string(l.status));
  w.text("link", l.link);
  w.text("notes", l.notes);
  w.text("added_by", l.added_by);
  w.timestamp("added_at", l.added_at);
  if (!l.history.empty()) {
    Node list = Node::sequence();
    for (const auto& c : l.history) {
      FieldWriter item;
      item.timestamp("at", c.at);
      item.text("status", c.status);
      item.text("by", c.by);
      list.items.push_back(item.finish(c.extra));
    }
    w.node("history", std::move(list));
  }
  return w.finish(l.extra);
}

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

Event read_event(const Store& store, std::string_view id) {
  Document d = store.read(Kind::event, id);
  return event_from_node(d.root, d.id, d.path);
}

Lead read_lead(const Store& store, std::string_view id) {
  Document d = store.read(Kind::lead, id);
  return lead_from_node(d.root, d.id, d.path);
}

void write_event(Store& store, const Event& event) {
  store.write(Kind::event, event.id, event_to_node(event));
}

void write_lead(Store& store, const Lead& lead) {
  store.write(Kind::lead, lead.id, lead_to_node(lead));
}

std::vector<Event> read_events(const Store& store, std::vector<Problem>& skipped) {
  std::vector<Event> out;
  for (const auto& d : store.read_all({Kind::event}, skipped)) {
    try {
      out.push_back(event_from_node(d.root, d.id, d.path));
    } catch (const Error& e) {
      skipped.push_back(Problem{e.where(), e.what(), e.hint()});
    }
  }
  std::sort(out.begin(), out.end(), [](const Event& a, const Event& b) {
    return std::tie(a.date, a.id) < std::tie(b.date, b.id);
  });
  return out;
}

std::vector<Lead> read_leads(const Store& store, std::vector<Problem>& skipped) {
  std::vector<Lead> out;
  for (const auto& d : store.read_all({Kind::lead}, skipped)) {
    try {
      out.push_back(lead_from_node(d.root, d.id, d.path));
    } catch (const Error& e) {
      skipped.push_back(Problem{e.where(), e.what(), e.hint()});
    }
  }
  std::sort(out.begin(), out.end(), [](const Lead& a, const Lead& b) {
    return std::tuple(a.added_at.value_or(0), a.id) < std::tuple(b.added_at.value_or(0), b.id);
  });
  return out;
}

std::string icalendar_escape(std::string_view text) {
  std::string out;
  for (char c : text) {
    switch (c) {
      case '\\': out += "\\\\"; break;
      case ';': out += "\\;"; break;
      case ',': out += "\\,"; break;
      case '\n': out += "\\n"; break;
      case '\r': break;
      default: out += c;
    }
  }
  return out;
}

std::string icalendar_fold(std::string_view line) {
  constexpr std::size_t limit = 75;  // octets per physical line, CRLF not counted
  std::string out;
  std::size_t room = limit;
  while (line.size() > room) {
    std::size_t cut = room;
    while (cut > 0 && (static_cast<unsigned char>(line[cut]) & 0xC0) == 0x80) --cut;
    out.append(line.substr(0, cut));
    out += "\r\n ";
    line.remove_prefix(cut);
    room = limit - 1;  // the leading space counts
  }
  out.append(line);
  out += "\r\n";
  return out;
}

std::string event_to_icalendar(const Event& event, const CalendarOptions& options) {
  auto compact_date = [](const Date& d) { return fmt::format("{:04}{:02}{:02}", d.year, d.month, d.day); };
  std::string stamp = format_timestamp(options.stamp);  // 2026-11-27T12:00:00Z
  std::erase(stamp, '-');
  std::erase(stamp, ':');
  Date end = Date::from_days(event.last_day().days_since_epoch() + 1);  // DTEND is exclusive

  std::string out;
  auto line = [&](const std::string& text) { out += icalendar_fold(text); };
  line("BEGIN:VCALENDAR");
  line("VERSION:2.0");
  line("PRODID:-//peers//peers events//EN");
  line("CALSCALE:GREGORIAN");
  line("METHOD:PUBLISH");
  line("BEGIN:VEVENT");
  line(fmt::format("UID:{}@{}", event.id, options.uid_domain.empty() ? "peers" : options.uid_domain));
  line("DTSTAMP:" + stamp);
  line("DTSTART;VALUE=DATE:" + compact_date(event.date));
  line("DTEND;VALUE=DATE:" + compact_date(end));
  line("SUMMARY:" + icalendar_escape(event.name));
  if (!event.location.empty()) line("LOCATION:" + icalendar_escape(event.location));
  if (!options.description.empty()) line("DESCRIPTION:" + icalendar_escape(options.description));
  if (!event.hashtag.empty()) line("CATEGORIES:" + icalendar_escape(event.hashtag));
  line("TRANSP:TRANSPARENT");
  line("END:VEVENT");
  line("END:VCALENDAR");
  return out;
}

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
