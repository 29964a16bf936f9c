#include <CLI/CLI.hpp>

#include <algorithm>
#include <string_view>
#include <unordered_map>

#include <fmt/format.h>

#include "commands.hpp"
#include "context.hpp"
#include "input.hpp"
#include "output.hpp"
#include "people.hpp"
#include "peers/error.hpp"
#include "peers/query.hpp"
#include "peers/text.hpp"
#include "records_json.hpp"
#include "resolve.hpp"
#include "skipped.hpp"

namespace peers::cli {
namespace {

struct AddOptions {
  std::string name;
  std::vector<std::string> aliases;
  std::string description;
  std::vector<std::string> related;
};

struct EditOptions {
  std::string id;
  std::string name;
  std::vector<std::string> aliases;
  std::vector<std::string> unaliases;
  std::optional<std::string> description;
  std::vector<std::string> related;
  std::vector<std::string> unrelated;
};

struct ShowOptions {
  std::string id;
  bool json = false;
};

}  // namespace

std::string find_topic_id(Store& store, const std::string& wanted) {
  if (is_valid_id(wanted) && store.exists(Kind::topic, wanted)) return wanted;
  std::vector<Topic> topics;
  for (const auto& id : store.ids(Kind::topic)) topics.push_back(read_topic(store, id));
  if (const Topic* t = find_topic(topics, wanted)) return t->id;
  try {
    return resolve_id(store, Kind::topic, wanted);
  } catch (const Error& e) {
    throw Error(e.what(), "'peers topics' lists every topic", e.exit_code());
  }
}

namespace {

void add_related(Store& store, Topic& topic, const std::string& wanted) {
  std::string id = find_topic_id(store, clean_input(wanted, "--related"));
  if (id == topic.id) throw Error("a topic cannot be related to itself", {}, exit_usage);
  if (std::find(topic.related.begin(), topic.related.end(), id) == topic.related.end())
    topic.related.push_back(id);
}

void run_topic_add(const AddOptions& opts, Context& ctx) {
  Topic topic;
  topic.name = clean_name(opts.name, "the topic name");
  topic.id = slugify(topic.name);
  if (topic.id.empty())
    throw Error(fmt::format("cannot make an id from the name '{}'", safe(topic.name)),
                "use a name with letters or digits", exit_usage);
  topic.description = clean_input(opts.description, "--desc", true);
  for (const auto& a : opts.aliases) add_unique(topic.aliases, clean_name(a, "--alias"));
  Store& store = ctx.store();
  auto lock = store.lock();
  if (store.exists(Kind::topic, topic.id))
    throw Error(fmt::format("there is already a topic '{}'", topic.id),
                fmt::format("change it with 'peers topic edit {}'", topic.id), exit_usage);
  for (const auto& r : opts.related) add_related(store, topic, r);
  write_topic(store, topic);
  ctx.record_change(fmt::format("topic add {}", topic.name));
  ctx.io.out << topic.id << '\n';
  ctx.io.note(fmt::format("Added topic {} as {}", safe(topic.name), topic.id));
}

void run_topic_edit(const EditOptions& opts, Context& ctx) {
  Store& store = ctx.store();
  auto lock = store.lock();
  Topic topic = read_topic(store, find_topic_id(store, opts.id));
  if (!opts.name.empty()) topic.name = clean_name(opts.name, "--name");
  if (opts.description) topic.description = clean_input(*opts.description, "--desc", true);
  for (const auto& a : opts.aliases) add_unique(topic.aliases, clean_name(a, "--alias"));
  for (const auto& a : opts.unaliases)
    if (!remove_matching(topic.aliases, clean_input(a, "--unalias")))
      throw Error(fmt::format("{} has no alias '{}'", topic.id, safe(a)),
                  topic.aliases.empty() ? "it has no aliases"
                                        : "its aliases: " + safe(join(topic.aliases, ", ")),
                  exit_usage);
  for (const auto& r : opts.related) add_related(store, topic, r);
  for (const auto& r : opts.unrelated) {
    auto it = std::find(topic.related.begin(), topic.related.end(), clean_input(r, "--unrelate"));
    if (it == topic.related.end())
      throw Error(fmt::format("{} is not related to '{}'", topic.id, safe(r)), {}, exit_usage);
    topic.related.erase(it);
  }
  write_topic(store, topic);
  ctx.record_change(fmt::format("topic edit {}", topic.name));
  ctx.io.note(fmt::format("Updated topic {}", topic.id));
}

struct Knower {
  const Person* person;
  int answered = 0;  // answered questions about this topic
  bool away = false;
  int sort_key = 0;  // position of the folded name in sort_keys
};

void run_topic_show(const ShowOptions& opts, Context& ctx) {
  Store& store = ctx.store();
  std::string id = find_topic_id(store, opts.id);
  // Of questions, only who answered those that may be about the topic (a name of theirs names
  // it; which topic a name means is decided below, among every topic), and about what.
  std::vector<Topic> this_one;
  try {
    this_one.push_back(read_topic(store, id));
  } catch (const Error&) {
    // Reported below, when the snapshot skips it too; meanwhile every answered one is kept.
  }
  TopicIndex names_this_one(this_one);
  QuestionFilter answered_ones;
  answered_ones.needs = {"answered_by", "topics"};
  auto may_name_it = [&](const std::string& name) { return names_this_one.find(name) != nullptr; };
  answered_ones.keep = [&](const Question& q) {
    return !q.answered_by.empty() &&
           (this_one.empty() || std::any_of(q.topics.begin(), q.topics.end(), may_name_it));
  };
  answered_ones.fields = {"answered_by", "topics"};
  Snapshot snapshot = store.snapshot({Kind::person, Kind::topic, Kind::question}, answered_ones);
  report_skipped(ctx.io, snapshot.skipped);
  const Topic* topic = snapshot.topic(id);
  if (!topic) throw Error(fmt::format("topics/{}.yaml could not be read", id), {}, exit_error);

  TopicIndex topics(snapshot.topics);
  // Answers about the topic, by who gave them. Questions name few topics, many times over:
  // each name is looked up once.
  std::unordered_map<std::string_view, bool> names_it;
  auto is_this_topic = [&](const std::string& name) {
    auto [it, added] = names_it.try_emplace(name, false);
    if (added) it->second = topics.find(name) == topic;
    return it->second;
  };
  std::unordered_map<std::string_view, int> answered;
  for (const auto& q : snapshot.questions)
    if (!q.answered_by.empty() && std::any_of(q.topics.begin(), q.topics.end(), is_this_topic))
      ++answered[q.answered_by];
  std::vector<Knower> knowers;
  Date today = ctx.today();
  for (const auto& p : snapshot.people) {
    if (!topics.knows(p, *topic)) continue;
    auto it = answered.find(p.id);
    knowers.push_back({&p, it == answered.end() ? 0 : it->second, p.away_until && *p.away_until >= today});
  }
  // Best first: active before away before gone, then by answers on the topic, then by name.
  auto rank = [](const Knower& k) { return k.person->has_left() ? 2 : k.away ? 1 : 0; };
  std::vector<std::string> sort_keys;
  sort_keys.reserve(knowers.size());
  Collation collation;  // names in Unicode order, whatever their script
  for (auto& k : knowers) {
    k.sort_key = static_cast<int>(sort_keys.size());
    sort_keys.push_back(collation.key(k.person->name));
  }
  std::stable_sort(knowers.begin(), knowers.end(), [&](const Knower& a, const Knower& b) {
    if (rank(a) != rank(b)) return rank(a) < rank(b);
    if (a.answered != b.answered) return a.answered > b.answered;
    return sort_keys[a.sort_key] < sort_keys[b.sort_key];
  });

  if (opts.json) {
    nlohmann::ordered_json out = to_json(*topic);
    nlohmann::ordered_json people = nlohmann::ordered_json::array();
    for (const auto& k : knowers)
      people.push_back({{"id", k.person->id},
                        {"name", k.person->name},
                        {"status", k.person->status},
                        {"away_until", k.away ? nlohmann::ordered_json(k.person->away_until->str())
                                              : nlohmann::ordered_json(nullptr)},
                        {"answered", k.answered}});
    out["people"] = people;
    print_json(ctx.io, out);
    return;
  }
  ctx.io.out << ctx.io.style(safe(topic->name), "bold") << " (" << topic->id << ")\n";
  if (!topic->aliases.empty()) {
    std::vector<std::string> aliases;
    for (const auto& a : topic->aliases) aliases.push_back(safe(a));
    ctx.io.out << "Aliases: " << join(aliases, ", ") << '\n';
  }
  if (!topic->description.empty()) ctx.io.out << safe(topic->description) << '\n';
  if (!topic->related.empty()) {
    std::vector<std::string> related;
    for (const auto& r : topic->related) {
      const Topic* other = snapshot.topic(r);
      related.push_back(other ? safe(other->name) + " (" + r + ")" : safe(r));
    }
    ctx.io.out << "Related: " << join(related, ", ") << '\n';
  }
  if (knowers.empty()) {
    ctx.io.out << "Nobody lists this topic yet.\n";
    return;
  }
  ctx.io.out << "Who knows it:\n";
  Table table;
  for (const auto& k : knowers) {
    std::vector<std::string> notes;
    if (!k.person->title.empty()) notes.push_back(safe(k.person->title));
    if (k.answered) notes.push_back(fmt::format("answered {}", k.answered));
    if (k.away) notes.push_back("away until " + k.person->away_until->str());
    if (k.person->has_left())
      notes.push_back(k.person->forward_to.empty() ? "left" : "left, ask " + k.person->forward_to);
    table.add({"  " + k.person->id, safe(k.person->name), join(notes, "; ")});
  }
  table.print(ctx.io);
}

}  // namespace

void add_topic(CLI::App& app, Context& ctx) {
  auto* topic = app.add_subcommand("topic", "Add, show, change, rename or remove a topic of expertise");
  topic->require_subcommand(1);
  topic->footer(examples({"peers topic add \"Financial aid\" --alias FAFSA --alias scholarships \\",
                          "    --desc \"Need-based aid, scholarships and the FAFSA\" --related admissions",
                          "peers topic show financial-aid", "peers topic edit financial-aid --alias CSS",
                          "peers topic rename financial-aid \"Student financial aid\"",
                          "peers topic rm admissions --force   # says what it unlinks"}));

  auto add_opts = std::make_shared<AddOptions>();
  auto* add = topic->add_subcommand("add", "Add a topic (prints its id)");
  add->add_option("name", add_opts->name, "The topic's name, e.g. \"Financial aid\"")->required();
  add->add_option("--alias", add_opts->aliases, "Another word for it (repeatable)");
  add->add_option("--desc,--description", add_opts->description, "What it covers");
  add->add_option("--related", add_opts->related, "A related topic's id, name or alias (repeatable)");
  add->footer(examples({"peers topic add \"Financial aid\" --alias FAFSA --alias work-study \\",
                        "    --desc \"Need-based aid, scholarships and the FAFSA\" --related admissions"}));
  add->callback([add_opts, &ctx] { run_topic_add(*add_opts, ctx); });

  auto show_opts = std::make_shared<ShowOptions>();
  auto* show = topic->add_subcommand("show", "Show a topic and who knows it, best first");
  show->add_option("topic", show_opts->id, "The topic's id, name or alias")->required();
  show->add_flag("--json", show_opts->json, "Print the topic and its people as JSON");
  show->footer(examples({"peers topic show financial-aid", "peers topic show FAFSA --json"}));
  show->callback([show_opts, &ctx] { run_topic_show(*show_opts, ctx); });

  auto edit_opts = std::make_shared<EditOptions>();
  auto* edit = topic->add_subcommand("edit", "Change a topic's name, aliases, description or related topics");
  edit->add_option("topic", edit_opts->id, "The topic's id, name or alias")->required();
  edit->add_option("--name", edit_opts->name, "A new name (the id stays)");
  edit->add_option("--alias", edit_opts->aliases, "Add an alias (repeatable)");
  edit->add_option("--unalias", edit_opts->unaliases, "Remove an alias (repeatable)");
  edit->add_option("--desc,--description", edit_opts->description, "A new description");
  edit->add_option("--related", edit_opts->related, "Add a related topic (repeatable)");
  edit->add_option("--unrelate", edit_opts->unrelated, "Remove a related topic id (repeatable)");
  edit->footer(examples({"peers topic edit financial-aid --alias \"CSS Profile\" --unalias grants",
                         "peers topic edit admissions --related financial-aid"}));
  edit->callback([edit_opts, &ctx] { run_topic_edit(*edit_opts, ctx); });

  add_topic_changes(*topic, ctx);
}

}  // namespace peers::cli
