#include <doctest/doctest.h>

#include <cstdlib>

#include "peers/error.hpp"
#include "peers/inbox.hpp"
#include "peers/questions.hpp"

using namespace peers;

namespace {
InboxFile read_csv(const std::string& text, std::vector<ColumnMapping> maps = {},
                   std::string preset = {}) {
  return read_inbox(inbox_table_from_csv(text), maps, preset, "inbox.csv");
}
}  // namespace

TEST_CASE("parse_inbox_time: RFC 3339, Graph API offsets, local times, US dates, Unix times") {
  setenv("TZ", "UTC", 1);
  const Timestamp t = 1795769100;  // 2026-11-27T08:45:00Z
  CHECK(parse_inbox_time("2026-11-27T08:45:00Z") == t);
  CHECK(parse_inbox_time("2026-11-27T09:45:00+01:00") == t);
  CHECK(parse_inbox_time("2026-11-27T08:45:00+0000") == t);
  CHECK(parse_inbox_time("2026-11-27 08:45:00") == t);
  CHECK(parse_inbox_time("2026-11-27 08:45") == t);
  CHECK(parse_inbox_time("2026-11-27T08:45:00.250") == t);
  CHECK(parse_inbox_time("11/27/2026 8:45 AM") == t);
  CHECK(parse_inbox_time("11/27/2026 8:45 PM") == t + 12 * 3600);
  CHECK(parse_inbox_time("11/27/2026 12:05 AM") == t - 8 * 3600 - 40 * 60);
  CHECK(parse_inbox_time(" 1795769100 ") == t);
  CHECK(parse_inbox_time("1795769100000") == t);
  CHECK_FALSE(parse_inbox_time("yesterday morning"));
  CHECK_FALSE(parse_inbox_time("2026-13-27 08:45"));
  CHECK_FALSE(parse_inbox_time("11/27/2026 13:05 PM"));
  CHECK_FALSE(parse_inbox_time("42"));
}

TEST_CASE("not_a_question: thanks, emoji only and spam are plain; anything else may be a question") {
  CHECK(not_a_question("Thank you so much!! 🎉") == "thanks");
  CHECK(not_a_question("ok thanks") == "thanks");
  CHECK(not_a_question("love this!!") == "thanks");
  CHECK(not_a_question("🔥🔥🔥") == "emoji only");
  CHECK(not_a_question("!!! 👏 ...") == "emoji only");
  CHECK(not_a_question("Get FREE followers now!! check my bio") == "spam");
  CHECK(not_a_question("Thanks! When is the deadline?") == std::nullopt);
  CHECK(not_a_question("thanks, do you know when the dorms open") == std::nullopt);
  CHECK(not_a_question("I need my transcript sent to another school") == std::nullopt);
  CHECK(not_a_question("Is there a marching band?") == std::nullopt);
  CHECK(not_a_question("Great news about the stadium renovation, when does it reopen") ==
        std::nullopt);
  CHECK(not_a_question("2026") == std::nullopt);  // digits are words
}

TEST_CASE("message_key and triage_question_id: the same message always gives the same id") {
  InboxMessage a;
  a.message_id = "m-1";
  a.channel = "twitter";
  a.text = "When is the deadline?";
  InboxMessage b = a;
  b.text = "edited text, same message";
  CHECK(triage_question_id(a) == triage_question_id(b));
  CHECK(is_question_id(triage_question_id(a)));
  b.channel = "facebook";  // another network's m-1
  CHECK(triage_question_id(a) != triage_question_id(b));
  CHECK(triage_question_id(a, 1) != triage_question_id(a));

  InboxMessage c;
  c.from = "@Amy";
  c.sent_at = 100;
  c.text = "When is  the\ndeadline?";
  InboxMessage d = c;
  d.from = "@amy";
  d.text = "when is the deadline?";
  CHECK(message_key(c) == message_key(d));
  d.sent_at = 101;
  CHECK(message_key(c) != message_key(d));
}

TEST_CASE("read_inbox: a preset is told from the header; its columns come before generic ones") {
  auto file = read_csv(
      "Message ID,Medium,Channel,Contact Primary Identifier,Direction,Message,Created at\n"
      "m-1,TWITTER,1234,@amy,INBOUND,When is the deadline?,2026-11-27T08:45:00Z\n"
      "m-2,TWITTER,1234,@us,OUTBOUND,We're checking,2026-11-27T08:46:00Z\n"
      "m-3,TWITTER,1234,@bo,INBOUND,,2026-11-27T08:47:00Z\n"
      "m-4,TWITTER,1234,@cy,INBOUND,Parking?,last week\n");
  CHECK(file.preset == "hootsuite");
  REQUIRE(file.messages.size() == 1);
  const InboxMessage& m = file.messages[0];
  CHECK(m.line == 2);
  CHECK(m.message_id == "m-1");
  CHECK(m.channel == "twitter");  // Medium, not the Channel column
  CHECK(m.from == "@amy");
  CHECK(m.text == "When is the deadline?");
  CHECK(m.sent_at == 1795769100);
  REQUIRE(file.outgoing.size() == 1);
  CHECK(file.outgoing[0].message.line == 3);
  REQUIRE(file.problems.size() == 2);
  CHECK(file.problems[0].line == 4);
  CHECK(file.problems[0].message == "no message text");
  CHECK(file.problems[1].line == 5);
  CHECK(file.problems[1].message == "cannot read the time 'last week'");
}

TEST_CASE("read_inbox: --map names columns; a missing text column names the columns found") {
  std::string text = "Posted,Author,Words\n2026-11-27 11:00,rosa,Can I defer?\n";
  try {
    read_csv(text);
    FAIL("no error");
  } catch (const Error& e) {
    CHECK(std::string(e.what()) ==
          "found no column with the message text; the columns are: 'Posted', 'Author', 'Words'");
    CHECK(e.where().file == "inbox.csv");
  }
  auto file = read_csv(text, {{"Words", "text"}, {"author", "from"}, {"1", "time"}});
  REQUIRE(file.messages.size() == 1);
  CHECK(file.messages[0].from == "rosa");
  CHECK(file.messages[0].sent_at.has_value());
  CHECK_THROWS_WITH_AS(read_csv(text, {{"Words", "txt"}}), "--map: unknown field 'txt'", Error);
  CHECK_THROWS_WITH_AS(read_csv(text, {{"Nope", "text"}}), "--map: inbox.csv has no column 'Nope'",
                       Error);
  CHECK_THROWS_AS(read_csv(text, {}, "nope"), Error);
  // A mapping takes its column from the field that had it.
  auto plain = read_csv("Message,Note\nhello there?,x\n", {{"Message", "ignore"}, {"Note", "text"}});
  REQUIRE(plain.messages.size() == 1);
  CHECK(plain.messages[0].text == "x");
}

TEST_CASE("read_inbox_lines: one message per line, blank lines skipped, bad ones reported") {
  auto file = read_inbox_lines("\xEF\xBB\xBFWhen is the deadline?\r\n\n  Parking?  \nbad \x1b[31m\n");
  REQUIRE(file.messages.size() == 2);
  CHECK(file.messages[0].text == "When is the deadline?");
  CHECK(file.messages[1].line == 3);
  CHECK(file.messages[1].text == "Parking?");
  REQUIRE(file.problems.size() == 1);
  CHECK(file.problems[0].line == 4);
}

TEST_CASE("read_inbox: the Sparkcentral preset reads the Hootsuite Inbox export by the same columns") {
  const std::string csv =
      "Message ID,Medium,Contact Primary Identifier,Direction,Message Text,Sent at\n"
      "m-1,FACEBOOK,Amy Ng,INBOUND,Is the library open?,2026-11-27T08:45:00Z\n";
  auto hootsuite = read_csv(csv, {}, "hootsuite");
  auto sparkcentral = read_csv(csv, {}, "sparkcentral");
  REQUIRE(sparkcentral.messages.size() == 1);
  CHECK(sparkcentral.preset == "sparkcentral");
  const InboxMessage& m = sparkcentral.messages[0];
  CHECK(m.message_id == "m-1");
  CHECK(m.channel == "facebook");
  CHECK(m.from == "Amy Ng");
  CHECK(m.text == "Is the library open?");
  CHECK(m.sent_at == 1795769100);
  REQUIRE(hootsuite.messages.size() == 1);
  CHECK(hootsuite.messages[0].text == m.text);
  CHECK(hootsuite.messages[0].from == m.from);
}
