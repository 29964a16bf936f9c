#pragma once
#include <cstdint>
#include <filesystem>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "peers/error.hpp"
#include "peers/events.hpp"
#include "peers/model.hpp"
#include "peers/node.hpp"
#include "peers/progress.hpp"
#include "peers/yaml.hpp"

namespace peers {

/// How a Store behaves, decided by the caller (the CLI reads these from the environment).
struct StoreOptions {
  LoadLimits limits;
  bool use_cache = true;     // false ($PEERS_NO_CACHE): always read every file
  /// Where the record cache goes when <store>/.peers cannot be written (e.g.
  /// $XDG_CACHE_HOME/peers); empty: then the cache is only read, never written.
  std::filesystem::path cache_dir;
  int slow_write_ms = 0;     // test-only: pause between writing a temp file and renaming it
  int lock_timeout_ms = 30000;
  /// Told how long loads go, and asked whether to stop (peers/progress.hpp); may be null.
  Progress* progress = nullptr;
};

/// A record file that could not be used, and why.
struct Problem {
  Location where;
  std::string message;
  std::string hint;
};

/// One record file as read from disk.
struct Document {
  Kind kind;
  std::string id;
  std::string path;  // relative to the store root, e.g. "people/maria-lopez.yaml"
  Node root;
  bool archived = false;
};

/// Every record of the store, typed, plus the files that were skipped.
struct Snapshot {
  std::vector<Person> people;
  std::vector<Topic> topics;
  std::vector<Question> questions;  // archived ones too (Question::archived)
  std::vector<Problem> skipped;

  const Person* person(std::string_view id) const;
  const Topic* topic(std::string_view id) const;
  const Question* question(std::string_view id) const;
};

/// Which questions a whole-store read keeps, and what of them (Store::snapshot). A store holds
/// many questions: a command that shows a few of them, or needs a few of their fields, says so
/// here, and the rest is never decoded.
struct QuestionFilter {
  /// The fields of each question kept: keys of its field table ("status"), a field of each
  /// history entry ("history.at"), "extra" for the keys peers does not know; empty: every
  /// field. The others stay empty, whether the question came from the cache or from its file;
  /// id and archived are always there.
  std::vector<std::string> fields;
  /// Keeps only the questions it accepts (null: every one). It is shown only the fields in
  /// `needs` (empty: every field), and is called from several threads at once.
  std::function<bool(const Question&)> keep;
  std::vector<std::string> needs;
  /// When set, each question kept is handed to it (with the fields asked for) instead of being
  /// put in the snapshot, which then holds none: for a command that only counts them. Called
  /// from several threads at once, in no particular order.
  std::function<void(const Question&)> visit = {};
  /// False: questions/archive/ is not read at all (not even looked at), for a command that
  /// never shows an archived question; a broken file there is then not reported either.
  bool archived = true;
};

/// One record as routing reads it: made by `summarize` (peers/routing.hpp), kept in the cache.
struct RecordSummary {
  Kind kind = Kind::person;
  std::string_view id;
  bool archived = false;  // a question in questions/archive/
  std::string_view bytes;
};

/// A summary of every person, topic and question, plus the files that were skipped. The views
/// point into `storage` (the mapped cache, or summaries made now) and live as long as it does.
struct Summaries {
  std::vector<RecordSummary> records;
  std::vector<Problem> skipped;
  std::shared_ptr<const void> storage;
  /// Changes whenever any record the summaries were made from changes; 0 when unknown.
  std::uint64_t digest = 0;
};

class RoutingIndex;

/// The directory of YAML files. The only part of peers that touches the disk: reads go through
/// the strict loader, writes are canonical, verified, atomic and made under the store lock.
class Store {
 public:
  /// Where the store is: `explicit_dir` (from --store), else `env_dir` ($PEERS_STORE), else
  /// the nearest directory at or above `cwd` that holds peers.yaml. Throws when none is found.
  static std::filesystem::path discover(const std::optional<std::filesystem::path>& explicit_dir,
                                        const std::optional<std::filesystem::path>& env_dir,
                                        const std::filesystem::path& cwd);
  /// Creates a new store in `dir` (made if missing). Refuses when one is already there.
  static void init(const std::filesystem::path& dir, const std::string& name);

  explicit Store(std::filesystem::path root, StoreOptions options = {});
  ~Store();
  Store(const Store&) = delete;
  Store& operator=(const Store&) = delete;

  const std::filesystem::path& root() const { return root_; }
  const StoreConfig& config() const { return config_; }
  const StoreOptions& options() const { return options_; }

  /// "people/maria-lopez.yaml" (checks the id first).
  std::string relative_path(Kind kind, std::string_view id, bool archived = false) const;
  bool exists(Kind kind, std::string_view id) const;
  /// Ids of the records of a kind, from the directory listing alone (archived ones included
  /// when asked), sorted.
  std::vector<std::string> ids(Kind kind, bool include_archived = false) const;

  /// Reads and strictly parses one record; throws a located Error when it cannot.
  Document read(Kind kind, std::string_view id) const;

  /// Reads every record of the given kinds, using the validated cache when it can.
  std::vector<Document> read_all(const std::vector<Kind>& kinds,
                                 std::vector<Problem>& problems) const;
  /// Every record of the given kinds (person, topic, question), typed. Files that fail to load
  /// or validate are listed in `skipped`.
  Snapshot snapshot(const std::vector<Kind>& kinds = {Kind::person, Kind::topic,
                                                       Kind::question}) const;
  /// The same, with only the questions `questions` keeps, and only the fields it names.
  Snapshot snapshot(const std::vector<Kind>& kinds, const QuestionFilter& questions) const;
  /// What routing needs of every person, topic and question (from the cache when it is up to
  /// date: no record is decoded). Files that fail to load or validate are in `skipped`.
  Summaries summaries() const;
  /// The routing index of the store (peers/routing.hpp): restored from the cache when no
  /// record changed since it was saved, else built from the summaries (and saved when the
  /// cache can be written). Files that fail to load or validate are added to `skipped`.
  RoutingIndex routing_index(std::vector<Problem>& skipped) const;

  /// The store's write lock (advisory, released by the kernel if the holder dies).
  class Lock {
   public:
    explicit Lock(int fd) : fd_(fd) {}
    Lock(Lock&& other) noexcept : fd_(other.fd_) { other.fd_ = -1; }
    Lock& operator=(Lock&&) = delete;
    ~Lock();

   private:
    int fd_;
  };
  [[nodiscard]] Lock lock();

  /// Writes a record canonically and atomically. Comments of the file it replaces are kept.
  /// The written text is re-read with the strict loader before it replaces the old file.
  /// Inside a Batch, the record replaces its file when the batch commits.
  void write(Kind kind, std::string_view id, Node root, bool archived = false);

  /// Many record writes with one flush to disk instead of two per file (an import of 10,000
  /// people waited over a minute on fsync). While a Batch lives, `write` puts each record in a
  /// temp file beside its own; `commit` flushes the file system once, renames every temp file
  /// into place and flushes their directories. Each file is still replaced whole; a batch
  /// dropped without `commit` (an error) removes its temp files and changes nothing.
  class Batch {
   public:
    explicit Batch(Store& store);
    Batch(const Batch&) = delete;
    Batch& operator=(const Batch&) = delete;
    ~Batch();
    void commit();

   private:
    Store& store_;
  };
  void write_config(const StoreConfig& config);
  void remove(Kind kind, std::string_view id, bool archived = false);
  /// Moves a record between its directory and the archive below it.
  void move_to_archive(Kind kind, std::string_view id);

  /// Removes a writer's left-over temp file (`peers check --fix`); false when it could not.
  /// Not recorded in changed_files(): temp files are never committed.
  bool remove_temp_file(const std::string& relative);

  /// Writes any file below the root atomically (used for .gitignore, .gitattributes).
  void write_text_file(const std::string& relative, const std::string& text);

  /// The files this Store wrote, removed or moved, relative to the root, in order (what
  /// git.autocommit commits).
  const std::vector<std::string>& changed_files() const { return changed_files_; }

 private:
  std::filesystem::path root_;
  StoreOptions options_;
  StoreConfig config_;
  std::vector<std::string> changed_files_;
  struct PendingWrite {
    std::filesystem::path temp, target;
    std::string relative;
  };
  std::optional<std::vector<PendingWrite>> batch_;  // while a Batch lives
};

/// Reads a whole regular file (no symlinks, FIFOs or directories), at most `max_bytes`.
/// `display` names it in errors.
std::string read_regular_file(const std::filesystem::path& path, const std::string& display,
                              std::size_t max_bytes);

/// Writes `text` to `path` atomically: temp file in the same directory, fsync, rename, fsync of
/// the directory. The temp file is removed on failure.
void write_file_atomically(const std::filesystem::path& path, const std::string& text,
                           int slow_write_ms = 0);

// Typed reads and writes of single records.
Person read_person(const Store& store, std::string_view id);
Topic read_topic(const Store& store, std::string_view id);
Question read_question(const Store& store, std::string_view id);
void write_person(Store& store, const Person& person);
void write_topic(Store& store, const Topic& topic);
void write_question(Store& store, const Question& question);

// Events and leads (peers/events.hpp), read and written through the store.
Event read_event(const Store& store, std::string_view id);
Lead read_lead(const Store& store, std::string_view id);
void write_event(Store& store, const Event& event);
void write_lead(Store& store, const Lead& lead);
/// Every event (sorted by date, then id) / lead (oldest first, then by id); files that do not load or
/// validate are added to `skipped`.
std::vector<Event> read_events(const Store& store, std::vector<Problem>& skipped);
std::vector<Lead> read_leads(const Store& store, std::vector<Problem>& skipped);

/// The one parser of store paths (src/core/store/paths.cpp).
/// "people/x.yaml" -> person, "questions/archive/x.yaml" -> question (archived); nothing for
/// peers.yaml and paths outside the record directories. `path` may have leading directories
/// (a path inside the git repository): the last two or three components decide.
struct PathKind {
  std::optional<Kind> kind;
  std::string id;
  bool archived = false;
  bool is_config = false;
};
PathKind classify_path(const std::string& path);

}  // namespace peers
