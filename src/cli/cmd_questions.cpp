#include <CLI/CLI.hpp>

#include <algorithm>

#include <fmt/format.h>

#include "commands.hpp"
#include "context.hpp"
#include "output.hpp"
#include "peers/error.hpp"
#include "peers/text.hpp"
#include "questions.hpp"
#include "records_json.hpp"
#include "resolve.hpp"
#include "skipped.hpp"

namespace peers::cli {
namespace {

struct Options {
  std::vector<std::string> statuses;
  std::string to;
  std::string older_than;
  std::string channel;
  bool archived = false;
  bool json = false;
};

void run_questions(const Options& opts, Context& ctx) {
  auto statuses = parse_statuses(opts.statuses);
  if (statuses.empty()) statuses = {QuestionStatus::open, QuestionStatus::routed};
  std::optional<std::int64_t> older_than;
  if (!opts.older_than.empty()) {
    older_than = parse_duration(trim(opts.older_than));
    if (!older_than)
      throw Error(fmt::format("--older-than needs an age such as 3h or 2d, got '{}'",
                              safe(opts.older_than)),
                  "units: m (minutes), h (hours), d (days), w (weeks)", exit_usage);
  }
  Store& store = ctx.store();
  std::string person = opts.to.empty() ? "" : resolve_id(store, Kind::person, opts.to);
  Timestamp now = ctx.now();
  std::string channel = fold(opts.channel);
  // Only the questions shown are decoded whole (--json shows every field).
  QuestionFilter filter;
  filter.needs = {"status", "routed_to", "answered_by", "asked_at", "channel"};
  filter.keep = [&](const Question& q) {
    if (q.archived && !opts.archived) return false;
    if (std::find(statuses.begin(), statuses.end(), q.status) == statuses.end()) return false;
    if (!person.empty() && q.routed_to != person && q.answered_by != person) return false;
    if (older_than && now - q.asked_at < *older_than) return false;
    return opts.channel.empty() || fold(q.channel) == channel;
  };
  if (!opts.json) filter.fields = {"text", "asked_at", "status", "routed_to", "answered_by"};
  filter.archived = opts.archived;
  Snapshot snapshot = store.snapshot({Kind::question}, filter);
  report_skipped(ctx.io, snapshot.skipped);

  std::vector<const Question*> shown;
  for (const auto& q : snapshot.questions) shown.push_back(&q);
  std::sort(shown.begin(), shown.end(), [](const Question* a, const Question* b) {
    return a->asked_at != b->asked_at ? a->asked_at < b->asked_at : a->id < b->id;
  });

  if (opts.json) {
    nlohmann::ordered_json out = nlohmann::ordered_json::array();
    for (const Question* q : shown) out.push_back(to_json(*q));
    print_json(ctx.io, out);
    return;
  }
  Table table;
  table.styles = {"bold", "", "", "", ""};
  for (const Question* q : shown) table.add(question_row(*q, now));
  table.print(ctx.io);
  if (shown.empty()) ctx.io.note("No questions match.");
}

}  // namespace

void add_questions(CLI::App& app, Context& ctx) {
  auto opts = std::make_shared<Options>();
  auto* cmd = app.add_subcommand(
      "questions", "List questions, oldest first, with their age (default: open and routed)");
  cmd->add_option("--status", opts->statuses,
                  "open, routed, answered, closed or all (repeatable, or comma-separated)");
  cmd->add_option("--to", opts->to, "Only questions routed to or answered by this person")
      ->option_text("PERSON");
  cmd->add_option("--older-than", opts->older_than, "Only questions asked longer ago, e.g. 2d")
      ->option_text("AGE");
  cmd->add_option("--channel", opts->channel, "Only questions asked on this channel");
  cmd->add_flag("--archived", opts->archived, "Include archived questions");
  cmd->add_flag("--json", opts->json, "Print a JSON array of questions");
  cmd->footer(examples({"peers questions",
                        "peers questions --status answered --to maria-lopez --older-than 2d",
                        "peers questions --status all --archived --json | jq -r '.[].id'"}));
  cmd->callback([opts, &ctx] { run_questions(*opts, ctx); });
}

}  // namespace peers::cli
