#include <CLI/CLI.hpp>

#include <algorithm>
#include <functional>
#include <map>
#include <mutex>

#include <fmt/format.h>

#include "commands.hpp"
#include "context.hpp"
#include "output.hpp"
#include "peers/query.hpp"
#include "peers/questions.hpp"
#include "peers/text.hpp"
#include "skipped.hpp"

namespace peers::cli {
namespace {

using json = nlohmann::ordered_json;

struct Options {
  bool json = false;
};

std::string age_or_dash(const std::optional<std::int64_t>& seconds) {
  return seconds ? format_duration(*seconds) : "-";
}

json seconds_or_null(const std::optional<std::int64_t>& seconds) {
  return seconds ? json(*seconds) : json(nullptr);
}

json stats_json(const QuestionStats& s) {
  return {{"asked", s.asked},
          {"open", s.open},
          {"routed", s.routed},
          {"answered", s.answered},
          {"closed", s.closed},
          {"median_seconds_to_route", seconds_or_null(s.median_to_route)},
          {"median_seconds_to_answer", seconds_or_null(s.median_to_answer)}};
}

/// One row of a breakdown, with the name people know it by.
struct Row {
  std::string key;    // as grouped: topic as written, person id, channel; "" for none
  std::string label;  // for people to read (not yet terminal-safe)
  const QuestionStats* stats;
  std::string sort_key;  // the label folded
};

std::vector<Row> rows_of(const std::map<std::string, QuestionStats>& groups,
                         const std::function<std::string(const std::string&)>& label_of) {
  std::vector<Row> rows;
  for (const auto& [key, stats] : groups) {
    std::string label = label_of(key);
    std::string sort_key = fold(label);
    rows.push_back({key, std::move(label), &stats, std::move(sort_key)});
  }
  std::sort(rows.begin(), rows.end(), [](const Row& a, const Row& b) {
    if (a.key.empty() != b.key.empty()) return b.key.empty();  // "none" last
    if (a.stats->asked != b.stats->asked) return a.stats->asked > b.stats->asked;
    return a.sort_key < b.sort_key;
  });
  return rows;
}

void print_breakdown(const Output& io, const char* heading, const std::vector<Row>& rows) {
  io.out << '\n' << io.style(heading, "bold") << '\n';
  Table table;
  for (const auto& r : rows)
    table.add({"  " + safe(r.label), fmt::format("{} asked", r.stats->asked),
               fmt::format("{} answered", r.stats->answered),
               "route " + age_or_dash(r.stats->median_to_route),
               "answer " + age_or_dash(r.stats->median_to_answer)});
  table.print(io);
}

json breakdown_json(const char* key_name, const std::vector<Row>& rows, bool with_name) {
  json out = json::array();
  for (const auto& r : rows) {
    json entry = {{key_name, r.key.empty() ? json(nullptr) : json(r.key)}};
    if (with_name) entry["name"] = r.key.empty() ? json(nullptr) : json(r.label);
    entry.update(stats_json(*r.stats));
    out.push_back(std::move(entry));
  }
  return out;
}

void run_stats(const Options& opts, Context& ctx) {
  // Times, status and who: never the texts; counted as they are read, never kept.
  QuestionFilter counted;
  counted.fields = {"channel",     "asked_at", "status", "routed_to",  "answered_by",
                    "answered_at", "topics",   "history.at", "history.event"};
  QuestionStatsCounter counter;
  std::mutex counting;
  counted.visit = [&](const Question& q) {
    std::lock_guard lock(counting);
    counter.add(q);
  };
  Snapshot snapshot =
      ctx.store().snapshot({Kind::person, Kind::topic, Kind::question}, counted);
  report_skipped(ctx.io, snapshot.skipped);
  StatsReport report = counter.report();

  TopicIndex topic_index(snapshot.topics);
  auto topic_label = [&](const std::string& key) -> std::string {
    if (key.empty()) return "(no topic)";
    const Topic* t = topic_index.find(key);
    return t ? t->name : key;
  };
  auto person_label = [&](const std::string& key) -> std::string {
    if (key.empty()) return "(nobody yet)";
    const Person* p = snapshot.person(key);
    return p ? p->name : key;
  };
  auto channel_label = [](const std::string& key) -> std::string {
    return key.empty() ? "(no channel)" : key;
  };
  auto topics = rows_of(report.by_topic, topic_label);
  auto people = rows_of(report.by_person, person_label);
  auto channels = rows_of(report.by_channel, channel_label);

  if (opts.json) {
    json out = {{"total", stats_json(report.total)},
                {"by_topic", breakdown_json("topic", topics, true)},
                {"by_person", breakdown_json("person", people, true)},
                {"by_channel", breakdown_json("channel", channels, false)}};
    print_json(ctx.io, out);
    return;
  }
  const QuestionStats& t = report.total;
  ctx.io.out << fmt::format("{} asked, {} answered; now {} open, {} routed, {} closed\n", t.asked,
                            t.answered, t.open, t.routed, t.closed);
  ctx.io.out << fmt::format("Median time to route: {}; to answer: {}\n",
                            age_or_dash(t.median_to_route), age_or_dash(t.median_to_answer));
  if (t.asked == 0) return;
  print_breakdown(ctx.io, "By topic", topics);
  print_breakdown(ctx.io, "By person", people);
  print_breakdown(ctx.io, "By channel", channels);
}

}  // namespace

void add_stats(CLI::App& app, Context& ctx) {
  auto opts = std::make_shared<Options>();
  auto* cmd = app.add_subcommand(
      "stats", "Questions answered, and the median time to route and to answer them");
  cmd->add_flag("--json", opts->json, "Print the numbers as JSON (times in seconds)");
  cmd->footer(examples({"peers stats", "peers stats --json | jq '.by_person[0]'"}));
  cmd->callback([opts, &ctx] { run_stats(*opts, ctx); });
}

}  // namespace peers::cli
