#include <CLI/CLI.hpp>

#include <algorithm>
#include <tuple>

#include <fmt/format.h>

#include "commands.hpp"
#include "context.hpp"
#include "output.hpp"
#include "people.hpp"
#include "peers/query.hpp"
#include "peers/text.hpp"
#include "records_json.hpp"
#include "skipped.hpp"

namespace peers::cli {
namespace {

struct Options {
  PeopleFilter filter;
  bool active_only = false;
  bool json = false;
};

void run_list(const Options& opts, Context& ctx) {
  Snapshot snapshot = ctx.store().snapshot(kinds_to_match(opts.filter));
  report_skipped(ctx.io, snapshot.skipped);
  TopicIndex topics(snapshot.topics);
  PeopleFilter filter = opts.filter;
  filter.include_left = !opts.active_only;
  Collation collation;  // names in Unicode order, whatever their script
  std::vector<std::pair<std::string, const Person*>> sorted;  // (name's sort key, person)
  for (const auto& p : snapshot.people)
    if (matches(p, filter, topics)) sorted.emplace_back(collation.key(p.name), &p);
  std::sort(sorted.begin(), sorted.end(), [](const auto& a, const auto& b) {
    return std::tie(a.first, a.second->id) < std::tie(b.first, b.second->id);
  });
  std::vector<const Person*> people;
  for (const auto& entry : sorted) people.push_back(entry.second);

  if (opts.json) {
    nlohmann::ordered_json out = nlohmann::ordered_json::array();
    for (const Person* p : people) out.push_back(to_json(*p));
    print_json(ctx.io, out);
    return;
  }
  Table table;
  table.styles = {"bold", "", ""};
  for (const Person* p : people) {
    std::vector<std::string> role;
    if (!p->title.empty()) role.push_back(safe(p->title));
    if (!p->department.empty()) role.push_back(safe(p->department));
    if (!p->organization.empty()) role.push_back(safe(p->organization));
    std::vector<std::string> knows;
    for (const auto& e : p->expertise) knows.push_back(safe(e));
    std::string name = safe(p->name) + (p->has_left() ? " (left)" : "");
    table.add({p->id, name, join(role, ", "), join(knows, ", ")});
  }
  // Expertise is what a reader scans for: at 80 columns it keeps a third of the line (or what
  // it needs, if less), and the role column gives way; ids are never cut.
  std::size_t widest_knows = 0;
  for (const auto& row : table.rows) widest_knows = std::max(widest_knows, display_width(row.back()));
  std::size_t third = static_cast<std::size_t>(std::max(ctx.io.width, 0)) / 3;
  table.print(ctx.io, std::max<std::size_t>(12, std::min(widest_knows, third)), true);
  if (people.empty()) ctx.io.note("No one matches.");
}

}  // namespace

void add_list(CLI::App& app, Context& ctx) {
  auto opts = std::make_shared<Options>();
  auto* cmd = app.add_subcommand("list", "List people, one line each");
  add_people_filter_options(*cmd, opts->filter);
  cmd->add_flag("--active", opts->active_only, "Leave out people who have left");
  cmd->add_flag("--json", opts->json, "Print a JSON array of people");
  cmd->footer(examples({"peers list", "peers list --topic admissions --dept admissions --tag orientation",
                        "peers list --json | jq -r '.[].email'"}));
  cmd->callback([opts, &ctx] { run_list(*opts, ctx); });
}

}  // namespace peers::cli
