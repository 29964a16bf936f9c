#include <CLI/CLI.hpp>

#include <fmt/format.h>

#include "commands.hpp"
#include "context.hpp"
#include "events_view.hpp"
#include "input.hpp"
#include "output.hpp"
#include "people.hpp"
#include "peers/error.hpp"
#include "peers/events.hpp"
#include "peers/questions.hpp"
#include "peers/text.hpp"
#include "resolve.hpp"

namespace peers::cli {
namespace {

struct AddOptions {
  std::string title;
  std::string from;
  std::vector<std::string> topics;
  std::string note;
};

struct SetOptions {
  std::string id;
  std::string status;
  std::optional<std::string> link;
  std::optional<std::string> note;
  std::optional<std::string> title;
  std::optional<std::string> from;  // `lead edit` only, as are the topics
  std::vector<std::string> topics;
  std::vector<std::string> untopics;
};

struct RmOptions {
  std::string id;
  bool yes = false;
};

struct ShowOptions {
  std::string id;
  bool json = false;
};

/// A random id (like question ids) that no record of the store has yet.
std::string unused_lead_id(const Store& store, const Environment& env) {
  QuestionIdGenerator ids(env.question_id_seed);
  for (int attempt = 0; attempt < 1000; ++attempt) {
    std::string id = ids.next();
    bool taken = false;
    for (const auto& kind : all_kinds()) taken = taken || store.exists(kind.kind, id);
    if (!taken) return id;
  }
  throw Error("could not find an unused lead id", "this is a bug in peers; please report it");
}

LeadStatus parse_status_option(const std::string& value) {
  auto status = parse_lead_status(to_lower_ascii(trim(value)));
  if (!status)
    throw Error(fmt::format("--status is idea, pitched, scheduled or published, not '{}'",
                            safe(value)),
                "for example: --status pitched", exit_usage);
  return *status;
}

void run_lead_add(const AddOptions& opts, Context& ctx) {
  std::string title = clean_input(opts.title, "the lead's title");
  if (title.empty())
    throw Error("a lead needs a title", "peers lead add \"Mars rover lab's first field test\"",
                exit_usage);
  std::vector<std::string> topics;
  for (const auto& t : opts.topics) add_unique(topics, clean_input(t, "--topic"));
  std::string notes = clean_input(opts.note, "--note", true);
  Store& store = ctx.store();
  std::string from =
      opts.from.empty() ? "" : resolve_id(store, Kind::person, clean_input(opts.from, "--from"));
  auto lock = store.lock();
  Lead lead = new_lead(unused_lead_id(store, ctx.env), std::move(title), from,
                       std::move(topics), std::move(notes), ctx.now(), ctx.team_member());
  write_lead(store, lead);
  ctx.record_change(fmt::format("lead add {}", lead.id));
  ctx.io.out << lead.id << '\n';
  ctx.io.note(fmt::format("Added the lead {} (idea)", lead.id));
}

void run_lead_set(const SetOptions& opts, Context& ctx) {
  if (opts.status.empty() && !opts.link && !opts.note && !opts.title && !opts.from &&
      opts.topics.empty() && opts.untopics.empty())
    throw Error("nothing to change", "give --status, --link, --note or --title", exit_usage);
  std::optional<LeadStatus> status;
  if (!opts.status.empty()) status = parse_status_option(opts.status);
  std::optional<std::string> link;
  if (opts.link) {
    link = clean_input(*opts.link, "--link");
    if (!link->empty()) validate_link(*link);
  }
  std::optional<std::string> title;
  if (opts.title) {
    title = clean_input(*opts.title, "--title");
    if (title->empty()) throw Error("a lead needs a title", {}, exit_usage);
  }
  std::optional<std::string> note;
  if (opts.note) note = clean_input(*opts.note, "--note", true);

  Store& store = ctx.store();
  std::optional<std::string> from;
  if (opts.from) {
    std::string wanted = clean_input(*opts.from, "--from");
    from = wanted.empty() ? "" : resolve_id(store, Kind::person, wanted);
  }
  std::string id = resolve_id(store, Kind::lead, opts.id);
  auto lock = store.lock();
  Lead lead = read_lead(store, id);
  Lead before = lead;
  if (from) lead.from = *from;
  for (const auto& t : opts.topics) add_unique(lead.topics, clean_input(t, "--topic"));
  for (const auto& t : opts.untopics)
    if (!remove_matching(lead.topics, clean_input(t, "--untopic")))
      throw Error(fmt::format("the lead {} has no topic '{}'", id, safe(t)),
                  lead.topics.empty() ? "it has no topics"
                                      : "its topics: " + safe(join(lead.topics, ", ")),
                  exit_usage);
  if (status) set_lead_status(lead, *status, ctx.now(), ctx.team_member());
  if (link) lead.link = *link;
  if (title) lead.title = *title;
  if (note) lead.notes = *note;
  if (lead_to_node(lead).same_data(lead_to_node(before))) {
    ctx.io.note(fmt::format("{} is already like that; nothing changed", id));
    return;
  }
  write_lead(store, lead);
  ctx.record_change(fmt::format("lead set {} {}", id, to_string(lead.status)));
  ctx.io.note(fmt::format("Updated the lead {} ({})", id, to_string(lead.status)));
  if (lead.status == LeadStatus::published && lead.link.empty())
    ctx.io.note(fmt::format("Add where it ran: peers lead set {} --link https://...", id));
}

void run_lead_rm(const RmOptions& opts, Context& ctx) {
  Store& store = ctx.store();
  std::string id = resolve_id(store, Kind::lead, opts.id);
  Lead lead = read_lead(store, id);
  if (!opts.yes) {
    if (!ctx.env.stdin_is_terminal)
      throw Error(fmt::format("refusing to remove the lead {} without confirmation", id),
                  fmt::format("peers lead rm {} --yes", id), exit_usage);
    if (!confirm(ctx.io, fmt::format("Remove the lead {} ({})?", id, safe(lead.title))))
      throw Error("nothing was removed", {}, exit_error);
  }
  auto lock = store.lock();
  if (!store.exists(Kind::lead, id))
    throw Error(fmt::format("the lead {} was removed by another command meanwhile", id),
                "nothing was changed");
  store.remove(Kind::lead, id);
  ctx.record_change(fmt::format("lead rm {}", id));
  ctx.io.note(fmt::format("Removed the lead {} ({})", id, safe(lead.title)));
}

/// The flags `lead set` and `lead edit` share.
void add_set_options(CLI::App& cmd, SetOptions& opts) {
  cmd.add_option("id", opts.id, "The lead's id or a unique prefix")->required();
  cmd.add_option("--status", opts.status, "idea, pitched, scheduled or published");
  cmd.add_option("--link", opts.link, "Where the story ran (empty: remove)")->option_text("URL");
  cmd.add_option("--note", opts.note, "Replace the notes");
  cmd.add_option("--title", opts.title, "Replace the title");
}

void run_lead_show(const ShowOptions& opts, Context& ctx) {
  Store& store = ctx.store();
  Lead lead = read_lead(store, resolve_id(store, Kind::lead, opts.id));
  if (opts.json) print_json(ctx.io, to_json(lead));
  else print_lead(ctx.io, store, lead);
}

}  // namespace

void add_lead(CLI::App& app, Context& ctx) {
  auto* lead = app.add_subcommand("lead", "Keep a story lead a colleague gave you (add, set, edit, show, rm)");
  lead->require_subcommand(1);
  lead->footer(examples(
      {"peers lead add \"Mars rover lab's first field test\" --from kwame-asante --topic research \\",
       "    --note \"Field test in March; photos allowed\"",
       "peers lead set 3kq7 --status published --link https://news.westbrook.edu/rover",
       "peers lead show 3kq7"}));

  auto add_opts = std::make_shared<AddOptions>();
  auto* add = lead->add_subcommand("add", "Add a lead, status idea (prints its id)");
  add->add_option("title", add_opts->title, "What the story is")->required();
  add->add_option("--from", add_opts->from, "Who gave the lead (a person id)")
      ->option_text("PERSON");
  add->add_option("--topic", add_opts->topics, "A topic it is about (repeatable)");
  add->add_option("--note", add_opts->note, "Details: dates, contacts, what is allowed");
  add->footer(examples(
      {"peers lead add \"Mars rover lab's first field test\" --from kwame-asante --topic research \\",
       "    --note \"Field test in March; photos allowed\""}));
  add->callback([add_opts, &ctx] { run_lead_add(*add_opts, ctx); });

  auto set_opts = std::make_shared<SetOptions>();
  auto* set = lead->add_subcommand("set", "Move a lead along, or change its link, note or title");
  add_set_options(*set, *set_opts);
  set->footer(examples({"peers lead set 3kq7 --status pitched",
                        "peers lead set 3kq7 --status published --link https://news.westbrook.edu/rover"}));
  set->callback([set_opts, &ctx] { run_lead_set(*set_opts, ctx); });

  auto edit_opts = std::make_shared<SetOptions>();
  auto* edit = lead->add_subcommand(
      "edit", "Change a lead: title, note, link, status, who gave it, its topics");
  add_set_options(*edit, *edit_opts);
  edit->add_option("--from", edit_opts->from, "Who gave the lead (a person id; empty: nobody)")
      ->option_text("PERSON");
  edit->add_option("--topic", edit_opts->topics, "Add a topic (repeatable)");
  edit->add_option("--untopic", edit_opts->untopics, "Remove a topic (repeatable)");
  edit->footer(examples({"peers lead edit 3kq7 --title \"Rover lab field test\" --topic robotics",
                         "peers lead edit 3kq7 --from jose-nunez --untopic research"}));
  edit->callback([edit_opts, &ctx] { run_lead_set(*edit_opts, ctx); });

  auto rm_opts = std::make_shared<RmOptions>();
  auto* rm = lead->add_subcommand("rm", "Remove a lead (asks first on a terminal)");
  rm->add_option("id", rm_opts->id, "The lead's id or a unique prefix")->required();
  rm->add_flag("-y,--yes", rm_opts->yes, "Do not ask; needed when not on a terminal");
  rm->footer(examples({"peers lead rm 3kq7 --yes"}));
  rm->callback([rm_opts, &ctx] { run_lead_rm(*rm_opts, ctx); });

  auto show_opts = std::make_shared<ShowOptions>();
  auto* show = lead->add_subcommand("show", "Show a lead and its history");
  show->add_option("id", show_opts->id, "The lead's id or a unique prefix")->required();
  show->add_flag("--json", show_opts->json, "Print the lead as JSON");
  show->footer(examples({"peers lead show 3kq7", "peers lead show 3kq7 --json"}));
  show->callback([show_opts, &ctx] { run_lead_show(*show_opts, ctx); });
}

}  // namespace peers::cli
