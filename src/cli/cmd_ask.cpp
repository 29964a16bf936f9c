#include <CLI/CLI.hpp>

#include "commands.hpp"
#include "context.hpp"

namespace peers::cli {

// Not written yet: `peers ask` is not registered until it is.
void add_ask(CLI::App&, Context&) {}

}  // namespace peers::cli
