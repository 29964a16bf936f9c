#include <doctest/doctest.h>

#include "output.hpp"

using json = nlohmann::ordered_json;
using peers::cli::json_array_text;
using peers::cli::json_text;

TEST_CASE("json_array_text writes what json_text writes of the whole array") {
  auto one_at_a_time = [](const json& array) {
    return json_array_text(array.size(), [&](std::size_t i) { return array[i]; });
  };
  json empty = json::array();
  CHECK(one_at_a_time(empty) == json_text(empty));
  json people = json::array();
  people.push_back({{"id", "maria-lopez"},
                    {"name", "María López"},
                    {"emails", json::array({"m@example.org", "maria@example.org"})},
                    {"tags", json::array()},
                    {"away", nullptr},
                    {"log", json::array({{{"date", "2026-01-02"}, {"note", "line\nbreak"}}})},
                    {"extra", json::object()}});
  people.push_back({{"id", "x"}, {"name", "right\u202eto-left \x7f and \u0007"}});
  people.push_back(42);
  CHECK(one_at_a_time(people) == json_text(people));
  json single = json::array({json::object()});
  CHECK(one_at_a_time(single) == json_text(single));
}
