#include <CLI/CLI.hpp>

#include <unistd.h>

#include <fmt/format.h>

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
  bool fix = false;
  bool strict = false;
};

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
  std::vector<Finding> findings = check_store(read_store_for_check(root, ctx.store_options()));
  std::vector<std::string> fixed;
  if (opts.fix) {
    fixed = fix(findings, ctx);
    if (!fixed.empty()) {
      ctx.record_change(fmt::format("check --fix ({} file{})", fixed.size(),
                                    fixed.size() == 1 ? "" : "s"));
      findings = check_store(read_store_for_check(root, ctx.store_options()));
    }
  }

  std::size_t errors = 0, warnings = 0, fixable = 0;
  for (const auto& f : findings) {
    (f.severity == Severity::error ? errors : warnings)++;
    if (f.fixable) ++fixable;
  }

  if (opts.json) {
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
  cmd->add_flag("--json", opts->json, "Print the findings as JSON");
  cmd->add_flag("--fix", opts->fix,
                "Rewrite CRLF and non-canonical files the way peers writes them, and remove "
                "left-over temp files");
  cmd->add_flag("--strict", opts->strict, "Fail on warnings too");
  cmd->footer(examples({"peers check", "peers check --fix        # normalise hand-edited files",
                        "peers check --json | jq '.findings[] | select(.severity == \"error\")'",
                        "peers check --strict     # in CI: warnings fail too"}));
  cmd->callback([opts, &ctx] { run_check(*opts, ctx); });
}

}  // namespace peers::cli
