#pragma once
#include <string>
#include <vector>

#include "context.hpp"
#include "peers/model.hpp"
#include "peers/query.hpp"
#include "peers/store.hpp"

namespace CLI {
class App;
}

namespace peers::cli {

/// Adds `value` unless an entry equal to it (ignoring case and accents) is there.
void add_unique(std::vector<std::string>& list, const std::string& value);
/// --topic, --dept, --org and --tag, the filters list, export and stale share.
void add_people_filter_options(CLI::App& cmd, PeopleFilter& filter);
/// Removes the entries equal to `value` (ignoring case and accents); false when none was.
bool remove_matching(std::vector<std::string>& list, const std::string& value);
/// "twitter=@maria" -> handles["twitter"] = "@maria" (empty handle removes it).
void set_handle(StringPairs& handles, const std::string& assignment);
void validate_email(const std::string& email);
/// Throws when an email or phone ("+1 555 0100 (mobile)") is written with a malformed type.
void validate_typed(const std::string& value, const std::string& flag);
/// Ids of the people whose email is `email` (case-insensitive). Empty email -> none.
std::vector<std::string> same_email_people(const Store& store, const std::string& email);

/// The person's card, as `peers show` prints it.
void print_person(const Output& io, const Person& person, const Date& today);

}  // namespace peers::cli
