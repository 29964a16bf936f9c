// iCalendar (RFC 5545) output of an event, for `peers event export`.
#include <fmt/format.h>

#include "peers/events.hpp"
#include "peers/text.hpp"

namespace peers {

std::string icalendar_escape(std::string_view text) {
  std::string out;
  for (char c : text) {
    switch (c) {
      case '\\': out += "\\\\"; break;
      case ';': out += "\\;"; break;
      case ',': out += "\\,"; break;
      case '\n': out += "\\n"; break;
      case '\r': break;
      default: out += c;
    }
  }
  return out;
}

std::string icalendar_fold(std::string_view line) {
  constexpr std::size_t limit = 75;  // octets per physical line, CRLF not counted
  std::string out;
  std::size_t room = limit;
  while (line.size() > room) {
    std::size_t cut = room;
    while (cut > 0 && (static_cast<unsigned char>(line[cut]) & 0xC0) == 0x80) --cut;
    out.append(line.substr(0, cut));
    out += "\r\n ";
    line.remove_prefix(cut);
    room = limit - 1;  // the leading space counts
  }
  out.append(line);
  out += "\r\n";
  return out;
}

std::string event_to_icalendar(const Event& event, const CalendarOptions& options) {
  auto compact_date = [](const Date& d) { return fmt::format("{:04}{:02}{:02}", d.year, d.month, d.day); };
  std::string stamp = format_timestamp(options.stamp);  // 2026-11-27T12:00:00Z
  std::erase(stamp, '-');
  std::erase(stamp, ':');
  Date end = Date::from_days(event.last_day().days_since_epoch() + 1);  // DTEND is exclusive

  std::string out;
  auto line = [&](const std::string& text) { out += icalendar_fold(text); };
  line("BEGIN:VCALENDAR");
  line("VERSION:2.0");
  line("PRODID:-//peers//peers events//EN");
  line("CALSCALE:GREGORIAN");
  line("METHOD:PUBLISH");
  line("BEGIN:VEVENT");
  line(fmt::format("UID:{}@{}", event.id, options.uid_domain.empty() ? "peers" : options.uid_domain));
  line("DTSTAMP:" + stamp);
  line("DTSTART;VALUE=DATE:" + compact_date(event.date));
  line("DTEND;VALUE=DATE:" + compact_date(end));
  line("SUMMARY:" + icalendar_escape(event.name));
  if (!event.location.empty()) line("LOCATION:" + icalendar_escape(event.location));
  if (!options.description.empty()) line("DESCRIPTION:" + icalendar_escape(options.description));
  if (!event.hashtag.empty()) line("CATEGORIES:" + icalendar_escape(event.hashtag));
  line("TRANSP:TRANSPARENT");
  line("END:VEVENT");
  line("END:VCALENDAR");
  return out;
}
}  // namespace peers
