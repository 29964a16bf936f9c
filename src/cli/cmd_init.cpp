#include <CLI/CLI.hpp>

#include <fmt/format.h>

#include "commands.hpp"
#include "context.hpp"
#include "input.hpp"
#include "output.hpp"

namespace peers::cli {
namespace {

struct Options {
  std::string dir = ".";
  std::string name;
};

void run_init(const Options& opts, Context& ctx) {
  std::filesystem::path dir = opts.dir;  // relative to the working directory, as typed
  std::string name = clean_input(opts.name, "--name");
  if (name.empty()) {
    auto full = (ctx.env.cwd / dir).lexically_normal();
    if (!full.has_filename()) full = full.parent_path();
    name = full.filename().string();
  }
  if (name.empty()) name = "peers";
  Store::init(dir, name);
  ctx.io.note(fmt::format("Created a peers store for '{}' in {}", safe(name), safe(opts.dir)));
  ctx.io.note("Next: peers add \"Maria Lopez\" --knows admissions   (then commit the files to git)");
}

}  // namespace

void add_init(CLI::App& app, Context& ctx) {
  auto opts = std::make_shared<Options>();
  auto* cmd = app.add_subcommand("init", "Create a new store (peers.yaml and its folders)");
  cmd->add_option("dir", opts->dir, "Where to create it (default: the current directory)");
  cmd->add_option("--name", opts->name, "The organisation's name (default: the folder's name)");
  cmd->footer(examples({"peers init", "peers init comms --name \"Westbrook Comms\""}));
  cmd->callback([opts, &ctx] { run_init(*opts, ctx); });
}

}  // namespace peers::cli
