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
                            "\tx", "\rx", "+1+1", "+1 555 0100 =A1", "+", "+()",
                            "+1 555 0100 (x|calc)", "+1 555 (é)"})
    CHECK_MESSAGE(csv_formula_risk(risky), risky);
  for (const char* safe : {"+1 555 0100", "+44 (20) 7946-0958", "+33.1.23.45.67.89", "Dean", "+1 555 0100 (mobile)",
                           "", "555-0100", "a=b"})
    CHECK_MESSAGE(!csv_formula_risk(safe), safe);
}

TEST_CASE("contacts_from_csv: Outlook's Title is the honorific, Job Title the title") {
  std::string text =
      "\"Title\",\"First Name\",\"Middle Name\",\"Last Name\",\"Suffix\",\"Company\","
      "\"Department\",\"Job Title\",\"Business Fax\",\"Business Phone\",\"Home Phone\","
      "\"Mobile Phone\",\"Categories\",\"E-mail Address\",\"E-mail Type\",\"E-mail 2 Address\","
      "\"E-mail 2 Type\"\r\n"
      "\"Dr.\",\"Grace\",\"Ann\",\"Hopper\",\"PhD\",\"Riverside\",\"Computing\",\"Engineer\","
      "\"\",\"+1 555 0100\",\"555 0188\",\"+1 555 0199\",\"Partners;Press, Radio\","
      "\"g@riverside.example\",\"SMTP\",\"grace@home.example\",\"SMTP\"\r\n";
  auto file = contacts_from_csv(text, {});
  CHECK(file.format == "Outlook CSV");
  CHECK(file.problems.empty());
  REQUIRE(file.contacts.size() == 1);
  const Person& p = file.contacts[0].person;
  CHECK(p.name == "Grace Ann Hopper");
  CHECK(p.title == "Engineer");
  CHECK(p.organization == "Riverside");
  CHECK(p.department == "Computing");
  CHECK(p.name_parts == StringPairs{{"prefix", "Dr."},
                                    {"given", "Grace"},
                                    {"middle", "Ann"},
                                    {"family", "Hopper"},
                                    {"suffix", "PhD"}});
  CHECK(p.phone == "+1 555 0100");
  CHECK(p.phones == std::vector<std::string>{"555 0188 (home)", "+1 555 0199 (mobile)"});
  CHECK(p.email == "g@riverside.example");
  CHECK(p.emails == std::vector<std::string>{"grace@home.example"});
  CHECK(p.tags == std::vector<std::string>{"Partners", "Press, Radio"});
}

TEST_CASE("contacts_from_csv: Google's typed columns, old and new, and LinkedIn's preamble") {
  auto old = contacts_from_csv(
      "Name,Given Name,Family Name,Name Prefix,Nickname,Group Membership,E-mail 1 - Type,"
      "E-mail 1 - Value,Phone 1 - Type,Phone 1 - Value,Phone 2 - Type,Phone 2 - Value,"
      "Organization 1 - Name,Organization 1 - Title\n"
      "Nadia Petrova,Nadia,Petrova,,Nad,* myContacts ::: Press,* Work,n@c9.example,Mobile,"
      "+1 555 0300,Work,+1 555 0301,Channel 9,Producer\n",
      {});
  CHECK(old.format == "Google Contacts CSV (before 2024)");
  REQUIRE(old.contacts.size() == 1);
  const Person& n = old.contacts[0].person;
  CHECK(n.organization == "Channel 9");
  CHECK(n.title == "Producer");
  CHECK(n.phone == "+1 555 0301");  // the work number
  CHECK(n.phones == std::vector<std::string>{"+1 555 0300 (mobile)"});
  CHECK(n.nicknames == std::vector<std::string>{"Nad"});
  CHECK(n.name_parts.empty());

  auto fresh = contacts_from_csv(
      "First Name,Last Name,Organization Name,Labels,E-mail 1 - Label,E-mail 1 - Value,"
      "E-mail 2 - Label,E-mail 2 - Value\n"
      "Keiko,Tanaka,TPU,* myContacts ::: Partners,Work,k@tpu.example,Home,"
      "keiko@home.example ::: k2@home.example\n",
      {});
  CHECK(fresh.format == "Google Contacts CSV");
  REQUIRE(fresh.contacts.size() == 1);
  CHECK(fresh.contacts[0].person.emails ==
        std::vector<std::string>{"keiko@home.example (home)", "k2@home.example (home)"});

  auto linkedin = contacts_from_csv(
      "Notes:\n\"When exporting your connection data, you may notice that some of the email "
      "addresses are missing. See https://www.linkedin.com/help, here.\"\n\n"
      "First Name,Last Name,URL,Email Address,Company,Position,Connected On\n"
      "Jane,Reporter,https://www.linkedin.com/in/jr,jr@gazette.example,Gazette,Education "
      "Reporter,12 Mar 2025\n",
      {});
  CHECK(linkedin.format == "LinkedIn CSV");
  CHECK(linkedin.problems.empty());
  REQUIRE(linkedin.contacts.size() == 1);
  const Person& j = linkedin.contacts[0].person;
  CHECK(j.name == "Jane Reporter");
  CHECK(j.title == "Education Reporter");
  CHECK(j.organization == "Gazette");
  CHECK(j.email == "jr@gazette.example");
  CHECK(j.handles == StringPairs{{"linkedin", "https://www.linkedin.com/in/jr"}});
}

TEST_CASE("write_csv: every email, phone, name part, nickname and a tag with a comma come back") {
  Person p;
  p.id = "grace-hopper";
  p.name = "Grace Hopper";
  p.name_parts = {{"prefix", "Dr."}, {"given", "Grace"}, {"family", "Hopper"}};
  p.nicknames = {"Amazing Grace"};
  p.organization = "Riverside, Inc.";
  p.email = "g@riverside.example";
  p.emails = {"grace@home.example (home)", "g2@x.example"};
  p.phone = "+1 555 0100";
  p.phones = {"+1 555 0199 (mobile)", "555 0102 (home, fax)"};
  p.tags = {"a, b", "c"};
  auto file = contacts_from_csv(write_csv({p}), {});
  CHECK(file.format == "peers CSV");
  REQUIRE(file.contacts.size() == 1);
  const Person& r = file.contacts[0].person;
  CHECK(r.name_parts == p.name_parts);
  CHECK(r.nicknames == p.nicknames);
  CHECK(r.organization == p.organization);
  CHECK(r.email == p.email);
  CHECK(r.emails == p.emails);
  CHECK(r.phone == p.phone);
  CHECK(r.phones == p.phones);
  CHECK(r.tags == p.tags);
  Person one;
  one.name = "Solo Tag";
  one.tags = {"a, b"};
  CHECK(contacts_from_csv(write_csv({one}), {}).contacts.at(0).person.tags == one.tags);
}

TEST_CASE("contacts_from_csv: the main email and phone keep their type, and come back") {
  auto google = contacts_from_csv(
      "First Name,Last Name,E-mail 1 - Label,E-mail 1 - Value,Phone 1 - Label,Phone 1 - Value,"
      "Phone 2 - Label,Phone 2 - Value\n"
      "Keiko,Tanaka,Home,keiko@home.example,Mobile,+1 555 0400,Home,+1 555 0401\n",
      {});
  REQUIRE(google.contacts.size() == 1);
  Person k = google.contacts[0].person;
  CHECK(k.email == "keiko@home.example (home)");
  CHECK(k.phone == "+1 555 0400 (mobile)");  // no work number: the first
  CHECK(k.phones == std::vector<std::string>{"+1 555 0401 (home)"});
  // A directory's plain Phone column may hold the type in brackets; "(ext 12)" is the number's.
  auto directory = contacts_from_csv(
      "Name,Email,Phone\nBo Li,bo@x.edu (home),555 0100 (ext 12)\n"
      "Al Ray,al@x.edu,555 0101 (mobile)\n", {});
  REQUIRE(directory.contacts.size() == 2);
  CHECK(directory.contacts[0].person.email == "bo@x.edu (home)");
  CHECK(directory.contacts[0].person.phone == "555 0100 (ext 12)");
  CHECK(directory.contacts[1].person.phone == "555 0101 (mobile)");
  // peers' own CSV writes them as the YAML has them and reads them back the same.
  k.id = "keiko-tanaka";
  auto back = contacts_from_csv(write_csv({k}), {});
  REQUIRE(back.contacts.size() == 1);
  CHECK(back.contacts[0].person.email == k.email);
  CHECK(back.contacts[0].person.phone == k.phone);
  CHECK(back.contacts[0].person.phones == k.phones);
}
