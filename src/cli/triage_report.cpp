#include "triage_report.hpp"

#include <algorithm>
#include <map>

#include <fmt/format.h>

#include "output.hpp"
#include "peers/text.hpp"
#include "records_json.hpp"

namespace peers::cli {
namespace {

constexpr std::size_t short_text_width = 60;

using Status = TriageItem::Status;

/// The text on one line, terminal-safe, cut to `width` columns.
std::string one_line(std::string_view text, std::size_t width = 0) {
  std::string flat(text);
  std::replace(flat.begin(), flat.end(), '\n', ' ');
  std::replace(flat.begin(), flat.end(), '\t', ' ');
  flat = safe(flat);
  return width ? truncate_to_width(flat, width) : flat;
}

/// "@amy on twitter", "@amy", "twitter" or "".
std::string sender(const InboxMessage& m) {
  if (m.from.empty()) return one_line(m.channel);
  return m.channel.empty() ? one_line(m.from) : one_line(m.from) + " on " + one_line(m.channel);
}

std::string first_reason(const Candidate& c) {
  return c.reasons.empty() ? std::string() : one_line(c.reasons.front());
}

std::vector<const TriageItem*> with_status(const TriageRun& run, Status status) {
  std::vector<const TriageItem*> out;
  for (const auto& item : run.items)
    if (item.status == status) out.push_back(&item);
  return out;
}

std::string plural(std::size_t n, const char* one, const char* many) {
  return fmt::format("{} {}", n, n == 1 ? one : many);
}

}  // namespace

void print_triage(const Output& io, const TriageRun& run) {
  for (const TriageItem* item : with_status(run, Status::recorded)) {
    const InboxMessage& m = item->message;
    std::string who = sender(m);
    io.out << io.style(item->question, "bold") << "  " << (who.empty() ? "" : who + "  ")
           << '"' << one_line(m.text, short_text_width) << "\"\n";
    if (item->best) {
      const Candidate& c = *item->best;
      std::string verb = item->routed_to.empty() ? "ask" : (run.dry_run ? "would route to" : "routed to");
      io.out << fmt::format("   {} {} ({})  {}  {}\n", verb, io.style(one_line(c.name), "bold"),
                            c.id, c.confidence, first_reason(c));
    } else {
      std::vector<std::string> topics;
      for (const auto& t : item->closest_topics) topics.push_back(one_line(t));
      io.out << "   nobody in the store is a good fit"
             << (topics.empty() ? "" : " (closest topics: " + join(topics, ", ") + ")") << '\n';
    }
    if (item->same_as) {
      const Question& q = item->same_as->question;
      io.out << fmt::format("   answered before as {} ({:.0f}% alike): {}\n", q.id,
                            item->same_as->similarity * 100, one_line(q.answer, 70));
      io.out << fmt::format("   reuse it: peers answer {} --same-as {}\n", item->question, q.id);
    }
  }
  if (!run.route) return;
  std::vector<const TriageItem*> look;
  for (const TriageItem* item : with_status(run, Status::recorded))
    if (!item->needs_look.empty()) look.push_back(item);
  if (look.empty()) return;
  io.out << '\n' << io.style(fmt::format("Needs a human look ({})", look.size()), "bold") << '\n';
  for (const TriageItem* item : look)
    io.out << fmt::format("{}  {}  ({})\n", item->question,
                          one_line(item->message.text, short_text_width), item->needs_look);
}

void print_by_person(const Output& io, const TriageRun& run) {
  // Colleagues with the most questions first, then by name; nobody-in-particular last.
  std::map<std::string, std::vector<const TriageItem*>> by_id;
  std::map<std::string, std::string> names;
  std::vector<const TriageItem*> nobody;
  for (const TriageItem* item : with_status(run, Status::recorded)) {
    if (!item->best) {
      nobody.push_back(item);
      continue;
    }
    by_id[item->best->id].push_back(item);
    names[item->best->id] = item->best->name;
  }
  std::vector<std::string> order;
  for (const auto& [id, items] : by_id) order.push_back(id);
  std::stable_sort(order.begin(), order.end(), [&](const std::string& a, const std::string& b) {
    if (by_id[a].size() != by_id[b].size()) return by_id[a].size() > by_id[b].size();
    return names[a] < names[b];
  });
  bool first = true;
  auto block = [&](const std::string& title, const std::vector<const TriageItem*>& items) {
    if (!first) io.out << '\n';
    first = false;
    io.out << title << ": " << plural(items.size(), "question", "questions") << '\n';
    for (const TriageItem* item : items) {
      std::string who = sender(item->message);
      io.out << "- " << one_line(item->message.text) << " ("
             << (who.empty() ? "" : who + ", ") << "question " << item->question << ")\n";
      if (item->same_as)
        io.out << "  answered before: " << one_line(item->same_as->question.answer) << '\n';
    }
  };
  for (const auto& id : order) block(one_line(names[id]) + " (" + id + ")", by_id[id]);
  if (!nobody.empty()) block("Nobody in particular", nobody);
}

nlohmann::ordered_json triage_json(const TriageRun& run) {
  using json = nlohmann::ordered_json;
  static const char* statuses[] = {"recorded", "already_recorded", "left_out", "bad_row"};
  json out = json::array();
  for (const auto& item : run.items) {
    const InboxMessage& m = item.message;
    json o = {{"line", m.line}, {"status", statuses[static_cast<int>(item.status)]}};
    if (item.status == Status::bad_row || item.status == Status::left_out)
      o["reason"] = item.reason;
    if (item.status != Status::bad_row) {
      o["question"] = item.question.empty() ? json() : json(item.question);
      o["message_id"] = m.message_id.empty() ? json() : json(m.message_id);
      o["from"] = m.from;
      o["channel"] = m.channel;
      o["text"] = m.text;
    }
    if (item.status == Status::recorded) {
      o["asked_at"] = format_timestamp(item.asked_at);
      o["person"] = item.best ? json{{"id", item.best->id},
                                     {"name", item.best->name},
                                     {"confidence", item.best->confidence},
                                     {"score", item.best->score},
                                     {"reason", item.best->reasons.empty()
                                                    ? std::string()
                                                    : item.best->reasons.front()}}
                              : json();
      o["closest_topics"] = item.closest_topics;
      o["routed_to"] = item.routed_to.empty() ? json() : json(item.routed_to);
      o["needs_human_look"] = run.route ? json(!item.needs_look.empty()) : json();
      if (run.route && !item.needs_look.empty()) o["why"] = item.needs_look;
      if (item.same_as) {
        const Question& q = item.same_as->question;
        o["same_as"] = {{"question", q.id},
                        {"similarity", item.same_as->similarity},
                        {"text", q.text},
                        {"answer", q.answer},
                        {"answered_by", q.answered_by.empty() ? json() : json(q.answered_by)}};
      } else {
        o["same_as"] = json();
      }
    }
    out.push_back(std::move(o));
  }
  return out;
}

void report_triage(const Output& io, const TriageRun& run) {
  for (const auto& item : run.items) {
    if (item.status == Status::bad_row)
      io.warn(fmt::format("{}:{}: skipped: {}", one_line(run.display), item.message.line,
                          one_line(item.reason)));
    else if (item.status == Status::left_out)
      io.note(fmt::format("Left out line {} ({}): \"{}\"", item.message.line, item.reason,
                          one_line(item.message.text, 40)));
  }
  auto recorded = with_status(run, Status::recorded);
  auto already = with_status(run, Status::already_recorded);
  auto left_out = with_status(run, Status::left_out);
  auto bad = with_status(run, Status::bad_row);
  std::vector<std::string> parts;
  parts.push_back(fmt::format("{} {} from {}{}", run.dry_run ? "Would record" : "Recorded",
                              plural(recorded.size(), "question", "questions"),
                              one_line(run.display),
                              run.preset_title.empty() ? "" : " (" + run.preset_title + " export)"));
  if (run.route) {
    std::size_t routed = std::count_if(recorded.begin(), recorded.end(), [](const TriageItem* i) {
      return !i->routed_to.empty();
    });
    parts.push_back(fmt::format("{} {}, {} for a human look", run.dry_run ? "would route" : "routed",
                                routed, recorded.size() - routed));
  }
  if (!already.empty())
    parts.push_back(fmt::format("{} already recorded, skipped", already.size()));
  if (!left_out.empty()) {
    std::map<std::string, int> why;
    for (const TriageItem* item : left_out) ++why[item->reason];
    std::vector<std::string> counts;
    for (const auto& [reason, n] : why) counts.push_back(fmt::format("{} {}", n, reason));
    parts.push_back(fmt::format("{} left out ({})", plural(left_out.size(), "message", "messages"),
                                join(counts, ", ")));
  }
  if (!bad.empty()) parts.push_back(plural(bad.size(), "bad row", "bad rows") + " skipped");
  io.note(join(parts, "; ") + (run.dry_run ? " (dry run: nothing written)" : ""));
}

}  // namespace peers::cli
