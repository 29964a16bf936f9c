// `peers topic rename` and `peers topic rm`: changes to a topic that reach the records naming it.
#include <CLI/CLI.hpp>

#include <algorithm>

#include <fmt/format.h>

#include "commands.hpp"
#include "context.hpp"
#include "input.hpp"
#include "output.hpp"
#include "peers/error.hpp"
#include "peers/text.hpp"
#include "resolve.hpp"

namespace peers::cli {
namespace {

struct RenameOptions {
  std::string id;
  std::string name;
};

struct RmOptions {
  std::string id;
  bool force = false;
};

/// True when `entry` (an expertise entry, a question's topic or a related id) names the topic by
/// its id or name. Aliases are not rewritten: they stay on the topic and keep matching.
bool names(const std::string& entry, const Topic& topic) {
  std::string key = name_key(entry);
  return key == name_key(topic.id) || key == name_key(topic.name);
}

/// Replaces the entries naming `from` with `to` (once, without duplicates) or, with an empty
/// `to`, removes them. True when the list changed.
bool replace_entries(std::vector<std::string>& list, const Topic& from, const std::string& to) {
  bool had = false, has_new = false;
  std::vector<std::string> kept;
  for (const auto& entry : list) {
    if (names(entry, from)) {
      had = true;
      if (!to.empty() && !has_new) kept.push_back(to), has_new = true;
    } else {
      if (!to.empty() && name_key(entry) == name_key(to)) {
        if (has_new) continue;
        has_new = true;
      }
      kept.push_back(entry);
    }
  }
  if (had) list = std::move(kept);
  return had;
}

/// Where a topic is named, by record.
struct References {
  std::vector<std::string> people, questions, topics;
  std::size_t size() const { return people.size() + questions.size() + topics.size(); }
};

References references_to(const Snapshot& snapshot, const Topic& topic) {
  References refs;
  auto named = [&](const std::vector<std::string>& list) {
    return std::any_of(list.begin(), list.end(),
                       [&](const std::string& e) { return names(e, topic); });
  };
  for (const auto& p : snapshot.people)
    if (named(p.expertise)) refs.people.push_back(p.id);
  for (const auto& q : snapshot.questions)
    if (!q.archived && named(q.topics)) refs.questions.push_back(q.id);
  for (const auto& t : snapshot.topics)
    if (t.id != topic.id && named(t.related)) refs.topics.push_back(t.id);
  return refs;
}

/// Points every reference to `from` at `to` (or drops it when `to` is empty). Each file is
/// written atomically; the caller orders the topic files around this so that a crash at any
/// point leaves every record readable and every reference resolvable.
void rewrite_references(Store& store, const References& refs, const Topic& from,
                        const std::string& to) {
  for (const auto& id : refs.people) {
    Person p = read_person(store, id);
    if (replace_entries(p.expertise, from, to)) write_person(store, p);
  }
  for (const auto& id : refs.questions) {
    Question q = read_question(store, id);
    if (replace_entries(q.topics, from, to)) write_question(store, q);
  }
  for (const auto& id : refs.topics) {
    Topic t = read_topic(store, id);
    if (replace_entries(t.related, from, to)) write_topic(store, t);
  }
}

std::string describe(const References& refs) {
  std::vector<std::string> parts;
  if (!refs.people.empty())
    parts.push_back(counted(refs.people.size(), "person", "people") + " (" +
                    join(refs.people, ", ") + ")");
  if (!refs.questions.empty())
    parts.push_back(counted(refs.questions.size(), "question", "questions") + " (" +
                    join(refs.questions, ", ") + ")");
  if (!refs.topics.empty())
    parts.push_back(counted(refs.topics.size(), "related topic", "related topics") + " (" +
                    join(refs.topics, ", ") + ")");
  return join(parts, ", ");
}

void run_topic_rename(const RenameOptions& opts, Context& ctx) {
  std::string name = clean_name(opts.name, "the new name");
  std::string new_id = slugify(name);
  if (new_id.empty())
    throw Error(fmt::format("cannot make an id from the name '{}'", safe(name)),
                "use a name with letters or digits", exit_usage);
  Store& store = ctx.store();
  auto lock = store.lock();
  Topic old = read_topic(store, find_topic_id(store, opts.id));
  // A rename that a crash interrupted left the new topic next to the old one: finish it.
  bool resuming = new_id != old.id && store.exists(Kind::topic, new_id) &&
                  read_topic(store, new_id).name == name;
  if (new_id != old.id && store.exists(Kind::topic, new_id) && !resuming)
    throw Error(fmt::format("there is already a topic '{}'", new_id),
                fmt::format("choose another name, or fold one into the other: peers topic rm {} "
                            "--force, then peers topic edit {} --alias \"{}\"",
                            old.id, new_id, safe(old.name)),
                exit_usage);
  Snapshot snapshot = store.snapshot();
  References refs = references_to(snapshot, old);

  // Order: the new topic first, then the references, then the old topic last. Interrupted at
  // any point, both topics exist and every reference names one of them; running the same
  // rename again finishes it.
  Topic renamed = old;
  renamed.id = new_id;
  renamed.name = name;
  write_topic(store, renamed);
  rewrite_references(store, refs, old, new_id);
  if (new_id != old.id) store.remove(Kind::topic, old.id);

  ctx.record_change(fmt::format("topic rename {} to {}", old.name, name));
  ctx.io.out << new_id << '\n';
  ctx.io.note(fmt::format("Renamed topic {} to {} ({}){}", old.id, safe(name), new_id,
                          refs.size() ? "; updated " + describe(refs) : ""));
}

void run_topic_rm(const RmOptions& opts, Context& ctx) {
  Store& store = ctx.store();
  auto lock = store.lock();
  Topic topic = read_topic(store, find_topic_id(store, opts.id));
  Snapshot snapshot = store.snapshot();
  References refs = references_to(snapshot, topic);
  if (refs.size() && !opts.force)
    throw Error(fmt::format("topic {} is still named by {}", topic.id, describe(refs)),
                fmt::format("'peers topic rm {} --force' removes it and unlinks them, or 'peers "
                            "topic rename {} \"NEW NAME\"' keeps it under another name",
                            topic.id, topic.id),
                exit_usage);
  // References first, the topic last: a crash in between leaves the topic, not a dangling name.
  rewrite_references(store, refs, topic, "");
  store.remove(Kind::topic, topic.id);
  ctx.record_change(fmt::format("topic rm {}", topic.name));
  ctx.io.note(fmt::format("Removed topic {} ({}){}", safe(topic.name), topic.id,
                          refs.size() ? "; unlinked it from " + describe(refs) : ""));
}

}  // namespace

void add_topic_changes(CLI::App& topic, Context& ctx) {
  auto rename_opts = std::make_shared<RenameOptions>();
  auto* rename = topic.add_subcommand(
      "rename", "Give a topic a new name and id; people, questions and related topics follow");
  rename->add_option("topic", rename_opts->id, "The topic's id, name or alias")->required();
  rename->add_option("name", rename_opts->name, "The new name (the id is made from it)")
      ->required();
  rename->footer(examples({"peers topic rename financial-aid \"Student financial aid\""}));
  rename->callback([rename_opts, &ctx] { run_topic_rename(*rename_opts, ctx); });

  auto rm_opts = std::make_shared<RmOptions>();
  auto* rm = topic.add_subcommand(
      "rm", "Remove a topic (refused while people, questions or topics name it, unless --force)");
  rm->add_option("topic", rm_opts->id, "The topic's id, name or alias")->required();
  rm->add_flag("--force", rm_opts->force,
               "Remove it anyway, and unlink it from the records that name it (listed)");
  rm->footer(examples({"peers topic add Parking && peers topic rm parking",
                       "peers topic rm admissions --force   # says what it unlinks"}));
  rm->callback([rm_opts, &ctx] { run_topic_rm(*rm_opts, ctx); });
}

}  // namespace peers::cli
