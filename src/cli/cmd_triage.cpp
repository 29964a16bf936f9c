#include <CLI/CLI.hpp>

#include <atomic>
#include <exception>
#include <filesystem>
#include <iterator>
#include <map>
#include <optional>
#include <set>
#include <thread>
#include <unordered_map>

#include <fmt/format.h>

#include "commands.hpp"
#include "context.hpp"
#include "inbox_input.hpp"
#include "input.hpp"
#include "output.hpp"
#include "peers/error.hpp"
#include "peers/inbox.hpp"
#include "peers/progress.hpp"
#include "peers/routing.hpp"
#include "peers/text.hpp"
#include "progress.hpp"
#include "questions.hpp"
#include "skipped.hpp"
#include "triage_report.hpp"

namespace peers::cli {
namespace {

constexpr std::size_t max_inbox_bytes = 64 * 1024 * 1024;
/// From this similarity an answered question counts as the same question asked again.
constexpr double near_duplicate = 0.5;

struct Options {
  std::string file;
  std::string format;  // csv, json, lines; "" tells from the text
  std::string preset;
  std::vector<std::string> maps;
  bool route = false;
  bool dry_run = false;
  bool by_person = false;
  bool json = false;
};

/// What the run needs besides the messages: the store, its routing index, and who is typing.
struct Triage {
  Store& store;
  const RoutingIndex& index;
  Context& ctx;
  std::string member;
  std::string note;  // for each question's "asked" history entry
  std::map<std::string, std::optional<Person>> people;  // read once each, for --route

  const Person* person(const std::string& id) {
    auto [it, fresh] = people.try_emplace(id);
    if (fresh) {
      try {
        it->second = read_person(store, id);
      } catch (const Error&) {
        it->second.reset();
      }
    }
    return it->second ? &*it->second : nullptr;
  }
};

/// The id a message is recorded under; one a person holds is passed over (ids share prefixes).
std::string question_id_for(const Store& store, const InboxMessage& m) {
  for (int attempt = 0;; ++attempt) {
    std::string id = triage_question_id(m, attempt);
    if (!store.exists(Kind::person, id)) return id;
  }
}

Question make_question(Triage& t, const TriageItem& item) {
  const InboxMessage& m = item.message;
  Question q = new_question(item.question, m.text, m.from, m.channel, {},
                            Change{item.asked_at, t.member, t.note});
  if (!m.message_id.empty()) {
    if (q.extra.is_null()) q.extra = Node::map();
    Node id = Node::string(m.message_id);
    id.quoted = true;
    q.extra.set("message_id", std::move(id));
  }
  return q;
}

/// Hands the question to the best person when the match is strong; else says why not.
void route_if_sure(Triage& t, TriageItem& item, Question& q) {
  if (!item.best) {
    item.needs_look = "nobody is a good fit";
    return;
  }
  if (item.best->confidence != "high") {
    item.needs_look = fmt::format("best match {} is only {} confidence", item.best->id,
                                  item.best->confidence);
    return;
  }
  const Person* person = t.person(item.best->id);
  if (!person) {
    item.needs_look = fmt::format("cannot read {}", item.best->id);
    return;
  }
  if (person->away_until && *person->away_until >= t.ctx.today()) {
    item.needs_look = fmt::format("{} is away until {}", person->id, person->away_until->str());
    return;
  }
  try {
    route_to(q, *person, change_now(t.ctx));
  } catch (const Error& e) {
    item.needs_look = e.what();
    return;
  }
  item.routed_to = person->id;
}

/// What the routing index says of one message.
struct Suggestion {
  RoutingResult routing;
  std::vector<SimilarQuestion> similar;
};

/// Routes every text, on two threads (the index is only read): most of a run's time.
std::vector<Suggestion> suggest_all(const RoutingIndex& index,
                                    const std::vector<std::string_view>& all_texts,
                                    const RankOptions& rank, Progress* progress_line,
                                    const std::string& name) {
  // The same text gets the same suggestion (one index, one clock): an inbox often holds the
  // same question from several people, and each text is routed once.
  std::vector<std::string_view> texts;
  std::vector<std::size_t> text_of(all_texts.size());
  {
    std::unordered_map<std::string_view, std::size_t> seen;
    for (std::size_t i = 0; i < all_texts.size(); ++i) {
      auto [it, fresh] = seen.try_emplace(all_texts[i], texts.size());
      if (fresh) texts.push_back(all_texts[i]);
      text_of[i] = it->second;
    }
  }
  std::vector<Suggestion> out(texts.size());
  ProgressStage progress(progress_line, "routing " + name, texts.size());  // distinct texts
  auto suggest = [&](std::size_t i) {
    out[i].routing = index.route(texts[i], rank);
    out[i].similar = index.similar_answered(texts[i], 1);
  };
  std::atomic<std::size_t> next{0}, done{0};
  std::exception_ptr failed;
  std::thread helper;
  if (texts.size() > 8)
    helper = std::thread([&] {
      try {
        for (std::size_t i; !progress.stop_requested() && (i = next++) < texts.size(); ++done)
          suggest(i);
      } catch (...) {
        failed = std::current_exception();
        next = texts.size();
      }
    });
  try {
    for (std::size_t i; !progress.stop_requested() && (i = next++) < texts.size();) {
      suggest(i);
      progress.advance(++done);
    }
  } catch (...) {
    next = texts.size();
    if (helper.joinable()) helper.join();
    throw;
  }
  if (helper.joinable()) helper.join();
  if (failed) std::rethrow_exception(failed);
  progress.stop_here_if_asked("stopped while routing the messages; nothing was recorded");
  if (texts.size() == all_texts.size()) return out;
  std::vector<Suggestion> each;
  each.reserve(all_texts.size());
  for (std::size_t i = 0; i < all_texts.size(); ++i) each.push_back(out[text_of[i]]);
  return each;
}

/// `name`: the file's name, as the progress line shows it.
TriageRun triage(Triage& t, const Options& opts, const InboxFile& file, const std::string& name) {
  TriageRun run;
  run.dry_run = opts.dry_run;
  run.route = opts.route;
  // Every row in the file's order: messages, rows the team sent, bad rows.
  for (const auto& p : file.problems) {
    TriageItem item;
    item.status = TriageItem::Status::bad_row;
    item.message.line = p.line;
    item.reason = p.message;
    run.items.push_back(std::move(item));
  }
  for (const auto& o : file.outgoing) {
    TriageItem item;
    item.status = TriageItem::Status::left_out;
    item.message = o.message;
    item.reason = o.why;
    run.items.push_back(std::move(item));
  }
  std::set<std::string> seen;  // ids of this run: a message given twice is recorded once
  std::vector<std::size_t> fresh;  // the items to record
  for (const auto& m : file.messages) {
    TriageItem item;
    item.message = m;
    if (auto why = not_a_question(m.text)) {
      item.status = TriageItem::Status::left_out;
      item.reason = *why;
    } else {
      item.question = question_id_for(t.store, m);
      if (!seen.insert(item.question).second || t.store.exists(Kind::question, item.question))
        item.status = TriageItem::Status::already_recorded;
      else
        fresh.push_back(run.items.size());
    }
    run.items.push_back(std::move(item));
  }

  RankOptions rank;
  rank.limit = 1;
  rank.now = t.ctx.now();
  std::vector<std::string_view> texts;
  for (std::size_t i : fresh) texts.push_back(run.items[i].message.text);
  std::vector<Suggestion> suggestions = suggest_all(t.index, texts, rank, &t.ctx.progress(), name);
  std::optional<ProgressStage> recording;
  if (!opts.dry_run) recording.emplace(&t.ctx.progress(), "recording " + name, fresh.size());
  Store::Batch batch(t.store);
  for (std::size_t k = 0; k < fresh.size(); ++k) {
    if (recording && recording->stop_requested()) {
      batch.commit();
      throw interrupted(fmt::format(
          "{} of {} questions were recorded, the other {} not; run the triage again to record them",
          k, fresh.size(), fresh.size() - k));
    }
    TriageItem& item = run.items[fresh[k]];
    const Suggestion& s = suggestions[k];
    item.asked_at = item.message.sent_at.value_or(rank.now);
    if (s.routing.good_fit && !s.routing.people.empty()) item.best = s.routing.people.front();
    else item.closest_topics = s.routing.closest_topics;
    if (!s.similar.empty() && s.similar.front().similarity >= near_duplicate)
      item.same_as = AnsweredBefore{read_question(t.store, s.similar.front().id),
                                    s.similar.front().similarity};
    Question q = make_question(t, item);
    if (opts.route) route_if_sure(t, item, q);
    if (!opts.dry_run) write_question(t.store, q);
    if (recording) recording->advance(k + 1);
  }
  batch.commit();
  recording.reset();
  std::stable_sort(run.items.begin(), run.items.end(),
                   [](const TriageItem& a, const TriageItem& b) {
                     return a.message.line < b.message.line;
                   });
  return run;
}

void run_triage(const Options& opts, Context& ctx) {
  if (opts.json && opts.by_person)
    throw Error("--json and --by-person are two ways to print the result: choose one", {},
                exit_usage);
  auto mappings = parse_column_mappings(opts.maps, "--map \"Body=text\" --map \"Author=from\"");
  std::string display = opts.file == "-" ? "stdin" : opts.file;
  std::string text;
  if (opts.file == "-")
    text.assign(std::istreambuf_iterator<char>(ctx.io.in), std::istreambuf_iterator<char>());
  else
    text = read_regular_file(opts.file, opts.file, max_inbox_bytes);
  std::string format = opts.format;
  if (format.empty() && opts.file != "-") format = inbox_format_for_name(opts.file);
  if (format.empty()) format = detect_inbox_format(text, !mappings.empty());
  InboxFile file = read_inbox_text(text, format, mappings, opts.preset, display);

  Store& store = ctx.store();
  std::optional<Store::Lock> lock;  // one lock for the whole run; none for a dry run
  if (!opts.dry_run) lock.emplace(store.lock());
  std::vector<Problem> skipped;
  RoutingIndex index = store.routing_index(skipped);
  report_skipped(ctx.io, skipped);

  std::string base = std::filesystem::path(display).filename().string();
  Triage t{store, index, ctx, ctx.team_member(),
           forbidden_character(base, false) ? std::string() : "triaged from " + base, {}};
  TriageRun run = triage(t, opts, file, base);
  run.display = display;
  for (const auto& p : inbox_presets())
    if (p.name == file.preset) run.preset_title = p.title;

  std::size_t recorded = std::count_if(run.items.begin(), run.items.end(), [](const auto& i) {
    return i.status == TriageItem::Status::recorded;
  });
  if (!opts.dry_run && recorded > 0)
    ctx.record_change(fmt::format("triage {} question{} from {}", recorded,
                                  recorded == 1 ? "" : "s", base));
  if (opts.json) print_json(ctx.io, triage_json(run));
  else if (opts.by_person) print_by_person(ctx.io, run);
  else print_triage(ctx.io, run);
  report_triage(ctx.io, run);
}

}  // namespace

void add_triage(CLI::App& app, Context& ctx) {
  auto opts = std::make_shared<Options>();
  auto* cmd = app.add_subcommand(
      "triage", "Record and route a whole inbox export: every question, who to ask, past answers");
  cmd->add_option("file", opts->file,
                  "The export: CSV, JSON, or one message per line ('-' reads stdin)")
      ->required();
  cmd->add_option("--map", opts->maps,
                  "Read column COLUMN as FIELD: text, from, channel, time, id, direction, ignore "
                  "(repeatable)")
      ->option_text("COLUMN=FIELD");
  std::vector<std::string> presets;
  for (const auto& p : inbox_presets()) presets.push_back(p.name);
  cmd->add_option("--preset", opts->preset,
                  "Read the columns of this export (default: told from the header): " +
                      join(presets, ", "))
      ->check(CLI::IsMember(presets))
      ->option_text("NAME");
  cmd->add_option("--format", opts->format,
                  "csv, json or lines (default: from the file's extension, else its text)")
      ->check(CLI::IsMember({"csv", "json", "lines"}))
      ->option_text("FORMAT");
  cmd->add_flag("--route", opts->route,
                "Hand each high-confidence question to its person; list the rest for a human look");
  cmd->add_flag("--dry-run", opts->dry_run, "Show what would be recorded and routed; write nothing");
  cmd->add_flag("--by-person", opts->by_person,
                "Group the questions by colleague, ready to paste into an email or chat");
  cmd->add_flag("--json", opts->json, "Print one JSON object per row of the file");
  cmd->footer(examples({"peers triage inbox-export.csv",
                        "peers triage inbox-export.csv --dry-run",
                        "peers triage inbox-export.csv --route",
                        "peers triage messages.json --by-person",
                        "pbpaste | peers triage -            # one message per line",
                        "peers triage export.csv --map \"Body=text\" --map \"Author=from\""}));
  cmd->callback([opts, &ctx] { run_triage(*opts, ctx); });
}

}  // namespace peers::cli
