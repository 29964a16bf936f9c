#include <doctest/doctest.h>

#include "peers/query.hpp"

using namespace peers;

TEST_CASE("topics are found by id, name or alias, ignoring case, accents and punctuation") {
  std::vector<Topic> topics(2);
  topics[0].id = "financial-aid";
  topics[0].name = "Financial aid";
  topics[0].aliases = {"FAFSA", "work-study"};
  topics[1].id = "admissions";
  topics[1].name = "Admissions";
  CHECK(find_topic(topics, "financial aid") == &topics[0]);
  CHECK(find_topic(topics, "FINANCIAL-AID") == &topics[0]);
  CHECK(find_topic(topics, "fafsa") == &topics[0]);
  CHECK(find_topic(topics, "Work Study") == &topics[0]);
  CHECK(find_topic(topics, "Admissíons") == &topics[1]);
  CHECK(find_topic(topics, "parking") == nullptr);

  Person p;
  p.expertise = {"FAFSA"};
  p.department = "Student Financial Services";
  p.tags = {"Orientation"};
  CHECK(knows_topic(p, topics[0]));
  CHECK_FALSE(knows_topic(p, topics[1]));
  PeopleFilter f;
  f.topic = "financial aid";
  f.department = "financial";
  f.tag = "orientation";
  CHECK(matches(p, f, topics));
  f.tag = "other";
  CHECK_FALSE(matches(p, f, topics));
}
