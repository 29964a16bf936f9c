// The binary form of typed records in the cache, made by walking the field tables
// (model/fields.hpp): each field's value in table order, then the record's unknown keys.
#include <array>
#include <type_traits>
#include <variant>

#include "cache/cache.hpp"
#include "model/fields.hpp"
#include "util/bytes.hpp"

namespace peers::cache {

using namespace bytes;

namespace {

template <typename R>
void put_fields(std::string& out, const R& record);

void put_node(std::string& out, const Node& node) {
  std::string bytes;
  encode_node(node, bytes);
  put_string(out, bytes);
}

Node take_node(std::string_view& in) {
  std::string_view bytes = take_string(in);
  return decode_node(bytes, 64);
}

std::uint64_t take_count_of(std::string_view& in) {
  std::uint64_t count = take_varint(in);
  if (count > in.size()) throw Corrupt("bad count");
  return count;
}

void put_date(std::string& out, const std::optional<Date>& date) {
  out.push_back(date ? 1 : 0);
  if (date) put_varint(out, static_cast<std::uint64_t>(date->days_since_epoch() + (1 << 30)));
}

std::optional<Date> take_date(std::string_view& in) {
  if (!take<std::uint8_t>(in)) return std::nullopt;
  return Date::from_days(static_cast<std::int64_t>(take_varint(in)) - (1 << 30));
}

// One value, by the type of its member.
void put_value(std::string& out, const std::string& value) { put_string(out, value); }
void take_value(std::string_view& in, std::string& value) { value = std::string(take_string(in)); }

void put_value(std::string& out, const std::vector<std::string>& list) {
  put_varint(out, list.size());
  for (const auto& s : list) put_string(out, s);
}
void take_value(std::string_view& in, std::vector<std::string>& list) {
  std::uint64_t count = take_count_of(in);
  list.reserve(count);
  for (std::uint64_t i = 0; i < count; ++i) list.emplace_back(take_string(in));
}

void put_value(std::string& out, const StringPairs& pairs) {
  put_varint(out, pairs.size());
  for (const auto& [name, value] : pairs) {
    put_string(out, name);
    put_string(out, value);
  }
}
void take_value(std::string_view& in, StringPairs& pairs) {
  std::uint64_t count = take_count_of(in);
  pairs.reserve(count);
  for (std::uint64_t i = 0; i < count; ++i) {
    std::string name(take_string(in));
    pairs.emplace_back(std::move(name), std::string(take_string(in)));
  }
}

void put_value(std::string& out, const std::optional<Date>& date) { put_date(out, date); }
void take_value(std::string_view& in, std::optional<Date>& date) { date = take_date(in); }

void put_value(std::string& out, const Date& date) { put_date(out, date); }
void take_value(std::string_view& in, Date& date) {
  auto taken = take_date(in);
  if (!taken) throw Corrupt("a required date is missing");
  date = *taken;
}

void put_value(std::string& out, const Timestamp& at) { put(out, at); }
void take_value(std::string_view& in, Timestamp& at) { at = take<Timestamp>(in); }

void put_value(std::string& out, const std::optional<Timestamp>& at) {
  out.push_back(at ? 1 : 0);
  if (at) put(out, *at);
}
void take_value(std::string_view& in, std::optional<Timestamp>& at) {
  if (take<std::uint8_t>(in)) at = take<Timestamp>(in);
}

void put_value(std::string& out, const int& value) { put<std::int32_t>(out, value); }
void take_value(std::string_view& in, int& value) { value = take<std::int32_t>(in); }

template <typename Enum>
  requires std::is_enum_v<Enum>
void put_value(std::string& out, const Enum& value) {
  out.push_back(static_cast<char>(value));
}
template <typename Enum, std::size_t N>
void take_enum(std::string_view& in, Enum& value, const std::array<const char*, N>& names) {
  auto taken = take<std::uint8_t>(in);
  if (taken >= names.size()) throw Corrupt("bad status");
  value = static_cast<Enum>(taken);
}
void take_value(std::string_view& in, QuestionStatus& status) {
  take_enum(in, status, question_status_names);
}
void take_value(std::string_view& in, LeadStatus& status) { take_enum(in, status, lead_status_names); }

template <typename Item>
void put_value(std::string& out, const std::vector<Item>& items) {
  put_varint(out, items.size());
  for (const Item& item : items) put_fields(out, item);
}

/// Every field of R's table, in order, then its unknown keys.
template <typename R>
void put_fields(std::string& out, const R& record) {
  for (const auto& field : fields::table<R>())
    std::visit([&](auto member) { put_value(out, record.*member); }, field.member);
  put_node(out, record.extra);
}

// Moving past one value, by the type of its member, without making it.
template <typename R>
void skip_fields(std::string_view& in);

void skip_value(std::string_view& in, const std::string*) { take_string(in); }
void skip_value(std::string_view& in, const std::vector<std::string>*) {
  for (std::uint64_t i = take_count_of(in); i > 0; --i) take_string(in);
}
void skip_value(std::string_view& in, const StringPairs*) {
  for (std::uint64_t i = take_count_of(in); i > 0; --i) {
    take_string(in);
    take_string(in);
  }
}
void skip_value(std::string_view& in, const std::optional<Date>*) { take_date(in); }
void skip_value(std::string_view& in, const Date*) { take_date(in); }
void skip_value(std::string_view& in, const Timestamp*) { take<Timestamp>(in); }
void skip_value(std::string_view& in, const std::optional<Timestamp>*) {
  if (take<std::uint8_t>(in)) take<Timestamp>(in);
}
void skip_value(std::string_view& in, const int*) { take<std::int32_t>(in); }
template <typename Enum>
  requires std::is_enum_v<Enum>
void skip_value(std::string_view& in, const Enum*) {
  take<std::uint8_t>(in);
}
template <typename Item>
void skip_value(std::string_view& in, const std::vector<Item>*) {
  for (std::uint64_t i = take_count_of(in); i > 0; --i) skip_fields<Item>(in);
}

template <typename R>
void skip_fields(std::string_view& in) {
  for (const auto& field : fields::table<R>())
    std::visit(
        [&](auto member) {
          using V = std::decay_t<decltype(std::declval<R&>().*member)>;
          skip_value(in, static_cast<const V*>(nullptr));
        },
        field.member);
  take_string(in);  // extra
}

const fields::FieldMask every_field;

/// The fields `mask` wants, in table order; the others are skipped (and stay empty).
template <typename R>
R take_fields(std::string_view& in, const fields::FieldMask& mask = every_field) {
  R record;
  const auto& table = fields::table<R>();
  for (std::size_t i = 0; i < table.size(); ++i)
    std::visit(
        [&](auto member) {
          auto& value = record.*member;
          using V = std::decay_t<decltype(value)>;
          if (!mask.has(i)) {
            skip_value(in, &value);
          } else if constexpr (fields::is_records<V>) {
            const fields::FieldMask& items = mask.all() ? every_field : mask.items[i];
            std::uint64_t count = take_count_of(in);
            value.reserve(count);
            for (std::uint64_t k = 0; k < count; ++k)
              value.push_back(take_fields<typename V::value_type>(in, items));
          } else {
            take_value(in, value);
          }
        },
        table[i].member);
  if (mask.all() || mask.extra) record.extra = take_node(in);
  else take_string(in);
  return record;
}

template <typename R>
R take_record(std::string_view in, std::string id, const fields::FieldMask& mask = every_field) {
  R record = take_fields<R>(in, mask);
  record.id = std::move(id);
  if (!in.empty()) throw Corrupt("trailing bytes");
  return record;
}

}  // namespace

void encode_record(const Record& record, std::string& out) {
  std::visit(
      [&](const auto& typed) {
        if constexpr (!std::is_same_v<std::decay_t<decltype(typed)>, std::monostate>)
          put_fields(out, typed);
      },
      record);
}

Record decode_record(Kind kind, std::string_view in, std::string id, bool archived) {
  switch (kind) {
    case Kind::person: return take_record<Person>(in, std::move(id));
    case Kind::topic: return take_record<Topic>(in, std::move(id));
    case Kind::question: return decode_question(in, std::move(id), archived, every_field);
    default: throw Corrupt("no typed record for this kind");
  }
}

Question decode_question(std::string_view in, std::string id, bool archived,
                         const fields::FieldMask& mask) {
  Question q = take_record<Question>(in, std::move(id), mask);
  q.archived = archived;
  return q;
}

bool has_typed_record(Kind kind) {
  return kind == Kind::person || kind == Kind::topic || kind == Kind::question;
}

Record to_record(const Node& root, Kind kind, const std::string& id, const std::string& path,
                 bool archived) {
  switch (kind) {
    case Kind::person: return person_from_node(root, id, path);
    case Kind::topic: return topic_from_node(root, id, path);
    case Kind::question: {
      Question q = question_from_node(root, id, path);
      q.archived = archived;
      return q;
    }
    default: return {};
  }
}

}  // namespace peers::cache
