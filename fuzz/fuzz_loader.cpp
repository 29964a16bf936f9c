// libFuzzer target for the strict loader. Whatever the bytes, parse_yaml either returns a record
// or throws peers::Error; what it accepts must survive the canonical writer unchanged, and the
// typed readers must only ever throw peers::Error. Run it with fuzz/run.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>

#include "peers/error.hpp"
#include "peers/model.hpp"
#include "peers/yaml.hpp"

namespace {

template <typename Read>
void try_reading(Read read) {
  try {
    read();
  } catch (const peers::Error&) {
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string_view text(reinterpret_cast<const char*>(data), size);
  const std::string file = "people/fuzz.yaml";
  peers::Node root;
  try {
    root = peers::parse_yaml(text, file);
  } catch (const peers::Error&) {
    return 0;
  }

  // Quoting can make the text longer than the input; everything else about it must still fit.
  peers::LoadLimits roomy;
  roomy.max_bytes = 4 * size + 1024;
  std::string written = peers::emit_yaml(root);
  peers::Node again;
  try {
    again = peers::parse_yaml(written, file, roomy);
  } catch (const peers::Error& e) {
    std::abort();  // peers wrote something its own loader refuses
  }
  if (!again.same_data(root)) std::abort();            // read back differently
  if (peers::emit_yaml(again) != written) std::abort();  // not canonical: a rewrite changes it

  try_reading([&] { peers::person_from_node(root, "fuzz", file); });
  try_reading([&] { peers::topic_from_node(root, "fuzz", file); });
  try_reading([&] { peers::question_from_node(root, "fuzz", file); });
  try_reading([&] { peers::config_from_node(root, file); });
  return 0;
}
