#include <CLI/CLI.hpp>

#include <fmt/format.h>

#include "commands.hpp"
#include "context.hpp"
#include "progress.hpp"
#include "output.hpp"
#include "peers/questions.hpp"
#include "skipped.hpp"

namespace peers::cli {
namespace {

struct Options {
  bool dry_run = false;
};

void run_archive(const Options& opts, Context& ctx) {
  Store& store = ctx.store();
  int days = store.config().archive_after_days;
  auto lock = store.lock();
  Timestamp now = ctx.now();
  // Only the questions due are kept, with what makes them due.
  QuestionFilter due;
  due.needs = {"status", "asked_at", "answered_at", "history.at"};
  due.keep = [&](const Question& q) { return due_for_archive(q, days, now); };
  due.fields = due.needs;
  Snapshot snapshot = store.snapshot({Kind::question}, due);
  report_skipped(ctx.io, snapshot.skipped);
  int moved = 0;
  ProgressStage stage(&ctx.progress(), "archiving", snapshot.questions.size());
  for (std::size_t i = 0; i < snapshot.questions.size(); ++i) {
    const Question& q = snapshot.questions[i];
    stage.advance(i);
    if (stage.stop_requested()) {
      if (moved > 0 && !opts.dry_run) ctx.record_change(fmt::format("archive {} questions", moved));
      throw interrupted(fmt::format("archived {} questions; the others due were not", moved));
    }
    if (!opts.dry_run) store.move_to_archive(Kind::question, q.id);
    ctx.io.out << q.id << '\n';
    ++moved;
  }
  std::string what = counted(moved, "question", "questions");
  std::string age = counted(days, "day", "days");
  if (opts.dry_run) {
    ctx.io.note(fmt::format("Would archive {} (answered or closed over {} ago)", what, age));
    return;
  }
  if (moved > 0) ctx.record_change("archive " + what);
  ctx.io.note(moved == 0
                  ? fmt::format("Nothing to archive (answered or closed over {} ago)", age)
                  : fmt::format("Archived {} to questions/archive/", what));
}

}  // namespace

void add_archive(CLI::App& app, Context& ctx) {
  auto opts = std::make_shared<Options>();
  auto* cmd = app.add_subcommand(
      "archive", "Move old answered and closed questions to questions/archive/");
  cmd->add_flag("-n,--dry-run", opts->dry_run, "Only list what would be moved");
  cmd->footer(examples({"peers archive --dry-run", "peers archive",
                        "# the age is archive_after_days in peers.yaml (default 180)"}));
  cmd->callback([opts, &ctx] { run_archive(*opts, ctx); });
}

}  // namespace peers::cli
