#include <CLI/CLI.hpp>

#include "commands.hpp"
#include "context.hpp"

namespace peers::cli {

// Not written yet: `peers recent` is not registered until it is.
void add_recent(CLI::App&, Context&) {}

}  // namespace peers::cli
