// libFuzzer target for the cache journal (.peers/cache.journal): an empty, valid cache and a
// journal made of the input after a header of ours, the frames' checksums put right so that
// mutations reach the record decoders, the tombstones and the overlay of the journal onto the
// cache. Run it with fuzz/run.
#include <cstddef>
#include <cstdint>
#include <string>

#include "cache/format.hpp"
#include "fuzz_common.hpp"

using namespace peers;
using namespace peers::cache;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static const fuzz::TempDir dir;
  std::uint32_t print = fingerprint(LoadLimits{});
  std::string cache = header(cache_magic, print, 7);
  cache.append(cache_header_size - header_size, '\0');  // no entries
  fuzz::write(dir.path / cache_name, cache);
  std::string journal = header(journal_magic, print, 7);
  journal.append(reinterpret_cast<const char*>(data), size);
  fuzz::fix_frames(journal, header_size, journal.size() - header_size);
  fuzz::write(dir.path / journal_name, journal);
  fuzz::read_cache(dir.path, print);
  return 0;
}
