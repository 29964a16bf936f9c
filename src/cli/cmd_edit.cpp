#include <CLI/CLI.hpp>

#include <unistd.h>

#include <fstream>
#include <sstream>

#include <fmt/format.h>

#include "commands.hpp"
#include "context.hpp"
#include "input.hpp"
#include "output.hpp"
#include "people.hpp"
#include "peers/error.hpp"
#include "peers/merge.hpp"
#include "peers/text.hpp"
#include "peers/yaml.hpp"
#include "process.hpp"
#include "resolve.hpp"

namespace peers::cli {
namespace {

struct Options {
  std::string id;
  std::vector<std::string> set;
  std::vector<std::string> knows;
  std::vector<std::string> forget;
  std::vector<std::string> tags;
  std::vector<std::string> untags;
  /// The flags `add` takes, each a shorthand for one --set (an empty value clears the field).
  std::vector<std::pair<std::string, std::string>> fields;  // key, value
  std::vector<std::string> field_flags;                      // the flag each came from
  std::vector<std::string> handles;
};

const char* settable_keys =
    "name, title, organization, department, email, phone, notes, met, status, forward_to, away_until, "
    "handles.NETWORK";

/// A date given to --set KEY=DATE or to a flag; `written` is how the person writes the value
/// ("--set met=" or "--met "), so the hint shows syntax that works.
std::optional<Date> date_value(const std::string& value, const std::string& label,
                               const std::string& written) {
  if (value.empty()) return std::nullopt;
  auto date = Date::parse(trim(value));
  if (!date)
    throw Error(fmt::format("{} needs a date as YYYY-MM-DD, got '{}'", label, safe(value)),
                fmt::format("for example: {}2026-11-20", written), exit_usage);
  return date;
}

void apply_set(Person& p, const std::string& assignment, Store& store,
               const std::string& written_as = {}) {
  auto eq = assignment.find('=');
  if (eq == std::string::npos)
    throw Error(fmt::format("--set needs KEY=VALUE, got '{}'", safe(assignment)),
                "for example: --set title=\"Director\"", exit_usage);
  std::string key = trim(assignment.substr(0, eq));
  std::string written = written_as.empty() ? "--set " + key + "=" : written_as;
  std::string label = written_as.empty() ? "--set " + key : trim(written_as);
  std::string value = clean_input(assignment.substr(eq + 1), label, key == "notes");
  if (key == "name") {
    if (value.empty()) throw Error("a person needs a name", {}, exit_usage);
    value = clean_name(value, label);
    p.name = value;
  } else if (key == "title") {
    p.title = value;
  } else if (key == "department" || key == "dept") {
    p.department = value;
  } else if (key == "organization" || key == "org") {
    p.organization = value;
  } else if (key == "email") {
    validate_typed(value, label);
    validate_email(value);
    p.email = value;
  } else if (key == "phone") {
    validate_typed(value, label);
    p.phone = value;
  } else if (key == "notes" || key == "note") {
    p.notes = value;
  } else if (key == "met") {
    p.met = date_value(value, label, written);
  } else if (key == "away_until") {
    p.away_until = date_value(value, label, written);
  } else if (key == "status") {
    if (value != "active" && value != "left")
      throw Error(fmt::format("status is 'active' or 'left', not '{}'", safe(value)), {},
                  exit_usage);
    p.status = value;
  } else if (key == "forward_to") {
    p.forward_to = value.empty() ? "" : resolve_id(store, Kind::person, value);
    if (p.forward_to == p.id) throw Error("a person cannot forward to themselves", {}, exit_usage);
  } else if (key.starts_with("handles.")) {
    set_handle(p.handles, key.substr(8) + "=" + value);
  } else {
    throw Error(fmt::format("cannot set '{}'", safe(key)),
                fmt::format("the keys --set knows: {}; other keys: 'peers edit {}' in your editor",
                            settable_keys, p.id),
                exit_usage);
  }
}

/// The record as peers writes it (quotes, order and date forms canonical), keeping the
/// comments written in the editor.
Node canonical_with_comments(const Node& edited, const Person& p) {
  Node canonical = person_to_node(p);
  carry_comments(edited, canonical);
  return canonical;
}

/// --title, --dept, --email, ... as `add` names them, applied like the --set they stand for.
void add_field_flags(CLI::App& cmd, Options& opts) {
  struct Flag {
    const char* names;
    const char* key;
    const char* help;
  };
  static const Flag flags[] = {
      {"--title", "title", "Job title"},
      {"--dept,--department", "department", "Department or unit"},
      {"--org,--organization", "organization", "Organisation (outside yours)"},
      {"--email", "email", "Email address, its type in brackets when not work: \"ana@home.org (home)\""},
      {"--phone", "phone", "Phone number, its type in brackets when not work: \"+1 555 0100 (mobile)\""},
      {"--met", "met", "When you met (YYYY-MM-DD)"},
      {"--note", "notes", "The note about them (replaces it)"},
  };
  for (const auto& flag : flags) {
    std::string key = flag.key;
    std::string written = std::string(flag.names).substr(0, std::string(flag.names).find(',')) + " ";
    cmd.add_option_function<std::string>(
           flag.names,
           [&opts, key, written](const std::string& value) {
             opts.fields.emplace_back(key, value);
             opts.field_flags.push_back(written);
           },
           std::string(flag.help) + " (\"\" clears it)")
        ->allow_extra_args(false);
  }
  cmd.add_option("--handle", opts.handles,
                 "A social handle, NETWORK=HANDLE (repeatable; NETWORK= removes it)");
}

void apply_field_flags(Person& p, const Options& opts, Store& store) {
  for (std::size_t i = 0; i < opts.fields.size(); ++i)
    apply_set(p, opts.fields[i].first + "=" + opts.fields[i].second, store, opts.field_flags[i]);
  for (const auto& h : opts.handles) set_handle(p.handles, clean_input(h, "--handle"));
}

/// Opens the record in the editor until it is valid or the person gives up.
void edit_in_editor(Context& ctx, const std::string& id) {
  Store& store = ctx.store();
  if (!ctx.env.stdin_is_terminal)
    throw Error("'peers edit' without flags opens an editor, and there is no terminal",
                "in scripts use flags, e.g. peers edit " + id + " --title \"Director\" (see peers edit -h)", exit_usage);
  std::string editor = ctx.env.editor.value_or("vi");
  Document doc = store.read(Kind::person, id);
  std::string original = emit_yaml(doc.root);
  std::string temp_path = fmt::format("/tmp/peers-edit-{}-XXXXXX.yaml", id);
  std::vector<char> buf(temp_path.begin(), temp_path.end());
  buf.push_back('\0');
  int fd = ::mkstemps(buf.data(), 5);
  if (fd < 0) throw Error("cannot create a temporary file to edit");
  ::close(fd);
  std::string path(buf.data());
  struct Cleanup {
    std::string path;
    ~Cleanup() {
      if (!path.empty()) ::unlink(path.c_str());
    }
  } cleanup{path};
  { std::ofstream(path, std::ios::binary) << original; }
  std::string path_in_messages = doc.path;
  while (true) {
    int status = run_shell_with_argument(editor, path);
    if (status != 0)
      throw Error(fmt::format("the editor ({}) exited with status {}; nothing was changed",
                              safe(editor), status));
    std::string edited = read_regular_file(path, path_in_messages, 1 << 20);
    if (edited == original) {
      ctx.io.note("No change.");
      return;
    }
    Node root;
    Person p;
    try {
      root = parse_yaml(edited, path_in_messages);
      p = person_from_node(root, id, path_in_messages);
    } catch (const Error& e) {
      print_error(ctx.io.err, e);
      if (!confirm(ctx.io, "Edit again? (no: discard your changes)"))
        throw Error("nothing was changed", {}, exit_error);
      continue;
    }
    auto lock = store.lock();
    // The record as it is now, under the lock: another command (a `peers log`, a pull) may
    // have changed it while the editor was open. Then both changes are kept by the merge
    // driver's 3-way merge, or, when they conflict, nothing is saved and the text is kept.
    if (!store.exists(Kind::person, id)) {
      cleanup.path.clear();
      throw Error(fmt::format("{} was removed while you were editing; nothing was saved", id),
                  fmt::format("your text is kept in {}", path));
    }
    Document now = store.read(Kind::person, id);
    if (emit_yaml(now.root) == original) {
      store.write(Kind::person, id, canonical_with_comments(root, p));
      ctx.record_change(fmt::format("edit {}", p.name));
      ctx.io.note(fmt::format("Saved {}", doc.path));
      return;
    }
    NodeMerge merge = merge_nodes(doc.root, root, now.root);
    if (!merge.conflicts.empty()) {
      std::vector<std::string> keys;
      for (const auto& c : merge.conflicts) keys.push_back(c.key);
      cleanup.path.clear();  // keep the person's text
      throw Error(Location{doc.path},
                  fmt::format("changed by another command while you were editing, and your "
                              "change conflicts with it ({}); nothing was saved",
                              join(keys, ", ")),
                  fmt::format("your text is kept in {}; run 'peers edit {}' again and copy "
                              "your change over",
                              path, id));
    }
    Person merged = person_from_node(merge.merged, id, path_in_messages);
    store.write(Kind::person, id, canonical_with_comments(merge.merged, merged));
    ctx.record_change(fmt::format("edit {}", merged.name));
    ctx.io.note(fmt::format("Saved {} (merged with a change made while you were editing)",
                            doc.path));
    return;
  }
}

void run_edit(const Options& opts, Context& ctx) {
  Store& store = ctx.store();
  std::string id = resolve_id(store, Kind::person, opts.id);
  bool has_flags = !opts.set.empty() || !opts.knows.empty() || !opts.forget.empty() ||
                   !opts.tags.empty() || !opts.untags.empty() || !opts.fields.empty() ||
                   !opts.handles.empty();
  if (!has_flags) return edit_in_editor(ctx, id);

  auto lock = store.lock();
  Person p = read_person(store, id);
  for (const auto& s : opts.set) apply_set(p, s, store);
  apply_field_flags(p, opts, store);
  for (const auto& k : opts.knows) add_unique(p.expertise, clean_input(k, "--knows"));
  for (const auto& f : opts.forget)
    if (!remove_matching(p.expertise, clean_input(f, "--forget")))
      throw Error(fmt::format("{} has no expertise '{}'", id, safe(f)),
                  p.expertise.empty() ? "they have no expertise listed"
                                      : "their expertise: " + safe(join(p.expertise, ", ")),
                  exit_usage);
  for (const auto& t : opts.tags) add_unique(p.tags, clean_input(t, "--tag"));
  for (const auto& t : opts.untags)
    if (!remove_matching(p.tags, clean_input(t, "--untag")))
      throw Error(fmt::format("{} has no tag '{}'", id, safe(t)), {}, exit_usage);
  write_person(store, p);
  ctx.record_change(fmt::format("edit {}", p.name));
  ctx.io.note(fmt::format("Updated {}", id));
}

}  // namespace

void add_edit(CLI::App& app, Context& ctx) {
  auto opts = std::make_shared<Options>();
  auto* cmd = app.add_subcommand(
      "edit", "Change a person: in $VISUAL/$EDITOR (validated on save), or with flags");
  cmd->add_option("id", opts->id, "The person's id or a unique prefix")->required();
  cmd->add_option("--set", opts->set, "Set a field, KEY=VALUE (empty VALUE clears it)")
      ->option_text("KEY=VALUE");
  cmd->add_option("--knows", opts->knows, "Add expertise (repeatable)")->option_text("TOPIC");
  cmd->add_option("--forget", opts->forget, "Remove expertise (repeatable)")->option_text("TOPIC");
  cmd->add_option("--tag", opts->tags, "Add a tag (repeatable)");
  cmd->add_option("--untag", opts->untags, "Remove a tag (repeatable)");
  add_field_flags(*cmd, *opts);
  cmd->footer(examples({"peers edit maria-lopez          # opens your editor",
                        "peers edit maria-lopez --set title=\"Director\" --knows \"campus tours\" "
                        "--forget admissions",
                        "peers edit maria-lopez --title \"Director\" --phone \"+1 555 0100 (mobile)\" "
                        "--handle linkedin=mlopez",
                        "peers edit kwame --set status=left --set forward_to=jose-nunez",
                        "peers edit kwame --set away_until=2027-01-10"}));
  cmd->callback([opts, &ctx] { run_edit(*opts, ctx); });
}

}  // namespace peers::cli
