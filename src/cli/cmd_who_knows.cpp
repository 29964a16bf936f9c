#include <CLI/CLI.hpp>

#include "commands.hpp"
#include "context.hpp"

namespace peers::cli {

// Not written yet: `peers who-knows` is not registered until it is.
void add_who_knows(CLI::App&, Context&) {}

}  // namespace peers::cli
