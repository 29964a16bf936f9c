#include <doctest/doctest.h>

#include "peers/contacts.hpp"

using namespace peers;

namespace {
Person person(std::string name, std::string department, std::string email) {
  Person p;
  p.name = std::move(name);
  p.department = std::move(department);
  p.email = std::move(email);
  return p;
}
}  // namespace

TEST_CASE("find_same_person: the same email, else the same name and department") {
  std::vector<Person> people = {person("María López", "Admissions", "MLopez@westbrook.edu"),
                                person("Alex Kim", "Music", ""), person("Alex Kim", "Physics", "")};
  CHECK(find_same_person(people, person("M. Lopez", "", "mlopez@westbrook.edu")) == 0u);
  CHECK(find_same_person(people, person("maria lopez", "admissions", "")) == 0u);
  CHECK(find_same_person(people, person("Alex Kim", "Physics", "")) == 2u);
  CHECK_FALSE(find_same_person(people, person("Alex Kim", "Chemistry", "")));
  CHECK_FALSE(find_same_person(people, person("María López", "Registrar", "other@x.org")));
}

TEST_CASE("PersonMatcher gives find_same_person's answers, kept up to date as people change") {
  std::vector<Person> people = {person("María López", "Admissions", "MLopez@westbrook.edu"),
                                person("Alex Kim", "Music", ""), person("Alex Kim", "Physics", ""),
                                person("Alex Kim", "Music", "ak@x.org")};
  PersonMatcher matcher(people);
  std::vector<Person> probes = {person("M. Lopez", "", "mlopez@westbrook.edu"),
                                person("maria lopez", "admissions", ""),
                                person("Alex Kim", "Physics", ""),
                                person("Alex Kim", "Music", ""),
                                person("Alex Kim", "Music", "AK@x.org"),
                                person("Alex Kim", "Chemistry", ""),
                                person("María López", "Registrar", "other@x.org")};
  for (const auto& probe : probes) CHECK(matcher.find(probe) == find_same_person(people, probe));
  // An update moves the person's keys; an added person is found from then on.
  matcher.remove(1, people[1]);
  people[1].department = "Chemistry";
  matcher.add(1, people[1]);
  people.push_back(person("Zoë Park", "Press", "zp@x.org"));
  matcher.add(people.size() - 1, people.back());
  probes.push_back(person("Zoe Park", "", "ZP@x.org"));
  for (const auto& probe : probes) CHECK(matcher.find(probe) == find_same_person(people, probe));
  CHECK(matcher.find(person("Alex Kim", "Chemistry", "")) == 1u);
  CHECK(matcher.find(person("Alex Kim", "Music", "")) == 3u);
}

TEST_CASE("merge_contact fills in and updates, and says what changed") {
  Person existing = person("María López", "Admissions", "mlopez@westbrook.edu");
  existing.tags = {"orientation"};
  existing.notes = "Runs the transfer sessions";
  Person incoming = person("Maria Lopez", "Undergraduate Admissions", "mlopez@westbrook.edu");
  incoming.title = "Associate Director";
  incoming.tags = {"Orientation", "press"};
  incoming.notes = "Runs the transfer sessions";
  incoming.met = Date{2026, 11, 20};
  auto changed = merge_contact(existing, incoming);
  CHECK(changed == std::vector<std::string>{"title", "department", "tags", "met"});
  CHECK(existing.name == "María López");
  CHECK(existing.tags == std::vector<std::string>{"orientation", "press"});
  CHECK(existing.notes == "Runs the transfer sessions");
  CHECK(merge_contact(existing, incoming).empty());
}
