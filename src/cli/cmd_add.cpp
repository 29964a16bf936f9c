#include <CLI/CLI.hpp>

#include <algorithm>

#include <fmt/format.h>

#include "commands.hpp"
#include "context.hpp"
#include "input.hpp"
#include "output.hpp"
#include "people.hpp"
#include "peers/error.hpp"
#include "peers/text.hpp"

namespace peers::cli {
namespace {

struct Options {
  std::string name;
  std::string title;
  std::string department;
  std::string organization;
  std::string email;
  std::string phone;
  std::vector<std::string> knows;
  std::vector<std::string> tags;
  std::vector<std::string> handles;
  std::string met;
  std::string note;
  std::string id;
};

void prompt_for_common_fields(Options& opts, const Output& io) {
  io.err << "Adding " << safe(opts.name) << ". Press Enter to skip a field.\n";
  opts.title = prompt_line(io, "Title");
  opts.department = prompt_line(io, "Department");
  opts.email = prompt_line(io, "Email");
  for (auto& topic : split(prompt_line(io, "Knows about (comma-separated)"), ','))
    if (!trim(topic).empty()) opts.knows.push_back(trim(topic));
  opts.met = prompt_line(io, "Met on (YYYY-MM-DD or 'today'; Enter if you have not met)");
  opts.note = prompt_line(io, "Note");
}

/// The first id from `base`, `base-2`, `base-3`... that is valid (not a device name such as
/// "con"), not taken and not retired.
std::string free_id(const Store& store, const std::string& base) {
  const auto& retired = store.config().retired_ids;
  auto usable = [&](const std::string& id) {
    return is_valid_id(id) && !store.exists(Kind::person, id) &&
           std::find(retired.begin(), retired.end(), id) == retired.end();
  };
  std::string id = base;
  for (int n = 2; !usable(id); ++n) {
    std::string suffix = fmt::format("-{}", n);
    id = base.substr(0, 64 - suffix.size()) + suffix;
  }
  return id;
}

void run_add(Options opts, Context& ctx) {
  bool only_name = opts.title.empty() && opts.department.empty() && opts.email.empty() &&
                   opts.organization.empty() &&
                   opts.phone.empty() && opts.knows.empty() && opts.tags.empty() &&
                   opts.handles.empty() && opts.met.empty() && opts.note.empty();
  if (only_name && ctx.env.stdin_is_terminal) prompt_for_common_fields(opts, ctx.io);

  Person person;
  person.name = clean_name(opts.name, "the name");
  if (person.name.empty()) throw Error("a person needs a name", "peers add \"Maria Lopez\"", exit_usage);
  person.title = clean_input(opts.title, "--title");
  person.department = clean_input(opts.department, "--dept");
  person.organization = clean_input(opts.organization, "--org");
  person.email = clean_input(opts.email, "--email");
  person.phone = clean_input(opts.phone, "--phone");
  person.notes = clean_input(opts.note, "--note", true);
  for (const auto& k : opts.knows) add_unique(person.expertise, clean_input(k, "--knows"));
  for (const auto& t : opts.tags) add_unique(person.tags, clean_input(t, "--tag"));
  for (const auto& h : opts.handles) set_handle(person.handles, clean_input(h, "--handle"));
  validate_typed(person.email, "--email");
  validate_typed(person.phone, "--phone");
  validate_email(person.email);
  // Only a meeting the user tells of: a made-up "met today" hides people from `stale --never`.
  if (!opts.met.empty())
    person.met = to_lower_ascii(trim(opts.met)) == "today" ? ctx.today()
                                                           : parse_date_input(opts.met, "--met");

  std::string wanted_id = clean_input(opts.id, "--id");
  if (!wanted_id.empty() && !is_valid_id(wanted_id))
    throw Error(fmt::format("--id '{}' is not a usable id", safe(wanted_id)),
                "ids are lowercase letters, digits and '-' (at most 64), not a device name "
                "such as con or nul; e.g. --id olena-k",
                exit_usage);
  std::string base = wanted_id.empty() ? slugify(person.name) : wanted_id;
  if (base.empty())
    throw Error(fmt::format("cannot make an id from the name '{}': it has no letter or digit "
                            "with a Latin form",
                            safe(person.name)),
                "choose the id with --id, e.g. --id snow-white", exit_usage);

  Store& store = ctx.store();
  person.added_by = ctx.team_member();
  auto lock = store.lock();
  if (!wanted_id.empty() && store.exists(Kind::person, wanted_id))
    throw Error(fmt::format("the id '{}' is taken", wanted_id),
                fmt::format("'peers show {}' shows who has it; choose another --id", wanted_id),
                exit_usage);
  const auto& retired = store.config().retired_ids;
  if (!wanted_id.empty() && std::find(retired.begin(), retired.end(), wanted_id) != retired.end())
    throw Error(fmt::format("the id '{}' belonged to someone removed and is never reused",
                            wanted_id),
                "choose another --id", exit_usage);
  std::string id = free_id(store, base);
  person.id = id;
  std::vector<std::pair<std::string, std::string>> same_name;  // (id, name)
  std::string key = name_key(person.name);
  for (const auto& other : store.snapshot({Kind::person}).people)
    if (name_key(other.name) == key) same_name.emplace_back(other.id, other.name);
  for (const auto& other : same_email_people(store, person.email))
    ctx.io.warn(fmt::format("{} has the same email; if this is the same person, "
                            "'peers merge-people {} {}' folds them together",
                            other, other, id));
  write_person(store, person);
  ctx.record_change(fmt::format("add {}", person.name));
  ctx.io.out << id << '\n';
  ctx.io.note(fmt::format("Added {} as {}", safe(person.name), id));
  if (!same_name.empty()) {
    std::sort(same_name.begin(), same_name.end());
    std::vector<std::string> who;
    for (const auto& [other_id, other_name] : same_name)
      who.push_back(fmt::format("{} ({})", safe(other_name), other_id));
    std::string listed = who.size() == 1 ? who.front()
                                         : join({who.begin(), who.end() - 1}, ", ") + " and " +
                                               who.back();
    ctx.io.warn(fmt::format("{} {} the same name; if that is who you meant, 'peers rm {} --yes' "
                            "undoes this add ('--id ID' chooses the id of a real namesake)",
                            listed, who.size() == 1 ? "has" : "have", id));
  }
}

}  // namespace

void add_add(CLI::App& app, Context& ctx) {
  auto opts = std::make_shared<Options>();
  auto* cmd = app.add_subcommand("add", "Record a person you met (prints the new id)");
  cmd->add_option("name", opts->name, "Their full name")->required();
  cmd->add_option("--title", opts->title, "Job title");
  cmd->add_option("--dept,--department", opts->department, "Department or unit");
  cmd->add_option("--org,--organization", opts->organization,
                  "Organisation, for people outside yours (a newspaper, a partner)");
  cmd->add_option("--email", opts->email,
                  "Email address, its type in brackets when not work: \"ana@home.org (home)\"");
  cmd->add_option("--phone", opts->phone,
                  "Phone number, its type in brackets when not work: \"+1 555 0100 (mobile)\"");
  cmd->add_option("--knows", opts->knows, "A topic they know about (repeatable)")
      ->option_text("TOPIC");
  cmd->add_option("--tag", opts->tags, "A tag (repeatable)");
  cmd->add_option("--handle", opts->handles, "A social handle, NETWORK=HANDLE (repeatable)");
  cmd->add_option("--met", opts->met, "When you met (YYYY-MM-DD or 'today'; none when left out)");
  cmd->add_option("--note", opts->note, "A note about them");
  cmd->add_option("--id", opts->id,
                  "The id to give them (default: made from the name, transliterated to Latin)");
  cmd->footer(examples(
      {"peers add \"Maria López\" --title \"Associate Director\" --dept \"Undergraduate Admissions\" \\",
       "    --email mlopez@westbrook.edu --knows admissions --knows \"transfer students\" \\",
       "    --tag orientation --met 2026-11-20 --note \"Runs the transfer info sessions\"",
       "peers add \"Kwame Asante\"      # on a terminal: asks for the common fields",
       "peers add \"Олена Коваленко\"   # id olena-kovalenko; --id okovalenko chooses another"}));
  cmd->callback([opts, &ctx] { run_add(*opts, ctx); });
}

}  // namespace peers::cli
