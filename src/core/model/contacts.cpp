#include <algorithm>

#include "peers/contacts.hpp"
#include "peers/text.hpp"

namespace peers {

std::optional<std::size_t> find_same_person(const std::vector<Person>& people,
                                            const Person& incoming) {
  if (!incoming.email.empty()) {
    std::string email = to_lower_ascii(trim(incoming.email));
    for (std::size_t i = 0; i < people.size(); ++i)
      if (!people[i].email.empty() && to_lower_ascii(trim(people[i].email)) == email) return i;
  }
  std::string name = fold(incoming.name);
  std::string department = fold(incoming.department);
  for (std::size_t i = 0; i < people.size(); ++i)
    if (fold(people[i].name) == name && fold(people[i].department) == department) return i;
  return std::nullopt;
}

namespace {

bool add_new_items(std::vector<std::string>& list, const std::vector<std::string>& items) {
  bool changed = false;
  for (const auto& item : items) {
    std::string key = fold(item);
    bool known = std::any_of(list.begin(), list.end(),
                             [&](const std::string& v) { return fold(v) == key; });
    if (!known && !key.empty()) {
      list.push_back(item);
      changed = true;
    }
  }
  return changed;
}

}  // namespace

std::vector<std::string> merge_contact(Person& existing, const Person& incoming) {
  std::vector<std::string> changed;
  auto take = [&](std::string& field, const std::string& value, const char* name) {
    if (!value.empty() && value != field) {
      field = value;
      changed.push_back(name);
    }
  };
  take(existing.title, incoming.title, "title");
  take(existing.department, incoming.department, "department");
  take(existing.email, incoming.email, "email");
  take(existing.phone, incoming.phone, "phone");
  bool handles_changed = false;
  for (const auto& [network, handle] : incoming.handles) {
    auto it = std::find_if(existing.handles.begin(), existing.handles.end(),
                           [&](const auto& h) { return h.first == network; });
    if (it == existing.handles.end()) {
      existing.handles.emplace_back(network, handle);
      handles_changed = true;
    } else if (it->second != handle) {
      it->second = handle;
      handles_changed = true;
    }
  }
  if (handles_changed) changed.push_back("handles");
  if (add_new_items(existing.expertise, incoming.expertise)) changed.push_back("expertise");
  if (add_new_items(existing.tags, incoming.tags)) changed.push_back("tags");
  if (!incoming.notes.empty() && existing.notes.find(incoming.notes) == std::string::npos) {
    existing.notes += (existing.notes.empty() ? "" : "\n") + incoming.notes;
    changed.push_back("notes");
  }
  if (!existing.met && incoming.met) {
    existing.met = incoming.met;
    changed.push_back("met");
  }
  if (incoming.status == "left" && existing.status != "left") {
    existing.status = "left";
    changed.push_back("status");
  }
  return changed;
}

}  // namespace peers
