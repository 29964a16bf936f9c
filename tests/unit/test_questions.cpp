#include <doctest/doctest.h>

#include <functional>
#include <set>

#include "peers/error.hpp"
#include "peers/questions.hpp"

using namespace peers;

namespace {

constexpr Timestamp t0 = 1'800'000'000;
constexpr std::int64_t hour = 3600;
constexpr std::int64_t day = 86400;

Change at(Timestamp when, std::string note = {}) {
  return Change{when, "Sam Lee", std::move(note)};
}

Person person(std::string id, std::string status = "active", std::string forward_to = {}) {
  Person p;
  p.id = std::move(id);
  p.name = p.id;
  p.status = std::move(status);
  p.forward_to = std::move(forward_to);
  return p;
}

Question asked(Timestamp when = t0) {
  return new_question("7fk2m9qa", "When is the deadline?", "@jdoe", "twitter", {}, at(when));
}

std::string error_of(const std::function<void()>& f) {
  try {
    f();
  } catch (const Error& e) {
    return std::string(e.what()) + " | " + e.hint();
  }
  return "no error";
}

}  // namespace

TEST_CASE("question ids: 8 characters of the 32-letter alphabet, 40 bits") {
  CHECK(question_id_from_bits(0) == "00000000");
  CHECK(question_id_from_bits(31) == "0000000z");
  CHECK(question_id_from_bits((std::uint64_t{1} << 40) - 1) == "zzzzzzzz");
  CHECK(question_id_from_bits(std::uint64_t{1} << 40) == "00000000");  // only 40 bits used
  CHECK(question_id_from_bits(32) == "00000010");
  CHECK(is_question_id("7fk2m9qa"));
  CHECK_FALSE(is_question_id("7fk2m9q"));
  CHECK_FALSE(is_question_id("7fk2m9qi"));  // i, l, o, u are left out
  CHECK_FALSE(is_question_id("7FK2M9QA"));
}

TEST_CASE("question ids: a fixed seed repeats, random ones do not collide") {
  QuestionIdGenerator a(42), b(42);
  std::string first = a.next();
  CHECK(first == b.next());
  CHECK(a.next() != first);
  CHECK(is_question_id(first));

  QuestionIdGenerator random;
  std::set<std::string> seen;
  for (int i = 0; i < 2000; ++i) {
    std::string id = random.next();
    CHECK(is_question_id(id));
    seen.insert(id);
  }
  CHECK(seen.size() == 2000);
  CHECK(QuestionIdGenerator().next() != QuestionIdGenerator().next());
}

TEST_CASE("a question's life: asked, routed, answered, closed, reopened") {
  Question q = asked();
  CHECK(q.status == QuestionStatus::open);
  REQUIRE(q.history.size() == 1);
  CHECK(q.history[0].event == "asked");
  CHECK(q.history[0].by == "Sam Lee");
  CHECK(q.asked_at == t0);

  route_to(q, person("maria-lopez"), at(t0 + hour, "she runs the sessions"));
  CHECK(q.status == QuestionStatus::routed);
  CHECK(q.routed_to == "maria-lopez");
  REQUIRE(q.history.size() == 2);
  CHECK(q.history[1].event == "routed");
  CHECK(q.history[1].to == "maria-lopez");
  CHECK(q.history[1].note == "she runs the sessions");
  CHECK(first_routed_at(q) == t0 + hour);

  route_to(q, person("ana-owusu"), at(t0 + 2 * hour));  // handed on
  CHECK(q.routed_to == "ana-owusu");
  CHECK(first_routed_at(q) == t0 + hour);

  answer_question(q, "March 1", "", at(t0 + day));
  CHECK(q.status == QuestionStatus::answered);
  CHECK(q.answer == "March 1");
  CHECK(q.answered_by == "ana-owusu");  // the person it waited on
  CHECK(q.answered_at == t0 + day);
  CHECK(q.history.back().event == "answered");
  CHECK(q.history.back().by == "ana-owusu");

  close_question(q, at(t0 + 2 * day, "replied on twitter"));
  CHECK(q.status == QuestionStatus::closed);
  CHECK(q.answer == "March 1");  // closing keeps the answer
  CHECK(q.history.back().event == "closed");
  CHECK(q.history.back().note == "replied on twitter");

  reopen_question(q, at(t0 + 3 * day, "the date moved"));
  CHECK(q.status == QuestionStatus::routed);
  CHECK(q.routed_to == "ana-owusu");
  CHECK(q.answer.empty());
  CHECK(q.answered_by.empty());
  CHECK_FALSE(q.answered_at);
  CHECK(q.history.back().event == "reopened");
  CHECK(q.history.back().note == "the date moved; previous answer: March 1");
  CHECK(q.history.size() == 6);
  CHECK(last_activity(q) == t0 + 3 * day);
}

TEST_CASE("answer names who answered; reopening an unrouted question opens it") {
  Question q = asked();
  answer_question(q, "March 1", "maria-lopez", at(t0 + hour));
  CHECK(q.answered_by == "maria-lopez");
  reopen_question(q, at(t0 + 2 * hour));
  CHECK(q.status == QuestionStatus::open);
  CHECK(q.history.back().note == "previous answer: March 1");

  Question unknown = asked();
  answer_question(unknown, "March 1", "", at(t0 + hour));
  CHECK(unknown.answered_by.empty());
  CHECK(unknown.history.back().by == "Sam Lee");  // the team member, when nobody is named
}

TEST_CASE("transitions that make no sense are refused and change nothing") {
  Question answered = asked();
  answer_question(answered, "March 1", "maria-lopez", at(t0 + hour));
  Question closed = asked();
  close_question(closed, at(t0 + hour));
  Question open = asked();
  Question routed = asked();
  route_to(routed, person("maria-lopez"), at(t0 + hour));

  auto unchanged = [](const Question& before, const std::function<void(Question&)>& change) {
    Question q = before;
    CHECK_THROWS_AS(change(q), Error);
    CHECK(q.history.size() == before.history.size());
    CHECK(q.status == before.status);
    CHECK(q.routed_to == before.routed_to);
  };
  unchanged(answered, [](Question& q) { route_to(q, person("ana-owusu"), at(t0 + day)); });
  unchanged(closed, [](Question& q) { route_to(q, person("ana-owusu"), at(t0 + day)); });
  unchanged(answered, [](Question& q) { answer_question(q, "again", "", at(t0 + day)); });
  unchanged(closed, [](Question& q) { answer_question(q, "late", "", at(t0 + day)); });
  unchanged(closed, [](Question& q) { close_question(q, at(t0 + day)); });
  unchanged(open, [](Question& q) { reopen_question(q, at(t0 + day)); });
  unchanged(routed, [](Question& q) { reopen_question(q, at(t0 + day)); });
  unchanged(routed, [](Question& q) { route_to(q, person("maria-lopez"), at(t0 + day)); });
  unchanged(open, [](Question& q) { answer_question(q, "", "", at(t0 + day)); });

  Question q = asked();
  CHECK(error_of([&] { answer_question(answered, "x", "", at(t0)); }) ==
        "question 7fk2m9qa is already answered by maria-lopez | to change the answer, reopen it "
        "first: peers reopen 7fk2m9qa");
  CHECK(error_of([&] { reopen_question(q, at(t0)); }) ==
        "question 7fk2m9qa is open, not answered or closed; there is nothing to reopen | ");
}

TEST_CASE("routing to someone who left is refused and points at forward_to") {
  Question q = asked();
  CHECK(error_of([&] { route_to(q, person("kwame-asante", "left", "ana-owusu"), at(t0)); }) ==
        "kwame-asante has left; questions cannot be routed to them | they forward to ana-owusu: "
        "peers route 7fk2m9qa ana-owusu");
  CHECK(error_of([&] { route_to(q, person("lena-fischer", "left"), at(t0)); }) ==
        "lena-fischer has left; questions cannot be routed to them | 'peers route 7fk2m9qa' "
        "suggests who else to ask");
  CHECK(q.status == QuestionStatus::open);
  CHECK(q.history.size() == 1);
}

TEST_CASE("archive is due for answered and closed questions past the setting") {
  Question q = asked();
  CHECK_FALSE(due_for_archive(q, 180, t0 + 400 * day));  // open: never
  answer_question(q, "March 1", "", at(t0 + day));
  CHECK_FALSE(due_for_archive(q, 180, t0 + 180 * day));
  CHECK(due_for_archive(q, 180, t0 + 181 * day));
  CHECK(due_for_archive(q, 30, t0 + 31 * day));
  q.archived = true;
  CHECK_FALSE(due_for_archive(q, 180, t0 + 400 * day));
}

TEST_CASE("median") {
  CHECK_FALSE(median({}));
  CHECK(median({5}) == 5);
  CHECK(median({9, 1, 5}) == 5);
  CHECK(median({8 * hour, 72 * hour, 24 * hour, 48 * hour}) == 36 * hour);
}

TEST_CASE("format_duration shows two units") {
  CHECK(format_duration(45) == "45s");
  CHECK(format_duration(45 * 60) == "45m");
  CHECK(format_duration(3 * hour) == "3h");
  CHECK(format_duration(3 * hour + 20 * 60) == "3h 20m");
  CHECK(format_duration(36 * hour) == "1d 12h");
  CHECK(format_duration(17 * day) == "2w 3d");
}

TEST_CASE("stats: counts and medians, per topic, person and channel") {
  auto make = [](std::string id, std::string channel, std::vector<std::string> topics,
                 std::optional<std::int64_t> route_after, std::optional<std::int64_t> answer_after,
                 std::string person) {
    Question q = new_question(id, "q " + id, "", channel, topics, at(t0));
    if (route_after) route_to(q, ::person(person), at(t0 + *route_after));
    if (answer_after) answer_question(q, "a", person, at(t0 + *answer_after));
    return q;
  };
  std::vector<Question> qs = {
      make("a", "twitter", {"admissions"}, 2 * hour, day, "maria-lopez"),
      make("b", "instagram", {"financial-aid"}, 4 * hour, 3 * day, "ana-owusu"),
      make("c", "twitter", {}, 1 * hour, 8 * hour, "maria-lopez"),
      make("d", "email", {"admissions", "parking"}, 6 * hour, std::nullopt, "maria-lopez"),
      make("e", "", {}, std::nullopt, std::nullopt, ""),
  };
  close_question(qs[4], at(t0 + day));
  StatsReport r = question_stats(qs);
  CHECK(r.total.asked == 5);
  CHECK(r.total.answered == 3);
  CHECK(r.total.open == 0);
  CHECK(r.total.routed == 1);
  CHECK(r.total.closed == 1);
  CHECK(r.total.median_to_route == 3 * hour);  // 1h 2h 4h 6h
  CHECK(r.total.median_to_answer == day);      // 8h 1d 3d

  CHECK(r.by_person.at("maria-lopez").asked == 3);
  CHECK(r.by_person.at("maria-lopez").answered == 2);
  CHECK(r.by_person.at("maria-lopez").median_to_route == 2 * hour);
  CHECK(r.by_person.at("maria-lopez").median_to_answer == 16 * hour);
  CHECK(r.by_person.at("").asked == 1);
  CHECK_FALSE(r.by_person.at("").median_to_answer);

  CHECK(r.by_topic.at("admissions").asked == 2);
  CHECK(r.by_topic.at("parking").asked == 1);
  CHECK(r.by_topic.at("").asked == 2);
  CHECK(r.by_channel.at("twitter").asked == 2);
  CHECK(r.by_channel.at("twitter").median_to_answer == 16 * hour);
  CHECK(r.by_channel.at("").asked == 1);
}
