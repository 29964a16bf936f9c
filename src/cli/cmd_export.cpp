#include <CLI/CLI.hpp>

#include <algorithm>
#include <filesystem>

#include <fmt/format.h>

#include "commands.hpp"
#include "context.hpp"
#include "output.hpp"
#include "people.hpp"
#include "peers/contacts.hpp"
#include "peers/error.hpp"
#include "peers/query.hpp"
#include "peers/text.hpp"
#include "records_json.hpp"
#include "skipped.hpp"

namespace peers::cli {
namespace {

struct Options {
  std::string format;
  std::string output;
  PeopleFilter filter;
  bool active_only = false;
  bool csv_formulas = false;
};

std::string format_for(const Options& opts) {
  if (!opts.format.empty()) return opts.format;
  std::string extension = to_lower_ascii(std::filesystem::path(opts.output).extension().string());
  if (extension == ".vcf" || extension == ".vcard") return "vcard";
  if (extension == ".csv") return "csv";
  return "json";
}

void run_export(const Options& opts, Context& ctx) {
  std::string format = format_for(opts);
  Store& store = ctx.store();
  Snapshot snapshot = store.snapshot(kinds_to_match(opts.filter));
  report_skipped(ctx.io, snapshot.skipped);
  TopicIndex topics(snapshot.topics);
  PeopleFilter filter = opts.filter;
  filter.include_left = !opts.active_only;
  std::vector<Person> people;
  for (auto& p : snapshot.people)
    if (matches(p, filter, topics)) people.push_back(std::move(p));
  std::vector<std::pair<std::string, std::size_t>> order;  // folded name, position
  order.reserve(people.size());
  for (std::size_t i = 0; i < people.size(); ++i) order.emplace_back(fold(people[i].name), i);
  std::sort(order.begin(), order.end(), [&](const auto& a, const auto& b) {
    return a.first < b.first || (a.first == b.first && people[a.second].id < people[b.second].id);
  });
  std::vector<Person> sorted;
  sorted.reserve(people.size());
  for (const auto& [key, i] : order) sorted.push_back(std::move(people[i]));
  people = std::move(sorted);

  std::string text;
  if (format == "vcard") {
    text = write_vcards(people, store.config().name);
  } else if (format == "csv") {
    text = write_csv(people, opts.csv_formulas);
  } else {
    text = json_array_text(people.size(), [&](std::size_t i) { return to_json(people[i]); }) + "\n";
  }
  if (opts.output.empty() || opts.output == "-") {
    ctx.io.out << text;
  } else {
    write_file_atomically(opts.output, text);
    ctx.io.note(fmt::format("Exported {} {} to {} ({})", people.size(),
                            people.size() == 1 ? "person" : "people", safe(opts.output), format));
  }
  if (people.empty()) ctx.io.note("No one matches.");
}

}  // namespace

void add_export(CLI::App& app, Context& ctx) {
  auto opts = std::make_shared<Options>();
  auto* cmd = app.add_subcommand("export", "Write people out as vCard, CSV or JSON");
  cmd->add_option("--format", opts->format,
                  "vcard, csv or json (default: from the -o file's extension, else json)")
      ->check(CLI::IsMember({"vcard", "csv", "json"}));
  cmd->add_option("-o,--output", opts->output, "Write to FILE instead of stdout")
      ->option_text("FILE");
  add_people_filter_options(*cmd, opts->filter);
  cmd->add_flag("--active", opts->active_only, "Leave out people who have left");
  cmd->add_flag("--csv-formulas", opts->csv_formulas,
                "CSV: write cells beginning with = + - @ as they are (by default a ' is put in "
                "front, so a spreadsheet does not run them as formulas)");
  cmd->footer(examples({"peers export --format vcard -o westbrook.vcf",
                        "peers export -o press-contacts.csv --tag press",
                        "peers export --format json --topic admissions | jq '.[].email'"}) +
              "\nWhat 'peers import' reads back: vCard 3.0 (extra fields as X-PEERS-*) and CSV\n"
              "with the columns id, name, title, department, email, phone, handles, expertise,\n"
              "tags, met, status, notes, organization, emails, phones, nicknames, prefix,\n"
              "first_name, middle_name, last_name, suffix. JSON has the fields of\n"
              "'peers show --json'.\n"
              "CSV cells beginning with = + - @ (not phone numbers such as +1 555 0100) get a '\n"
              "in front so a spreadsheet shows them as text; --csv-formulas keeps them as they are.\n");
  cmd->callback([opts, &ctx] { run_export(*opts, ctx); });
}

}  // namespace peers::cli
