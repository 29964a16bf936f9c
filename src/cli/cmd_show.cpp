#include <CLI/CLI.hpp>

#include "commands.hpp"
#include "context.hpp"
#include "events_view.hpp"
#include "output.hpp"
#include "people.hpp"
#include "questions.hpp"
#include "records_json.hpp"
#include "resolve.hpp"

namespace peers::cli {
namespace {

struct Options {
  std::string id;
  bool json = false;
};

void run_show(const Options& opts, Context& ctx) {
  Store& store = ctx.store();
  Resolved r = resolve(store, opts.id, {Kind::person, Kind::question, Kind::event, Kind::lead});
  switch (r.kind) {
    case Kind::person: {
      Person p = read_person(store, r.id);
      PersonActivity activity = person_activity(store, p.id);
      if (opts.json) {
        auto out = to_json(p);
        add_person_activity(out, activity, p.id);
        print_json(ctx.io, out);
      } else {
        print_person(ctx.io, p, ctx.today());
        print_person_activity(ctx.io, activity, p.id);
      }
      break;
    }
    case Kind::question: {
      Question q = read_question(store, r.id);
      if (opts.json) print_json(ctx.io, to_json(q));
      else print_question(ctx.io, q, ctx.now());
      break;
    }
    case Kind::event: {
      Event e = read_event(store, r.id);
      if (opts.json) print_json(ctx.io, to_json(e));
      else print_event(ctx.io, store, e, ctx.today());
      break;
    }
    case Kind::lead: {
      Lead l = read_lead(store, r.id);
      if (opts.json) print_json(ctx.io, to_json(l));
      else print_lead(ctx.io, store, l);
      break;
    }
    default: break;
  }
}

}  // namespace

void add_show(CLI::App& app, Context& ctx) {
  auto opts = std::make_shared<Options>();
  auto* cmd = app.add_subcommand("show", "Show a person, question, event or lead, by id or unique prefix");
  cmd->add_option("id", opts->id, "An id, or the start of one")->required();
  cmd->add_flag("--json", opts->json, "Print the record as JSON");
  cmd->footer(examples({"peers show maria-lopez", "peers show jos        # any unique prefix",
                        "peers show 7fk2       # a question", "peers show maria-lopez --json"}));
  cmd->callback([opts, &ctx] { run_show(*opts, ctx); });
}

}  // namespace peers::cli
