#include "people.hpp"

#include <algorithm>

#include <CLI/CLI.hpp>
#include <fmt/format.h>

#include "output.hpp"
#include "peers/contacts.hpp"
#include "peers/error.hpp"
#include "peers/text.hpp"

namespace peers::cli {

void add_unique(std::vector<std::string>& list, const std::string& value) {
  if (value.empty()) return;
  std::string key = fold(value);
  for (const auto& v : list)
    if (fold(v) == key) return;
  list.push_back(value);
}

void add_people_filter_options(CLI::App& cmd, PeopleFilter& filter) {
  cmd.add_option("--topic", filter.topic, "Only people who know this topic");
  cmd.add_option("--dept,--department", filter.department,
                 "Only people whose department contains this");
  cmd.add_option("--org,--organization", filter.organization,
                 "Only people whose organization contains this");
  cmd.add_option("--tag", filter.tag, "Only people with this tag");
}

bool remove_matching(std::vector<std::string>& list, const std::string& value) {
  std::string key = fold(value);
  auto it = std::remove_if(list.begin(), list.end(),
                           [&](const std::string& v) { return fold(v) == key; });
  bool removed = it != list.end();
  list.erase(it, list.end());
  return removed;
}

void set_handle(StringPairs& handles, const std::string& assignment) {
  auto eq = assignment.find('=');
  if (eq == std::string::npos || eq == 0)
    throw Error(fmt::format("--handle needs NETWORK=HANDLE, got '{}'", safe(assignment)),
                "for example: --handle twitter=@mlopez", exit_usage);
  std::string network = to_lower_ascii(trim(assignment.substr(0, eq)));
  std::string handle = trim(assignment.substr(eq + 1));
  auto it = std::find_if(handles.begin(), handles.end(),
                         [&](const auto& h) { return h.first == network; });
  if (handle.empty()) {
    if (it != handles.end()) handles.erase(it);
  } else if (it != handles.end()) {
    it->second = handle;
  } else {
    handles.emplace_back(network, handle);
  }
}

void validate_email(const std::string& typed_email) {
  if (typed_email.empty()) return;
  std::string email = split_typed_value(typed_email).first;
  auto at = email.find('@');
  if (at == std::string::npos || at == 0 || at + 1 == email.size() ||
      email.find(' ') != std::string::npos)
    throw Error(fmt::format("'{}' is not an email address", safe(email)),
                "for example: --email mlopez@westbrook.edu", exit_usage);
}

void validate_typed(const std::string& value, const std::string& flag) {
  if (auto problem = typed_value_problem(value))
    throw Error(fmt::format("{}: {}", flag, safe(problem->message)), safe(problem->hint),
                exit_usage);
}

std::vector<std::string> same_email_people(const Store& store, const std::string& email) {
  std::vector<std::string> out;
  if (email.empty()) return out;
  std::string wanted = to_lower_ascii(split_typed_value(email).first);
  std::vector<Problem> ignored;
  for (const auto& doc : store.read_all({Kind::person}, ignored)) {
    const Node* e = doc.root.find("email");
    if (e && e->is_scalar() && to_lower_ascii(split_typed_value(e->scalar).first) == wanted)
      out.push_back(doc.id);
  }
  return out;
}

void print_person(const Output& io, const Person& p, const Date& today) {
  io.out << io.style(safe(p.name), "bold") << "  " << io.style("(" + p.id + ")", "dim") << '\n';
  std::vector<std::string> role;
  if (!p.title.empty()) role.push_back(safe(p.title));
  if (!p.department.empty()) role.push_back(safe(p.department));
  if (!p.organization.empty()) role.push_back(safe(p.organization));
  if (!role.empty()) io.out << "  " << join(role, ", ") << '\n';
  Table t;
  auto row = [&](const char* label, const std::string& value) {
    if (!value.empty()) t.add({std::string("  ") + label, value});
  };
  if (!p.nicknames.empty()) {
    std::vector<std::string> nicks;
    for (const auto& n : p.nicknames) nicks.push_back(safe(n));
    row("nickname", join(nicks, ", "));
  }
  if (!p.name_parts.empty()) {
    NameParts n = name_parts_of(p);
    std::vector<std::string> parts;
    for (const auto& [label, value] :
         {std::pair<const char*, const std::string*>{"prefix", &n.prefix},
          {"given", &n.given},
          {"middle", &n.middle},
          {"family", &n.family},
          {"suffix", &n.suffix}})
      if (!value->empty()) parts.push_back(std::string(label) + " " + safe(*value));
    row("name parts", join(parts, "; "));
  }
  row("email", safe(p.email));
  for (const auto& e : p.emails) row("email", safe(e));
  row("phone", safe(p.phone));
  for (const auto& e : p.phones) row("phone", safe(e));
  for (const auto& [network, handle] : p.handles) t.add({"  " + safe(network), safe(handle)});
  std::vector<std::string> knows, tags;
  for (const auto& e : p.expertise) knows.push_back(safe(e));
  for (const auto& e : p.tags) tags.push_back(safe(e));
  row("knows", join(knows, ", "));
  row("tags", join(tags, ", "));
  if (p.met) row("met", p.met->str());
  if (p.has_left())
    row("status", p.forward_to.empty() ? "left" : "left; ask " + p.forward_to + " instead");
  else if (p.away_until && *p.away_until >= today)
    row("status", "away until " + p.away_until->str());
  row("added by", safe(p.added_by));
  t.print(io);
  if (!p.notes.empty()) {
    io.out << io.style("Notes", "bold") << '\n';
    for (const auto& line : split(safe_multiline(p.notes), '\n')) io.out << "  " << line << '\n';
  }
  if (!p.log.empty()) {
    io.out << io.style("Log", "bold") << '\n';
    Table log;
    for (const auto& e : p.log)
      log.add({"  " + e.date.str(), e.by.empty() ? "" : safe(e.by), safe(e.note)});
    log.print(io);
  }
}

}  // namespace peers::cli
