#include <CLI/CLI.hpp>

#include <fmt/format.h>

#include "commands.hpp"
#include "context.hpp"
#include "events_view.hpp"
#include "output.hpp"
#include "peers/events.hpp"
#include "skipped.hpp"

namespace peers::cli {
namespace {

struct Options {
  bool upcoming = false;
  bool json = false;
};

void run_events(const Options& opts, Context& ctx) {
  Store& store = ctx.store();
  std::vector<Problem> skipped;
  std::vector<Event> all = read_events(store, skipped);
  report_skipped(ctx.io, skipped);
  Date today = ctx.today();
  std::vector<const Event*> events;
  for (const auto& e : all)
    if (!opts.upcoming || e.last_day() >= today) events.push_back(&e);

  if (opts.json) {
    nlohmann::ordered_json out = nlohmann::ordered_json::array();
    for (const Event* e : events) out.push_back(to_json(*e));
    print_json(ctx.io, out);
    return;
  }
  Table table;
  table.styles = {"", "bold", "", "", ""};
  for (const Event* e : events) {
    std::string progress = e->assignments.empty()
                               ? "no roles"
                               : fmt::format("{}/{} done", e->done_count(), e->assignments.size());
    table.add({e->date.str(), e->id, safe(e->hashtag), progress, safe(e->name)});
  }
  table.print(ctx.io);
  if (events.empty())
    ctx.io.note(opts.upcoming ? "No upcoming events." : "No events yet: peers event add NAME --date YYYY-MM-DD");
}

}  // namespace

void add_events(CLI::App& app, Context& ctx) {
  auto opts = std::make_shared<Options>();
  auto* cmd = app.add_subcommand("events", "List events, soonest first, with how much of each plan is done");
  cmd->add_flag("--upcoming", opts->upcoming, "Only events that are not over yet");
  cmd->add_flag("--json", opts->json, "Print a JSON array of events");
  cmd->footer(examples({"peers events", "peers events --upcoming",
                        "peers events --json | jq -r '.[].hashtag'"}));
  cmd->callback([opts, &ctx] { run_events(*opts, ctx); });
}

}  // namespace peers::cli
