#include "peers/inbox.hpp"

#include <algorithm>
#include <array>
#include <cstdint>
#include <ctime>
#include <map>

#include <fmt/format.h>
#include <utf8proc.h>

#include "peers/error.hpp"
#include "peers/questions.hpp"
#include "peers/text.hpp"

namespace peers {
namespace {

using Names = std::vector<std::string>;

/// Header names any export may use, after the preset's own (compared as name_key does).
const std::vector<std::pair<std::string, Names>>& generic_columns() {
  static const std::vector<std::pair<std::string, Names>> columns = {
      {"text", {"text", "message", "message text", "body", "content", "comment", "post", "tweet"}},
      {"id", {"id", "message id", "guid", "post id", "comment id", "tweet id", "mid"}},
      {"from", {"from", "sender", "sender name", "author", "user", "username", "handle", "name",
                "contact"}},
      {"channel", {"channel", "network", "medium", "platform", "source", "social network"}},
      {"time", {"time", "date", "timestamp", "created", "created at", "created time", "sent at",
                "received at", "date time"}},
      {"direction", {"direction"}},
  };
  return columns;
}

std::string quoted_list(const std::vector<std::string>& names) {
  std::vector<std::string> quoted;
  for (const auto& n : names) quoted.push_back("'" + n + "'");
  return quoted.empty() ? "(none)" : join(quoted, ", ");
}

const InboxPreset* find_preset(std::string_view name) {
  for (const auto& p : inbox_presets())
    if (p.name == name) return &p;
  return nullptr;
}

/// The columns a preset names that are in the header (by field), counting the fields found.
int preset_fit(const InboxPreset& preset, const std::vector<std::string>& keys) {
  int found = 0;
  bool text = false;
  for (const auto& [field, names] : preset.columns) {
    bool here = std::any_of(names.begin(), names.end(), [&](const std::string& n) {
      return std::find(keys.begin(), keys.end(), name_key(n)) != keys.end();
    });
    found += here;
    text = text || (here && field == "text");
  }
  return text ? found : 0;
}

bool is_number(std::string_view s) {
  return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

bool is_outgoing(std::string_view direction) {
  std::string d = to_lower_ascii(trim(direction));
  return d.starts_with("out") || d == "sent" || d == "agent";
}

std::optional<Timestamp> local_time(int year, int month, int day, int hour, int minute,
                                    int second) {
  if (month < 1 || month > 12 || day < 1 || day > 31 || hour > 23 || minute > 59 || second > 60)
    return std::nullopt;
  std::tm tm{};
  tm.tm_year = year - 1900;
  tm.tm_mon = month - 1;
  tm.tm_mday = day;
  tm.tm_hour = hour;
  tm.tm_min = minute;
  tm.tm_sec = second;
  tm.tm_isdst = -1;
  std::time_t t = std::mktime(&tm);
  if (t == static_cast<std::time_t>(-1)) return std::nullopt;
  return static_cast<Timestamp>(t);
}

/// Reads up to `count` numbers separated by any of `separators`; the rest is left in `in`.
std::vector<int> take_numbers(std::string_view& in, std::string_view separators, std::size_t count) {
  std::vector<int> out;
  while (out.size() < count && !in.empty() && in[0] >= '0' && in[0] <= '9') {
    int n = 0;
    std::size_t i = 0;
    while (i < in.size() && i < 5 && in[i] >= '0' && in[i] <= '9') n = n * 10 + (in[i++] - '0');
    out.push_back(n);
    in.remove_prefix(i);
    if (out.size() < count && !in.empty() && separators.find(in[0]) != std::string_view::npos)
      in.remove_prefix(1);
    else
      break;
  }
  return out;
}

/// Text with runs of white space made one space, casefolded: how message texts are compared.
std::string text_key(std::string_view text) {
  return folded_words(text, [](char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; });
}

bool has_letter_or_digit(std::string_view text) {
  bool found = false;
  for_each_code_point(text, [&](std::size_t, std::size_t, std::optional<char32_t> cp) {
    if (!cp) {
      found = true;  // not UTF-8: not ours to judge
      return false;
    }
    switch (utf8proc_category(static_cast<utf8proc_int32_t>(*cp))) {
      case UTF8PROC_CATEGORY_LU: case UTF8PROC_CATEGORY_LL: case UTF8PROC_CATEGORY_LT:
      case UTF8PROC_CATEGORY_LM: case UTF8PROC_CATEGORY_LO: case UTF8PROC_CATEGORY_ND:
      case UTF8PROC_CATEGORY_NL: case UTF8PROC_CATEGORY_NO:
        found = true;
        return false;
      default:
        return true;
    }
  });
  return found;
}

}  // namespace

const std::vector<std::string>& inbox_fields() {
  static const std::vector<std::string> fields = {"text",    "from",      "channel", "time",
                                                  "id",      "direction", "ignore"};
  return fields;
}

const std::vector<InboxPreset>& inbox_presets() {
  // Hootsuite Inbox 2.0 and Sparkcentral share one export (Sparkcentral became Hootsuite
  // Inbox 2.0); their documented headers include Conversation ID, Medium, Channel, Contact
  // Primary Identifier and Created at. The message-level names (Message ID, Message,
  // Direction) and the Sprout Social names are our best reading; see docs/format.md.
  static const std::vector<InboxPreset> presets = [] {
    const std::vector<std::pair<std::string, std::vector<std::string>>> hootsuite_export = {
        {"text", {"Message", "Message Text", "Content", "Text"}},
        {"id", {"Message ID"}},
        {"from", {"Contact Primary Identifier", "Contact Secondary Identifier", "Author"}},
        {"channel", {"Medium"}},
        {"time", {"Created at", "Sent at"}},
        {"direction", {"Direction"}}};
    return std::vector<InboxPreset>{
        {"hootsuite", "Hootsuite Inbox / Sparkcentral", hootsuite_export},
        {"sparkcentral", "Sparkcentral", hootsuite_export},
        {"sprout", "Sprout Social",
         {{"text", {"Message"}},
          {"id", {"Message ID", "GUID", "Permalink", "Link"}},
          {"from", {"From", "Sender", "Contact"}},
          {"channel", {"Network"}},
          {"time", {"Timestamp", "Date"}},
          {"direction", {"Direction"}}}},
        {"meta", "Meta Business Suite",
         {{"text", {"content", "message"}},
          {"id", {"id", "mid"}},
          {"from", {"sender_name", "from.name", "from"}},
          {"channel", {"platform"}},
          {"time", {"timestamp_ms", "created_time"}}}},
    };
  }();
  return presets;
}

InboxTable inbox_table_from_csv(std::string_view text) {
  CsvTable csv = parse_csv(text);
  InboxTable table;
  for (const auto& p : csv.problems) table.problems.push_back({p.line, p.message});
  bool have_header = false;
  for (auto& row : csv.rows) {
    bool empty = std::all_of(row.cells.begin(), row.cells.end(),
                             [](const std::string& c) { return trim(c).empty(); });
    if (empty) continue;
    if (!have_header) {
      for (const auto& cell : row.cells) table.header.push_back(trim(cell));
      have_header = true;
    } else {
      table.rows.push_back(std::move(row));
    }
  }
  return table;
}

InboxFile read_inbox(const InboxTable& table, const std::vector<ColumnMapping>& mappings,
                     std::string_view preset_name, const std::string& display) {
  const auto& fields = inbox_fields();
  for (const auto& m : mappings)
    if (std::find(fields.begin(), fields.end(), m.field) == fields.end())
      throw Error(fmt::format("--map: unknown field '{}'", m.field),
                  "the fields are: " + join(fields, ", "), exit_usage);
  std::vector<std::string> keys;
  for (const auto& h : table.header) keys.push_back(name_key(h));

  InboxFile file;
  const InboxPreset* preset = nullptr;
  if (!preset_name.empty()) {
    preset = find_preset(preset_name);
    if (!preset) {
      std::vector<std::string> names;
      for (const auto& p : inbox_presets()) names.push_back(p.name);
      throw Error(fmt::format("--preset: unknown export '{}'", preset_name),
                  "the presets are: " + join(names, ", "), exit_usage);
    }
  } else {
    int best = 1;  // the text column and at least one more
    for (const auto& p : inbox_presets()) {
      int fit = preset_fit(p, keys);
      if (fit > best) best = fit, preset = &p;
    }
  }
  if (preset) file.preset = preset->name;

  // Each field takes the first of its names found in the header, the preset's before the
  // generic ones; a column serves one field.
  std::map<std::string, std::size_t> column_of;
  std::vector<bool> used(keys.size(), false);
  for (const auto& [field, generic] : generic_columns()) {
    Names names;
    if (preset)
      for (const auto& [f, own] : preset->columns)
        if (f == field) names = own;
    names.insert(names.end(), generic.begin(), generic.end());
    for (const auto& name : names) {
      auto it = std::find(keys.begin(), keys.end(), name_key(name));
      if (it == keys.end() || used[it - keys.begin()]) continue;
      column_of[field] = it - keys.begin();
      used[it - keys.begin()] = true;
      break;
    }
  }
  for (const auto& m : mappings) {
    std::optional<std::size_t> index;
    if (is_number(m.column)) {
      std::size_t n = std::stoul(m.column);
      if (n >= 1 && n <= keys.size()) index = n - 1;
    } else {
      auto it = std::find(keys.begin(), keys.end(), name_key(m.column));
      if (it != keys.end()) index = it - keys.begin();
    }
    if (!index)
      throw Error(fmt::format("--map: {} has no column '{}'", display, m.column),
                  "the columns are: " + quoted_list(table.header), exit_usage);
    for (auto it = column_of.begin(); it != column_of.end();)
      it = it->second == *index ? column_of.erase(it) : std::next(it);
    if (m.field != "ignore") column_of[m.field] = *index;
  }
  if (!column_of.count("text"))
    throw Error(Location{display, 0, 0},
                fmt::format("found no column with the message text; the columns are: {}",
                            quoted_list(table.header)),
                "name it with --map, e.g. --map \"Body=text\" (fields: text, from, channel, "
                "time, id, direction)");

  for (const auto& p : table.problems) file.problems.push_back(p);
  for (const auto& row : table.rows) {
    auto cell = [&](const char* field) -> std::string {
      auto it = column_of.find(field);
      if (it == column_of.end() || it->second >= row.cells.size()) return {};
      return trim(row.cells[it->second]);
    };
    InboxMessage m;
    m.line = row.line;
    m.text = cell("text");
    m.message_id = cell("id");
    m.from = cell("from");
    m.channel = to_lower_ascii(cell("channel"));
    auto problem = [&](std::string message) {
      file.problems.push_back({row.line, std::move(message)});
    };
    if (m.text.empty()) {
      problem("no message text");
      continue;
    }
    if (auto bad = forbidden_character(m.text, true)) {
      problem("the text holds " + *bad);
      continue;
    }
    if (auto bad = forbidden_character(m.from + m.channel + m.message_id, false)) {
      problem("the sender, channel or id holds " + *bad);
      continue;
    }
    std::string time = cell("time");
    if (!time.empty()) {
      m.sent_at = parse_inbox_time(time);
      if (!m.sent_at) {
        problem(fmt::format("cannot read the time '{}'", time));
        continue;
      }
    }
    if (is_outgoing(cell("direction"))) {
      file.outgoing.push_back({std::move(m), "sent by your team"});
      continue;
    }
    file.messages.push_back(std::move(m));
  }
  return file;
}

InboxFile read_inbox_lines(std::string_view text) {
  InboxFile file;
  if (text.starts_with("\xEF\xBB\xBF")) text.remove_prefix(3);
  int line = 0;
  for (const auto& raw : split(text, '\n')) {
    ++line;
    std::string t = trim(raw);
    if (t.empty()) continue;
    if (first_invalid_utf8(t)) {
      file.problems.push_back({line, "not UTF-8 text"});
      continue;
    }
    if (auto bad = forbidden_character(t, false)) {
      file.problems.push_back({line, "the text holds " + *bad});
      continue;
    }
    InboxMessage m;
    m.line = line;
    m.text = std::move(t);
    file.messages.push_back(std::move(m));
  }
  return file;
}

std::optional<Timestamp> parse_inbox_time(std::string_view raw) {
  std::string text = trim(raw);
  if (is_number(text)) {  // Unix seconds, or milliseconds (timestamp_ms)
    if (text.size() < 9 || text.size() > 13) return std::nullopt;
    Timestamp n = std::stoll(text);
    return text.size() >= 12 ? n / 1000 : n;
  }
  if (auto t = parse_timestamp(text)) return t;
  // Graph API: 2026-11-20T14:03:00+0000
  if (text.size() >= 24) {
    std::string zone = text.substr(text.size() - 5);
    if ((zone[0] == '+' || zone[0] == '-') && is_number(zone.substr(1)))
      if (auto t = parse_timestamp(text.substr(0, text.size() - 2) + ":" + zone.substr(3)))
        return t;
  }
  std::string_view in = text;
  if (text.size() >= 10 && text[4] == '-') {  // 2026-11-20[ T]14:03[:00[.123]], local time
    auto date = take_numbers(in, "-", 3);
    if (date.size() != 3) return std::nullopt;
    std::vector<int> clock;
    if (!in.empty() && (in[0] == ' ' || in[0] == 'T')) {
      in.remove_prefix(1);
      clock = take_numbers(in, ":", 3);
      if (clock.size() < 2) return std::nullopt;
      if (!in.empty() && in[0] == '.') {
        in.remove_prefix(1);
        while (!in.empty() && in[0] >= '0' && in[0] <= '9') in.remove_prefix(1);
      }
    }
    if (!trim(in).empty()) return std::nullopt;
    clock.resize(3, 0);
    return local_time(date[0], date[1], date[2], clock[0], clock[1], clock[2]);
  }
  if (text.find('/') != std::string::npos) {  // 11/20/2026 2:03[:00] [PM], local time
    auto date = take_numbers(in, "/", 3);
    if (date.size() != 3 || date[2] < 1970) return std::nullopt;
    std::vector<int> clock;
    while (!in.empty() && (in[0] == ' ' || in[0] == ',')) in.remove_prefix(1);
    if (!in.empty()) {
      clock = take_numbers(in, ":", 3);
      if (clock.size() < 2) return std::nullopt;
      std::string rest = to_lower_ascii(trim(in));
      if (rest == "pm" || rest == "am") {
        if (clock[0] < 1 || clock[0] > 12) return std::nullopt;
        clock[0] = clock[0] % 12 + (rest == "pm" ? 12 : 0);
      } else if (!rest.empty()) {
        return std::nullopt;
      }
    }
    clock.resize(3, 0);
    return local_time(date[2], date[0], date[1], clock[0], clock[1], clock[2]);
  }
  return std::nullopt;
}

std::optional<std::string> not_a_question(std::string_view text) {
  static const std::array<const char*, 24> spam = {
      "free followers",    "buy followers",      "get more followers", "cheap followers",
      "check my bio",      "check my profile",   "link in my bio",     "dm me for promo",
      "dm for promo",      "promote your page",  "promote your account", "send me a dm to",
      "make money from home", "earn $",          "invest in bitcoin",  "bitcoin investment",
      "crypto investment", "forex trading",      "onlyfans",           "whatsapp me",
      "click here to claim", "claim your prize", "you have won",       "cash app me"};
  std::string folded = text_key(text);
  for (const char* marker : spam)
    if (folded.find(marker) != std::string::npos) return "spam";
  if (!has_letter_or_digit(text)) return "emoji only";
  if (text.find('?') != std::string_view::npos) return std::nullopt;
  std::vector<std::string> words = split(name_key(text), ' ');
  std::erase(words, "");
  if (words.empty() || words.size() > 10) return std::nullopt;
  static const std::array<const char*, 20> asking = {
      "who",  "what",  "when",  "where",  "why",    "how",  "which", "are",  "do",   "does",
      "did",  "will",  "would", "could",  "should", "can",  "any",   "anyone", "need", "wondering"};
  for (const auto& w : words)
    for (const char* a : asking)
      if (w == a) return std::nullopt;
  static const std::array<const char*, 30> thanks = {
      "thanks", "thank you", "thank u", "thx", "ty", "tysm", "many thanks", "cheers",
      "much appreciated", "appreciate it", "appreciate you", "ok", "okay", "got it",
      "perfect", "awesome", "great", "nice", "amazing", "love this", "love it", "love you",
      "congrats", "congratulations", "sounds good", "will do", "you re the best", "gracias",
      "merci", "danke"};
  std::string joined = join(words, " ");
  for (const char* t : thanks) {
    std::string_view phrase = t;
    if (joined == phrase || (joined.starts_with(phrase) && joined[phrase.size()] == ' '))
      return "thanks";
  }
  return std::nullopt;
}

std::string message_key(const InboxMessage& m) {
  if (!m.message_id.empty())
    return fmt::format("id\x1f{}\x1f{}", to_lower_ascii(m.channel), m.message_id);
  return fmt::format("message\x1f{}\x1f{}\x1f{}", name_key(m.from),
                     m.sent_at ? std::to_string(*m.sent_at) : "", text_key(m.text));
}

std::string triage_question_id(const InboxMessage& m, int attempt) {
  std::string key = message_key(m);
  if (attempt > 0) key += fmt::format("\x1f{}", attempt);
  // Not the standard basis: ids already recorded were made with this one.
  std::uint64_t h = fnv1a(key, 1469598103934665603ull);
  return question_id_from_bits(h ^ (h >> 40));
}

}  // namespace peers
