#include "peers/error.hpp"

#include <fmt/format.h>

namespace peers {

std::string format_location(const Location& where) {
  if (where.file.empty()) return {};
  if (where.line <= 0) return where.file;
  if (where.column <= 0) return fmt::format("{}:{}", where.file, where.line);
  return fmt::format("{}:{}:{}", where.file, where.line, where.column);
}

}  // namespace peers
