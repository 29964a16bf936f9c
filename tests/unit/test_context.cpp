#include <doctest/doctest.h>

#include <sstream>

#include "context.hpp"

using peers::cli::Context;
using peers::cli::Environment;

namespace {
std::filesystem::path cache_dir_with(std::optional<std::string> xdg_cache_home) {
  Environment env;
  env.xdg_cache_home = std::move(xdg_cache_home);
  std::ostringstream out, err;
  std::istringstream in;
  Context ctx(env, out, err, in);
  return ctx.store_options().cache_dir;
}
}  // namespace

TEST_CASE("$XDG_CACHE_HOME: an absolute path is used, a relative one ignored (the XDG spec)") {
  CHECK(cache_dir_with("/home/x/.cache") == std::filesystem::path("/home/x/.cache/peers"));
  CHECK(cache_dir_with("relative/cache").empty());
  CHECK(cache_dir_with(".").empty());
  CHECK(cache_dir_with("").empty());
  CHECK(cache_dir_with(std::nullopt).empty());
}
