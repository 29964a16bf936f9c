#include "context.hpp"

#include <sys/ioctl.h>
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <iostream>

#include "peers/text.hpp"
#include "process.hpp"
#include "progress.hpp"

namespace peers::cli {
namespace {

std::optional<std::string> get(const char* name) {
  const char* value = std::getenv(name);
  if (!value || !*value) return std::nullopt;
  return std::string(value);
}

}  // namespace

Environment Environment::from_process() {
  Environment env;
  std::error_code ec;
  env.cwd = std::filesystem::current_path(ec);
  env.peers_store = get("PEERS_STORE");
  env.editor = get("VISUAL");
  if (!env.editor) env.editor = get("EDITOR");
  env.user = get("PEERS_USER");
  env.now = get("PEERS_NOW");
  env.xdg_cache_home = get("XDG_CACHE_HOME");
  env.no_color = std::getenv("NO_COLOR") != nullptr || get("TERM").value_or("") == "dumb";
  env.stdin_is_terminal = ::isatty(STDIN_FILENO) == 1;
  env.stdout_is_terminal = ::isatty(STDOUT_FILENO) == 1;
  env.stderr_is_terminal = ::isatty(STDERR_FILENO) == 1;
  env.progress_off = get("PEERS_PROGRESS").value_or("") == "0";
  if (env.stdout_is_terminal) {
    winsize ws{};
    if (::ioctl(STDOUT_FILENO, TIOCGWINSZ, &ws) == 0 && ws.ws_col > 0) env.columns = ws.ws_col;
    if (auto cols = get("COLUMNS")) env.columns = std::atoi(cols->c_str());
    if (env.columns <= 0) env.columns = 80;
  }
  if (auto slow = get("PEERS_TEST_SLOW_WRITE_MS")) env.slow_write_ms = std::atoi(slow->c_str());
  if (auto slow = get("PEERS_TEST_SLOW_PROGRESS_MS")) {  // "MS", or "MS:STAGE" for one stage
    env.slow_progress_ms = std::atoi(slow->c_str());
    if (auto colon = slow->find(':'); colon != std::string::npos)
      env.slow_progress_stage = slow->substr(colon + 1);
  }
  env.no_cache = get("PEERS_NO_CACHE").has_value();
  if (auto seed = get("PEERS_TEST_ID_SEED"))
    env.question_id_seed = std::strtoull(seed->c_str(), nullptr, 10);
  return env;
}

void Output::note(const std::string& text) const {
  if (!quiet) err << text << '\n';
}

void Output::warn(const std::string& text) const { err << "peers: warning: " << text << '\n'; }

std::string Output::style(const std::string& text, const char* how) const {
  if (!color) return text;
  std::string_view h = how;
  const char* code = h == "bold"     ? "1"
                     : h == "dim"    ? "2"
                     : h == "green"  ? "32"
                     : h == "yellow" ? "33"
                     : h == "red"    ? "31"
                     : h == "cyan"   ? "36"
                                     : "0";
  return std::string("\033[") + code + "m" + text + "\033[0m";
}

Context::Context(Environment environment, std::ostream& out, std::ostream& err, std::istream& in)
    : env(std::move(environment)), io{out, err, in} {}

Context::~Context() = default;

void Context::finish_setup() {
  io.color = env.stdout_is_terminal && !env.no_color && !global.no_color;
  io.quiet = global.quiet;
  io.width = env.columns;
  progress_.reset();
}

TerminalProgress& Context::progress() {
  if (!progress_) {
    bool draw = env.stderr_is_terminal && !env.progress_off && !global.quiet;
    bool color = env.stderr_is_terminal && !env.no_color && !global.no_color;
    progress_ = std::make_unique<TerminalProgress>(io.err, draw, color);
    progress_->pause_each_step(env.slow_progress_ms, env.slow_progress_stage);
  }
  return *progress_;
}

std::filesystem::path Context::store_root() const {
  std::optional<std::filesystem::path> explicit_dir, env_dir;
  if (!global.store.empty()) explicit_dir = global.store;
  if (env.peers_store) env_dir = *env.peers_store;
  return Store::discover(explicit_dir, env_dir, env.cwd);
}

Store& Context::store() {
  if (!store_) store_ = std::make_unique<Store>(store_root(), store_options());
  return *store_;
}

StoreOptions Context::store_options() {
  StoreOptions options;
  options.progress = &progress();
  options.slow_write_ms = env.slow_write_ms;
  options.use_cache = !env.no_cache;
  // The XDG spec: a relative $XDG_CACHE_HOME is invalid and ignored.
  if (env.xdg_cache_home && std::filesystem::path(*env.xdg_cache_home).is_absolute())
    options.cache_dir = std::filesystem::path(*env.xdg_cache_home) / "peers";
  return options;
}

Timestamp Context::now() const {
  if (env.now) {
    if (auto t = parse_timestamp(*env.now)) return *t;
    if (auto d = Date::parse(*env.now)) return d->days_since_epoch() * 86400 + 12 * 3600;
  }
  return static_cast<Timestamp>(std::time(nullptr));
}

Date Context::today() const { return env.now ? utc_date(now()) : local_date(now()); }

std::string Context::team_member() {
  if (env.user) return *env.user;
  std::string dir = store_ ? store_->root().string() : env.cwd.string();
  if (auto name = run_capture({"git", "-C", dir, "config", "user.name"})) {
    std::string trimmed = trim(*name);
    if (!trimmed.empty() && !forbidden_character(trimmed, false)) return trimmed;
  }
  if (const char* user = std::getenv("USER")) return user;
  return {};
}

}  // namespace peers::cli
