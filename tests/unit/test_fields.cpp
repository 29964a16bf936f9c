// The field tables (src/core/model/fields.hpp): every field of every kind is read, written,
// cached (encoded and decoded) and checked.
#include <doctest/doctest.h>

#include <string>

#include <fmt/format.h>

#include "cache/cache.hpp"
#include "model/fields.hpp"
#include "peers/check.hpp"
#include "peers/events.hpp"
#include "peers/yaml.hpp"

using namespace peers;
using fields::FieldInfo;
using fields::FieldType;

namespace {

/// A valid value of the field's type, as YAML after "key:".
std::string sample(const FieldInfo& f, int indent = 2) {
  std::string pad(static_cast<std::size_t>(indent), ' ');
  switch (f.type) {
    case FieldType::text: return " sample text";
    case FieldType::id: return " maria-lopez";
    case FieldType::ids: return "\n" + pad + "- maria-lopez";
    case FieldType::list: return "\n" + pad + "- one item";
    case FieldType::map: return "\n" + pad + "twitter: '@maria'";
    case FieldType::date: return " 2024-05-01";
    case FieldType::time: return " 2024-05-01T10:00:00Z";
    case FieldType::integer: return " 7";
    case FieldType::choice: return std::string(" ") + f.choices.back();
    case FieldType::records: {
      std::string entry;
      for (const FieldInfo& item : f.item_fields) {
        entry += fmt::format("{}{}{}:{}\n", pad, entry.empty() ? "- " : "  ", item.key,
                             sample(item, indent + 4));
      }
      return "\n" + entry.substr(0, entry.size() - 1);
    }
  }
  return {};
}

/// A value of the wrong type for the field.
std::string wrong(const FieldInfo& f) {
  switch (f.type) {
    case FieldType::list:
    case FieldType::ids:
    case FieldType::map:
    case FieldType::records: return " just text";
    case FieldType::choice: return " no-such-value";
    default: return "\n  a: map";
  }
}

struct KindCase {
  Kind kind;
  const char* path;
  std::string required;  // the required fields, without the one under test
};

const KindCase kinds[] = {
    {Kind::person, "people/maria-lopez.yaml", "name: Maria Lopez\n"},
    {Kind::topic, "topics/admissions.yaml", "name: Admissions\n"},
    {Kind::question, "questions/q1.yaml", "text: When?\nasked_at: 2024-05-01T09:00:00Z\n"},
};

/// The text of a record with its required fields and `key` set to `value`.
std::string record_text(const KindCase& k, const FieldInfo& f, const std::string& value) {
  std::string text;
  for (const FieldInfo& required : fields::infos(k.kind)) {
    if (!required.required || required.key == std::string(f.key)) continue;
    std::string line = required.key + std::string(":");
    auto at = k.required.find(line);
    REQUIRE(at != std::string::npos);
    text += k.required.substr(at, k.required.find('\n', at) - at + 1);
  }
  return text + f.key + ":" + value + "\n";
}

Node to_node(const cache::Record& record) {
  if (auto* p = std::get_if<Person>(&record)) return person_to_node(*p);
  if (auto* t = std::get_if<Topic>(&record)) return topic_to_node(*t);
  if (auto* q = std::get_if<Question>(&record)) return question_to_node(*q);
  return Node::map();
}

const Node& extra_of(const cache::Record& record) {
  if (auto* p = std::get_if<Person>(&record)) return p->extra;
  if (auto* t = std::get_if<Topic>(&record)) return t->extra;
  return std::get<Question>(record).extra;
}

}  // namespace

TEST_CASE("field tables: every field of every kind reads, writes, encodes, decodes and checks") {
  for (const KindCase& k : kinds) {
    REQUIRE_FALSE(fields::infos(k.kind).empty());
    for (const FieldInfo& f : fields::infos(k.kind)) {
      CAPTURE(k.path);
      CAPTURE(f.key);
      std::string text = record_text(k, f, sample(f));
      CAPTURE(text);
      // Reads: the value reaches the typed record (not its unknown keys).
      Node root = parse_yaml(text, k.path);
      auto id = std::string(classify_path(k.path).id);
      cache::Record record = cache::to_record(root, k.kind, id, k.path, false);
      CHECK(extra_of(record).find(f.key) == nullptr);
      // Writes: it comes back under its key with the same data.
      Node written = to_node(record);
      REQUIRE(written.find(f.key) != nullptr);
      CHECK(written.find(f.key)->same_data(*root.find(f.key)));
      // Encodes and decodes: the cache gives back the same record.
      std::string bytes;
      cache::encode_record(record, bytes);
      cache::Record decoded = cache::decode_record(k.kind, bytes, id, false);
      CHECK(to_node(decoded).same_data(written));
      // Checks: the valid value passes, a value of the wrong type is reported at its key.
      for (const Finding& finding : check_file(load_store_file(k.path, text)))
        CHECK(finding.severity == Severity::warning);  // not-canonical at most
      std::vector<Finding> findings = check_file(load_store_file(k.path, record_text(k, f, wrong(f))));
      REQUIRE_FALSE(findings.empty());
      CHECK(findings.front().severity == Severity::error);
      CHECK(findings.front().message.find(fmt::format("'{}'", f.key)) != std::string::npos);
    }
  }
}

TEST_CASE("field tables: a required field that is missing is reported and refused") {
  for (const KindCase& k : kinds)
    for (const FieldInfo& f : fields::infos(k.kind)) {
      if (!f.required) continue;
      CAPTURE(f.key);
      std::string text = record_text(k, f, " ''");
      std::vector<Finding> findings = check_file(load_store_file(k.path, text));
      REQUIRE_FALSE(findings.empty());
      CHECK(findings.front().code == "missing-key");
      CHECK_THROWS_AS(cache::to_record(parse_yaml(text, k.path), k.kind, "x", k.path, false), Error);
    }
}

TEST_CASE("field tables: keys no table names are kept in extra and written back last") {
  Node root = parse_yaml("name: Maria Lopez\nzodiac: leo\n", "people/maria-lopez.yaml");
  Person p = person_from_node(root, "maria-lopez", "people/maria-lopez.yaml");
  REQUIRE(p.extra.find("zodiac") != nullptr);
  CHECK(emit_yaml(person_to_node(p)) == "name: Maria Lopez\nzodiac: leo\n");
}

TEST_CASE("field tables: a default choice is left out only where the table says so") {
  Person p;
  p.name = "Maria Lopez";
  CHECK(person_to_node(p).find("status") == nullptr);  // "active" is not written
  Question q;
  q.text = "When?";
  CHECK(question_to_node(q).find("status") != nullptr);  // "open" is
  CHECK(std::string(to_string(QuestionStatus::closed)) == "closed");
  CHECK(parse_question_status("routed") == QuestionStatus::routed);
  CHECK_FALSE(parse_question_status("nonsense").has_value());
}

namespace {

/// Events, leads and peers.yaml, which the cache does not keep: read and written by their own
/// functions, through the same tables.
struct UncachedKind {
  const char* path;
  const std::vector<FieldInfo>& infos;
  std::string required;
  Node (*round_trip)(const Node& root, const std::string& path);
};

const UncachedKind uncached[] = {
    {"events/gala.yaml", fields::infos(Kind::event), "name: Gala\ndate: 2024-05-01\n",
     [](const Node& root, const std::string& path) {
       return event_to_node(event_from_node(root, "gala", path));
     }},
    {"leads/l1.yaml", fields::infos(Kind::lead), "title: A story\n",
     [](const Node& root, const std::string& path) {
       return lead_to_node(lead_from_node(root, "l1", path));
     }},
    {"peers.yaml", fields::config_infos(), "peers: 1\n",
     [](const Node& root, const std::string& path) {
       return config_to_node(config_from_node(root, path));
     }},
};

/// A valid value; the fields whose reader checks more than the type get one that passes.
std::string valid_sample(const FieldInfo& f) {
  std::string key = f.key;
  if (key == "hashtag") return " '#Gala24'";
  if (key == "link") return " https://news.example.org/gala";
  if (key == "peers") return " 1";
  return sample(f);
}

std::string text_with(const UncachedKind& k, const FieldInfo& f, const std::string& value) {
  std::string text;
  for (const FieldInfo& required : k.infos) {
    if (!required.required || required.key == std::string(f.key)) continue;
    auto at = k.required.find(required.key + std::string(":"));
    REQUIRE(at != std::string::npos);
    text += k.required.substr(at, k.required.find('\n', at) - at + 1);
  }
  return text + f.key + ":" + value + "\n";
}

}  // namespace

TEST_CASE("field tables: events, leads and peers.yaml read, write and check every field") {
  for (const UncachedKind& k : uncached) {
    REQUIRE_FALSE(k.infos.empty());
    for (const FieldInfo& f : k.infos) {
      CAPTURE(k.path);
      CAPTURE(f.key);
      std::string text = text_with(k, f, valid_sample(f));
      CAPTURE(text);
      Node root = parse_yaml(text, k.path);
      Node written = k.round_trip(root, k.path);
      REQUIRE(written.find(f.key) != nullptr);
      CHECK(written.find(f.key)->same_data(*root.find(f.key)));
      for (const Finding& finding : check_file(load_store_file(k.path, text)))
        CHECK(finding.severity == Severity::warning);
      std::vector<Finding> findings = check_file(load_store_file(k.path, text_with(k, f, wrong(f))));
      REQUIRE_FALSE(findings.empty());
      CHECK(findings.front().severity == Severity::error);
      CHECK(findings.front().message.find(fmt::format("'{}'", f.key)) != std::string::npos);
      if (f.required) {
        std::string missing = text_with(k, f, " ''");
        CHECK(check_file(load_store_file(k.path, missing)).front().code == "missing-key");
        CHECK_THROWS_AS(k.round_trip(parse_yaml(missing, k.path), k.path), Error);
      }
    }
  }
}

TEST_CASE("field tables: what an event's or a lead's table cannot say is still refused and checked") {
  auto finding = [](const std::string& path, const std::string& text) {
    std::vector<Finding> findings = check_file(load_store_file(path, text));
    REQUIRE(findings.size() == 1);
    return findings.front();
  };
  Finding before = finding("events/gala.yaml", "name: Gala\ndate: 2024-05-02\nend_date: 2024-05-01\n");
  CHECK(before.message == "'end_date' is before 'date'");
  CHECK(before.where.line == 3);
  CHECK(finding("events/gala.yaml", "name: Gala\ndate: 2024-05-01\nhashtag: Gala\n").message ==
        "'hashtag' should start with '#'");
  CHECK(finding("events/gala.yaml",
                "name: Gala\ndate: 2024-05-01\nassignments:\n- person: ann\n  role: a\n"
                "- person: ann\n  role: b\n")
            .message == "'ann' has two assignments in this event");
  CHECK(finding("leads/l1.yaml", "title: T\nlink: news\n").message ==
        "'link' is not a web address: 'news'");
  // A lead's history entry may leave out its status; the lead's own status defaults to idea.
  Lead lead = lead_from_node(parse_yaml("title: T\nhistory:\n- at: 2024-05-01T10:00:00Z\n", "leads/l1.yaml"),
                             "l1", "leads/l1.yaml");
  CHECK(lead.status == LeadStatus::idea);
  REQUIRE(lead.history.size() == 1);
  CHECK(lead.history.front().status.empty());
  CHECK(emit_yaml(lead_to_node(lead)) == "title: T\nstatus: idea\nhistory:\n  - at: 2024-05-01T10:00:00Z\n");
  // peers.yaml: archive_after_days is written only when it is not the default.
  StoreConfig config;
  CHECK(emit_yaml(config_to_node(config)) == "peers: 1\n");
  config.archive_after_days = 30;
  CHECK(emit_yaml(config_to_node(config)) == "peers: 1\narchive_after_days: 30\n");
}
