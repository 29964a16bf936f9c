#include <CLI/CLI.hpp>

#include "commands.hpp"
#include "completions.hpp"  // generated from completions/ at build time
#include "context.hpp"
#include "output.hpp"

namespace peers::cli {
namespace {

struct Options {
  std::string shell;
};

void run_completion(const Options& opts, Context& ctx) {
  if (opts.shell == "bash") ctx.io.out << embedded::bash_completion;
  else if (opts.shell == "zsh") ctx.io.out << embedded::zsh_completion;
  else ctx.io.out << embedded::fish_completion;
}

}  // namespace

void add_completion(CLI::App& app, Context& ctx) {
  auto opts = std::make_shared<Options>();
  auto* cmd = app.add_subcommand("completion", "Print the shell completion script for bash, zsh or fish");
  cmd->add_option("shell", opts->shell, "bash, zsh or fish")
      ->required()
      ->check(CLI::IsMember({"bash", "zsh", "fish"}));
  cmd->footer(examples({"source <(peers completion bash)      # in ~/.bashrc",
                        "source <(peers completion zsh)       # in ~/.zshrc, after compinit",
                        "peers completion fish > ~/.config/fish/completions/peers.fish"}) +
              "\nPackages and 'cmake --install' put these scripts where each shell finds them.\n");
  cmd->callback([opts, &ctx] { run_completion(*opts, ctx); });
}

}  // namespace peers::cli
