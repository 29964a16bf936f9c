#include <CLI/CLI.hpp>

#include "commands.hpp"
#include "context.hpp"

namespace peers::cli {

// Not written yet: `peers topic` is not registered until it is.
void add_topic(CLI::App&, Context&) {}

}  // namespace peers::cli
