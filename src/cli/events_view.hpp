#pragma once
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "context.hpp"
#include "peers/events.hpp"
#include "peers/store.hpp"

namespace peers::cli {

// How events and story leads look in human output and in --json (docs/format.md).
nlohmann::ordered_json to_json(const Event& event);
nlohmann::ordered_json to_json(const Lead& lead);

/// The event's plan as a checklist, as `peers event show` prints it. Names of people are
/// read from the store when it has them.
void print_event(const Output& io, const Store& store, const Event& event, const Date& today);
/// The lead with its history, as `peers lead show` prints it.
void print_lead(const Output& io, const Store& store, const Lead& lead);

/// The events a person leads or has a role in, and the leads they gave.
struct PersonActivity {
  std::vector<Event> events;
  std::vector<Lead> leads;
};
PersonActivity person_activity(const Store& store, const std::string& person_id);
/// The "Events" and "Leads given" sections of `peers show PERSON`.
void print_person_activity(const Output& io, const PersonActivity& activity,
                           const std::string& person_id);
/// Adds "events" and "leads" arrays to the person's JSON (`peers show PERSON --json`).
void add_person_activity(nlohmann::ordered_json& person_json, const PersonActivity& activity,
                         const std::string& person_id);

/// The person's name, or "" when there is no such person (or their file does not load).
std::string person_name(const Store& store, const std::string& id);

}  // namespace peers::cli
