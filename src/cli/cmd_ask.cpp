#include <CLI/CLI.hpp>

#include <fmt/format.h>

#include "commands.hpp"
#include "context.hpp"
#include "input.hpp"
#include "output.hpp"
#include "people.hpp"
#include "peers/error.hpp"
#include "peers/query.hpp"
#include "peers/routing.hpp"
#include "questions.hpp"
#include "records_json.hpp"
#include "skipped.hpp"

namespace peers::cli {
namespace {

struct Options {
  std::string text;
  std::string from;
  std::string channel;
  std::vector<std::string> topics;
  std::size_t limit = 5;
  bool json = false;
};

constexpr std::size_t similar_shown = 3;

void run_ask(const Options& opts, Context& ctx) {
  std::string text = clean_input(opts.text, "the question");
  if (text.empty())
    throw Error("a question needs its text", "peers ask \"When is the FAFSA due?\"", exit_usage);
  std::string from = clean_input(opts.from, "--from");
  std::string channel = clean_input(opts.channel, "--channel");

  Store& store = ctx.store();
  std::vector<std::string> topics;
  if (!opts.topics.empty()) {
    Snapshot known_topics = store.snapshot({Kind::topic});
    for (const auto& wanted : opts.topics) {
      std::string topic = clean_input(wanted, "--topic");
      const Topic* known = find_topic(known_topics.topics, topic);
      add_unique(topics, known ? known->id : topic);
    }
  }

  auto lock = store.lock();
  Question q = new_question(unused_question_id(store, ctx.env), text, from, channel, topics,
                            change_now(ctx));
  write_question(store, q);
  ctx.record_change(fmt::format("ask {}", q.id));

  RankOptions rank;
  rank.limit = opts.limit;
  rank.now = ctx.now();
  std::vector<Problem> skipped;
  RoutingIndex index = store.routing_index(skipped);  // the saved index, as `who-knows` ranks
  report_skipped(ctx.io, skipped);
  RoutingResult routing = index.route(q.text, rank);
  auto similar = answered_before(store, index, q.text, similar_shown, q.id);

  if (opts.json) {
    nlohmann::ordered_json out = {{"question", to_json(q)}};
    out.update(suggestions_json(routing, similar));
    print_json(ctx.io, out);
    return;
  }
  ctx.io.out << q.id << '\n';
  ctx.io.note(fmt::format("Recorded question {}; hand it to someone with 'peers route {} PERSON'",
                          q.id, q.id));
  print_suggestions(ctx.io, routing, similar);
}

}  // namespace

void add_ask(CLI::App& app, Context& ctx) {
  auto opts = std::make_shared<Options>();
  auto* cmd = app.add_subcommand(
      "ask", "Record a follower's question: prints its id, who to ask, and similar answers");
  cmd->add_option("text", opts->text, "The question, as the follower asked it")->required();
  cmd->add_option("--from", opts->from, "Who asked it, e.g. @jdoe");
  cmd->add_option("--channel", opts->channel, "Where it was asked: twitter, instagram, email...");
  cmd->add_option("--topic", opts->topics, "A topic it is about (repeatable)");
  cmd->add_option("--limit", opts->limit, "How many people to suggest (default 5)")
      ->check(CLI::Range(1, 50));
  cmd->add_flag("--json", opts->json,
                "Print the question, the people to ask and similar answers as JSON");
  cmd->footer(examples(
      {"peers ask \"When is the transfer application deadline?\" --from @jdoe --channel twitter",
       "peers ask \"Is the FAFSA due in March?\" --topic \"financial aid\"",
       "id=$(peers ask \"Where do I park for orientation?\" | head -1)"}));
  cmd->callback([opts, &ctx] { run_ask(*opts, ctx); });
}

}  // namespace peers::cli
