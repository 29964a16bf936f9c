// Bringing the cache up to date after a load: what changed, which files are gone, which
// directories are now wholly cached; then the journal appended or a new cache written.
#include <algorithm>
#include <random>

#include "cache/loader.hpp"
#include "store/files.hpp"
#include "util/bytes.hpp"

namespace fs = std::filesystem;

namespace peers::cache {

using namespace bytes;

void Loader::count_outcomes() {
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

/// Entries of the directories read now whose file is gone (or no longer usable) are dropped.
void Loader::find_gone_files() {
  const Index& index = cache_->index;
  std::vector<char> seen(index.size(), 0);
  for (std::size_t i = 0; i < refs_.size(); ++i)
    if (refs_[i].cached != no_entry && outcomes_[i].source != Outcome::Source::none)
      seen[refs_[i].cached] = 1;
  for (std::size_t entry = 0; entry < index.size(); ++entry) {
    if (seen[entry] || index[entry].directory) continue;
    if (reads(index[entry].entry.kind, index[entry].entry.archived)) gone_.push_back(index[entry].path);
  }
  stats_.dropped = gone_.size();
}

/// A directory is recorded when every file in it is in the cache now (it then need not be
/// listed while its stat stays the same), and forgotten when one is not.
void Loader::record_complete_directories() {
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
      CachedEntry& entry = new_directory_entries_.emplace_back();
      entry.kind = directory.kind;
      entry.archived = directory.archived;
      entry.stat = directory.stat;
      entry.verified_ns = now_ns_;
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
void Loader::update_cache() {
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
      journal_growth += 128 + outcome.fresh->entry.summary.size() + outcome.fresh->entry.record.size() +
                        outcome.fresh->entry.tree.size();
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

void Loader::append_journal(std::uint64_t disk_generation) {
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

/// Everything this load saw, plus the entries of directories it did not read, by path: the
/// entries first, then their records, then their trees (a command that needs no record reads
/// none, and a typed read touches no tree).
void Loader::write_cache() {
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
    if (!reads(cached.entry.kind, cached.entry.archived)) entries.push_back({cached.path, &cached.entry, cached.directory});
  std::sort(entries.begin(), entries.end(), [](const Kept& a, const Kept& b) { return a.path < b.path; });
  std::uint64_t generation = std::random_device{}();
  generation = (generation << 32) ^ std::random_device{}();
  std::string heads, payload;
  BlobOffsets offsets;
  for (const Kept& kept : entries)
    if (!kept.directory) offsets.tree += kept.entry->record.size();
  std::uint64_t second_half = 0, first_count = entries.size();
  for (const Kept& kept : entries) {
    if (first_count == entries.size() &&
        &kept - entries.data() >= static_cast<std::ptrdiff_t>(entries.size() / 2)) {
      second_half = heads.size();
      first_count = static_cast<std::uint64_t>(&kept - entries.data());
    }
    payload.clear();
    if (kept.directory) encode_directory(payload, kept.path, *kept.entry);
    else encode_entry(payload, kept.path, *kept.entry, &offsets);
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
        for (auto part : {&CachedEntry::record, &CachedEntry::tree})
          for (const Kept& kept : entries)
            if (!kept.directory) write(kept.entry->*part);
      })) {
    stats_.rewrote = true;
    files::replace_file(dir_, journal_name, header(journal_magic, print_, generation));
  }
}

}  // namespace peers::cache
