#include <CLI/CLI.hpp>

#include <fmt/format.h>

#include "commands.hpp"
#include "context.hpp"
#include "input.hpp"
#include "output.hpp"
#include "questions.hpp"

namespace peers::cli {
namespace {

struct Options {
  std::string question;
  std::string note;
};

void run_reopen(const Options& opts, Context& ctx) {
  std::string note = clean_input(opts.note, "--note", true);
  Store& store = ctx.store();
  auto lock = store.lock();
  Question q = read_question_by_prefix(store, opts.question);
  reopen_question(q, change_now(ctx, note));
  bool was_archived = q.archived;
  q.archived = false;  // a question being worked on again belongs in the day-to-day listings
  write_question(store, q);
  if (was_archived) store.remove(Kind::question, q.id, true);
  ctx.record_change(fmt::format("reopen {}", q.id));
  ctx.io.note(fmt::format("Reopened {} ({}{})", q.id, to_string(q.status),
                          q.routed_to.empty() ? "" : ", waiting on " + q.routed_to));
}

}  // namespace

void add_reopen(CLI::App& app, Context& ctx) {
  auto opts = std::make_shared<Options>();
  auto* cmd = app.add_subcommand(
      "reopen", "Reopen an answered or closed question (its answer moves to the history)");
  cmd->add_option("question", opts->question, "The question's id or a unique prefix")
      ->required();
  cmd->add_option("--note", opts->note, "Why, for the history");
  cmd->footer(examples({"peers reopen 7fk2", "peers reopen 7fk2 --note \"the date changed\""}));
  cmd->callback([opts, &ctx] { run_reopen(*opts, ctx); });
}

}  // namespace peers::cli
