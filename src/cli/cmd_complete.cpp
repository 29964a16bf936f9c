#include <CLI/CLI.hpp>

#include "commands.hpp"
#include "context.hpp"

namespace peers::cli {

// Not written yet: `peers __complete` is not registered until it is.
void add_complete(CLI::App&, Context&) {}

}  // namespace peers::cli
