// libFuzzer target for the merge driver: the input is split at NUL bytes (which no record may
// hold) into the common ancestor, ours and theirs; the first byte picks the file's kind.
// merge_store_file must return or throw peers::Error. A clean merge must be a record the
// loader reads back; a merge with conflicts must have exactly one marker block per conflict.
// Run it with fuzz/run.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>

#include "peers/error.hpp"
#include "peers/merge.hpp"
#include "peers/text.hpp"
#include "peers/yaml.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size < 1) return 0;
  static const char* paths[] = {"people/fuzz.yaml", "questions/fuzz1234.yaml",
                                "events/fuzz.yaml", "leads/fuzz1234.yaml", "topics/fuzz.yaml",
                                "peers.yaml"};
  std::string path = paths[data[0] % 6];
  std::string_view rest(reinterpret_cast<const char*>(data) + 1, size - 1);
  std::string_view sides[3];
  for (int k = 0; k < 3; ++k) {
    std::size_t nul = k < 2 ? rest.find('\0') : std::string_view::npos;
    sides[k] = rest.substr(0, nul);
    rest = nul == std::string_view::npos ? std::string_view() : rest.substr(nul + 1);
  }
  peers::MergeResult result;
  try {
    result = peers::merge_store_file(sides[0], sides[1], sides[2], path);
  } catch (const peers::Error&) {
    return 0;
  }
  if (result.conflicts == 0) {
    try {
      peers::LoadLimits roomy;
      roomy.max_bytes = 8 * size + 4096;
      peers::parse_yaml(result.text, path, roomy);
    } catch (const peers::Error&) {
      std::abort();  // a clean merge that is not a record
    }
    return 0;
  }
  int opened = 0, closed = 0;
  for (const auto& line : peers::split(result.text, '\n')) {
    opened += line.rfind("<<<<<<< ", 0) == 0;
    closed += line.rfind(">>>>>>> ", 0) == 0;
  }
  if (opened != result.conflicts || closed != result.conflicts) std::abort();
  return 0;
}
