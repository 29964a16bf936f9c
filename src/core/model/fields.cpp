#include "model/fields.hpp"

#include <map>

#include <fmt/format.h>

#include "peers/error.hpp"

namespace peers::fields {

// A member added to one of these structs must be added to its table below, or it would be
// neither read, written, cached nor checked: the sizes make the build fail until then (then
// also raise the cache's format_version in src/core/cache/format.hpp).
static_assert(sizeof(Person) == 760 && sizeof(LogEntry) == 264 && sizeof(Topic) == 328 &&
                  sizeof(Question) == 496 && sizeof(HistoryEntry) == 320 &&
                  sizeof(Event) == 464 && sizeof(Assignment) == 296 && sizeof(Lead) == 448 &&
                  sizeof(LeadChange) == 256 && sizeof(StoreConfig) == 256,
              "a record struct changed: update its table in src/core/model/fields.cpp");

namespace {
using T = FieldType;

std::vector<const char*> names(const auto& values) { return {values.begin(), values.end()}; }

template <typename R>
std::vector<FieldInfo> infos_of() {
  std::vector<FieldInfo> out;
  for (const auto& field : table<R>()) out.push_back(field.info);
  return out;
}
}  // namespace

template <>
const std::vector<Field<LogEntry>>& table<LogEntry>() {
  static const std::vector<Field<LogEntry>> fields = {
      {{"date", T::date, true}, &LogEntry::date},
      {{"by", T::text}, &LogEntry::by},
      {{"note", T::text}, &LogEntry::note},
  };
  return fields;
}

template <>
const std::vector<Field<Person>>& table<Person>() {
  static const std::vector<Field<Person>> fields = {
      {{"name", T::text, true}, &Person::name},
      {{"name_parts", T::map}, &Person::name_parts},
      {{"nicknames", T::list}, &Person::nicknames},
      {{"title", T::text}, &Person::title},
      {{"organization", T::text}, &Person::organization},
      {{"department", T::text}, &Person::department},
      {{"email", T::text}, &Person::email},
      {{"emails", T::list}, &Person::emails},
      {{"phone", T::text}, &Person::phone},
      {{"phones", T::list}, &Person::phones},
      {{"handles", T::map}, &Person::handles},
      {{"expertise", T::list}, &Person::expertise},
      {{"tags", T::list}, &Person::tags},
      {{"met", T::date}, &Person::met},
      {{"status", T::choice, false, names(person_status_names), {}, true}, &Person::status},
      {{"forward_to", T::id}, &Person::forward_to},
      {{"away_until", T::date}, &Person::away_until},
      {{"added_by", T::text}, &Person::added_by},
      {{"notes", T::text}, &Person::notes},
      {{"log", T::records, false, {}, infos_of<LogEntry>()}, &Person::log},
  };
  return fields;
}

template <>
const std::vector<Field<Topic>>& table<Topic>() {
  static const std::vector<Field<Topic>> fields = {
      {{"name", T::text, true}, &Topic::name},
      {{"aliases", T::list}, &Topic::aliases},
      {{"description", T::text}, &Topic::description},
      {{"related", T::ids}, &Topic::related},
  };
  return fields;
}

template <>
const std::vector<Field<HistoryEntry>>& table<HistoryEntry>() {
  static const std::vector<Field<HistoryEntry>> fields = {
      {{"at", T::time, true}, &HistoryEntry::at},
      {{"event", T::text, true}, &HistoryEntry::event},
      {{"to", T::text}, &HistoryEntry::to},
      {{"by", T::text}, &HistoryEntry::by},
      {{"note", T::text}, &HistoryEntry::note},
  };
  return fields;
}

template <>
const std::vector<Field<Question>>& table<Question>() {
  static const std::vector<Field<Question>> fields = {
      {{"text", T::text, true}, &Question::text},
      {{"from", T::text}, &Question::from},
      {{"channel", T::text}, &Question::channel},
      {{"asked_at", T::time, true}, &Question::asked_at},
      {{"status", T::choice, false, names(question_status_names)}, &Question::status},
      {{"routed_to", T::id}, &Question::routed_to},
      {{"answer", T::text}, &Question::answer},
      {{"answered_by", T::id}, &Question::answered_by},
      {{"answered_at", T::time}, &Question::answered_at},
      {{"topics", T::list}, &Question::topics},
      {{"history", T::records, false, {}, infos_of<HistoryEntry>()}, &Question::history},
  };
  return fields;
}

template <>
const std::vector<Field<Assignment>>& table<Assignment>() {
  static const std::vector<Field<Assignment>> fields = {
      {{"person", T::id, true}, &Assignment::person},
      {{"role", T::text, true}, &Assignment::role},
      {{"done_at", T::time}, &Assignment::done_at},
      {{"done_by", T::text}, &Assignment::done_by},
  };
  return fields;
}

template <>
const std::vector<Field<Event>>& table<Event>() {
  static const std::vector<Field<Event>> fields = {
      {{"name", T::text, true}, &Event::name},
      {{"date", T::date, true}, &Event::date},
      {{"end_date", T::date}, &Event::end_date},
      {{"location", T::text}, &Event::location},
      {{"hashtag", T::text}, &Event::hashtag},
      {{"lead", T::id}, &Event::lead},
      {{"notes", T::text}, &Event::notes},
      {{"added_by", T::text}, &Event::added_by},
      {{"assignments", T::records, false, {}, infos_of<Assignment>()}, &Event::assignments},
  };
  return fields;
}

template <>
const std::vector<Field<LeadChange>>& table<LeadChange>() {
  static const std::vector<Field<LeadChange>> fields = {
      {{"at", T::time, true}, &LeadChange::at},
      {{"status", T::choice, false, names(lead_status_names)}, &LeadChange::status},
      {{"by", T::text}, &LeadChange::by},
  };
  return fields;
}

template <>
const std::vector<Field<Lead>>& table<Lead>() {
  static const std::vector<Field<Lead>> fields = {
      {{"title", T::text, true}, &Lead::title},
      {{"from", T::id}, &Lead::from},
      {{"topics", T::list}, &Lead::topics},
      {{"status", T::choice, false, names(lead_status_names)}, &Lead::status},
      {{"link", T::text}, &Lead::link},
      {{"notes", T::text}, &Lead::notes},
      {{"added_by", T::text}, &Lead::added_by},
      {{"added_at", T::time}, &Lead::added_at},
      {{"history", T::records, false, {}, infos_of<LeadChange>()}, &Lead::history},
  };
  return fields;
}

template <>
const std::vector<Field<StoreConfig>>& table<StoreConfig>() {
  static const std::vector<Field<StoreConfig>> fields = {
      {{"peers", T::integer, true}, &StoreConfig::format},
      {{"name", T::text}, &StoreConfig::name},
      {{"archive_after_days", T::integer, false, {}, {}, true}, &StoreConfig::archive_after_days},
      {{"retired_ids", T::ids}, &StoreConfig::retired_ids},
  };
  return fields;
}

namespace {

template <typename R>
std::size_t position_of(std::string_view key) {
  const auto& fields = table<R>();
  for (std::size_t i = 0; i < fields.size(); ++i)
    if (key == fields[i].info.key) return i;
  throw Error(fmt::format("a record has no field '{}' (a bug in peers)", key));
}
}  // namespace

template <typename R>
FieldMask mask_of(const std::vector<std::string>& names) {
  FieldMask mask;
  if (names.empty()) return mask;
  const auto& fields = table<R>();
  mask.wanted.assign(fields.size(), 0);
  mask.items.resize(fields.size());
  std::map<std::size_t, std::vector<std::string>> item_names;  // no entry: every field
  std::vector<char> whole(fields.size(), 0);
  for (const auto& name : names) {
    if (name == "extra") {
      mask.extra = true;
      continue;
    }
    auto dot = name.find('.');
    std::size_t i = position_of<R>(std::string_view(name).substr(0, dot));
    mask.wanted[i] = 1;
    if (dot == std::string::npos) whole[i] = 1;
    else item_names[i].push_back(name.substr(dot + 1));
  }
  for (auto& [i, item_fields] : item_names) {
    if (whole[i]) continue;
    std::visit(
        [&, i = i](auto member) {
          using V = std::decay_t<decltype(std::declval<R&>().*member)>;
          if constexpr (is_records<V>) mask.items[i] = mask_of<typename V::value_type>(item_fields);
          else throw Error(fmt::format("field '{}' has no fields of its own (a bug in peers)",
                                       fields[i].info.key));
        },
        fields[i].member);
  }
  return mask;
}

template <typename R>
void keep_only(R& record, const FieldMask& mask) {
  if (mask.all()) return;
  static const R defaults{};
  const auto& fields = table<R>();
  for (std::size_t i = 0; i < fields.size(); ++i)
    std::visit(
        [&](auto member) {
          auto& value = record.*member;
          if (!mask.wanted[i]) {
            value = defaults.*member;
          } else if constexpr (is_records<std::decay_t<decltype(value)>>) {
            for (auto& item : value) keep_only(item, mask.items[i]);
          }
        },
        fields[i].member);
  if (!mask.extra) record.extra = Node{};
}

template FieldMask mask_of<Question>(const std::vector<std::string>&);
template FieldMask mask_of<Person>(const std::vector<std::string>&);
template void keep_only(Question&, const FieldMask&);
template void keep_only(Person&, const FieldMask&);

const std::vector<FieldInfo>& infos(Kind kind) {
  static const std::vector<FieldInfo> person = infos_of<Person>(), topic = infos_of<Topic>(),
                                      question = infos_of<Question>(), event = infos_of<Event>(),
                                      lead = infos_of<Lead>();
  switch (kind) {
    case Kind::person: return person;
    case Kind::topic: return topic;
    case Kind::question: return question;
    case Kind::event: return event;
    case Kind::lead: return lead;
  }
  return person;  // not reached: every kind is listed
}

const std::vector<FieldInfo>& config_infos() {
  static const std::vector<FieldInfo> config = infos_of<StoreConfig>();
  return config;
}

}  // namespace peers::fields
