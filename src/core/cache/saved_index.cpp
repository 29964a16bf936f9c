#include <algorithm>
#include <cstring>

#include "cache/load.hpp"
#include "peers/routing.hpp"
#include "store/files.hpp"
#include "util/bytes.hpp"
#include "util/helper_thread.hpp"

namespace fs = std::filesystem;

namespace peers::cache {

using namespace bytes;

namespace {
constexpr char index_magic[8] = {'P', 'E', 'E', 'R', 'S', 'R', 'I', '2'};
constexpr const char* index_name = "index";
constexpr std::size_t index_header_size = 24;  // magic, digest, checksum of the rest
constexpr std::size_t patches_worth_saving = 32;  // changed records (a changed one counts twice)
constexpr const char* patched_name = "index.patched";  // the digest of the last patch made
}  // namespace

/// The record a path names ("questions/archive/x.yaml": the archived question x), its id a view
/// into `path`.
std::optional<RecordSummary> record_at(std::string_view path) {
  PathKind at = classify_path(std::string(path));
  if (!at.kind || !has_typed_record(*at.kind)) return std::nullopt;
  std::string_view id = path.substr(path.size() - 5 - at.id.size(), at.id.size());
  return RecordSummary{*at.kind, id, at.archived, {}};
}

namespace {
/// The routing index saved in the cache directory, restored, with the digest of the records it
/// was built from and the list of their files (not read yet).
struct SavedIndex {
  std::shared_ptr<files::Mapping> mapping;
  std::uint64_t digest = 0;
  std::optional<RoutingIndex> index;  // none when there is no sound saved index
  std::string_view sources;
};

SavedIndex read_saved_index(const fs::path& dir) {
  SavedIndex saved;
  // Bounded by the cache it was built with (its summaries are what it indexes), so that a
  // huge or sparse file is not read through to check its checksum.
  saved.mapping = std::make_shared<files::Mapping>(dir / index_name, state_file_limit(dir));
  std::string_view bytes = saved.mapping->bytes();
  if (bytes.size() < index_header_size || std::memcmp(bytes.data(), index_magic, 8) != 0) return saved;
  std::string_view rest = bytes.substr(8);
  auto digest = take<std::uint64_t>(rest);
  auto checksum = take<std::uint64_t>(rest);
  if (checksum != hash_bytes(rest)) return saved;
  try {
    std::string_view index = take_string(rest);
    saved.index = RoutingIndex::restore(index, saved.mapping);
    saved.digest = digest;
    saved.sources = rest;
  } catch (const Corrupt&) {
    saved.index.reset();
  }
  return saved;
}
}  // namespace

RoutingIndex load_routing_index(const fs::path& root, const StoreOptions& options,
                                std::vector<Problem>& skipped, Stats* stats, IndexSource* source,
                                const LoadOptions& load) {
  // Most runs find the saved index up to date: it is restored on a second thread while the
  // files are checked, and used when none of them changed since it was built.
  const fs::path cache_dir = options.use_cache ? cache_directory(root, options.cache_dir) : fs::path();
  SavedIndex saved;
  std::optional<SummaryLoad> summary_load;
  {
    std::optional<HelperThread> reader;
    if (!cache_dir.empty())
      reader.emplace([&saved, &cache_dir] {
        try {
          saved = read_saved_index(cache_dir);
        } catch (...) {
          saved = SavedIndex{};  // out of memory, say: the index is built instead
        }
      });
    summary_load = load_summary_sources(root, options, stats, load);
  }
  SummaryLoad& loaded = *summary_load;
  Summaries& summaries = loaded.summaries;
  std::vector<SummarySource> sources;
  bool records_made = false;
  auto make_records = [&] {
    if (!records_made) loaded.make_records(&sources);
    records_made = true;
  };
  for (auto& p : summaries.skipped) skipped.push_back(std::move(p));
  if (source) *source = IndexSource::built;
  // (The digest is known only when the cache is used.)
  const fs::path dir = summaries.digest ? cache_dir : fs::path();
  if (dir.empty()) {
    make_records();
    return RoutingIndex::build(summaries);
  }
  // The saved index: header, then the index, then the files it was built from. A new one
  // replaces it, and so does one patched with many records (a pull): the next run restores it.
  // A patch of a few records is cheaper to make again than to save, unless the next run has
  // to make the same one again.
  auto save = [&](const RoutingIndex& index) {
    if (!files::is_writable_directory(dir)) return;
    files::Fd lock = files::open_lock_file(dir / lock_name);
    if (!files::try_lock(lock.get())) return;
    std::string body;
    put_string(body, index.save());
    put_varint(body, sources.size());
    for (const auto& [path, content] : sources) {
      put_string(body, path);
      put(body, content);
    }
    std::string head(index_magic, 8);
    put(head, summaries.digest);
    put(head, hash_bytes(body));
    files::replace_file(dir, index_name, [&](const auto& write) {
      write(head);
      write(body);
    });
  };
  // Whether the run before made this same patch (the store has not changed since): then it
  // is saved, since the store is likely to stay so for a while. Else this patch is noted.
  auto patched_before = [&] {
    std::string noted;
    try {
      noted = read_regular_file(dir / patched_name, patched_name, 64);
    } catch (const Error&) {
      // none noted yet
    }
    std::string digest;
    put(digest, summaries.digest);
    if (noted == digest) return true;
    if (files::is_writable_directory(dir)) files::replace_file(dir, patched_name, digest);
    return false;
  };
  if (saved.index && saved.digest == summaries.digest) {
    if (source) *source = IndexSource::restored;
    return *saved.index;
  }
  if (saved.index) {
    try {
      // Some records changed since: when they are few, the saved index is brought up to
      // date with them rather than built anew.
      make_records();
      std::string_view rest = saved.sources;
      std::vector<SummarySource> base;
      for (std::uint64_t n = take_count(rest); n > 0; --n) {
        std::string_view path = take_string(rest);
        base.push_back({path, take<std::uint64_t>(rest)});
      }
      // Both lists go by path (sorted here if an older index has them otherwise): walk
      // them side by side.
      std::vector<std::size_t> order(sources.size());
      for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
      auto before = [](std::string_view a, std::string_view b) { return a < b; };
      auto by_source = [&](std::size_t a, std::size_t b) { return before(sources[a].path, sources[b].path); };
      auto by_path = [&](const SummarySource& a, const SummarySource& b) { return before(a.path, b.path); };
      if (!std::is_sorted(order.begin(), order.end(), by_source))
        std::sort(order.begin(), order.end(), by_source);
      if (!std::is_sorted(base.begin(), base.end(), by_path))
        std::sort(base.begin(), base.end(), by_path);
      std::vector<RecordSummary> removed, added;
      const std::size_t most = std::max<std::size_t>(64, summaries.records.size() / 100);
      std::size_t i = 0, j = 0;
      while ((i < order.size() || j < base.size()) && added.size() + removed.size() <= most) {
        const SummarySource* now = i < order.size() ? &sources[order[i]] : nullptr;
        if (now && (j == base.size() || before(now->path, base[j].path))) {
          added.push_back(summaries.records[order[i++]]);
        } else if (!now || before(base[j].path, now->path)) {
          if (auto record = record_at(base[j].path)) removed.push_back(*record);
          ++j;
        } else {
          if (now->content != base[j].content) {
            removed.push_back(summaries.records[order[i]]);
            added.push_back(summaries.records[order[i]]);
          }
          ++i;
          ++j;
        }
      }
      if (i == order.size() && j == base.size() && added.size() + removed.size() <= most) {
        RoutingIndex& index = *saved.index;
        if (index.patch(removed, added, summaries.storage)) {
          if (source) *source = IndexSource::patched;
          if (added.size() + removed.size() > patches_worth_saving || patched_before())
            save(index);
          return index;
        }
      }
    } catch (const Corrupt&) {
      // not a sound list of files: built anew below
    }
  }
  make_records();
  RoutingIndex index = RoutingIndex::build(summaries);
  save(index);
  return index;
}

}  // namespace peers::cache
