#include <doctest/doctest.h>

#include "peers/analyze.hpp"

using namespace peers;

TEST_CASE("analyze folds case and accents, drops stop words and apostrophes") {
  CHECK(stems("Wen is the FAFSA due??") == std::vector<std::string>{"fafsa", "due"});
  CHECK(stems("Where's my Résumé review") == std::vector<std::string>{"resum", "review"});
  CHECK(stems("the shuttle isn't running") == std::vector<std::string>{"shuttl", "run"});
  CHECK(stems("“Parking” — visitors…") == std::vector<std::string>{"park", "visitor"});
}

TEST_CASE("a word in capitals is kept even when it is a stop word in lowercase") {
  CHECK(stems("IT help desk") == std::vector<std::string>{"it", "desk"});
  CHECK(stems("it is broken") == std::vector<std::string>{"broken"});
}

TEST_CASE("chat spellings are expanded") {
  CHECK(stems("student tix pls") == stems("student tickets"));
}

TEST_CASE("words written together with - or / are marked as joined") {
  auto words = analyze("work-study and add/drop");
  REQUIRE(words.size() == 4);
  CHECK_FALSE(words[0].joined);
  CHECK(words[1].joined);
  CHECK_FALSE(words[2].joined);
  CHECK(words[3].joined);
  CHECK(words[1].surface == "study");
}

TEST_CASE("Snowball stemming brings word forms together") {
  CHECK(stem("parking") == stem("park"));
  CHECK(stem("parked") == stem("parks"));
  CHECK(stem("classes") == stem("class"));
  CHECK(stem("scholarships") == stem("scholarship"));
  CHECK(stem("deadlines") == stem("deadline"));
  CHECK(stem("activities") == stem("activity"));
  CHECK(stem("running") == "run");  // Snowball English
  CHECK(stem("generously") == stem("generous"));
  CHECK(stem("shopping") == stem("shop"));
  CHECK(stem("campus") == "campus");
  CHECK(stem("1098") == "1098");
}

TEST_CASE("longer words may carry more typos") {
  CHECK(allowed_typos(3) == 0);
  CHECK(allowed_typos(5) == 1);
  CHECK(allowed_typos(9) == 2);
}
