#include <doctest/doctest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>

#include <fmt/format.h>

#include "peers/check.hpp"
#include "peers/text.hpp"
#include "temp_dir.hpp"

using namespace peers;

namespace {

const char* config = "peers: 1\nname: Westbrook\n";
const char* maria = "name: Maria Lopez\nemail: mlopez@westbrook.edu\n";

std::vector<Finding> check(std::vector<std::pair<std::string, std::string>> files,
                           std::vector<std::string> bad_names = {},
                           std::vector<std::string> temp_files = {}) {
  std::vector<StoreFile> loaded;
  loaded.push_back(load_store_file("peers.yaml", config));
  for (auto& [path, text] : files) loaded.push_back(load_store_file(path, text));
  return check_store(make_check_input(std::move(loaded), std::move(bad_names),
                                      std::move(temp_files)));
}

const Finding* find_code(const std::vector<Finding>& findings, const std::string& code) {
  auto it = std::find_if(findings.begin(), findings.end(),
                         [&](const Finding& f) { return f.code == code; });
  return it == findings.end() ? nullptr : &*it;
}

}  // namespace

TEST_CASE("check: a clean store has no findings") {
  CHECK(check({{"people/maria-lopez.yaml", maria},
               {"topics/admissions.yaml", "name: Admissions\naliases:\n  - enrollment\n"}})
            .empty());
}

TEST_CASE("check: YAML syntax errors with file, line and column") {
  auto f = check({{"people/maria-lopez.yaml", "name: Maria\ntitle: [Director\n"}});
  const Finding* syntax = find_code(f, "yaml-syntax");
  REQUIRE(syntax);
  CHECK(syntax->severity == Severity::error);
  CHECK(syntax->where.file == "people/maria-lopez.yaml");
  CHECK(syntax->where.line >= 2);
  CHECK(syntax->where.column >= 1);
}

TEST_CASE("check: conflict markers are explained, one finding per block") {
  auto f = check({{"people/maria-lopez.yaml",
                   "name: Maria Lopez\n<<<<<<< ours\nemail: a@x.org\n=======\nemail: b@x.org\n"
                   ">>>>>>> theirs\n"}});
  REQUIRE(f.size() == 1);
  CHECK(f[0].code == "conflict-marker");
  CHECK(f[0].where.line == 2);
  CHECK(f[0].message ==
        "unresolved merge conflict (lines 2-6): one side has 'email: a@x.org', the other "
        "'email: b@x.org'");
}

TEST_CASE("check: missing required keys, wrong types, bad dates, bad values") {
  auto f = check({{"people/a.yaml", "title: Dean\n"},
                  {"people/b.yaml", "name: B\ntags: press\n"},
                  {"people/c.yaml", "name: C\nmet: 2026-13-40\n"},
                  {"people/d.yaml", "name: D\nstatus: gone\n"},
                  {"questions/q1.yaml", "text: Hi\nasked_at: yesterday\n"},
                  {"people/e.yaml", "name: E\nlog:\n  - by: Sam\n"}});
  auto at = [&](const std::string& file) {
    std::vector<std::string> codes;
    for (const auto& x : f)
      if (x.where.file == file) codes.push_back(x.code);
    return codes;
  };
  CHECK(at("people/a.yaml") == std::vector<std::string>{"missing-key"});
  CHECK(at("people/b.yaml") == std::vector<std::string>{"wrong-type"});
  CHECK(at("people/c.yaml") == std::vector<std::string>{"bad-date"});
  CHECK(at("people/d.yaml") == std::vector<std::string>{"bad-value"});
  CHECK(at("questions/q1.yaml") == std::vector<std::string>{"bad-date"});
  CHECK(at("people/e.yaml") == std::vector<std::string>{"missing-key"});
  const Finding* date = find_code(f, "bad-date");
  REQUIRE(date);
  CHECK(date->where.line == 2);
  CHECK(date->where.column == 6);
}

TEST_CASE("check: references to people and topics that do not exist") {
  auto f = check({{"people/maria-lopez.yaml", "name: Maria Lopez\nforward_to: jose-nunez\n"},
                  {"topics/admissions.yaml", "name: Admissions\nrelated:\n  - financial-aid\n"},
                  {"questions/q2.yaml",
                   "text: Hi\nasked_at: 2026-11-20T10:00:00Z\nstatus: answered\nanswer: March 1\n"
                   "answered_by: maria-lopz\n"}});
  std::vector<std::string> codes;
  for (const auto& x : f) codes.push_back(x.code + " " + x.where.file);
  CHECK(join(codes, ", ") ==
        "unknown-person people/maria-lopez.yaml, unknown-person questions/q2.yaml, "
        "unknown-topic topics/admissions.yaml");
  const Finding* typo = nullptr;
  for (const auto& x : f)
    if (x.where.file == "questions/q2.yaml") typo = &x;
  REQUIRE(typo);
  CHECK(typo->hint == "did you mean 'maria-lopez'?");
}

TEST_CASE("check: possible duplicates by email and by similar name are warnings") {
  auto f = check({{"people/maria-lopez.yaml", maria},
                  {"people/maria-lopez-2.yaml", "name: María López\n"},
                  {"people/m-lopez.yaml", "name: M. Lopez\nemail: MLopez@westbrook.edu\n"},
                  {"people/jose-nunez.yaml", "name: Jose Nunez\n"},
                  {"people/jose-nunes.yaml", "name: Jose Nunes\n"}});
  std::vector<std::string> dups;
  for (const auto& x : f)
    if (x.code == "possible-duplicate") {
      CHECK(x.severity == Severity::warning);
      dups.push_back(x.where.file);
    }
  // Jose Nunes / Jose Nunez: one letter apart; M. Lopez shares Maria's email (reported on the
  // later id); María López is Maria Lopez with accents.
  CHECK(join(dups, ", ") ==
        "people/jose-nunez.yaml, people/maria-lopez-2.yaml, people/maria-lopez.yaml");
}

TEST_CASE("check: similar names are found among many people without comparing every pair") {
  std::vector<std::pair<std::string, std::string>> files;
  for (int i = 0; i < 300; ++i)  // distinct names: "Person 0" ... "Person 299" differ by digits
    files.push_back({fmt::format("people/person-{}.yaml", i), fmt::format("name: Person {}\n", i)});
  files.push_back({"people/alexandra-whitfield.yaml", "name: Alexandra Whitfield\n"});
  files.push_back({"people/alexandra-whitfeild.yaml", "name: Alexandra Whitfeild\n"});  // swapped
  files.push_back({"people/christopher-montgomery.yaml", "name: Christopher Montgomery\n"});
  files.push_back({"people/christophor-montgommery.yaml", "name: Christophor Montgommery\n"});  // 2 edits
  files.push_back({"people/sam-lee.yaml", "name: Sam Lee\n"});
  files.push_back({"people/sam-li.yaml", "name: Sam Li\n"});  // short names: never "similar"
  files.push_back({"people/zoe-garcia.yaml", "name: Garcia Zoe\n"});  // word order does not matter
  files.push_back({"people/zoe-garcia-2.yaml", "name: Zoe Garcia\n"});
  std::vector<std::string> dups;
  for (const auto& x : check(files))
    if (x.code == "possible-duplicate") dups.push_back(x.where.file);
  CHECK(join(dups, ", ") ==
        "people/alexandra-whitfield.yaml, people/christophor-montgommery.yaml, "
        "people/zoe-garcia-2.yaml");
}

TEST_CASE("check: an alias claimed by two topics") {
  auto f = check({{"topics/financial-aid.yaml", "name: Financial aid\naliases:\n  - FAFSA\n"},
                  {"topics/scholarships.yaml", "name: Scholarships\naliases:\n  - fafsa\n"}});
  REQUIRE(f.size() == 1);
  CHECK(f[0].code == "alias-conflict");
  CHECK(f[0].where.file == "topics/scholarships.yaml");
  CHECK(f[0].where.line == 3);
}

TEST_CASE("check: CRLF and non-canonical files are fixable warnings") {
  auto f = check({{"people/a.yaml", "name: A\r\ntitle: Dean\r\n"},
                  {"people/b.yaml", "title: Dean\nname:   B\n"}});
  REQUIRE(f.size() == 2);
  CHECK(f[0].code == "crlf");
  CHECK(f[0].fixable);
  CHECK(f[1].code == "not-canonical");
  CHECK(f[1].where.file == "people/b.yaml");
  CHECK(f[1].where.line == 1);
  CHECK(f[1].severity == Severity::warning);
}

TEST_CASE("check: canonical_text keeps comments and unknown keys") {
  StoreFile file = load_store_file("people/a.yaml", "zeta: 1\n# who\nname: A  # really\n");
  CHECK(canonical_text(file).value_or("none") == "# who\nname: A  # really\nzeta: '1'\n");
}

TEST_CASE("check: question status that contradicts its history") {
  auto f = check({{"people/maria-lopez.yaml", maria},
                  {"questions/q3.yaml",
                   "text: Hi\nasked_at: 2026-11-20T10:00:00Z\nstatus: open\nhistory:\n"
                   "  - at: 2026-11-20T10:00:00Z\n    event: asked\n"
                   "  - at: 2026-11-21T10:00:00Z\n    event: answered\n    by: maria-lopez\n"},
                  {"questions/q4.yaml",
                   "text: Hi\nasked_at: 2026-11-20T10:00:00Z\nstatus: routed\n"}});
  std::vector<std::string> files;
  for (const auto& x : f) {
    CHECK(x.code == "status-mismatch");
    files.push_back(x.where.file);
  }
  CHECK(join(files, ", ") == "questions/q3.yaml, questions/q4.yaml");
}

TEST_CASE("check: invalid file names and left-over temp files") {
  auto f = check({}, {"people/Maria Lopez.yaml"}, {"people/.maria-lopez.yaml.tmp-12-abcd"});
  REQUIRE(f.size() == 2);
  CHECK(f[0].code == "temp-file");
  CHECK(f[0].fixable);
  CHECK(f[1].code == "invalid-file-name");
  CHECK(f[1].severity == Severity::error);
}

TEST_CASE("classify_path: kinds, archive and leading directories") {
  CHECK(classify_path("people/maria-lopez.yaml").kind == Kind::person);
  CHECK(classify_path("store/questions/archive/abc.yaml").archived);
  CHECK(classify_path("store/questions/archive/abc.yaml").id == "abc");
  CHECK(classify_path("peers.yaml").is_config);
  CHECK_FALSE(classify_path("docs/x.yaml").kind.has_value());
}

namespace {

void write_text(const std::filesystem::path& path, const std::string& text) {
  std::filesystem::create_directories(path.parent_path());
  std::ofstream(path, std::ios::binary) << text;
}

/// A store on disk with a problem of every kind: in single files, and across files.
std::filesystem::path make_troubled_store(const peers::testing::TempDir& dir) {
  std::filesystem::path root = dir / "store";
  write_text(root / "peers.yaml", config);
  write_text(root / "people/maria-lopez.yaml",
             "name: Maria Lopez\nemail: mlopez@westbrook.edu\nforward_to: ana-ruis\n");
  write_text(root / "people/ana-ruiz.yaml", "name: Ana Ruiz\n");
  write_text(root / "people/maria-lopez-2.yaml", "name: María López\n");
  write_text(root / "people/maria-lopes.yaml", "name: Maria Lopes\nmet: 2026-13-40\n");
  write_text(root / "people/jose-nunez.yaml", "name: José Núñez\r\ntitle: [Director\r\n");
  write_text(root / "people/mark-chen.yaml", "department: Aid\nname: Mark Chen\n");
  write_text(root / "people/.mark-chen.yaml.tmp-12-abcd", "name: Mark\n");
  write_text(root / "people/Mark Chen.yaml", "name: Mark\n");
  write_text(root / "topics/admissions.yaml", "name: Admissions\naliases:\n  - enrollment\n");
  write_text(root / "topics/enrollment.yaml",
             "name: Enrollment\naliases:\n  - enrollment\nrelated:\n  - admisions\n");
  write_text(root / "questions/q1.yaml",
             "text: Hi\nasked_at: 2026-11-20T10:00:00Z\nstatus: routed\nrouted_to: nobody\n");
  write_text(root / "questions/archive/q0.yaml",
             "text: Old\nasked_at: 2025-11-20T10:00:00Z\nstatus: answered\n");
  return root;
}

std::string describe(const std::vector<Finding>& findings) {
  std::string out;
  for (const auto& f : findings)
    out += fmt::format("{}:{}:{} {} {} {} | {} | {}\n", f.where.file, f.where.line,
                       f.where.column, to_string(f.severity), f.code, f.message, f.hint, f.fixable);
  return out;
}

StoreOptions without_cache() {
  StoreOptions options;
  options.use_cache = false;
  return options;
}

}  // namespace

TEST_CASE("check: remembered findings are the findings of reading every file") {
  peers::testing::TempDir dir;
  auto root = make_troubled_store(dir);
  std::string every_file = describe(check_store(read_store_for_check(root, without_cache())));
  for (const char* code : {"unknown-person", "unknown-topic", "bad-date", "yaml-syntax", "crlf",
                           "not-canonical", "temp-file", "invalid-file-name", "alias-conflict",
                           "possible-duplicate", "status-mismatch"})
    CHECK_MESSAGE(every_file.find(std::string(" ") + code + " ") != std::string::npos, code);

  CheckInput first = read_store_for_check(root);
  CHECK(first.parsed == 11);  // peers.yaml and the 10 records
  CHECK(describe(check_store(first)) == every_file);
  CHECK(std::filesystem::exists(root / ".peers/check"));

  // Nothing changed: only peers.yaml and the two files that are not valid records are read.
  CheckInput second = read_store_for_check(root);
  CHECK(second.parsed == 3);
  CHECK(describe(check_store(second)) == every_file);

  SUBCASE("a hand edit is seen, and only that file is read") {
    write_text(root / "people/maria-lopes.yaml", "name: Maria Lopes\nmet: 2026-11-20\n");
    CheckInput third = read_store_for_check(root);
    CHECK(third.parsed == 3);
    std::string now = describe(check_store(third));
    CHECK(now == describe(check_store(read_store_for_check(root, without_cache()))));
    CHECK(now.find("bad-date") == std::string::npos);
    write_text(root / "people/maria-lopes.yaml", "name: Maria Lopes\nmet: 2026-13-40\n");
    CHECK(describe(check_store(read_store_for_check(root))) == every_file);
  }
  SUBCASE("a deleted file's findings go with it") {
    std::filesystem::remove(root / "questions/q1.yaml");
    std::string now = describe(check_store(read_store_for_check(root)));
    CHECK(now == describe(check_store(read_store_for_check(root, without_cache()))));
    CHECK(now.find("questions/q1.yaml") == std::string::npos);
  }
  SUBCASE("a damaged memory is ignored and made anew") {
    write_text(root / ".peers/check", "PEERSCK1 and then nonsense, not a checksum in sight");
    CheckInput again = read_store_for_check(root);
    CHECK(again.parsed == 11);
    CHECK(describe(check_store(again)) == every_file);
    CHECK(read_store_for_check(root).parsed == 3);
  }
  SUBCASE("without the record cache the memory still gives the same findings") {
    std::filesystem::remove(root / ".peers/cache");
    CHECK(describe(check_store(read_store_for_check(root))) == every_file);
  }
}

TEST_CASE("check: a whole check is remembered until any file is added, removed or changed") {
  peers::testing::TempDir dir;
  auto root = make_troubled_store(dir);
  auto fresh = [&] { return describe(check_store(read_store_for_check(root, without_cache()))); };
  const std::string every_file = fresh();
  CHECK(describe(check_whole_store(root)) == every_file);
  CHECK(std::filesystem::exists(root / ".peers/check.store"));
  // Given again without reading the store: read_store_for_check would write its memo anew.
  std::filesystem::remove(root / ".peers/check");
  CHECK(describe(check_whole_store(root)) == every_file);
  CHECK_FALSE(std::filesystem::exists(root / ".peers/check"));

  auto seen = [&](const char* what) {
    INFO(what);
    std::string now = describe(check_whole_store(root));
    CHECK(now == fresh());
    CHECK(now != every_file);
    CHECK(std::filesystem::exists(root / ".peers/check"));  // the store was read
    std::filesystem::remove(root / ".peers/check");
    CHECK(describe(check_whole_store(root)) == now);  // and remembered again
    CHECK_FALSE(std::filesystem::exists(root / ".peers/check"));
  };
  SUBCASE("a record edited by hand, the same size") {
    write_text(root / "people/ana-ruiz.yaml", "nome: Ana Ruiz\n");
    seen("edited");
  }
  SUBCASE("a record that is not valid, edited") {
    write_text(root / "people/jose-nunez.yaml", "name: José Núñez\r\ntitle: Director\r\n");
    seen("invalid edited");
  }
  SUBCASE("a record removed") {
    std::filesystem::remove(root / "people/ana-ruiz.yaml");
    seen("removed");
  }
  SUBCASE("a record added") {
    write_text(root / "people/ana-ruis.yaml", "name: Ana Ruis\n");
    seen("added");
  }
  SUBCASE("peers.yaml edited") {
    write_text(root / "peers.yaml", "peers: 1\nname: Westbrook\nretired_ids: [ana-ruiz]\n");
    seen("config");
  }
  SUBCASE("an event added") {
    write_text(root / "events/fair.yaml", "name: Fair\ndate: 2026-12-01\nlead: nobody\n");
    seen("event");
  }
  SUBCASE("a file that is not a record") {
    std::filesystem::remove(root / "people/.mark-chen.yaml.tmp-12-abcd");
    seen("temp file");
  }
  SUBCASE("a damaged memory is ignored and made anew") {
    write_text(root / ".peers/check.store", "PEERSCS1 and then nonsense");
    CHECK(describe(check_whole_store(root)) == every_file);
    std::filesystem::remove(root / ".peers/check");
    CHECK(describe(check_whole_store(root)) == every_file);
    CHECK_FALSE(std::filesystem::exists(root / ".peers/check"));
  }
  SUBCASE("without the cache nothing is remembered") {
    std::filesystem::remove_all(root / ".peers");
    CHECK(describe(check_whole_store(root, without_cache())) == every_file);
    CHECK_FALSE(std::filesystem::exists(root / ".peers/check.store"));
  }
}

TEST_CASE("check: a whole check brought up to date with a few changed files finds what a whole check finds") {
  peers::testing::TempDir dir;
  auto root = make_troubled_store(dir);
  write_text(root / "people/sam-lee.yaml", "name: Sam Lee\nemail: sam@westbrook.edu\n");
  auto fresh = [&] { return describe(check_store(read_store_for_check(root, without_cache()))); };
  const std::string before = fresh();
  CHECK(describe(check_whole_store(root)) == before);
  // A store that was read writes read_store_for_check's memo anew; one brought up to date
  // from check.store does not.
  auto updated_alone = [&](const char* what, bool alone) {
    INFO(what);
    std::filesystem::remove(root / ".peers/check");
    std::string now = describe(check_whole_store(root));
    CHECK(now == fresh());
    CHECK(std::filesystem::exists(root / ".peers/check") == !alone);
    CHECK(describe(check_whole_store(root)) == now);  // remembered as it is now
    return now;
  };
  SUBCASE("lines added above a duplicate's name move its finding") {
    write_text(root / "people/maria-lopez-2.yaml", "# met at the fair\n\nname: María López\n");
    std::string now = updated_alone("moved", true);
    CHECK(now.find("people/maria-lopez-2.yaml:3:7 warning possible-duplicate") != std::string::npos);
    write_text(root / "people/ana-ruiz.yaml", "name: Ana Ruiz\ntitle: Dean\n");
    write_text(root / "topics/admissions.yaml", "# ours\nname: Admissions\naliases:\n  - enrollment\n");
    updated_alone("two more", true);
  }
  SUBCASE("files of every kind at once, one of them with no finding before") {
    write_text(root / "questions/archive/q0.yaml",
               "# old\ntext: Old\nasked_at: 2025-11-20T10:00:00Z\nstatus: answered\n");
    write_text(root / "topics/admissions.yaml", "name: Admissions\naliases: [enrollment]\n");
    write_text(root / "people/sam-lee.yaml", "name:   Sam Lee\nemail: sam@westbrook.edu\n");
    write_text(root / "people/maria-lopez-2.yaml", "# met at the fair\nname: María López\n");
    updated_alone("every kind", true);
  }
  SUBCASE("an edit that makes a duplicate") {
    write_text(root / "people/sam-lee.yaml", "name: Ana Ruiz\nemail: sam@westbrook.edu\n");
    std::string now = updated_alone("made", false);
    CHECK(now.find("sam-lee may be the same person as ana-ruiz") != std::string::npos);
  }
  SUBCASE("an edit that removes a duplicate") {
    write_text(root / "people/maria-lopez-2.yaml", "name: Marta Lorca\n");
    std::string now = updated_alone("removed", false);
    CHECK(now.find("maria-lopez-2 may be") == std::string::npos);
  }
  SUBCASE("the same email") {
    write_text(root / "people/sam-lee.yaml", "name: Sam Lee\nemail: mlopez@westbrook.edu\n");
    CHECK(updated_alone("email", false).find("the same email") != std::string::npos);
  }
  SUBCASE("a reference that no longer dangles, and one that does") {
    write_text(root / "questions/q1.yaml",
               "text: Hi\nasked_at: 2026-11-20T10:00:00Z\nstatus: routed\nrouted_to: sam-lee\n");
    updated_alone("fixed", false);
    write_text(root / "people/sam-lee.yaml", "name: Sam Lee\nforward_to: nobody\n");
    CHECK(updated_alone("dangling", false).find("'nobody'") != std::string::npos);
  }
  SUBCASE("a finding that does not point at the name cannot be moved") {
    write_text(root / "questions/q1.yaml", "# ours\ntext: Hi\nasked_at: 2026-11-20T10:00:00Z\n"
                                           "status: routed\nrouted_to: nobody\n");
    CHECK(updated_alone("dangling moved", false).find("questions/q1.yaml:5:") != std::string::npos);
  }
  SUBCASE("a record that becomes invalid") {
    write_text(root / "people/sam-lee.yaml", "name: [Sam Lee\n");
    updated_alone("broken", false);
  }
}

TEST_CASE("check: check.store keeps each message once, however many findings say it") {
  peers::testing::TempDir dir;
  auto root = make_troubled_store(dir);
  for (int i = 0; i < 20; ++i)
    write_text(root / fmt::format("people/p{}.yaml", i), fmt::format("name:   P {}\n", i));
  auto times_kept = [&](std::string_view text) {
    std::ifstream in(root / ".peers/check.store", std::ios::binary);
    std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    std::size_t count = 0;
    for (auto at = bytes.find(text); at != std::string::npos; at = bytes.find(text, at + 1)) ++count;
    return count;
  };
  const std::string message = "not in the canonical format";
  auto fresh = [&] { return describe(check_store(read_store_for_check(root, without_cache()))); };
  std::string all = describe(check_whole_store(root));
  CHECK(all == fresh());
  CHECK(std::count(all.begin(), all.end(), '\n') > 20);
  CHECK(times_kept(message) == 1);
  // Brought up to date with a changed file that says the same, and one that says more.
  write_text(root / "people/p3.yaml", "name:    P 3\n");
  write_text(root / "people/p4.yaml", "name: P 4\r\n");
  std::filesystem::remove(root / ".peers/check");
  all = describe(check_whole_store(root));
  CHECK_FALSE(std::filesystem::exists(root / ".peers/check"));  // not read again
  CHECK(all == fresh());
  CHECK(times_kept(message) == 1);
  CHECK(describe(check_whole_store(root)) == all);
}

TEST_CASE("check: a remembered file's duplicate is located without reading the file again") {
  peers::testing::TempDir dir;
  std::filesystem::path root = dir / "store";
  write_text(root / "peers.yaml", config);
  write_text(root / "people/ana-ruiz.yaml", "name: Ana Ruiz\n");
  write_text(root / "people/ana-ruiz-2.yaml", "# met at the fair\ntitle: Dean\nname: Ana Ruiz\n");
  auto duplicate = [](const std::vector<Finding>& findings) {
    for (const auto& f : findings)
      if (f.code == "possible-duplicate") return f.where;
    return Location{};
  };
  CHECK(duplicate(check_store(read_store_for_check(root))).line == 3);
  CheckInput second = read_store_for_check(root);
  CHECK(second.parsed == 1);  // peers.yaml only
  // Changed after it was read: a finding located by parsing the file again would say line 1.
  write_text(root / "people/ana-ruiz-2.yaml", "name: Ana Ruiz\ntitle: Dean\n");
  Location where = duplicate(check_store(second));
  CHECK(where.file == "people/ana-ruiz-2.yaml");
  CHECK(where.line == 3);
  CHECK(where.column == 7);
}

TEST_CASE("check: with a focus, the store checkers find what they find without it, for those records") {
  // Duplicates in chains (a person whose first match is not the focused one), references to
  // nobody both ways, alias clashes among three topics.
  std::vector<std::pair<std::string, std::string>> files = {
      {"people/alexandra-whitfield.yaml", "name: Alexandra Whitfield\nforward_to: nobody\n"},
      {"people/alexandra-whitfeild.yaml", "name: Alexandra Whitfeild\n"},
      {"people/alexandra-whitfielde.yaml", "name: Alexandra Whitfielde\nemail: a@w.edu\n"},
      {"people/b-whit.yaml", "name: B Whit\nemail: A@w.edu\nforward_to: alexandra-whitfield\n"},
      {"people/maria-lopez.yaml", maria},
      {"people/maria-lopez-2.yaml", "name: María López\n"},
      {"people/zoe-garcia.yaml", "name: Garcia Zoe\n"},
      {"topics/financial-aid.yaml", "name: Financial aid\naliases:\n  - FAFSA\nrelated:\n  - gone\n"},
      {"topics/scholarships.yaml", "name: Scholarships\naliases:\n  - fafsa\n  - grants\n"},
      {"topics/grants.yaml", "name: Grants\naliases:\n  - FAFSA\nrelated:\n  - financial-aid\n"},
      {"questions/q1.yaml", "text: Where?\nrouted_to: nobody\nanswered_by: maria-lopez\n"},
      {"questions/q2.yaml", "text: When?\nrouted_to: zoe-garcia\n"},
  };
  auto input = [&] {
    std::vector<StoreFile> loaded;
    loaded.push_back(load_store_file("peers.yaml", config));
    for (auto& [path, text] : files) loaded.push_back(load_store_file(path, text));
    return make_check_input(std::move(loaded));
  };
  CheckInput whole = input();
  std::vector<Finding> all = check_store(whole);
  auto key = [](const Finding& f) {
    return fmt::format("{}:{}:{} {} {} | {}", f.where.file, f.where.line, f.where.column, f.code,
                       f.message, f.hint);
  };
  std::vector<std::string> ids = {"nobody", "gone"};
  for (auto& [path, text] : files) ids.push_back(classify_path(path).id);
  for (const auto& id : ids) {
    CAPTURE(id);
    CheckInput focused = input();
    focused.focus.emplace({id});
    std::vector<std::string> got, want;
    for (const auto& f : check_store(focused)) got.push_back(key(f));
    // What a partial check keeps: findings in the record's file, or that name it.
    auto names = [&](const std::string& text) {
      for (std::size_t at = text.find(id); at != std::string::npos; at = text.find(id, at + 1)) {
        auto id_char = [](char c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-'; };
        std::size_t end = at + id.size();
        if ((at == 0 || !id_char(text[at - 1])) && (end == text.size() || !id_char(text[end])))
          return true;
      }
      return false;
    };
    for (const auto& f : all)
      if (classify_path(f.where.file).id == id || names(f.message)) want.push_back(key(f));
    std::vector<std::string> kept;
    for (const auto& g : got)
      if (std::find(want.begin(), want.end(), g) != want.end()) kept.push_back(g);
    CHECK(kept == want);  // everything that concerns the record, in the same order
    for (const auto& g : got)  // and nothing a full check would not say
      CHECK(std::find_if(all.begin(), all.end(), [&](const Finding& f) { return key(f) == g; }) !=
            all.end());
  }
  CHECK(std::count_if(all.begin(), all.end(),
                      [](const Finding& f) { return f.code == "possible-duplicate"; }) >= 3);
  CHECK(find_code(all, "alias-conflict"));
  CHECK(find_code(all, "unknown-topic"));
}
