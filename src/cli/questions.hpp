#pragma once
#include "context.hpp"
#include "peers/model.hpp"

namespace peers::cli {

/// The question with its whole history, as `peers show` prints it.
void print_question(const Output& io, const Question& question, Timestamp now);

}  // namespace peers::cli
