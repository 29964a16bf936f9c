#include <CLI/CLI.hpp>

#include <fmt/format.h>

#include "autocommit.hpp"
#include "commands.hpp"
#include "context.hpp"
#include "output.hpp"
#include "peers/check.hpp"
#include "peers/error.hpp"
#include "peers/text.hpp"

namespace peers::cli {
namespace {

struct Options {
  bool no_push = false;
};

/// The first lines of git's output, on one line ("a; b; c").
std::string first_lines(const std::string& text, std::size_t count = 4) {
  std::vector<std::string> lines;
  for (const auto& line : split(trim(text), '\n'))
    if (lines.size() < count && !trim(line).empty()) lines.push_back(trim(line));
  return join(lines, "; ");
}

/// "people/a.yaml, people/b.yaml" from `git status --porcelain` or `--name-only` output.
std::string file_names(const std::string& text) {
  std::vector<std::string> names;
  for (const auto& line : split(text, '\n')) {
    bool porcelain = line.size() > 3 && line[2] == ' ';  // "?? path", " M path"
    std::string name = trim(porcelain ? line.substr(3) : line);
    if (!name.empty() && names.size() < 6) names.push_back(name);
  }
  return join(names, ", ");
}

std::string git_value(const std::filesystem::path& root, const std::vector<std::string>& args) {
  GitResult r = run_git(root, args);
  return r.ok() ? trim(r.output) : std::string();
}

bool rebase_in_progress(const std::filesystem::path& root) {
  for (const char* dir : {"rebase-merge", "rebase-apply"}) {
    std::string path = git_value(root, {"rev-parse", "--git-path", dir});
    std::error_code ec;
    if (!path.empty() && std::filesystem::is_directory(root / path, ec)) return true;
  }
  return false;
}

void run_sync(const Options& opts, Context& ctx) {
  Store& store = ctx.store();
  const auto& root = store.root();
  if (!in_git_work_tree(root))
    throw Error("the store is not in a git repository, so there is nothing to sync with",
                "clone the team's repository and work in the clone; 'peers git setup' there");
  std::string upstream =
      git_value(root, {"rev-parse", "--abbrev-ref", "--symbolic-full-name", "@{u}"});
  if (upstream.empty())
    throw Error("this branch has no upstream branch to sync with",
                "push it once with 'git push -u origin BRANCH', then 'peers sync'");
  if (rebase_in_progress(root))
    throw Error("a rebase is in progress (an earlier sync stopped on a conflict)",
                "fix the files 'git status' lists ('peers check' explains them), 'git add' them "
                "and run 'git rebase --continue'; or 'git rebase --abort' to go back");
  std::string uncommitted = run_git(root, {"status", "--porcelain", "--", "."}).output;
  if (!trim(uncommitted).empty())
    throw Error("the store has changes that are not committed: " + file_names(uncommitted),
                "commit them first (git add -A . && git commit -m '...'), or turn on "
                "'peers config set git.autocommit true' so each command commits its change");
  if (git_value(root, {"config", "--get", "merge.peers.driver"}).empty())
    ctx.io.warn("the peers merge driver is not set up in this clone, so git merges store files "
                "line by line; run 'peers git setup'");

  std::string before = git_value(root, {"rev-parse", "@{u}"});
  GitResult pull = run_git(root, {"pull", "--rebase", "--quiet"});
  if (!pull.ok()) {
    if (rebase_in_progress(root)) {
      std::string files =
          git_value(root, {"diff", "--name-only", "--diff-filter=U", "--relative"});
      throw Error("pulling stopped on conflicts git could not resolve in " + file_names(files),
                  "each file has <<<<<<< markers ('peers check' explains them): keep the right "
                  "lines, then 'git add FILE', 'git rebase --continue' and 'peers sync' again; "
                  "'git rebase --abort' puts everything back as it was");
    }
    throw Error("git pull failed: " + first_lines(pull.output),
                "check the remote and your connection; nothing was pushed");
  }
  std::string pulled =
      before.empty() ? "0" : git_value(root, {"rev-list", "--count", before + "..@{u}"});

  std::size_t errors = 0;
  for (const auto& f : check_whole_store(root, ctx.store_options())) {
    if (f.severity != Severity::error) continue;
    ++errors;
    ctx.io.out << safe(format_location(f.where)) << ": error: " << safe(f.message) << " ["
               << f.code << "]\n";
  }
  if (errors > 0)
    throw Error(fmt::format("not pushing: the store has {} error{} after pulling", errors,
                            errors == 1 ? "" : "s"),
                "fix them ('peers check' explains each), commit, then 'peers sync' again",
                exit_check_failed);

  std::string ahead = git_value(root, {"rev-list", "--count", "@{u}..HEAD"});
  if (opts.no_push || ahead == "0" || ahead.empty()) {
    ctx.io.note(fmt::format("Pulled {} commit{} from {}; nothing pushed.", pulled,
                            pulled == "1" ? "" : "s", safe(upstream)));
    return;
  }
  GitResult push = run_git(root, {"push", "--quiet"});
  if (!push.ok()) {
    bool moved = push.output.find("rejected") != std::string::npos ||
                 push.output.find("fetch first") != std::string::npos;
    if (moved)
      throw Error("someone pushed while you were syncing",
                  "run 'peers sync' again; your commits are safe here");
    throw Error("git push failed: " + first_lines(push.output),
                "check the remote and your access to it; your commits are safe here");
  }
  ctx.io.note(fmt::format("Synced with {}: pulled {} commit{}, pushed {}.", safe(upstream), pulled,
                          pulled == "1" ? "" : "s", ahead));
}

}  // namespace

void add_sync(CLI::App& app, Context& ctx) {
  auto opts = std::make_shared<Options>();
  auto* cmd = app.add_subcommand("sync", "Pull the team's changes (rebase), check, then push yours");
  cmd->add_flag("--no-push", opts->no_push, "Pull and check only");
  cmd->footer(examples({"peers sync", "peers sync --no-push     # just bring in the others' work"}));
  cmd->callback([opts, &ctx] { run_sync(*opts, ctx); });
}

}  // namespace peers::cli
