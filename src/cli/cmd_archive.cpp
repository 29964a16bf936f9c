#include <CLI/CLI.hpp>

#include "commands.hpp"
#include "context.hpp"

namespace peers::cli {

// Not written yet: `peers archive` is not registered until it is.
void add_archive(CLI::App&, Context&) {}

}  // namespace peers::cli
