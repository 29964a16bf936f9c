// Finding a load's files: the cache, the record directories, and the listing of those whose
// file list the cache cannot vouch for.
#include <fcntl.h>
#include <sys/stat.h>

#include <algorithm>
#include <atomic>
#include <functional>
#include <memory>

#include "cache/loader.hpp"
#include "peers/text.hpp"
#include "store/files.hpp"
#include "util/helper_thread.hpp"

namespace fs = std::filesystem;

namespace peers::cache {

namespace {
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
}  // namespace

void Loader::open_cache() {
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

void Loader::open_directories() {
  for (auto& by_kind : directory_of_) by_kind[0] = by_kind[1] = -1;
  for (Kind kind : kinds_)
    for (bool archived : {false, true}) {
      if (archived && kind != Kind::question) continue;
      if (!reads(kind, archived)) continue;
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
void Loader::take_files_of_trusted_directories() {
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
void Loader::list_other_directories() {
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

}  // namespace peers::cache
