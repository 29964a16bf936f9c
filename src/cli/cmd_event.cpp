#include <CLI/CLI.hpp>

#include <fmt/format.h>

#include "commands.hpp"
#include "context.hpp"
#include "events_view.hpp"
#include "input.hpp"
#include "output.hpp"
#include "peers/error.hpp"
#include "peers/events.hpp"
#include "peers/text.hpp"
#include "resolve.hpp"

namespace peers::cli {
namespace {

struct AddOptions {
  std::string name;
  std::string date;
  std::string end_date;
  std::string hashtag;
  std::string lead;
  std::string location;
  std::string note;
};

struct AssignOptions {
  std::string event;
  std::string person;
  std::string role;
};

struct PersonOptions {
  std::string event;
  std::string person;
  bool undo = false;
};

struct ShowOptions {
  std::string event;
  bool json = false;
};

/// The person a command means inside an event: someone with a role there (by exact id, even
/// when they are no longer in the store), else any person of the store.
std::string person_in_event(const Store& store, const Event& event, const std::string& wanted) {
  if (event.assignment_of(wanted)) return wanted;
  return resolve_id(store, Kind::person, wanted);
}

/// Refuses a hashtag another event already uses (`peers check` would report it as an error).
void refuse_shared_hashtag(const Store& store, const std::string& hashtag,
                           const std::string& own_id) {
  if (hashtag.empty()) return;
  std::vector<Problem> ignored;
  for (const auto& other : read_events(store, ignored))
    if (other.id != own_id && same_hashtag(other.hashtag, hashtag))
      throw Error(fmt::format("the hashtag {} is already used by {} ({})", safe(hashtag),
                              other.id, safe(other.name)),
                  "each coordinated event needs its own hashtag", exit_error);
}

void run_event_add(const AddOptions& opts, Context& ctx) {
  Event event;
  event.name = clean_name(opts.name, "the event's name");
  if (event.name.empty())
    throw Error("an event needs a name", "peers event add \"Commencement 2027\" --date 2027-05-16",
                exit_usage);
  event.date = parse_date_input(opts.date, "--date");
  if (!opts.end_date.empty()) {
    event.end_date = parse_date_input(opts.end_date, "--end-date");
    if (*event.end_date < event.date)
      throw Error("--end-date is before --date", "--end-date is the last day of the event",
                  exit_usage);
    if (*event.end_date == event.date) event.end_date.reset();
  }
  std::string hashtag = clean_input(opts.hashtag, "--hashtag");
  if (!hashtag.empty()) event.hashtag = normalize_hashtag(hashtag);
  event.location = clean_input(opts.location, "--location");
  event.notes = clean_input(opts.note, "--note", true);
  event.id = slugify(event.name);
  if (event.id.empty())
    throw Error(fmt::format("cannot make an id from the name '{}'", safe(event.name)),
                "use a name with letters or digits", exit_usage);

  Store& store = ctx.store();
  if (!opts.lead.empty()) {
    std::string wanted = clean_input(opts.lead, "--lead");
    event.lead = resolve_id(store, Kind::person, wanted);
  }
  event.added_by = ctx.team_member();
  auto lock = store.lock();
  if (store.exists(Kind::event, event.id))
    throw Error(fmt::format("there is already an event {}", event.id),
                fmt::format("see it with 'peers event show {}', or give the new one another name",
                            event.id));
  refuse_shared_hashtag(store, event.hashtag, event.id);
  write_event(store, event);
  ctx.record_change(fmt::format("event add {}", event.name));
  ctx.io.out << event.id << '\n';
  ctx.io.note(fmt::format("Added the event {} on {}", safe(event.name), event.date.str()));
}

void run_event_assign(const AssignOptions& opts, Context& ctx) {
  Store& store = ctx.store();
  std::string role = clean_input(opts.role, "--role");
  std::string event_id = resolve_id(store, Kind::event, opts.event);
  std::string person_id = resolve_id(store, Kind::person, opts.person);
  Person person = read_person(store, person_id);
  if (person.has_left())
    throw Error(fmt::format("{} has left; they cannot take a role", person_id),
                person.forward_to.empty()
                    ? "give the role to someone who is still here"
                    : fmt::format("they suggest asking {}", person.forward_to));
  auto lock = store.lock();
  Event event = read_event(store, event_id);
  bool had_role = event.assignment_of(person_id) != nullptr;
  if (!assign_role(event, person_id, role)) {
    ctx.io.note(fmt::format("{} already has the role '{}' in {}", person_id, safe(role), event_id));
    return;
  }
  write_event(store, event);
  ctx.record_change(fmt::format("event assign {} {}", event_id, person_id));
  if (had_role)
    ctx.io.note(fmt::format("Changed the role of {} in {}: now {}", person_id, event_id, safe(role)));
  else
    ctx.io.note(fmt::format("Assigned {} to {} as {}", person_id, event_id, safe(role)));
}

void run_event_unassign(const PersonOptions& opts, Context& ctx) {
  Store& store = ctx.store();
  std::string event_id = resolve_id(store, Kind::event, opts.event);
  auto lock = store.lock();
  Event event = read_event(store, event_id);
  std::string person_id = person_in_event(store, event, opts.person);
  unassign_role(event, person_id);
  write_event(store, event);
  ctx.record_change(fmt::format("event unassign {} {}", event_id, person_id));
  ctx.io.note(fmt::format("{} no longer has a role in {}", person_id, event_id));
}

void run_event_done(const PersonOptions& opts, Context& ctx) {
  Store& store = ctx.store();
  std::string event_id = resolve_id(store, Kind::event, opts.event);
  auto lock = store.lock();
  Event event = read_event(store, event_id);
  std::string person_id = person_in_event(store, event, opts.person);
  if (opts.undo) mark_not_done(event, person_id);
  else mark_done(event, person_id, ctx.now(), ctx.team_member());
  write_event(store, event);
  ctx.record_change(fmt::format("event {} {} {}", opts.undo ? "undone" : "done", event_id, person_id));
  ctx.io.note(fmt::format("{} {} ({} of {} done)", person_id,
                          opts.undo ? "is not done after all" : "is done",
                          event.done_count(), event.assignments.size()));
}

void run_event_show(const ShowOptions& opts, Context& ctx) {
  Store& store = ctx.store();
  Event event = read_event(store, resolve_id(store, Kind::event, opts.event));
  if (opts.json) print_json(ctx.io, to_json(event));
  else print_event(ctx.io, store, event, ctx.today());
}

std::string calendar_description(const Store& store, const Event& event) {
  std::vector<std::string> lines;
  if (!event.hashtag.empty()) lines.push_back("Hashtag: " + event.hashtag);
  if (!event.lead.empty()) {
    std::string name = person_name(store, event.lead);
    lines.push_back("Lead: " + (name.empty() ? event.lead : name));
  }
  if (!event.assignments.empty()) {
    lines.push_back("Plan:");
    for (const auto& a : event.assignments) {
      std::string name = person_name(store, a.person);
      lines.push_back(fmt::format("- {}: {}{}", name.empty() ? a.person : name, a.role,
                                  a.done() ? " (done)" : ""));
    }
  }
  if (!event.notes.empty()) lines.push_back(event.notes);
  return join(lines, "\n");
}

void run_event_ics(const ShowOptions& opts, Context& ctx) {
  Store& store = ctx.store();
  Event event = read_event(store, resolve_id(store, Kind::event, opts.event));
  std::string domain = slugify(store.config().name);
  CalendarOptions calendar{ctx.now(), (domain.empty() ? "store" : domain) + ".peers",
                           calendar_description(store, event)};
  ctx.io.out << event_to_icalendar(event, calendar);
}

}  // namespace

void add_event(CLI::App& app, Context& ctx) {
  auto* event = app.add_subcommand(
      "event", "Plan a coordinated moment: one hashtag, a lead, and who does what");
  event->require_subcommand(1);
  event->footer(examples(
      {"peers event add \"Commencement 2027\" --date 2027-05-16 --hashtag \"#Westbrook27\" "
       "--lead maria-lopez",
       "peers event assign commencement-2027 jose-nunez --role \"live stream\"",
       "peers event show commencement-2027", "peers event done commencement-2027 jose-nunez",
       "peers event ics commencement-2027 > commencement.ics"}));

  auto add_opts = std::make_shared<AddOptions>();
  auto* add = event->add_subcommand("add", "Add an event (prints its id)");
  add->add_option("name", add_opts->name, "The event's name, e.g. \"Commencement 2027\"")
      ->required();
  add->add_option("--date", add_opts->date, "The day it happens (YYYY-MM-DD)")->required();
  add->add_option("--end-date", add_opts->end_date, "The last day, for events over several days");
  add->add_option("--hashtag", add_opts->hashtag, "The one hashtag everyone uses");
  add->add_option("--lead", add_opts->lead, "Who leads the coordination (a person id)")
      ->option_text("PERSON");
  add->add_option("--location", add_opts->location, "Where it happens");
  add->add_option("--note", add_opts->note, "A note about the plan");
  add->footer(examples({"peers event add \"Commencement 2027\" --date 2027-05-16 \\",
                        "    --hashtag \"#Westbrook27\" --lead maria-lopez --location \"Main Quad\""}));
  add->callback([add_opts, &ctx] { run_event_add(*add_opts, ctx); });

  auto assign_opts = std::make_shared<AssignOptions>();
  auto* assign = event->add_subcommand(
      "assign", "Give a person a role in the event (again: change their role)");
  assign->add_option("event", assign_opts->event, "The event's id or a unique prefix")->required();
  assign->add_option("person", assign_opts->person, "The person's id or a unique prefix")
      ->required();
  assign->add_option("--role", assign_opts->role, "What they do: post originals, live stream, share...")
      ->required();
  assign->footer(examples({"peers event assign commencement-2027 jose-nunez --role \"live stream\"",
                           "peers event assign commencement-2027 athletics-comms --role share"}));
  assign->callback([assign_opts, &ctx] { run_event_assign(*assign_opts, ctx); });

  auto unassign_opts = std::make_shared<PersonOptions>();
  auto* unassign = event->add_subcommand("unassign", "Take a person's role in the event away");
  unassign->add_option("event", unassign_opts->event, "The event's id or a unique prefix")
      ->required();
  unassign->add_option("person", unassign_opts->person, "The person's id")->required();
  unassign->footer(examples({"peers event unassign commencement-2027 jose-nunez"}));
  unassign->callback([unassign_opts, &ctx] { run_event_unassign(*unassign_opts, ctx); });

  auto done_opts = std::make_shared<PersonOptions>();
  auto* done = event->add_subcommand("done", "Tick off a person's part of the plan");
  done->add_option("event", done_opts->event, "The event's id or a unique prefix")->required();
  done->add_option("person", done_opts->person, "The person's id")->required();
  done->add_flag("--undo", done_opts->undo, "Mark it not done again");
  done->footer(examples({"peers event done commencement-2027 jose-nunez",
                         "peers event done commencement-2027 jose-nunez --undo"}));
  done->callback([done_opts, &ctx] { run_event_done(*done_opts, ctx); });

  auto show_opts = std::make_shared<ShowOptions>();
  auto* show = event->add_subcommand("show", "The plan as a checklist: who does what, what is done");
  show->add_option("event", show_opts->event, "The event's id or a unique prefix")->required();
  show->add_flag("--json", show_opts->json, "Print the event as JSON");
  show->footer(examples({"peers event show commencement-2027", "peers event show comm --json"}));
  show->callback([show_opts, &ctx] { run_event_show(*show_opts, ctx); });

  auto ics_opts = std::make_shared<ShowOptions>();
  auto* ics = event->add_subcommand("ics", "Print the event as an iCalendar (.ics) file");
  ics->add_option("event", ics_opts->event, "The event's id or a unique prefix")->required();
  ics->footer(examples({"peers event ics commencement-2027 > commencement.ics"}));
  ics->callback([ics_opts, &ctx] { run_event_ics(*ics_opts, ctx); });

  add_event_changes(*event, ctx);
}

}  // namespace peers::cli
