#include "peers/model.hpp"

#include <type_traits>
#include <variant>

#include <fmt/format.h>

#include "peers/error.hpp"
#include "model/fields.hpp"
#include "model/schema.hpp"

namespace peers {

using schema::FieldReader;
using schema::FieldWriter;

const std::vector<KindInfo>& all_kinds() {
  static const std::vector<KindInfo> kinds = {
      {Kind::person, "people", "person"},     {Kind::topic, "topics", "topic"},
      {Kind::question, "questions", "question"}, {Kind::event, "events", "event"},
      {Kind::lead, "leads", "lead"}};
  return kinds;
}

const KindInfo& info(Kind kind) { return all_kinds()[static_cast<std::size_t>(kind)]; }

const char* to_string(QuestionStatus status) { return enum_name(status, question_status_names); }

std::optional<QuestionStatus> parse_question_status(std::string_view text) {
  return enum_value<QuestionStatus>(text, question_status_names);
}

namespace {

using fields::FieldInfo;
using fields::FieldType;

// Reading one field, by the type of its member, which holds the struct's default until read.
void read_value(FieldReader& r, const FieldInfo& f, std::string& value) {
  if (f.type == FieldType::id) {
    if (f.required) r.text(f.key, true);  // says it is missing
    value = r.id(f.key);
  } else if (f.type == FieldType::choice) {
    value = r.choice(f.key, f.choices, value);
  } else {
    value = r.text(f.key, f.required);
  }
}
void read_value(FieldReader& r, const FieldInfo& f, std::vector<std::string>& value) {
  value = f.type == FieldType::ids ? r.id_list(f.key) : r.list(f.key);
}
void read_value(FieldReader& r, const FieldInfo& f, StringPairs& value) { value = r.string_map(f.key); }
void read_value(FieldReader& r, const FieldInfo& f, std::optional<Date>& value) {
  value = r.date(f.key, f.required);
}
void read_value(FieldReader& r, const FieldInfo& f, Date& value) { value = *r.date(f.key, true); }
void read_value(FieldReader& r, const FieldInfo& f, Timestamp& value) {
  value = *r.timestamp(f.key, true);
}
void read_value(FieldReader& r, const FieldInfo& f, std::optional<Timestamp>& value) {
  value = r.timestamp(f.key, f.required);
}
void read_value(FieldReader& r, const FieldInfo& f, int& value) {
  if (auto number = r.integer(f.key)) value = *number;
}
void read_value(FieldReader& r, const FieldInfo& f, QuestionStatus& value) {
  value = *parse_question_status(r.choice(f.key, f.choices, to_string(value)));
}
void read_value(FieldReader& r, const FieldInfo& f, LeadStatus& value) {
  value = *parse_lead_status(r.choice(f.key, f.choices, to_string(value)));
}
template <typename Item>
void read_value(FieldReader& r, const FieldInfo& f, std::vector<Item>& value) {
  value = r.records<Item>(f.key, [](FieldReader& item) { return fields::read_fields<Item>(item); });
}

// Writing one field, by the type of its member.
void write_value(FieldWriter& w, const FieldInfo& f, const std::string& value) { w.text(f.key, value); }
void write_value(FieldWriter& w, const FieldInfo& f, const std::vector<std::string>& value) {
  w.list(f.key, value);
}
void write_value(FieldWriter& w, const FieldInfo& f, const StringPairs& value) {
  w.string_map(f.key, value);
}
void write_value(FieldWriter& w, const FieldInfo& f, const std::optional<Date>& value) {
  w.date(f.key, value);
}
void write_value(FieldWriter& w, const FieldInfo& f, const Date& value) { w.date(f.key, value); }
void write_value(FieldWriter& w, const FieldInfo& f, const Timestamp& value) {
  w.timestamp(f.key, value);
}
void write_value(FieldWriter& w, const FieldInfo& f, const std::optional<Timestamp>& value) {
  w.timestamp(f.key, value);
}
void write_value(FieldWriter& w, const FieldInfo& f, const int& value) { w.integer(f.key, value); }
void write_value(FieldWriter& w, const FieldInfo& f, const QuestionStatus& value) {
  w.text(f.key, to_string(value));
}
void write_value(FieldWriter& w, const FieldInfo& f, const LeadStatus& value) {
  w.text(f.key, to_string(value));
}
template <typename Item>
void write_value(FieldWriter& w, const FieldInfo& f, const std::vector<Item>& value) {
  if (value.empty()) return;
  Node items = Node::sequence();
  for (const Item& item : value) items.items.push_back(fields::write_fields(item));
  w.node(f.key, std::move(items));
}

template <typename R>
R record_from_node(const Node& node, std::string id, const std::string& file) {
  FieldReader r(node, file);
  R record = fields::read_fields<R>(r);
  record.id = std::move(id);
  return record;
}

}  // namespace

namespace fields {

template <typename R>
R read_fields(FieldReader& r) {
  R record;
  for (const auto& field : table<R>())
    std::visit([&](auto member) { read_value(r, field.info, record.*member); }, field.member);
  record.extra = r.unknown();
  return record;
}

template <typename R>
Node write_fields(const R& record) {
  static const R defaults{};
  FieldWriter w;
  for (const auto& field : table<R>())
    std::visit(
        [&](auto member) {
          using Value = std::remove_cvref_t<decltype(record.*member)>;
          if constexpr (std::is_same_v<Value, std::string> || std::is_same_v<Value, int>)
            if (field.info.omit_default && record.*member == defaults.*member) return;
          write_value(w, field.info, record.*member);
        },
        field.member);
  return w.finish(record.extra);
}

template Person read_fields(FieldReader&);
template Topic read_fields(FieldReader&);
template Question read_fields(FieldReader&);
template Event read_fields(FieldReader&);
template Lead read_fields(FieldReader&);
template StoreConfig read_fields(FieldReader&);
template Node write_fields(const Person&);
template Node write_fields(const Topic&);
template Node write_fields(const Question&);
template Node write_fields(const Event&);
template Node write_fields(const Lead&);
template Node write_fields(const StoreConfig&);

}  // namespace fields

Person person_from_node(const Node& node, std::string id, const std::string& file) {
  return record_from_node<Person>(node, std::move(id), file);
}
Node person_to_node(const Person& person) { return fields::write_fields(person); }
Topic topic_from_node(const Node& node, std::string id, const std::string& file) {
  return record_from_node<Topic>(node, std::move(id), file);
}
Node topic_to_node(const Topic& topic) { return fields::write_fields(topic); }
Question question_from_node(const Node& node, std::string id, const std::string& file) {
  return record_from_node<Question>(node, std::move(id), file);
}
Node question_to_node(const Question& question) { return fields::write_fields(question); }

StoreConfig config_from_node(const Node& node, const std::string& file) {
  FieldReader r(node, file);
  // The format first: a newer store may use its other fields differently.
  auto format = r.integer("peers");
  if (!format)
    throw Error(Location{file, 1, 1}, "'peers' (the store format version) is missing",
                "add the line 'peers: 1' at the top of peers.yaml");
  if (*format > current_format || *format < 1)
    throw Error(Location{file, 1, 1},
                fmt::format("store format {} is not supported by this peers (it reads format {})",
                            *format, current_format),
                "upgrade peers to a version that knows this format");
  StoreConfig c = fields::read_fields<StoreConfig>(r);
  if (c.archive_after_days < 1) {
    const Node* at = node.find("archive_after_days");
    throw Error(Location{file, at ? at->mark.line : 0, at ? at->mark.column : 0},
                fmt::format("'archive_after_days' is {}; it must be a number of days, at least 1",
                            c.archive_after_days),
                "set it to how many days a question stays before it is archived, e.g. "
                "'archive_after_days: 180' (or remove the line for the default, 180)");
  }
  return c;
}

Node config_to_node(const StoreConfig& c) { return fields::write_fields(c); }

}  // namespace peers
