#include <CLI/CLI.hpp>

#include "commands.hpp"
#include "context.hpp"

namespace peers::cli {

// Not written yet: `peers leads` is not registered until it is.
void add_leads(CLI::App&, Context&) {}

}  // namespace peers::cli
