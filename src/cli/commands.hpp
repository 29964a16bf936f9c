#pragma once
#include <string>
#include <vector>

namespace CLI {
class App;
}

namespace peers::cli {

class Context;

/// Wires one subcommand (its flags, help and examples) into the app.
using AddCommand = void (*)(CLI::App& app, Context& ctx);

struct CommandEntry {
  const char* name;
  AddCommand add;
  bool needs_all_commands = false;  // it looks at the other commands (help, completion)
};

/// Every command, in the order `peers --help` lists them.
const std::vector<CommandEntry>& command_registry();

/// Builds the command line interface: every command, or with `only`, just that one (all a
/// command line that names it needs, and cheaper to build than all of them).
void build_app(CLI::App& app, Context& ctx, const CommandEntry* only = nullptr);

/// The command `argv` runs, when it names one that needs no other command to run.
const CommandEntry* command_named(int argc, char** argv);

/// Parses the command line, runs the command, and turns every failure into one
/// `peers: error:` message and an exit status. The one catch site.
int run(int argc, char** argv, Context& ctx);

// One function per command, each defined in its own cmd_<name>.cpp.
void add_init(CLI::App&, Context&);
void add_add(CLI::App&, Context&);
void add_show(CLI::App&, Context&);
void add_list(CLI::App&, Context&);
void add_edit(CLI::App&, Context&);
void add_log(CLI::App&, Context&);
void add_rm(CLI::App&, Context&);
void add_help(CLI::App&, Context&);
void add_who_knows(CLI::App&, Context&);
void add_topic(CLI::App&, Context&);
void add_topics(CLI::App&, Context&);
/// event edit and event rm (cmd_event_change.cpp), below `peers event`.
void add_event_changes(CLI::App& event, Context&);
/// topic rename and topic rm (cmd_topic_change.cpp), below `peers topic`.
void add_topic_changes(CLI::App& topic, Context&);
void add_ask(CLI::App&, Context&);
void add_route(CLI::App&, Context&);
void add_answer(CLI::App&, Context&);
void add_close(CLI::App&, Context&);
void add_reopen(CLI::App&, Context&);
void add_questions(CLI::App&, Context&);
void add_inbox(CLI::App&, Context&);
void add_stats(CLI::App&, Context&);
void add_archive(CLI::App&, Context&);
void add_check(CLI::App&, Context&);
void add_git(CLI::App&, Context&);
void add_sync(CLI::App&, Context&);
void add_config(CLI::App&, Context&);
void add_merge_people(CLI::App&, Context&);
void add_merge_driver(CLI::App&, Context&);
void add_event(CLI::App&, Context&);
void add_events(CLI::App&, Context&);
void add_lead(CLI::App&, Context&);
void add_leads(CLI::App&, Context&);
void add_import(CLI::App&, Context&);
void add_export(CLI::App&, Context&);
void add_stale(CLI::App&, Context&);
void add_recent(CLI::App&, Context&);
void add_completion(CLI::App&, Context&);
void add_complete(CLI::App&, Context&);
void add_man(CLI::App&, Context&);

}  // namespace peers::cli
