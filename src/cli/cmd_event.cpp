#include <CLI/CLI.hpp>

#include "commands.hpp"
#include "context.hpp"

namespace peers::cli {

// Not written yet: `peers event` is not registered until it is.
void add_event(CLI::App&, Context&) {}

}  // namespace peers::cli
