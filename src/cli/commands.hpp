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

// One add_<id> per command, each defined in its own cmd_<id>.cpp (the list: command_list.hpp).
#define PEERS_COMMAND(name, id, needs_all_commands) void add_##id(CLI::App&, Context&);
#include "command_list.hpp"
#undef PEERS_COMMAND
/// event edit and event rm (cmd_event_change.cpp), below `peers event`.
void add_event_changes(CLI::App& event, Context&);
/// topic rename and topic rm (cmd_topic_change.cpp), below `peers topic`.
void add_topic_changes(CLI::App& topic, Context&);

}  // namespace peers::cli
