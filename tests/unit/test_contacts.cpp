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
