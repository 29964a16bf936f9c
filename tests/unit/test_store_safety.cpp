#include <doctest/doctest.h>

#include <stdlib.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include "peers/error.hpp"
#include "peers/store.hpp"

using namespace peers;
namespace fs = std::filesystem;

namespace {

struct ScratchStore {
  fs::path dir;
  ScratchStore() {
    std::string pattern = (fs::temp_directory_path() / "peers-safety.XXXXXX").string();
    dir = ::mkdtemp(pattern.data());
    Store::init(dir, "Safety");
  }
  ~ScratchStore() {
    std::error_code ec;
    fs::remove_all(dir, ec);
  }
};

std::string slurp(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

int temp_files_in(const fs::path& dir) {
  int n = 0;
  for (const auto& entry : fs::directory_iterator(dir))
    if (entry.path().filename().string().find(".tmp-") != std::string::npos) ++n;
  return n;
}

}  // namespace

TEST_CASE("Store::write re-reads what it wrote before it replaces the old file") {
  ScratchStore scratch;
  Store store(scratch.dir);
  Person maria;
  maria.id = "maria";
  maria.name = "Maria";
  write_person(store, maria);
  fs::path file = scratch.dir / "people/maria.yaml";
  std::string before = slurp(file);

  SUBCASE("text that would not parse") {
    Node root = person_to_node(maria);
    Node title = Node::string("a: b");
    title.verbatim = true;  // written as is: "title: a: b" is not YAML
    root.set("title", title);
    CHECK_THROWS_WITH_AS(store.write(Kind::person, "maria", root),
                         doctest::Contains("refusing to write a record that would not read back"),
                         Error);
  }
  SUBCASE("text that would read back as something else") {
    Node root = person_to_node(maria);
    Node title = Node::string("~");
    title.verbatim = true;  // written as is: reads back as null
    root.set("title", title);
    CHECK_THROWS_WITH_AS(store.write(Kind::person, "maria", root),
                         "refusing to write a record that would read back differently", Error);
  }
  CHECK(slurp(file) == before);
  CHECK(temp_files_in(scratch.dir / "people") == 0);
}

TEST_CASE("reads ignore the temp files a killed writer leaves") {
  ScratchStore scratch;
  Store store(scratch.dir);
  Person maria;
  maria.id = "maria";
  maria.name = "Maria";
  write_person(store, maria);
  std::ofstream(scratch.dir / "people/.maria.yaml.tmp-123-abcdef01") << "name: half writ";
  std::ofstream(scratch.dir / "people/.other.yaml.tmp-9-00000000") << "\x1b[2J{{{{";

  CHECK(store.ids(Kind::person) == std::vector<std::string>{"maria"});
  Snapshot snapshot = store.snapshot();
  CHECK(snapshot.people.size() == 1);
  CHECK(snapshot.skipped.empty());
  CHECK(read_person(store, "maria").name == "Maria");
}

TEST_CASE("ids are checked before any path is built") {
  ScratchStore scratch;
  Store store(scratch.dir);
  for (const char* id : {"../peers", "../../etc/passwd", "/etc/passwd", "con", "Maria", ""}) {
    CAPTURE(id);
    CHECK_THROWS_AS(store.relative_path(Kind::person, id), Error);
    CHECK_THROWS_AS(store.read(Kind::person, id), Error);
    CHECK_FALSE(store.exists(Kind::person, id));
  }
  Person evil;
  evil.id = "../evil";
  evil.name = "Evil";
  CHECK_THROWS_AS(write_person(store, evil), Error);
  CHECK_FALSE(fs::exists(scratch.dir / "evil.yaml"));
}
