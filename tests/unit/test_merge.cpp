#include <doctest/doctest.h>

#include "peers/error.hpp"
#include "peers/merge.hpp"
#include "peers/yaml.hpp"

using namespace peers;

namespace {

const char* base_person = R"(name: Maria Lopez
email: mlopez@westbrook.edu
expertise:
  - admissions
met: 2026-11-20
log:
  - date: 2026-11-21
    by: Sam Lee
    note: Coffee
)";

}  // namespace

TEST_CASE("merge: both sides log the same person; entries united in date order") {
  std::string ours = std::string(base_person) +
                     "  - date: 2026-11-25\n    by: Sam Lee\n    note: Call about open days\n";
  std::string theirs = std::string(base_person) +
                       "  - date: 2026-11-23\n    by: Ana Ruiz\n    note: Lunch\n";
  MergeResult r = merge_store_file(base_person, ours, theirs, "people/maria-lopez.yaml");
  CHECK(r.conflicts == 0);
  CHECK(r.text == R"(name: Maria Lopez
email: mlopez@westbrook.edu
expertise:
  - admissions
met: 2026-11-20
log:
  - date: 2026-11-21
    by: Sam Lee
    note: Coffee
  - date: 2026-11-23
    by: Ana Ruiz
    note: Lunch
  - date: 2026-11-25
    by: Sam Lee
    note: Call about open days
)");
}

TEST_CASE("merge: different keys changed on each side both land; lists merge as sets") {
  std::string ours = R"(name: Maria Lopez
title: Director
email: mlopez@westbrook.edu
expertise:
  - admissions
  - transfer students
met: 2026-11-20
log:
  - date: 2026-11-21
    by: Sam Lee
    note: Coffee
)";
  std::string theirs = R"(name: Maria Lopez
email: mlopez@westbrook.edu
phone: 555-0100
expertise:
  - orientation
met: 2026-11-20
log:
  - date: 2026-11-21
    by: Sam Lee
    note: Coffee
)";
  // theirs dropped "admissions" and added "orientation"; ours added "transfer students".
  MergeResult r = merge_store_file(base_person, ours, theirs, "people/maria-lopez.yaml");
  CHECK(r.conflicts == 0);
  CHECK(r.text.find("title: Director\n") != std::string::npos);
  CHECK(r.text.find("phone: '555-0100'\n") != std::string::npos);
  CHECK(r.text.find("  - admissions\n") == std::string::npos);
  CHECK(r.text.find("  - transfer students\n  - orientation\n") != std::string::npos);
  // canonical key order: phone comes before expertise even though theirs added it
  CHECK(r.text.find("phone:") < r.text.find("expertise:"));
}

TEST_CASE("merge: a key changed on one side only takes that side's value") {
  std::string ours = base_person;
  std::string theirs = std::string(base_person);
  theirs.replace(theirs.find("mlopez@"), 7, "maria.lopez@");
  MergeResult r = merge_store_file(base_person, ours, theirs, "people/maria-lopez.yaml");
  CHECK(r.conflicts == 0);
  CHECK(r.text == theirs);
}

TEST_CASE("merge: the same field changed to two values is a conflict with markers") {
  std::string ours = std::string(base_person);
  ours.replace(ours.find("mlopez@"), 7, "ours@");
  std::string theirs = std::string(base_person);
  theirs.replace(theirs.find("mlopez@"), 7, "theirs@");
  MergeResult r = merge_store_file(base_person, ours, theirs, "people/maria-lopez.yaml");
  CHECK(r.conflicts == 1);
  CHECK(r.text == R"(name: Maria Lopez
<<<<<<< ours
email: ours@westbrook.edu
=======
email: theirs@westbrook.edu
>>>>>>> theirs
expertise:
  - admissions
met: 2026-11-20
log:
  - date: 2026-11-21
    by: Sam Lee
    note: Coffee
)");
  // the loader refuses the result until a person resolves it
  CHECK_THROWS_AS(parse_yaml(r.text, "x.yaml"), Error);
}

TEST_CASE("merge: a nested conflict keeps its indentation; deleted vs changed conflicts") {
  std::string base = "name: A\nhandles:\n  twitter: '@a'\nnotes: old\n";
  std::string ours = "name: A\nhandles:\n  twitter: '@ours'\n";
  std::string theirs = "name: A\nhandles:\n  twitter: '@theirs'\nnotes: new\n";
  MergeResult r = merge_store_file(base, ours, theirs, "people/a.yaml");
  CHECK(r.conflicts == 2);
  CHECK(r.text == "name: A\nhandles:\n<<<<<<< ours\n  twitter: '@ours'\n=======\n"
                  "  twitter: '@theirs'\n>>>>>>> theirs\n<<<<<<< ours\n=======\nnotes: new\n"
                  ">>>>>>> theirs\n");
}

TEST_CASE("merge: question history from both sides, status from the side that changed it") {
  std::string base = R"(text: When is the FAFSA deadline?
asked_at: 2026-11-20T10:00:00Z
status: routed
routed_to: maria-lopez
history:
  - at: 2026-11-20T10:00:00Z
    event: asked
  - at: 2026-11-20T11:00:00Z
    event: routed
    to: maria-lopez
)";
  std::string ours = std::string(base) + "  - at: 2026-11-22T09:00:00Z\n    event: edited\n";
  std::string theirs = std::string(base);
  theirs.replace(theirs.find("status: routed"), 14, "status: answered\nanswer: March 1");
  theirs += "  - at: 2026-11-21T15:00:00Z\n    event: answered\n    by: maria-lopez\n";
  MergeResult r = merge_store_file(base, ours, theirs, "questions/7fk2abcd.yaml");
  CHECK(r.conflicts == 0);
  CHECK(r.text.find("status: answered\n") != std::string::npos);
  CHECK(r.text.find("answer: March 1\n") != std::string::npos);
  auto answered = r.text.find("event: answered");
  auto edited = r.text.find("event: edited");
  CHECK(answered != std::string::npos);
  CHECK(edited != std::string::npos);
  CHECK(answered < edited);  // time order
}

TEST_CASE("merge: two clones add the same file (empty base)") {
  std::string ours = "name: Kwame Asante\nemail: ka@westbrook.edu\n";
  std::string theirs = "name: Kwame Asante\ntitle: Dean\n";
  MergeResult r = merge_store_file("", ours, theirs, "people/kwame-asante.yaml");
  CHECK(r.conflicts == 0);
  CHECK(r.text == "name: Kwame Asante\ntitle: Dean\nemail: ka@westbrook.edu\n");
}

TEST_CASE("merge: comments and unchanged keys are untouched") {
  std::string base = "# our key contact\nname: A\ntitle: Dean  # since 2025\n";
  std::string ours = base;
  std::string theirs = base + "tags:\n  - press\n";
  MergeResult r = merge_store_file(base, ours, theirs, "people/a.yaml");
  CHECK(r.conflicts == 0);
  CHECK(r.text == "# our key contact\nname: A\ntitle: Dean  # since 2025\ntags:\n  - press\n");
}

TEST_CASE("merge: peers.yaml retired ids are united; a path below a directory works") {
  std::string base = "peers: 1\nname: Westbrook\n";
  std::string ours = base + "retired_ids:\n  - ana-ruiz\n";
  std::string theirs = base + "retired_ids:\n  - bo-chen\n";
  MergeResult r = merge_store_file(base, ours, theirs, "store/peers.yaml");
  CHECK(r.conflicts == 0);
  CHECK(r.text == "peers: 1\nname: Westbrook\nretired_ids:\n  - ana-ruiz\n  - bo-chen\n");
}

TEST_CASE("merge: a side that is not a record throws (the driver falls back to git)") {
  CHECK_THROWS_AS(merge_store_file("name: A\n", "name: [A\n", "name: B\n", "people/a.yaml"),
                  Error);
  CHECK_THROWS_AS(merge_store_file("name: A\n", "<<<<<<< x\nname: A\n", "name: B\n",
                                   "people/a.yaml"),
                  Error);
}

TEST_CASE("merge_nodes: conflicts listed with ours' value kept in the tree") {
  Node base = parse_yaml("a: 1\nb: x\n", "t");
  Node ours = parse_yaml("a: 2\nb: x\n", "t");
  Node theirs = parse_yaml("a: 3\nb: y\n", "t");
  NodeMerge m = merge_nodes(base, ours, theirs);
  REQUIRE(m.conflicts.size() == 1);
  CHECK(m.conflicts[0].key == "a");
  CHECK(m.conflicts[0].ours->scalar == "2");
  CHECK(m.conflicts[0].theirs->scalar == "3");
  CHECK(m.merged.find("a")->scalar == "2");
  CHECK(m.merged.find("b")->scalar == "y");
}

TEST_CASE("merge: routed in one clone, answered in another: the later state, both history entries") {
  std::string base = R"(text: When is the FAFSA deadline?
asked_at: 2026-11-20T10:00:00Z
status: open
history:
  - at: 2026-11-20T10:00:00Z
    event: asked
)";
  std::string routed = std::string(base) + "  - at: 2026-11-21T09:00:00Z\n    event: routed\n    to: maria-lopez\n";
  routed.replace(routed.find("status: open"), 12, "status: routed\nrouted_to: maria-lopez");
  std::string answered = std::string(base) + "  - at: 2026-11-21T10:00:00Z\n    event: answered\n";
  answered.replace(answered.find("status: open"), 12, "status: answered\nanswer: March 1");
  for (bool swap : {false, true}) {
    MergeResult r = swap ? merge_store_file(base, answered, routed, "questions/7fk2abcd.yaml")
                         : merge_store_file(base, routed, answered, "questions/7fk2abcd.yaml");
    CHECK(r.conflicts == 0);
    CHECK(r.text.find("status: answered\n") != std::string::npos);
    CHECK(r.text.find("routed_to: maria-lopez\n") != std::string::npos);
    CHECK(r.text.find("event: routed") < r.text.find("event: answered"));
  }
  // A reopen made after the other side closed it: the later change wins, not the later state.
  std::string closed = std::string(base) + "  - at: 2026-11-21T09:00:00Z\n    event: closed\n";
  closed.replace(closed.find("status: open"), 12, "status: closed");
  std::string reopened = std::string(base) + "  - at: 2026-11-22T09:00:00Z\n    event: note\n";
  reopened.replace(reopened.find("status: open"), 12, "status: routed\nrouted_to: a");
  MergeResult r = merge_store_file(base, closed, reopened, "questions/7fk2abcd.yaml");
  CHECK(r.text.find("status: routed\n") != std::string::npos);
  // Outside a question file a status stays a conflict.
  CHECK(merge_store_file("status: open\n", "status: routed\n", "status: answered\n",
                         "people/a.yaml").conflicts == 1);
}

TEST_CASE("merge: event roles merge by person, one entry each; markers carry the given labels") {
  std::string base = "name: Open Day\ndate: 2027-03-01\nassignments:\n"
                     "  - person: a\n    role: share\n  - person: b\n    role: photos\n";
  std::string ours = base, theirs = base;
  ours.replace(ours.find("role: share"), 11, "role: live stream");
  theirs.replace(theirs.find("role: photos"), 12, "role: post originals");
  MergeResult r = merge_store_file(base, ours, theirs, "events/open-day.yaml");
  CHECK(r.conflicts == 0);
  CHECK(r.text == "name: Open Day\ndate: 2027-03-01\nassignments:\n"
                  "  - person: a\n    role: live stream\n  - person: b\n    role: post originals\n");
  theirs = base;
  theirs.replace(theirs.find("role: share"), 11, "role: video");
  r = merge_store_file(base, ours, theirs, "events/open-day.yaml", {"yours", "upstream"});
  CHECK(r.conflicts == 1);
  CHECK(r.text == "name: Open Day\ndate: 2027-03-01\nassignments:\n  - person: a\n"
                  "<<<<<<< yours\n    role: live stream\n=======\n    role: video\n>>>>>>> upstream\n"
                  "  - person: b\n    role: photos\n");
}

TEST_CASE("merge: record text that spells a conflict placeholder is data, not a conflict") {
  // issue 17, defect 1: the driver used to stand "__peers_conflict_N__" in for a conflict and
  // took the same text in a record for one (a crash, a duplicated block, a lost change).
  for (std::string n : {"0", "1", "77777777"}) {
    std::string spelled = "__peers_conflict_" + n + "__";
    std::string base = "name: M\ntitle: A\nnotes: |\n  x\n  " + spelled + "\n";
    std::string ours = "name: M\ntitle: B\nnotes: |\n  x\n  " + spelled + "\n";
    std::string theirs = "name: M\ntitle: C\nnotes: |\n  x\n  " + spelled + "\n";
    MergeResult r = merge_store_file(base, ours, theirs, "people/m.yaml");
    CHECK(r.conflicts == 1);
    CHECK(r.text == "name: M\n<<<<<<< ours\ntitle: B\n=======\ntitle: C\n>>>>>>> theirs\n"
                    "notes: |\n  x\n  " + spelled + "\n");

    // As a key, with a real conflict elsewhere; and a change to it on one side lands.
    base = "name: M\ntitle: A\n" + spelled + ": kept\n";
    ours = "name: M\ntitle: B\n" + spelled + ": kept\n";
    theirs = "name: M\ntitle: C\n" + spelled + ": changed\n";
    r = merge_store_file(base, ours, theirs, "people/m.yaml");
    CHECK(r.conflicts == 1);
    CHECK(r.text == "name: M\n<<<<<<< ours\ntitle: B\n=======\ntitle: C\n>>>>>>> theirs\n" +
                        spelled + ": changed\n");
  }
}

TEST_CASE("merge: a conflict whose key spells a placeholder is shown under that key") {
  std::string base = "name: M\n__peers_conflict_0__: a\n";
  std::string ours = "name: M\n__peers_conflict_0__: b\n";
  std::string theirs = "name: M\n__peers_conflict_0__: c\n";
  MergeResult r = merge_store_file(base, ours, theirs, "people/m.yaml");
  CHECK(r.conflicts == 1);
  CHECK(r.text == "name: M\n<<<<<<< ours\n__peers_conflict_0__: b\n=======\n"
                  "__peers_conflict_0__: c\n>>>>>>> theirs\n");
  NodeMerge m = merge_nodes(parse_yaml(base, "t"), parse_yaml(ours, "t"), parse_yaml(theirs, "t"));
  REQUIRE(m.conflicts.size() == 1);
  CHECK(m.merged.find("__peers_conflict_0__")->scalar == "b");
}

TEST_CASE("merge_nodes: a key ours deleted and theirs changed is absent from the tree") {
  Node base = parse_yaml("a: 1\nb: x\nc: 1\n", "t");
  Node ours = parse_yaml("b: x\nc: 2\n", "t");
  Node theirs = parse_yaml("a: 3\nb: y\nc: 3\n", "t");
  NodeMerge m = merge_nodes(base, ours, theirs);
  REQUIRE(m.conflicts.size() == 2);
  CHECK(m.merged.find("a") == nullptr);
  CHECK(m.merged.find("b")->scalar == "y");
  CHECK(m.merged.find("c")->scalar == "2");
}

TEST_CASE("merge: a conflict on the first key of a list entry opens the entry with a bare dash") {
  std::string base = "name: Open Day\nassignments:\n  - role: share\n    person: a\n";
  std::string ours = "name: Open Day\nassignments:\n  - role: live\n    person: a\n";
  std::string theirs = "name: Open Day\nassignments:\n  - role: video\n    person: a\n";
  MergeResult r = merge_store_file(base, ours, theirs, "events/open-day.yaml");
  CHECK(r.conflicts == 1);
  CHECK(r.text == "name: Open Day\nassignments:\n  -\n<<<<<<< ours\n    role: live\n=======\n"
                  "    role: video\n>>>>>>> theirs\n    person: a\n");
}

TEST_CASE("merge: the same log entry added on both sides is kept twice; removals still apply") {
  // issue 17, defect 10: two people who each logged the same call made two entries.
  const std::string entry = "  - date: 2026-11-25\n    by: Sam Lee\n    note: Call\n";
  std::string ours = std::string(base_person) + entry;
  std::string theirs = std::string(base_person) + entry;
  theirs.replace(theirs.find("mlopez@"), 7, "maria@");  // the files differ elsewhere too
  MergeResult r = merge_store_file(base_person, ours, theirs, "people/maria-lopez.yaml");
  CHECK(r.conflicts == 0);
  CHECK(r.text.find("email: maria@westbrook.edu\n") != std::string::npos);
  CHECK(r.text.find("  - date: 2026-11-21\n    by: Sam Lee\n    note: Coffee\n" + entry + entry) !=
        std::string::npos);
  // Both whole logs equal (each side added the same entry): still two.
  ours = std::string(base_person) + entry;
  theirs = ours;
  theirs.replace(theirs.find("mlopez@"), 7, "maria@");
  r = merge_store_file(base_person, ours, theirs, "people/maria-lopez.yaml");
  CHECK(r.text.find(entry + entry) != std::string::npos);
  // One side removed the old entry and the other added one: the old one is gone, the new kept.
  std::string base_log = "name: A\nlog:\n  - date: 2026-11-21\n    note: Coffee\n";
  std::string removed = "name: A\nlog:\n  - date: 2026-11-22\n    note: Tea\n";
  std::string added = base_log + "  - date: 2026-11-23\n    note: Lunch\n";
  r = merge_store_file(base_log, removed, added, "people/a.yaml");
  CHECK(r.conflicts == 0);
  CHECK(r.text == "name: A\nlog:\n  - date: 2026-11-22\n    note: Tea\n"
                  "  - date: 2026-11-23\n    note: Lunch\n");
  // Other lists still merge as sets: the same tag added on both sides is one tag.
  r = merge_store_file("name: A\n", "name: A\ntags:\n  - press\n", "name: A\ntags:\n  - press\ntitle: Dean\n",
                       "people/a.yaml");
  CHECK(r.text.find("  - press\n  - press") == std::string::npos);
}
