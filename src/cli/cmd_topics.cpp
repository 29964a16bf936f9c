#include <CLI/CLI.hpp>

#include <algorithm>

#include <fmt/format.h>

#include "commands.hpp"
#include "context.hpp"
#include "output.hpp"
#include "peers/query.hpp"
#include "peers/text.hpp"
#include "records_json.hpp"
#include "skipped.hpp"

namespace peers::cli {
namespace {

struct Options {
  bool json = false;
};

void run_topics(const Options& opts, Context& ctx) {
  Snapshot snapshot = ctx.store().snapshot({Kind::person, Kind::topic});
  report_skipped(ctx.io, snapshot.skipped);
  std::vector<int> counts = TopicIndex(snapshot.topics).people_per_topic(snapshot.people, false);
  struct Listed {
    const Topic* topic;
    int people;
    std::string sort_key;
  };
  std::vector<Listed> listed;
  listed.reserve(snapshot.topics.size());
  for (std::size_t i = 0; i < snapshot.topics.size(); ++i)
    listed.push_back({&snapshot.topics[i], counts[i], fold(snapshot.topics[i].name)});
  std::sort(listed.begin(), listed.end(), [](const Listed& a, const Listed& b) {
    return a.sort_key < b.sort_key || (a.sort_key == b.sort_key && a.topic->id < b.topic->id);
  });
  std::vector<std::pair<const Topic*, int>> topics;
  topics.reserve(listed.size());
  for (const auto& l : listed) topics.emplace_back(l.topic, l.people);
  if (opts.json) {
    nlohmann::ordered_json out = nlohmann::ordered_json::array();
    for (const auto& [t, people] : topics) {
      auto item = to_json(*t);
      item["people"] = people;
      out.push_back(item);
    }
    print_json(ctx.io, out);
    return;
  }
  Table table;
  table.styles = {"", "bold", "", ""};
  for (const auto& [t, people] : topics) {
    std::vector<std::string> aliases;
    for (const auto& a : t->aliases) aliases.push_back(safe(a));
    table.add({t->id, safe(t->name), people == 1 ? "1 person" : fmt::format("{} people", people),
               join(aliases, ", ")});
  }
  table.print(ctx.io);
  if (topics.empty()) ctx.io.note("No topics yet: add one with 'peers topic add NAME'.");
}

}  // namespace

void add_topics(CLI::App& app, Context& ctx) {
  auto opts = std::make_shared<Options>();
  auto* cmd = app.add_subcommand("topics", "List every topic, with how many people know it");
  cmd->add_flag("--json", opts->json, "Print a JSON array of topics, each with a people count");
  cmd->footer(examples({"peers topics", "peers topics --json | jq -r '.[] | select(.people == 0) | .id'"}));
  cmd->callback([opts, &ctx] { run_topics(*opts, ctx); });
}

}  // namespace peers::cli
