#include "skipped.hpp"

#include <fmt/format.h>

#include "output.hpp"

namespace peers::cli {

void report_skipped(const Output& io, const std::vector<Problem>& skipped) {
  for (const auto& p : skipped)
    io.warn(fmt::format("skipped {}: {}", safe(format_location(p.where)), p.message));
  if (!skipped.empty())
    io.warn("run 'peers check' for details and how to fix them");
}

}  // namespace peers::cli
