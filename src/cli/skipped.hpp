#pragma once
#include <vector>

#include "context.hpp"
#include "peers/store.hpp"

namespace peers::cli {

/// Warns, on stderr, about each record file a read command had to skip.
void report_skipped(const Output& io, const std::vector<Problem>& skipped);

}  // namespace peers::cli
