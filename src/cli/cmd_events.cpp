#include <CLI/CLI.hpp>

#include "commands.hpp"
#include "context.hpp"

namespace peers::cli {

// Not written yet: `peers events` is not registered until it is.
void add_events(CLI::App&, Context&) {}

}  // namespace peers::cli
