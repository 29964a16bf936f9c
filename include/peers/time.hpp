#pragma once
#include <compare>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace peers {

/// Seconds since 1970-01-01T00:00:00Z.
using Timestamp = std::int64_t;

/// A calendar date (YYYY-MM-DD), as written in records.
struct Date {
  int year = 1970;
  int month = 1;
  int day = 1;

  static std::optional<Date> parse(std::string_view text);
  static Date from_days(std::int64_t days_since_epoch);
  std::int64_t days_since_epoch() const;
  std::string str() const;
  auto operator<=>(const Date&) const = default;
};

/// RFC 3339 ("2026-11-20T14:03:00Z", or with an offset such as "+01:00").
std::optional<Timestamp> parse_timestamp(std::string_view text);
/// RFC 3339 in UTC: "2026-11-20T14:03:00Z".
std::string format_timestamp(Timestamp t);
/// Local time for people to read: "2026-11-20 09:03".
std::string format_local_time(Timestamp t);
/// The UTC date of a timestamp.
Date utc_date(Timestamp t);
/// The local date of a timestamp.
Date local_date(Timestamp t);
/// A short age: "45s", "12m", "3h", "2d", "6w".
std::string format_age(std::int64_t seconds);
/// "90m", "3h", "2d", "1w" -> seconds.
std::optional<std::int64_t> parse_duration(std::string_view text);

}  // namespace peers
