#include "peers/store.hpp"

#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <cstring>
#include <set>
#include <thread>
#include <tuple>

#include <fmt/format.h>

#include "peers/events.hpp"
#include "peers/text.hpp"
#include "store/files.hpp"
#include "store/layout.hpp"
#include "store/state_dir.hpp"

namespace fs = std::filesystem;

namespace peers {
namespace {

using files::fsync_directory;

constexpr const char* config_file = "peers.yaml";
constexpr const char* state_dir = ".peers";

std::string errno_text(int error) { return std::strerror(error); }

bool has_yaml_extension(std::string_view name) {
  return name.size() > 5 && name.substr(name.size() - 5) == ".yaml";
}

Error symlink_error(const std::string& relative) {
  return Error(Location{relative}, "is a symbolic link; peers does not follow links in a store",
               "replace the link with the directory or file itself; nothing outside the store "
               "is read, written or locked");
}

}  // namespace

/// A committed `topics -> /elsewhere` would otherwise be read and written.
void refuse_symlinks_in_layout(const fs::path& root) {
  std::vector<std::string> checked = {config_file, state_dir};
  for (const auto& kind : all_kinds()) checked.emplace_back(kind.directory);
  checked.push_back(std::string(info(Kind::question).directory) + "/archive");
  for (const auto& relative : checked)
    if (auto link = files::first_symlink(root, relative)) throw symlink_error(*link);
}

std::string read_regular_file(const fs::path& path, const std::string& display,
                              std::size_t max_bytes) {
  files::Fd f = files::open_for_reading(path, true);
  if (!f.valid()) {
    int error = errno;
    if (error == ELOOP)
      throw Error(Location{display}, "is a symbolic link; peers does not follow links in a store",
                  "replace the link with the file itself");
    if (error == ENOENT) throw Error(Location{display}, "file not found", {}, exit_not_found);
    throw Error(Location{display}, "cannot read: " + errno_text(error));
  }
  struct stat st {};
  if (::fstat(f.get(), &st) != 0) throw Error(Location{display}, "cannot read: " + errno_text(errno));
  if (!S_ISREG(st.st_mode))
    throw Error(Location{display}, "is not a regular file",
                "a record must be an ordinary file; remove or rename this entry");
  if (static_cast<std::size_t>(st.st_size) > max_bytes)
    throw Error(Location{display},
                fmt::format("file is {} KiB, over the {} KiB limit for one record",
                            st.st_size / 1024, max_bytes / 1024),
                "a record this large is almost certainly not hand-made; check where it came from");
  std::string text;
  text.resize(static_cast<std::size_t>(st.st_size));
  std::size_t done = 0;
  while (done < text.size()) {
    ssize_t n = ::read(f.get(), text.data() + done, text.size() - done);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) throw Error(Location{display}, "cannot read: " + errno_text(errno));
    if (n == 0) break;
    done += static_cast<std::size_t>(n);
  }
  text.resize(done);
  return text;
}

namespace {

/// Writes `text` to a new temp file beside `path` (flushed to disk when `flush`) and returns
/// the temp file's path; on failure, removes it and throws.
fs::path write_temp_beside(const fs::path& path, const std::string& text, bool flush,
                           int slow_write_ms) {
  fs::path dir = path.parent_path();
  fs::path temp = files::temp_path_for(dir, path.filename().string());
  files::Fd f = files::create_new(temp);
  if (!f.valid())
    throw Error(Location{path.filename().string()},
                fmt::format("cannot write in {}: {}", dir.string(), errno_text(errno)),
                "check that the directory exists and is writable; nothing was changed");
  auto fail = [&](int error) {
    files::remove_file(temp);
    throw Error(Location{path.filename().string()}, "cannot write: " + errno_text(error),
                error == ENOSPC ? "the disk is full; free some space (nothing was changed)"
                                : "nothing was changed");
  };
  if (!files::write_all(f.get(), text)) fail(errno);
  if (flush && ::fsync(f.get()) != 0) fail(errno);
  if (slow_write_ms > 0) std::this_thread::sleep_for(std::chrono::milliseconds(slow_write_ms));
  if (!f.close()) fail(errno);
  return temp;
}

}  // namespace

void write_file_atomically(const fs::path& path, const std::string& text, int slow_write_ms) {
  fs::path temp = write_temp_beside(path, text, true, slow_write_ms);
  if (int error = files::rename_file(temp, path)) {
    files::remove_file(temp);
    throw Error(Location{path.filename().string()}, "cannot write: " + errno_text(error),
                "nothing was changed");
  }
  fsync_directory(path.parent_path());
}

Store::Batch::Batch(Store& store) : store_(store) {
  if (store_.batch_) throw Error("a batch of writes is already open (a bug in peers)");
  store_.batch_.emplace();
}

Store::Batch::~Batch() {
  if (!store_.batch_) return;
  for (const auto& w : *store_.batch_) files::remove_file(w.temp);
  store_.batch_.reset();
}

void Store::Batch::commit() {
  std::vector<PendingWrite> pending = std::move(*store_.batch_);
  store_.batch_.emplace();
  if (pending.empty()) return;
  auto drop_from = [&](std::size_t first) {
    for (std::size_t k = first; k < pending.size(); ++k) files::remove_file(pending[k].temp);
  };
  // One flush of the file system holding the store makes every temp file durable before any
  // of them replaces a record; where syncfs is refused, each file is flushed.
  files::Fd root = files::open_directory(store_.root_);
  if (!root.valid() || ::syncfs(root.get()) != 0) {
    for (std::size_t k = 0; k < pending.size(); ++k) {
      files::Fd f = files::open_for_reading(pending[k].temp);
      if (!f.valid() || ::fsync(f.get()) != 0) {
        int error = errno;
        drop_from(0);
        throw Error(Location{pending[k].relative}, "cannot write: " + errno_text(error),
                    "nothing was changed");
      }
    }
  }
  std::set<fs::path> directories;
  auto flush_directories = [&] {
    for (const auto& dir : directories) fsync_directory(dir);
  };
  for (std::size_t k = 0; k < pending.size(); ++k) {
    if (int error = files::rename_file(pending[k].temp, pending[k].target)) {
      drop_from(k);
      flush_directories();  // the files already in place stay there
      throw Error(Location{pending[k].relative}, "cannot write: " + errno_text(error),
                  fmt::format("{} of {} files were written before this one; run the command "
                              "again to finish",
                              k, pending.size()));
    }
    store_.changed_files_.push_back(pending[k].relative);
    directories.insert(pending[k].target.parent_path());
  }
  flush_directories();
}

fs::path Store::discover(const std::optional<fs::path>& explicit_dir,
                         const std::optional<fs::path>& env_dir, const fs::path& cwd) {
  auto check = [](const fs::path& dir, const char* source) {
    std::error_code ec;
    if (!fs::is_regular_file(dir / config_file, ec))
      throw Error(fmt::format("{} ({}) is not a peers store: it has no peers.yaml",
                              terminal_safe(dir.string()), source),
                  fmt::format("create one with 'peers init {}', or point at an existing store",
                              terminal_safe(dir.string())));
    return fs::absolute(dir).lexically_normal();
  };
  if (explicit_dir) return check(*explicit_dir, "--store");
  if (env_dir) return check(*env_dir, "$PEERS_STORE");
  std::error_code ec;
  for (fs::path dir = cwd;; dir = dir.parent_path()) {
    if (fs::is_regular_file(dir / config_file, ec)) return dir;
    if (dir == dir.root_path() || dir.empty()) break;
  }
  throw Error("not inside a peers store (no peers.yaml here or in any parent directory)",
              "create one with 'peers init', or point at one with --store DIR or $PEERS_STORE");
}

void Store::init(const fs::path& dir, const std::string& name) {
  std::error_code ec;
  if (fs::exists(dir / config_file, ec))
    throw Error(fmt::format("{} is already a peers store", terminal_safe(dir.string())),
                "use it as it is; 'peers check' validates it");
  if (auto bad = forbidden_character(name, false))
    throw Error(fmt::format("the store name contains {}", *bad), "use plain text");
  fs::create_directories(dir, ec);
  if (ec)
    throw Error(fmt::format("cannot create {}: {}", terminal_safe(dir.string()), ec.message()));
  for (const auto& kind : all_kinds()) {
    fs::create_directories(dir / kind.directory, ec);
    if (ec)
      throw Error(fmt::format("cannot create {}: {}", (dir / kind.directory).string(),
                              ec.message()));
    if (!fs::exists(dir / kind.directory / ".gitkeep"))
      write_file_atomically(dir / kind.directory / ".gitkeep", "");
  }
  write_file_atomically(dir / ".gitignore", "# peers' local cache and lock: never committed\n/.peers/\n");
  StoreConfig config;
  config.name = name;
  write_file_atomically(dir / config_file, emit_yaml(config_to_node(config)));
}

Store::Store(fs::path root, StoreOptions options)
    : root_(std::move(root)), options_(std::move(options)) {
  refuse_symlinks_in_layout(root_);
  std::string text = read_regular_file(root_ / config_file, config_file, options_.limits.max_bytes);
  config_ = config_from_node(parse_yaml(text, config_file, options_.limits), config_file);
}

Store::~Store() = default;

std::string Store::relative_path(Kind kind, std::string_view id, bool archived) const {
  if (!is_valid_id(id))
    throw Error(fmt::format("'{}' is not a valid {} id", terminal_safe(id), info(kind).noun),
                "ids are lowercase letters, digits and '-' (at most 64), e.g. maria-lopez",
                exit_usage);
  return fmt::format("{}/{}{}.yaml", info(kind).directory, archived ? "archive/" : "", id);
}

bool Store::exists(Kind kind, std::string_view id) const {
  if (!is_valid_id(id)) return false;
  struct stat st {};
  if (::lstat((root_ / relative_path(kind, id)).c_str(), &st) == 0) return true;
  return kind == Kind::question &&
         ::lstat((root_ / relative_path(kind, id, true)).c_str(), &st) == 0;
}

std::vector<std::string> Store::ids(Kind kind, bool include_archived) const {
  std::vector<std::string> out;
  auto scan = [&](const fs::path& dir) {
    files::for_each_name(dir, [&](std::string_view name) {
      if (name.empty() || name[0] == '.' || !has_yaml_extension(name)) return true;
      std::string_view stem = name.substr(0, name.size() - 5);
      if (is_valid_id(stem)) out.emplace_back(stem);
      return true;
    });
  };
  scan(root_ / info(kind).directory);
  if (include_archived && kind == Kind::question) scan(root_ / info(kind).directory / "archive");
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
  return out;
}

Document Store::read(Kind kind, std::string_view id) const {
  std::string path = relative_path(kind, id);
  bool archived = false;
  struct stat st {};
  if (kind == Kind::question && ::lstat((root_ / path).c_str(), &st) != 0 &&
      ::lstat((root_ / relative_path(kind, id, true)).c_str(), &st) == 0) {
    path = relative_path(kind, id, true);
    archived = true;
  }
  std::string text = read_regular_file(root_ / path, path, options_.limits.max_bytes);
  return Document{kind, std::string(id), path, parse_yaml(text, path, options_.limits), archived};
}

Store::Lock::~Lock() {
  if (fd_ >= 0) ::close(fd_);  // closing releases the flock
}

Store::Lock Store::lock() {
  fs::path dir = root_ / state_dir;
  make_state_directory(dir);
  fs::path path = dir / "lock";
  // Opened from the store without following links: a `.peers` or `.peers/lock` link never
  // puts the lock anywhere else.
  files::Fd state = files::open_directory(dir);
  if (!state.valid())
    if (auto link = files::first_symlink(root_, state_dir)) throw symlink_error(*link);
  files::Fd file;
  if (state.valid()) file = files::open_lock_file_in(state.get(), "lock");
  if (!file.valid() && errno == ELOOP) throw symlink_error(std::string(state_dir) + "/lock");
  if (!file.valid())
    throw Error(fmt::format("cannot open the store lock {}: {}", path.string(), errno_text(errno)),
                "check that the store directory is writable; nothing was changed");
  int fd = file.get();
  Lock lock(file.release());
  auto deadline = std::chrono::steady_clock::now() +
                  std::chrono::milliseconds(options_.lock_timeout_ms);
  while (!files::try_lock(fd)) {
    if (errno != EWOULDBLOCK && errno != EINTR)
      throw Error(fmt::format("cannot lock the store: {}", errno_text(errno)));
    if (std::chrono::steady_clock::now() > deadline)
      throw Error("the store is busy: another peers command is still writing to it",
                  "wait for it to finish and try again; nothing was changed");
    std::this_thread::sleep_for(std::chrono::milliseconds(5));
  }
  // Whatever is changed under the lock starts from peers.yaml as it is now, not as it was when
  // the command started: another writer may have retired an id or renamed the store since.
  std::string text = read_regular_file(root_ / config_file, config_file, options_.limits.max_bytes);
  config_ = config_from_node(parse_yaml(text, config_file, options_.limits), config_file);
  return lock;
}

void Store::write(Kind kind, std::string_view id, Node root, bool archived) {
  std::string path = relative_path(kind, id, archived);
  fs::path full = root_ / path;
  struct stat st {};
  if (::lstat(full.c_str(), &st) == 0) {
    try {
      std::string old = read_regular_file(full, path, options_.limits.max_bytes);
      carry_comments(parse_yaml(old, path, options_.limits), root);
    } catch (const Error&) {
      // The old file is broken; nothing of it can be kept.
    }
  }
  std::string text = emit_yaml(root);
  // A change that makes the record too big for the loader is the user's to fix, not a bug.
  if (text.size() > options_.limits.max_bytes)
    throw Error(Location{path},
                fmt::format("the record would be {} KiB, over the {} KiB limit for one record",
                            text.size() / 1024, options_.limits.max_bytes / 1024),
                "shorten its notes or log (move old entries to a file of your own); nothing was "
                "changed");
  Node reread;
  try {
    reread = parse_yaml(text, path, options_.limits);
  } catch (const Error& e) {
    throw Error(Location{path}, fmt::format("refusing to write a record that would not read back ({})", e.what()),
                "this is a bug in peers; please report it with the command you ran");
  }
  if (!reread.same_data(root))
    throw Error(Location{path}, "refusing to write a record that would read back differently",
                "this is a bug in peers; please report it with the command you ran");
  std::error_code ec;
  fs::create_directories(full.parent_path(), ec);
  if (batch_) {
    batch_->push_back({write_temp_beside(full, text, false, options_.slow_write_ms), full, path});
    return;
  }
  write_file_atomically(full, text, options_.slow_write_ms);
  changed_files_.push_back(path);
}

void Store::write_config(const StoreConfig& config) {
  Node root = config_to_node(config);
  try {
    carry_comments(parse_yaml(read_regular_file(root_ / config_file, config_file,
                                                options_.limits.max_bytes),
                              config_file, options_.limits),
                   root);
  } catch (const Error&) {
  }
  write_file_atomically(root_ / config_file, emit_yaml(root), options_.slow_write_ms);
  config_ = config;
  changed_files_.push_back(config_file);
}

void Store::remove(Kind kind, std::string_view id, bool archived) {
  fs::path full = root_ / relative_path(kind, id, archived);
  if (int error = files::remove_file(full))
    throw Error(Location{relative_path(kind, id, archived)}, "cannot remove: " + errno_text(error));
  fsync_directory(full.parent_path());
  changed_files_.push_back(relative_path(kind, id, archived));
}

void Store::move_to_archive(Kind kind, std::string_view id) {
  fs::path from = root_ / relative_path(kind, id);
  fs::path to = root_ / relative_path(kind, id, true);
  std::error_code ec;
  fs::create_directories(to.parent_path(), ec);
  if (int error = files::rename_file(from, to))
    throw Error(Location{relative_path(kind, id)}, "cannot archive: " + errno_text(error));
  fsync_directory(from.parent_path());
  fsync_directory(to.parent_path());
  changed_files_.push_back(relative_path(kind, id));
  changed_files_.push_back(relative_path(kind, id, true));
}

bool Store::remove_temp_file(const std::string& relative) {
  return files::remove_file(root_ / relative) == 0;
}

void Store::write_text_file(const std::string& relative, const std::string& text) {
  write_file_atomically(root_ / relative, text, options_.slow_write_ms);
  changed_files_.push_back(relative);
}

Person read_person(const Store& store, std::string_view id) {
  Document d = store.read(Kind::person, id);
  return person_from_node(d.root, d.id, d.path);
}

Topic read_topic(const Store& store, std::string_view id) {
  Document d = store.read(Kind::topic, id);
  return topic_from_node(d.root, d.id, d.path);
}

Question read_question(const Store& store, std::string_view id) {
  Document d = store.read(Kind::question, id);
  Question q = question_from_node(d.root, d.id, d.path);
  q.archived = d.archived;
  return q;
}

void write_person(Store& store, const Person& person) {
  store.write(Kind::person, person.id, person_to_node(person));
}

void write_topic(Store& store, const Topic& topic) {
  store.write(Kind::topic, topic.id, topic_to_node(topic));
}

void write_question(Store& store, const Question& question) {
  store.write(Kind::question, question.id, question_to_node(question), question.archived);
}

Event read_event(const Store& store, std::string_view id) {
  Document d = store.read(Kind::event, id);
  return event_from_node(d.root, d.id, d.path);
}

Lead read_lead(const Store& store, std::string_view id) {
  Document d = store.read(Kind::lead, id);
  return lead_from_node(d.root, d.id, d.path);
}

void write_event(Store& store, const Event& event) {
  store.write(Kind::event, event.id, event_to_node(event));
}

void write_lead(Store& store, const Lead& lead) {
  store.write(Kind::lead, lead.id, lead_to_node(lead));
}

namespace {
/// Every record of `kind` made by `from_node`, sorted by `before`; files that do not load or
/// convert are added to `skipped`.
template <typename R, typename Before>
std::vector<R> read_every(const Store& store, Kind kind,
                          R (*from_node)(const Node&, std::string, const std::string&),
                          std::vector<Problem>& skipped, Before before) {
  std::vector<R> out;
  for (const auto& d : store.read_all({kind}, skipped)) {
    try {
      out.push_back(from_node(d.root, d.id, d.path));
    } catch (const Error& e) {
      skipped.push_back(Problem{e.where(), e.what(), e.hint()});
    }
  }
  std::sort(out.begin(), out.end(), before);
  return out;
}
}  // namespace

std::vector<Event> read_events(const Store& store, std::vector<Problem>& skipped) {
  return read_every<Event>(store, Kind::event, event_from_node, skipped,
                           [](const Event& a, const Event& b) {
                             return std::tie(a.date, a.id) < std::tie(b.date, b.id);
                           });
}

std::vector<Lead> read_leads(const Store& store, std::vector<Problem>& skipped) {
  return read_every<Lead>(store, Kind::lead, lead_from_node, skipped,
                          [](const Lead& a, const Lead& b) {
                            return std::tuple(a.added_at.value_or(0), a.id) <
                                   std::tuple(b.added_at.value_or(0), b.id);
                          });
}

}  // namespace peers
