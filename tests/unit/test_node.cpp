#include <doctest/doctest.h>

#include "peers/node.hpp"
#include "peers/yaml.hpp"

using namespace peers;

TEST_CASE("set, find and erase keep key order") {
  Node m = Node::map();
  m.set("b", Node::string("1"));
  m.set("a", Node::string("2"));
  m.set("b", Node::string("3"));
  REQUIRE(m.entries.size() == 2);
  CHECK(m.entries[0].key == "b");
  CHECK(m.find("b")->scalar == "3");
  CHECK(m.erase("b"));
  CHECK_FALSE(m.erase("b"));
  CHECK(m.find("b") == nullptr);
}

TEST_CASE("comments are carried to the rewritten record, never dropped") {
  Node old = parse_yaml(
      "# header\nname: A  # nick\nexpertise:\n  - x  # since 2024\n  - y\ntags:\n  # gone soon\n  - t\n",
      "f");
  Node fresh = Node::map();
  fresh.set("name", Node::string("A"));
  Node expertise = Node::sequence();
  expertise.items.push_back(Node::string("x"));
  fresh.set("expertise", expertise);
  carry_comments(old, fresh);
  std::string text = emit_yaml(fresh);
  CHECK(text ==
        "# header\nname: A  # nick\nexpertise:\n  - x  # since 2024\n# gone soon\n");
  CHECK(parse_yaml(text, "f").same_data(fresh));
}

TEST_CASE("same_data ignores comments and marks") {
  Node a = parse_yaml("a: 1  # c\nb: [x]\n", "f");
  Node b = parse_yaml("a: '1'\nb:\n  - x\n", "f");
  CHECK(a.same_data(b));
  CHECK_FALSE(a.same_data(parse_yaml("a: 1\nb: [y]\n", "f")));
}
