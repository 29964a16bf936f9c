#include <CLI/CLI.hpp>

#include "commands.hpp"
#include "context.hpp"

namespace peers::cli {

// Not written yet: `peers config` is not registered until it is.
void add_config(CLI::App&, Context&) {}

}  // namespace peers::cli
