#pragma once
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "context.hpp"
#include "peers/inbox.hpp"
#include "peers/routing.hpp"
#include "questions.hpp"

namespace peers::cli {

/// What `peers triage` did with one row of the file.
struct TriageItem {
  enum class Status { recorded, already_recorded, left_out, bad_row };
  Status status = Status::recorded;
  InboxMessage message;    // its line and what it says (only the line for a bad row)
  std::string reason;      // why it was left out, or why the row is bad
  std::string question;    // the question id (recorded, or already recorded)
  Timestamp asked_at = 0;
  std::optional<Candidate> best;  // the person to ask
  std::vector<std::string> closest_topics;  // when nobody fits
  std::string routed_to;   // the person it was handed to in this run (--route)
  std::string needs_look;  // with --route: why it was not handed over
  std::optional<AnsweredBefore> same_as;  // an answered near duplicate
};

struct TriageRun {
  std::vector<TriageItem> items;  // in the file's order
  std::string display;            // the file's name, or "stdin"
  std::string preset_title;       // "Hootsuite Inbox", or ""
  bool dry_run = false;
  bool route = false;
};

/// Each new question with its best person and a reusable answer; with --route, the ones left
/// for a human at the end.
void print_triage(const Output& io, const TriageRun& run);
/// One block per colleague: what to ask them, ready to paste.
void print_by_person(const Output& io, const TriageRun& run);
/// One object per row of the file (docs/format.md, "peers triage --json").
nlohmann::ordered_json triage_json(const TriageRun& run);
/// The counts, and each message left out or bad row, on stderr.
void report_triage(const Output& io, const TriageRun& run);

}  // namespace peers::cli
