#pragma once
#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "peers/error.hpp"
#include "peers/model.hpp"
#include "peers/node.hpp"
#include "peers/store.hpp"
#include "peers/yaml.hpp"

namespace peers {

enum class Severity { error, warning };
const char* to_string(Severity severity);

/// One thing `peers check` found. `code` is stable: scripts and docs/format.md rely on it.
struct Finding {
  Location where;
  Severity severity = Severity::error;
  std::string code;  // "yaml-syntax", "unknown-person", "possible-duplicate", ...
  std::string message;
  std::string hint;
  bool fixable = false;  // `peers check --fix` repairs it
};

/// One file of the store as it is on disk, and what the strict loader made of it.
struct StoreFile {
  std::string path;          // relative to the store root: "people/maria-lopez.yaml"
  std::optional<Kind> kind;  // none for peers.yaml
  std::string id;            // the file name without ".yaml"
  bool archived = false;
  std::string text;
  std::optional<Node> root;  // when the loader accepted the file
  std::optional<Error> load_error;
  std::optional<Error> record_error;  // when the typed record could not be made from `root`
  /// What the file checkers found in it, when already known (remembered from an earlier
  /// check of the same content); check_store runs them otherwise.
  std::optional<std::vector<Finding>> findings;
  /// Where the value of `name` starts (line, column; 0, 0 when the file has none), remembered
  /// with the findings, so that a store checker points at it without parsing the file again.
  std::optional<std::pair<int, int>> name_mark;
};

/// What the checkers look at: every file of the store, read and parsed once.
struct CheckInput {
  std::vector<StoreFile> files;           // peers.yaml first, then records by kind and path
  std::vector<std::string> bad_names;     // "people/Maria.yaml": *.yaml that is not an id
  std::vector<std::string> temp_files;    // "people/.x.yaml.tmp-123-abc": a writer's leftover
  /// The typed records of the files that validated. Questions may hold only what the store
  /// checkers read of them (id, archived, routed_to, answered_by).
  Snapshot records;
  /// Index into `files` by "kind/id" ("question/archive/id" for archived questions).
  std::unordered_map<std::string, std::size_t> by_record;
  /// Where the files are, for files read without keeping their tree (read_store_for_check).
  std::filesystem::path root;
  LoadLimits limits;
  /// Files read_store_for_check parsed; the findings of the others were remembered.
  std::size_t parsed = 0;
  /// What every file's path and content come to (read_store_for_check), the key its findings
  /// are remembered by in check_whole_store; empty when a file could not be read.
  std::string fingerprint;
  /// With `fingerprint`: the content hash of each of `files` (the first 8 bytes of its SHA-256).
  std::vector<std::uint64_t> contents;
  /// For a partial check (check_changed): the ids of the records it reports on. When set, the
  /// store checkers may leave out what they would find that neither lies in the file of one
  /// of these records nor names one, and do only the work the rest needs.
  std::optional<std::unordered_set<std::string>> focus;
  bool in_focus(std::string_view id) const {
    return !focus || focus->count(std::string(id)) > 0;
  }

  const StoreFile* file_of(Kind kind, std::string_view id, bool archived = false) const;
  /// The file's tree, parsed again when it was not kept; null when it does not parse.
  const Node* tree(const StoreFile& file) const;
  /// The value of `key` at the top of the file's tree, for locating a finding; may be null.
  const Node* node(const StoreFile* file, std::string_view key) const;
  /// Where that value starts (line 0 when there is none), from the remembered mark for `name`.
  Location locate(const StoreFile& file, std::string_view key) const;

 private:
  mutable std::unordered_map<std::string, std::optional<Node>> reread_trees;
};

/// A file as read from disk (`path` relative to the store root), classified and parsed.
StoreFile load_store_file(std::string path, std::string text, const LoadLimits& limits = {});

/// Builds the input from files already read (tests use this with text held in memory).
CheckInput make_check_input(std::vector<StoreFile> files, std::vector<std::string> bad_names = {},
                            std::vector<std::string> temp_files = {});

/// Reads every file of the store at `root`, runs the file checkers on each and keeps its typed
/// record (not its text or tree). Works on a broken peers.yaml too, so the store can always be
/// checked. With the cache (`options.use_cache`), what the file checkers found is remembered
/// by content hash next to the record cache, and a file unchanged since the last check is not
/// parsed again.
CheckInput read_store_for_check(const std::filesystem::path& root,
                                const StoreOptions& options = {});

/// check_store(read_store_for_check(root, options)), remembered: with the cache, the findings
/// of the last whole check are kept with the fingerprint of every file's path and content,
/// and given again, no record being read, while no file was added, removed or changed.
std::vector<Finding> check_whole_store(const std::filesystem::path& root,
                                       const StoreOptions& options = {});

/// A file checker adds what one file says about itself: its syntax, fields and format. Its
/// findings may depend on nothing but the file's path and content, because they are
/// remembered by content (raise verdicts_version in src/core/check/check.cpp when they change).
using FileChecker = void (*)(const StoreFile& file, std::vector<Finding>& findings);
const std::vector<FileChecker>& file_checkers();
std::vector<Finding> check_file(const StoreFile& file);

/// A checker adds its findings about the store as a whole: references between records,
/// duplicates, clashes. To add one, write it in your own file, declare it in your header and
/// add one line to the list in checkers() (src/core/check/check.cpp). It finds the lines to report
/// with CheckInput::node or tree, as the files' trees may not be kept.
using Checker = void (*)(const CheckInput& input, std::vector<Finding>& findings);
const std::vector<Checker>& checkers();

/// Runs every checker (the file checkers only where the findings are not known yet); findings
/// sorted by file, line and column.
std::vector<Finding> check_store(const CheckInput& input);

/// The record as peers would write it (canonical key order and style, comments kept), for
/// files whose kind peers converts (peers.yaml, people, topics, questions). Nothing when the
/// record does not validate or its kind is not known here.
std::optional<std::string> canonical_text(const StoreFile& file);


}  // namespace peers
