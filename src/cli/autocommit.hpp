#pragma once
#include "context.hpp"

namespace peers::cli {

/// When git.autocommit is on, commits the files the command changed with a message built from
/// the changes it recorded ("peers: add Maria Lopez"). Does nothing otherwise.
void commit_recorded_changes(Context& ctx);

}  // namespace peers::cli
