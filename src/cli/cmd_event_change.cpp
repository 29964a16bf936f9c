// `peers event edit` and `peers event rm`.
#include <CLI/CLI.hpp>

#include <fmt/format.h>

#include "commands.hpp"
#include "context.hpp"
#include "input.hpp"
#include "output.hpp"
#include "peers/error.hpp"
#include "peers/events.hpp"
#include "peers/text.hpp"
#include "resolve.hpp"

namespace peers::cli {
namespace {

struct EditOptions {
  std::string event;
  std::optional<std::string> name;
  std::optional<std::string> date;
  std::optional<std::string> end_date;
  std::optional<std::string> hashtag;
  std::optional<std::string> lead;
  std::optional<std::string> location;
  std::optional<std::string> note;
};

struct RmOptions {
  std::string event;
  bool yes = false;
};

void run_event_edit(const EditOptions& opts, Context& ctx) {
  Store& store = ctx.store();
  std::string id = resolve_id(store, Kind::event, opts.event);
  std::optional<std::string> lead;
  if (opts.lead) {
    std::string wanted = clean_input(*opts.lead, "--lead");
    lead = wanted.empty() ? "" : resolve_id(store, Kind::person, wanted);
  }
  auto lock = store.lock();
  Event event = read_event(store, id);
  Event before = event;
  if (opts.name) {
    event.name = clean_name(*opts.name, "--name");
    if (event.name.empty()) throw Error("an event needs a name", {}, exit_usage);
  }
  if (opts.date) event.date = parse_date_input(*opts.date, "--date");
  if (opts.end_date)
    event.end_date = opts.end_date->empty()
                         ? std::nullopt
                         : std::optional(parse_date_input(*opts.end_date, "--end-date"));
  if (event.end_date && *event.end_date < event.date)
    throw Error("the end date is before the date", "--end-date is the last day of the event",
                exit_usage);
  if (event.end_date == event.date) event.end_date.reset();
  if (opts.hashtag) {
    std::string hashtag = clean_input(*opts.hashtag, "--hashtag");
    event.hashtag = hashtag.empty() ? "" : normalize_hashtag(hashtag);
    std::vector<Problem> ignored;
    for (const auto& other : read_events(store, ignored))
      if (other.id != id && !event.hashtag.empty() && same_hashtag(other.hashtag, event.hashtag))
        throw Error(fmt::format("the hashtag {} is already used by {} ({})", safe(event.hashtag),
                                other.id, safe(other.name)),
                    "each coordinated event needs its own hashtag", exit_error);
  }
  if (lead) event.lead = *lead;
  if (opts.location) event.location = clean_input(*opts.location, "--location");
  if (opts.note) event.notes = clean_input(*opts.note, "--note", true);
  if (event_to_node(event).same_data(event_to_node(before))) {
    ctx.io.note(fmt::format("{} is already like that; nothing changed", id));
    return;
  }
  write_event(store, event);
  ctx.record_change(fmt::format("event edit {}", event.name));
  ctx.io.note(fmt::format("Updated the event {}", id));
}

void run_event_rm(const RmOptions& opts, Context& ctx) {
  Store& store = ctx.store();
  std::string id = resolve_id(store, Kind::event, opts.event);
  Event event = read_event(store, id);
  if (!opts.yes) {
    if (!ctx.env.stdin_is_terminal)
      throw Error(fmt::format("refusing to remove the event {} without confirmation", id),
                  fmt::format("peers event rm {} --yes", id), exit_usage);
    if (!confirm(ctx.io, fmt::format("Remove the event {} ({}) and its plan?", safe(event.name), id)))
      throw Error("nothing was removed", {}, exit_error);
  }
  auto lock = store.lock();
  if (!store.exists(Kind::event, id))
    throw Error(fmt::format("the event {} was removed by another command meanwhile", id),
                "nothing was changed");
  store.remove(Kind::event, id);
  ctx.record_change(fmt::format("event rm {}", event.name));
  ctx.io.note(fmt::format("Removed the event {} ({})", safe(event.name), id));
}

}  // namespace

void add_event_changes(CLI::App& event, Context& ctx) {
  auto edit_opts = std::make_shared<EditOptions>();
  auto* edit = event.add_subcommand(
      "edit", "Change an event's name, dates, hashtag, lead, location or note (the id stays)");
  edit->add_option("event", edit_opts->event, "The event's id or a unique prefix")->required();
  edit->add_option("--name", edit_opts->name, "A new name");
  edit->add_option("--date", edit_opts->date, "The day it happens (YYYY-MM-DD)");
  edit->add_option("--end-date", edit_opts->end_date, "The last day (empty: one day only)");
  edit->add_option("--hashtag", edit_opts->hashtag, "The one hashtag everyone uses (empty: none)");
  edit->add_option("--lead", edit_opts->lead, "Who leads the coordination (empty: nobody)")
      ->option_text("PERSON");
  edit->add_option("--location", edit_opts->location, "Where it happens");
  edit->add_option("--note", edit_opts->note, "Replace the note");
  edit->footer(examples({"peers event edit commencement-2027 --location \"Main Quad\" --date 2027-05-15",
                         "peers event edit commencement-2027 --hashtag \"#WestbrookGrad27\""}));
  edit->callback([edit_opts, &ctx] { run_event_edit(*edit_opts, ctx); });

  auto rm_opts = std::make_shared<RmOptions>();
  auto* rm = event.add_subcommand("rm", "Remove an event and its plan (asks first on a terminal)");
  rm->add_option("event", rm_opts->event, "The event's id or a unique prefix")->required();
  rm->add_flag("-y,--yes", rm_opts->yes, "Do not ask; needed when not on a terminal");
  rm->footer(examples({"peers event rm commencement-2027 --yes"}));
  rm->callback([rm_opts, &ctx] { run_event_rm(*rm_opts, ctx); });
}

}  // namespace peers::cli
