#include <CLI/CLI.hpp>

#include <fmt/format.h>

#include "autocommit.hpp"
#include "commands.hpp"
#include "context.hpp"
#include "output.hpp"
#include "peers/error.hpp"
#include "peers/merge.hpp"
#include "peers/store.hpp"
#include "peers/text.hpp"

namespace peers::cli {
namespace {

struct Options {
  std::string base;    // %O
  std::string ours;    // %A: the result goes here
  std::string theirs;  // %B
  std::string path;    // %P: the file's path in the repository
};

constexpr std::size_t max_merge_bytes = 1024 * 1024;

/// The sides named for the person resolving: during a rebase (`peers sync` pulls with
/// --rebase) git's "ours" is the upstream and "theirs" the person's own commit.
MergeLabels side_labels(const Context& ctx) {
  bool rebasing = false;
  for (const char* dir : {"rebase-merge", "rebase-apply"}) {
    GitResult where = run_git(ctx.env.cwd, {"rev-parse", "--git-path", dir});
    std::filesystem::path p = trim(where.output);
    if (where.ok() && !p.empty() && std::filesystem::is_directory(p.is_absolute() ? p : ctx.env.cwd / p))
      rebasing = true;
  }
  return rebasing ? MergeLabels{"upstream", "yours"} : MergeLabels{"yours", "upstream"};
}

void run_merge_driver(const Options& opts, Context& ctx) {
  std::string path = opts.path.empty() ? opts.ours : opts.path;
  MergeLabels labels = side_labels(ctx);
  std::optional<MergeResult> result;
  try {
    result = merge_store_file(
        read_regular_file(opts.base, path + " (common ancestor)", max_merge_bytes),
        read_regular_file(opts.ours, path + " (ours)", max_merge_bytes),
        read_regular_file(opts.theirs, path + " (theirs)", max_merge_bytes), path, labels);
  } catch (const Error& e) {
    // Not a record peers can read (or not even YAML): let git merge it line by line, so
    // nothing is lost and a person sees ordinary conflict markers.
    ctx.io.warn(fmt::format("{}: {}; merging it line by line", safe(format_location(e.where())),
                            safe(e.what())));
  }
  if (result) {
    write_file_atomically(opts.ours, result->text);
    if (result->conflicts > 0)
      throw Error(Location{path},
                  fmt::format("{} conflict{} left for you: both sides changed the same field",
                              result->conflicts, result->conflicts == 1 ? "" : "s"),
                  "edit the file: keep one side between the <<<<<<< and >>>>>>> lines and "
                  "delete the marker lines; 'peers check' shows each conflict");
    return;
  }
  GitResult line_merge = run_git(ctx.env.cwd, {"merge-file", "-L", labels.ours, "-L", "base", "-L",
                                               labels.theirs, opts.ours, opts.base, opts.theirs});
  if (line_merge.status != 0)
    throw Error(Location{path}, "conflicts left by the line merge",
                "resolve the <<<<<<< blocks by hand, then 'peers check'");
}

}  // namespace

void add_merge_driver(CLI::App& app, Context& ctx) {
  auto opts = std::make_shared<Options>();
  auto* cmd = app.add_subcommand(
      "merge-driver", "The git merge driver for store files (git runs it; see 'peers git setup')");
  cmd->group("");  // git calls it, people do not
  cmd->add_option("base", opts->base, "The common ancestor's version (%O)")->required();
  cmd->add_option("ours", opts->ours, "Our version, replaced by the result (%A)")->required();
  cmd->add_option("theirs", opts->theirs, "Their version (%B)")->required();
  cmd->add_option("path", opts->path, "The file's path in the repository (%P)");
  cmd->footer(examples({"# in .git/config, written by 'peers git setup':",
                        "[merge \"peers\"]",
                        "    driver = peers merge-driver %O %A %B %P"}));
  cmd->callback([opts, &ctx] { run_merge_driver(*opts, ctx); });
}

}  // namespace peers::cli
