#include <doctest/doctest.h>

#include "peers/contacts.hpp"

using namespace peers;

TEST_CASE("vCard 3.0 as Google exports it: folded lines, escapes, several cards, CRLF") {
  std::string text =
      "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:María López\r\nN:López;María;;;\r\n"
      "item1.EMAIL;TYPE=INTERNET;TYPE=WORK:mlopez@westbrook.edu\r\n"
      "TEL;TYPE=CELL:+1 555-0199\r\nTEL;TYPE=WORK:+1 555-0100\r\n"
      "ORG:Westbrook University;Undergraduate Admissions\r\nTITLE:Associate Director\r\n"
      "NOTE:Runs the transfer sessions\\; call\r\n  before 10am\\, please.\\nSecond line\r\n"
      "CATEGORIES:myContacts,Orientation\r\nEND:VCARD\r\n"
      "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Ana Silva\r\nEND:VCARD\r\n";
  auto file = parse_vcards(text);
  CHECK(file.problems.empty());
  REQUIRE(file.contacts.size() == 2);
  const Person& p = file.contacts[0].person;
  CHECK(file.contacts[0].line == 1);
  CHECK(file.contacts[1].line == 14);
  CHECK(p.name == "María López");
  CHECK(p.email == "mlopez@westbrook.edu");
  CHECK(p.phone == "+1 555-0100");  // the work number wins over the mobile
  CHECK(p.department == "Undergraduate Admissions");
  CHECK(p.title == "Associate Director");
  CHECK(p.notes == "Runs the transfer sessions; call before 10am, please.\nSecond line");
  CHECK(p.tags == std::vector<std::string>{"Orientation"});
  CHECK(file.contacts[1].person.name == "Ana Silva");
}

TEST_CASE("vCard 2.1 as Outlook exports it: quoted-printable, soft breaks, Windows-1252") {
  std::string text =
      "BEGIN:VCARD\nVERSION:2.1\n"
      "N;CHARSET=Windows-1252;ENCODING=QUOTED-PRINTABLE:N=FA=F1ez;Jos=E9\n"
      "TEL;WORK;VOICE:(555) 010-3300\nEMAIL;INTERNET:other@example.org\n"
      "EMAIL;PREF;INTERNET:jnunez@westbrook.edu\n"
      "NOTE;ENCODING=QUOTED-PRINTABLE:Knows FAFSA.=0D=0AAsk about the schola=\n"
      "rship portal.\nEND:VCARD\n";
  auto file = parse_vcards(text);
  CHECK(file.problems.empty());
  REQUIRE(file.contacts.size() == 1);
  const Person& p = file.contacts[0].person;
  CHECK(p.name == "José Núñez");  // from N when there is no FN
  CHECK(p.email == "jnunez@westbrook.edu");  // PREF wins
  CHECK(p.phone == "(555) 010-3300");
  CHECK(p.notes == "Knows FAFSA.\nAsk about the scholarship portal.");
}

TEST_CASE("vCard 4.0: PREF=1, tel: URIs, quoted parameters, social profiles") {
  std::string text =
      "BEGIN:VCARD\nVERSION:4.0\nFN:Kwame Asante\n"
      "EMAIL;TYPE=home:k@example.org\nEMAIL;TYPE=work;PREF=1:kasante@westbrook.edu\n"
      "TEL;VALUE=uri;TYPE=\"voice,work\":tel:+1-555-010-5100\n"
      "X-SOCIALPROFILE;type=twitter;x-user=kasante:https://twitter.com/kasante\n"
      "END:VCARD\n";
  auto file = parse_vcards(text);
  REQUIRE(file.contacts.size() == 1);
  const Person& p = file.contacts[0].person;
  CHECK(p.email == "kasante@westbrook.edu");
  CHECK(p.phone == "+1-555-010-5100");
  REQUIRE(p.handles.size() == 1);
  CHECK(p.handles[0] == std::pair<std::string, std::string>{"twitter", "kasante"});
}

TEST_CASE("unreadable lines are reported with their line number and skipped, nothing else") {
  std::string text =
      "BEGIN:VCARD\nFN:Li Wei\nthis line has no colon\nTITLE:Manager \xe9t\xe9\n"
      "EMAIL:lwei@westbrook.edu\nEND:VCARD\n"
      "BEGIN:VCARD\nORG:Bookstore\nEND:VCARD\n"
      "stray text\n"
      "BEGIN:VCARD\nFN:No End\n";
  auto file = parse_vcards(text);
  REQUIRE(file.contacts.size() == 2);
  CHECK(file.contacts[0].person.name == "Li Wei");
  CHECK(file.contacts[0].person.email == "lwei@westbrook.edu");
  CHECK(file.contacts[0].person.title.empty());
  CHECK(file.contacts[1].person.name == "No End");
  REQUIRE(file.problems.size() == 5);
  CHECK(file.problems[0].line == 3);
  CHECK(file.problems[1].line == 4);
  CHECK(file.problems[1].message == "not UTF-8 text; line skipped");
  CHECK(file.problems[2].line == 7);  // the card with no name
  CHECK(file.problems[3].line == 10);
  CHECK(file.problems[4].line == 11);
}

TEST_CASE("write_vcards folds long lines and reads back the same people") {
  Person p;
  p.id = "maria-lopez-2";
  p.name = "María López";
  p.title = "Associate Director";
  p.department = "Undergraduate Admissions";
  p.email = "mlopez@westbrook.edu";
  p.phone = "+1 555 0100";
  p.handles = {{"twitter", "@mlopez"}};
  p.expertise = {"admissions", "transfer students, credit"};
  p.tags = {"orientation"};
  p.met = Date{2026, 11, 20};
  p.status = "left";
  p.notes = "A long note about María that goes on well past seventy-five octets; it has a "
            "semicolon, a comma, a backslash \\ and\nsecond line with ñ and 漢字 characters.";
  std::string text = write_vcards({p}, "Westbrook University");
  for (std::size_t start = 0; start < text.size();) {
    std::size_t end = text.find("\r\n", start);
    REQUIRE(end != std::string::npos);
    CHECK(end - start <= 75);
    start = end + 2;
  }
  auto file = parse_vcards(text);
  CHECK(file.problems.empty());
  REQUIRE(file.contacts.size() == 1);
  const Person& q = file.contacts[0].person;
  CHECK(q.id == p.id);
  CHECK(q.name == p.name);
  CHECK(q.title == p.title);
  CHECK(q.department == p.department);
  CHECK(q.email == p.email);
  CHECK(q.phone == p.phone);
  CHECK(q.handles == p.handles);
  CHECK(q.expertise == p.expertise);
  CHECK(q.tags == p.tags);
  CHECK(q.met == p.met);
  CHECK(q.status == "left");
  CHECK(q.notes == p.notes);
}
