#include "peers/model.hpp"

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

template <typename R>
R read_fields(FieldReader& r);
template <typename R>
void write_fields(FieldWriter& w, const R& record);

// Reading one field, by the type of its member.
void read_value(FieldReader& r, const FieldInfo& f, std::string& value) {
  if (f.type == FieldType::id) value = r.id(f.key);
  else if (f.type == FieldType::choice) value = r.choice(f.key, f.choices, f.choices.front());
  else value = r.text(f.key, f.required);
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
void read_value(FieldReader& r, const FieldInfo& f, QuestionStatus& value) {
  value = *parse_question_status(r.choice(f.key, f.choices, f.choices.front()));
}
template <typename Item>
void read_value(FieldReader& r, const FieldInfo& f, std::vector<Item>& value) {
  value = r.records<Item>(f.key, [](FieldReader& item) { return read_fields<Item>(item); });
}

// Writing one field, by the type of its member.
void write_value(FieldWriter& w, const FieldInfo& f, const std::string& value) {
  if (f.omit_default && value == f.choices.front()) return;
  w.text(f.key, value);
}
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
void write_value(FieldWriter& w, const FieldInfo& f, const QuestionStatus& value) {
  w.text(f.key, to_string(value));
}
template <typename Item>
void write_value(FieldWriter& w, const FieldInfo& f, const std::vector<Item>& value) {
  if (value.empty()) return;
  Node items = Node::sequence();
  for (const Item& item : value) {
    FieldWriter item_writer;
    write_fields(item_writer, item);
    items.items.push_back(item_writer.finish(item.extra));
  }
  w.node(f.key, std::move(items));
}

/// Every field of R's table, in order, then the keys the table does not name into `extra`.
template <typename R>
R read_fields(FieldReader& r) {
  R record;
  for (const auto& field : fields::table<R>())
    std::visit([&](auto member) { read_value(r, field.info, record.*member); }, field.member);
  record.extra = r.unknown();
  return record;
}

template <typename R>
void write_fields(FieldWriter& w, const R& record) {
  for (const auto& field : fields::table<R>())
    std::visit([&](auto member) { write_value(w, field.info, record.*member); }, field.member);
}

template <typename R>
R record_from_node(const Node& node, std::string id, const std::string& file) {
  FieldReader r(node, file);
  R record = read_fields<R>(r);
  record.id = std::move(id);
  return record;
}

template <typename R>
Node record_to_node(const R& record) {
  FieldWriter w;
  write_fields(w, record);
  return w.finish(record.extra);
}

}  // namespace

Person person_from_node(const Node& node, std::string id, const std::string& file) {
  return record_from_node<Person>(node, std::move(id), file);
}
Node person_to_node(const Person& person) { return record_to_node(person); }
Topic topic_from_node(const Node& node, std::string id, const std::string& file) {
  return record_from_node<Topic>(node, std::move(id), file);
}
Node topic_to_node(const Topic& topic) { return record_to_node(topic); }
Question question_from_node(const Node& node, std::string id, const std::string& file) {
  return record_from_node<Question>(node, std::move(id), file);
}
Node question_to_node(const Question& question) { return record_to_node(question); }

StoreConfig config_from_node(const Node& node, const std::string& file) {
  FieldReader r(node, file);
  StoreConfig c;
  auto format = r.integer("peers");
  if (!format)
    throw Error(Location{file, 1, 1}, "'peers' (the store format version) is missing",
                "add the line 'peers: 1' at the top of peers.yaml");
  if (*format > current_format || *format < 1)
    throw Error(Location{file, 1, 1},
                fmt::format("store format {} is not supported by this peers (it reads format {})",
                            *format, current_format),
                "upgrade peers to a version that knows this format");
  c.format = *format;
  c.name = r.text("name");
  if (auto days = r.integer("archive_after_days")) {
    if (*days < 1) {
      const Node* at = node.find("archive_after_days");
      throw Error(Location{file, at ? at->mark.line : 0, at ? at->mark.column : 0},
                  fmt::format("'archive_after_days' is {}; it must be a number of days, at least 1",
                              *days),
                  "set it to how many days a question stays before it is archived, e.g. "
                  "'archive_after_days: 180' (or remove the line for the default, 180)");
    }
    c.archive_after_days = *days;
  }
  c.retired_ids = r.id_list("retired_ids");
  c.extra = r.unknown();
  return c;
}

Node config_to_node(const StoreConfig& c) {
  FieldWriter w;
  w.integer("peers", c.format);
  w.text("name", c.name);
  if (c.archive_after_days != 180) w.integer("archive_after_days", c.archive_after_days);
  w.list("retired_ids", c.retired_ids);
  return w.finish(c.extra);
}

}  // namespace peers
