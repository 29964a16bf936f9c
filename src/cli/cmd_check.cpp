#include <CLI/CLI.hpp>

#include <stdlib.h>
#include <unistd.h>

#include <fmt/format.h>

#include <future>

#include "check_formats.hpp"
#include "check_scope.hpp"
#include "commands.hpp"
#include "context.hpp"
#include "output.hpp"
#include "peers/check.hpp"
#include "peers/error.hpp"
#include "peers/events.hpp"
#include "peers/text.hpp"

namespace peers::cli {
namespace {

struct Options {
  bool json = false;
  std::string format = "text";
  bool fix = false;
  bool strict = false;
  std::string changed_since;
  bool staged = false;
};

/// A directory under $TMPDIR (else /tmp), removed with everything in it when this goes.
class ScratchDirectory {
 public:
  ScratchDirectory() {
    std::error_code ec;
    std::string base = std::filesystem::temp_directory_path(ec).string();  // $TMPDIR or /tmp
    if (ec) base = "/tmp";
    std::string pattern = base + "/peers-staged.XXXXXX";
    if (!::mkdtemp(pattern.data()))
      throw Error(fmt::format("cannot make a temporary directory in {}", terminal_safe(base)),
                  "set TMPDIR to a writable directory");
    path_ = pattern;
  }
  ~ScratchDirectory() {
    std::error_code ec;
    std::filesystem::remove_all(path_, ec);
  }
  ScratchDirectory(const ScratchDirectory&) = delete;
  ScratchDirectory& operator=(const ScratchDirectory&) = delete;
  const std::filesystem::path& path() const { return path_; }

 private:
  std::filesystem::path path_;
};

/// A warning for files of .peers/ that git tracks: the cache, index and lock are local.
std::optional<Finding> tracked_state_finding(const std::filesystem::path& root) {
  std::vector<std::string> tracked = tracked_state_files(root);
  if (tracked.empty()) return std::nullopt;
  std::string names = join(std::vector<std::string>(tracked.begin(),
                                                    tracked.begin() + std::min<std::size_t>(3, tracked.size())),
                           ", ");
  if (tracked.size() > 3) names += fmt::format(" and {} more", tracked.size() - 3);
  return Finding{Location{tracked.front()}, Severity::warning, "tracked-cache",
                 fmt::format("git tracks {} file{} of peers' local cache (.peers/): {}",
                             tracked.size(), tracked.size() == 1 ? "" : "s", names),
                 "untrack them (they stay on disk), in the store directory: "
                 "git rm -r --cached .peers && git commit -m 'Stop tracking the peers cache'",
                 false};
}

/// Repairs what can be repaired: rewrites CRLF and non-canonical records the way peers writes
/// them, removes writers' left-over temp files. Returns the paths it changed.
std::vector<std::string> fix(const std::vector<Finding>& findings, Context& ctx) {
  Store& store = ctx.store();
  auto lock = store.lock();  // no writer is half-way through while temp files go
  std::vector<std::string> fixed;
  for (const auto& finding : findings) {
    if (!finding.fixable) continue;
    const std::string& path = finding.where.file;
    if (std::find(fixed.begin(), fixed.end(), path) != fixed.end()) continue;
    if (finding.code == "temp-file") {
      if (store.remove_temp_file(path)) fixed.push_back(path);
      continue;
    }
    PathKind kind = classify_path(path);
    if (kind.is_config) {
      Store fresh(store.root(), store.options());  // the file as it is now, under the lock
      store.write_config(fresh.config());
    } else if (kind.kind == Kind::person) {
      write_person(store, read_person(store, kind.id));
    } else if (kind.kind == Kind::topic) {
      write_topic(store, read_topic(store, kind.id));
    } else if (kind.kind == Kind::question) {
      write_question(store, read_question(store, kind.id));
    } else if (kind.kind == Kind::event) {
      write_event(store, read_event(store, kind.id));
    } else if (kind.kind == Kind::lead) {
      write_lead(store, read_lead(store, kind.id));
    } else {
      continue;
    }
    fixed.push_back(path);
  }
  return fixed;
}

nlohmann::ordered_json finding_json(const Finding& f) {
  nlohmann::ordered_json j;
  j["file"] = f.where.file;
  j["line"] = f.where.line > 0 ? nlohmann::ordered_json(f.where.line) : nullptr;
  j["column"] = f.where.column > 0 ? nlohmann::ordered_json(f.where.column) : nullptr;
  j["severity"] = to_string(f.severity);
  j["code"] = f.code;
  j["message"] = f.message;
  j["hint"] = f.hint.empty() ? nullptr : nlohmann::ordered_json(f.hint);
  j["fixable"] = f.fixable;
  return j;
}

void run_check(const Options& opts, Context& ctx) {
  std::filesystem::path root = ctx.store_root();
  if (opts.fix && (opts.staged || !opts.changed_since.empty()))
    throw Error("--fix repairs the whole store: it does not go with --staged or --changed-since",
                "run 'peers check --fix' on its own", exit_usage);
  StoreOptions store_options = ctx.store_options();
  std::vector<Finding> findings;
  std::vector<std::string> fixed;
  auto count_store_files = [](const ChangedFiles& changes) {
    return std::count_if(changes.paths.begin(), changes.paths.end(), [](const std::string& path) {
      PathKind kind = classify_path(path);
      return kind.is_config || kind.kind.has_value();
    });
  };
  // A partial check lists the changes (git walks the work tree) and asks git whether it
  // tracks the cache while it reads the records.
  std::future<std::optional<Finding>> tracked =
      std::async(std::launch::deferred, [&] { return tracked_state_finding(root); });
  if (opts.staged) {
    // Which files are staged needs no walk of the work tree: a commit that does not touch the
    // store is let through at once.
    std::vector<std::string> staged = staged_store_files(root);
    if (staged.empty()) return;  // the commit does not touch the store
    tracked = std::async(std::launch::async, [&] { return tracked_state_finding(root); });
    ScratchDirectory scratch;
    findings = check_changed(root, store_options, [&] {
      return staged_changes(root, scratch.path(), store_options.limits.max_bytes,
                            std::move(staged));
    });
  } else if (!opts.changed_since.empty()) {
    tracked = std::async(std::launch::async, [&] { return tracked_state_finding(root); });
    findings = check_changed(
        root, store_options, [&] { return changed_since(root, opts.changed_since); },
        [&](const ChangedFiles& changes) {
          auto count = count_store_files(changes);
          ctx.io.note(fmt::format("{} store file{} changed since {}", count,
                                  count == 1 ? "" : "s", safe(opts.changed_since)));
        });
  } else {
    findings = check_whole_store(root, store_options);
    if (opts.fix) {
      fixed = fix(findings, ctx);
      if (!fixed.empty()) {
        ctx.record_change(fmt::format("check --fix ({} file{})", fixed.size(),
                                      fixed.size() == 1 ? "" : "s"));
        findings = check_whole_store(root, store_options);
      }
    }
  }
  if (auto finding = tracked.get()) findings.push_back(std::move(*finding));

  std::size_t errors = 0, warnings = 0, fixable = 0;
  for (const auto& f : findings) {
    (f.severity == Severity::error ? errors : warnings)++;
    if (f.fixable) ++fixable;
  }

  std::string format = opts.json ? "json" : opts.format;
  if (format == "github" || format == "gitlab" || format == "junit") {
    std::string prefix = repository_prefix(root);
    ctx.io.out << (format == "github"   ? github_annotations(findings, prefix)
                   : format == "gitlab" ? gitlab_code_quality(findings, prefix)
                                        : junit_xml(findings, prefix, opts.strict));
    ctx.io.note(fmt::format("{} error{}, {} warning{}", errors, errors == 1 ? "" : "s", warnings,
                            warnings == 1 ? "" : "s"));
  } else if (format == "json") {
    nlohmann::ordered_json out;
    out["findings"] = nlohmann::ordered_json::array();
    for (const auto& f : findings) out["findings"].push_back(finding_json(f));
    out["errors"] = errors;
    out["warnings"] = warnings;
    out["fixed"] = fixed;
    print_json(ctx.io, out);
  } else {
    for (const auto& path : fixed) ctx.io.note(fmt::format("fixed {}", safe(path)));
    for (const auto& f : findings) {
      std::string where = format_location(f.where);
      const char* style = f.severity == Severity::error ? "red" : "yellow";
      ctx.io.out << safe(where.empty() ? "store" : where) << ": "
                 << ctx.io.style(to_string(f.severity), style) << ": " << safe(f.message) << " ["
                 << f.code << "]\n";
      if (!f.hint.empty()) ctx.io.out << "  hint: " << safe(f.hint) << '\n';
    }
    if (findings.empty()) {
      ctx.io.note("No problems found.");
    } else {
      std::string summary = fmt::format("{} error{}, {} warning{}", errors, errors == 1 ? "" : "s",
                                        warnings, warnings == 1 ? "" : "s");
      if (fixable > 0 && !opts.fix)
        summary += fmt::format(" ({} can be fixed with 'peers check --fix')", fixable);
      ctx.io.note(summary);
    }
  }

  if (errors > 0 || (opts.strict && warnings > 0))
    throw Error(errors > 0 ? "the store has errors" : "the store has warnings (--strict)",
                errors > 0 ? "fix the files listed above, then run 'peers check' again"
                           : "fix them, or run without --strict",
                exit_check_failed);
}

}  // namespace

void add_check(CLI::App& app, Context& ctx) {
  auto opts = std::make_shared<Options>();
  auto* cmd = app.add_subcommand(
      "check", "Validate the whole store (exit 4 on errors; warnings only with --strict)");
  cmd->add_flag("--json", opts->json, "Print the findings as JSON (the same as --format json)");
  cmd->add_option("--format", opts->format,
                  "text; json; github (workflow annotations); gitlab (Code Quality report); "
                  "junit (JUnit XML)")
      ->check(CLI::IsMember({"text", "json", "github", "gitlab", "junit"}))
      ->option_text("FORMAT");
  auto* since = cmd->add_option("--changed-since", opts->changed_since,
                                "Check only the store files changed since REF (its merge base "
                                "with HEAD), and what the store checks find about them")
                    ->option_text("REF");
  cmd->add_flag("--staged", opts->staged,
                "Check the store as staged for the next commit (the pre-commit hook); does "
                "nothing when no store file is staged")
      ->excludes(since);
  cmd->add_flag("--fix", opts->fix,
                "Rewrite CRLF and non-canonical files the way peers writes them, and remove "
                "left-over temp files");
  cmd->add_flag("--strict", opts->strict, "Fail on warnings too");
  cmd->footer(examples({"peers check", "peers check --fix        # normalise hand-edited files",
                        "peers check --json | jq '.findings[] | select(.severity == \"error\")'",
                        "peers check --strict     # in CI: warnings fail too",
                        "peers check --format github --changed-since origin/main   # in a pull request",
                        "peers check --format junit > peers-check.xml"}));
  cmd->callback([opts, &ctx] { run_check(*opts, ctx); });
}

}  // namespace peers::cli
