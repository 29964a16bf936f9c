#include "cache/load.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstring>
#include <deque>
#include <functional>
#include <random>
#include <span>
#include <stdexcept>
#include <unordered_map>
#include <unordered_set>

#include <fmt/format.h>

#include "peers/progress.hpp"
#include "peers/routing.hpp"
#include "peers/text.hpp"
#include "store/files.hpp"
#include "util/bytes.hpp"
#include "util/helper_thread.hpp"

namespace fs = std::filesystem;

namespace peers::cache {

using namespace bytes;

namespace {
struct Listing {
  std::vector<FileRef> files;
  std::vector<Problem> problems;
  std::deque<std::string> paths;  // what the files' paths point into
};

Listing list_directory(int fd, const std::string& dir, Kind kind, bool archived) {
  Listing out;
  const auto name_at = static_cast<std::uint32_t>(dir.size() + 1);
  files::for_each_name(fd, [&](std::string_view name) {
    if (name.empty() || name[0] == '.') return true;  // dot files, temp files of writers
    if (name.size() <= 5 || name.substr(name.size() - 5) != ".yaml") return true;
    std::string& path = out.paths.emplace_back();
    path.reserve(name_at + name.size());
    path.append(dir).append("/").append(name);
    if (!is_valid_id(name.substr(0, name.size() - 5))) {
      out.problems.push_back({Location{path}, "file name is not a valid id",
                              "rename it to lowercase letters, digits and '-', e.g. maria-lopez.yaml"});
      return true;
    }
    out.files.push_back({kind, archived, 0, name_at, path});
    return true;
  });
  // One directory's paths share their prefix: sorting by name sorts them by path.
  std::sort(out.files.begin(), out.files.end(),
            [](const FileRef& a, const FileRef& b) { return a.name() < b.name(); });
  return out;
}

/// Runs every task, on `threads` threads.
void run_tasks(const std::vector<std::function<void()>>& tasks, unsigned threads) {
  std::atomic<std::size_t> next = 0;
  auto work = [&] {
    for (std::size_t t = next++; t < tasks.size(); t = next++) tasks[t]();
  };
  std::vector<std::unique_ptr<HelperThread>> pool;
  for (unsigned i = 1; i < threads; ++i) pool.push_back(std::make_unique<HelperThread>(work));
  work();
}



std::string summarize_record(const Record& record) {
  if (const auto* p = std::get_if<Person>(&record)) return summarize(*p);
  if (const auto* t = std::get_if<Topic>(&record)) return summarize(*t);
  if (const auto* q = std::get_if<Question>(&record)) return summarize(*q);
  return {};
}

/// What a file's path and content add to the digest of the summaries.
std::uint64_t digest_term(std::string_view path, std::uint64_t content) {
  return hash_bytes(path) ^ (content * 0x9E3779B97F4A7C15ull);
}


/// True when `kinds` are only events and leads and they are few: reading those files directly
/// costs less than reading the cache of the whole store (as `peers show PERSON` does).
bool few_files_only(const fs::path& root, const std::vector<Kind>& kinds) {
  constexpr std::size_t few = 256;
  std::size_t count = 0;
  for (Kind kind : kinds) {
    if (kind != Kind::event && kind != Kind::lead) return false;
    files::for_each_name(root / info(kind).directory, [&](std::string_view) { return ++count <= few; });
  }
  return count <= few;
}

/// Each directory of the kinds a load reads. It is trusted, and not listed, when its stat is
/// the one recorded with its file list: nothing was added, removed or renamed in it since.
struct Directory {
  Kind kind = Kind::person;
  bool archived = false;
  std::string path;
  int fd = -1;
  FileStat stat;
  const CachedEntry* record = nullptr;
  bool trusted = false;
  std::vector<std::size_t> cached;  // when not trusted: its files' entries in the cache, by path
  Listing listing;
};

/// One load, in the order of its phases (run() calls them): find the cache, open the
/// directories, take the file lists of unchanged directories from the cache and list the
/// others, read each file (from the cache when its stat allows), count what happened, and
/// bring the cache up to date.
class Loader {
 public:
  Loader(const fs::path& root, const StoreOptions& options, const std::vector<Kind>& kinds,
         Files& files, std::vector<Problem>& problems, Sink& sink, const LoadOptions& load)
      : root_(root), options_(options), kinds_(kinds), files_(files), refs_(files.refs),
        problems_(problems), sink_(sink), load_(load),
        now_ns_(load.now_ns.value_or(real_time_ns())), print_(fingerprint(options.limits)) {}

  std::vector<Outcome> run(Stats* stats) {
    open_cache();
    open_directories();
    take_files_of_trusted_directories();
    list_other_directories();
    prepare_sink();
    read_files();
    for (int fd : directory_fds_) ::close(fd);
    count_outcomes();
    if (recording_) update_cache();
    if (stats) *stats = stats_;
    return std::move(outcomes_);
  }

 private:
  bool reads_kind(Kind kind) const {
    return std::find(kinds_.begin(), kinds_.end(), kind) != kinds_.end();
  }

  void open_cache() {
    if (options_.use_cache && !few_files_only(root_, kinds_))
      dir_ = cache_directory(root_, options_.cache_dir);
    auto loaded = std::make_shared<LoadedCache>();
    if (!dir_.empty()) {
      try {
        *loaded = load_cache(dir_, print_);
      } catch (...) {
        *loaded = LoadedCache{};  // unusable: every file is read
      }
    }
    files_.cache = loaded;
    cache_ = loaded.get();
    recording_ = options_.use_cache && !dir_.empty();
  }

  void open_directories() {
    for (auto& by_kind : directory_of_) by_kind[0] = by_kind[1] = -1;
    for (Kind kind : kinds_)
      for (bool archived : {false, true}) {
        if (archived && kind != Kind::question) continue;
        Directory directory;
        directory.kind = kind;
        directory.archived = archived;
        directory.path = std::string(info(kind).directory) + (archived ? "/archive" : "");
        directory.fd = files::open_directory(root_ / directory.path).release();
        if (directory.fd < 0) continue;
        struct stat st {};
        if (::fstat(directory.fd, &st) == 0) directory.stat = file_stat(st);
        directory_of_[static_cast<std::size_t>(kind)][archived] = static_cast<int>(directories_.size());
        directories_.push_back(std::move(directory));
      }
  }

  /// One pass over the cache, in path order: a directory's record comes before its files (its
  /// path is their prefix), so each file's directory is known to be trusted or not when it
  /// comes. The files of trusted directories become the refs, in path order; the entries of
  /// the others are paired with their listing in list_other_directories.
  void take_files_of_trusted_directories() {
    const Index& index = cache_->index;
    refs_.reserve(index.size());
    for (std::size_t entry = 0; entry < index.size(); ++entry) {
      const IndexedEntry& cached = index[entry];
      int which = directory_of_[static_cast<std::size_t>(cached.entry.kind)][cached.entry.archived];
      if (which < 0) continue;
      Directory& directory = directories_[static_cast<std::size_t>(which)];
      if (cached.directory) {
        directory.record = &cached.entry;
        directory.trusted = directory.record->stat == directory.stat &&
                            !is_racy(directory.record->stat, directory.record->verified_ns,
                                     load_.racy_margin_ns);
      } else if (directory.trusted) {
        refs_.push_back({directory.kind, directory.archived, which,
                         static_cast<std::uint32_t>(directory.path.size() + 1), cached.path, entry});
      } else {
        directory.cached.push_back(entry);
      }
    }
  }

  /// Lists the directories that changed (two at a time), pairs each listed file with its
  /// cache entry, and merges everything into path order (every load gives its files in path
  /// order, with or without the cache).
  void list_other_directories() {
    std::vector<std::function<void()>> tasks;
    for (Directory& directory : directories_)
      if (!directory.trusted)
        tasks.emplace_back([&directory] {
          directory.listing = list_directory(directory.fd, directory.path, directory.kind,
                                             directory.archived);
        });
    run_tasks(tasks, tasks.size() > 1 ? 2 : 1);

    const Index& index = cache_->index;
    std::vector<std::size_t> runs = {0, refs_.size()};  // each run of refs is sorted by path
    for (Directory& directory : directories_) {
      directory_fds_.push_back(directory.fd);
      if (directory.trusted) continue;
      // Both sorted by name: pair each listed file with its cache entry in one pass.
      std::size_t next = 0;
      for (FileRef& file : directory.listing.files) {
        while (next < directory.cached.size() && index[directory.cached[next]].path < file.path) ++next;
        if (next < directory.cached.size() && index[directory.cached[next]].path == file.path)
          file.cached = directory.cached[next];
        file.dir = static_cast<int>(directory_fds_.size() - 1);
        refs_.push_back(file);
      }
      files_.listed.push_back(std::move(directory.listing.paths));
      for (Problem& problem : directory.listing.problems) problems_.push_back(std::move(problem));
      runs.push_back(refs_.size());
    }
    auto by_file_path = [](const FileRef& a, const FileRef& b) { return a.path < b.path; };
    for (std::size_t run = 2; run < runs.size(); ++run)
      std::inplace_merge(refs_.begin(), refs_.begin() + static_cast<std::ptrdiff_t>(runs[run - 1]),
                         refs_.begin() + static_cast<std::ptrdiff_t>(runs[run]), by_file_path);
  }

  void prepare_sink() {
    typed_ = sink_.mode == Sink::Mode::snapshot;
    summaries_ = sink_.mode == Sink::Mode::summaries;
    max_depth_ = options_.limits.max_depth + 2;
    if (typed_) {
      Snapshot& snapshot = *sink_.snapshot;
      std::size_t counts[3] = {0, 0, 0};
      sink_.slot.resize(refs_.size());
      for (std::size_t i = 0; i < refs_.size(); ++i) {
        int list = refs_[i].kind == Kind::person ? 0 : refs_[i].kind == Kind::topic ? 1 : 2;
        sink_.slot[i] = counts[list]++;
      }
      snapshot.people.resize(counts[0]);
      snapshot.topics.resize(counts[1]);
      snapshot.questions.resize(counts[2]);
      sink_.filled.assign(refs_.size(), 0);
      sink_.content_hash.resize(refs_.size());
    } else if (summaries_) {
      sink_.summary.resize(refs_.size());
      sink_.owned.resize(refs_.size());
      sink_.digest_term.resize(refs_.size());
      sink_.filled.assign(refs_.size(), 0);
    } else {
      sink_.documents.resize(refs_.size());
    }
    outcomes_.resize(refs_.size());
  }

  /// With `selected`, a question already went through the sink's selection (decoded from the
  /// cache with its masks); else it goes through it here, shown to `keep` with the same fields.
  void put_record(std::size_t i, Record&& record, bool selected = false) {
    Snapshot& snapshot = *sink_.snapshot;
    if (auto* person = std::get_if<Person>(&record)) {
      snapshot.people[sink_.slot[i]] = std::move(*person);
    } else if (auto* topic = std::get_if<Topic>(&record)) {
      snapshot.topics[sink_.slot[i]] = std::move(*topic);
    } else if (auto* question = std::get_if<Question>(&record)) {
      if (const QuestionSelection* selection = sink_.questions; selection && !selected) {
        if (selection->keep) {
          Question shown = *question;
          fields::keep_only(shown, selection->needs);
          if (!selection->keep(shown)) return;
        }
        fields::keep_only(*question, selection->fields);
      }
      snapshot.questions[sink_.slot[i]] = std::move(*question);
    } else {
      return;
    }
    sink_.filled[i] = 1;
  }

  /// A cached question through the sink's selection: decoded with the fields `keep` needs,
  /// and, when kept, with those asked for.
  void put_selected_question(std::size_t i, std::string_view record) {
    const FileRef& file = refs_[i];
    const QuestionSelection& selection = *sink_.questions;
    if (selection.keep &&
        !selection.keep(decode_question(record, std::string(file.id()), file.archived, selection.needs)))
      return;
    put_record(i, decode_question(record, std::string(file.id()), file.archived, selection.fields), true);
  }

  /// Turns a parsed tree into what the sink wants. With `recorded`, also makes the blob (tree
  /// and typed record) and the summary for the cache.
  void deliver_tree(std::size_t i, Node&& tree, Fresh* recorded) {
    const FileRef& file = refs_[i];
    auto document = [&] {
      return Document{file.kind, std::string(file.id()), std::string(file.path), std::move(tree),
                      file.archived};
    };
    if (sink_.mode == Sink::Mode::documents && !recorded) {
      sink_.documents[i] = document();
      return;
    }
    Record record;
    try {
      if (has_typed_record(file.kind))
        record = to_record(tree, file.kind, std::string(file.id()), std::string(file.path), file.archived);
    } catch (const Error& e) {
      if (sink_.mode != Sink::Mode::documents)
        outcomes_[i].conversion_problem = std::make_unique<Problem>(Problem{e.where(), e.what(), e.hint()});
    }
    std::string summary;
    if (recorded || summaries_) summary = summarize_record(record);
    if (recorded) {
      std::string tree_bytes, record_bytes;
      encode_node(tree, tree_bytes);
      encode_record(record, record_bytes);
      recorded->blob = make_blob(tree_bytes, record_bytes);
      recorded->summary = summary;
    }
    if (typed_) {
      put_record(i, std::move(record));
    } else if (summaries_) {
      if (!std::holds_alternative<std::monostate>(record)) {
        sink_.owned[i] = std::make_unique<std::string>(std::move(summary));
        sink_.summary[i] = *sink_.owned[i];
        sink_.filled[i] = 1;
      }
    } else {
      sink_.documents[i] = document();
    }
  }

  /// Fills the sink from a cached entry whose content is known to match the file.
  void deliver_cached(std::size_t i, const CachedEntry& cached) {
    const FileRef& file = refs_[i];
    if (summaries_ && !cached.summary.empty()) {
      sink_.summary[i] = cached.summary;
      sink_.digest_term[i] = digest_term(file.path, cached.content_hash);
      sink_.filled[i] = 1;
      return;
    }
    Blob blob = open_blob(cached);
    if (typed_ && !blob.record.empty()) {
      sink_.content_hash[i] = cached.content_hash;
      if (file.kind == Kind::question && sink_.questions) return put_selected_question(i, blob.record);
      put_record(i, decode_record(file.kind, blob.record, std::string(file.id()), file.archived));
      return;
    }
    deliver_tree(i, decode_node(blob.tree, max_depth_), nullptr);
  }

  /// Reads one file: from the cache when its stat matches its entry and is not racy, else
  /// from disk. With `distrust_cache` (its entry turned out corrupt) the file is read and parsed.
  void read_one(std::size_t i, bool distrust_cache) {
    const FileRef& file = refs_[i];
    Outcome& out = outcomes_[i];
    struct stat st {};
    const CachedEntry* cached = nullptr;
    char name[NAME_MAX + 1];
    name[file.name().copy(name, NAME_MAX)] = '\0';
    if (::fstatat(directory_fds_[static_cast<std::size_t>(file.dir)], name, &st, AT_SYMLINK_NOFOLLOW) == 0 &&
        S_ISREG(st.st_mode) && file.cached != no_entry && !distrust_cache)
      cached = &cache_->index[file.cached].entry;
    FileStat now_stat = file_stat(st);
    if (cached && cached->stat == now_stat &&
        !is_racy(cached->stat, cached->verified_ns, load_.racy_margin_ns)) {
      deliver_cached(i, *cached);
      out.source = Outcome::Source::trusted;
      return;
    }
    const std::string path(file.path);
    std::string text = read_regular_file(root_ / path, path, options_.limits.max_bytes);
    out.fresh = std::make_unique<Fresh>();
    CachedEntry& fresh = out.fresh->entry;
    fresh.kind = file.kind;
    fresh.archived = file.archived;
    fresh.stat = now_stat;
    fresh.content_sha = sha256(text);
    fresh.content_hash = prefix64(fresh.content_sha);
    fresh.verified_ns = now_ns_;
    // A changed stat with the same content (a checkout, a touch) keeps the cached record; the
    // same content means the same SHA-256, never a 64-bit hash an attacker can collide.
    if (cached && cached->stat.size == text.size() && cached->content_sha == fresh.content_sha) {
      deliver_cached(i, *cached);
      fresh.summary = cached->summary;
      fresh.blob = cached->blob;
      fresh.blob_hash = cached->blob_hash;
      out.source = Outcome::Source::verified;
      return;
    }
    Node tree = parse_yaml(text, path, options_.limits);
    out.source = Outcome::Source::parsed;
    // A file that changed while it was read is not recorded.
    if (!recording_ || now_stat.size != text.size()) {
      if (recording_) out.source = Outcome::Source::none;
      out.fresh.reset();
      deliver_tree(i, std::move(tree), nullptr);
      return;
    }
    deliver_tree(i, std::move(tree), out.fresh.get());
    fresh.summary = out.fresh->summary;
    fresh.blob = out.fresh->blob;
    fresh.blob_hash = hash_bytes(fresh.blob);
  }

  /// Reads file i; a problem with it becomes its outcome's.
  void read_file(std::size_t i) {
    Outcome& out = outcomes_[i];
    try {
      try {
        read_one(i, false);
      } catch (const Corrupt&) {
        // An entry whose blob fails its checksum or does not decode: read the file instead.
        corrupt_entry_ = true;
        out = Outcome{};
        read_one(i, true);
      }
    } catch (const Error& e) {
      out.source = Outcome::Source::none;
      out.fresh.reset();
      out.problem = std::make_unique<Problem>(Problem{e.where(), e.what(), e.hint()});
    }
  }

  /// Both cores take runs of neighbouring files (neighbours in a directory stat faster)
  /// until none are left.
  void read_files() {
    constexpr std::size_t run_length = 512;
    std::atomic<std::size_t> next_run = 0;
    ProgressStage stage(options_.progress, "reading the store", refs_.size());
    auto work = [&](bool reports) {
      for (std::size_t begin = next_run++ * run_length; begin < refs_.size();
           begin = next_run++ * run_length) {
        if (stage.stop_requested()) break;
        if (reports) stage.advance(begin);
        for (std::size_t i = begin; i < std::min(refs_.size(), begin + run_length); ++i) read_file(i);
      }
    };
    {
      std::optional<HelperThread> helper;
      if (refs_.size() > run_length) helper.emplace([&] { work(false); });
      work(true);
    }
    // Stopped by the user before every file was read: nothing is recorded.
    stage.stop_here_if_asked(cache_ && cache_->usable
                                 ? "stopped while reading the store; the cache is unchanged"
                                 : "stopped while reading the store; no cache was built");
  }

  void count_outcomes() {
    stats_.files = refs_.size();
    stats_.cache_found = cache_->usable;
    stats_.directory = dir_;
    for (const Outcome& outcome : outcomes_) {
      switch (outcome.source) {
        case Outcome::Source::trusted: ++stats_.trusted; break;
        case Outcome::Source::verified: ++stats_.verified; ++changed_; break;
        case Outcome::Source::parsed: ++stats_.parsed; ++changed_; break;
        case Outcome::Source::none: break;
      }
    }
    find_gone_files();
    record_complete_directories();
  }

  /// Entries of the kinds read now whose file is gone (or no longer usable) are dropped.
  void find_gone_files() {
    const Index& index = cache_->index;
    std::vector<char> seen(index.size(), 0);
    for (std::size_t i = 0; i < refs_.size(); ++i)
      if (refs_[i].cached != no_entry && outcomes_[i].source != Outcome::Source::none)
        seen[refs_[i].cached] = 1;
    for (std::size_t entry = 0; entry < index.size(); ++entry) {
      if (seen[entry] || index[entry].directory) continue;
      if (reads_kind(index[entry].entry.kind)) gone_.push_back(index[entry].path);
    }
    stats_.dropped = gone_.size();
  }

  /// A directory is recorded when every file in it is in the cache now (it then need not be
  /// listed while its stat stays the same), and forgotten when one is not.
  void record_complete_directories() {
    std::vector<char> complete(directories_.size(), 1);
    for (std::size_t which = 0; which < directories_.size(); ++which) {
      if (!directories_[which].listing.problems.empty()) complete[which] = 0;
      if (!directories_[which].trusted) ++stats_.listed;
    }
    for (std::size_t i = 0; i < refs_.size(); ++i)
      if (outcomes_[i].source == Outcome::Source::none) complete[static_cast<std::size_t>(refs_[i].dir)] = 0;
    new_directory_entries_.reserve(directories_.size());
    for (std::size_t which = 0; which < directories_.size() && recording_; ++which) {
      const Directory& directory = directories_[which];
      if (complete[which] && directory.trusted) {
        directory_records_.emplace_back(directory.path, directory.record);
      } else if (complete[which]) {
        new_directory_entries_.push_back(
            CachedEntry{directory.kind, directory.archived, directory.stat, 0, {}, now_ns_, {}, {}, 0});
        directory_records_.emplace_back(directory.path, &new_directory_entries_.back());
        recorded_now_.push_back(directory_records_.back());
      } else if (directory.record) {
        forgotten_.push_back(directory.path);
      }
    }
  }

  /// Under the cache's lock (skipped when another process holds it): appends what changed to
  /// the journal, unless the journal would grow past an eighth of the cache or there is no
  /// sound cache: then writes the cache anew.
  void update_cache() {
    needs_rewrite_ =
        !cache_->usable || corrupt_entry_ || (!cache_->journal_sound && !cache_->journal.empty());
    bool anything = needs_rewrite_ || changed_ > 0 || !gone_.empty() || !recorded_now_.empty() ||
                    !forgotten_.empty();
    if (!anything || !files::is_writable_directory(dir_)) return;
    files::Fd lock = files::open_lock_file(dir_ / lock_name);
    if (!files::try_lock(lock.get())) return;
    std::size_t journal_growth = 0;
    for (const Outcome& outcome : outcomes_)
      if (outcome.fresh)
        journal_growth += 128 + outcome.fresh->entry.summary.size() + outcome.fresh->entry.blob.size();
    std::uint64_t disk_generation = 0;
    bool same_cache = false;
    if (!needs_rewrite_)
      if (auto head = files::read_prefix(dir_ / cache_name, header_size))
        if (auto generation = read_header(*head, cache_magic, print_)) {
          disk_generation = *generation;
          same_cache = true;
        }
    std::size_t cache_bytes = cache_->mapping->bytes().size();
    bool compact = needs_rewrite_ || !same_cache ||
                   cache_->journal.size() + journal_growth > cache_bytes / 8 + 64 * 1024;
    if (compact) write_cache();
    else append_journal(disk_generation);
  }

  void append_journal(std::uint64_t disk_generation) {
    std::string records, payload;
    auto add = [&](auto encode) {
      payload.clear();
      encode(payload);
      frame(records, payload);
    };
    for (std::size_t i = 0; i < refs_.size(); ++i) {
      const Outcome& outcome = outcomes_[i];
      if (outcome.source != Outcome::Source::verified && outcome.source != Outcome::Source::parsed)
        continue;
      add([&](std::string& out) { encode_entry(out, refs_[i].path, outcome.fresh->entry, nullptr); });
    }
    for (const auto& recorded : recorded_now_)
      add([&](std::string& out) { encode_directory(out, recorded.first, *recorded.second); });
    for (const auto* paths : {&gone_, &forgotten_})
      for (std::string_view path : *paths) add([&](std::string& out) { encode_tombstone(out, path); });
    if (disk_generation == cache_->generation && cache_->journal_sound)
      stats_.appended = files::append_file(dir_ / journal_name, records);
    else
      stats_.appended = files::replace_file(dir_, journal_name,
                                            header(journal_magic, print_, disk_generation) + records);
  }

  /// Everything this load saw, plus the entries of kinds it did not read, by path: the
  /// entries first, then their blobs (a command that needs no blob reads no blob).
  void write_cache() {
    struct Kept {
      std::string_view path;
      const CachedEntry* entry;
      bool directory = false;
    };
    const Index& index = cache_->index;
    std::vector<Kept> entries;
    entries.reserve(refs_.size() + index.size());
    for (std::size_t i = 0; i < refs_.size(); ++i) {
      const Outcome& outcome = outcomes_[i];
      if (outcome.source == Outcome::Source::trusted)
        entries.push_back({refs_[i].path, &index[refs_[i].cached].entry});
      else if (outcome.source != Outcome::Source::none)
        entries.push_back({refs_[i].path, &outcome.fresh->entry});
    }
    for (const auto& [path, record] : directory_records_) entries.push_back({path, record, true});
    for (const auto& cached : index)
      if (!reads_kind(cached.entry.kind)) entries.push_back({cached.path, &cached.entry, cached.directory});
    std::sort(entries.begin(), entries.end(), [](const Kept& a, const Kept& b) { return a.path < b.path; });
    std::uint64_t generation = std::random_device{}();
    generation = (generation << 32) ^ std::random_device{}();
    std::string heads, payload;
    std::uint64_t blob_offset = 0, second_half = 0, first_count = entries.size();
    for (const Kept& kept : entries) {
      if (first_count == entries.size() &&
          &kept - entries.data() >= static_cast<std::ptrdiff_t>(entries.size() / 2)) {
        second_half = heads.size();
        first_count = static_cast<std::uint64_t>(&kept - entries.data());
      }
      payload.clear();
      if (kept.directory) encode_directory(payload, kept.path, *kept.entry);
      else encode_entry(payload, kept.path, *kept.entry, &blob_offset);
      frame(heads, payload);
    }
    std::string head = header(cache_magic, print_, generation);
    put(head, static_cast<std::uint64_t>(heads.size()));
    put(head, second_half);
    put(head, static_cast<std::uint64_t>(entries.size()));
    put(head, first_count);
    if (files::replace_file(dir_, cache_name, [&](const auto& write) {
          write(head);
          write(heads);
          for (const Kept& kept : entries)
            if (!kept.directory) write(kept.entry->blob);
        })) {
      stats_.rewrote = true;
      files::replace_file(dir_, journal_name, header(journal_magic, print_, generation));
    }
  }

  // What the load was asked for.
  const fs::path& root_;
  const StoreOptions& options_;
  const std::vector<Kind>& kinds_;
  Files& files_;
  std::vector<FileRef>& refs_;
  std::vector<Problem>& problems_;
  Sink& sink_;
  const LoadOptions& load_;
  const std::int64_t now_ns_;
  const std::uint32_t print_;
  // The cache and the directories.
  fs::path dir_;
  const LoadedCache* cache_ = nullptr;
  bool recording_ = false;
  std::vector<Directory> directories_;
  static constexpr std::size_t kind_count = static_cast<std::size_t>(Kind::lead) + 1;
  int directory_of_[kind_count][2];  // by kind and archived: the directory's index, or -1
  std::vector<int> directory_fds_;
  // What the sink wants.
  bool typed_ = false, summaries_ = false;
  int max_depth_ = 0;
  // What happened.
  std::vector<Outcome> outcomes_;
  std::atomic<bool> corrupt_entry_ = false;
  bool needs_rewrite_ = false;
  Stats stats_;
  std::size_t changed_ = 0;
  std::vector<std::string_view> gone_, forgotten_;
  std::vector<CachedEntry> new_directory_entries_;
  std::vector<std::pair<std::string_view, const CachedEntry*>> directory_records_, recorded_now_;
};

/// Reads every file of `kinds`: from the cache when it may, else from disk (and then records
/// it in the cache). `files` comes back sorted by path.
std::vector<Outcome> run_load(const fs::path& root, const StoreOptions& options,
                              const std::vector<Kind>& kinds, Files& files,
                              std::vector<Problem>& problems, Sink& sink, Stats* stats,
                              const LoadOptions& load) {
  return Loader(root, options, kinds, files, problems, sink, load).run(stats);
}

}  // namespace

namespace {
/// The files a typed load could not use, in the order of reading them all first: those that
/// did not load, by kind and path, then those that are not valid records.
void add_problems(const std::vector<FileRef>& files, std::vector<Outcome>& outcomes,
                  std::vector<Problem>& skipped) {
  for (auto which : {&Outcome::problem, &Outcome::conversion_problem})
    for (Kind kind : {Kind::person, Kind::topic, Kind::question})
      for (std::size_t i = 0; i < files.size(); ++i)
        if (files[i].kind == kind && outcomes[i].*which)
          skipped.push_back(std::move(*(outcomes[i].*which)));
}
}  // namespace

std::vector<Document> load_documents(const fs::path& root, const StoreOptions& options,
                                     const std::vector<Kind>& kinds,
                                     std::vector<Problem>& problems, Stats* stats,
                                     const LoadOptions& load) {
  Files loaded;
  const std::vector<FileRef>& files = loaded.refs;
  Sink sink;
  std::vector<Outcome> outcomes = run_load(root, options, kinds, loaded, problems, sink, stats, load);
  // By kind, then path (files are sorted by path).
  std::vector<Document> documents;
  documents.reserve(files.size());
  for (const auto& kind : all_kinds())
    for (std::size_t i = 0; i < files.size(); ++i) {
      if (files[i].kind != kind.kind) continue;
      if (sink.documents[i]) documents.push_back(std::move(*sink.documents[i]));
      if (outcomes[i].problem) problems.push_back(std::move(*outcomes[i].problem));
    }
  return documents;
}

Snapshot load_snapshot(const fs::path& root, const StoreOptions& options,
                       const std::vector<Kind>& kinds, Stats* stats, const LoadOptions& load,
                       std::vector<FileHash>* hashes, const QuestionFilter* questions) {
  Snapshot s;
  Files loaded;
  const std::vector<FileRef>& files = loaded.refs;
  Sink sink;
  sink.mode = Sink::Mode::snapshot;
  sink.snapshot = &s;
  QuestionSelection selection;
  if (questions) {
    selection = {fields::mask_of<Question>(questions->fields),
                 fields::mask_of<Question>(questions->needs), questions->keep};
    sink.questions = &selection;
  }
  std::vector<Kind> typed_kinds;
  for (Kind kind : kinds)
    if (has_typed_record(kind)) typed_kinds.push_back(kind);
  std::vector<Outcome> outcomes = run_load(root, options, typed_kinds, loaded, s.skipped, sink,
                                           stats, load);
  // The same order as reading every file first, then converting them by kind and path.
  add_problems(files, outcomes, s.skipped);
  if (hashes) {
    for (std::size_t i = 0; i < files.size(); ++i) {
      if (!sink.filled[i]) continue;
      const Outcome& o = outcomes[i];
      if (o.fresh) hashes->push_back({std::string(files[i].path), o.fresh->entry.content_hash});
      else if (o.source == Outcome::Source::trusted)
        hashes->push_back({std::string(files[i].path), sink.content_hash[i]});
    }
  }
  // Drop the slots of files that gave no record.
  auto compact = [&](auto& records, Kind kind) {
    std::size_t kept = 0, slot = 0;
    for (std::size_t i = 0; i < files.size(); ++i) {
      if (files[i].kind != kind) continue;
      if (sink.filled[i]) {
        if (kept != slot) records[kept] = std::move(records[slot]);
        ++kept;
      }
      ++slot;
    }
    records.resize(kept);
  };
  compact(s.people, Kind::person);
  compact(s.topics, Kind::topic);
  compact(s.questions, Kind::question);
  return s;
}

void SummaryLoad::make_records(std::vector<SummarySource>* sources) {
    const auto& files = storage->first.refs;
    const Sink& sink = storage->second;
    const LoadedCache& cache = *storage->first.cache;
    summaries.records.reserve(files.size());
    for (std::size_t i = 0; i < files.size(); ++i) {
      if (!sink.filled[i]) continue;
      summaries.records.push_back({files[i].kind, files[i].id(), files[i].archived, sink.summary[i]});
      if (sources) {
        const Outcome& o = outcomes[i];
        std::uint64_t content = 0;  // unknown when the file was read but not recorded
        if (o.fresh) content = o.fresh->entry.content_hash;
        else if (o.source == Outcome::Source::trusted) content = cache.index[files[i].cached].entry.content_hash;
        sources->push_back({files[i].path, content});
      }
    }
}

SummaryLoad load_summary_sources(const fs::path& root, const StoreOptions& options, Stats* stats,
                                 const LoadOptions& load) {
  SummaryLoad out;
  Files loaded;
  const std::vector<FileRef>& files = loaded.refs;
  Sink sink;
  sink.mode = Sink::Mode::summaries;
  out.outcomes = run_load(root, options, {Kind::person, Kind::topic, Kind::question}, loaded,
                          out.summaries.skipped, sink, stats, load);
  add_problems(files, out.outcomes, out.summaries.skipped);
  // The digest: what each summary was made from (its path and the file's content).
  std::uint64_t digest = 0x5045455253ull + files.size();
  bool known = options.use_cache;
  for (std::size_t i = 0; i < files.size() && known; ++i) {
    if (!sink.filled[i]) continue;
    const Outcome& o = out.outcomes[i];
    if (o.fresh) digest += digest_term(files[i].path, o.fresh->entry.content_hash);
    else if (o.source == Outcome::Source::trusted) digest += sink.digest_term[i];
    else known = false;  // read now but not recorded (it changed while it was read)
  }
  out.summaries.digest = !known ? 0 : digest == 0 ? 1 : digest;
  out.storage = std::make_shared<std::pair<Files, Sink>>(std::move(loaded), std::move(sink));
  out.summaries.storage = out.storage;
  return out;
}

Summaries load_summaries(const fs::path& root, const StoreOptions& options, Stats* stats,
                         const LoadOptions& load) {
  SummaryLoad loaded = load_summary_sources(root, options, stats, load);
  loaded.make_records(nullptr);
  return std::move(loaded.summaries);
}

}  // namespace peers::cache
