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
  CHECK(matches(p, f, TopicIndex(topics)));
  f.tag = "other";
  CHECK_FALSE(matches(p, f, TopicIndex(topics)));
}

TEST_CASE("a topic index gives find_topic's and knows_topic's answers, folding each name once") {
  std::vector<Topic> topics(3);
  topics[0].id = "financial-aid";
  topics[0].name = "Financial aid";
  topics[0].aliases = {"FAFSA", "Aid"};
  topics[1].id = "aid";  // "aid" names both: find_topic gives the first, knows_topic both
  topics[1].name = "Aid";
  topics[2].id = "parking";
  topics[2].name = "Parking";
  TopicIndex index(topics);
  for (const char* text : {"financial aid", "FAFSA", "aid", "Parking", "parkíng", "housing", ""})
    CHECK(index.find(text) == find_topic(topics, text));

  std::vector<Person> people(4);
  people[0].expertise = {"fafsa", "Financial Aid"};  // one topic named twice: counted once
  people[1].expertise = {"AID", "free text"};
  people[2].expertise = {"parking"};
  people[2].status = "left";
  people[3].expertise = {"Parking"};
  for (const auto& p : people)
    for (const auto& t : topics) CHECK(index.knows(p, t) == knows_topic(p, t));
  CHECK(index.people_per_topic(people, false) == std::vector<int>{2, 1, 1});
  CHECK(index.people_per_topic(people, true) == std::vector<int>{2, 1, 2});
}
