#pragma once
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "peers/contacts.hpp"
#include "peers/time.hpp"

namespace peers {

// Reading a social inbox export (Hootsuite Inbox, Sparkcentral, Sprout Social, Meta Business
// Suite, or any CSV with a header row) into messages for `peers triage`.

/// One message of an export, with the line (or item) it was read from.
struct InboxMessage {
  int line = 0;
  std::string message_id;  // the export's id for the message; "" when it has none
  std::string text;
  std::string from;
  std::string channel;
  std::optional<Timestamp> sent_at;  // when the file says
};

/// A row that could not be used, and why.
struct InboxProblem {
  int line = 0;
  std::string message;
};

/// A message left out because it is not for anyone to answer.
struct LeftOut {
  InboxMessage message;
  std::string why;  // "thanks", "emoji only", "spam", "sent by your team"
};

struct InboxFile {
  std::vector<InboxMessage> messages;
  std::vector<InboxProblem> problems;
  std::vector<LeftOut> outgoing;  // rows whose direction column says the team sent them
  std::string preset;             // the preset whose columns were found, or "" (--map / generic)
};

/// A table read from an export: header names and rows of cells (JSON exports are turned into
/// one by the CLI; CSV by inbox_table_from_csv).
struct InboxTable {
  std::vector<std::string> header;
  std::vector<CsvRow> rows;
  std::vector<InboxProblem> problems;
};

/// The fields a column can be read as: text, from, channel, time, id, direction, ignore.
const std::vector<std::string>& inbox_fields();

/// A known export layout: which header names it uses for each field.
struct InboxPreset {
  std::string name;   // "hootsuite", "sprout", "sparkcentral", "meta"
  std::string title;  // "Hootsuite Inbox"
  std::vector<std::pair<std::string, std::vector<std::string>>> columns;  // field -> headers
};
const std::vector<InboxPreset>& inbox_presets();

/// The rows of a CSV export with its header row (the first non-empty line).
InboxTable inbox_table_from_csv(std::string_view text);

/// Messages from a table. Columns are found by header name: `preset` ("" = the first preset
/// whose text column is there, else generic names such as Message, Text, Body), then
/// `mappings` (--map "Header=field") on top. Throws an Error naming the columns found when no
/// column holds the text, or when a mapping names an unknown column or field. Rows without
/// text, or with a time that cannot be read, are problems.
/// `display` names the file in errors.
InboxFile read_inbox(const InboxTable& table, const std::vector<ColumnMapping>& mappings,
                     std::string_view preset, const std::string& display);

/// Messages from plain text: one per non-empty line.
InboxFile read_inbox_lines(std::string_view text);

/// An export's time: RFC 3339, "2026-11-20 14:03[:00]" (local time), "11/20/2026 2:03 PM"
/// (local, month first), Graph API "2026-11-20T14:03:00+0000", or Unix seconds or milliseconds.
std::optional<Timestamp> parse_inbox_time(std::string_view text);

/// Why a message is plainly not a question for anyone: "thanks", "emoji only" or "spam";
/// nothing when it may be one (the benefit of the doubt goes to the follower).
std::optional<std::string> not_a_question(std::string_view text);

/// What makes a message the same one again: its id (with the channel), else sender, time and
/// text (spaces and case aside).
std::string message_key(const InboxMessage& message);
/// The question id a message is recorded under: made from message_key, so the same message
/// always gets the same id and a second run finds it already recorded. `attempt` > 0 gives
/// another id (for the rare one that is taken by something else).
std::string triage_question_id(const InboxMessage& message, int attempt = 0);

}  // namespace peers
