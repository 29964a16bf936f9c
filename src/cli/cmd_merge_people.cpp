#include <CLI/CLI.hpp>

#include "commands.hpp"
#include "context.hpp"

namespace peers::cli {

// Not written yet: `peers merge-people` is not registered until it is.
void add_merge_people(CLI::App&, Context&) {}

}  // namespace peers::cli
