// libFuzzer target for the cache's decoders: the input is a cache file (.peers/cache) whose
// frames' checksums are put right before it is read, so mutations reach the record decoders
// instead of stopping at a checksum. It is written to a temp dir and read by load_cache; every
// entry's blob is then opened and its tree and record decoded. Whatever the bytes, nothing
// may crash, read out of bounds or allocate without bound; a bad file is only "unusable".
// Run it with fuzz/run.
#include <unistd.h>

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <fstream>
#include <string>
#include <string_view>

#include "cache/format.hpp"
#include "fuzz_common.hpp"

using namespace peers;
using namespace peers::cache;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static const fuzz::TempDir dir;
  std::string bytes(reinterpret_cast<const char*>(data), size);
  std::uint32_t print = fingerprint(LoadLimits{});
  // A header of ours, whatever the input says there: the rest is what is fuzzed.
  if (bytes.size() >= header_size) bytes.replace(0, header_size, header(cache_magic, print, 1));
  if (bytes.size() >= cache_header_size)
    fuzz::fix_frames(bytes, cache_header_size, fuzz::read_u64(bytes, header_size));
  fuzz::write(dir.path / cache_name, bytes);
  std::filesystem::remove(dir.path / journal_name);
  fuzz::read_cache(dir.path, print);
  return 0;
}
