#include <CLI/CLI.hpp>

#include "commands.hpp"
#include "context.hpp"

namespace peers::cli {

// Not written yet: `peers import` is not registered until it is.
void add_import(CLI::App&, Context&) {}

}  // namespace peers::cli
