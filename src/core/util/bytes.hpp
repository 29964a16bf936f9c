#pragma once
// Little helpers for the compact binary forms kept in the cache (records, trees, routing
// summaries). Private to peers_core. Readers never read past their input: they throw Corrupt.
#include <cstdint>
#include <cstring>
#include <stdexcept>
#include <string>
#include <string_view>

namespace peers::bytes {

struct Corrupt : std::runtime_error {
  using std::runtime_error::runtime_error;
};

template <typename T>
void put(std::string& out, T value) {
  char raw[sizeof(T)];
  std::memcpy(raw, &value, sizeof(T));
  out.append(raw, sizeof(T));
}

inline void put_varint(std::string& out, std::uint64_t value) {
  while (value >= 0x80) {
    out.push_back(static_cast<char>((value & 0x7f) | 0x80));
    value >>= 7;
  }
  out.push_back(static_cast<char>(value));
}

inline void put_string(std::string& out, std::string_view text) {
  put_varint(out, text.size());
  out.append(text);
}

template <typename T>
T take(std::string_view& in) {
  if (in.size() < sizeof(T)) throw Corrupt("truncated");
  T value;
  std::memcpy(&value, in.data(), sizeof(T));
  in.remove_prefix(sizeof(T));
  return value;
}

inline std::uint64_t take_varint(std::string_view& in) {
  std::uint64_t value = 0;
  for (int shift = 0; shift < 64; shift += 7) {
    if (in.empty()) throw Corrupt("truncated");
    auto byte = static_cast<unsigned char>(in.front());
    in.remove_prefix(1);
    value |= static_cast<std::uint64_t>(byte & 0x7f) << shift;
    if (!(byte & 0x80)) return value;
  }
  throw Corrupt("bad number");
}

/// A count of items that each take at least one byte of `in`.
/// A count of items that follow, each encoded in at least `min_bytes`: checked against what is
/// left before anything is allocated for them.
inline std::uint64_t take_count(std::string_view& in, std::size_t min_bytes = 1) {
  std::uint64_t count = take_varint(in);
  if (count > in.size() / (min_bytes ? min_bytes : 1)) throw Corrupt("bad count");
  return count;
}

inline std::string_view take_string(std::string_view& in) {
  std::uint64_t size = take_varint(in);
  if (size > in.size()) throw Corrupt("truncated");
  std::string_view text = in.substr(0, size);
  in.remove_prefix(size);
  return text;
}

}  // namespace peers::bytes
