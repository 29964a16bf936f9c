// Shared by the cache and journal fuzz targets (not a target itself).
#pragma once
#include <unistd.h>

#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <string>
#include <string_view>

#include "cache/cache.hpp"
#include "cache/format.hpp"
#include "peers/error.hpp"
#include "util/bytes.hpp"

namespace peers::fuzz {

struct TempDir {
  std::filesystem::path path;
  TempDir() {
    std::string pattern = (std::filesystem::temp_directory_path() / "peers-fuzz.XXXXXX").string();
    if (!mkdtemp(pattern.data())) std::abort();
    path = pattern;
  }
  ~TempDir() {
    std::error_code ignored;
    std::filesystem::remove_all(path, ignored);
  }
};

inline void write(const std::filesystem::path& file, const std::string& bytes) {
  std::ofstream out(file, std::ios::binary | std::ios::trunc);
  out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
}

inline std::uint64_t read_u64(const std::string& bytes, std::size_t at) {
  std::uint64_t value = 0;
  if (at + 8 <= bytes.size()) std::memcpy(&value, bytes.data() + at, 8);
  return value;
}

/// Puts the right checksum into each frame (u32 length, u64 checksum, payload) found from
/// `from` on, for at most `length` bytes.
inline void fix_frames(std::string& bytes, std::size_t from, std::uint64_t length) {
  std::size_t end = from + static_cast<std::size_t>(std::min<std::uint64_t>(length, bytes.size() - from));
  for (std::size_t at = from; at + cache::frame_size <= end;) {
    std::uint32_t size = 0;
    std::memcpy(&size, bytes.data() + at, 4);
    if (size > end - at - cache::frame_size) break;
    std::uint64_t sum = cache::hash_bytes(std::string_view(bytes).substr(at + cache::frame_size, size));
    std::memcpy(bytes.data() + at + 4, &sum, 8);
    at += cache::frame_size + size;
  }
}

/// Reads the cache in `dir` as peers does and decodes every entry's tree and record.
inline void read_cache(const std::filesystem::path& dir, std::uint32_t print) {
  cache::LoadedCache loaded = cache::load_cache(dir, print);
  for (const auto& indexed : loaded.index) {
    if (indexed.directory || indexed.deleted) continue;
    try {
      // The record and tree without their checksums, so mutated bytes reach the decoders too.
      std::string_view tree = indexed.entry.tree;
      cache::decode_node(tree, 40);
      if (!indexed.entry.record.empty() && cache::has_typed_record(indexed.entry.kind))
        cache::decode_record(indexed.entry.kind, indexed.entry.record, "fuzz", indexed.entry.archived);
    } catch (const std::runtime_error&) {
      // Corrupt (or a located Error): the entry is refused, which is what must happen.
    }
  }
}

}  // namespace peers::fuzz
