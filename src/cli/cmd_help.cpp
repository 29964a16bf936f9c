#include <CLI/CLI.hpp>

#include "commands.hpp"
#include "context.hpp"
#include "output.hpp"
#include "peers/error.hpp"
#include "peers/text.hpp"

namespace peers::cli {
namespace {

struct Options {
  std::vector<std::string> command;
};

void run_help(const Options& opts, CLI::App& app, Context& ctx) {
  const CLI::App* target = &app;
  for (const auto& word : opts.command) {
    const CLI::App* next = nullptr;
    for (const CLI::App* sub : target->get_subcommands([](const CLI::App*) { return true; }))
      if (sub->get_name() == word) next = sub;
    if (!next) {
      std::vector<std::string> names;
      for (const auto& entry : command_registry()) names.emplace_back(entry.name);
      auto close = closest_matches(word, names);
      throw Error("unknown command '" + safe(word) + "'",
                  close.empty() ? "'peers help' lists every command"
                                : "did you mean '" + close.front() + "'?",
                  exit_usage);
    }
    target = next;
  }
  // Not target->help(): on the app that would describe the selected subcommand, `help` itself.
  std::string path = "peers";
  for (const auto& word : opts.command) path += " " + word;
  ctx.io.out << target->get_formatter()->make_help(target, path, CLI::AppFormatMode::Normal);
}

}  // namespace

void add_help(CLI::App& app, Context& ctx) {
  auto opts = std::make_shared<Options>();
  auto* cmd = app.add_subcommand("help", "Show help for a command, with examples");
  cmd->add_option("command", opts->command, "The command");
  cmd->footer(examples({"peers help", "peers help who-knows"}));
  cmd->callback([opts, &app, &ctx] { run_help(*opts, app, ctx); });
}

}  // namespace peers::cli
