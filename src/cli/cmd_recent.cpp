#include <CLI/CLI.hpp>

#include <algorithm>

#include <fmt/format.h>

#include "commands.hpp"
#include "context.hpp"
#include "input.hpp"
#include "output.hpp"
#include "peers/text.hpp"
#include "skipped.hpp"

namespace peers::cli {
namespace {

struct Options {
  int limit = 20;
  int days = 0;
  std::string by;
  bool json = false;
};

struct Conversation {
  const Person* person;
  const LogEntry* entry;
  std::size_t position;  // index in the person's log: later entries of a day were added later
  const std::string* sort_name;  // the person's name folded
};

void run_recent(const Options& opts, Context& ctx) {
  std::string by = fold(clean_input(opts.by, "--by"));
  Snapshot snapshot = ctx.store().snapshot({Kind::person});
  report_skipped(ctx.io, snapshot.skipped);
  Date today = ctx.today();
  std::vector<Conversation> conversations;
  Collation collation;  // names in Unicode order, whatever their script
  std::vector<std::string> sort_names(snapshot.people.size());
  for (std::size_t n = 0; n < snapshot.people.size(); ++n) {
    const Person& p = snapshot.people[n];
    if (!p.log.empty()) sort_names[n] = collation.key(p.name);
    for (std::size_t i = 0; i < p.log.size(); ++i) {
      const LogEntry& e = p.log[i];
      if (!by.empty() && fold(e.by).find(by) == std::string::npos) continue;
      if (opts.days > 0 && today.days_since_epoch() - e.date.days_since_epoch() > opts.days)
        continue;
      conversations.push_back({&p, &e, i, &sort_names[n]});
    }
  }
  std::sort(conversations.begin(), conversations.end(),
            [](const Conversation& a, const Conversation& b) {
              if (a.entry->date != b.entry->date) return a.entry->date > b.entry->date;
              if (a.person != b.person) return *a.sort_name < *b.sort_name;
              return a.position > b.position;
            });
  if (opts.limit > 0 && conversations.size() > static_cast<std::size_t>(opts.limit))
    conversations.resize(static_cast<std::size_t>(opts.limit));

  if (opts.json) {
    nlohmann::ordered_json out = nlohmann::ordered_json::array();
    for (const auto& c : conversations)
      out.push_back({{"date", c.entry->date.str()},
                     {"by", c.entry->by.empty() ? nlohmann::ordered_json(nullptr)
                                                : nlohmann::ordered_json(c.entry->by)},
                     {"person", c.person->id},
                     {"name", c.person->name},
                     {"note", c.entry->note}});
    print_json(ctx.io, out);
    return;
  }
  Table table;
  table.styles = {"dim", "", "bold", ""};
  for (const auto& c : conversations) {
    std::string note = safe(c.entry->note);
    std::replace(note.begin(), note.end(), '\n', ' ');
    table.add({c.entry->date.str(), c.entry->by.empty() ? "-" : safe(c.entry->by),
               safe(c.person->name), note});
  }
  table.print(ctx.io);
  if (conversations.empty()) ctx.io.note("No conversations logged yet ('peers log ID NOTE' adds one).");
}

}  // namespace

void add_recent(CLI::App& app, Context& ctx) {
  auto opts = std::make_shared<Options>();
  auto* cmd = app.add_subcommand("recent", "The team's latest conversations, and who had them");
  cmd->add_option("-n,--limit", opts->limit, "Show at most N conversations (default 20; 0: all)")
      ->check(CLI::Range(0, 1000000))
      ->option_text("N");
  cmd->add_option("--days", opts->days, "Only the last N days")
      ->check(CLI::Range(0, 36500))
      ->option_text("DAYS");
  cmd->add_option("--by", opts->by, "Only conversations this team member had")
      ->option_text("NAME");
  cmd->add_flag("--json", opts->json,
                "Print a JSON array of {date, by, person, name, note}, newest first");
  cmd->footer(examples({"peers recent", "peers recent --by \"Sam Lee\" --days 30",
                        "peers recent -n 0 --json | jq -r '.[].by' | sort | uniq -c"}));
  cmd->callback([opts, &ctx] { run_recent(*opts, ctx); });
}

}  // namespace peers::cli
