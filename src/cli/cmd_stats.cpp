#include <CLI/CLI.hpp>

#include "commands.hpp"
#include "context.hpp"

namespace peers::cli {

// Not written yet: `peers stats` is not registered until it is.
void add_stats(CLI::App&, Context&) {}

}  // namespace peers::cli
