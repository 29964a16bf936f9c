// Reading a load's files: each one's stat against its cache entry, then the cached record or
// the file itself (read, hashed and parsed), handed to the sink in the form it asked for.
#include <fcntl.h>
#include <sys/stat.h>

#include <algorithm>
#include <atomic>
#include <climits>
#include <optional>

#include "peers/progress.hpp"
#include "peers/routing.hpp"
#include "cache/loader.hpp"
#include "store/files.hpp"
#include "util/bytes.hpp"
#include "util/helper_thread.hpp"

namespace fs = std::filesystem;

namespace peers::cache {

using namespace bytes;

namespace {
std::string summarize_record(const Record& record) {
  if (const auto* p = std::get_if<Person>(&record)) return summarize(*p);
  if (const auto* t = std::get_if<Topic>(&record)) return summarize(*t);
  if (const auto* q = std::get_if<Question>(&record)) return summarize(*q);
  return {};
}
}  // namespace

/// What a file's path and content add to the digest of the summaries.
std::uint64_t digest_term(std::string_view path, std::uint64_t content) {
  return hash_bytes(path) ^ (content * 0x9E3779B97F4A7C15ull);
}

void Loader::prepare_sink() {
  typed_ = sink_.mode == Sink::Mode::snapshot;
  summaries_ = sink_.mode == Sink::Mode::summaries;
  max_depth_ = options_.limits.max_depth + 2;
  if (typed_) {
    Snapshot& snapshot = *sink_.snapshot;
    std::size_t counts[3] = {0, 0, 0};
    sink_.slot.resize(refs_.size());
    for (std::size_t i = 0; i < refs_.size(); ++i) {
      int list = refs_[i].kind == Kind::person ? 0 : refs_[i].kind == Kind::topic ? 1 : 2;
      sink_.slot[i] = counts[list]++;
    }
    snapshot.people.resize(counts[0]);
    snapshot.topics.resize(counts[1]);
    const QuestionSelection* selection = sink_.questions;
    if (selection && selection->keep && !selection->visit) sink_.kept_questions.resize(refs_.size());
    else if (!selection || !selection->visit) snapshot.questions.resize(counts[2]);
    sink_.filled.assign(refs_.size(), 0);
    sink_.content_hash.resize(refs_.size());
  } else if (summaries_) {
    sink_.summary.resize(refs_.size());
    sink_.owned.resize(refs_.size());
    sink_.digest_term.resize(refs_.size());
    sink_.filled.assign(refs_.size(), 0);
  } else {
    sink_.documents.resize(refs_.size());
  }
  outcomes_.resize(refs_.size());
}

/// With `selected`, a question already went through the sink's selection (decoded from the
/// cache with its masks); else it goes through it here, shown to `keep` with the same fields.
void Loader::put_record(std::size_t i, Record&& record, bool selected) {
  Snapshot& snapshot = *sink_.snapshot;
  if (auto* person = std::get_if<Person>(&record)) {
    snapshot.people[sink_.slot[i]] = std::move(*person);
  } else if (auto* topic = std::get_if<Topic>(&record)) {
    snapshot.topics[sink_.slot[i]] = std::move(*topic);
  } else if (auto* question = std::get_if<Question>(&record)) {
    if (const QuestionSelection* selection = sink_.questions; selection && !selected) {
      if (selection->keep) {
        Question shown = *question;
        fields::keep_only(shown, selection->needs);
        if (!selection->keep(shown)) return;
      }
      fields::keep_only(*question, selection->fields);
    }
    if (sink_.questions && sink_.questions->visit) return sink_.questions->visit(*question);
    if (sink_.kept_questions.empty()) snapshot.questions[sink_.slot[i]] = std::move(*question);
    else sink_.kept_questions[i] = std::make_unique<Question>(std::move(*question));
  } else {
    return;
  }
  sink_.filled[i] = 1;
}

/// A cached question through the sink's selection: decoded with the fields `keep` needs,
/// and, when kept, with those asked for.
void Loader::put_selected_question(std::size_t i, std::string_view record) {
  const FileRef& file = refs_[i];
  const QuestionSelection& selection = *sink_.questions;
  if (selection.keep &&
      !selection.keep(decode_question(record, std::string(file.id()), file.archived, selection.needs)))
    return;
  put_record(i, decode_question(record, std::string(file.id()), file.archived, selection.fields), true);
}

/// Turns a parsed tree into what the sink wants. With `recorded`, also makes the typed record,
/// the tree and the summary for the cache.
void Loader::deliver_tree(std::size_t i, Node&& tree, Fresh* recorded) {
  const FileRef& file = refs_[i];
  auto document = [&] {
    return Document{file.kind, std::string(file.id()), std::string(file.path), std::move(tree),
                    file.archived};
  };
  if (sink_.mode == Sink::Mode::documents && !recorded) {
    sink_.documents[i] = document();
    return;
  }
  Record record;
  try {
    if (has_typed_record(file.kind))
      record = to_record(tree, file.kind, std::string(file.id()), std::string(file.path), file.archived);
  } catch (const Error& e) {
    if (sink_.mode != Sink::Mode::documents)
      outcomes_[i].conversion_problem = std::make_unique<Problem>(Problem{e.where(), e.what(), e.hint()});
  }
  std::string summary;
  if (recorded || summaries_) summary = summarize_record(record);
  if (recorded) {
    encode_node(tree, recorded->tree);
    encode_record(record, recorded->record);
    recorded->summary = summary;
  }
  if (typed_) {
    put_record(i, std::move(record));
  } else if (summaries_) {
    if (!std::holds_alternative<std::monostate>(record)) {
      sink_.owned[i] = std::make_unique<std::string>(std::move(summary));
      sink_.summary[i] = *sink_.owned[i];
      sink_.filled[i] = 1;
    }
  } else {
    sink_.documents[i] = document();
  }
}

/// Fills the sink from a cached entry whose content is known to match the file.
void Loader::deliver_cached(std::size_t i, const CachedEntry& cached) {
  const FileRef& file = refs_[i];
  if (summaries_ && !cached.summary.empty()) {
    sink_.summary[i] = cached.summary;
    sink_.digest_term[i] = digest_term(file.path, cached.content_hash);
    sink_.filled[i] = 1;
    return;
  }
  if (typed_ && !cached.record.empty()) {
    std::string_view record = open_record(cached);
    sink_.content_hash[i] = cached.content_hash;
    if (file.kind == Kind::question && sink_.questions) return put_selected_question(i, record);
    put_record(i, decode_record(file.kind, record, std::string(file.id()), file.archived));
    return;
  }
  std::string_view tree = open_tree(cached);
  deliver_tree(i, decode_node(tree, max_depth_), nullptr);
}

/// Reads one file: from the cache when its stat matches its entry and is not racy, else
/// from disk. With `distrust_cache` (its entry turned out corrupt) the file is read and parsed.
void Loader::read_one(std::size_t i, bool distrust_cache) {
  const FileRef& file = refs_[i];
  Outcome& out = outcomes_[i];
  struct stat st {};
  const CachedEntry* cached = nullptr;
  char name[NAME_MAX + 1];
  name[file.name().copy(name, NAME_MAX)] = '\0';
  if (::fstatat(directory_fds_[static_cast<std::size_t>(file.dir)], name, &st, AT_SYMLINK_NOFOLLOW) == 0 &&
      S_ISREG(st.st_mode) && file.cached != no_entry && !distrust_cache)
    cached = &cache_->index[file.cached].entry;
  FileStat now_stat = file_stat(st);
  if (cached && cached->stat == now_stat &&
      !is_racy(cached->stat, cached->verified_ns, load_.racy_margin_ns)) {
    deliver_cached(i, *cached);
    out.source = Outcome::Source::trusted;
    return;
  }
  const std::string path(file.path);
  std::string text = read_regular_file(root_ / path, path, options_.limits.max_bytes);
  out.fresh = std::make_unique<Fresh>();
  CachedEntry& fresh = out.fresh->entry;
  fresh.kind = file.kind;
  fresh.archived = file.archived;
  fresh.stat = now_stat;
  fresh.content_sha = sha256(text);
  fresh.content_hash = prefix64(fresh.content_sha);
  fresh.verified_ns = now_ns_;
  // A changed stat with the same content (a checkout, a touch) keeps the cached record; the
  // same content means the same SHA-256, never a 64-bit hash an attacker can collide.
  if (cached && cached->stat.size == text.size() && cached->content_sha == fresh.content_sha) {
    deliver_cached(i, *cached);
    fresh.summary = cached->summary;
    fresh.record = cached->record;
    fresh.record_hash = cached->record_hash;
    fresh.tree = cached->tree;
    fresh.tree_hash = cached->tree_hash;
    out.source = Outcome::Source::verified;
    return;
  }
  Node tree = parse_yaml(text, path, options_.limits);
  out.source = Outcome::Source::parsed;
  // A file that changed while it was read is not recorded.
  if (!recording_ || now_stat.size != text.size()) {
    if (recording_) out.source = Outcome::Source::none;
    out.fresh.reset();
    deliver_tree(i, std::move(tree), nullptr);
    return;
  }
  deliver_tree(i, std::move(tree), out.fresh.get());
  fresh.summary = out.fresh->summary;
  fresh.record = out.fresh->record;
  fresh.record_hash = hash_bytes(fresh.record);
  fresh.tree = out.fresh->tree;
  fresh.tree_hash = hash_bytes(fresh.tree);
}

/// Reads file i; a problem with it becomes its outcome's.
void Loader::read_file(std::size_t i) {
  Outcome& out = outcomes_[i];
  try {
    try {
      read_one(i, false);
    } catch (const Corrupt&) {
      // An entry whose record or tree fails its checksum or does not decode: read the file instead.
      corrupt_entry_ = true;
      out = Outcome{};
      read_one(i, true);
    }
  } catch (const Error& e) {
    out.source = Outcome::Source::none;
    out.fresh.reset();
    out.problem = std::make_unique<Problem>(Problem{e.where(), e.what(), e.hint()});
  }
}

/// Both cores take runs of neighbouring files (neighbours in a directory stat faster)
/// until none are left.
void Loader::read_files() {
  constexpr std::size_t run_length = 512;
  std::atomic<std::size_t> next_run = 0;
  ProgressStage stage(options_.progress, "reading the store", refs_.size());
  auto work = [&](bool reports) {
    for (std::size_t begin = next_run++ * run_length; begin < refs_.size();
         begin = next_run++ * run_length) {
      if (stage.stop_requested()) break;
      if (reports) stage.advance(begin);
      for (std::size_t i = begin; i < std::min(refs_.size(), begin + run_length); ++i) read_file(i);
    }
  };
  {
    std::optional<HelperThread> helper;
    if (refs_.size() > run_length) helper.emplace([&] { work(false); });
    work(true);
  }
  // Stopped by the user before every file was read: nothing is recorded.
  stage.stop_here_if_asked(cache_ && cache_->usable
                               ? "stopped while reading the store; the cache is unchanged"
                               : "stopped while reading the store; no cache was built");
}

}  // namespace peers::cache
