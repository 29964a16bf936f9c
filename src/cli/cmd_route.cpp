#include <CLI/CLI.hpp>

#include "commands.hpp"
#include "context.hpp"

namespace peers::cli {

// Not written yet: `peers route` is not registered until it is.
void add_route(CLI::App&, Context&) {}

}  // namespace peers::cli
