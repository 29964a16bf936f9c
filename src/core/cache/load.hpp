#pragma once
// One load of the store's record files through the cache (load.cpp): which files there are,
// what became of each, and where their contents go. Private to src/core/cache.
#include <deque>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "cache/format.hpp"

namespace peers::cache {

constexpr std::size_t no_entry = static_cast<std::size_t>(-1);

struct FileRef {
  Kind kind;
  bool archived;
  int dir;                // index into the open directory descriptors
  std::uint32_t name_at;  // where the file name starts in `path`
  std::string_view path;  // "people/maria-lopez.yaml", in Files::listed or in the cache
  std::size_t cached = no_entry;  // its entry in the cache's index, when it has one

  std::string_view name() const { return path.substr(name_at); }
  std::string_view id() const { return path.substr(name_at, path.size() - name_at - 5); }
};

/// The record files of one load, and what their paths point into.
struct Files {
  std::vector<FileRef> refs;
  // Paths of the files found by listing a directory, a deque per directory (moving a deque
  // keeps its strings where they are, so the views stay valid).
  std::vector<std::deque<std::string>> listed;
  std::shared_ptr<const LoadedCache> cache;  // the paths of the other files point into it
};

/// A new cache entry, and the bytes it points into when the file was parsed now.
struct Fresh {
  CachedEntry entry;
  std::string record, tree, summary;
};

/// What happened to one file during a load. Small: most files of a warm load are only trusted.
struct Outcome {
  std::unique_ptr<Problem> problem;             // the file could not be read or parsed
  std::unique_ptr<Problem> conversion_problem;  // it is not a valid record of its kind
  enum class Source : std::uint8_t { none, trusted, verified, parsed } source = Source::none;
  std::unique_ptr<Fresh> fresh;  // for verified and parsed: the entry to record
};


/// Which questions a snapshot keeps and what of them: a QuestionFilter (peers/store.hpp) with
/// its field names made into masks.
struct QuestionSelection {
  fields::FieldMask fields, needs;
  std::function<bool(const Question&)> keep;
  std::function<void(const Question&)> visit;
  bool archived = true;  // false: questions/archive/ is not read
};

/// Where one load puts what it reads: Documents, typed records straight into a Snapshot, or
/// routing summaries.
struct Sink {
  enum class Mode { documents, snapshot, summaries } mode = Mode::documents;
  std::vector<std::optional<Document>> documents;  // by file, for documents
  // For snapshot, by file: which of people/topics/questions it went to, and where.
  std::vector<std::size_t> slot;
  Snapshot* snapshot = nullptr;
  const QuestionSelection* questions = nullptr;  // null: every question, whole
  /// By file, when the selection keeps some questions only: those it keeps (the snapshot's
  /// questions are then not given a slot each, which would cost a Question per file).
  std::vector<std::unique_ptr<Question>> kept_questions;
  std::vector<char> filled;  // by file: a record was put in its slot (or a summary made)
  // For summaries, by file: the summary, pointing into the cache or into `owned`.
  std::vector<std::string_view> summary;
  std::vector<std::unique_ptr<std::string>> owned;  // summaries made now
  std::vector<std::uint64_t> content_hash;  // for records from the cache
  std::vector<std::uint64_t> digest_term;   // for summaries from the cache
};

/// What one summary was made from: its file, and the file's content hash.
struct SummarySource {
  std::string_view path;
  std::uint64_t content = 0;
};

/// The summaries of a load, before their records are made (which a restored routing index
/// does not need).
struct SummaryLoad {
  Summaries summaries;
  std::shared_ptr<std::pair<Files, Sink>> storage;
  std::vector<Outcome> outcomes;

  /// Makes summaries.records and, with `sources`, what each was made from.
  void make_records(std::vector<SummarySource>* sources);
};

/// Loads the summaries of every person, topic and question, with the digest of their sources.
SummaryLoad load_summary_sources(const std::filesystem::path& root, const StoreOptions& options,
                                 Stats* stats, const LoadOptions& load);

}  // namespace peers::cache
