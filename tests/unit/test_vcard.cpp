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

TEST_CASE("vCard: ORG, every email and phone with its type, the structured name, nicknames") {
  std::string text =
      "BEGIN:VCARD\r\nVERSION:3.0\r\nN:Nakamura;Yuki;Marie;Prof.;MBA\r\nFN:Yuki Nakamura\r\n"
      "NICKNAME:Yu,Yuki-chan\r\nORG:Pacific Science Museum;Education Programs;\r\n"
      "EMAIL;type=INTERNET;type=HOME:yuki@home.example\r\n"
      "EMAIL;type=INTERNET;type=WORK;type=pref:ynakamura@psm.example\r\n"
      "item1.EMAIL;type=INTERNET:yuki@other.example\r\n"
      "TEL;type=CELL;type=VOICE:+1 555 0101\r\nTEL;type=WORK;type=VOICE:+1 555 0100\r\n"
      "TEL;type=HOME;type=FAX:+1 555 0102\r\nCATEGORIES:Science\\, museums,Partners\r\n"
      "END:VCARD\r\n";
  auto file = parse_vcards(text);
  CHECK(file.problems.empty());
  REQUIRE(file.contacts.size() == 1);
  const Person& p = file.contacts[0].person;
  CHECK(p.organization == "Pacific Science Museum");
  CHECK(p.department == "Education Programs");
  CHECK(p.email == "ynakamura@psm.example");
  CHECK(p.emails == std::vector<std::string>{"yuki@home.example (home)", "yuki@other.example"});
  CHECK(p.phone == "+1 555 0100");
  CHECK(p.phones == std::vector<std::string>{"+1 555 0101 (mobile)", "+1 555 0102 (home, fax)"});
  CHECK(p.nicknames == std::vector<std::string>{"Yu", "Yuki-chan"});
  CHECK(p.tags == std::vector<std::string>{"Science, museums", "Partners"});
  CHECK(p.name_parts == StringPairs{{"prefix", "Prof."},
                                    {"given", "Yuki"},
                                    {"middle", "Marie"},
                                    {"family", "Nakamura"},
                                    {"suffix", "MBA"}});

  // Written back: N from the kept parts, every email and phone with its type, ORG per person.
  std::string out = write_vcards({p}, "Westbrook Comms");
  CHECK(out.find("N:Nakamura;Yuki;Marie;Prof.;MBA\r\n") != std::string::npos);
  CHECK(out.find("NICKNAME:Yu,Yuki-chan\r\n") != std::string::npos);
  CHECK(out.find("ORG:Pacific Science Museum;Education Programs\r\n") != std::string::npos);
  CHECK(out.find("EMAIL;TYPE=INTERNET,HOME:yuki@home.example\r\n") != std::string::npos);
  CHECK(out.find("EMAIL;TYPE=INTERNET:yuki@other.example\r\n") != std::string::npos);
  CHECK(out.find("TEL;TYPE=CELL:+1 555 0101\r\n") != std::string::npos);
  CHECK(out.find("TEL;TYPE=HOME,FAX:+1 555 0102\r\n") != std::string::npos);
  CHECK(out.find("CATEGORIES:Science\\, museums,Partners\r\n") != std::string::npos);
  auto again = parse_vcards(out);
  REQUIRE(again.contacts.size() == 1);
  const Person& q = again.contacts[0].person;
  CHECK(q.name_parts == p.name_parts);
  CHECK(q.nicknames == p.nicknames);
  CHECK(q.organization == p.organization);
  CHECK(q.email == p.email);
  CHECK(q.emails == p.emails);
  CHECK(q.phone == p.phone);
  CHECK(q.phones == p.phones);
  CHECK(q.tags == p.tags);
}

TEST_CASE("vCard: a name the display name implies keeps no name_parts; N is rebuilt from it") {
  auto file = parse_vcards("BEGIN:VCARD\nFN:María José Núñez\nN:Núñez;María José;;;\nEND:VCARD\n"
                           "BEGIN:VCARD\nFN:Ludwig van Beethoven\nN:van Beethoven;Ludwig;;;\n"
                           "END:VCARD\n");
  REQUIRE(file.contacts.size() == 2);
  CHECK(file.contacts[0].person.name_parts.empty());
  CHECK(file.contacts[1].person.name_parts ==
        StringPairs{{"given", "Ludwig"}, {"family", "van Beethoven"}});
  std::string out = write_vcards({file.contacts[0].person, file.contacts[1].person}, "");
  CHECK(out.find("N:Núñez;María José;;;\r\n") != std::string::npos);
  CHECK(out.find("N:van Beethoven;Ludwig;;;\r\n") != std::string::npos);
}

TEST_CASE("vCard: a base64 PHOTO over many unindented lines (vCard 2.1) gives one note") {
  std::string text =
      "BEGIN:VCARD\r\nVERSION:2.1\r\nFN:Lena Brandt\r\nPHOTO;TYPE=JPEG;ENCODING=BASE64:\r\n"
      "/9j/4AAQSkZJRgABAQEAYABgAAD/2wBDAAgGBgcGBQgHBwcJCQgKDBQNDAsLDBkSEw8UHRof\r\n"
      "Hh0aHBwgJC4nICIsIxwcKDcpLDAxNDQ0Hyc5PTgyPC4zNDL/2wBDAQkJCQwLDBgNDRgyIRwh\r\n"
      "\r\nNOTE:Covers EU funding.\r\nEND:VCARD\r\n"
      "BEGIN:VCARD\r\nVERSION:2.1\r\nFN:Ilona Varga\r\nPHOTO;ENCODING=BASE64;JPEG:\r\n"
      "/9j/4AAQSkZJRgABAQEAYABgAAD/2wBDAAgGBgcGBQgHBwcJCQgKDBQNDAsLDBkSEw8UHRof\r\n"
      "\r\nEND:VCARD\r\n";
  auto file = parse_vcards(text);
  REQUIRE(file.contacts.size() == 2);
  CHECK(file.contacts[0].person.notes == "Covers EU funding.");
  REQUIRE(file.problems.size() == 1);
  CHECK(file.problems[0].note);
  CHECK(file.problems[0].line == 4);
  CHECK(file.problems[0].message.find("PHOTO") != std::string::npos);
}

TEST_CASE("contacts text: UTF-16 LE and BE are read as UTF-8; a lone BOM is an empty file") {
  std::string utf8 = "BEGIN:VCARD\nFN:Zoë 😀\nEND:VCARD\n";
  std::string le = "\xFF\xFE", be = "\xFE\xFF";
  // Encode by hand: ASCII, ë (U+00EB) and 😀 (U+1F600, a surrogate pair).
  auto units = [](const std::string& s) {
    std::vector<std::uint32_t> out;
    for (std::size_t i = 0; i < s.size();) {
      auto c = static_cast<unsigned char>(s[i]);
      std::uint32_t cp;
      int len = c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
      cp = len == 1 ? c : len == 2 ? c & 0x1F : len == 3 ? c & 0x0F : c & 0x07;
      for (int k = 1; k < len; ++k) cp = (cp << 6) | (static_cast<unsigned char>(s[i + k]) & 0x3F);
      i += len;
      if (cp >= 0x10000) {
        out.push_back(0xD800 + ((cp - 0x10000) >> 10));
        out.push_back(0xDC00 + ((cp - 0x10000) & 0x3FF));
      } else {
        out.push_back(cp);
      }
    }
    return out;
  };
  for (auto u : units(utf8)) {
    le += static_cast<char>(u & 0xFF);
    le += static_cast<char>(u >> 8);
    be += static_cast<char>(u >> 8);
    be += static_cast<char>(u & 0xFF);
  }
  CHECK(contacts_text_as_utf8(le, "a.vcf") == utf8);
  CHECK(contacts_text_as_utf8(be, "a.vcf") == utf8);
  CHECK(contacts_text_as_utf8("\xEF\xBB\xBF" + utf8, "a.vcf") == utf8);
  CHECK_THROWS_WITH(contacts_text_as_utf8("\xEF\xBB\xBF", "a.csv"),
                    "a.csv: the file is empty (only a UTF-8 byte-order mark)");
  CHECK_THROWS_WITH(contacts_text_as_utf8("\xFF\xFE", "a.vcf"),
                    "a.vcf: the file is empty (only a UTF-16 byte-order mark)");
  CHECK_THROWS_WITH(contacts_text_as_utf8("", "a.vcf"), "a.vcf: the file is empty");
  CHECK_THROWS_WITH(contacts_text_as_utf8(std::string("\xFF\xFE\x41\x00\x00\xD8", 6), "a.vcf"),
                    "a.vcf: not UTF-16 text (a lone surrogate at byte 4)");
}

TEST_CASE("typed values: 'value (type)'") {
  CHECK(split_typed_value("+1 555 0100 (mobile)") ==
        std::pair<std::string, std::string>{"+1 555 0100", "mobile"});
  CHECK(split_typed_value("a@b.example (work, fax)") ==
        std::pair<std::string, std::string>{"a@b.example", "work, fax"});
  CHECK(split_typed_value("(555) 010-2211") ==
        std::pair<std::string, std::string>{"(555) 010-2211", ""});
  CHECK(split_typed_value("555 010 (2211)") ==
        std::pair<std::string, std::string>{"555 010 (2211)", ""});
  CHECK(typed_value("x@y.example", "") == "x@y.example");
  CHECK(typed_value("x@y.example", "home") == "x@y.example (home)");
}

TEST_CASE("vCard: ORG holds the store's name for people without an organization of their own") {
  Person insider;
  insider.name = "Ana Silva";
  insider.department = "Student Life";
  Person reporter;
  reporter.name = "Omar Haddad";
  reporter.organization = "Westbrook Gazette";
  std::string out = write_vcards({insider, reporter}, "Westbrook University");
  CHECK(out.find("ORG:Westbrook University;Student Life\r\nX-PEERS-ORG:store\r\n") !=
        std::string::npos);
  CHECK(out.find("ORG:Westbrook Gazette\r\n") != std::string::npos);
  CHECK(out.find("X-PEERS-ORG") == out.rfind("X-PEERS-ORG"));  // the insider's only
  auto file = parse_vcards(out);
  REQUIRE(file.contacts.size() == 2);
  CHECK(file.contacts[0].person.organization.empty());
  CHECK(file.contacts[0].person.department == "Student Life");
  CHECK(file.contacts[1].person.organization == "Westbrook Gazette");
}

TEST_CASE("vCard: the main email and phone keep their type, out and back") {
  std::string text =
      "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Ana Silva\r\n"
      "EMAIL;TYPE=INTERNET,HOME:ana@home.example\r\nEMAIL;TYPE=INTERNET,WORK:asilva@x.edu\r\n"
      "TEL;TYPE=CELL,PREF:+1 555 0100\r\nTEL;TYPE=WORK,VOICE:+1 555 0200\r\nEND:VCARD\r\n";
  auto file = parse_vcards(text);
  REQUIRE(file.contacts.size() == 1);
  Person p = file.contacts[0].person;
  CHECK(p.email == "ana@home.example (home)");
  CHECK(p.emails == std::vector<std::string>{"asilva@x.edu (work)"});
  CHECK(p.phone == "+1 555 0100 (mobile)");
  CHECK(p.phones == std::vector<std::string>{"+1 555 0200 (work)"});
  std::string out = write_vcards({p}, "");
  CHECK(out.find("EMAIL;TYPE=INTERNET,HOME,PREF:ana@home.example\r\n") != std::string::npos);
  CHECK(out.find("TEL;TYPE=CELL,PREF:+1 555 0100\r\n") != std::string::npos);
  auto back = parse_vcards(out);
  REQUIRE(back.contacts.size() == 1);
  CHECK(back.contacts[0].person.email == p.email);
  CHECK(back.contacts[0].person.emails == p.emails);
  CHECK(back.contacts[0].person.phone == p.phone);
  CHECK(back.contacts[0].person.phones == p.phones);
  // A work one, or one without a type, stays plain as before.
  Person plain;
  plain.name = "Bo Li";
  plain.phone = "+1 555 0300";
  plain.email = "bo@x.edu";
  std::string plain_out = write_vcards({plain}, "");
  CHECK(plain_out.find("TEL;TYPE=WORK,VOICE:+1 555 0300\r\n") != std::string::npos);
  CHECK(plain_out.find("EMAIL;TYPE=INTERNET,WORK:bo@x.edu\r\n") != std::string::npos);
}

TEST_CASE("vCard: Apple's item labels are the types, Apple's own and the user's") {
  std::string text =
      "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Ana Silva\r\n"
      "item1.TEL:+1 555 0100\r\nitem1.X-ABLabel:_$!<Mobile>!$_\r\n"
      "item2.TEL;type=pref:+1 555 0111\r\nitem2.X-ABLabel:Studio\r\n"
      "item3.EMAIL;type=INTERNET:ana@home.example\r\nitem3.X-ABLabel:_$!<Home>!$_\r\n"
      "item4.EMAIL;type=INTERNET:ana@other.example\r\nitem4.X-ABLabel:_$!<Other>!$_\r\n"
      "ITEM5.TEL;type=VOICE:+1 555 0122\r\nitem5.X-ABLabel:_$!<WorkFAX>!$_\r\n"
      "item6.URL:https://ana.example\r\nitem6.X-ABLabel:_$!<HomePage>!$_\r\n"
      "END:VCARD\r\n";
  auto file = parse_vcards(text);
  CHECK(file.problems.empty());
  REQUIRE(file.contacts.size() == 1);
  Person p = file.contacts[0].person;
  CHECK(p.phone == "+1 555 0111 (Studio)");  // the preferred one
  CHECK(p.phones == std::vector<std::string>{"+1 555 0100 (mobile)", "+1 555 0122 (work, fax)"});
  CHECK(p.email == "ana@home.example (home)");
  CHECK(p.emails == std::vector<std::string>{"ana@other.example (other)"});
  // A label vCard has no TYPE word for goes out as Apple writes it, and comes back.
  std::string out = write_vcards({p}, "");
  CHECK(out.find("item1.TEL;TYPE=VOICE,PREF:+1 555 0111\r\nitem1.X-ABLabel:Studio\r\n") !=
        std::string::npos);
  auto back = parse_vcards(out);
  REQUIRE(back.contacts.size() == 1);
  CHECK(back.contacts[0].person.phone == p.phone);
  CHECK(back.contacts[0].person.phones == p.phones);
  CHECK(back.contacts[0].person.email == p.email);
  CHECK(back.contacts[0].person.emails == p.emails);
}
