#include <CLI/CLI.hpp>

#include <fmt/format.h>

#include "autocommit.hpp"
#include "check_scope.hpp"
#include "commands.hpp"
#include "context.hpp"
#include "output.hpp"
#include "peers/error.hpp"
#include "peers/text.hpp"

namespace peers::cli {
namespace {

struct Options {
  bool no_commit = false;
  bool hooks = false;
};

/// The first line peers writes after the shebang: how it knows a hook is its own.
constexpr const char* hook_marker = "# peers pre-commit hook";

/// `text` quoted for sh: in single quotes, each quote written as '\''.
std::string shell_quote(const std::string& text) {
  std::string out = "'";
  for (char c : text) out += c == '\'' ? std::string("'\\''") : std::string(1, c);
  return out + "'";
}

/// The pre-commit hook: checks the staged store (peers check --staged), from the top of the
/// work tree, where git runs hooks.
std::string hook_script(const std::string& prefix) {
  return fmt::format(R"sh(#!/bin/sh
{}: refuses a commit that leaves the store with errors.
# Installed by 'peers git setup --hooks'. It checks what is staged, not the work tree, and does
# nothing when no store file is staged. Skip it once with 'git commit --no-verify'.
if ! command -v peers >/dev/null 2>&1; then
  echo "peers pre-commit hook: peers is not on PATH, so the store was not checked" >&2
  exit 0
fi
# git may name the index being committed relative to here; peers runs git from the store.
case "${{GIT_INDEX_FILE:-/}}" in
  /*) ;;
  *) GIT_INDEX_FILE="$(pwd)/$GIT_INDEX_FILE"; export GIT_INDEX_FILE ;;
esac
exec peers --store {} check --staged
)sh",
                     hook_marker, shell_quote("./" + prefix));
}

void install_hook(const Store& store, Context& ctx) {
  GitResult where = run_git(store.root(), {"rev-parse", "--path-format=absolute", "--git-path",
                                           "hooks/pre-commit"});
  if (!where.ok()) throw Error("git could not say where hooks go: " + trim(where.output));
  std::filesystem::path hook = trim(where.output);
  std::string old = [&] {
    std::error_code ec;
    if (!std::filesystem::exists(std::filesystem::symlink_status(hook, ec))) return std::string();
    return read_regular_file(hook, hook.string(), 1024 * 1024);
  }();
  std::string script = hook_script(repository_prefix(store.root()));
  if (old == script) {
    ctx.io.note("The pre-commit hook was already installed");
    return;
  }
  if (!old.empty() && old.find(hook_marker) == std::string::npos)
    throw Error(fmt::format("{} is already there and is not peers' hook", terminal_safe(hook.string())),
                "add this line to it instead: peers check --staged (the rest of the setup is done)");
  std::error_code ec;
  std::filesystem::create_directories(hook.parent_path(), ec);
  write_file_atomically(hook, script);
  std::filesystem::permissions(hook,
                               std::filesystem::perms::owner_exec | std::filesystem::perms::group_exec |
                                   std::filesystem::perms::others_exec,
                               std::filesystem::perm_options::add, ec);
  if (ec) throw Error(fmt::format("cannot make {} executable: {}", terminal_safe(hook.string()), ec.message()));
  ctx.io.note(fmt::format("Installed the pre-commit hook ({}): commits that leave the store with "
                          "errors are refused",
                          terminal_safe(hook.string())));
}

constexpr const char* driver_command = "peers merge-driver %O %A %B %P";

/// `text` with every line of `wanted` that it lacks appended; the same text when none is.
std::string with_lines(const std::string& text, const std::vector<std::string>& wanted) {
  std::vector<std::string> have = split(text, '\n');
  std::string out = text;
  for (const auto& line : wanted) {
    if (std::find(have.begin(), have.end(), line) != have.end()) continue;
    if (!out.empty() && out.back() != '\n') out += '\n';
    out += line + '\n';
  }
  return out;
}

std::string read_if_present(const Store& store, const std::string& relative) {
  std::error_code ec;
  if (!std::filesystem::exists(std::filesystem::symlink_status(store.root() / relative, ec)))
    return {};
  return read_regular_file(store.root() / relative, relative, 1024 * 1024);
}

void run_git_setup(const Options& opts, Context& ctx) {
  Store& store = ctx.store();
  if (!in_git_work_tree(store.root()))
    throw Error("the store is not in a git repository",
                "make one first: 'git init' in the store (or clone the team's repository), "
                "then 'peers git setup'");
  for (const auto& [key, value] :
       {std::pair<const char*, const char*>{"merge.peers.name", "peers: structural merge of store files"},
        {"merge.peers.driver", driver_command}}) {
    GitResult r = run_git(store.root(), {"config", "--local", key, value});
    if (!r.ok()) throw Error("could not write the git config: " + trim(r.output));
  }
  ctx.io.note(fmt::format("Merge driver installed in this clone's git config ({})", driver_command));

  std::vector<std::string> attributes = {
      "# peers: merge store files by their structure, not line by line ('peers git setup')",
      "peers.yaml merge=peers"};
  for (const auto& kind : all_kinds()) {
    attributes.push_back(fmt::format("{}/*.yaml merge=peers", kind.directory));
    if (kind.kind == Kind::question)
      attributes.push_back(fmt::format("{}/archive/*.yaml merge=peers", kind.directory));
  }
  std::vector<std::string> ignores = {"# peers' local cache, lock and settings: never committed",
                                      "/.peers/"};
  auto lock = store.lock();
  std::vector<std::string> written;
  for (const auto& [file, lines] : {std::pair{".gitattributes", attributes},
                                    std::pair{".gitignore", ignores}}) {
    std::string old = read_if_present(store, file);
    std::vector<std::string> needed;
    for (const auto& line : lines)
      if (line.starts_with("#") == false) needed.push_back(line);
    std::string updated = with_lines(old, needed);
    if (updated == old) continue;
    if (old.empty()) updated = with_lines("", lines);
    store.write_text_file(file, updated);
    written.push_back(file);
  }
  if (opts.hooks) install_hook(store, ctx);
  if (written.empty()) {
    ctx.io.note(".gitattributes and .gitignore were already set up");
    return;
  }
  ctx.io.note(fmt::format("Wrote {}", join(written, " and ")));
  if (opts.no_commit) {
    ctx.io.note("Commit them so every clone merges the same way: git add .gitattributes "
                ".gitignore && git commit");
    return;
  }
  if (commit_store_files(store.root(), written, "peers: git setup"))
    ctx.io.note("Committed them: every clone now merges store files the same way once it has "
                "run 'peers git setup'");
}

}  // namespace

void add_git(CLI::App& app, Context& ctx) {
  auto* git = app.add_subcommand("git", "Set up the store's git repository for team use");
  git->require_subcommand(1);
  auto opts = std::make_shared<Options>();
  auto* setup = git->add_subcommand(
      "setup", "Install the merge driver (git config), and commit .gitattributes and .gitignore "
               "(--hooks: and a pre-commit hook)");
  setup->add_flag("--no-commit", opts->no_commit, "Write the files but do not commit them");
  setup->add_flag("--hooks", opts->hooks,
                  "Also install a pre-commit hook that refuses commits leaving the store with "
                  "errors (skip it once with 'git commit --no-verify')");
  setup->footer(examples({"git clone git@example.org:comms/peers-store.git && cd peers-store",
                          "peers git setup        # once in every clone",
                          "peers git setup --hooks   # and check every commit before it is made"}));
  git->footer(examples({"peers git setup"}));
  setup->callback([opts, &ctx] { run_git_setup(*opts, ctx); });
}

}  // namespace peers::cli
