#pragma once
// The field tables: one per record kind (and per kind of list entry), listing each key in
// canonical order with its type, whether it is required, its allowed values and the struct
// member it lives in. Reading and writing records (model.cpp), the cache's binary form
// (cache/records.cpp) and `check`'s field checks (check/file_checks.cpp) all walk these tables, so
// a new field is one line here (see docs/architecture.md, "Adding a field"). Private to
// peers_core.
#include <string>
#include <type_traits>
#include <variant>
#include <vector>

#include "peers/events.hpp"
#include "peers/model.hpp"
#include "model/schema.hpp"

namespace peers::fields {

enum class FieldType { text, list, map, date, time, id, ids, choice, integer, records };

/// What `check` and the readers know of one key, without the struct behind it.
struct FieldInfo {
  const char* key;
  FieldType type;
  bool required = false;
  std::vector<const char*> choices = {};  // for choice: the allowed values, the default first
  std::vector<FieldInfo> item_fields = {};  // for records: the fields of each entry
  bool omit_default = false;  // a value equal to the struct's default is not written
};

/// Where a field's value lives in the record struct R.
template <typename R>
using Member =
    std::variant<std::string R::*, std::vector<std::string> R::*, StringPairs R::*,
                 std::optional<Date> R::*, Date R::*, Timestamp R::*, std::optional<Timestamp> R::*,
                 int R::*, QuestionStatus R::*, LeadStatus R::*, std::vector<LogEntry> R::*,
                 std::vector<HistoryEntry> R::*, std::vector<Assignment> R::*,
                 std::vector<LeadChange> R::*>;

/// Whether a member of type V is a list of entries with a table of their own.
template <typename V>
inline constexpr bool is_records =
    std::is_same_v<V, std::vector<LogEntry>> || std::is_same_v<V, std::vector<HistoryEntry>> ||
    std::is_same_v<V, std::vector<Assignment>> || std::is_same_v<V, std::vector<LeadChange>>;

template <typename R>
struct Field {
  FieldInfo info;
  Member<R> member;
};

/// The table of R: a record (Person, Topic, Question, Event, Lead, StoreConfig) or a kind of
/// list entry (LogEntry, HistoryEntry, Assignment, LeadChange). Every struct member but `id`,
/// `archived` (both from the file's path) and `extra` (the keys peers does not know) is in it.
template <typename R>
const std::vector<Field<R>>& table();

/// Which fields of a record a read fills (the others stay empty): by position in its table,
/// with, for a field of records (a question's history), which fields of each entry.
struct FieldMask {
  std::vector<char> wanted;      // by table position; empty: every field, and the unknown keys
  std::vector<FieldMask> items;  // by table position: for a field of records, its entries'
  bool extra = false;            // the unknown keys (`extra`) too

  bool all() const { return wanted.empty(); }
  bool has(std::size_t field) const { return wanted.empty() || wanted[field]; }
};

/// The mask of R's fields named: keys of its table ("status"), a key of the entries of a field
/// of records ("history.at"; "history" alone is every field of each entry) or "extra". No
/// names: every field. Throws on a name the table does not have (a bug in the caller).
template <typename R>
FieldMask mask_of(const std::vector<std::string>& names);

/// Empties every field of `record` that `mask` leaves out.
template <typename R>
void keep_only(R& record, const FieldMask& mask);

/// The keys of a kind's table with their types (`check`).
const std::vector<FieldInfo>& infos(Kind kind);
/// The same for peers.yaml.
const std::vector<FieldInfo>& config_infos();

/// Every field of R's table, in order, then the keys the table does not name into `extra`.
/// A missing field keeps R's default. Throws a located Error on the first wrong field.
template <typename R>
R read_fields(schema::FieldReader& reader);
/// R's fields in canonical order, then `extra`.
template <typename R>
Node write_fields(const R& record);

}  // namespace peers::fields
