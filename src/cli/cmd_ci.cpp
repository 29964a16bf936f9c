#include <CLI/CLI.hpp>

#include <fmt/format.h>

#include "autocommit.hpp"
#include "check_scope.hpp"
#include "commands.hpp"
#include "context.hpp"
#include "input.hpp"
#include "output.hpp"
#include "peers/error.hpp"
#include "peers/text.hpp"

namespace peers::cli {
namespace {

struct Options {
  std::string forge;
  bool force = false;
  bool strict = false;
  std::string source = "https://example.org/CHANGE-ME/peers.git";
  std::string ref = "main";
};

/// What the templates fill in.
struct Template {
  std::string source, ref, store, strict;
};

// Both templates install peers the way the README does (a clone of its repository, .ci/setup
// for the Debian packages, cmake), keep the installed build in the CI cache keyed by the
// commit it was built from, and run `peers check`: errors fail the job, warnings only with
// --strict. A pull or merge request is checked against its target branch (--changed-since).

constexpr const char* github_workflow = R"yaml(# Checks the peers store on every push and pull request. Written by 'peers ci init github':
# review it, then commit it. Errors fail the job (warnings too with --strict); findings show as
# annotations on the changed lines.
name: peers check
on:
  push:
  pull_request:
permissions:
  contents: read
env:
  PEERS_SOURCE: {source}  # where your team gets peers
  PEERS_REF: {ref}
jobs:
  check:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v4
        with:
          fetch-depth: 0  # --changed-since needs the target branch
      - name: Get peers
        id: peers
        run: |
          git clone --depth 1 --branch "$PEERS_REF" "$PEERS_SOURCE" "$RUNNER_TEMP/peers-src"
          echo "commit=$(git -C "$RUNNER_TEMP/peers-src" rev-parse HEAD)" >> "$GITHUB_OUTPUT"
      - name: Cache the peers build
        id: cache
        uses: actions/cache@v4
        with:
          path: ~/.local/peers
          key: peers-${{{{ runner.os }}}}-${{{{ steps.peers.outputs.commit }}}}
      - name: Install peers (as its README does)
        run: |
          cd "$RUNNER_TEMP/peers-src"
          .ci/setup
          if [ "${{{{ steps.cache.outputs.cache-hit }}}}" != true ]; then
            cmake -S . -B build -DCMAKE_BUILD_TYPE=Release && cmake --build build -j2
            cmake --install build --prefix ~/.local/peers
          fi
          echo ~/.local/peers/bin >> "$GITHUB_PATH"
      - name: peers check
        run: |
          if [ "${{{{ github.event_name }}}}" = pull_request ]; then
            peers --store {store} check --format github{strict} --changed-since "origin/${{{{ github.base_ref }}}}"
          else
            peers --store {store} check --format github{strict}
          fi
)yaml";

constexpr const char* gitlab_pipeline = R"yaml(# Checks the peers store on every push and merge request. Written by 'peers ci init gitlab':
# review it, then commit it. Errors fail the job (warnings too with --strict); findings show in
# the merge request's Code Quality report.
variables:
  PEERS_SOURCE: {source}  # where your team gets peers
  PEERS_REF: {ref}
  GIT_DEPTH: 0  # --changed-since needs the target branch

peers-check:
  image: debian:12
  rules:
    - if: $CI_PIPELINE_SOURCE == "merge_request_event"
    - if: $CI_COMMIT_BRANCH && $CI_OPEN_MERGE_REQUESTS == null
  cache:
    key: peers-$PEERS_REF
    paths:
      - .peers-build/
  before_script:
    - apt-get update -qq && apt-get install -y -qq --no-install-recommends git ca-certificates
    - git clone --depth 1 --branch "$PEERS_REF" "$PEERS_SOURCE" /tmp/peers-src
    - commit=$(git -C /tmp/peers-src rev-parse HEAD)
    - (cd /tmp/peers-src && .ci/setup)
    - |
      if [ "$(cat .peers-build/commit 2>/dev/null)" != "$commit" ]; then
        rm -rf .peers-build
        (cd /tmp/peers-src && cmake -S . -B build -DCMAKE_BUILD_TYPE=Release && cmake --build build -j2)
        cmake --install /tmp/peers-src/build --prefix "$PWD/.peers-build"
        echo "$commit" > .peers-build/commit
      fi
    - export PATH="$PWD/.peers-build/bin:$PATH"
  script:
    - |
      since=""
      if [ -n "$CI_MERGE_REQUEST_TARGET_BRANCH_NAME" ]; then
        git fetch --quiet origin "$CI_MERGE_REQUEST_TARGET_BRANCH_NAME"
        since="--changed-since origin/$CI_MERGE_REQUEST_TARGET_BRANCH_NAME"
      fi
      peers --store {store} check --format gitlab{strict} $since > gl-code-quality-report.json ||
        {{ peers --store {store} check{strict} $since; exit 1; }}
  artifacts:
    when: always
    reports:
      codequality: gl-code-quality-report.json
)yaml";

/// A value safe to put in the templates' YAML and shell lines unquoted.
std::string plain_value(const std::string& value, const char* flag) {
  for (char c : value) {
    bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
              std::string_view("-._/:@+~").find(c) != std::string_view::npos;
    if (!ok)
      throw Error(fmt::format("{} may hold only letters, digits and - . _ / : @ + ~", flag),
                  "give a plain URL or branch name", exit_usage);
  }
  if (value.empty() || value.starts_with("-"))
    throw Error(fmt::format("{} needs a value", flag), "", exit_usage);
  return value;
}

void run_ci_init(const Options& opts, Context& ctx) {
  Store& store = ctx.store();
  Template t{plain_value(opts.source, "--source"), plain_value(opts.ref, "--ref"),
             plain_value("./" + repository_prefix(store.root()), "the store's directory"),
             opts.strict ? " --strict" : ""};
  GitResult top = run_git(store.root(), {"rev-parse", "--show-toplevel"});
  std::filesystem::path repo = top.ok() ? std::filesystem::path(trim(top.output)) : store.root();
  bool github = opts.forge == "github";
  std::filesystem::path relative = github ? ".github/workflows/peers.yml" : ".gitlab-ci.yml";
  std::filesystem::path file = repo / relative;
  std::error_code ec;
  if (std::filesystem::exists(std::filesystem::symlink_status(file, ec)) && !opts.force)
    throw Error(fmt::format("{} already exists", relative.string()),
                github ? "look at it first; 'peers ci init github --force' replaces it"
                       : "add the peers-check job to it by hand (see 'peers ci init gitlab "
                         "--force' in a scratch clone), or replace it with --force");
  std::string text = fmt::format(fmt::runtime(github ? github_workflow : gitlab_pipeline),
                                 fmt::arg("source", t.source), fmt::arg("ref", t.ref),
                                 fmt::arg("store", t.store), fmt::arg("strict", t.strict));
  std::filesystem::create_directories(file.parent_path(), ec);
  write_file_atomically(file, text);
  ctx.io.note(fmt::format("Wrote {}: review it, then commit it", safe(relative.string())));
  if (opts.source.find("CHANGE-ME") != std::string::npos)
    ctx.io.note("Set PEERS_SOURCE in it to the git URL your team installs peers from (or run "
                "again with --source URL --force)");
}

}  // namespace

void add_ci(CLI::App& app, Context& ctx) {
  auto* ci = app.add_subcommand("ci", "Set up continuous integration that checks the store");
  ci->require_subcommand(1);
  auto opts = std::make_shared<Options>();
  auto* init = ci->add_subcommand(
      "init", "Write a GitHub Actions workflow or a GitLab CI pipeline that runs 'peers check' "
              "on every push and pull request");
  init->add_option("forge", opts->forge, "github or gitlab")
      ->required()
      ->check(CLI::IsMember({"github", "gitlab"}));
  init->add_flag("--force", opts->force, "Replace the file when it already exists");
  init->add_flag("--strict", opts->strict, "Fail the job on warnings too");
  init->add_option("--source", opts->source, "The git URL the job clones peers from")
      ->option_text("URL");
  init->add_option("--ref", opts->ref, "The branch or tag of peers it builds (default: main)")
      ->option_text("REF");
  init->footer(examples({"peers ci init github    # .github/workflows/peers.yml",
                         "peers ci init gitlab --strict --source https://git.example.org/tools/peers.git",
                         "git add .github && git commit -m 'Check the store in CI'"}));
  ci->footer(examples({"peers ci init github"}));
  init->callback([opts, &ctx] { run_ci_init(*opts, ctx); });
}

}  // namespace peers::cli
