#include <CLI/CLI.hpp>

#include <algorithm>
#include <cmath>
#include <map>

#include <fmt/format.h>

#include "commands.hpp"
#include "context.hpp"
#include "output.hpp"
#include "people.hpp"
#include "peers/query.hpp"
#include "peers/text.hpp"
#include "skipped.hpp"

namespace peers::cli {
namespace {

struct Options {
  int days = 90;
  int limit = 0;
  PeopleFilter filter;
  bool include_never = false;
  bool json = false;
};

struct Staleness {
  const Person* person = nullptr;
  std::optional<Date> last;  // the latest of `met` and the log's dates
  std::int64_t days = 0;
  std::size_t conversations = 0;
  std::string knows_best;  // the team member with the most conversations with them
  double score = 0;
  std::string sort_name;  // the person's name's collation key
};

/// Days since the last contact, weighted by how close the relationship is: each doubling of
/// the number of conversations adds about 70% to the weight, so someone the team talks to
/// often shows up before a one-time acquaintance of the same age, and a few months' silence
/// from a close colleague counts for as much as a year from a stranger.
double weighted(std::int64_t days, std::size_t conversations) {
  return static_cast<double>(days) * (1.0 + std::log1p(static_cast<double>(conversations)));
}

Staleness measure(const Person& p, const Date& today) {
  Staleness s;
  s.person = &p;
  s.last = p.met;
  std::map<std::string, std::pair<int, Date>> by_member;  // count, latest date
  for (const auto& entry : p.log) {
    if (!s.last || entry.date > *s.last) s.last = entry.date;
    if (entry.by.empty()) continue;
    auto& [count, latest] = by_member[entry.by];
    ++count;
    latest = std::max(latest, entry.date);
  }
  s.conversations = p.log.size();
  int best = 0;
  Date best_date;
  for (const auto& [member, stats] : by_member)
    if (stats.first > best || (stats.first == best && stats.second > best_date)) {
      best = stats.first;
      best_date = stats.second;
      s.knows_best = member;
    }
  if (s.last) s.days = today.days_since_epoch() - s.last->days_since_epoch();
  s.score = weighted(s.days, s.conversations);
  return s;
}

void run_stale(const Options& opts, Context& ctx) {
  Snapshot snapshot = ctx.store().snapshot(kinds_to_match(opts.filter));
  report_skipped(ctx.io, snapshot.skipped);
  TopicIndex topics(snapshot.topics);
  PeopleFilter filter = opts.filter;
  filter.include_left = false;
  Date today = ctx.today();
  std::vector<Staleness> stale;
  std::vector<Staleness> never;
  Collation collation;  // names in Unicode order, whatever their script
  for (const auto& p : snapshot.people) {
    if (!matches(p, filter, topics)) continue;
    Staleness s = measure(p, today);
    s.sort_name = collation.key(p.name);
    if (!s.last) never.push_back(s);
    else if (s.days >= opts.days) stale.push_back(s);
  }
  std::sort(stale.begin(), stale.end(), [](const Staleness& a, const Staleness& b) {
    if (a.score != b.score) return a.score > b.score;
    if (a.days != b.days) return a.days > b.days;
    return a.sort_name < b.sort_name;
  });
  std::sort(never.begin(), never.end(), [](const Staleness& a, const Staleness& b) {
    return a.sort_name < b.sort_name;
  });
  if (opts.include_never) stale.insert(stale.end(), never.begin(), never.end());
  if (opts.limit > 0 && stale.size() > static_cast<std::size_t>(opts.limit))
    stale.resize(static_cast<std::size_t>(opts.limit));

  if (opts.json) {
    nlohmann::ordered_json out = nlohmann::ordered_json::array();
    for (const auto& s : stale)
      out.push_back({{"id", s.person->id},
                     {"name", s.person->name},
                     {"last_contact", s.last ? nlohmann::ordered_json(s.last->str()) : nullptr},
                     {"days", s.last ? nlohmann::ordered_json(s.days) : nullptr},
                     {"conversations", s.conversations},
                     {"knows_best", s.knows_best.empty() ? nlohmann::ordered_json(nullptr)
                                                         : nlohmann::ordered_json(s.knows_best)},
                     {"score", std::round(s.score * 10) / 10}});
    print_json(ctx.io, out);
    return;
  }
  Table table;
  table.styles = {"bold", "", "yellow", "", ""};
  for (const auto& s : stale) {
    std::string since = s.last ? counted(s.days, "day", "days") : "never";
    std::string talks = counted(s.conversations, "conversation", "conversations");
    std::string best = s.knows_best.empty() ? "" : "closest: " + safe(s.knows_best);
    table.add({s.person->id, safe(s.person->name), since, talks, best});
  }
  table.print(ctx.io);
  if (stale.empty()) ctx.io.note(fmt::format("No one you have talked to has waited {}.", counted(opts.days, "day", "days")));
  if (!opts.include_never && !never.empty())
    ctx.io.note(fmt::format("{} {} no met date or log yet (--never lists them).", never.size(),
                            never.size() == 1 ? "person has" : "people have"));
}

}  // namespace

void add_stale(CLI::App& app, Context& ctx) {
  auto opts = std::make_shared<Options>();
  auto* cmd = app.add_subcommand(
      "stale", "People the team has not talked to in a while, the closest relationships first");
  cmd->add_option("--days", opts->days, "Not talked to for at least this many days (default 90)")
      ->check(CLI::Range(0, 36500))
      ->option_text("DAYS");
  cmd->add_option("-n,--limit", opts->limit, "Show at most N people")
      ->check(CLI::Range(0, 1000000))
      ->option_text("N");
  add_people_filter_options(*cmd, opts->filter);
  cmd->add_flag("--never", opts->include_never,
                "Also list people with no met date and no conversation logged");
  cmd->add_flag("--json", opts->json,
                "Print a JSON array of {id, name, last_contact, days, conversations, "
                "knows_best, score}");
  cmd->footer(examples({"peers stale", "peers stale --days 180 --tag press -n 10",
                        "peers stale --json | jq -r '.[0].id'"}) +
              "\nThe last contact is the later of 'met' and the newest 'log' entry. The order is\n"
              "days since then, weighted by the number of conversations (days x (1 + ln(1 + n))),\n"
              "so a close colleague gone quiet comes before a one-time acquaintance. People who\n"
              "have left are not listed.\n");
  cmd->callback([opts, &ctx] { run_stale(*opts, ctx); });
}

}  // namespace peers::cli
