#include <algorithm>

#include <CLI/CLI.hpp>

#include <fmt/format.h>

#include "commands.hpp"
#include "context.hpp"
#include "output.hpp"
#include "peers/error.hpp"
#include "resolve.hpp"

namespace peers::cli {
namespace {

struct Options {
  std::string id;
  bool yes = false;
};

void run_rm(const Options& opts, Context& ctx) {
  Store& store = ctx.store();
  std::string id = resolve_id(store, Kind::person, opts.id);
  Person p = read_person(store, id);
  if (!opts.yes) {
    if (!ctx.env.stdin_is_terminal)
      throw Error(fmt::format("refusing to remove {} without confirmation", id),
                  "pass --yes to remove without asking", exit_usage);
    if (!confirm(ctx.io, fmt::format("Remove {} ({})?", safe(p.name), id)))
      throw Error("nothing was removed", {}, exit_error);
  }
  auto lock = store.lock();  // also re-reads peers.yaml: another rm may have retired an id
  if (!store.exists(Kind::person, id))
    throw Error(fmt::format("{} was removed by another command meanwhile", id),
                "nothing was changed");
  p = read_person(store, id);
  StoreConfig config = store.config();
  if (std::find(config.retired_ids.begin(), config.retired_ids.end(), id) ==
      config.retired_ids.end())
    config.retired_ids.push_back(id);  // ids are never given out again
  // Retire the id first, then remove the file: stopped in between (a crash, a full disk), the
  // store keeps the person and 'peers check' reports the left-over file; the id is never free.
  store.write_config(config);
  try {
    store.remove(Kind::person, id);
  } catch (const Error& e) {
    throw Error(e.where(), e.what(),
                fmt::format("{} is already retired in peers.yaml; remove the file by hand to "
                            "finish ('peers check' reports it until then)",
                            id));
  }
  ctx.record_change(fmt::format("remove {}", p.name));
  ctx.io.note(fmt::format("Removed {} ({}). Their id will not be reused.", safe(p.name), id));
}

}  // namespace

void add_rm(CLI::App& app, Context& ctx) {
  auto opts = std::make_shared<Options>();
  auto* cmd = app.add_subcommand("rm", "Remove a person (asks first on a terminal)");
  cmd->add_option("id", opts->id, "The person's id or a unique prefix")->required();
  cmd->add_flag("-y,--yes", opts->yes, "Do not ask; needed when not on a terminal");
  cmd->footer(examples({"peers rm maria-lopez --yes   # without --yes: asks first, on a terminal",
                        "peers edit jose-nunez --set status=left --set forward_to=kwame-asante"
                        "   # often better than rm: keeps their history"}));
  cmd->callback([opts, &ctx] { run_rm(*opts, ctx); });
}

}  // namespace peers::cli
