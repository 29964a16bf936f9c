#include <CLI/CLI.hpp>

#include <fmt/format.h>

#include "commands.hpp"
#include "context.hpp"
#include "input.hpp"
#include "output.hpp"
#include "peers/contacts.hpp"
#include "peers/error.hpp"
#include "peers/routing.hpp"
#include "peers/store.hpp"
#include "peers/text.hpp"
#include "skipped.hpp"

namespace peers::cli {
namespace {

struct Options {
  std::string question;
  std::size_t limit = 5;
  bool json = false;
  bool explain = false;
};

/// How to reach a person: their email, phone and handles, as the record has them.
struct Reach {
  std::string email;
  std::string phone;
  StringPairs handles;
};

Reach reach_of(const Store& store, const std::string& id) {
  try {
    Person p = read_person(store, id);
    return {p.email, p.phone, p.handles};  // "value (type)", as `show` prints them
  } catch (const Error&) {
    return {};  // removed or broken since the index was read: the rest of the answer still holds
  }
}

nlohmann::ordered_json reach_json(const Reach& r) {
  nlohmann::ordered_json handles = nlohmann::ordered_json::object();
  for (const auto& [network, handle] : r.handles) handles[network] = handle;
  auto value = [](const std::string& typed) {
    std::string v = split_typed_value(typed).first;
    return v.empty() ? nlohmann::ordered_json(nullptr) : nlohmann::ordered_json(v);
  };
  return {{"email", value(r.email)},
          {"phone", value(r.phone)},
          {"handles", handles}};
}

/// "mlopez@westbrook.edu, +1 555 0100, twitter @mlopez", or "" when the record has none.
std::string reach_text(const Reach& r) {
  std::vector<std::string> ways;
  if (!r.email.empty()) ways.push_back(safe(r.email));
  if (!r.phone.empty()) ways.push_back(safe(r.phone));
  for (const auto& [network, handle] : r.handles) ways.push_back(safe(network) + " " + safe(handle));
  return join(ways, ", ");
}

nlohmann::ordered_json candidate_json(const Candidate& c, bool explain, const Reach& reach) {
  nlohmann::ordered_json out = {{"id", c.id},
                                {"name", c.name},
                                {"score", c.score},
                                {"confidence", c.confidence},
                                {"reasons", c.reasons},
                                {"reach", reach_json(reach)}};
  if (explain) {
    nlohmann::ordered_json terms = nlohmann::ordered_json::object();
    for (const auto& [name, value] : c.terms) terms[name] = std::round(value * 1000) / 1000;
    out["terms"] = terms;
  }
  return out;
}

void print_candidate(const Output& io, std::size_t rank, const Candidate& c, bool explain,
                     const Reach& reach) {
  io.out << fmt::format("{}. {} ({})  {}  {:.2f}\n", rank, io.style(safe(c.name), "bold"), c.id,
                        c.confidence, c.score);
  std::string ways = reach_text(reach);
  io.out << "   reach: " << (ways.empty() ? io.style("no email, phone or handle on record", "dim") : ways)
         << '\n';
  for (const auto& r : c.reasons) io.out << "   " << safe(r) << '\n';
  if (explain) {
    std::vector<std::string> terms;
    for (const auto& [name, value] : c.terms) terms.push_back(fmt::format("{} {:.3f}", name, value));
    io.out << "   " << io.style("terms: " + join(terms, ", "), "dim") << '\n';
  }
}

void run_who_knows(const Options& opts, Context& ctx) {
  std::string question = clean_input(opts.question, "the question", true);
  if (question.empty())
    throw Error("the question is empty", "peers who-knows \"when is the FAFSA deadline?\"", exit_usage);
  if (opts.limit == 0) throw Error("--limit must be at least 1", {}, exit_usage);
  std::vector<Problem> skipped;
  RoutingIndex index = ctx.store().routing_index(skipped);
  report_skipped(ctx.io, skipped);
  RankOptions options;
  options.limit = opts.limit;
  options.now = ctx.now();
  options.explain = opts.explain;
  RoutingResult result = index.route(question, options);

  if (opts.json) {
    nlohmann::ordered_json out = nlohmann::ordered_json::array();
    for (const auto& c : result.people)
      out.push_back(candidate_json(c, opts.explain, reach_of(ctx.store(), c.id)));
    print_json(ctx.io, out);
    return;
  }
  if (!result.good_fit) {
    ctx.io.out << "Nobody in the store is a good fit for this question.\n";
    if (!result.closest_topics.empty()) {
      std::vector<std::string> names;
      for (const auto& t : result.closest_topics) names.push_back(safe(t));
      ctx.io.out << "Closest topics: " << join(names, ", ") << '\n';
    }
    if (!result.people.empty()) {
      ctx.io.out << "Weak matches, only if nothing better turns up:\n";
      for (std::size_t i = 0; i < result.people.size(); ++i)
        print_candidate(ctx.io, i + 1, result.people[i], opts.explain,
                        reach_of(ctx.store(), result.people[i].id));
    }
    return;
  }
  for (std::size_t i = 0; i < result.people.size(); ++i)
    print_candidate(ctx.io, i + 1, result.people[i], opts.explain,
                        reach_of(ctx.store(), result.people[i].id));
}

}  // namespace

void add_who_knows(CLI::App& app, Context& ctx) {
  auto opts = std::make_shared<Options>();
  auto* cmd = app.add_subcommand(
      "who-knows", "Who can answer a follower's question, best first, with the reasons");
  cmd->add_option("question", opts->question, "The question, as the follower wrote it")->required();
  cmd->add_option("-n,--limit", opts->limit, "Show at most this many people (default 5)");
  cmd->add_flag("--json", opts->json,
                "Print a JSON array of {id, name, score, confidence, reasons, reach}, best first");
  cmd->add_flag("--explain", opts->explain, "Show every scoring term behind each score");
  cmd->footer(examples({"peers who-knows \"when is the FAFSA deadline?\"",
                        "peers who-knows \"parking for visitors at the game\" --limit 3 --json",
                        "peers who-knows \"wen is the fafsa due??\" --explain"}));
  cmd->callback([opts, &ctx] { run_who_knows(*opts, ctx); });
}

}  // namespace peers::cli
