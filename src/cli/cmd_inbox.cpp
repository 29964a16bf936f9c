#include <CLI/CLI.hpp>

#include "commands.hpp"
#include "context.hpp"

namespace peers::cli {

// Not written yet: `peers inbox` is not registered until it is.
void add_inbox(CLI::App&, Context&) {}

}  // namespace peers::cli
