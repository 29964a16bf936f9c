#include <CLI/CLI.hpp>

#include <algorithm>

#include <fmt/format.h>

#include "commands.hpp"
#include "context.hpp"
#include "input.hpp"
#include "output.hpp"
#include "peers/error.hpp"
#include "resolve.hpp"

namespace peers::cli {
namespace {

struct Options {
  std::string id;
  std::string note;
  std::string date;
  std::string by;
  bool force = false;
};

void run_log(const Options& opts, Context& ctx) {
  Store& store = ctx.store();
  std::string id = resolve_id(store, Kind::person, opts.id);
  LogEntry entry;
  entry.note = clean_input(opts.note, "the note", true);
  if (entry.note.empty()) throw Error("the note is empty", "say what you talked about", exit_usage);
  entry.date = opts.date.empty() ? ctx.today() : parse_date_input(opts.date, "--date");
  if (entry.date > ctx.today() && !opts.force)
    throw Error(fmt::format("--date {} is in the future (today is {})", entry.date.str(),
                            ctx.today().str()),
                "log a conversation once it has happened (--force logs it anyway)", exit_usage);
  entry.by = opts.by.empty() ? ctx.team_member() : clean_input(opts.by, "--by");

  auto lock = store.lock();
  Person p = read_person(store, id);
  // Keep the log in date order; a new entry goes after those of the same day, so on a
  // canonical file `git diff` shows only added lines.
  auto at = std::upper_bound(p.log.begin(), p.log.end(), entry.date,
                             [](const Date& d, const LogEntry& e) { return d < e.date; });
  p.log.insert(at, entry);
  write_person(store, p);
  ctx.record_change(fmt::format("log {}", p.name));
  ctx.io.note(fmt::format("Logged a conversation with {} on {}", safe(p.name), entry.date.str()));
}

}  // namespace

void add_log(CLI::App& app, Context& ctx) {
  auto opts = std::make_shared<Options>();
  auto* cmd = app.add_subcommand("log", "Record a conversation with a person");
  cmd->add_option("id", opts->id, "The person's id or a unique prefix")->required();
  cmd->add_option("note", opts->note, "What you talked about")->required();
  cmd->add_option("--date", opts->date, "When (YYYY-MM-DD, default today)");
  cmd->add_option("--by", opts->by, "Who on the team talked to them (default: git user.name)");
  cmd->add_flag("--force", opts->force, "Accept a --date in the future");
  cmd->footer(examples({"peers log maria-lopez \"Coffee after the orientation meeting\"",
                        "peers log jose \"Call about spring open days\" --date 2026-11-21 --by \"Sam Lee\""}));
  cmd->callback([opts, &ctx] { run_log(*opts, ctx); });
}

}  // namespace peers::cli
