#include <doctest/doctest.h>

#include "peers/time.hpp"

using namespace peers;

TEST_CASE("dates parse strictly and round-trip") {
  CHECK(Date::parse("2026-11-20")->str() == "2026-11-20");
  CHECK(Date::parse("2024-02-29"));
  CHECK_FALSE(Date::parse("2026-02-29"));
  CHECK_FALSE(Date::parse("2026-13-01"));
  CHECK_FALSE(Date::parse("2026-1-01"));
  CHECK_FALSE(Date::parse("20261120"));
  CHECK_FALSE(Date::parse("2026-11-20x"));
  Date d = *Date::parse("2000-03-01");
  CHECK(Date::from_days(d.days_since_epoch()) == d);
  CHECK(Date::parse("1970-01-01")->days_since_epoch() == 0);
}

TEST_CASE("RFC 3339 times: UTC and offsets") {
  CHECK(parse_timestamp("1970-01-01T00:00:00Z") == 0);
  CHECK(parse_timestamp("2026-11-20T14:03:00Z") == parse_timestamp("2026-11-20T15:03:00+01:00"));
  CHECK(format_timestamp(*parse_timestamp("2026-11-20T14:03:00.250Z")) == "2026-11-20T14:03:00Z");
  CHECK_FALSE(parse_timestamp("2026-11-20 14:03"));
  CHECK_FALSE(parse_timestamp("2026-11-20T25:03:00Z"));
  CHECK(utc_date(*parse_timestamp("2026-11-20T23:59:59Z")).str() == "2026-11-20");
}

TEST_CASE("ages and durations") {
  CHECK(format_age(30) == "30s");
  CHECK(format_age(3 * 3600 + 5) == "3h");
  CHECK(format_age(2 * 86400) == "2d");
  CHECK(format_age(30 * 86400) == "4w");
  CHECK(parse_duration("2d") == 2 * 86400);
  CHECK(parse_duration("90m") == 90 * 60);
  CHECK_FALSE(parse_duration("2x"));
  CHECK_FALSE(parse_duration("d"));
}
