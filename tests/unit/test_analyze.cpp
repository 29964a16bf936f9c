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

TEST_CASE("analyze splits words at Latin-1 and general punctuation, not at other letters") {
  auto words = [](std::initializer_list<const char*> list) {
    std::vector<std::string> out;
    for (const char* w : list) out.push_back(stem(w));
    return out;
  };
  CHECK(stems("fee\u00A0waiver") == words({"fee", "waiver"}));          // no-break space
  CHECK(stems("\u00ABtuition\u00BB visa\u00D7form") == words({"tuition", "visa", "form"}));
  CHECK(stems("deadline\u2014today\u2026lab\u2070fee") == words({"deadline", "today", "lab", "fee"}));
  CHECK(stems("na\u00EFve caf\u00E9 \u00DCber") == words({"naive", "cafe", "uber"}));
  CHECK(stems("\u4E2D\u6587 \u0430\u0431") == words({"\u4E2D\u6587", "\u0430\u0431"}));
}
