#pragma once
// The record cache behind Store::read_all, snapshot, summaries and routing_index. Private to
// peers_core. Its files: format.cpp (the on-disk format: header, entries, blobs, journal),
// records.cpp (typed records in binary, from the field tables), load.cpp (one load, in
// phases), snapshot.cpp (Store's whole-store reads), saved_index.cpp (the saved routing index)
// and check_memo.cpp (what `check` found per file).
//
// A derived, local index of parsed records, validated against the files the way git validates
// its index. It lives in <store>/.peers/ (git-ignored), or under StoreOptions::cache_dir when
// the store cannot be written, and is never trusted over the files:
//
//   cache          header + one framed entry per file (path, kind, stat, content hash, the
//                  time it was verified, the routing summary, where its record and tree are)
//                  and per fully cached directory (its stat when listed), then the typed
//                  record of each file, then its Node tree; replaced atomically
//   cache.journal  header naming the cache's generation + entries appended since (an entry
//                  for a new or changed file or a newly listed directory, a tombstone for a
//                  deleted file or a changed directory); later ones win
//   cache.lock     flock taken (without waiting) by the one process that updates the cache
//   index          the saved RoutingIndex, the digest of its sources and the sources
//
// Every entry carries a checksum, every record and tree too; a foreign, truncated or corrupt
// file is ignored and rebuilt. An entry is used as it is only when size, mtime, ctime (ns) and
// inode all match and it is not racy: its mtime and ctime are at least `racy_margin_ns` older than
// the moment its content was read. A racy entry, or one whose stat changed but size did not,
// is checked against the file's content hash; anything else is re-read and parsed. The same
// rule decides whether a directory's recorded file list can stand in for listing it.
#include <array>
#include <sys/stat.h>

#include <cstdint>
#include <filesystem>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <variant>
#include <vector>

#include "model/fields.hpp"
#include "peers/store.hpp"

namespace peers::cache {

/// What the cache compares to decide that a file has not changed.
struct FileStat {
  std::uint64_t size = 0;
  std::uint64_t inode = 0;
  std::int64_t mtime_ns = 0;
  std::int64_t ctime_ns = 0;
  std::uint64_t device = 0;
  bool operator==(const FileStat&) const = default;
};
FileStat file_stat(const struct stat& st);

/// True when a file last changed so close to `verified_ns` (when its content was read) that a
/// change in the same timestamp tick could have gone unseen.
bool is_racy(const FileStat& stat, std::int64_t verified_ns, std::int64_t margin_ns);

/// A fast 64-bit hash (not cryptographic) for file contents and record checksums.
std::uint64_t hash_bytes(std::string_view bytes);
/// SHA-256 of `bytes` (libcrypto): a cryptographic hash, for decisions an attacker who writes
/// files must not be able to steer (whether a cached record stands for a file's content).
using Sha256 = std::array<unsigned char, 32>;
Sha256 sha256(std::string_view bytes);
/// The first 8 bytes of a SHA-256, for 64-bit keys (the check's verdicts, routing digests).
std::uint64_t prefix64(const Sha256& digest);
/// The largest file peers reads whole from the cache directory `dir` besides the cache (the
/// saved index, the check's verdicts): derived from the cache, so a multiple of its size.
std::size_t state_file_limit(const std::filesystem::path& dir);

/// Compact binary form of a Node tree (data, marks and comments). decode_node throws
/// std::runtime_error on malformed input and never reads past `in` or nests deeper than
/// `max_depth`.
void encode_node(const Node& node, std::string& out);
Node decode_node(std::string_view& in, int max_depth);

/// A typed record, as Store::snapshot() wants it (none for other kinds).
using Record = std::variant<std::monostate, Person, Topic, Question>;

/// People, topics and questions have typed records; events and leads are read as trees.
bool has_typed_record(Kind kind);
/// The typed record of a parsed file; throws a located Error when it is not a valid one.
Record to_record(const Node& root, Kind kind, const std::string& id, const std::string& path,
                 bool archived);

/// Compact binary form of a typed record. The entry's id and archived flag come from its path.
void encode_record(const Record& record, std::string& out);
Record decode_record(Kind kind, std::string_view in, std::string id, bool archived);
/// A question's record with only the fields `mask` wants (the others are skipped, not made).
Question decode_question(std::string_view in, std::string id, bool archived,
                         const fields::FieldMask& mask);

/// What one load did, for tests and the benchmark.
struct Stats {
  std::size_t files = 0;
  std::size_t trusted = 0;   // used from the cache on stat alone
  std::size_t verified = 0;  // content hash matched the cached entry: not parsed again
  std::size_t parsed = 0;    // read and parsed
  std::size_t dropped = 0;   // cache entries of files that are gone
  std::size_t listed = 0;    // directories listed (the others were unchanged since they were)
  bool cache_found = false;  // a usable cache was there
  bool rewrote = false;      // the whole cache was written anew
  bool appended = false;     // records were appended to the journal
  std::filesystem::path directory;  // where the cache is (empty when none could be used)
};

struct LoadOptions {
  std::optional<std::int64_t> now_ns;  // the clock (default: the real time)
  std::int64_t racy_margin_ns = 2'000'000'000;
};

/// Reads every record of `kinds` below `root`, using and updating the cache when
/// `options.use_cache`. Files that cannot be used are added to `problems`. Documents come
/// sorted by kind, then path.
std::vector<Document> load_documents(const std::filesystem::path& root,
                                     const StoreOptions& options, const std::vector<Kind>& kinds,
                                     std::vector<Problem>& problems, Stats* stats = nullptr,
                                     const LoadOptions& load = {});

/// Every person, topic and question, the way Store::snapshot() returns them: the same
/// records, in the same order, with the same skipped files as without the cache. Typed records
/// are cached too, so an unchanged store is loaded without building any Node tree.
/// With `hashes`: the path and content hash of each file a record came from, when known.
struct FileHash {
  std::string path;
  std::uint64_t content = 0;
};
Snapshot load_snapshot(const std::filesystem::path& root, const StoreOptions& options,
                       const std::vector<Kind>& kinds = {Kind::person, Kind::topic, Kind::question},
                       Stats* stats = nullptr, const LoadOptions& load = {},
                       std::vector<FileHash>* hashes = nullptr,
                       const QuestionFilter* questions = nullptr);

/// The content hash of every person, topic and question file that is a valid record, for
/// `check`'s memo: an unchanged store is loaded without decoding any record. A file whose hash
/// is not known (not a valid record, or changed while it was read) is left out.
struct ContentHashes {
  std::vector<FileHash> files;
  /// The records of the same load, as load_snapshot gives them (questions with only the
  /// fields named), decoded now without going over the files again; nothing when one is not
  /// at hand (not recorded, as when a file changed while it was read).
  std::function<std::optional<Snapshot>(const std::vector<std::string>& question_fields)> records;
};
ContentHashes load_content_hashes(const std::filesystem::path& root, const StoreOptions& options);

/// What routing needs of every person, topic and question, the way Store::summaries()
/// returns them. An unchanged store is loaded without decoding any record.
Summaries load_summaries(const std::filesystem::path& root, const StoreOptions& options,
                         Stats* stats = nullptr, const LoadOptions& load = {});

/// The routing index behind Store::routing_index(): `index` next to the cache holds the last
/// one saved, with the digest of the summaries it was built from.
enum class IndexSource {
  built,     // from every summary (and saved, when the cache can be written)
  restored,  // the saved one, no record having changed since
  patched,   // the saved one, brought up to date with the few records that changed
};
RoutingIndex load_routing_index(const std::filesystem::path& root, const StoreOptions& options,
                                std::vector<Problem>& skipped, Stats* stats = nullptr,
                                IndexSource* source = nullptr, const LoadOptions& load = {});

/// What `peers check` found in one file on its own (encoded by check.cpp), and the content
/// hash of the file it was found in.
struct Verdict {
  std::uint64_t content = 0;
  std::string findings;
};
/// By path. Kept in `check` next to the cache; `print` names the checkers' version, and a
/// file made by another version, or damaged, reads as empty.
using Verdicts = std::unordered_map<std::string, Verdict>;
Verdicts read_verdicts(const std::filesystem::path& root, const StoreOptions& options,
                       std::uint64_t print);
/// Replaces the file atomically; does nothing when the cache cannot be written.
void save_verdicts(const std::filesystem::path& root, const StoreOptions& options,
                   std::uint64_t print, const Verdicts& verdicts);

/// Hands `read` the findings of the last whole check (encoded by check/remembered.cpp), kept
/// in `check.store` with the fingerprint of the files they were found in, when they are those
/// of `fingerprint` and of this `print` (the checkers' version); false when they are not.
bool read_store_findings(const std::filesystem::path& root, const StoreOptions& options,
                         std::uint64_t print, std::string_view fingerprint,
                         const std::function<void(std::string_view)>& read);
/// Hands `read` the findings of the last whole check whatever files they were found in, with
/// their fingerprint; returns what `read` returns, false when there are none.
bool read_last_store_findings(
    const std::filesystem::path& root, const StoreOptions& options, std::uint64_t print,
    const std::function<bool(std::string_view fingerprint, std::string_view findings)>& read);
/// Replaces the file atomically; does nothing when the cache cannot be written.
void save_store_findings(const std::filesystem::path& root, const StoreOptions& options,
                         std::uint64_t print, std::string_view fingerprint,
                         std::string_view findings);

/// The directory a store's cache lives in: <root>/.peers when it can be written (or already
/// holds a cache), else a directory below `fallback` named after the store's path, else empty.
std::filesystem::path cache_directory(const std::filesystem::path& root,
                                      const std::filesystem::path& fallback);

}  // namespace peers::cache
