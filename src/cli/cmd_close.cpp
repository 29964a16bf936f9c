#include <CLI/CLI.hpp>

#include "commands.hpp"
#include "context.hpp"

namespace peers::cli {

// Not written yet: `peers close` is not registered until it is.
void add_close(CLI::App&, Context&) {}

}  // namespace peers::cli
