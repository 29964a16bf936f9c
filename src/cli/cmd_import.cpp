#include <CLI/CLI.hpp>

#include <algorithm>
#include <iterator>
#include <optional>
#include <set>

#include <fmt/format.h>

#include "commands.hpp"
#include "context.hpp"
#include "input.hpp"
#include "output.hpp"
#include "progress.hpp"
#include "peers/contacts.hpp"
#include "peers/error.hpp"
#include "peers/text.hpp"
#include "skipped.hpp"

namespace peers::cli {
namespace {

constexpr std::size_t max_import_bytes = 64 * 1024 * 1024;

struct Options {
  std::string file;
  std::string format;  // vcard, csv, or empty to tell from the file
  std::vector<std::string> maps;
  std::vector<std::string> tags;
  bool dry_run = false;
};

/// What import does with one contact.
struct Action {
  enum class What { add, update, skip } what;
  int line = 0;
  std::string id;
  std::string name;
  std::string detail;  // fields changed, or why it was skipped
};

bool looks_like_vcard(std::string_view text) {
  std::string start = to_lower_ascii(text.substr(0, 4096));
  return start.find("begin:vcard") != std::string::npos;
}

bool not_email_address(const std::string& e) {
  return e.find('@') == std::string::npos || e.find(' ') != std::string::npos;
}

/// Why a person read from the file cannot be stored as it is, or nothing.
std::optional<std::string> unusable(const Person& p) {
  if (auto bad = invisible_character(p.name)) return "the name contains " + *bad;
  for (const std::string* text :
       {&p.name, &p.title, &p.organization, &p.department, &p.email, &p.phone})
    if (auto bad = forbidden_character(*text, false)) return *bad;
  if (auto bad = forbidden_character(p.notes, true)) return *bad;
  for (const auto& list : {&p.tags, &p.expertise, &p.emails, &p.phones, &p.nicknames})
    for (const auto& item : *list)
      if (auto bad = forbidden_character(item, false)) return *bad;
  for (const auto& [network, handle] : p.handles)
    if (auto bad = forbidden_character(network + handle, false)) return *bad;
  for (const auto& [part, value] : p.name_parts)
    if (auto bad = forbidden_character(value, false)) return *bad;
  if (!p.email.empty() && not_email_address(split_typed_value(p.email).first))
    return fmt::format("'{}' is not an email address", p.email);
  try {
    person_from_node(person_to_node(p), "x", "import");
  } catch (const Error& e) {
    return std::string(e.what());
  }
  return std::nullopt;
}

/// A free id for `p`: the one the file suggests when it is their name's slug (as peers'
/// own exports write it) or their name is not in Latin letters, else the slug (transliterated to Latin), with -2, -3... when taken,
/// retired or a device name; "person" when no Latin letter or digit comes of the name.
std::string new_id(const Person& p, const std::set<std::string>& taken, Slugger& slugger) {
  std::string base = slugger(p.name);
  if (base.empty()) base = "person";
  auto free = [&](const std::string& id) { return is_valid_id(id) && !taken.count(id); };
  bool suggested_is_slug = p.id == base || (p.id.rfind(base + "-", 0) == 0 &&
                                            p.id.size() > base.size() + 1 &&
                                            std::all_of(p.id.begin() + base.size() + 1,
                                                        p.id.end(), [](char c) { return c >= '0' && c <= '9'; }));
  // For a name not in Latin letters the slug is a transliteration, a guess: an id the file
  // gives (as peers' export writes one chosen with `add --id`) is kept when it has a letter.
  std::string folded = fold(p.name);
  bool transliterated = std::any_of(folded.begin(), folded.end(),
                                    [](char c) { return static_cast<unsigned char>(c) >= 0x80; });
  bool has_letter =
      std::any_of(p.id.begin(), p.id.end(), [](char c) { return c >= 'a' && c <= 'z'; });
  if ((suggested_is_slug || (transliterated && has_letter)) && free(p.id)) return p.id;
  std::string id = base;
  for (int n = 2; !free(id); ++n) {
    std::string suffix = fmt::format("-{}", n);
    id = base.substr(0, 64 - suffix.size()) + suffix;
  }
  return id;
}

/// The plan on stdout, one line per person; lines of the file that could not be read are
/// warnings on stderr, as FILE:LINE: reason.
void print_plan(const Output& io, const std::vector<Action>& actions, const std::string& file) {
  Table table;
  table.styles = {"", "bold", "", ""};
  for (const auto& a : actions) {
    switch (a.what) {
      case Action::What::add:
        table.add({"add", a.id, safe(a.name), a.detail.empty() ? "" : "(" + safe(a.detail) + ")"});
        break;
      case Action::What::update:
        table.add({"update", a.id, safe(a.name), "(" + safe(a.detail) + ")"});
        break;
      case Action::What::skip:
        if (a.name.empty())
          io.warn(fmt::format("{}:{}: {}", safe(file), a.line, safe(a.detail)));
        else
          table.add({"skip", a.id.empty() ? "-" : a.id, safe(a.name), "(" + safe(a.detail) + ")"});
        break;
    }
  }
  table.print(io);
}

void run_import(const Options& opts, Context& ctx) {
  auto mappings =
      parse_column_mappings(opts.maps, "--map \"Work Email=email\" or --map 3=department");
  std::vector<std::string> extra_tags;
  for (const auto& t : opts.tags) extra_tags.push_back(clean_input(t, "--tag"));
  std::string display = opts.file == "-" ? "stdin" : opts.file;
  std::string text;
  if (opts.file == "-") {
    text.assign(std::istreambuf_iterator<char>(ctx.io.in), std::istreambuf_iterator<char>());
  } else {
    text = read_regular_file(opts.file, opts.file, max_import_bytes);
  }
  text = contacts_text_as_utf8(std::move(text), display);
  std::string format = opts.format.empty() ? (looks_like_vcard(text) ? "vcard" : "csv")
                                           : opts.format;
  if (format == "vcard" && !mappings.empty())
    throw Error("--map is for CSV files", "leave out --map for vCards", exit_usage);
  ContactsFile contacts =
      format == "vcard" ? parse_vcards(text) : contacts_from_csv(text, mappings);
  if (contacts.format.empty()) contacts.format = format == "vcard" ? "vCard" : "CSV";

  Store& store = ctx.store();
  std::optional<Store::Lock> lock;
  if (!opts.dry_run) lock.emplace(store.lock());
  Snapshot snapshot = store.snapshot({Kind::person});
  report_skipped(ctx.io, snapshot.skipped);
  std::vector<Person> people = snapshot.people;
  std::set<std::string> taken(store.config().retired_ids.begin(),
                              store.config().retired_ids.end());
  for (const auto& id : store.ids(Kind::person)) taken.insert(id);
  std::vector<std::size_t> changed_people;  // indexes into `people`
  std::vector<bool> changed(people.size(), false);
  // Indexed once: a scan of everyone per card made a 20k-card import take minutes.
  PersonMatcher matcher(people);

  const std::string added_by = ctx.team_member();
  std::vector<Action> actions;
  Slugger slugger;  // one ICU transliterator for the whole file
  for (const auto& problem : contacts.problems)
    if (problem.note)
      ctx.io.warn(fmt::format("{}:{}: {}", safe(display), problem.line, safe(problem.message)));
    else
      actions.push_back({Action::What::skip, problem.line, "", "", problem.message});
  // ORG in peers' own vCards is the store's name for everyone: not an organisation of theirs.
  const std::string store_name = fold(store.config().name);
  std::optional<ProgressStage> matching;
  const std::string file_name = safe(std::filesystem::path(display).filename().string());
  matching.emplace(&ctx.progress(), "reading " + file_name, contacts.contacts.size());
  std::size_t matched = 0;
  for (auto& [incoming, line] : contacts.contacts) {
    matching->advance(matched++);
    matching->stop_here_if_asked("nothing was imported");
    incoming.name = trim(incoming.name);
    if (!store_name.empty() && fold(incoming.organization) == store_name)
      incoming.organization.clear();
    for (const auto& tag : extra_tags)
      if (std::none_of(incoming.tags.begin(), incoming.tags.end(),
                       [&](const std::string& t) { return fold(t) == fold(tag); }))
        incoming.tags.push_back(tag);
    // Another address that is not one costs that address, not the person.
    std::erase_if(incoming.emails, [&](const std::string& item) {
      if (!not_email_address(split_typed_value(item).first)) return false;
      ctx.io.warn(fmt::format("{}:{}: {}: '{}' is not an email address; left out", safe(display),
                              line, safe(incoming.name), safe(item)));
      return true;
    });
    if (auto why = unusable(incoming)) {
      actions.push_back({Action::What::skip, line, "", "",
                         fmt::format("{}: {}; skipped", incoming.name, *why)});
      continue;
    }
    if (auto match = matcher.find(incoming)) {
      Person& existing = people[*match];
      matcher.remove(*match, existing);
      auto fields = merge_contact(existing, incoming);
      matcher.add(*match, existing);
      if (fields.empty()) {
        actions.push_back({Action::What::skip, line, existing.id, incoming.name,
                           "up to date"});
        continue;
      }
      if (!changed[*match]) {
        changed[*match] = true;
        changed_people.push_back(*match);
      }
      actions.push_back(
          {Action::What::update, line, existing.id, existing.name, join(fields, ", ")});
      continue;
    }
    Person person = incoming;
    person.id = new_id(incoming, taken, slugger);
    person.added_by = added_by;
    taken.insert(person.id);
    people.push_back(person);
    matcher.add(people.size() - 1, people.back());
    changed.push_back(true);
    changed_people.push_back(people.size() - 1);
    actions.push_back({Action::What::add, line, person.id, person.name,
                       person.id != incoming.id && slugger(person.name).empty()
                           ? "a fallback id: no Latin id could be made from the name"
                           : ""});
  }
  matching.reset();
  std::stable_sort(actions.begin(), actions.end(),
                   [](const Action& a, const Action& b) { return a.line < b.line; });
  print_plan(ctx.io, actions, display);

  auto count = [&](Action::What what) {
    return std::count_if(actions.begin(), actions.end(),
                         [&](const Action& a) { return a.what == what; });
  };
  std::string summary = fmt::format("{} added, {} updated, {} skipped", count(Action::What::add),
                                    count(Action::What::update), count(Action::What::skip));
  const std::string read_as = "read as " + contacts.format;
  if (opts.dry_run) {
    ctx.io.note("Dry run (" + read_as + "): " + summary + "; nothing was written.");
    return;
  }
  {
    ProgressStage writing(&ctx.progress(), "importing " + file_name, changed_people.size());
    Store::Batch batch(store);
    std::size_t written = 0;
    for (std::size_t index : changed_people) {
      if (writing.stop_requested()) {
        batch.commit();
        throw interrupted(fmt::format(
            "{} of {} people were written, the other {} not; run the import again to finish",
            written, changed_people.size(), changed_people.size() - written));
      }
      write_person(store, people[index]);
      writing.advance(++written);
    }
    batch.commit();
  }
  if (!changed_people.empty())
    ctx.record_change(fmt::format("import {} people from {}", changed_people.size(),
                                  std::filesystem::path(display).filename().string()));
  ctx.io.note("Imported from " + safe(display) + " (" + read_as + "): " + summary + ".");
}

}  // namespace

void add_import(CLI::App& app, Context& ctx) {
  auto opts = std::make_shared<Options>();
  auto* cmd = app.add_subcommand(
      "import", "Bring in people from a vCard or CSV file (Google, Apple, Outlook, directories)");
  cmd->add_option("file", opts->file, "The .vcf or .csv file ('-' reads stdin)")->required();
  cmd->add_option("--format", opts->format, "vcard or csv (default: told from the contents)")
      ->check(CLI::IsMember({"vcard", "csv"}));
  cmd->add_option("--map", opts->maps,
                  "Read a CSV column as a field: COLUMN=FIELD, COLUMN a header or a number; "
                  "fields: " + join(contact_fields(), ", ") + " (repeatable)")
      ->option_text("COLUMN=FIELD");
  cmd->add_option("--tag", opts->tags, "Add this tag to everyone imported (repeatable)");
  cmd->add_flag("-n,--dry-run", opts->dry_run,
                "Show what would be added, updated or skipped; change nothing");
  cmd->footer(
      examples({"peers import contacts.vcf --dry-run",
                "peers import google-contacts.csv --tag press-list",
                "peers import staff.csv --map \"Office Phone=phone\" --map Building=ignore",
                "peers import nolabels.csv --map 1=name --map 2=email"}) +
      "\nPeople already in the store (same email, or same name and department) are updated,\n"
      "not added again. Lines that cannot be read are listed as 'skip' with their line number.\n"
      "CSV exports of Outlook, Google Contacts (old and new), LinkedIn and Thunderbird are told\n"
      "by their columns (the summary says which); UTF-16 vCards are read. Organization, every\n"
      "email and phone with its type, name parts and nicknames are kept (docs/format.md).\n");
  cmd->callback([opts, &ctx] { run_import(*opts, ctx); });
}

}  // namespace peers::cli
