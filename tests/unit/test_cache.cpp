#include <doctest/doctest.h>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstring>
#include <fstream>
#include <mutex>
#include <random>
#include <sstream>
#include <thread>

#include "cache/cache.hpp"
#include <fmt/format.h>
#include <fmt/ranges.h>

#include "peers/routing.hpp"
#include "peers/store.hpp"
#include "peers/time.hpp"
#include "peers/yaml.hpp"
#include "temp_dir.hpp"

using namespace peers;
using peers::testing::TempDir;
namespace fs = std::filesystem;

namespace {

std::int64_t real_now_ns() {
  return std::chrono::duration_cast<std::chrono::nanoseconds>(
             std::chrono::system_clock::now().time_since_epoch())
      .count();
}

/// A clock an hour ahead: every entry it records is old enough to be trusted on stat alone.
cache::LoadOptions settled() {
  cache::LoadOptions o;
  o.now_ns = real_now_ns() + 3600LL * 1'000'000'000;
  return o;
}

void write_text(const fs::path& path, const std::string& text) {
  std::ofstream(path, std::ios::binary) << text;
}

/// Rewrites the bytes of a file in place (same inode), like an editor that does not rename.
void overwrite_in_place(const fs::path& path, const std::string& text) {
  int fd = ::open(path.c_str(), O_WRONLY | O_TRUNC);
  REQUIRE(fd >= 0);
  REQUIRE(::write(fd, text.data(), text.size()) == static_cast<ssize_t>(text.size()));
  ::close(fd);
}

std::string read_text(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

std::string person_yaml(const std::string& name, const std::string& dept) {
  return "# hand-written header\nname: " + name + "\ndepartment: " + dept +
         "  # end of line\nexpertise:\n  - admissions\n  - financial aid\n";
}

/// A store with `people` people and `questions` questions.
fs::path make_store(const TempDir& dir, int people = 30, int questions = 40) {
  fs::path root = dir / "store";
  Store::init(root, "Test");
  for (int i = 0; i < people; ++i)
    write_text(root / "people" / ("person-" + std::to_string(i) + ".yaml"),
               person_yaml("Person " + std::to_string(i), "Dept " + std::to_string(i % 7)));
  for (int i = 0; i < 3; ++i)
    write_text(root / "topics" / ("topic-" + std::to_string(i) + ".yaml"),
               "name: Topic " + std::to_string(i) + "\naliases:\n  - t" + std::to_string(i) + "\n");
  for (int i = 0; i < questions; ++i)
    write_text(root / "questions" / ("q" + std::to_string(1000 + i) + ".yaml"),
               "text: 'when is the deadline " + std::to_string(i) +
                   "?'\nasked_at: 2026-11-20T14:03:00Z\nstatus: open\n");
  fs::create_directories(root / "questions" / "archive");
  write_text(root / "questions" / "archive" / "qold.yaml",
             "text: old one\nasked_at: 2025-01-01T00:00:00Z\nstatus: closed\n");
  return root;
}

const std::vector<Kind> all = {Kind::person, Kind::topic, Kind::question};

struct Loaded {
  std::vector<Document> documents;
  std::vector<Problem> problems;
  cache::Stats stats;
};

Loaded load(const fs::path& root, const cache::LoadOptions& when = settled(),
            StoreOptions options = {}) {
  Loaded l;
  l.documents = cache::load_documents(root, options, all, l.problems, &l.stats, when);
  return l;
}

Loaded load_without_cache(const fs::path& root) {
  StoreOptions options;
  options.use_cache = false;
  return load(root, settled(), options);
}

/// Everything a document holds, comments and positions included.
std::string describe(const Node& n) {
  std::string out = std::to_string(static_cast<int>(n.kind)) + (n.quoted ? "q" : "") +
                    (n.verbatim ? "v" : "") + "@" + std::to_string(n.mark.line) + ":" +
                    std::to_string(n.mark.column) + "[" + n.scalar + "]";
  for (const auto& c : n.comments_before) out += "#b" + c;
  out += "#a" + n.comment_after;
  for (const auto& c : n.comments_after) out += "#e" + c;
  for (const auto& item : n.items) out += "(" + describe(item) + ")";
  for (const auto& e : n.entries)
    out += "{" + e.key + "@" + std::to_string(e.key_mark.line) + ":" +
           std::to_string(e.key_mark.column) + "=" + describe(e.value) + "}";
  return out;
}

std::string describe(const std::vector<Document>& documents) {
  std::string out;
  for (const auto& d : documents)
    out += std::to_string(static_cast<int>(d.kind)) + " " + d.id + " " + d.path +
           (d.archived ? " archived " : " ") + describe(d.root) + "\n";
  return out;
}

const Document* find(const Loaded& l, const std::string& path) {
  for (const auto& d : l.documents)
    if (d.path == path) return &d;
  return nullptr;
}

std::string name_of(const Loaded& l, const std::string& path) {
  const Document* d = find(l, path);
  if (!d) return "<missing>";
  const Node* name = d->root.find("name");
  return name ? name->scalar : "<no name>";
}

}  // namespace

TEST_CASE("a node tree survives encoding with its data, comments and positions") {
  Node root = parse_yaml(
      "# top\nname: 'María López'  # quoted\nlist:\n  - a\n  - \"b\"\nmap:\n  k: |\n    two\n    "
      "lines\nempty:\n# trailing\n",
      "x.yaml");
  std::string bytes;
  cache::encode_node(root, bytes);
  std::string_view in = bytes;
  Node back = cache::decode_node(in, 40);
  CHECK(in.empty());
  CHECK(describe(back) == describe(root));
  CHECK(emit_yaml(back) == emit_yaml(root));
}

TEST_CASE("decoding damaged bytes throws instead of reading out of bounds") {
  Node root = parse_yaml("name: x\nlist:\n  - a\n  - b\nmap:\n  k: v\n", "x.yaml");
  std::string bytes;
  cache::encode_node(root, bytes);
  for (std::size_t cut = 0; cut < bytes.size(); ++cut) {
    std::string_view in(bytes.data(), cut);
    CHECK_THROWS(cache::decode_node(in, 40));
  }
  std::mt19937 random(7);
  for (int round = 0; round < 2000; ++round) {
    std::string damaged = bytes;
    damaged[random() % damaged.size()] = static_cast<char>(random());
    std::string_view in = damaged;
    try {
      cache::decode_node(in, 40);
    } catch (const std::exception&) {
    }
  }
  std::string deep;
  for (int i = 0; i < 100; ++i) deep += std::string("\x02\x00\x00\x00\x01", 5);  // nested lists
  std::string_view in = deep;
  CHECK_THROWS(cache::decode_node(in, 40));
}

TEST_CASE("the racy rule: a file changed close to when it was read is not trusted on stat") {
  cache::FileStat s;
  s.mtime_ns = 100'000'000'000;
  s.ctime_ns = 100'000'000'000;
  const std::int64_t second = 1'000'000'000;
  CHECK(cache::is_racy(s, s.mtime_ns, 2 * second));
  CHECK(cache::is_racy(s, s.mtime_ns + 2 * second, 2 * second));
  CHECK_FALSE(cache::is_racy(s, s.mtime_ns + 2 * second + 1, 2 * second));
  s.ctime_ns += 10 * second;  // metadata changed later (e.g. mtime set back with touch -d)
  CHECK(cache::is_racy(s, s.mtime_ns + 3 * second, 2 * second));
}

TEST_CASE("the first load builds the cache, the next trusts it, and both give the same records") {
  TempDir dir;
  fs::path root = make_store(dir);
  Loaded first = load(root);
  CHECK_FALSE(first.stats.cache_found);
  CHECK(first.stats.rewrote);
  CHECK(first.stats.parsed == first.stats.files);
  CHECK(first.stats.directory == root / ".peers");
  CHECK(fs::exists(root / ".peers" / "cache"));

  Loaded second = load(root);
  CHECK(second.stats.cache_found);
  CHECK(second.stats.trusted == second.stats.files);
  CHECK(second.stats.parsed == 0);
  CHECK_FALSE(second.stats.rewrote);
  CHECK_FALSE(second.stats.appended);
  CHECK(describe(second.documents) == describe(first.documents));
  CHECK(describe(second.documents) == describe(load_without_cache(root).documents));
  CHECK(second.documents.size() == 30 + 3 + 41);
  CHECK(find(second, "questions/archive/qold.yaml")->archived);
}

TEST_CASE("a hand edit is seen by the very next load and recorded in the journal") {
  TempDir dir;
  fs::path root = make_store(dir);
  load(root);
  load(root);
  write_text(root / "people" / "person-3.yaml", person_yaml("Renamed Person", "Dept 3"));
  Loaded after = load(root);
  CHECK(name_of(after, "people/person-3.yaml") == "Renamed Person");
  CHECK(after.stats.parsed == 1);
  CHECK(after.stats.appended);
  CHECK_FALSE(after.stats.rewrote);
  Loaded again = load(root);
  CHECK(again.stats.trusted == again.stats.files);
  CHECK(name_of(again, "people/person-3.yaml") == "Renamed Person");
  CHECK(describe(again.documents) == describe(load_without_cache(root).documents));
}

TEST_CASE("same size, same mtime, new content: seen (ctime and the racy rule)") {
  TempDir dir;
  fs::path root = make_store(dir);
  fs::path file = root / "people" / "person-5.yaml";
  struct stat before {};
  REQUIRE(::stat(file.c_str(), &before) == 0);

  SUBCASE("entry trusted on stat, mtime set back after the edit") {
    load(root);
    CHECK(load(root).stats.trusted > 0);
    std::this_thread::sleep_for(std::chrono::milliseconds(50));  // past the clock tick of the write
    overwrite_in_place(file, person_yaml("Person X", "Dept 5"));  // "Person 5" -> same size
    timespec times[2] = {before.st_atim, before.st_mtim};
    REQUIRE(::utimensat(AT_FDCWD, file.c_str(), times, 0) == 0);
    struct stat after {};
    REQUIRE(::stat(file.c_str(), &after) == 0);
    CHECK(after.st_size == before.st_size);
    CHECK(after.st_mtim.tv_nsec == before.st_mtim.tv_nsec);
    CHECK(after.st_ino == before.st_ino);
    CHECK(name_of(load(root), "people/person-5.yaml") == "Person X");
  }
  SUBCASE("entry read within the same second as the edit: racy, checked by content") {
    cache::LoadOptions now;  // the real clock: the files were written moments ago
    Loaded first = load(root, now);
    Loaded second = load(root, now);
    CHECK(second.stats.trusted == 0);  // every entry is racy
    CHECK(second.stats.verified == second.stats.files);
    CHECK(second.stats.parsed == 0);
    overwrite_in_place(file, person_yaml("Person Y", "Dept 5"));
    timespec times[2] = {before.st_atim, before.st_mtim};
    REQUIRE(::utimensat(AT_FDCWD, file.c_str(), times, 0) == 0);
    Loaded third = load(root, now);
    CHECK(name_of(third, "people/person-5.yaml") == "Person Y");
    CHECK(third.stats.parsed == 1);
  }
}

TEST_CASE("a cached record is reused on its content only when the SHA-256 matches") {
  CHECK(fmt::format("{:02x}", fmt::join(cache::sha256("abc"), "")) ==
        "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  TempDir dir;
  fs::path root = make_store(dir);
  load(root);
  CHECK(load(root).stats.trusted > 0);
  // A same-size edit whose 64-bit content key collides with the cached one (made here by
  // writing the new content's key into the cache entry, its frame checksum fixed up): the
  // stat changed, the key matches, the SHA-256 does not, so the file is parsed again.
  fs::path file = root / "people" / "person-5.yaml";
  std::string old_text = read_text(file), new_text = person_yaml("Person X", "Dept 5");
  REQUIRE(old_text.size() == new_text.size());
  std::this_thread::sleep_for(std::chrono::milliseconds(20));
  overwrite_in_place(file, new_text);
  fs::path cache_file = root / ".peers" / "cache";
  std::string bytes = read_text(cache_file);
  const std::string path = "people/person-5.yaml";
  std::size_t at = bytes.find(path);
  REQUIRE(at != std::string::npos);
  std::size_t payload = at - 2;  // type, length of the path
  std::size_t frame = payload - 12;
  std::uint32_t size;
  std::memcpy(&size, bytes.data() + frame, 4);
  std::size_t key_at = at + path.size() + 2 + 5 * 8;  // kind, archived, the stat
  // The key as the old non-cryptographic hash made it, and as the SHA-256's first 8 bytes.
  std::uint64_t key = 0;
  SUBCASE("colliding 64-bit hash") { key = cache::hash_bytes(new_text); }
  SUBCASE("colliding SHA-256 prefix") { key = cache::prefix64(cache::sha256(new_text)); }
  std::memcpy(bytes.data() + key_at, &key, 8);
  std::uint64_t checksum = cache::hash_bytes(std::string_view(bytes).substr(payload, size));
  std::memcpy(bytes.data() + frame + 4, &checksum, 8);
  write_text(cache_file, bytes);
  Loaded l = load(root);
  CHECK_FALSE(l.stats.rewrote);  // the cache was taken as sound
  CHECK(name_of(l, "people/person-5.yaml") == "Person X");
  CHECK(l.stats.parsed == 1);
}

TEST_CASE("the stat a cached record is trusted on includes the device (git's rule)") {
  cache::FileStat a, b;
  b.device = 1;
  CHECK_FALSE(a == b);
}

TEST_CASE("deleted and renamed files are dropped from the cache") {
  TempDir dir;
  fs::path root = make_store(dir);
  load(root);
  fs::remove(root / "people" / "person-1.yaml");
  fs::rename(root / "people" / "person-2.yaml", root / "people" / "someone-else.yaml");
  fs::rename(root / "questions" / "q1000.yaml", root / "questions" / "archive" / "q1000.yaml");
  Loaded after = load(root);
  CHECK(find(after, "people/person-1.yaml") == nullptr);
  CHECK(find(after, "people/person-2.yaml") == nullptr);
  CHECK(name_of(after, "people/someone-else.yaml") == "Person 2");
  CHECK(find(after, "questions/q1000.yaml") == nullptr);
  CHECK(find(after, "questions/archive/q1000.yaml")->archived);
  CHECK(after.stats.dropped == 3);
  CHECK(after.stats.parsed == 2);
  CHECK(describe(after.documents) == describe(load_without_cache(root).documents));
  // The cache plus a journal of removals and additions: exactly the files.
  Loaded again = load(root);
  CHECK(again.stats.dropped == 0);
  CHECK(again.stats.trusted == again.stats.files);
  CHECK(describe(again.documents) == describe(after.documents));
}

TEST_CASE("a directory is listed again only when a file was added, removed or renamed in it") {
  TempDir dir;
  fs::path root = make_store(dir);
  Loaded first = load(root);
  CHECK(first.stats.listed == 4);  // people, topics, questions, questions/archive
  Loaded second = load(root);
  CHECK(second.stats.listed == 0);
  CHECK(describe(second.documents) == describe(first.documents));
  // A hand edit in place does not change the directory: found by its stat all the same.
  overwrite_in_place(root / "people" / "person-3.yaml", person_yaml("Person Three", "Dept 3"));
  Loaded edited = load(root);
  CHECK(edited.stats.listed == 0);
  CHECK(edited.stats.parsed == 1);
  // A new file changes its directory, which is listed (and only that one).
  write_text(root / "people" / "new-person.yaml", person_yaml("New", "Dept 1"));
  Loaded added = load(root);
  CHECK(added.stats.listed == 1);
  CHECK(describe(added.documents) == describe(load_without_cache(root).documents));
  CHECK(load(root).stats.listed == 0);
  // A broken file keeps its directory listed, so it is reported on every load.
  write_text(root / "topics" / "broken.yaml", "name: [unclosed\n");
  write_text(root / "topics" / "Bad Name.yaml", "name: X\n");
  for (int i = 0; i < 3; ++i) {
    Loaded l = load(root);
    CHECK(l.problems.size() == 2);
    CHECK(l.stats.listed == 1);
  }
  fs::remove(root / "topics" / "broken.yaml");
  fs::remove(root / "topics" / "Bad Name.yaml");
  CHECK(load(root).problems.empty());
  CHECK(load(root).stats.listed == 0);
}

TEST_CASE("a file that becomes broken is reported, not served from the cache") {
  TempDir dir;
  fs::path root = make_store(dir);
  load(root);
  write_text(root / "people" / "person-4.yaml", "name: [unclosed\n");
  Loaded after = load(root);
  CHECK(find(after, "people/person-4.yaml") == nullptr);
  REQUIRE(after.problems.size() == 1);
  CHECK(after.problems[0].where.file == "people/person-4.yaml");
  fs::remove(root / "people" / "person-6.yaml");
  fs::create_symlink("person-7.yaml", root / "people" / "person-6.yaml");
  Loaded linked = load(root);
  CHECK(find(linked, "people/person-6.yaml") == nullptr);
  CHECK(linked.problems.size() == 2);
}

TEST_CASE("a corrupt, truncated or foreign cache is ignored and rebuilt") {
  TempDir dir;
  fs::path root = make_store(dir);
  Loaded good = load(root);
  fs::path cache_file = root / ".peers" / "cache";
  std::string bytes = read_text(cache_file);
  REQUIRE(bytes.size() > 1000);

  auto check_rebuilt = [&](const std::string& damaged) {
    write_text(cache_file, damaged);
    Loaded l = load(root);
    CHECK(describe(l.documents) == describe(good.documents));
    CHECK(l.stats.rewrote);
    Loaded next = load(root);
    CHECK(next.stats.trusted == next.stats.files);
  };
  SUBCASE("a flipped byte in a record") {
    std::string damaged = bytes;
    damaged[bytes.size() / 2] ^= 0x55;
    check_rebuilt(damaged);
  }
  SUBCASE("a flipped byte in the first entry") {
    std::string damaged = bytes;
    damaged[60] ^= 0x55;
    check_rebuilt(damaged);
  }
  SUBCASE("a flipped byte in the last blob (read only by commands that need it)") {
    std::string damaged = bytes;
    damaged[bytes.size() - 3] ^= 0x55;
    check_rebuilt(damaged);
  }
  SUBCASE("truncated") { check_rebuilt(bytes.substr(0, bytes.size() - 7)); }
  SUBCASE("empty") { check_rebuilt(""); }
  SUBCASE("someone else's file") { check_rebuilt("name: not a cache\n" + std::string(500, 'x')); }
  SUBCASE("another version's header") {
    std::string damaged = bytes;
    damaged[8] ^= 0x40;
    check_rebuilt(damaged);
  }
  SUBCASE("a torn journal") {
    write_text(root / "people" / "person-8.yaml", person_yaml("Journal Person", "Dept 1"));
    CHECK(load(root).stats.appended);
    fs::path journal = root / ".peers" / "cache.journal";
    std::string j = read_text(journal);
    write_text(journal, j.substr(0, j.size() - 3));
    Loaded l = load(root);
    CHECK(name_of(l, "people/person-8.yaml") == "Journal Person");
    CHECK(l.stats.rewrote);
    CHECK(describe(l.documents) == describe(load_without_cache(root).documents));
  }
}

TEST_CASE("a typed read touches no tree: a damaged tree is found by the first read that needs it") {
  TempDir dir;
  fs::path root = make_store(dir);
  Loaded good = load(root);
  std::string plain = describe(good.documents);
  auto names = [&](cache::Stats* stats) {
    std::string out;
    Snapshot s = cache::load_snapshot(root, {}, {Kind::person, Kind::topic}, stats, settled());
    for (const Person& p : s.people) out += p.id + " " + p.name + "\n";
    for (const Topic& t : s.topics) out += t.id + " " + t.name + "\n";
    return out;
  };
  std::string before = names(nullptr);
  fs::path cache_file = root / ".peers" / "cache";
  std::string damaged = read_text(cache_file);
  // The cache's last bytes: the tree of the last file by path, a topic.
  damaged[damaged.size() - 3] ^= 0x55;
  write_text(cache_file, damaged);
  cache::Stats stats;
  CHECK(names(&stats) == before);
  CHECK(stats.trusted == stats.files);
  CHECK_FALSE(stats.rewrote);
  Loaded documents = load(root);
  CHECK(describe(documents.documents) == plain);
  CHECK(documents.stats.rewrote);
}

TEST_CASE("many changes compact the journal into a new cache") {
  TempDir dir;
  fs::path root = make_store(dir, 200, 10);
  load(root);
  bool compacted = false;
  for (int round = 0; round < 20 && !compacted; ++round) {
    for (int i = 0; i < 20; ++i)
      write_text(root / "people" / ("person-" + std::to_string(i) + ".yaml"),
                 person_yaml("Round " + std::string(round + 1, 'x') + " person " + std::to_string(i),
                             "Dept"));
    Loaded l = load(root);
    CHECK(l.stats.parsed == 20);
    compacted = l.stats.rewrote;
    CHECK(name_of(l, "people/person-19.yaml") ==
          "Round " + std::string(round + 1, 'x') + " person 19");
  }
  CHECK(compacted);
  CHECK(fs::file_size(root / ".peers" / "cache.journal") < 100);
  CHECK(load(root).stats.trusted == 200 + 3 + 11);
}

TEST_CASE("use_cache = false reads every file and writes no cache") {
  TempDir dir;
  fs::path root = make_store(dir);
  Loaded l = load_without_cache(root);
  CHECK(l.stats.parsed == l.stats.files);
  CHECK_FALSE(fs::exists(root / ".peers" / "cache"));
  CHECK(l.documents.size() == 74);
}

TEST_CASE("a store whose cache cannot be written still works, and falls back to cache_dir") {
  TempDir dir;
  fs::path root = make_store(dir);
  fs::remove_all(root / ".peers");
  write_text(root / ".peers", "in the way\n");  // not even root can make a directory here
  Loaded l = load(root);
  CHECK(l.stats.directory.empty());
  CHECK(describe(l.documents) == describe(load_without_cache(root).documents));
  CHECK(read_text(root / ".peers") == "in the way\n");

  StoreOptions options;
  options.cache_dir = dir / "xdg" / "peers";
  Loaded first = load(root, settled(), options);
  CHECK(first.stats.rewrote);
  CHECK(first.stats.directory.parent_path() == dir / "xdg" / "peers");
  Loaded second = load(root, settled(), options);
  CHECK(second.stats.trusted == second.stats.files);
}

TEST_CASE("snapshot() gives identical records with and without the cache") {
  TempDir dir;
  fs::path root = make_store(dir);
  write_text(root / "people" / "person-9.yaml", "name: Broken\nmet: not-a-date\n");
  write_text(root / "people" / "person-10.yaml",
             "name: Full\nhandles:\n  twitter: '@full'\nmet: 2026-01-02\naway_until: 2027-01-01\n"
             "status: left\nforward_to: person-1\nlog:\n  - date: 2026-02-03\n    by: Sam\n"
             "    note: hi\n    mood: good  # kept\nzzz: unknown key\n");
  write_text(root / "questions" / "q1001.yaml",
             "text: full one\nfrom: '@x'\nchannel: email\nasked_at: 2026-11-20T14:03:00Z\n"
             "status: answered\nrouted_to: person-1\nanswer: yes\nanswered_by: person-1\n"
             "answered_at: 2026-11-21T10:00:00Z\ntopics:\n  - topic-1\nhistory:\n"
             "  - at: 2026-11-20T14:03:00Z\n    event: asked\n    by: Sam\n    extra: 1\n");
  auto records = [](const Snapshot& s) {
    std::string out;
    for (const auto& p : s.people) out += p.id + "\n" + emit_yaml(person_to_node(p)) + "--\n";
    for (const auto& t : s.topics) out += t.id + "\n" + emit_yaml(topic_to_node(t)) + "--\n";
    for (const auto& q : s.questions)
      out += q.id + "\n" + emit_yaml(question_to_node(q)) + (q.archived ? "archived" : "") + "--\n";
    for (const auto& p : s.skipped) out += format_location(p.where) + " " + p.message + "\n";
    return out;
  };
  StoreOptions no_cache;
  no_cache.use_cache = false;
  std::string plain = records(Store(root, no_cache).snapshot());
  std::string cold = records(Store(root).snapshot());
  std::string warm = records(Store(root).snapshot());
  CHECK(fs::exists(root / ".peers" / "cache"));
  CHECK(cold == plain);
  CHECK(warm == plain);
  cache::Stats stats;
  std::string typed = records(cache::load_snapshot(root, {}, {Kind::person, Kind::topic, Kind::question}, &stats, settled()));
  std::string from_typed = records(cache::load_snapshot(root, {}, {Kind::person, Kind::topic, Kind::question}, &stats, settled()));
  CHECK(stats.trusted == stats.files);  // decoded from the cached typed records
  CHECK(typed == plain);
  CHECK(from_typed == plain);
  CHECK(plain.find("people/person-9.yaml:2") != std::string::npos);
}

TEST_CASE("a question filter keeps the same questions and fields with and without the cache") {
  TempDir dir;
  fs::path root = make_store(dir);
  write_text(root / "questions" / "q1001.yaml",
             "text: full one\nfrom: '@x'\nchannel: email\nasked_at: 2026-11-20T14:03:00Z\n"
             "status: answered\nrouted_to: person-1\nanswer: yes\nanswered_by: person-1\n"
             "answered_at: 2026-11-21T10:00:00Z\ntopics:\n  - topic-1\nhistory:\n"
             "  - at: 2026-11-20T14:03:00Z\n    event: asked\n    by: Sam\n    extra: 1\n"
             "  - at: 2026-11-21T10:00:00Z\n    event: answered\n    by: person-1\nzzz: 1\n");
  std::atomic<bool> saw_more = false;
  QuestionFilter filter;
  filter.needs = {"status"};
  filter.keep = [&](const Question& q) {
    if (!q.text.empty() || !q.history.empty()) saw_more = true;  // only `needs` is shown
    return q.status != QuestionStatus::open;
  };
  filter.fields = {"answered_by", "topics", "history.at"};
  auto records = [](const Snapshot& s) {
    std::string out;
    for (const auto& q : s.questions)
      out += q.id + "\n" + emit_yaml(question_to_node(q)) + (q.archived ? "archived" : "") + "--\n";
    return out;
  };
  StoreOptions no_cache;
  no_cache.use_cache = false;
  std::string plain = records(Store(root, no_cache).snapshot({Kind::question}, filter));
  std::string cold = records(Store(root).snapshot({Kind::question}, filter));
  cache::Stats stats;
  cache::load_snapshot(root, {}, {Kind::question}, &stats, settled(), nullptr, &filter);
  std::string warm = records(
      cache::load_snapshot(root, {}, {Kind::question}, &stats, settled(), nullptr, &filter));
  CHECK(stats.trusted == stats.files);  // decoded from the cached records, with the masks
  CHECK(cold == plain);
  CHECK(warm == plain);
  CHECK_FALSE(saw_more);
  // The answered one and the closed archived one; of them only the fields asked for.
  Snapshot kept = Store(root).snapshot({Kind::question}, filter);
  REQUIRE(kept.questions.size() == 2);
  const Question& q = kept.questions[1];  // by path: questions/archive/ first
  CHECK(q.id == "q1001");
  CHECK(q.text.empty());
  CHECK(q.from.empty());
  CHECK(q.answered_by == "person-1");
  CHECK(q.topics == std::vector<std::string>{"topic-1"});
  REQUIRE(q.history.size() == 2);
  CHECK(q.history[0].at > 0);
  CHECK(q.history[0].event.empty());
  CHECK(q.history[0].by.empty());
  CHECK(q.history[0].extra.is_null());
  CHECK(q.extra.is_null());
  CHECK(kept.questions[0].id == "qold");
  CHECK(kept.questions[0].archived);
  CHECK_THROWS(Store(root).snapshot({Kind::question}, QuestionFilter{{"no_such_field"}, {}, {}}));
}

TEST_CASE("a question filter with visit hands over the questions it keeps, and keeps none") {
  TempDir dir;
  fs::path root = make_store(dir);
  QuestionFilter kept;
  kept.needs = {"status"};
  kept.keep = [](const Question& q) { return q.status != QuestionStatus::open; };
  kept.fields = {"asked_at", "topics"};
  auto listed = [](const std::vector<Question>& questions) {
    std::vector<std::string> out;
    for (const auto& q : questions)
      out.push_back(q.id + (q.archived ? " archived " : " ") + emit_yaml(question_to_node(q)));
    std::sort(out.begin(), out.end());
    return out;
  };
  std::vector<std::string> expected = listed(Store(root).snapshot({Kind::question}, kept).questions);
  REQUIRE(!expected.empty());
  for (bool use_cache : {false, true, true}) {
    StoreOptions options;
    options.use_cache = use_cache;
    std::mutex seen_lock;
    std::vector<Question> seen;
    QuestionFilter visited = kept;
    visited.visit = [&](const Question& q) {
      std::lock_guard lock(seen_lock);
      seen.push_back(q);
    };
    Snapshot s = Store(root, options).snapshot({Kind::person, Kind::question}, visited);
    CHECK(s.questions.empty());
    CHECK(!s.people.empty());
    CHECK(listed(seen) == expected);
  }
}

TEST_CASE("a question filter without archived reads nothing in questions/archive/ and keeps its entries") {
  TempDir dir;
  fs::path root = make_store(dir);
  load(root);
  write_text(root / "questions" / "archive" / "broken.yaml", "text: [unclosed\n");
  write_text(root / "questions" / "q1000.yaml",
             "text: changed\nasked_at: 2026-11-20T14:03:00Z\nstatus: open\n");
  QuestionFilter active;
  active.archived = false;
  StoreOptions no_cache;
  no_cache.use_cache = false;
  Snapshot plain = Store(root, no_cache).snapshot({Kind::question}, active);
  cache::Stats stats;
  Snapshot cached =
      cache::load_snapshot(root, {}, {Kind::question}, &stats, settled(), nullptr, &active);
  for (const Snapshot* s : {&plain, &cached}) {
    CHECK(s->questions.size() == 40);
    CHECK(std::none_of(s->questions.begin(), s->questions.end(),
                       [](const Question& q) { return q.archived; }));
    CHECK(s->skipped.empty());  // broken.yaml is not even looked at
  }
  CHECK(stats.files == 40);
  CHECK(stats.parsed == 1);  // q1000, recorded in the journal
  // The archived questions' entries are still in the cache: a whole read parses nothing.
  Loaded after = load(root);
  CHECK(after.stats.dropped == 0);
  CHECK(after.stats.parsed == 0);
  CHECK(after.stats.trusted == after.stats.files - 1);  // all but broken.yaml
  CHECK(find(after, "questions/archive/qold.yaml") != nullptr);
  CHECK(after.problems.size() == 1);
}

TEST_CASE("routing is the same with and without the cache: built, restored, or patched after changes") {
  TempDir dir;
  fs::path root = make_store(dir);
  write_text(root / "topics" / "parking.yaml", "name: Parking\naliases:\n  - permits\n");
  write_text(root / "people" / "pia-park.yaml",
             "name: Pia Park\ntitle: Parking manager\nexpertise:\n  - parking\n");
  write_text(root / "people" / "sam-aid.yaml", "name: Sam Aid\nnotes: knows the FAFSA by heart\n");
  for (int i = 0; i < 5; ++i)
    write_text(root / "questions" / ("a" + std::to_string(i) + ".yaml"),
               "text: where do visitors park for game " + std::to_string(i) +
                   "\nasked_at: 2026-11-20T14:03:00Z\nstatus: answered\nanswer: Lot C\n"
                   "answered_by: person-3\nanswered_at: 2026-11-21T10:00:00Z\n");
  RankOptions rank;
  rank.limit = 10;
  rank.now = *parse_timestamp("2026-11-27T12:00:00Z");
  auto ranking = [&](const RoutingResult& r) {
    std::string out = r.good_fit ? "fit\n" : "no fit\n";
    for (const auto& c : r.people)
      out += fmt::format("{} {} {} {}\n", c.id, c.score, c.confidence, fmt::join(c.reasons, "; "));
    return out;
  };
  const std::vector<std::string> questions = {"visitor parking for the game", "wen is the fafsa due",
                                              "parking permits", "meaning of life", "lot c"};
  auto same_as_without_cache = [&](cache::IndexSource expected) {
    std::vector<Problem> skipped;
    cache::IndexSource source;
    RoutingIndex cached = cache::load_routing_index(root, {}, skipped, nullptr, &source, settled());
    CHECK(source == expected);
    StoreOptions no_cache;
    no_cache.use_cache = false;
    RoutingIndex plain = Store(root, no_cache).routing_index(skipped);
    for (const auto& q : questions) CHECK(ranking(cached.route(q, rank)) == ranking(plain.route(q, rank)));
  };
  using S = cache::IndexSource;
  same_as_without_cache(S::built);  // and saved
  CHECK(fs::exists(root / ".peers" / "index"));
  same_as_without_cache(S::restored);
  // Changed, added and removed people and questions: the saved index is patched.
  overwrite_in_place(root / "people" / "sam-aid.yaml", "name: Sam Aid\nnotes: parking permits\n");
  same_as_without_cache(S::patched);  // a patch this small is not saved at once...
  overwrite_in_place(root / "people" / "sam-aid.yaml", "name: Sam Aid\nnotes: parking permits, lots\n");
  same_as_without_cache(S::patched);  // ...nor when the store changed again since...
  same_as_without_cache(S::patched);  // ...but the second time the same patch is made, it is,
  same_as_without_cache(S::restored);  // and the next run restores it
  write_text(root / "people" / "new-person.yaml", "name: New Person\nnotes: game day parking\n");
  fs::remove(root / "questions" / "a1.yaml");
  write_text(root / "questions" / "a9.yaml",
             "text: is lot c open\nasked_at: 2026-11-20T14:03:00Z\nstatus: answered\n"
             "answer: yes\nanswered_by: pia-park\nanswered_at: 2026-11-22T10:00:00Z\n");
  write_text(root / "questions" / "q1003.yaml",
             "text: parking?\nasked_at: 2026-11-20T14:03:00Z\nstatus: routed\nrouted_to: pia-park\n");
  fs::rename(root / "questions" / "a2.yaml", root / "questions" / "archive" / "a2.yaml");
  same_as_without_cache(S::patched);
  fs::remove(root / "people" / "pia-park.yaml");
  same_as_without_cache(S::patched);
  same_as_without_cache(S::patched);
  same_as_without_cache(S::restored);
  // Many changes at once (a pull): the patched index is saved, and the next run restores it.
  for (int i = 0; i < 40; ++i)
    write_text(root / "people" / ("pulled-" + std::to_string(i) + ".yaml"),
               "name: Pulled " + std::to_string(i) + "\nnotes: parking and game day\n");
  same_as_without_cache(S::patched);
  same_as_without_cache(S::restored);
  // A changed topic changes what everyone's expertise means: built anew.
  write_text(root / "topics" / "parking.yaml", "name: Parking\naliases:\n  - permits\n  - lots\n");
  same_as_without_cache(S::built);
  same_as_without_cache(S::restored);
  // A damaged index file is not used.
  std::string index = read_text(root / ".peers" / "index");
  index[index.size() / 2] ^= 0x20;
  write_text(root / ".peers" / "index", index);
  same_as_without_cache(S::built);
  same_as_without_cache(S::restored);
}

TEST_CASE("concurrent writers and readers: every load matches the files") {
  TempDir dir;
  fs::path root = make_store(dir, 80, 20);
  load(root);
  std::atomic<bool> done = false;
  std::atomic<int> bad = 0;
  std::vector<std::thread> writers;
  for (int w = 0; w < 2; ++w)
    writers.emplace_back([&, w] {
      Store store(root);
      for (int round = 0; round < 30; ++round) {
        auto lock = store.lock();
        Person p = read_person(store, "person-" + std::to_string(w * 10 + round % 10));
        p.title = "Title " + std::to_string(round);
        write_person(store, p);
      }
    });
  std::vector<std::thread> readers;
  for (int r = 0; r < 2; ++r)
    readers.emplace_back([&] {
      while (!done) {
        std::vector<Problem> problems;
        auto documents = cache::load_documents(root, {}, all, problems, nullptr, {});
        if (!problems.empty() || documents.size() != 80 + 3 + 21) ++bad;
      }
    });
  for (auto& t : writers) t.join();
  done = true;
  for (auto& t : readers) t.join();
  CHECK(bad == 0);
  // Whatever order the cache updates landed in, it now agrees with the files.
  Loaded after = load(root);
  CHECK(describe(after.documents) == describe(load_without_cache(root).documents));
  CHECK(after.stats.parsed + after.stats.verified + after.stats.trusted == after.stats.files);
}
