// libFuzzer target for CSV import: contacts_from_csv reads any bytes into contacts and
// problems or throws peers::Error (no header found); it never crashes. Run it with fuzz/run.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "peers/contacts.hpp"
#include "peers/error.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string_view text(reinterpret_cast<const char*>(data), size);
  try {
    peers::contacts_from_csv(text, {});
  } catch (const peers::Error&) {
  }
  return 0;
}
