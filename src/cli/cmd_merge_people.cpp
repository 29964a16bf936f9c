#include <CLI/CLI.hpp>

#include <algorithm>

#include <fmt/format.h>

#include "commands.hpp"
#include "context.hpp"
#include "output.hpp"
#include "people.hpp"
#include "peers/contacts.hpp"
#include "peers/error.hpp"
#include "peers/events.hpp"
#include "peers/text.hpp"
#include "resolve.hpp"

namespace peers::cli {
namespace {

struct Options {
  std::string keep;
  std::string fold_in;
};

void fill(std::string& field, const std::string& other) {
  if (field.empty()) field = other;
}

/// Folds `other` into `person`: empty fields filled, lists and handles joined, logs united in
/// date order. Nothing of `other` is lost.
void fold_person(Person& person, const Person& other) {
  fill(person.title, other.title);
  fill(person.department, other.department);
  fill(person.organization, other.organization);
  // The other's emails and phones: the main one fills an empty field, else joins the others.
  auto fold_typed = [](std::string& main, std::vector<std::string>& list,
                       const std::string& other_main, const std::vector<std::string>& others) {
    std::vector<std::string> incoming = others;
    if (!other_main.empty()) incoming.insert(incoming.begin(), other_main);
    for (const auto& item : incoming) {
      std::string value = split_typed_value(item).first;
      if (main.empty()) {
        main = item;
        continue;
      }
      if (fold(value) == fold(split_typed_value(main).first)) continue;
      if (std::none_of(list.begin(), list.end(), [&](const std::string& have) {
            return fold(split_typed_value(have).first) == fold(value);
          }))
        list.push_back(item);
    }
  };
  fold_typed(person.email, person.emails, other.email, other.emails);
  fold_typed(person.phone, person.phones, other.phone, other.phones);
  if (person.name_parts.empty() && person.name == other.name) person.name_parts = other.name_parts;
  for (const auto& n : other.nicknames) add_unique(person.nicknames, n);
  fill(person.added_by, other.added_by);
  for (const auto& [network, handle] : other.handles)
    if (std::none_of(person.handles.begin(), person.handles.end(),
                     [&](const auto& h) { return h.first == network; }))
      person.handles.emplace_back(network, handle);
  for (const auto& e : other.expertise) add_unique(person.expertise, e);
  for (const auto& t : other.tags) add_unique(person.tags, t);
  if (!person.met || (other.met && *other.met < *person.met)) person.met = other.met;
  if (!person.away_until) person.away_until = other.away_until;
  if (person.forward_to.empty() && other.forward_to != person.id) person.forward_to = other.forward_to;
  if (person.forward_to == other.id) person.forward_to.clear();
  if (person.notes.empty())
    person.notes = other.notes;
  else if (!other.notes.empty() && other.notes != person.notes)
    person.notes += "\n" + other.notes;
  for (const auto& entry : other.log) {
    bool present = std::any_of(person.log.begin(), person.log.end(), [&](const LogEntry& e) {
      return e.date == entry.date && e.by == entry.by && e.note == entry.note;
    });
    if (!present) person.log.push_back(entry);
  }
  std::stable_sort(person.log.begin(), person.log.end(),
                   [](const LogEntry& a, const LogEntry& b) { return a.date < b.date; });
  for (const auto& entry : other.extra.entries)
    if (!person.extra.find(entry.key)) person.extra.entries.push_back(entry);
}

/// Points every reference to `from` at `to`; true when something changed.
bool rewrite(std::string& field, const std::string& from, const std::string& to) {
  if (field != from) return false;
  field = to;
  return true;
}

void run_merge_people(const Options& opts, Context& ctx) {
  Store& store = ctx.store();
  std::string keep_id = resolve_id(store, Kind::person, opts.keep);
  std::string gone_id = resolve_id(store, Kind::person, opts.fold_in);
  if (keep_id == gone_id)
    throw Error(fmt::format("'{}' and '{}' are the same person ({})", safe(opts.keep),
                            safe(opts.fold_in), keep_id),
                "name two different people: peers merge-people KEEP FOLD_IN", exit_usage);

  auto lock = store.lock();
  Person keep = read_person(store, keep_id);
  Person gone = read_person(store, gone_id);
  fold_person(keep, gone);

  std::size_t questions = 0, people = 0, others = 0;
  Snapshot snapshot = store.snapshot();
  for (const auto& p : snapshot.people) {
    if (p.id == keep_id || p.id == gone_id || p.forward_to != gone_id) continue;
    Person changed = read_person(store, p.id);
    if (rewrite(changed.forward_to, gone_id, keep_id)) {
      write_person(store, changed);
      ++people;
    }
  }
  for (const auto& q : snapshot.questions) {
    bool refers = q.routed_to == gone_id || q.answered_by == gone_id ||
                  std::any_of(q.history.begin(), q.history.end(),
                              [&](const HistoryEntry& h) { return h.to == gone_id; });
    if (!refers) continue;
    Question changed = read_question(store, q.id);
    bool touched = rewrite(changed.routed_to, gone_id, keep_id);
    touched |= rewrite(changed.answered_by, gone_id, keep_id);
    for (auto& h : changed.history) touched |= rewrite(h.to, gone_id, keep_id);
    if (touched) {
      write_question(store, changed);
      ++questions;
    }
  }

  std::vector<Problem> skipped;
  for (const auto& e : read_events(store, skipped)) {
    if (e.lead != gone_id && !e.assignment_of(gone_id)) continue;
    Event changed = read_event(store, e.id);
    rewrite(changed.lead, gone_id, keep_id);
    auto theirs = std::find_if(changed.assignments.begin(), changed.assignments.end(),
                               [&](const Assignment& a) { return a.person == gone_id; });
    if (theirs != changed.assignments.end()) {
      auto mine = std::find_if(changed.assignments.begin(), changed.assignments.end(),
                               [&](const Assignment& a) { return a.person == keep_id; });
      if (mine == changed.assignments.end()) {
        theirs->person = keep_id;
      } else {  // one assignment per person: keep both roles on the one kept
        if (mine->role != theirs->role) mine->role += "; " + theirs->role;
        changed.assignments.erase(theirs);
      }
    }
    write_event(store, changed);
    ++others;
  }
  for (const auto& l : read_leads(store, skipped)) {
    if (l.from != gone_id) continue;
    Lead changed = read_lead(store, l.id);
    rewrite(changed.from, gone_id, keep_id);
    write_lead(store, changed);
    ++others;
  }

  write_person(store, keep);
  Store fresh(store.root(), store.options());  // peers.yaml as it is now, under the lock
  StoreConfig config = fresh.config();
  if (std::find(config.retired_ids.begin(), config.retired_ids.end(), gone_id) ==
      config.retired_ids.end())
    config.retired_ids.push_back(gone_id);  // never given out again
  store.remove(Kind::person, gone_id);
  store.write_config(config);

  ctx.record_change(fmt::format("merge {} into {}", gone_id, keep_id));
  ctx.io.out << keep_id << '\n';
  ctx.io.note(fmt::format(
      "Merged {} into {} ({}); {} question{}, {} other {} and {} event{} or lead{} now point to {}.",
      gone_id, keep_id, safe(keep.name), questions, questions == 1 ? "" : "s", people,
      people == 1 ? "person" : "people", others, others == 1 ? "" : "s", others == 1 ? "" : "s",
      keep_id));
}

}  // namespace

void add_merge_people(CLI::App& app, Context& ctx) {
  auto opts = std::make_shared<Options>();
  auto* cmd = app.add_subcommand(
      "merge-people", "Fold a duplicate person into another (B's id is retired, references move)");
  cmd->add_option("keep", opts->keep, "The person to keep (id or unique prefix)")->required();
  cmd->add_option("fold_in", opts->fold_in, "The duplicate to fold in and retire")->required();
  cmd->footer(examples({"peers check                                  # possible-duplicate: maria-lopez-2",
                        "peers merge-people maria-lopez maria-lopez-2"}));
  cmd->callback([opts, &ctx] { run_merge_people(*opts, ctx); });
}

}  // namespace peers::cli
