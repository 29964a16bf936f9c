#include <doctest/doctest.h>

#include <sys/stat.h>
#include <unistd.h>

#include <fstream>
#include <sstream>

#include "peers/error.hpp"
#include "peers/store.hpp"
#include "temp_dir.hpp"

using namespace peers;
using peers::testing::TempDir;
namespace fs = std::filesystem;

namespace {
std::string slurp(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}
void spit(const fs::path& p, const std::string& text) { std::ofstream(p, std::ios::binary) << text; }

std::vector<std::string> stray_files(const fs::path& dir) {
  std::vector<std::string> out;
  for (const auto& e : fs::recursive_directory_iterator(dir))
    if (e.path().filename().string().find(".tmp-") != std::string::npos)
      out.push_back(e.path().string());
  return out;
}
}  // namespace

TEST_CASE("init makes a store that opens, and refuses to init twice") {
  TempDir dir;
  Store::init(dir / "s", "Westbrook");
  Store store(dir / "s");
  CHECK(store.config().name == "Westbrook");
  CHECK(fs::is_directory(dir / "s/people"));
  CHECK(slurp(dir / "s/.gitignore").find("/.peers/") != std::string::npos);
  CHECK_THROWS_AS(Store::init(dir / "s", "Again"), Error);
}

TEST_CASE("discovery: --store, then $PEERS_STORE, then the nearest peers.yaml above") {
  TempDir dir;
  Store::init(dir / "s", "W");
  fs::create_directories(dir / "s/people/deeper");
  CHECK(Store::discover(std::nullopt, std::nullopt, dir / "s/people/deeper") == dir / "s");
  CHECK(Store::discover(std::nullopt, dir / "s", dir.path()) == dir / "s");
  CHECK(Store::discover(dir / "s", dir / "nowhere", dir.path()) == dir / "s");
  CHECK_THROWS_AS(Store::discover(dir / "nowhere", std::nullopt, dir / "s"), Error);
  CHECK_THROWS_AS(Store::discover(std::nullopt, std::nullopt, dir.path()), Error);
}

TEST_CASE("write is canonical, atomic, keeps comments, and leaves no temp file") {
  TempDir dir;
  Store::init(dir / "s", "W");
  Store store(dir / "s");
  spit(dir / "s/people/ana.yaml", "# keep me\nname:   Ana   # nick\ntitle: 'Editor'\n");
  Person ana = read_person(store, "ana");
  ana.department = "Comms";
  {
    auto lock = store.lock();
    write_person(store, ana);
  }
  CHECK(slurp(dir / "s/people/ana.yaml") ==
        "# keep me\nname: Ana  # nick\ntitle: Editor\ndepartment: Comms\n");
  CHECK(stray_files(dir / "s").empty());
}

TEST_CASE("a batch of writes lands whole at commit, and nothing of it when dropped") {
  TempDir dir;
  Store::init(dir / "s", "W");
  Store store(dir / "s");
  spit(dir / "s/people/ana.yaml", "name: Ana\n");
  Person ana = read_person(store, "ana");
  ana.title = "Editor";
  Person ben;
  ben.id = "ben";
  ben.name = "Ben";
  auto lock = store.lock();
  SUBCASE("commit") {
    Store::Batch batch(store);
    write_person(store, ana);
    write_person(store, ben);
    CHECK(slurp(dir / "s/people/ana.yaml") == "name: Ana\n");  // not before the commit
    CHECK_FALSE(fs::exists(dir / "s/people/ben.yaml"));
    CHECK(stray_files(dir / "s").size() == 2);
    batch.commit();
    CHECK(slurp(dir / "s/people/ana.yaml") == "name: Ana\ntitle: Editor\n");
    CHECK(slurp(dir / "s/people/ben.yaml") == "name: Ben\n");
    CHECK(store.changed_files() == std::vector<std::string>{"people/ana.yaml", "people/ben.yaml"});
  }
  SUBCASE("dropped without a commit, as when an error is thrown") {
    {
      Store::Batch batch(store);
      write_person(store, ana);
      write_person(store, ben);
    }
    CHECK(slurp(dir / "s/people/ana.yaml") == "name: Ana\n");
    CHECK_FALSE(fs::exists(dir / "s/people/ben.yaml"));
    CHECK(store.changed_files().empty());
  }
  SUBCASE("writes after the batch are immediate again") {
    { Store::Batch batch(store); }
    write_person(store, ben);
    CHECK(slurp(dir / "s/people/ben.yaml") == "name: Ben\n");
  }
  CHECK(stray_files(dir / "s").empty());
}

TEST_CASE("reads refuse what is not a regular file, and ids that could escape the store") {
  TempDir dir;
  Store::init(dir / "s", "W");
  Store store(dir / "s");
  spit(dir / "secret.yaml", "name: Secret\n");
  fs::create_symlink(dir / "secret.yaml", dir / "s/people/link.yaml");
  fs::create_directory(dir / "s/people/folder.yaml");
  ::mkfifo((dir / "s/people/fifo.yaml").c_str(), 0644);
  CHECK_THROWS_WITH_AS(store.read(Kind::person, "link"), doctest::Contains("symbolic link"), Error);
  CHECK_THROWS_WITH_AS(store.read(Kind::person, "folder"), doctest::Contains("not a regular file"),
                       Error);
  CHECK_THROWS_WITH_AS(store.read(Kind::person, "fifo"), doctest::Contains("not a regular file"),
                       Error);
  CHECK_THROWS_AS(store.read(Kind::person, "../secret"), Error);
  CHECK_THROWS_AS(store.relative_path(Kind::person, "con"), Error);

  std::vector<Problem> problems;
  auto docs = store.read_all({Kind::person}, problems);
  CHECK(docs.empty());
  CHECK(problems.size() == 3);
}

TEST_CASE("snapshot skips broken files and names them") {
  TempDir dir;
  Store::init(dir / "s", "W");
  spit(dir / "s/people/good.yaml", "name: Good\n");
  spit(dir / "s/people/bad.yaml", "name: Bad\nexpertise: 5\n");
  spit(dir / "s/people/Not_An_Id.yaml", "name: X\n");
  spit(dir / "s/people/.good.yaml.tmp-1-2", "half a fi");
  Store store(dir / "s");
  Snapshot s = store.snapshot();
  REQUIRE(s.people.size() == 1);
  CHECK(s.people[0].id == "good");
  REQUIRE(s.skipped.size() == 2);
  CHECK(s.person("good") != nullptr);
  CHECK(s.person("bad") == nullptr);
}

TEST_CASE("the lock is exclusive and released when its holder goes away") {
  TempDir dir;
  Store::init(dir / "s", "W");
  StoreOptions quick;
  quick.lock_timeout_ms = 50;
  Store first(dir / "s", quick);
  Store second(dir / "s", quick);
  {
    auto held = first.lock();
    CHECK_THROWS_WITH_AS(second.lock(), doctest::Contains("busy"), Error);
  }
  CHECK_NOTHROW(second.lock());
}

TEST_CASE("retired ids and settings survive a rewrite of peers.yaml") {
  TempDir dir;
  Store::init(dir / "s", "W");
  Store store(dir / "s");
  StoreConfig c = store.config();
  c.retired_ids.push_back("ana");
  {
    auto lock = store.lock();
    store.write_config(c);
  }
  Store again(dir / "s");
  CHECK(again.config().retired_ids == std::vector<std::string>{"ana"});
}
