#include <CLI/CLI.hpp>

#include <algorithm>
#include <map>

#include <fmt/format.h>

#include "commands.hpp"
#include "context.hpp"
#include "output.hpp"
#include "peers/text.hpp"
#include "questions.hpp"
#include "records_json.hpp"
#include "skipped.hpp"

namespace peers::cli {
namespace {

struct Options {
  bool json = false;
};

struct Group {
  std::string person_id;         // empty: not routed yet
  const Person* person = nullptr;  // null when not routed, or routed to someone not in the store
  std::vector<const Question*> questions;
  std::string sort_name;  // the person's name folded, else the id
};

std::string group_title(const Group& g, const Date& today) {
  if (g.person_id.empty()) return "Not routed yet";
  std::string title = g.person ? safe(g.person->name) + " (" + g.person_id + ")"
                               : g.person_id + " (not in the store)";
  if (g.person && g.person->has_left())
    title += g.person->forward_to.empty() ? ", has left"
                                          : ", has left; forwards to " + g.person->forward_to;
  else if (g.person && g.person->away_until && *g.person->away_until >= today)
    title += ", away until " + g.person->away_until->str();
  return title;
}

void run_inbox(const Options& opts, Context& ctx) {
  // Only what waits is decoded (whole for --json, which shows every field).
  QuestionFilter waiting;
  waiting.needs = {"status"};
  waiting.keep = [](const Question& q) {
    return !q.archived && (q.status == QuestionStatus::open || q.status == QuestionStatus::routed);
  };
  if (!opts.json) waiting.fields = {"text", "asked_at", "status", "routed_to"};
  waiting.archived = false;
  Snapshot snapshot = ctx.store().snapshot({Kind::person, Kind::question}, waiting);
  report_skipped(ctx.io, snapshot.skipped);
  std::map<std::string, Group> by_person;
  for (const auto& q : snapshot.questions) {
    std::string key = q.status == QuestionStatus::routed ? q.routed_to : "";
    Group& g = by_person[key];
    if (g.questions.empty()) {  // a new group: its person is looked up once
      g.person_id = key;
      g.person = key.empty() ? nullptr : snapshot.person(key);
    }
    g.questions.push_back(&q);
  }
  std::vector<Group> groups;
  Collation collation;  // names in Unicode order, whatever their script
  for (auto& [key, g] : by_person) {
    std::sort(g.questions.begin(), g.questions.end(), [](const Question* a, const Question* b) {
      return a->asked_at != b->asked_at ? a->asked_at < b->asked_at : a->id < b->id;
    });
    g.sort_name = g.person ? collation.key(g.person->name) : g.person_id;
    groups.push_back(std::move(g));
  }
  // People by name, then the questions nobody has yet.
  std::sort(groups.begin(), groups.end(), [&](const Group& a, const Group& b) {
    if (a.person_id.empty() != b.person_id.empty()) return b.person_id.empty();
    return a.sort_name < b.sort_name;
  });

  if (opts.json) {
    nlohmann::ordered_json out = nlohmann::ordered_json::array();
    for (const auto& g : groups) {
      nlohmann::ordered_json questions = nlohmann::ordered_json::array();
      for (const Question* q : g.questions) questions.push_back(to_json(*q));
      out.push_back({{"waiting_on", g.person_id.empty() ? nlohmann::ordered_json(nullptr)
                                                        : nlohmann::ordered_json(g.person_id)},
                     {"name", g.person ? nlohmann::ordered_json(g.person->name)
                                       : nlohmann::ordered_json(nullptr)},
                     {"questions", questions}});
    }
    print_json(ctx.io, out);
    return;
  }
  Timestamp now = ctx.now();
  bool first = true;
  for (const auto& g : groups) {
    if (!first) ctx.io.out << '\n';
    first = false;
    ctx.io.out << ctx.io.style(group_title(g, ctx.today()), "bold") << "  "
               << g.questions.size() << " waiting\n";
    Table table;
    for (const Question* q : g.questions)
      table.add({"  " + q->id, format_age(now - q->asked_at), safe(q->text)});
    table.print(ctx.io);
  }
  if (groups.empty()) ctx.io.note("Nothing is waiting.");
}

}  // namespace

void add_inbox(CLI::App& app, Context& ctx) {
  auto opts = std::make_shared<Options>();
  auto* cmd = app.add_subcommand(
      "inbox", "What is waiting: open and routed questions, grouped by who they wait on");
  cmd->add_flag("--json", opts->json, "Print the groups as JSON");
  cmd->footer(examples(
      {"peers inbox", "peers inbox --json | jq '.[] | {waiting_on, n: (.questions | length)}'"}));
  cmd->callback([opts, &ctx] { run_inbox(*opts, ctx); });
}

}  // namespace peers::cli
