#pragma once
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "context.hpp"
#include "peers/model.hpp"
#include "peers/questions.hpp"
#include "peers/routing.hpp"

namespace peers::cli {

/// The question with its whole history, as `peers show` prints it.
void print_question(const Output& io, const Question& question, Timestamp now);

/// The question a person means by `wanted` (an id or unique prefix), read alone.
Question read_question_by_prefix(Store& store, std::string_view wanted);
/// The person a person means by `wanted` (an id, unique prefix or name), read alone.
Person read_person_by_prefix(Store& store, std::string_view wanted);

/// A fresh question id that no question of the store (archived included) has.
std::string unused_question_id(const Store& store, const Environment& env);

/// A history change made now by the person at the keyboard.
Change change_now(Context& ctx, std::string note = {});

/// "open", "routed,answered" or "all" -> statuses; refused (exit 2) otherwise.
std::vector<QuestionStatus> parse_statuses(const std::vector<std::string>& values);

/// An answered question like the one at hand, read in full.
struct AnsweredBefore {
  Question question;
  double similarity;
};

/// The answered questions most like `text` (not `exclude_id`), best first, by the saved routing
/// index (as triage finds them), read from the store.
std::vector<AnsweredBefore> answered_before(const Store& store, const RoutingIndex& index,
                                            std::string_view text, std::size_t limit,
                                            std::string_view exclude_id);

/// What `ask` and `route` print: the people to ask and the similar answered questions.
void print_suggestions(const Output& io, const RoutingResult& routing,
                       const std::vector<AnsweredBefore>& similar);
nlohmann::ordered_json suggestions_json(const RoutingResult& routing,
                                        const std::vector<AnsweredBefore>& similar);

/// One line of a question list: id, age, status, person, text (cells terminal-safe).
std::vector<std::string> question_row(const Question& question, Timestamp now);

}  // namespace peers::cli
