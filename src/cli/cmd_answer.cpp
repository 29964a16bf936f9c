#include <CLI/CLI.hpp>

#include <fmt/format.h>

#include "commands.hpp"
#include "context.hpp"
#include "input.hpp"
#include "output.hpp"
#include "peers/error.hpp"
#include "questions.hpp"
#include "resolve.hpp"

namespace peers::cli {
namespace {

struct Options {
  std::string question;
  std::string answer;
  std::string by;
  std::string note;
  std::string same_as;
};

void run_answer(const Options& opts, Context& ctx) {
  std::string answer = clean_input(opts.answer, "the answer", true);
  if (!opts.same_as.empty() && !answer.empty())
    throw Error("give the answer or --same-as, not both",
                "peers answer 7fk2 --same-as k3m9 (reuses k3m9's answer)", exit_usage);
  if (answer.empty() && opts.same_as.empty())
    throw Error("an answer needs its text", "peers answer 7fk2 \"March 1\"", exit_usage);
  std::string note = clean_input(opts.note, "--note", true);
  Store& store = ctx.store();
  auto lock = store.lock();
  Question q = read_question_by_prefix(store, opts.question);
  std::string by = opts.by.empty() ? "" : resolve_id(store, Kind::person, opts.by);
  if (!opts.same_as.empty()) {
    // The reply is the one given before: its text, credited to the person who gave it.
    Question original = read_question_by_prefix(store, opts.same_as);
    if (original.id == q.id)
      throw Error(fmt::format("{} cannot reuse its own answer", q.id), {}, exit_usage);
    if (original.answer.empty())
      throw Error(fmt::format("{} has no answer to reuse", original.id),
                  fmt::format("see it with 'peers show {}'", original.id));
    answer = original.answer;
    if (by.empty()) by = original.answered_by;
    std::string same = "same as " + original.id;
    note = note.empty() ? same : same + "; " + note;
  }
  answer_question(q, answer, by, change_now(ctx, note));
  write_question(store, q);
  ctx.record_change(fmt::format("answer {}", q.id));
  ctx.io.note(fmt::format("Answered {}{}", q.id,
                          q.answered_by.empty() ? "" : " (by " + q.answered_by + ")"));
}

}  // namespace

void add_answer(CLI::App& app, Context& ctx) {
  auto opts = std::make_shared<Options>();
  auto* cmd = app.add_subcommand("answer", "Record the answer to a question");
  cmd->add_option("question", opts->question, "The question's id or a unique prefix")
      ->required();
  cmd->add_option("answer", opts->answer, "The answer, as the team gave it");
  cmd->add_option("--by", opts->by,
                  "The person who gave the answer (default: the one it was routed to)")
      ->option_text("PERSON");
  cmd->add_option("--note", opts->note, "A note for the history");
  cmd->add_option("--same-as", opts->same_as,
                  "Reuse the answer of this answered question, crediting whoever gave it")
      ->option_text("QUESTION");
  cmd->footer(examples(
      {"peers answer 7fk2 \"March 1; see admissions.westbrook.edu/transfer\"",
       "peers answer 7fk2 \"March 1\" --by maria-lopez",
       "peers answer 9xq4 --same-as 7fk2     # the same reply as 7fk2, credited to its answerer"}));
  cmd->callback([opts, &ctx] { run_answer(*opts, ctx); });
}

}  // namespace peers::cli
