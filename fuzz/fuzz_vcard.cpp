// libFuzzer target for vCard import: parse_vcards must read any bytes into contacts and
// problems (never crash or throw anything but peers::Error).
// Run it with fuzz/run.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "peers/contacts.hpp"
#include "peers/error.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string_view text(reinterpret_cast<const char*>(data), size);
  try {
    peers::parse_vcards(text);
  } catch (const peers::Error&) {
  }
  return 0;
}
