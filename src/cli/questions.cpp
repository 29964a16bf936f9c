#include "questions.hpp"

#include <fmt/format.h>

#include "output.hpp"
#include "peers/text.hpp"

namespace peers::cli {

void print_question(const Output& io, const Question& q, Timestamp now) {
  io.out << io.style(q.id, "bold") << "  " << to_string(q.status)
         << (q.archived ? " (archived)" : "") << '\n';
  io.out << "  " << safe(q.text) << '\n';
  Table t;
  auto row = [&](const char* label, const std::string& value) {
    if (!value.empty()) t.add({std::string("  ") + label, value});
  };
  row("from", safe(q.from));
  row("channel", safe(q.channel));
  row("asked", format_local_time(q.asked_at) + " (" + format_age(now - q.asked_at) + " ago)");
  row("routed to", q.routed_to);
  row("answered by", q.answered_by);
  if (q.answered_at) row("answered", format_local_time(*q.answered_at));
  t.print(io);
  if (!q.answer.empty()) {
    io.out << io.style("Answer", "bold") << '\n';
    for (const auto& line : split(safe_multiline(q.answer), '\n')) io.out << "  " << line << '\n';
  }
  if (!q.history.empty()) {
    io.out << io.style("History", "bold") << '\n';
    Table h;
    for (const auto& e : q.history) {
      std::vector<std::string> details;
      if (!e.to.empty()) details.push_back("to " + safe(e.to));
      if (!e.by.empty()) details.push_back("by " + safe(e.by));
      if (!e.note.empty()) details.push_back(safe(e.note));
      h.add({"  " + format_local_time(e.at), safe(e.event), join(details, ", ")});
    }
    h.print(io);
  }
}

}  // namespace peers::cli
