#pragma once
// The cache's on-disk format: the header, the framed entries of files and directories, their
// blobs, and reading a cache with its journal. Private to src/core/cache.
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "cache/cache.hpp"
#include "store/files.hpp"

namespace peers::cache {

inline constexpr char cache_magic[8] = {'P', 'E', 'E', 'R', 'S', 'C', 'A', '1'};
inline constexpr char journal_magic[8] = {'P', 'E', 'E', 'R', 'S', 'J', 'N', '1'};
inline constexpr std::uint32_t format_version = 9;  // raise it when a field table changes
inline constexpr std::size_t header_size = 24;  // magic, version, fingerprint, generation
// The cache's header goes on with the length of its entries, where their second half starts,
// how many there are and how many are in the first half (so that two threads can read them
// into place).
inline constexpr std::size_t cache_header_size = 56;
inline constexpr std::size_t frame_size = 12;   // payload length (u32), checksum (u64)
inline constexpr std::uint8_t record_entry = 1;
inline constexpr std::uint8_t record_tombstone = 2;
inline constexpr std::uint8_t record_directory = 3;
inline constexpr const char* cache_name = "cache";
inline constexpr const char* journal_name = "cache.journal";
inline constexpr const char* lock_name = "cache.lock";

std::int64_t real_time_ns();
/// Changes whenever a cached tree could mean something else: the format or the load limits.
std::uint32_t fingerprint(const LoadLimits& limits);
std::string header(const char (&magic)[8], std::uint32_t print, std::uint64_t generation);
/// The generation of a cache or journal file, when its header is ours.
std::optional<std::uint64_t> read_header(std::string_view bytes, const char (&magic)[8],
                                         std::uint32_t print);
/// Appends `payload` with its length and checksum.
void frame(std::string& out, std::string_view payload);

/// One cached file, pointing into the mapped cache or the journal buffer.
struct CachedEntry {
  Kind kind = Kind::person;
  bool archived = false;
  FileStat stat;
  std::uint64_t content_hash = 0;  // prefix64(content_sha)
  Sha256 content_sha{};            // the file's SHA-256: a changed stat with the same one reuses
  std::int64_t verified_ns = 0;
  std::string_view summary;  // summarize() output; empty when the file is not a valid record
  /// The typed record (encode_record; empty when the file is not a valid record) and the Node
  /// tree (encode_node), each with its own checksum: a command reads only the one it needs.
  std::string_view record, tree;
  std::uint64_t record_hash = 0, tree_hash = 0;
};

/// An entry's typed record, once it matches its checksum (else throws Corrupt).
std::string_view open_record(const CachedEntry& e);
/// An entry's tree, once it matches its checksum (else throws Corrupt).
std::string_view open_tree(const CachedEntry& e);

/// Where the next entry's record and tree go in the cache file, which keeps every record, then
/// every tree, apart from the entries: reading the entries touches neither, and a typed read
/// touches no tree.
struct BlobOffsets {
  std::uint64_t record = 0, tree = 0;
};

/// With `offsets`, the entry says where its record and tree will be among the blobs that
/// follow the entries, and the offsets move past them; without, they go inline (the journal).
void encode_entry(std::string& out, std::string_view path, const CachedEntry& e,
                  BlobOffsets* offsets);
/// A directory whose files are all in the cache, with its stat when they were listed: while
/// its stat is the same, no file was added, removed or renamed in it, so it need not be listed.
void encode_directory(std::string& out, std::string_view path, const CachedEntry& e);
void encode_tombstone(std::string& out, std::string_view path);

/// A cached file or directory, or (deleted) a tombstone from the journal.
struct IndexedEntry {
  std::string_view path;
  CachedEntry entry;
  bool deleted = false;
  bool directory = false;  // a directory record: only kind, archived, stat and verified_ns
};
/// Sorted by path, one element per path.
using Index = std::vector<IndexedEntry>;

/// The cache as found on disk, merged with its journal.
struct LoadedCache {
  std::unique_ptr<files::Mapping> mapping;
  std::string journal;
  std::uint64_t generation = 0;
  bool usable = false;         // a cache of ours, all its records sound
  bool journal_sound = false;  // the journal belongs to this cache and all its records are sound
  Index index;
};

/// Maps dir/cache and applies dir/cache.journal to its entries; unusable when either is
/// foreign or damaged.
LoadedCache load_cache(const std::filesystem::path& dir, std::uint32_t print);

}  // namespace peers::cache
