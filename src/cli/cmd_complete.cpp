#include <CLI/CLI.hpp>

#include <algorithm>
#include <set>

#include "commands.hpp"
#include "context.hpp"
#include "output.hpp"
#include "peers/events.hpp"
#include "peers/inbox.hpp"
#include "peers/model.hpp"
#include "peers/text.hpp"
#include "resolve.hpp"

namespace peers::cli {
namespace {

struct Options {
  std::vector<std::string> words;
};

/// What the word being completed is.
enum class Want { nothing, commands, top_commands, flags, person, question, any_record, topic,
                  tag, department, organization, member, files, directories, shells, choices, today, event, lead,
                  person_with_role };

struct Target {
  Target(Want w = Want::nothing, std::vector<std::string> c = {})
      : want(w), choices(std::move(c)) {}
  Want want = Want::nothing;
  std::vector<std::string> choices;  // for Want::choices
  std::string event;                 // for Want::person_with_role: the event named before
  std::string option_prefix;         // "--dept=" when completing the value of --dept=...
};

/// Candidates, one per line: "value<TAB>description". The shell scripts filter nothing more
/// than the prefix the person typed, so values are filtered here too.
class Candidates {
 public:
  /// `option_prefix` ("--dept=") is put before each value when the word is --OPTION=VALUE.
  explicit Candidates(std::string prefix, std::string option_prefix = {})
      : prefix_(std::move(prefix)), option_prefix_(std::move(option_prefix)) {}
  void add(const std::string& plain, const std::string& description = "") {
    if (plain.empty()) return;
    std::string value = option_prefix_ + plain;
    if (value.rfind(prefix_, 0) != 0 || !seen_.insert(value).second) return;
    if (value.find_first_of("\t\n\r") != std::string::npos) return;
    std::string about = safe(description);
    std::replace(about.begin(), about.end(), '\t', ' ');
    if (about.size() > 60) about = truncate_to_width(about, 60);
    lines_.push_back(about.empty() ? safe(value) : safe(value) + "\t" + about);
  }
  void print(std::ostream& out) const {
    for (const auto& line : lines_) out << line << '\n';
  }

 private:
  std::string prefix_;
  std::string option_prefix_;
  std::set<std::string> seen_;
  std::vector<std::string> lines_;
};

bool hidden(const CLI::App* app) { return app->get_group().empty() || app->get_name().rfind("__", 0) == 0; }

const CLI::App* find_subcommand(const CLI::App* app, const std::string& name) {
  for (const CLI::App* sub : app->get_subcommands([](const CLI::App*) { return true; }))
    if (sub->get_name() == name) return sub;
  return nullptr;
}

/// The option `word` names in `app` or, as global options fall through, in its parents.
const CLI::Option* find_option(const CLI::App* app, const std::string& word) {
  for (; app; app = app->get_parent()) {
    for (const CLI::Option* opt : app->get_options()) {
      if (!opt->nonpositional()) continue;
      if (word.rfind("--", 0) == 0) {
        for (const auto& name : opt->get_lnames())
          if ("--" + name == word) return opt;
      } else if (word.size() == 2) {
        for (const auto& name : opt->get_snames())
          if ("-" + name == word) return opt;
      }
    }
  }
  return nullptr;
}

bool takes_value(const CLI::Option* opt) { return opt->get_type_size_max() > 0; }

std::string command_path(const CLI::App* app) {
  std::string path;
  for (; app && app->get_parent(); app = app->get_parent())
    path = app->get_name() + (path.empty() ? "" : " " + path);
  return path;
}

Target option_target(const std::string& command, const CLI::Option* opt) {
  std::string name = opt->get_lnames().empty() ? opt->get_snames().front() : opt->get_lnames().front();
  if (name == "topic" || name == "knows" || name == "related") return {Want::topic, {}};
  if (name == "tag" || name == "untag") return {Want::tag, {}};
  if (name == "dept" || name == "department") return {Want::department, {}};
  if (name == "org" || name == "organization") return {Want::organization, {}};
  if (name == "by") return {Want::member, {}};
  if (name == "to" || name == "forward-to" || name == "person") return {Want::person, {}};
  if (name == "store") return {Want::directories, {}};
  if (name == "output" || name == "file") return {Want::files, {}};
  if (name == "date" || name == "met" || name == "away-until" || name == "since")
    return {Want::today, {}};
  if (name == "status" && command == "questions") {
    std::vector<std::string> statuses(question_status_names.begin(), question_status_names.end());
    statuses.push_back("all");
    return {Want::choices, statuses};
  }
  if (name == "status" && (command == "leads" || command == "lead set" || command == "lead edit"))
    return {Want::choices, {lead_status_names.begin(), lead_status_names.end()}};
  if (name == "from" && command.starts_with("lead")) return {Want::person, {}};
  if (name == "lead" && command.starts_with("event")) return {Want::person, {}};
  if (name == "format" && command == "import") return {Want::choices, {"vcard", "csv"}};
  if (name == "format" && command == "export") return {Want::choices, {"vcard", "csv", "json"}};
  if (name == "format" && command == "triage") return {Want::choices, {"csv", "json", "lines"}};
  if (name == "preset" && command == "triage") {
    std::vector<std::string> names;
    for (const auto& p : inbox_presets()) names.push_back(p.name);
    return {Want::choices, names};
  }
  if (name == "same-as") return {Want::question, {}};
  return {};
}

Target positional_target(const std::string& command, const std::string& name,
                         const std::vector<std::string>& positionals) {
  static const std::set<std::string> question_commands = {"route", "answer", "close", "reopen"};
  if (command == "help") return {Want::top_commands, {}};
  if (command == "completion") return {Want::shells, {}};
  if (command == "show" && name == "id") return {Want::any_record, {}};
  if (command.starts_with("event ") && name == "event") return {Want::event, {}};
  if ((command == "event done" || command == "event unassign") && name == "person" &&
      !positionals.empty()) {
    Target t{Want::person_with_role, {}};
    t.event = positionals.front();
    return t;
  }
  if (command.starts_with("lead ") && name == "id") return {Want::lead, {}};
  if (name == "question" && question_commands.count(command)) return {Want::question, {}};
  if (name == "person" || name == "keep" || name == "fold_in" ||
      (name == "id" && (command == "edit" || command == "log" || command == "rm")))
    return {Want::person, {}};
  if (name == "topic") return {Want::topic, {}};
  if (name == "file" || name == "path") return {Want::files, {}};
  if (name == "dir") return {Want::directories, {}};
  return {};
}

/// Where the command line is: the (sub)command reached and what the last word should be.
Target locate(const CLI::App& app, const std::vector<std::string>& words, const CLI::App*& at) {
  at = &app;
  const CLI::Option* pending = nullptr;
  std::size_t positional = 0;
  std::vector<std::string> positionals;
  bool only_positionals = false;
  for (std::size_t i = 0; i + 1 < words.size(); ++i) {
    const std::string& word = words[i];
    if (pending) {
      pending = nullptr;
      continue;
    }
    if (!only_positionals && word == "--") {
      only_positionals = true;
      continue;
    }
    if (!only_positionals && word.size() > 1 && word[0] == '-') {
      if (word.find('=') != std::string::npos) continue;
      const CLI::Option* opt = find_option(at, word);
      if (opt && takes_value(opt)) pending = opt;
      continue;
    }
    if (positional == 0 && !only_positionals)
      if (const CLI::App* sub = find_subcommand(at, word)) {
        at = sub;
        continue;
      }
    ++positional;
    positionals.push_back(word);
  }
  std::string command = command_path(at);
  if (pending) return option_target(command, pending);
  const std::string& current = words.empty() ? std::string() : words.back();
  if (!only_positionals && current.starts_with("--") && current.find('=') != std::string::npos) {
    std::string flag = current.substr(0, current.find('='));
    const CLI::Option* opt = find_option(at, flag);
    if (!opt || !takes_value(opt)) return {};
    Target target = option_target(command, opt);
    target.option_prefix = flag + "=";
    return target;
  }
  if (!only_positionals && !current.empty() && current[0] == '-') return {Want::flags, {}};
  Target target;
  std::size_t index = 0;
  for (const CLI::Option* opt : at->get_options()) {
    if (!opt->get_positional() || opt->nonpositional()) continue;
    int many = opt->get_items_expected_max();
    bool reached = many >= CLI::detail::expected_max_vector_size ||
                   positional < index + static_cast<std::size_t>(std::max(many, 1));
    if (reached) {
      target = positional_target(command, opt->get_name(), positionals);
      break;
    }
    index += static_cast<std::size_t>(std::max(many, 1));
  }
  if (target.want == Want::nothing && positional == 0 &&
      !at->get_subcommands([](const CLI::App*) { return true; }).empty())
    target.want = Want::commands;
  return target;
}

std::string store_option(const std::vector<std::string>& words) {
  for (std::size_t i = 0; i < words.size(); ++i) {
    if (words[i] == "--store" && i + 2 < words.size()) return words[i + 1];
    if (words[i].rfind("--store=", 0) == 0) return words[i].substr(8);
  }
  return {};
}

void add_commands(Candidates& out, const CLI::App* at) {
  for (const CLI::App* sub : at->get_subcommands([](const CLI::App*) { return true; }))
    if (!hidden(sub)) out.add(sub->get_name(), sub->get_description());
}

void add_flags(Candidates& out, const CLI::App* at) {
  for (const CLI::App* app = at; app; app = app->get_parent())
    for (const CLI::Option* opt : app->get_options()) {
      if (!opt->nonpositional() || opt->get_group().empty()) continue;
      for (const auto& name : opt->get_lnames()) out.add("--" + name, opt->get_description());
      if (opt->get_lnames().empty())
        for (const auto& name : opt->get_snames()) out.add("-" + name, opt->get_description());
    }
}

void add_events(Candidates& out, Context& ctx) {
  std::vector<Problem> skipped;
  for (const auto& e : read_events(ctx.store(), skipped)) out.add(e.id, e.name);
}

void add_leads(Candidates& out, Context& ctx) {
  std::vector<Problem> skipped;
  for (const auto& l : read_leads(ctx.store(), skipped)) out.add(l.id, l.title);
}

/// The people with a role in the event `wanted` (an id or a unique prefix).
void add_people_with_role(Candidates& out, const std::string& wanted, Context& ctx) {
  Store& store = ctx.store();
  Event event = read_event(store, resolve_id(store, Kind::event, wanted));
  for (const auto& a : event.assignments) out.add(a.person, a.role);
}

void add_store_values(Candidates& out, const Target& target, Context& ctx) {
  Want want = target.want;
  if (want == Want::event) return add_events(out, ctx);
  if (want == Want::lead) return add_leads(out, ctx);
  if (want == Want::person_with_role) return add_people_with_role(out, target.event, ctx);
  Snapshot snapshot = ctx.store().snapshot();
  auto people = [&] {
    for (const auto& p : snapshot.people) out.add(p.id, p.name);
  };
  auto questions = [&] {
    for (const auto& q : snapshot.questions)
      if (!q.archived) out.add(q.id, q.text);
  };
  switch (want) {
    case Want::person: people(); break;
    case Want::question: questions(); break;
    case Want::any_record:
      people();
      questions();
      add_events(out, ctx);
      add_leads(out, ctx);
      break;
    case Want::topic:
      for (const auto& t : snapshot.topics) {
        out.add(t.id, t.name);
        out.add(t.name, t.id);
      }
      break;
    case Want::tag: {
      std::set<std::string> tags;
      for (const auto& p : snapshot.people) tags.insert(p.tags.begin(), p.tags.end());
      for (const auto& t : tags) out.add(t);
      break;
    }
    case Want::department: {
      std::set<std::string> departments;
      for (const auto& p : snapshot.people)
        if (!p.department.empty()) departments.insert(p.department);
      for (const auto& d : departments) out.add(d);
      break;
    }
    case Want::organization: {
      std::set<std::string> organizations;
      for (const auto& p : snapshot.people)
        if (!p.organization.empty()) organizations.insert(p.organization);
      for (const auto& o : organizations) out.add(o);
      break;
    }
    case Want::member: {
      std::set<std::string> members;
      for (const auto& p : snapshot.people) {
        for (const auto& e : p.log)
          if (!e.by.empty()) members.insert(e.by);
        if (!p.added_by.empty()) members.insert(p.added_by);
      }
      for (const auto& m : members) out.add(m);
      break;
    }
    default: break;
  }
}

/// Never fails loudly: a shell calls this on every Tab, so any problem prints nothing.
void run_complete(const Options& opts, const CLI::App& app, Context& ctx) {
  try {
    std::vector<std::string> words = opts.words;
    if (words.empty()) words.emplace_back();
    const CLI::App* at = nullptr;
    Target target = locate(app, words, at);
    Candidates out(words.back(), target.option_prefix);
    switch (target.want) {
      case Want::nothing: break;
      case Want::commands: add_commands(out, at); break;
      case Want::top_commands: add_commands(out, &app); break;
      case Want::flags: add_flags(out, at); break;
      case Want::shells:
        for (const char* shell : {"bash", "zsh", "fish"}) out.add(shell);
        break;
      case Want::choices:
        for (const auto& choice : target.choices) out.add(choice);
        break;
      case Want::today: out.add(ctx.today().str(), "today"); break;
      case Want::files: ctx.io.out << "__files__\n"; return;
      case Want::directories: ctx.io.out << "__dirs__\n"; return;
      default:
        if (std::string store = store_option(words); !store.empty()) ctx.global.store = store;
        add_store_values(out, target, ctx);
    }
    out.print(ctx.io.out);
  } catch (...) {
    // No store here, or an unreadable one: nothing to offer.
  }
}

}  // namespace

void add_complete(CLI::App& app, Context& ctx) {
  auto opts = std::make_shared<Options>();
  auto* cmd = app.add_subcommand(
      "__complete", "Print completions for a command line (used by the shell scripts)");
  cmd->group("");  // hidden from help
  cmd->add_option("words", opts->words, "The words after 'peers', the last one being typed");
  cmd->footer(examples({"peers __complete -- list --dept Adm"}));
  cmd->callback([opts, &app, &ctx] { run_complete(*opts, app, ctx); });
}

}  // namespace peers::cli
