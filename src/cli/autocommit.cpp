#include "autocommit.hpp"

#include <fcntl.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>

#include <fmt/format.h>

#include "output.hpp"
#include "peers/error.hpp"
#include "peers/text.hpp"

extern char** environ;

namespace peers::cli {

GitResult run_git(const std::filesystem::path& dir, const std::vector<std::string>& args) {
  std::vector<std::string> argv = {"git", "-C", dir.string()};
  argv.insert(argv.end(), args.begin(), args.end());
  std::vector<char*> c_argv;
  for (auto& a : argv) c_argv.push_back(a.data());
  c_argv.push_back(nullptr);

  GitResult result;
  int fds[2];
  if (::pipe2(fds, O_CLOEXEC) != 0) return result;
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_adddup2(&actions, fds[1], STDOUT_FILENO);
  posix_spawn_file_actions_adddup2(&actions, fds[1], STDERR_FILENO);
  posix_spawn_file_actions_addopen(&actions, STDIN_FILENO, "/dev/null", O_RDONLY, 0);
  pid_t pid;
  int rc = ::posix_spawnp(&pid, "git", &actions, nullptr, c_argv.data(), environ);
  posix_spawn_file_actions_destroy(&actions);
  ::close(fds[1]);
  if (rc != 0) {
    ::close(fds[0]);
    return result;
  }
  char buffer[4096];
  while (true) {
    ssize_t n = ::read(fds[0], buffer, sizeof buffer);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) break;
    result.output.append(buffer, static_cast<std::size_t>(n));
  }
  ::close(fds[0]);
  int status = 0;
  while (::waitpid(pid, &status, 0) < 0)
    if (errno != EINTR) return result;
  result.status = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
  return result;
}

bool in_git_work_tree(const std::filesystem::path& dir) {
  GitResult r = run_git(dir, {"rev-parse", "--is-inside-work-tree"});
  return r.ok() && trim(r.output) == "true";
}

bool autocommit_enabled(const std::filesystem::path& store_root) {
  GitResult r = run_git(store_root, {"config", "--type=bool", "--get", "peers.autocommit"});
  return r.ok() && trim(r.output) == "true";
}

bool commit_store_files(const std::filesystem::path& store_root,
                        const std::vector<std::string>& paths, const std::string& message) {
  std::vector<std::string> unique;
  for (const auto& p : paths)
    if (std::find(unique.begin(), unique.end(), p) == unique.end()) unique.push_back(p);
  if (unique.empty()) return false;

  // Only paths git knows or that exist can be named; a file made and removed in one command
  // (or never tracked and now gone) is left out.
  std::vector<std::string> add = {"add", "--all", "--"};
  for (const auto& p : unique) {
    std::error_code ec;
    bool exists = std::filesystem::exists(std::filesystem::symlink_status(store_root / p, ec));
    bool tracked = run_git(store_root, {"ls-files", "--error-unmatch", "--", p}).ok();
    if (exists || tracked) add.push_back(p);
  }
  if (add.size() == 3) return false;
  GitResult staged = run_git(store_root, add);
  if (!staged.ok())
    throw Error("git.autocommit: could not stage the changed files: " + trim(staged.output),
                "the change itself is saved; commit it by hand");

  std::vector<std::string> diff = {"diff", "--cached", "--name-only", "--relative", "--"};
  diff.insert(diff.end(), add.begin() + 3, add.end());
  GitResult changed = run_git(store_root, diff);
  std::vector<std::string> to_commit;
  for (const auto& line : split(changed.output, '\n'))
    if (!trim(line).empty()) to_commit.push_back(trim(line));
  if (to_commit.empty()) return false;

  std::vector<std::string> commit = {"commit", "--quiet", "--no-verify", "-m", message, "--"};
  commit.insert(commit.end(), to_commit.begin(), to_commit.end());
  GitResult done = run_git(store_root, commit);
  if (!done.ok())
    throw Error("git.autocommit: git commit failed: " + trim(done.output),
                "the change itself is saved; commit it by hand (git status shows it)");
  return true;
}

void commit_recorded_changes(Context& ctx) {
  if (ctx.changes.empty()) return;
  Store* store = nullptr;
  try {
    store = &ctx.store();
  } catch (const Error&) {
    return;  // the command made no store (or removed it)
  }
  if (store->changed_files().empty() || !autocommit_enabled(store->root())) return;
  std::string message = "peers: " + join(ctx.changes, "; ");
  try {
    if (commit_store_files(store->root(), store->changed_files(), message))
      ctx.io.note(fmt::format("Committed: {}", safe(message)));
  } catch (const Error& e) {
    ctx.io.warn(safe(e.what()) + " (" + safe(e.hint()) + ")");
  }
}

}  // namespace peers::cli
