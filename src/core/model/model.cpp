#include "peers/model.hpp"

#include <fmt/format.h>

#include "peers/error.hpp"
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

const char* to_string(QuestionStatus status) {
  switch (status) {
    case QuestionStatus::open: return "open";
    case QuestionStatus::routed: return "routed";
    case QuestionStatus::answered: return "answered";
    case QuestionStatus::closed: return "closed";
  }
  return "open";
}

std::optional<QuestionStatus> parse_question_status(std::string_view text) {
  for (auto s : {QuestionStatus::open, QuestionStatus::routed, QuestionStatus::answered,
                 QuestionStatus::closed})
    if (text == to_string(s)) return s;
  return std::nullopt;
}

Person person_from_node(const Node& node, std::string id, const std::string& file) {
  FieldReader r(node, file);
  Person p;
  p.id = std::move(id);
  p.name = r.text("name", true);
  p.title = r.text("title");
  p.department = r.text("department");
  p.email = r.text("email");
  p.phone = r.text("phone");
  p.handles = r.string_map("handles");
  p.expertise = r.list("expertise");
  p.tags = r.list("tags");
  p.met = r.date("met");
  p.status = r.choice("status", {"active", "left"}, "active");
  p.forward_to = r.id("forward_to");
  p.away_until = r.date("away_until");
  p.added_by = r.text("added_by");
  p.notes = r.text("notes");
  p.log = r.records<LogEntry>("log", [](FieldReader& item) {
    LogEntry e;
    e.date = *item.date("date", true);
    e.note = item.text("note");
    e.by = item.text("by");
    e.extra = item.unknown();
    return e;
  });
  p.extra = r.unknown();
  return p;
}

Node person_to_node(const Person& p) {
  FieldWriter w;
  w.text("name", p.name);
  w.text("title", p.title);
  w.text("department", p.department);
  w.text("email", p.email);
  w.text("phone", p.phone);
  w.string_map("handles", p.handles);
  w.list("expertise", p.expertise);
  w.list("tags", p.tags);
  w.date("met", p.met);
  if (p.status != "active") w.text("status", p.status);
  w.text("forward_to", p.forward_to);
  w.date("away_until", p.away_until);
  w.text("added_by", p.added_by);
  w.text("notes", p.notes);
  if (!p.log.empty()) {
    Node log = Node::sequence();
    for (const auto& e : p.log) {
      FieldWriter item;
      item.date("date", e.date);
      item.text("by", e.by);
      item.text("note", e.note);
      log.items.push_back(item.finish(e.extra));
    }
    w.node("log", std::move(log));
  }
  return w.finish(p.extra);
}

Topic topic_from_node(const Node& node, std::string id, const std::string& file) {
  FieldReader r(node, file);
  Topic t;
  t.id = std::move(id);
  t.name = r.text("name", true);
  t.aliases = r.list("aliases");
  t.description = r.text("description");
  t.related = r.id_list("related");
  t.extra = r.unknown();
  return t;
}

Node topic_to_node(const Topic& t) {
  FieldWriter w;
  w.text("name", t.name);
  w.list("aliases", t.aliases);
  w.text("description", t.description);
  w.list("related", t.related);
  return w.finish(t.extra);
}

Question question_from_node(const Node& node, std::string id, const std::string& file) {
  FieldReader r(node, file);
  Question q;
  q.id = std::move(id);
  q.text = r.text("text", true);
  q.from = r.text("from");
  q.channel = r.text("channel");
  q.asked_at = *r.timestamp("asked_at", true);
  auto status = r.choice("status", {"open", "routed", "answered", "closed"}, "open");
  q.status = *parse_question_status(status);
  q.routed_to = r.id("routed_to");
  q.answer = r.text("answer");
  q.answered_by = r.id("answered_by");
  q.answered_at = r.timestamp("answered_at");
  q.topics = r.list("topics");
  q.history = r.records<HistoryEntry>("history", [](FieldReader& item) {
    HistoryEntry h;
    h.at = *item.timestamp("at", true);
    h.event = item.text("event", true);
    h.to = item.text("to");
    h.by = item.text("by");
    h.note = item.text("note");
    h.extra = item.unknown();
    return h;
  });
  q.extra = r.unknown();
  return q;
}

Node question_to_node(const Question& q) {
  FieldWriter w;
  w.text("text", q.text);
  w.text("from", q.from);
  w.text("channel", q.channel);
  w.timestamp("asked_at", q.asked_at);
  w.text("status", to_string(q.status));
  w.text("routed_to", q.routed_to);
  w.text("answer", q.answer);
  w.text("answered_by", q.answered_by);
  w.timestamp("answered_at", q.answered_at);
  w.list("topics", q.topics);
  if (!q.history.empty()) {
    Node history = Node::sequence();
    for (const auto& h : q.history) {
      FieldWriter item;
      item.timestamp("at", h.at);
      item.text("event", h.event);
      item.text("to", h.to);
      item.text("by", h.by);
      item.text("note", h.note);
      history.items.push_back(item.finish(h.extra));
    }
    w.node("history", std::move(history));
  }
  return w.finish(q.extra);
}

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
  if (auto days = r.integer("archive_after_days")) c.archive_after_days = *days;
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
