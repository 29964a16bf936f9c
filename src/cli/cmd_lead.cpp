#include <CLI/CLI.hpp>

#include "commands.hpp"
#include "context.hpp"

namespace peers::cli {

// Not written yet: `peers lead` is not registered until it is.
void add_lead(CLI::App&, Context&) {}

}  // namespace peers::cli
