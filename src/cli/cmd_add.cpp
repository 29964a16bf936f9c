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
  std::string email;
  std::string phone;
  std::vector<std::string> knows;
  std::vector<std::string> tags;
  std::vector<std::string> handles;
  std::string met;
  std::string note;
};

void prompt_for_common_fields(Options& opts, const Output& io) {
  io.err << "Adding " << safe(opts.name) << ". Press Enter to skip a field.\n";
  opts.title = prompt_line(io, "Title");
  opts.department = prompt_line(io, "Department");
  opts.email = prompt_line(io, "Email");
  for (auto& topic : split(prompt_line(io, "Knows about (comma-separated)"), ','))
    if (!trim(topic).empty()) opts.knows.push_back(trim(topic));
  opts.note = prompt_line(io, "Note");
}

void run_add(Options opts, Context& ctx) {
  bool only_name = opts.title.empty() && opts.department.empty() && opts.email.empty() &&
                   opts.phone.empty() && opts.knows.empty() && opts.tags.empty() &&
                   opts.handles.empty() && opts.met.empty() && opts.note.empty();
  if (only_name && ctx.env.stdin_is_terminal) prompt_for_common_fields(opts, ctx.io);

  Person person;
  person.name = clean_input(opts.name, "the name");
  if (person.name.empty()) throw Error("a person needs a name", "peers add \"Maria Lopez\"", exit_usage);
  person.title = clean_input(opts.title, "--title");
  person.department = clean_input(opts.department, "--dept");
  person.email = clean_input(opts.email, "--email");
  person.phone = clean_input(opts.phone, "--phone");
  person.notes = clean_input(opts.note, "--note", true);
  for (const auto& k : opts.knows) add_unique(person.expertise, clean_input(k, "--knows"));
  for (const auto& t : opts.tags) add_unique(person.tags, clean_input(t, "--tag"));
  for (const auto& h : opts.handles) set_handle(person.handles, clean_input(h, "--handle"));
  validate_email(person.email);
  person.met = opts.met.empty() ? ctx.today() : parse_date_input(opts.met, "--met");

  std::string base = slugify(person.name);
  if (base.empty())
    throw Error(fmt::format("cannot make an id from the name '{}'", safe(person.name)),
                "use a name with letters or digits", exit_usage);

  Store& store = ctx.store();
  person.added_by = ctx.team_member();
  auto lock = store.lock();
  const auto& retired = store.config().retired_ids;
  std::string id = base;
  for (int n = 2; store.exists(Kind::person, id) ||
                  std::find(retired.begin(), retired.end(), id) != retired.end();
       ++n) {
    std::string suffix = fmt::format("-{}", n);
    id = base.substr(0, 64 - suffix.size()) + suffix;
  }
  person.id = id;
  for (const auto& other : same_email_people(store, person.email))
    ctx.io.warn(fmt::format("{} has the same email; if this is the same person, "
                            "'peers merge-people {} {}' folds them together",
                            other, other, id));
  write_person(store, person);
  ctx.record_change(fmt::format("add {}", person.name));
  ctx.io.out << id << '\n';
  ctx.io.note(fmt::format("Added {} as {}", safe(person.name), id));
}

}  // namespace

void add_add(CLI::App& app, Context& ctx) {
  auto opts = std::make_shared<Options>();
  auto* cmd = app.add_subcommand("add", "Record a person you met (prints the new id)");
  cmd->add_option("name", opts->name, "Their full name")->required();
  cmd->add_option("--title", opts->title, "Job title");
  cmd->add_option("--dept,--department", opts->department, "Department or unit");
  cmd->add_option("--email", opts->email, "Email address");
  cmd->add_option("--phone", opts->phone, "Phone number");
  cmd->add_option("--knows", opts->knows, "A topic they know about (repeatable)")
      ->option_text("TOPIC");
  cmd->add_option("--tag", opts->tags, "A tag (repeatable)");
  cmd->add_option("--handle", opts->handles, "A social handle, NETWORK=HANDLE (repeatable)");
  cmd->add_option("--met", opts->met, "When you met (YYYY-MM-DD, default today)");
  cmd->add_option("--note", opts->note, "A note about them");
  cmd->footer(examples(
      {"peers add \"Maria López\" --title \"Associate Director\" --dept \"Undergraduate Admissions\" \\",
       "    --email mlopez@westbrook.edu --knows admissions --knows \"transfer students\" \\",
       "    --tag orientation --met 2026-11-20 --note \"Runs the transfer info sessions\"",
       "peers add \"Kwame Asante\"      # on a terminal: asks for the common fields"}));
  cmd->callback([opts, &ctx] { run_add(*opts, ctx); });
}

}  // namespace peers::cli
