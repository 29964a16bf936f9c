#include <CLI/CLI.hpp>

#include "commands.hpp"
#include "context.hpp"

namespace peers::cli {

// Not written yet: `peers export` is not registered until it is.
void add_export(CLI::App&, Context&) {}

}  // namespace peers::cli
