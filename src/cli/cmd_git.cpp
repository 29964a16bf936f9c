#include <CLI/CLI.hpp>

#include "commands.hpp"
#include "context.hpp"

namespace peers::cli {

// Not written yet: `peers git` is not registered until it is.
void add_git(CLI::App&, Context&) {}

}  // namespace peers::cli
