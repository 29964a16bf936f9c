#include "autocommit.hpp"

namespace peers::cli {

// Not written yet (team use over git).
void commit_recorded_changes(Context&) {}

}  // namespace peers::cli
