#include <CLI/CLI.hpp>

#include "commands.hpp"
#include "context.hpp"

namespace peers::cli {

// Not written yet: `peers reopen` is not registered until it is.
void add_reopen(CLI::App&, Context&) {}

}  // namespace peers::cli
