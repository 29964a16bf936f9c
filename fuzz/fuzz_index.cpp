// libFuzzer target for the saved routing index (.peers/index): the input is the index's
// encoded corpus (what RoutingIndex::save writes and restore reads). Whatever the bytes,
// restore returns an index or nothing; a restored index must answer a query and save again.
// Run it with fuzz/run.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "peers/routing.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string_view bytes(reinterpret_cast<const char*>(data), size);
  auto index = peers::RoutingIndex::restore(bytes, nullptr);
  if (!index) return 0;
  (void)index->save();
  (void)index->route("when is the fafsa deadline for transfer students", peers::RankOptions{});
  (void)index->similar_answered("fafsa deadline", 3);
  return 0;
}
