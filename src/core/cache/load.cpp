#include "cache/load.hpp"

#include <unistd.h>

#include "cache/loader.hpp"

namespace fs = std::filesystem;

namespace peers::cache {

Loader::Loader(const fs::path& root, const StoreOptions& options, const std::vector<Kind>& kinds,
               Files& files, std::vector<Problem>& problems, Sink& sink, const LoadOptions& load)
    : root_(root), options_(options), kinds_(kinds), files_(files), refs_(files.refs),
      problems_(problems), sink_(sink), load_(load),
      now_ns_(load.now_ns.value_or(real_time_ns())), print_(fingerprint(options.limits)) {}

std::vector<Outcome> Loader::run(Stats* stats) {
  open_cache();
  open_directories();
  take_files_of_trusted_directories();
  list_other_directories();
  prepare_sink();
  read_files();
  for (int fd : directory_fds_) ::close(fd);
  count_outcomes();
  if (recording_) update_cache();
  if (stats) *stats = stats_;
  return std::move(outcomes_);
}

namespace {
/// Reads every file of `kinds`: from the cache when it may, else from disk (and then records
/// it in the cache). `files` comes back sorted by path.
std::vector<Outcome> run_load(const fs::path& root, const StoreOptions& options,
                              const std::vector<Kind>& kinds, Files& files,
                              std::vector<Problem>& problems, Sink& sink, Stats* stats,
                              const LoadOptions& load) {
  return Loader(root, options, kinds, files, problems, sink, load).run(stats);
}

/// The files a typed load could not use, in the order of reading them all first: those that
/// did not load, by kind and path, then those that are not valid records.
void add_problems(const std::vector<FileRef>& files, std::vector<Outcome>& outcomes,
                  std::vector<Problem>& skipped) {
  for (auto which : {&Outcome::problem, &Outcome::conversion_problem})
    for (Kind kind : {Kind::person, Kind::topic, Kind::question})
      for (std::size_t i = 0; i < files.size(); ++i)
        if (files[i].kind == kind && outcomes[i].*which)
          skipped.push_back(std::move(*(outcomes[i].*which)));
}
}  // namespace

std::vector<Document> load_documents(const fs::path& root, const StoreOptions& options,
                                     const std::vector<Kind>& kinds,
                                     std::vector<Problem>& problems, Stats* stats,
                                     const LoadOptions& load) {
  Files loaded;
  const std::vector<FileRef>& files = loaded.refs;
  Sink sink;
  std::vector<Outcome> outcomes = run_load(root, options, kinds, loaded, problems, sink, stats, load);
  // By kind, then path (files are sorted by path).
  std::vector<Document> documents;
  documents.reserve(files.size());
  for (const auto& kind : all_kinds())
    for (std::size_t i = 0; i < files.size(); ++i) {
      if (files[i].kind != kind.kind) continue;
      if (sink.documents[i]) documents.push_back(std::move(*sink.documents[i]));
      if (outcomes[i].problem) problems.push_back(std::move(*outcomes[i].problem));
    }
  return documents;
}

Snapshot load_snapshot(const fs::path& root, const StoreOptions& options,
                       const std::vector<Kind>& kinds, Stats* stats, const LoadOptions& load,
                       std::vector<FileHash>* hashes, const QuestionFilter* questions) {
  Snapshot s;
  Files loaded;
  const std::vector<FileRef>& files = loaded.refs;
  Sink sink;
  sink.mode = Sink::Mode::snapshot;
  sink.snapshot = &s;
  QuestionSelection selection;
  if (questions) {
    selection = {fields::mask_of<Question>(questions->fields),
                 fields::mask_of<Question>(questions->needs), questions->keep, questions->visit,
                 questions->archived};
    sink.questions = &selection;
  }
  std::vector<Kind> typed_kinds;
  for (Kind kind : kinds)
    if (has_typed_record(kind)) typed_kinds.push_back(kind);
  std::vector<Outcome> outcomes = run_load(root, options, typed_kinds, loaded, s.skipped, sink,
                                           stats, load);
  // The same order as reading every file first, then converting them by kind and path.
  add_problems(files, outcomes, s.skipped);
  if (hashes) {
    for (std::size_t i = 0; i < files.size(); ++i) {
      if (!sink.filled[i]) continue;
      const Outcome& o = outcomes[i];
      if (o.fresh) hashes->push_back({std::string(files[i].path), o.fresh->entry.content_hash});
      else if (o.source == Outcome::Source::trusted)
        hashes->push_back({std::string(files[i].path), sink.content_hash[i]});
    }
  }
  // Drop the slots of files that gave no record.
  auto compact = [&](auto& records, Kind kind) {
    std::size_t kept = 0, slot = 0;
    for (std::size_t i = 0; i < files.size(); ++i) {
      if (files[i].kind != kind) continue;
      if (sink.filled[i]) {
        if (kept != slot) records[kept] = std::move(records[slot]);
        ++kept;
      }
      ++slot;
    }
    records.resize(kept);
  };
  compact(s.people, Kind::person);
  compact(s.topics, Kind::topic);
  if (sink.kept_questions.empty()) {
    compact(s.questions, Kind::question);
    return s;
  }
  std::size_t kept = 0;
  for (const auto& question : sink.kept_questions) kept += question != nullptr;
  s.questions.reserve(kept);
  for (auto& question : sink.kept_questions)
    if (question) {
      s.questions.push_back(std::move(*question));
      question.reset();
    }
  return s;
}

void SummaryLoad::make_records(std::vector<SummarySource>* sources) {
    const auto& files = storage->first.refs;
    const Sink& sink = storage->second;
    const LoadedCache& cache = *storage->first.cache;
    summaries.records.reserve(files.size());
    for (std::size_t i = 0; i < files.size(); ++i) {
      if (!sink.filled[i]) continue;
      summaries.records.push_back({files[i].kind, files[i].id(), files[i].archived, sink.summary[i]});
      if (sources) {
        const Outcome& o = outcomes[i];
        std::uint64_t content = 0;  // unknown when the file was read but not recorded
        if (o.fresh) content = o.fresh->entry.content_hash;
        else if (o.source == Outcome::Source::trusted) content = cache.index[files[i].cached].entry.content_hash;
        sources->push_back({files[i].path, content});
      }
    }
}

SummaryLoad load_summary_sources(const fs::path& root, const StoreOptions& options, Stats* stats,
                                 const LoadOptions& load) {
  SummaryLoad out;
  Files loaded;
  const std::vector<FileRef>& files = loaded.refs;
  Sink sink;
  sink.mode = Sink::Mode::summaries;
  out.outcomes = run_load(root, options, {Kind::person, Kind::topic, Kind::question}, loaded,
                          out.summaries.skipped, sink, stats, load);
  add_problems(files, out.outcomes, out.summaries.skipped);
  // The digest: what each summary was made from (its path and the file's content).
  std::uint64_t digest = 0x5045455253ull + files.size();
  bool known = options.use_cache;
  for (std::size_t i = 0; i < files.size() && known; ++i) {
    if (!sink.filled[i]) continue;
    const Outcome& o = out.outcomes[i];
    if (o.fresh) digest += digest_term(files[i].path, o.fresh->entry.content_hash);
    else if (o.source == Outcome::Source::trusted) digest += sink.digest_term[i];
    else known = false;  // read now but not recorded (it changed while it was read)
  }
  out.summaries.digest = !known ? 0 : digest == 0 ? 1 : digest;
  out.storage = std::make_shared<std::pair<Files, Sink>>(std::move(loaded), std::move(sink));
  out.summaries.storage = out.storage;
  return out;
}

ContentHashes load_content_hashes(const fs::path& root, const StoreOptions& options) {
  auto loaded = std::make_shared<SummaryLoad>(load_summary_sources(root, options, nullptr, {}));
  std::vector<SummarySource> sources;
  loaded->make_records(&sources);
  ContentHashes out;
  out.files.reserve(sources.size());
  for (const auto& source : sources)
    if (source.content != 0) out.files.push_back({std::string(source.path), source.content});
  out.records = [loaded](const std::vector<std::string>& question_fields) -> std::optional<Snapshot> {
    const std::vector<FileRef>& files = loaded->storage->first.refs;
    const Sink& sink = loaded->storage->second;
    const LoadedCache* cache = loaded->storage->first.cache.get();
    const fields::FieldMask mask = fields::mask_of<Question>(question_fields);
    Snapshot s;
    std::size_t counts[3] = {0, 0, 0};
    for (const auto& file : files)
      ++counts[file.kind == Kind::person ? 0 : file.kind == Kind::topic ? 1 : 2];
    s.people.reserve(counts[0]);
    s.topics.reserve(counts[1]);
    s.questions.reserve(counts[2]);
    try {
      for (std::size_t i = 0; i < files.size(); ++i) {
        if (!sink.filled[i]) continue;
        const FileRef& file = files[i];
        const Outcome& o = loaded->outcomes[i];
        const CachedEntry* entry = o.fresh ? &o.fresh->entry
                                   : o.source == Outcome::Source::trusted && cache &&
                                           file.cached != no_entry
                                       ? &cache->index[file.cached].entry
                                       : nullptr;
        if (!entry) return std::nullopt;
        std::string_view record = open_record(*entry);
        if (record.empty()) return std::nullopt;
        std::string id(file.id());
        if (file.kind == Kind::question) {
          s.questions.push_back(decode_question(record, std::move(id), file.archived, mask));
          continue;
        }
        Record r = decode_record(file.kind, record, std::move(id), file.archived);
        if (auto* p = std::get_if<Person>(&r)) s.people.push_back(std::move(*p));
        else if (auto* t = std::get_if<Topic>(&r)) s.topics.push_back(std::move(*t));
        else return std::nullopt;
      }
    } catch (const std::exception&) {  // a damaged blob: load_snapshot reads the file instead
      return std::nullopt;
    }
    return s;
  };
  return out;
}

Summaries load_summaries(const fs::path& root, const StoreOptions& options, Stats* stats,
                         const LoadOptions& load) {
  SummaryLoad loaded = load_summary_sources(root, options, stats, load);
  loaded.make_records(nullptr);
  return std::move(loaded.summaries);
}

}  // namespace peers::cache
