// The one store path parser (src/core/store/paths.cpp).
#include <doctest/doctest.h>

#include "peers/store.hpp"

using namespace peers;

TEST_CASE("classify_path: every kind's directory names its records") {
  for (const KindInfo& kind : all_kinds()) {
    CAPTURE(kind.directory);
    PathKind at = classify_path(std::string(kind.directory) + "/some-id.yaml");
    REQUIRE(at.kind.has_value());
    CHECK(*at.kind == kind.kind);
    CHECK(at.id == "some-id");
    CHECK_FALSE(at.archived);
    CHECK_FALSE(at.is_config);
  }
}

TEST_CASE("classify_path: archived questions, and only questions are archived") {
  PathKind q = classify_path("questions/archive/abc.yaml");
  REQUIRE(q.kind == Kind::question);
  CHECK(q.archived);
  CHECK(q.id == "abc");
  PathKind p = classify_path("people/archive/abc.yaml");
  CHECK_FALSE(p.kind.has_value());
}

TEST_CASE("classify_path: leading directories, the config, and what is not a record") {
  CHECK(classify_path("repo/store/topics/admissions.yaml").kind == Kind::topic);
  CHECK(classify_path("peers.yaml").is_config);
  CHECK(classify_path("store/peers.yaml").is_config);
  CHECK_FALSE(classify_path("people/maria.txt").kind.has_value());
  CHECK_FALSE(classify_path("docs/x.yaml").kind.has_value());
  CHECK_FALSE(classify_path("maria.yaml").kind.has_value());
  CHECK_FALSE(classify_path("people/sub/maria.yaml").kind.has_value());
  CHECK_FALSE(classify_path("").kind.has_value());
}
