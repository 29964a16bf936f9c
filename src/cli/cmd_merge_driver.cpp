#include <CLI/CLI.hpp>

#include "commands.hpp"
#include "context.hpp"

namespace peers::cli {

// Not written yet: `peers merge-driver` is not registered until it is.
void add_merge_driver(CLI::App&, Context&) {}

}  // namespace peers::cli
