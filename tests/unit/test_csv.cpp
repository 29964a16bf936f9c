#include <doctest/doctest.h>

#include "peers/contacts.hpp"
#include "peers/error.hpp"

using namespace peers;

TEST_CASE("parse_csv: quotes, doubled quotes, fields over several lines, CRLF, separators") {
  auto table = parse_csv("a,\"b, c\",\"say \"\"hi\"\"\"\r\n\"two\nlines\",x,\r\n\r\nlast,,y");
  CHECK(table.problems.empty());
  CHECK(table.separator == ',');
  REQUIRE(table.rows.size() == 3);
  CHECK(table.rows[0].cells == std::vector<std::string>{"a", "b, c", "say \"hi\""});
  CHECK(table.rows[1].cells == std::vector<std::string>{"two\nlines", "x", ""});
  CHECK(table.rows[1].line == 2);
  CHECK(table.rows[2].line == 5);
  CHECK(parse_csv("Name;Email\nAna;a@x.org\n").separator == ';');
  CHECK(parse_csv("Name\tEmail\nAna\ta@x.org\n").rows[1].cells[1] == "a@x.org");
}

TEST_CASE("parse_csv: a broken quote costs its line only; text that is not UTF-8 is reported") {
  auto table = parse_csv("h1,h2\n\"Park,\"Jin\",x\nok,1\nbad \xe9,2\n\"never closed,3\nend,4\n");
  REQUIRE(table.problems.size() == 3);
  CHECK(table.problems[0].line == 2);
  CHECK(table.problems[1].line == 4);
  CHECK(table.problems[1].message == "not UTF-8 text; line skipped");
  CHECK(table.problems[2].line == 5);
  REQUIRE(table.rows.size() == 3);
  CHECK(table.rows[1].cells[0] == "ok");
  CHECK(table.rows[2].cells[0] == "end");
  CHECK(table.rows[2].line == 6);
}

TEST_CASE("headers are recognised as Google, Outlook and campus directories name them") {
  CHECK(csv_field_for_header("E-mail 1 - Value") == "email");
  CHECK(csv_field_for_header("E-mail Address") == "email");
  CHECK(csv_field_for_header("Organization Department") == "department");
  CHECK(csv_field_for_header("Organization 1 - Title") == "title");
  CHECK(csv_field_for_header("Given Name") == "first_name");
  CHECK(csv_field_for_header("Labels") == "tags");
  CHECK(csv_field_for_header("Areas of Expertise") == "expertise");
  CHECK(csv_field_for_header("Building").empty());
}

TEST_CASE("contacts_from_csv: Google Contacts CSV") {
  std::string text =
      "First Name,Middle Name,Last Name,Organization Name,Organization Title,Organization "
      "Department,Notes,Labels,E-mail 1 - Label,E-mail 1 - Value,Phone 1 - Label,Phone 1 - Value\n"
      "María,,López,Westbrook,Associate Director,Admissions,\"Two\nlines\",* myContacts ::: "
      "Orientation ::: Press,Work,mlopez@westbrook.edu ::: m@example.org,Work,+1 555\n";
  auto file = contacts_from_csv(text, {});
  CHECK(file.problems.empty());
  REQUIRE(file.contacts.size() == 1);
  const Person& p = file.contacts[0].person;
  CHECK(p.name == "María López");
  CHECK(p.title == "Associate Director");
  CHECK(p.department == "Admissions");
  CHECK(p.email == "mlopez@westbrook.edu");
  CHECK(p.phone == "+1 555");
  CHECK(p.notes == "Two\nlines");
  CHECK(p.tags == std::vector<std::string>{"Orientation", "Press"});
}

TEST_CASE("contacts_from_csv: a directory export with lines above the header") {
  std::string text =
      "Staff Directory\nExported 2026-11-02\n\n"
      "\"Last Name\",\"First Name\",\"Title\",\"Department\",\"Room\",\"Email\"\n"
      "Asante,Kwame,Professor,Earth Sciences,214,kasante@westbrook.edu\n"
      "Garcia,Luis,Coach,Athletics,2,lgarcia@westbrook.edu,extra\n"
      ",,Vacant,Music,12,\n";
  auto file = contacts_from_csv(text, {});
  REQUIRE(file.contacts.size() == 1);
  CHECK(file.contacts[0].person.name == "Kwame Asante");
  CHECK(file.contacts[0].line == 5);
  REQUIRE(file.problems.size() == 2);
  CHECK(file.problems[0].line == 6);
  CHECK(file.problems[0].message == "7 fields where the header has 6; line skipped");
  CHECK(file.problems[1].line == 7);
  CHECK(file.problems[1].message == "no name; line skipped");
}

TEST_CASE("contacts_from_csv: --map by header or column number, and its errors") {
  std::string text = "Nom,Courriel,Service\nRenée Dubois,rdubois@westbrook.edu,Registrar\n";
  CHECK_THROWS_AS(contacts_from_csv(text, {}), Error);
  auto file = contacts_from_csv(
      text, {{"Nom", "name"}, {"courriel", "email"}, {"3", "department"}});
  REQUIRE(file.contacts.size() == 1);
  CHECK(file.contacts[0].person.name == "Renée Dubois");
  CHECK(file.contacts[0].person.email == "rdubois@westbrook.edu");
  CHECK(file.contacts[0].person.department == "Registrar");
  auto headerless = contacts_from_csv("Ana Silva,asilva@westbrook.edu\n", {{"1", "name"}, {"2", "email"}});
  REQUIRE(headerless.contacts.size() == 1);
  CHECK(headerless.contacts[0].person.email == "asilva@westbrook.edu");
  CHECK_THROWS_WITH_AS(contacts_from_csv(text, {{"Nom", "fullname"}}),
                       "--map: unknown field 'fullname'", Error);
  CHECK_THROWS_WITH_AS(contacts_from_csv(text, {{"Nom", "name"}, {"Phone", "phone"}}),
                       "no header row found in the first lines of the CSV file", Error);
  CHECK_THROWS_WITH_AS(contacts_from_csv(text, {{"9", "name"}}),
                       "--map: there is no column '9'", Error);
}

TEST_CASE("write_csv reads back the same people") {
  Person p;
  p.id = "ana-silva";
  p.name = "Ana Silva";
  p.title = "Dean, Student Life";
  p.email = "asilva@westbrook.edu";
  p.handles = {{"twitter", "@asilva"}, {"linkedin", "anasilva"}};
  p.expertise = {"housing", "student wellbeing"};
  p.tags = {"press"};
  p.met = Date{2026, 1, 5};
  p.notes = "Says \"call me\".\nSecond line";
  Person q;
  q.name = "Tom Okafor";
  q.status = "left";
  auto file = contacts_from_csv(write_csv({p, q}), {});
  CHECK(file.problems.empty());
  REQUIRE(file.contacts.size() == 2);
  const Person& r = file.contacts[0].person;
  CHECK(r.id == p.id);
  CHECK(r.name == p.name);
  CHECK(r.title == p.title);
  CHECK(r.email == p.email);
  CHECK(r.handles == p.handles);
  CHECK(r.expertise == p.expertise);
  CHECK(r.tags == p.tags);
  CHECK(r.met == p.met);
  CHECK(r.notes == p.notes);
  CHECK(r.status == "active");
  CHECK(file.contacts[1].person.status == "left");
}

TEST_CASE("csv_formula_risk: cells a spreadsheet would run, phone numbers aside") {
  for (const char* risky : {"=HYPERLINK(\"x\")", "+cmd|' /C calc'!A0", "@SUM(1+1)", "-2+3",
                            "\tx", "\rx", "+1+1", "+1 555 0100 =A1", "+", "+()"})
    CHECK_MESSAGE(csv_formula_risk(risky), risky);
  for (const char* safe : {"+1 555 0100", "+44 (20) 7946-0958", "+33.1.23.45.67.89", "Dean",
                           "", "555-0100", "a=b"})
    CHECK_MESSAGE(!csv_formula_risk(safe), safe);
}
