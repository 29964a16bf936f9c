#include <CLI/CLI.hpp>

#include "commands.hpp"
#include "context.hpp"

namespace peers::cli {

// Not written yet: `peers sync` is not registered until it is.
void add_sync(CLI::App&, Context&) {}

}  // namespace peers::cli
