#pragma once
// The Loader behind every whole-store read (load.cpp runs it), one method per phase, in three
// files: finding the files (load_list.cpp: the cache, the directories, their listings),
// reading them (load_read.cpp: stat, read, parse or decode, hand the sink what it asked for)
// and bringing the cache up to date (load_update.cpp: journal or a new cache). Private to
// src/core/cache.
#include <algorithm>
#include <atomic>
#include <cstdint>
#include <deque>
#include <filesystem>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "cache/load.hpp"

namespace peers::cache {

/// The files found by listing one directory, and the problems with their names.
struct Listing {
  std::vector<FileRef> files;
  std::vector<Problem> problems;
  std::deque<std::string> paths;  // what the files' paths point into
};

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

/// What a file's path and content add to the digest of the summaries.
std::uint64_t digest_term(std::string_view path, std::uint64_t content);

/// One load, in the order of its phases (run() calls them): find the cache, open the
/// directories, take the file lists of unchanged directories from the cache and list the
/// others, read each file (from the cache when its stat allows), count what happened, and
/// bring the cache up to date.
class Loader {
 public:
  Loader(const std::filesystem::path& root, const StoreOptions& options,
         const std::vector<Kind>& kinds, Files& files, std::vector<Problem>& problems, Sink& sink,
         const LoadOptions& load);

  std::vector<Outcome> run(Stats* stats);

 private:
  /// Whether this load reads the directory of `kind` (its archive, with `archived`).
  bool reads(Kind kind, bool archived) const {
    if (archived && sink_.questions && !sink_.questions->archived) return false;
    return std::find(kinds_.begin(), kinds_.end(), kind) != kinds_.end();
  }

  // Finding the files (load_list.cpp).
  void open_cache();
  void open_directories();
  void take_files_of_trusted_directories();
  void list_other_directories();

  // Reading them (load_read.cpp).
  void prepare_sink();
  void put_record(std::size_t i, Record&& record, bool selected = false);
  void put_selected_question(std::size_t i, std::string_view record);
  void deliver_tree(std::size_t i, Node&& tree, Fresh* recorded);
  void deliver_cached(std::size_t i, const CachedEntry& cached);
  void read_one(std::size_t i, bool distrust_cache);
  void read_file(std::size_t i);
  void read_files();

  // Bringing the cache up to date (load_update.cpp).
  void count_outcomes();
  void find_gone_files();
  void record_complete_directories();
  void update_cache();
  void append_journal(std::uint64_t disk_generation);
  void write_cache();

  // What the load was asked for.
  const std::filesystem::path& root_;
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
  std::filesystem::path dir_;
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

}  // namespace peers::cache
