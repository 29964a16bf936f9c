#include <CLI/CLI.hpp>

#include "commands.hpp"
#include "context.hpp"

namespace peers::cli {

// Not written yet: `peers check` is not registered until it is.
void add_check(CLI::App&, Context&) {}

}  // namespace peers::cli
