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

std::string email_key(const Person& p) { return to_lower_ascii(trim(p.email)); }
std::string name_key(const Person& p) {
  return fold(p.name) + '\n' + fold(p.department);  // neither holds a newline
}

}  // namespace

PersonMatcher::PersonMatcher(const std::vector<Person>& people) {
  for (std::size_t i = 0; i < people.size(); ++i) add(i, people[i]);
}

std::optional<std::size_t> PersonMatcher::find(const Person& incoming) const {
  if (!incoming.email.empty())
    if (auto it = by_email_.find(email_key(incoming)); it != by_email_.end() && !it->second.empty())
      return *it->second.begin();
  if (auto it = by_name_.find(name_key(incoming)); it != by_name_.end() && !it->second.empty())
    return *it->second.begin();
  return std::nullopt;
}

void PersonMatcher::add(std::size_t index, const Person& person) {
  if (!person.email.empty()) by_email_[email_key(person)].insert(index);
  by_name_[name_key(person)].insert(index);
}

void PersonMatcher::remove(std::size_t index, const Person& person) {
  if (!person.email.empty())
    if (auto it = by_email_.find(email_key(person)); it != by_email_.end()) it->second.erase(index);
  if (auto it = by_name_.find(name_key(person)); it != by_name_.end()) it->second.erase(index);
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
    // Not captured by the lambda: clang 14 (the fuzz build) cannot capture a structured binding.
    const std::string& wanted = network;
    auto it = std::find_if(existing.handles.begin(), existing.handles.end(),
                           [&](const auto& h) { return h.first == wanted; });
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
