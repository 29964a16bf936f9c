#include <CLI/CLI.hpp>

#include "commands.hpp"
#include "context.hpp"

namespace peers::cli {

// Not written yet: `peers stale` is not registered until it is.
void add_stale(CLI::App&, Context&) {}

}  // namespace peers::cli
