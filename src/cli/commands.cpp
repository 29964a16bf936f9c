#include "commands.hpp"

#include <CLI/CLI.hpp>

#include <iostream>

#include "autocommit.hpp"
#include "context.hpp"
#include "output.hpp"
#include "peers/error.hpp"
#include "peers/text.hpp"

namespace peers::cli {

const std::vector<CommandEntry>& command_registry() {
  static const std::vector<CommandEntry> commands = {
#define PEERS_COMMAND(name, id, needs_all_commands) {name, add_##id, needs_all_commands},
#include "command_list.hpp"
#undef PEERS_COMMAND
  };
  return commands;
}

const CommandEntry* command_named(int argc, char** argv) {
  for (int i = 1; i < argc; ++i) {
    std::string_view arg = argv[i];
    if (arg == "--store") {
      ++i;  // its value
      continue;
    }
    if (arg.starts_with("-")) continue;  // a global option
    for (const auto& command : command_registry())
      if (arg == command.name) return command.needs_all_commands ? nullptr : &command;
    return nullptr;
  }
  return nullptr;
}

namespace {

/// A repeatable flag takes one value each time it is given: `--knows "[a]"` is the text "[a]",
/// where CLI11 would read a bracketed value as a list, and `--tag a b` does not take `b`.
void one_value_per_flag(CLI::App& app) {
  for (CLI::Option* opt : app.get_options([](const CLI::Option*) { return true; }))
    if (opt->nonpositional() && opt->get_items_expected_max() > 1) opt->allow_extra_args(false);
  for (CLI::App* sub : app.get_subcommands([](const CLI::App*) { return true; }))
    one_value_per_flag(*sub);
}

}  // namespace

void build_app(CLI::App& app, Context& ctx, const CommandEntry* only) {
  app.name("peers");
  app.description(
      "peers: who knows what across your organisation, kept as plain YAML files in git.");
  app.fallthrough();  // global options also work after the command name
  app.require_subcommand(0, 1);
  app.parse_complete_callback([&ctx] { ctx.finish_setup(); });  // runs before any command
  app.add_option("--store", ctx.global.store,
                 "Use the store in DIR (default: $PEERS_STORE, else the nearest peers.yaml above)")
      ->option_text("DIR");
  app.add_flag("--no-color", ctx.global.no_color, "Never colour the output (also: NO_COLOR=1)");
  app.add_flag("-q,--quiet", ctx.global.quiet, "Print no messages, only data and errors");
  app.set_version_flag("--version", "peers " PEERS_VERSION);
  app.formatter(std::make_shared<CLI::Formatter>());
  app.get_formatter()->column_width(28);
  if (only) only->add(app, ctx);
  else
    for (const auto& command : command_registry()) command.add(app, ctx);
  one_value_per_flag(app);
  app.footer("Run 'peers help COMMAND' for a command's options and examples.\n"
             "Docs: README.md (a tour) and docs/format.md (the store format).");
}

namespace {

/// The hint of an error, plus 'peers git setup' for a conflict in a clone without the driver.
std::string hint_for(const Error& e, const Context& ctx) {
  std::string hint = e.hint();
  if (!std::string_view(e.what()).starts_with("unresolved merge conflict")) return hint;
  GitResult driver = run_git(ctx.env.cwd, {"config", "--get", "merge.peers.driver"});
  if (driver.ok() && !trim(driver.output).empty()) return hint;
  return hint + "; 'peers git setup' once in this clone lets peers merge store files itself";
}

}  // namespace

int run(int argc, char** argv, Context& ctx) {
  CLI::App app;
  build_app(app, ctx, command_named(argc, argv));
  try {
    try {
      app.parse(argc, argv);  // runs the chosen command's callback
      if (app.get_subcommands().empty()) {
        ctx.io.out << app.help();
        return exit_ok;
      }
      commit_recorded_changes(ctx);
    } catch (const CLI::CallForHelp&) {
      ctx.io.out << app.help();
      return exit_ok;
    } catch (const CLI::CallForAllHelp&) {
      ctx.io.out << app.help("", CLI::AppFormatMode::All);
      return exit_ok;
    } catch (const CLI::CallForVersion&) {
      ctx.io.out << "peers " PEERS_VERSION "\n";
      return exit_ok;
    } catch (const CLI::ParseError& e) {
      throw Error(describe_parse_error(app, e), usage_hint(app), exit_usage);
    }
  } catch (const Error& e) {
    if (e.exit_code() == exit_interrupted) {
      ctx.io.err << "peers: " << terminal_safe(e.what()) << '\n';
      return e.exit_code();
    }
    print_error(ctx.io.err, e);
    if (std::string hint = hint_for(e, ctx); !hint.empty())
      ctx.io.err << "hint: " << terminal_safe(hint, true) << '\n';
    return e.exit_code();
  } catch (const std::exception& e) {
    ctx.io.err << "peers: error: " << terminal_safe(e.what()) << '\n';
    return exit_error;
  }
  return exit_ok;
}

}  // namespace peers::cli
