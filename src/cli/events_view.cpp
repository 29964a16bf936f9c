#include "events_view.hpp"

#include <fmt/format.h>

#include "output.hpp"
#include "peers/error.hpp"
#include "peers/text.hpp"
#include "records_json.hpp"

namespace peers::cli {
namespace {

using json = nlohmann::ordered_json;

json text_or_null(const std::string& s) { return s.empty() ? json(nullptr) : json(s); }
json optional_time(const std::optional<Timestamp>& t) {
  return t ? json(format_timestamp(*t)) : json(nullptr);
}

void add_unknown(json& out, const Node& extra) {
  for (const auto& entry : extra.entries)
    if (!out.contains(entry.key)) out[entry.key] = to_json(entry.value);
}

std::string when(const Date& date, const Date& today) {
  auto days = date.days_since_epoch() - today.days_since_epoch();
  if (days == 0) return "today";
  if (days == 1) return "tomorrow";
  if (days == -1) return "yesterday";
  return days > 0 ? fmt::format("in {} days", days) : fmt::format("{} days ago", -days);
}

std::string person_label(const Store& store, const std::string& id) {
  std::string name = person_name(store, id);
  return name.empty() ? id + " (not in the store)" : safe(name) + " (" + id + ")";
}

}  // namespace

std::string person_name(const Store& store, const std::string& id) {
  if (id.empty() || !store.exists(Kind::person, id)) return {};
  try {
    return read_person(store, id).name;
  } catch (const Error&) {
    return {};
  }
}

json to_json(const Event& e) {
  json assignments = json::array();
  for (const auto& a : e.assignments) {
    json entry = {{"person", a.person},
                  {"role", a.role},
                  {"done", a.done()},
                  {"done_at", optional_time(a.done_at)},
                  {"done_by", text_or_null(a.done_by)}};
    add_unknown(entry, a.extra);
    assignments.push_back(std::move(entry));
  }
  json out = {{"id", e.id},
              {"name", e.name},
              {"date", e.date.str()},
              {"end_date", e.end_date ? json(e.end_date->str()) : json(nullptr)},
              {"location", text_or_null(e.location)},
              {"hashtag", text_or_null(e.hashtag)},
              {"lead", text_or_null(e.lead)},
              {"notes", text_or_null(e.notes)},
              {"added_by", text_or_null(e.added_by)},
              {"assignments", assignments},
              {"done", e.done_count()},
              {"total", e.assignments.size()}};
  add_unknown(out, e.extra);
  return out;
}

json to_json(const Lead& l) {
  json history = json::array();
  for (const auto& c : l.history) {
    json entry = {{"at", format_timestamp(c.at)},
                  {"status", text_or_null(c.status)},
                  {"by", text_or_null(c.by)}};
    add_unknown(entry, c.extra);
    history.push_back(std::move(entry));
  }
  json out = {{"id", l.id},
              {"title", l.title},
              {"from", text_or_null(l.from)},
              {"topics", l.topics},
              {"status", to_string(l.status)},
              {"link", text_or_null(l.link)},
              {"notes", text_or_null(l.notes)},
              {"added_by", text_or_null(l.added_by)},
              {"added_at", optional_time(l.added_at)},
              {"history", history}};
  add_unknown(out, l.extra);
  return out;
}

void print_event(const Output& io, const Store& store, const Event& e, const Date& today) {
  io.out << io.style(safe(e.name), "bold") << "  " << io.style("(" + e.id + ")", "dim") << '\n';
  Table t;
  auto row = [&](const char* label, const std::string& value) {
    if (!value.empty()) t.add({std::string("  ") + label, value});
  };
  std::string dates = e.date.str();
  if (e.end_date && *e.end_date != e.date) dates += " to " + e.end_date->str();
  row("date", dates + " (" + when(e.date, today) + ")");
  row("location", safe(e.location));
  row("hashtag", safe(e.hashtag));
  if (!e.lead.empty()) row("lead", person_label(store, e.lead));
  row("added by", safe(e.added_by));
  t.print(io);

  io.out << io.style("Plan", "bold") << "  "
         << fmt::format("{} of {} done", e.done_count(), e.assignments.size()) << '\n';
  if (e.assignments.empty())
    io.out << fmt::format("  no roles yet: peers event assign {} PERSON --role ROLE\n", e.id);
  Table plan;
  for (const auto& a : e.assignments) {
    std::string name = person_name(store, a.person);
    std::string done;
    if (a.done_at) {
      done = "done " + format_local_time(*a.done_at);
      if (!a.done_by.empty()) done += " by " + safe(a.done_by);
    }
    plan.add({std::string("  ") + (a.done() ? "[x]" : "[ ]"), a.person,
              name.empty() ? "(not in the store)" : safe(name), safe(a.role), done});
  }
  plan.print(io);
  if (!e.notes.empty()) {
    io.out << io.style("Notes", "bold") << '\n';
    for (const auto& line : split(safe_multiline(e.notes), '\n')) io.out << "  " << line << '\n';
  }
}

void print_lead(const Output& io, const Store& store, const Lead& l) {
  io.out << io.style(l.id, "bold") << "  " << to_string(l.status) << '\n';
  for (const auto& line : split(safe_multiline(l.title), '\n')) io.out << "  " << line << '\n';
  Table t;
  auto row = [&](const char* label, const std::string& value) {
    if (!value.empty()) t.add({std::string("  ") + label, value});
  };
  if (!l.from.empty()) row("from", person_label(store, l.from));
  std::vector<std::string> topics;
  for (const auto& topic : l.topics) topics.push_back(safe(topic));
  row("topics", join(topics, ", "));
  row("link", safe(l.link));
  if (l.added_at) row("added", format_local_time(*l.added_at));
  row("added by", safe(l.added_by));
  t.print(io);
  if (!l.notes.empty()) {
    io.out << io.style("Notes", "bold") << '\n';
    for (const auto& line : split(safe_multiline(l.notes), '\n')) io.out << "  " << line << '\n';
  }
  if (!l.history.empty()) {
    io.out << io.style("History", "bold") << '\n';
    Table h;
    for (const auto& c : l.history)
      h.add({"  " + format_local_time(c.at), safe(c.status), c.by.empty() ? "" : "by " + safe(c.by)});
    h.print(io);
  }
}

PersonActivity person_activity(const Store& store, const std::string& person_id) {
  PersonActivity out;
  std::vector<Problem> ignored;  // `peers check` reports broken files
  for (auto& e : read_events(store, ignored))
    if (e.lead == person_id || e.assignment_of(person_id)) out.events.push_back(std::move(e));
  for (auto& l : read_leads(store, ignored))
    if (l.from == person_id) out.leads.push_back(std::move(l));
  return out;
}

void print_person_activity(const Output& io, const PersonActivity& activity,
                           const std::string& person_id) {
  if (!activity.events.empty()) {
    io.out << io.style("Events", "bold") << '\n';
    Table t;
    for (const auto& e : activity.events) {
      std::vector<std::string> parts;
      if (e.lead == person_id) parts.push_back("lead");
      if (const Assignment* a = e.assignment_of(person_id))
        parts.push_back(safe(a->role) + (a->done() ? " (done)" : ""));
      t.add({"  " + e.date.str(), e.id, safe(e.name), join(parts, "; ")});
    }
    t.print(io);
  }
  if (!activity.leads.empty()) {
    io.out << io.style("Leads given", "bold") << '\n';
    Table t;
    for (const auto& l : activity.leads) t.add({"  " + l.id, to_string(l.status), safe(l.title)});
    t.print(io);
  }
}

void add_person_activity(json& person_json, const PersonActivity& activity,
                         const std::string& person_id) {
  json events = json::array();
  for (const auto& e : activity.events) {
    const Assignment* a = e.assignment_of(person_id);
    events.push_back({{"id", e.id},
                      {"name", e.name},
                      {"date", e.date.str()},
                      {"lead", e.lead == person_id},
                      {"role", a ? json(a->role) : json(nullptr)},
                      {"done", a ? json(a->done()) : json(nullptr)}});
  }
  json leads = json::array();
  for (const auto& l : activity.leads)
    leads.push_back({{"id", l.id}, {"title", l.title}, {"status", to_string(l.status)}});
  // Documented keys come before the keys peers does not know, so these go right after "log".
  json out = json::object();
  for (auto& [key, value] : person_json.items()) {
    out[key] = std::move(value);
    if (key == "log") {
      out["events"] = std::move(events);
      out["leads"] = std::move(leads);
    }
  }
  person_json = std::move(out);
}

}  // namespace peers::cli
