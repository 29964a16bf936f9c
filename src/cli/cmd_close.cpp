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

void run_close(const Options& opts, Context& ctx) {
  std::string note = clean_input(opts.note, "--note", true);
  Store& store = ctx.store();
  auto lock = store.lock();
  Question q = read_question_by_prefix(store, opts.question);
  close_question(q, change_now(ctx, note));
  write_question(store, q);
  ctx.record_change(fmt::format("close {}", q.id));
  ctx.io.note(fmt::format("Closed {}", q.id));
}

}  // namespace

void add_close(CLI::App& app, Context& ctx) {
  auto opts = std::make_shared<Options>();
  auto* cmd = app.add_subcommand("close", "Close a question, answered or not");
  cmd->add_option("question", opts->question, "The question's id or a unique prefix")
      ->required();
  cmd->add_option("--note", opts->note, "Why, for the history");
  cmd->footer(examples({"peers close 7fk2", "peers close 7fk2 --note \"duplicate of k3m9\""}));
  cmd->callback([opts, &ctx] { run_close(*opts, ctx); });
}

}  // namespace peers::cli
