#include <CLI/CLI.hpp>

#include "commands.hpp"
#include "context.hpp"

namespace peers::cli {

// Not written yet: `peers questions` is not registered until it is.
void add_questions(CLI::App&, Context&) {}

}  // namespace peers::cli
