#include <CLI/CLI.hpp>

#include <fmt/format.h>

#include "commands.hpp"
#include "context.hpp"
#include "events_view.hpp"
#include "output.hpp"
#include "peers/error.hpp"
#include "peers/events.hpp"
#include "peers/text.hpp"
#include "resolve.hpp"
#include "skipped.hpp"

namespace peers::cli {
namespace {

struct Options {
  std::string status;
  std::string from;
  bool json = false;
};

void run_leads(const Options& opts, Context& ctx) {
  std::optional<LeadStatus> status;
  if (!opts.status.empty()) {
    status = parse_lead_status(to_lower_ascii(trim(opts.status)));
    if (!status)
      throw Error(fmt::format("--status is idea, pitched, scheduled or published, not '{}'",
                              safe(opts.status)),
                  "for example: --status idea", exit_usage);
  }
  Store& store = ctx.store();
  std::vector<Problem> skipped;
  std::vector<Lead> all = read_leads(store, skipped);
  report_skipped(ctx.io, skipped);
  std::string from;
  if (!opts.from.empty()) {
    // Someone removed from the store may still have given leads: an exact id is enough.
    bool gave_leads = false;
    for (const auto& l : all) gave_leads = gave_leads || l.from == opts.from;
    from = gave_leads ? opts.from : resolve_id(store, Kind::person, opts.from);
  }
  std::vector<const Lead*> leads;
  for (const auto& l : all)
    if ((!status || l.status == *status) && (from.empty() || l.from == from)) leads.push_back(&l);

  if (opts.json) {
    nlohmann::ordered_json out = nlohmann::ordered_json::array();
    for (const Lead* l : leads) out.push_back(to_json(*l));
    print_json(ctx.io, out);
    return;
  }
  Table table;
  table.styles = {"bold", "", "", ""};
  for (const Lead* l : leads) table.add({l->id, to_string(l->status), l->from, safe(l->title)});
  table.print(ctx.io);
  if (leads.empty())
    ctx.io.note(all.empty() ? "No leads yet: peers lead add TITLE --from PERSON"
                            : "No lead matches.");
}

}  // namespace

void add_leads(CLI::App& app, Context& ctx) {
  auto opts = std::make_shared<Options>();
  auto* cmd = app.add_subcommand("leads", "List story leads, one line each");
  cmd->add_option("--status", opts->status, "Only leads with this status: idea, pitched, scheduled or published");
  cmd->add_option("--from", opts->from, "Only leads this person gave")->option_text("PERSON");
  cmd->add_flag("--json", opts->json, "Print a JSON array of leads");
  cmd->footer(examples({"peers leads", "peers leads --status idea --from kwame-asante",
                        "peers leads --json | jq -r '.[] | select(.status == \"published\") | .link'"}));
  cmd->callback([opts, &ctx] { run_leads(*opts, ctx); });
}

}  // namespace peers::cli
