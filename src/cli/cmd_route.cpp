#include <CLI/CLI.hpp>

#include <fmt/format.h>

#include "commands.hpp"
#include "context.hpp"
#include "input.hpp"
#include "output.hpp"
#include "peers/error.hpp"
#include "peers/routing.hpp"
#include "questions.hpp"
#include "records_json.hpp"
#include "skipped.hpp"

namespace peers::cli {
namespace {

struct Options {
  std::string question;
  std::string person;
  std::string note;
  std::size_t limit = 5;
  bool json = false;
};

void suggest(const Options& opts, Context& ctx) {
  Store& store = ctx.store();
  Question q = read_question_by_prefix(store, opts.question);
  std::vector<Problem> skipped;
  RoutingIndex index = store.routing_index(skipped);  // the saved index, as `who-knows` ranks
  report_skipped(ctx.io, skipped);
  RankOptions rank;
  rank.limit = opts.limit;
  rank.now = ctx.now();
  RoutingResult routing = index.route(q.text, rank);
  auto similar = answered_before(store, index, q.text, 3, q.id);
  if (opts.json) {
    nlohmann::ordered_json out = {{"question", to_json(q)}};
    out.update(suggestions_json(routing, similar));
    print_json(ctx.io, out);
    return;
  }
  ctx.io.out << q.id << "  " << to_string(q.status) << "  " << safe(q.text) << '\n';
  print_suggestions(ctx.io, routing, similar);
  if (!routing.people.empty())
    ctx.io.note(fmt::format("Hand it over with 'peers route {} {}'", q.id,
                            routing.people.front().id));
}

void hand_over(const Options& opts, Context& ctx) {
  if (opts.json)
    throw Error("--json only goes with suggestions ('peers route ID' without a person)", {},
                exit_usage);
  std::string note = clean_input(opts.note, "--note", true);
  Store& store = ctx.store();
  auto lock = store.lock();
  Question q = read_question_by_prefix(store, opts.question);
  Person person = read_person_by_prefix(store, opts.person);
  route_to(q, person, change_now(ctx, note));
  write_question(store, q);
  ctx.record_change(fmt::format("route {} to {}", q.id, person.id));
  if (person.away_until && *person.away_until >= ctx.today())
    ctx.io.warn(fmt::format("{} is away until {}", person.id, person.away_until->str()));
  ctx.io.note(fmt::format("Routed {} to {} ({})", q.id, safe(person.name), person.id));
}

void run_route(const Options& opts, Context& ctx) {
  if (opts.person.empty()) suggest(opts, ctx);
  else hand_over(opts, ctx);
}

}  // namespace

void add_route(CLI::App& app, Context& ctx) {
  auto opts = std::make_shared<Options>();
  auto* cmd = app.add_subcommand(
      "route", "Suggest who should answer a question, or hand it to a person");
  cmd->add_option("question", opts->question, "The question's id or a unique prefix")
      ->required();
  cmd->add_option("person", opts->person, "Hand it to this person (id, prefix or name)");
  cmd->add_option("--note", opts->note, "A note for the history, with a person");
  cmd->add_option("--limit", opts->limit, "How many people to suggest (default 5)")
      ->check(CLI::Range(1, 50));
  cmd->add_flag("--json", opts->json, "Print the suggestions as JSON (without a person)");
  cmd->footer(examples({"peers route 7fk2                # who should answer it?",
                        "peers route 7fk2 maria-lopez    # hand it to Maria",
                        "peers route 7fk2 jose --note \"she runs the info sessions\""}));
  cmd->callback([opts, &ctx] { run_route(*opts, ctx); });
}

}  // namespace peers::cli
