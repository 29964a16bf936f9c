#include "records_json.hpp"

#include "peers/contacts.hpp"

namespace peers::cli {
namespace {

using json = nlohmann::ordered_json;

json optional_date(const std::optional<Date>& d) { return d ? json(d->str()) : json(nullptr); }
json optional_time(const std::optional<Timestamp>& t) {
  return t ? json(format_timestamp(*t)) : json(nullptr);
}
json text_or_null(const std::string& s) { return s.empty() ? json(nullptr) : json(s); }

/// `emails`/`phones` items as [{"value": ..., "type": ... or null}].
json typed_list(const std::vector<std::string>& items) {
  json out = json::array();
  for (const auto& item : items) {
    auto [value, type] = split_typed_value(item);
    out.push_back({{"value", value}, {"type", text_or_null(type)}});
  }
  return out;
}

void add_unknown(json& out, const Node& extra) {
  for (const auto& entry : extra.entries)
    if (!out.contains(entry.key)) out[entry.key] = to_json(entry.value);
}

}  // namespace

json to_json(const Node& node) {
  switch (node.kind) {
    case Node::Kind::Null: return nullptr;
    case Node::Kind::Scalar: return node.scalar;
    case Node::Kind::Sequence: {
      json a = json::array();
      for (const auto& item : node.items) a.push_back(to_json(item));
      return a;
    }
    case Node::Kind::Map: {
      json o = json::object();
      for (const auto& entry : node.entries) o[entry.key] = to_json(entry.value);
      return o;
    }
  }
  return nullptr;
}

json to_json(const Person& p) {
  json handles = json::object();
  for (const auto& [network, handle] : p.handles) handles[network] = handle;
  json log = json::array();
  for (const auto& e : p.log) {
    json entry = {{"date", e.date.str()}, {"by", text_or_null(e.by)}, {"note", e.note}};
    add_unknown(entry, e.extra);
    log.push_back(std::move(entry));
  }
  json name_parts = nullptr;
  if (!p.name_parts.empty()) {
    NameParts n = name_parts_of(p);
    name_parts = {{"prefix", text_or_null(n.prefix)}, {"given", text_or_null(n.given)},
                  {"middle", text_or_null(n.middle)}, {"family", text_or_null(n.family)},
                  {"suffix", text_or_null(n.suffix)}};
  }
  json out = {{"id", p.id},
              {"name", p.name},
              {"name_parts", name_parts},
              {"nicknames", p.nicknames},
              {"title", text_or_null(p.title)},
              {"organization", text_or_null(p.organization)},
              {"department", text_or_null(p.department)},
              {"email", text_or_null(split_typed_value(p.email).first)},
              {"email_type", text_or_null(split_typed_value(p.email).second)},
              {"emails", typed_list(p.emails)},
              {"phone", text_or_null(split_typed_value(p.phone).first)},
              {"phone_type", text_or_null(split_typed_value(p.phone).second)},
              {"phones", typed_list(p.phones)},
              {"handles", handles},
              {"expertise", p.expertise},
              {"tags", p.tags},
              {"met", optional_date(p.met)},
              {"status", p.status},
              {"forward_to", text_or_null(p.forward_to)},
              {"away_until", optional_date(p.away_until)},
              {"added_by", text_or_null(p.added_by)},
              {"notes", text_or_null(p.notes)},
              {"log", log}};
  add_unknown(out, p.extra);
  return out;
}

json to_json(const Topic& t) {
  json out = {{"id", t.id},
              {"name", t.name},
              {"aliases", t.aliases},
              {"description", text_or_null(t.description)},
              {"related", t.related}};
  add_unknown(out, t.extra);
  return out;
}

json to_json(const Question& q) {
  json history = json::array();
  for (const auto& h : q.history) {
    json entry = {{"at", format_timestamp(h.at)},
                  {"event", h.event},
                  {"to", text_or_null(h.to)},
                  {"by", text_or_null(h.by)},
                  {"note", text_or_null(h.note)}};
    add_unknown(entry, h.extra);
    history.push_back(std::move(entry));
  }
  json out = {{"id", q.id},
              {"text", q.text},
              {"from", text_or_null(q.from)},
              {"channel", text_or_null(q.channel)},
              {"asked_at", format_timestamp(q.asked_at)},
              {"status", to_string(q.status)},
              {"routed_to", text_or_null(q.routed_to)},
              {"answer", text_or_null(q.answer)},
              {"answered_by", text_or_null(q.answered_by)},
              {"answered_at", optional_time(q.answered_at)},
              {"topics", q.topics},
              {"archived", q.archived},
              {"history", history}};
  add_unknown(out, q.extra);
  return out;
}

}  // namespace peers::cli
