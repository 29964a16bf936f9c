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

TEST_CASE("split_typed_value: brackets are a type only when they hold type words") {
  using Pair = std::pair<std::string, std::string>;
  CHECK(split_typed_value("+1 555 0100 (mobile)") == Pair{"+1 555 0100", "mobile"});
  CHECK(split_typed_value("555 0100 (front desk)") == Pair{"555 0100", "front desk"});
  CHECK(split_typed_value("555 0100 (Büro)") == Pair{"555 0100", "Büro"});
  // Digits or other punctuation in the brackets: part of the value, as old stores wrote it.
  CHECK(split_typed_value("555 0100 (ext 12)") == Pair{"555 0100 (ext 12)", ""});
  CHECK(split_typed_value("555 0100 (x12)") == Pair{"555 0100 (x12)", ""});
  CHECK(split_typed_value("555 0100 (ext. 12)") == Pair{"555 0100 (ext. 12)", ""});
  // No value, or no space before the bracket: no type.
  CHECK(split_typed_value("(mobile)") == Pair{"(mobile)", ""});
  CHECK(split_typed_value("555 0100(mobile)") == Pair{"555 0100(mobile)", ""});
  CHECK(is_type_text("work, fax"));
  CHECK_FALSE(is_type_text("ext 12"));
  CHECK_FALSE(is_type_text(" "));
}

TEST_CASE("main_typed_value: a main email or phone is work unless it says otherwise") {
  CHECK(main_typed_value("+1 555 0100", "work") == "+1 555 0100");
  CHECK(main_typed_value("+1 555 0100", "") == "+1 555 0100");
  CHECK(main_typed_value("+1 555 0100", "mobile") == "+1 555 0100 (mobile)");
  CHECK(main_typed_value("+1 555 0100", "work, fax") == "+1 555 0100 (work, fax)");
}

TEST_CASE("type_from_label: Apple's labels in peers' words, a label of one's own as written") {
  CHECK(type_from_label("_$!<Mobile>!$_") == "mobile");
  CHECK(type_from_label("_$!<Home>!$_") == "home");
  CHECK(type_from_label("_$!<Work>!$_") == "work");
  CHECK(type_from_label("_$!<Other>!$_") == "other");
  CHECK(type_from_label("_$!<WorkFAX>!$_") == "work, fax");
  CHECK(type_from_label("Studio") == "Studio");
  CHECK(type_from_label("Studio 2") == "Studio");  // a digit would make it part of the value
  CHECK(type_from_label("_$!<AssistantPhone>!$_") == "assistant phone");
  CHECK(type_from_label("_$!<iPhone>!$_") == "iphone");
  CHECK(type_from_label("GRAND_CENTRAL") == "GRAND_CENTRAL");
  CHECK(type_from_label("  ") == "");
}

TEST_CASE("typed_value_problem: a type that cannot be read, with a hint that shows the form") {
  CHECK_FALSE(typed_value_problem("+1 555 0100"));
  CHECK_FALSE(typed_value_problem("+1 555 0100 (mobile)"));
  CHECK_FALSE(typed_value_problem("555 0100 (ext 12)"));
  CHECK_FALSE(typed_value_problem("(555) 010-2211"));
  auto only_type = typed_value_problem("(mobile)");
  REQUIRE(only_type);
  CHECK(only_type->message == "'(mobile)' is only a type, with no address or number");
  CHECK(only_type->hint == "write the value before its type, e.g. '+1 555 0100 (mobile)'");
  auto no_space = typed_value_problem("+1 555 0100(mobile)");
  REQUIRE(no_space);
  CHECK(no_space->hint == "write '+1 555 0100 (mobile)'");
  auto unclosed = typed_value_problem("jane@home.example (home");
  REQUIRE(unclosed);
  CHECK(unclosed->hint == "write the type in brackets at the end: 'jane@home.example (home)'");
  CHECK(typed_value_problem("+1 555 0100 ()"));
  CHECK_FALSE(typed_value_problem("555 0100 (ext 12"));  // not a type: the value's own text
}

TEST_CASE("matching and merging look at the address, not its type") {
  std::vector<Person> people = {person("María López", "Admissions", "mlopez@westbrook.edu (home)")};
  CHECK(find_same_person(people, person("M. Lopez", "", "MLopez@westbrook.edu")) == 0u);
  PersonMatcher matcher(people);
  CHECK(matcher.find(person("M. Lopez", "", "mlopez@westbrook.edu (work)")) == 0u);
  Person existing = people[0];
  Person incoming = person("María López", "Admissions", "");
  incoming.emails = {"mlopez@westbrook.edu (work)", "maria@home.example (home)"};
  merge_contact(existing, incoming);
  CHECK(existing.emails == std::vector<std::string>{"maria@home.example (home)"});
}
