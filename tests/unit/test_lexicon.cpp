#include <doctest/doctest.h>

#include <algorithm>

#include "../../src/core/routing/lexicon.hpp"

using namespace peers::routing;

namespace {

int distance_of(const std::vector<Related>& related, std::string_view word) {
  auto it = std::find_if(related.begin(), related.end(), [&](const Related& r) { return r.word == word; });
  return it == related.end() ? -1 : it->distance;
}

}  // namespace

TEST_CASE("WordNet knows English words in any inflection, and not misspellings") {
  Lexicon english;
  CHECK(english.in_wordnet("cake"));
  CHECK(english.in_wordnet("grandmas"));
  CHECK(english.in_wordnet("bouquets"));
  CHECK(english.in_wordnet("parked"));
  CHECK_FALSE(english.in_wordnet("ptohole"));
  CHECK_FALSE(english.in_wordnet("fafsa"));
}

TEST_CASE("WordNet gives synonyms and broader terms, nearest first") {
  Lexicon english;
  auto mom = english.related("mom");
  CHECK(distance_of(mom, "mother") == 1);
  CHECK(distance_of(mom, "parent") == 1);
  auto car = english.related("car");
  CHECK(distance_of(car, "automobile") == 0);
  CHECK(std::is_sorted(car.begin(), car.end(),
                       [](const Related& a, const Related& b) { return a.distance < b.distance; }));
  CHECK(english.related("ptohole").empty());
}

TEST_CASE("Hunspell tells real words from misspellings, and suggests corrections") {
  Lexicon english;
  CHECK(english.spelled_right("far"));
  CHECK(english.spelled_right("grandmas"));
  CHECK_FALSE(english.spelled_right("ptohole"));
  auto guesses = english.corrections("ptohole");
  CHECK(std::find(guesses.begin(), guesses.end(), "pothole") != guesses.end());
}

TEST_CASE("without the dictionaries, nothing is known and nothing breaks") {
  Lexicon none({"/nonexistent/wordnet", "/nonexistent/en_US"});
  CHECK_FALSE(none.in_wordnet("cake"));
  CHECK(none.related("cake").empty());
  CHECK_FALSE(none.spelled_right("far"));
  CHECK(none.corrections("ptohole").empty());
}
