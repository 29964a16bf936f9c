#pragma once
#include <string>
#include <string_view>
#include <vector>

#include "peers/contacts.hpp"
#include "peers/inbox.hpp"

namespace peers::cli {

/// How an inbox file is read: "csv", "json" (an array of objects, an object holding one under
/// "messages", "data" or "items", or one object per line) or "lines" (one message per line);
/// "" tells from the text.
std::string detect_inbox_format(std::string_view text, bool has_mappings);

/// The format a file's name tells: .csv/.tsv -> "csv", .json/.jsonl/.ndjson -> "json",
/// .txt -> "lines"; "" for any other (then detect_inbox_format reads the text).
std::string inbox_format_for_name(const std::string& name);

/// The messages of an export in `format` (see detect_inbox_format). `display` names the file
/// in messages. Throws an Error when the file cannot be read as that format at all.
InboxFile read_inbox_text(std::string_view text, const std::string& format,
                          const std::vector<ColumnMapping>& mappings, std::string_view preset,
                          const std::string& display);

}  // namespace peers::cli
