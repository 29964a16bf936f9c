#include <CLI/CLI.hpp>

#include <charconv>

#include <fmt/format.h>

#include "autocommit.hpp"
#include "commands.hpp"
#include "context.hpp"
#include "input.hpp"
#include "output.hpp"
#include "peers/error.hpp"
#include "peers/text.hpp"

namespace peers::cli {
namespace {

/// Where a setting lives: shared settings are in peers.yaml (committed, the same for the whole
/// team); personal ones in this clone's git config (never committed).
enum class Scope { shared, personal };

struct Setting {
  const char* key;
  Scope scope;
  const char* description;
};

const std::vector<Setting>& settings() {
  static const std::vector<Setting> list = {
      {"name", Scope::shared, "the organisation's name"},
      {"archive_after_days", Scope::shared,
       "'peers archive' moves answered and closed questions older than this"},
      {"git.autocommit", Scope::personal,
       "each command commits its own change (\"peers: add Maria Lopez\")"},
  };
  return list;
}

const Setting& find_setting(const std::string& key) {
  std::vector<std::string> keys;
  for (const auto& s : settings()) {
    if (key == s.key) return s;
    keys.push_back(s.key);
  }
  auto close = closest_matches(key, keys);
  throw Error(fmt::format("unknown setting '{}'{}", safe(key),
                          close.empty() ? "" : fmt::format(" (did you mean '{}'?)", close.front())),
              "settings: " + join(keys, ", "), exit_usage);
}

std::optional<bool> parse_bool(const std::string& text) {
  std::string t = to_lower_ascii(text);
  if (t == "true" || t == "yes" || t == "on" || t == "1") return true;
  if (t == "false" || t == "no" || t == "off" || t == "0") return false;
  return std::nullopt;
}

/// The current value as text.
std::string get_value(const Setting& setting, Store& store) {
  std::string key = setting.key;
  if (key == "name") return store.config().name;
  if (key == "archive_after_days") return std::to_string(store.config().archive_after_days);
  return autocommit_enabled(store.root()) ? "true" : "false";
}

void set_value(const Setting& setting, const std::string& raw, Context& ctx) {
  Store& store = ctx.store();
  std::string key = setting.key;
  std::string value = clean_input(raw, "the value");
  if (key == "git.autocommit") {
    auto on = parse_bool(value);
    if (!on) throw Error(fmt::format("git.autocommit is true or false, not '{}'", safe(value)),
                         "peers config set git.autocommit true", exit_usage);
    if (!in_git_work_tree(store.root()))
      throw Error("the store is not in a git repository, so there is nothing to commit to",
                  "'git init' the store first (or clone the team's repository)");
    GitResult r = run_git(store.root(), {"config", "--local", "peers.autocommit",
                                         *on ? "true" : "false"});
    if (!r.ok()) throw Error("could not write the git config: " + trim(r.output));
    ctx.io.note(fmt::format("git.autocommit is {} in this clone", *on ? "on" : "off"));
    return;
  }
  auto lock = store.lock();
  Store fresh(store.root(), store.options());  // peers.yaml as it is now, under the lock
  StoreConfig config = fresh.config();
  if (key == "name") {
    config.name = value;
  } else {
    int days = 0;
    auto [end, ec] = std::from_chars(value.data(), value.data() + value.size(), days);
    if (ec != std::errc() || end != value.data() + value.size() || days < 1)
      throw Error(fmt::format("archive_after_days is a number of days, not '{}'", safe(value)),
                  "peers config set archive_after_days 90", exit_usage);
    config.archive_after_days = days;
  }
  store.write_config(config);
  ctx.record_change(fmt::format("set {} to {}", key, value));
  ctx.io.note(fmt::format("{} is now {} (in peers.yaml, for the whole team)", key, safe(value)));
}

nlohmann::ordered_json setting_json(const Setting& setting, Store& store) {
  nlohmann::ordered_json j;
  j["key"] = setting.key;
  std::string value = get_value(setting, store);
  if (std::string(setting.key) == "git.autocommit")
    j["value"] = value == "true";
  else if (std::string(setting.key) == "archive_after_days")
    j["value"] = std::stoi(value);
  else
    j["value"] = value;
  j["scope"] = setting.scope == Scope::shared ? "shared" : "personal";
  j["stored_in"] = setting.scope == Scope::shared ? "peers.yaml" : "git config (this clone)";
  return j;
}

struct GetOptions {
  std::string key;
  bool json = false;
};

void run_config_get(const GetOptions& opts, Context& ctx) {
  const Setting& setting = find_setting(opts.key);
  if (opts.json)
    print_json(ctx.io, setting_json(setting, ctx.store()));
  else
    ctx.io.out << safe(get_value(setting, ctx.store())) << '\n';
}

struct SetOptions {
  std::string key;
  std::string value;
};

void run_config_set(const SetOptions& opts, Context& ctx) {
  set_value(find_setting(opts.key), opts.value, ctx);
}

struct ListOptions {
  bool json = false;
};

void run_config_list(const ListOptions& opts, Context& ctx) {
  nlohmann::ordered_json all = nlohmann::ordered_json::array();
  Table table;
  for (const auto& s : settings()) {
    all.push_back(setting_json(s, ctx.store()));
    table.add({s.key, safe(get_value(s, ctx.store())),
               s.scope == Scope::shared ? "shared (peers.yaml)" : "this clone (git config)"});
  }
  if (opts.json)
    print_json(ctx.io, all);
  else
    table.print(ctx.io);
}

}  // namespace

void add_config(CLI::App& app, Context& ctx) {
  auto* cmd = app.add_subcommand("config", "Read or change settings (shared or for this clone)");
  cmd->require_subcommand(1);

  auto get_opts = std::make_shared<GetOptions>();
  auto* get = cmd->add_subcommand("get", "Print a setting's value");
  get->add_option("key", get_opts->key, "The setting, e.g. git.autocommit")->required();
  get->add_flag("--json", get_opts->json, "Print {key, value, scope, stored_in} as JSON");
  get->callback([get_opts, &ctx] { run_config_get(*get_opts, ctx); });

  auto set_opts = std::make_shared<SetOptions>();
  auto* set = cmd->add_subcommand("set", "Change a setting");
  set->add_option("key", set_opts->key, "The setting")->required();
  set->add_option("value", set_opts->value, "Its new value")->required();
  set->callback([set_opts, &ctx] { run_config_set(*set_opts, ctx); });

  auto list_opts = std::make_shared<ListOptions>();
  auto* list = cmd->add_subcommand("list", "Print every setting, its value and where it lives");
  list->add_flag("--json", list_opts->json, "Print them as JSON");
  list->callback([list_opts, &ctx] { run_config_list(*list_opts, ctx); });

  cmd->footer(examples({"peers config set git.autocommit true   # this clone commits each change",
                        "peers config get git.autocommit",
                        "peers config set archive_after_days 90  # for the whole team (peers.yaml)",
                        "peers config list"}));
}

}  // namespace peers::cli
