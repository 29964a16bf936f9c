#include <CLI/CLI.hpp>

#include "commands.hpp"
#include "context.hpp"

namespace peers::cli {

// Not written yet: `peers topics` is not registered until it is.
void add_topics(CLI::App&, Context&) {}

}  // namespace peers::cli
