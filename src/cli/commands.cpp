#include "commands.hpp"

#include <CLI/CLI.hpp>

#include <iostream>

#include "autocommit.hpp"
#include "context.hpp"
#include "output.hpp"
#include "peers/error.hpp"
#include "peers/text.hpp"

namespace peers::cli {

void add_ci(CLI::App&, Context&);  // cmd_ci.cpp (declared here to keep commands.hpp unchanged)

const std::vector<CommandEntry>& command_registry() {
  static const std::vector<CommandEntry> commands = {
      {"init", add_init},
      {"add", add_add},
      {"show", add_show},
      {"list", add_list},
      {"edit", add_edit},
      {"log", add_log},
      {"rm", add_rm},
      {"who-knows", add_who_knows},
      {"topic", add_topic},
      {"topics", add_topics},
      {"ask", add_ask},
      {"route", add_route},
      {"answer", add_answer},
      {"close", add_close},
      {"reopen", add_reopen},
      {"questions", add_questions},
      {"inbox", add_inbox},
      {"stats", add_stats},
      {"archive", add_archive},
      {"check", add_check},
      {"git", add_git},
      {"ci", add_ci},
      {"sync", add_sync},
      {"config", add_config},
      {"merge-people", add_merge_people},
      {"merge-driver", add_merge_driver},
      {"event", add_event},
      {"events", add_events},
      {"lead", add_lead},
      {"leads", add_leads},
      {"import", add_import},
      {"export", add_export},
      {"stale", add_stale},
      {"recent", add_recent},
      {"completion", add_completion, true},
      {"__complete", add_complete, true},
      {"__man", add_man, true},
      {"help", add_help, true},
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
  app.set_version_flag("--version", "peers 0.1.0");
  app.formatter(std::make_shared<CLI::Formatter>());
  app.get_formatter()->column_width(28);
  if (only) only->add(app, ctx);
  else
    for (const auto& command : command_registry()) command.add(app, ctx);
  app.footer("Run 'peers help COMMAND' for a command's options and examples.\n"
             "Docs: README.md (a tour) and docs/format.md (the store format).");
}

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
      ctx.io.out << "peers 0.1.0\n";
      return exit_ok;
    } catch (const CLI::ParseError& e) {
      throw Error(describe_parse_error(app, e), usage_hint(app), exit_usage);
    }
  } catch (const Error& e) {
    std::string where = format_location(e.where());
    ctx.io.err << "peers: error: " << (where.empty() ? "" : terminal_safe(where) + ": ")
               << terminal_safe(e.what()) << '\n';
    if (!e.hint().empty()) ctx.io.err << "hint: " << terminal_safe(e.hint(), true) << '\n';
    return e.exit_code();
  } catch (const std::exception& e) {
    ctx.io.err << "peers: error: " << terminal_safe(e.what()) << '\n';
    return exit_error;
  }
  return exit_ok;
}

}  // namespace peers::cli
