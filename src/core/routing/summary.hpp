#pragma once
// Reading parts of a record's summary (summary.cpp) outside routing.
#include <string_view>
#include <utility>

namespace peers {

/// The people a question's summary names: routed_to and answered_by (empty when not set).
/// Throws bytes::Corrupt when `summary` is not one summarize(Question) made.
std::pair<std::string_view, std::string_view> question_people(std::string_view summary);

}  // namespace peers
