#include <CLI/CLI.hpp>

#include "commands.hpp"
#include "context.hpp"

namespace peers::cli {

// Not written yet: `peers answer` is not registered until it is.
void add_answer(CLI::App&, Context&) {}

}  // namespace peers::cli
