#pragma once
#include <array>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "peers/model.hpp"
#include "peers/node.hpp"
#include "peers/time.hpp"

namespace peers {

/// One person's part in an event's plan ("live stream", "share", "post originals").
/// Keyed by person: an event has at most one assignment per person.
struct Assignment {
  std::string person;  // a person id
  std::string role;
  std::optional<Timestamp> done_at;  // set by `peers event done`
  std::string done_by;               // who on the team marked it done
  Node extra;

  bool done() const { return done_at.has_value(); }
};

/// A coordinated moment (commencement, a milestone, a championship): one hashtag, one lead,
/// and who does what.
struct Event {
  std::string id;
  std::string name;
  Date date;
  std::optional<Date> end_date;  // last day, for events over several days
  std::string location;
  std::string hashtag;  // "#Westbrook27"
  std::string lead;     // a person id
  std::string notes;
  std::string added_by;
  std::vector<Assignment> assignments;
  Node extra;

  const Assignment* assignment_of(std::string_view person) const;
  int done_count() const;
  /// The last day of the event (end_date, else date).
  Date last_day() const { return end_date.value_or(date); }
};

enum class LeadStatus { idea, pitched, scheduled, published };
/// The name of each LeadStatus, in the enum's order (the first is the default).
inline constexpr std::array<const char*, 4> lead_status_names = {"idea", "pitched", "scheduled",
                                                                 "published"};
const char* to_string(LeadStatus status);
std::optional<LeadStatus> parse_lead_status(std::string_view text);

/// One change of a lead's status.
struct LeadChange {
  Timestamp at = 0;
  std::string status;  // the new status
  std::string by;
  Node extra;
};

/// A story idea that came from a colleague.
struct Lead {
  std::string id;     // random, like question ids
  std::string title;
  std::string from;   // a person id: who gave the lead
  std::vector<std::string> topics;
  std::string notes;
  LeadStatus status = LeadStatus::idea;
  std::string link;   // where the story was published
  std::string added_by;
  std::optional<Timestamp> added_at;
  std::vector<LeadChange> history;
  Node extra;
};

Event event_from_node(const Node& node, std::string id, const std::string& file);
Node event_to_node(const Event& event);
Lead lead_from_node(const Node& node, std::string id, const std::string& file);
Node lead_to_node(const Lead& lead);

/// "#Westbrook27" from "#Westbrook27" or "Westbrook27"; refused (exit_usage) unless it is
/// one word of letters, digits and '_'.
std::string normalize_hashtag(std::string_view text);
/// Hashtags are the same when they differ only in case ("#westbrook27" = "#Westbrook27").
bool same_hashtag(std::string_view a, std::string_view b);

/// Gives `person` the `role`, or changes their role when they already have one (which also
/// clears its done mark). Returns false when they already had exactly this role.
bool assign_role(Event& event, const std::string& person, const std::string& role);
/// Takes the person's role away. Refused when they have none.
void unassign_role(Event& event, const std::string& person);
/// Marks the person's part done. Refused when they have no role in the event or it is done.
void mark_done(Event& event, const std::string& person, Timestamp at, const std::string& by);
/// Clears the done mark. Refused when they have no role in the event or it is not done.
void mark_not_done(Event& event, const std::string& person);

/// A new lead, status idea, with one history entry.
Lead new_lead(std::string id, std::string title, std::string from,
              std::vector<std::string> topics, std::string notes, Timestamp at,
              std::string by);
/// Changes the status and adds a history entry; false (and nothing changed) when it already
/// has that status.
bool set_lead_status(Lead& lead, LeadStatus status, Timestamp at, const std::string& by);
/// Refused (exit_usage) unless it is an http:// or https:// URL without spaces.
void validate_link(std::string_view url);


/// What an iCalendar file needs besides the event.
struct CalendarOptions {
  Timestamp stamp = 0;      // DTSTAMP: when the file was made
  std::string uid_domain;   // the right side of UID: "<event id>@<uid_domain>"
  std::string description;  // DESCRIPTION text (unescaped)
};
/// The event as an RFC 5545 iCalendar object: CRLF line ends, lines folded at 75 octets, text
/// escaped. An all-day event (DTSTART/DTEND as dates).
std::string event_to_icalendar(const Event& event, const CalendarOptions& options);
/// RFC 5545 TEXT escaping: backslash, ';', ',' and newlines.
std::string icalendar_escape(std::string_view text);
/// One content line folded at 75 octets (never inside a UTF-8 character), each physical line
/// ending in CRLF.
std::string icalendar_fold(std::string_view line);

}  // namespace peers
