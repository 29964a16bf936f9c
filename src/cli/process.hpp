#pragma once
#include <optional>
#include <string>
#include <vector>

namespace peers::cli {

/// Runs a program (no shell) and returns its standard output when it exits with 0.
/// Its standard error is discarded.
std::optional<std::string> run_capture(const std::vector<std::string>& argv);

/// Runs a program attached to this terminal and returns its exit status (-1 if it could not
/// start).
int run_attached(const std::vector<std::string>& argv);

/// Runs `command` through /bin/sh with `argument` appended as "$1" (how $EDITOR is run, since
/// it may hold flags such as "code --wait").
int run_shell_with_argument(const std::string& command, const std::string& argument);

}  // namespace peers::cli
