#pragma once
#include <cstdint>
#include <filesystem>
#include <iosfwd>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "peers/store.hpp"
#include "peers/time.hpp"

namespace peers::cli {

class TerminalProgress;

/// What peers reads from its surroundings, captured once by main and passed in.
struct Environment {
  std::filesystem::path cwd;
  std::optional<std::string> peers_store;  // $PEERS_STORE
  std::optional<std::string> editor;       // $VISUAL, else $EDITOR
  std::optional<std::string> user;         // $PEERS_USER: who is typing (else git's user.name)
  std::optional<std::string> now;          // $PEERS_NOW: a fixed clock, for tests and demos
  std::optional<std::string> xdg_cache_home;
  bool no_color = false;                   // $NO_COLOR set, or TERM=dumb
  bool stdin_is_terminal = false;
  bool stdout_is_terminal = false;
  bool stderr_is_terminal = false;
  bool progress_off = false;               // $PEERS_PROGRESS=0
  int columns = 0;                         // terminal width; 0 when not a terminal
  int slow_write_ms = 0;                   // $PEERS_TEST_SLOW_WRITE_MS (tests only)
  int slow_progress_ms = 0;                // $PEERS_TEST_SLOW_PROGRESS_MS: a pause per step (tests)
  std::string slow_progress_stage;         // after a ':' in it: only in stages starting so
  bool no_cache = false;                   // $PEERS_NO_CACHE
  std::optional<std::uint64_t> question_id_seed;  // $PEERS_TEST_ID_SEED: predictable ids (tests)

  static Environment from_process();
};

/// Options that every command accepts, before or after the command name.
struct GlobalOptions {
  std::string store;  // --store DIR
  bool no_color = false;
  bool quiet = false;
};

/// Where output goes. Data goes to `out`; messages, warnings and prompts to `err`.
struct Output {
  std::ostream& out;
  std::ostream& err;
  std::istream& in;
  bool color = false;
  bool quiet = false;
  int width = 0;  // columns available for tables; 0 = unlimited

  /// A message for the person at the terminal (stderr; silenced by -q).
  void note(const std::string& text) const;
  /// A warning (stderr; never silenced).
  void warn(const std::string& text) const;
  /// ANSI style when colour is on: "bold", "dim", "green", "yellow", "red", "cyan".
  std::string style(const std::string& text, const char* how) const;
};

/// Everything a command needs, passed in; no globals.
class Context {
 public:
  Context(Environment environment, std::ostream& out, std::ostream& err, std::istream& in);
  ~Context();

  Environment env;
  GlobalOptions global;
  Output io;

  /// The store for this command, found and opened on first use.
  Store& store();
  /// The store's directory (--store, $PEERS_STORE, or the nearest above the working
  /// directory), without opening it: what store() opens, and what `check` reads as files.
  std::filesystem::path store_root() const;
  /// How this run reads and writes the store (the cache, its place, test hooks).
  StoreOptions store_options();
  /// The current time (from $PEERS_NOW when set).
  Timestamp now() const;
  /// Where long work reports progress (drawn on stderr when it is a terminal) and learns of
  /// Ctrl-C. The store's loads use it too.
  TerminalProgress& progress();
  /// Today's date in local time.
  Date today() const;
  /// Who on the team is running the command: $PEERS_USER, else git's user.name, else $USER.
  std::string team_member();
  /// Applies the global options once the command line is parsed.
  void finish_setup();
  /// Notes a change a command made to the store ("add Maria Lopez"), for the commit message
  /// when git.autocommit is on.
  void record_change(std::string summary) { changes.push_back(std::move(summary)); }

  std::vector<std::string> changes;

 private:
  std::unique_ptr<Store> store_;
  std::unique_ptr<TerminalProgress> progress_;
};

}  // namespace peers::cli
