#include <CLI/CLI.hpp>

#include "commands.hpp"
#include "context.hpp"

namespace peers::cli {

// Not written yet: `peers completion` is not registered until it is.
void add_completion(CLI::App&, Context&) {}

}  // namespace peers::cli
