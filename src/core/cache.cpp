#include "cache.hpp"

#include <dirent.h>
#include <fcntl.h>
#include <sys/file.h>
#include <sys/mman.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstring>
#include <deque>
#include <functional>
#include <random>
#include <span>
#include <stdexcept>
#include <unordered_map>
#include <unordered_set>

#include <fmt/format.h>

#include "bytes.hpp"
#include "helper_thread.hpp"
#include "peers/routing.hpp"
#include "peers/text.hpp"
#include "state_dir.hpp"

namespace fs = std::filesystem;

namespace peers::cache {
namespace {

constexpr char cache_magic[8] = {'P', 'E', 'E', 'R', 'S', 'C', 'A', '1'};
constexpr char journal_magic[8] = {'P', 'E', 'E', 'R', 'S', 'J', 'N', '1'};
constexpr std::uint32_t format_version = 5;
constexpr std::size_t header_size = 24;  // magic, version, fingerprint, generation
// The cache's header goes on with the length of its entries, where their second half starts,
// how many there are and how many are in the first half (so that two threads can read them
// into place).
constexpr std::size_t cache_header_size = 56;
constexpr std::size_t frame_size = 12;   // payload length (u32), checksum (u64)
constexpr std::uint8_t record_entry = 1;
constexpr std::uint8_t record_tombstone = 2;
constexpr std::uint8_t record_directory = 3;
constexpr const char* cache_name = "cache";
constexpr const char* journal_name = "cache.journal";
constexpr const char* lock_name = "cache.lock";

using namespace bytes;

struct Descriptor {
  int fd = -1;
  explicit Descriptor(int f = -1) : fd(f) {}
  Descriptor(const Descriptor&) = delete;
  Descriptor& operator=(const Descriptor&) = delete;
  ~Descriptor() {
    if (fd >= 0) ::close(fd);
  }
};

std::int64_t real_time_ns() {
  return std::chrono::duration_cast<std::chrono::nanoseconds>(
             std::chrono::system_clock::now().time_since_epoch())
      .count();
}

/// Changes whenever a cached tree could mean something else: the format or the load limits.
std::uint32_t fingerprint(const LoadLimits& limits) {
  std::string key = fmt::format("peers-cache {} {} {} {} {}", format_version, limits.max_bytes,
                                limits.max_depth, limits.max_nodes, sizeof(void*));
  return static_cast<std::uint32_t>(hash_bytes(key));
}

std::string header(const char (&magic)[8], std::uint32_t print, std::uint64_t generation) {
  std::string out(magic, 8);
  put(out, format_version);
  put(out, print);
  put(out, generation);
  return out;
}

/// The generation of a cache or journal file, when its header is ours.
std::optional<std::uint64_t> read_header(std::string_view bytes, const char (&magic)[8],
                                         std::uint32_t print) {
  if (bytes.size() < header_size || std::memcmp(bytes.data(), magic, 8) != 0) return std::nullopt;
  bytes.remove_prefix(8);
  if (take<std::uint32_t>(bytes) != format_version) return std::nullopt;
  if (take<std::uint32_t>(bytes) != print) return std::nullopt;
  return take<std::uint64_t>(bytes);
}

void frame(std::string& out, std::string_view payload) {
  put(out, static_cast<std::uint32_t>(payload.size()));
  put(out, hash_bytes(payload));
  out.append(payload);
}

/// One cached file, pointing into the mapped cache or the journal buffer.
struct CachedEntry {
  Kind kind = Kind::person;
  bool archived = false;
  FileStat stat;
  std::uint64_t content_hash = 0;
  std::int64_t verified_ns = 0;
  std::string_view summary;  // summarize() output; empty when the file is not a valid record
  std::string_view blob;     // make_blob(tree, record): read only by commands that need them
  std::uint64_t blob_hash = 0;
};

std::string make_blob(std::string_view tree, std::string_view record) {
  std::string blob;
  blob.reserve(tree.size() + record.size() + 10);
  put_string(blob, tree);
  put_string(blob, record);
  return blob;
}

struct Blob {
  std::string_view tree;    // encode_node output
  std::string_view record;  // encode_record output; empty when the tree is not a valid record
};

/// An entry's tree and record, once its blob matches its checksum.
Blob open_blob(const CachedEntry& e) {
  if (hash_bytes(e.blob) != e.blob_hash) throw Corrupt("bad checksum");
  std::string_view in = e.blob;
  Blob b;
  b.tree = take_string(in);
  b.record = take_string(in);
  if (!in.empty()) throw Corrupt("trailing bytes");
  return b;
}

/// What entries of files and of directories begin with.
void encode_head(std::string& out, std::uint8_t type, std::string_view path, const CachedEntry& e) {
  out.push_back(static_cast<char>(type));
  put_string(out, path);
  out.push_back(static_cast<char>(e.kind));
  out.push_back(e.archived ? 1 : 0);
  put(out, e.stat.size);
  put(out, e.stat.inode);
  put(out, e.stat.mtime_ns);
  put(out, e.stat.ctime_ns);
}

/// With `blob_offset`, the entry says where its blob will be among the blobs that follow the
/// entries (the cache file keeps them apart so that reading the entries does not touch them),
/// and the offset moves past it; without, the blob goes inline (the journal).
void encode_entry(std::string& out, std::string_view path, const CachedEntry& e,
                  std::uint64_t* blob_offset) {
  encode_head(out, record_entry, path, e);
  put(out, e.content_hash);
  put(out, e.verified_ns);
  put_string(out, e.summary);
  put(out, e.blob_hash);
  if (blob_offset) {
    out.push_back(0);
    put(out, *blob_offset);
    put(out, static_cast<std::uint64_t>(e.blob.size()));
    *blob_offset += e.blob.size();
  } else {
    out.push_back(1);
    put_string(out, e.blob);
  }
}

/// A directory whose files are all in the cache, with its stat when they were listed: while
/// its stat is the same, no file was added, removed or renamed in it, so it need not be listed.
void encode_directory(std::string& out, std::string_view path, const CachedEntry& e) {
  encode_head(out, record_directory, path, e);
  put(out, e.verified_ns);
}

void encode_tombstone(std::string& out, std::string_view path) {
  out.push_back(static_cast<char>(record_tombstone));
  put_string(out, path);
}

/// A cached file or directory, or (deleted) a tombstone from the journal.
struct IndexedEntry {
  std::string_view path;
  CachedEntry entry;
  bool deleted = false;
  bool directory = false;  // a directory record: only kind, archived, stat and verified_ns
};
/// Sorted by path, one element per path.
using Index = std::vector<IndexedEntry>;

bool by_path(const IndexedEntry& a, const IndexedEntry& b) { return a.path < b.path; }

/// Whether `path` is the directory of records of `kind` (for a directory entry) or a file in it.
bool in_its_directory(std::string_view path, Kind kind, bool archived, bool directory) {
  std::string_view dir = info(kind).directory;
  if (!path.starts_with(dir)) return false;
  path.remove_prefix(dir.size());
  if (archived) {
    if (!path.starts_with("/archive")) return false;
    path.remove_prefix(8);
  }
  if (directory) return path.empty();
  return path.size() > 1 && path[0] == '/' && path.find('/', 1) == std::string_view::npos;
}

/// Decodes the framed record at the front of `body` into `r` and moves past it; blobs kept
/// apart are in `blobs`. False when the frame is not sound.
bool read_record(std::string_view& body, std::string_view blobs, IndexedEntry& r) {
  if (body.size() < frame_size) return false;
  auto size = take<std::uint32_t>(body);
  auto checksum = take<std::uint64_t>(body);
  if (size > body.size()) return false;
  std::string_view payload = body.substr(0, size);
  body.remove_prefix(size);
  if (hash_bytes(payload) != checksum) return false;
  try {
    r = IndexedEntry{};
    auto type = take<std::uint8_t>(payload);
    r.path = take_string(payload);
    if (type == record_tombstone) {
      r.deleted = true;
      return payload.empty();
    }
    if (type != record_entry && type != record_directory) return false;
    CachedEntry& e = r.entry;
    auto kind = take<std::uint8_t>(payload);
    if (kind > static_cast<std::uint8_t>(Kind::lead)) return false;
    e.kind = static_cast<Kind>(kind);
    e.archived = take<std::uint8_t>(payload) != 0;
    e.stat.size = take<std::uint64_t>(payload);
    e.stat.inode = take<std::uint64_t>(payload);
    e.stat.mtime_ns = take<std::int64_t>(payload);
    e.stat.ctime_ns = take<std::int64_t>(payload);
    if (!in_its_directory(r.path, e.kind, e.archived, type == record_directory)) return false;
    if (type == record_directory) {
      r.directory = true;
      e.verified_ns = take<std::int64_t>(payload);
      return payload.empty();
    }
    e.content_hash = take<std::uint64_t>(payload);
    e.verified_ns = take<std::int64_t>(payload);
    e.summary = take_string(payload);
    e.blob_hash = take<std::uint64_t>(payload);
    if (take<std::uint8_t>(payload)) {
      e.blob = take_string(payload);
    } else {
      auto offset = take<std::uint64_t>(payload);
      auto blob_size = take<std::uint64_t>(payload);
      if (offset > blobs.size() || blob_size > blobs.size() - offset) return false;
      e.blob = blobs.substr(offset, blob_size);
    }
    return payload.empty();
  } catch (const Corrupt&) {
    return false;
  }
}

/// Appends the framed records of `body` to `records` (the journal). Returns false when it met
/// a bad frame (the rest is then ignored).
bool read_records(std::string_view body, std::vector<IndexedEntry>& records) {
  while (!body.empty()) {
    IndexedEntry r;
    if (!read_record(body, {}, r)) return false;
    records.push_back(r);
  }
  return true;
}

/// Decodes exactly `out.size()` records from `body` into `out`: the cache's entries, which come
/// strictly sorted by path and without tombstones. False when they do not.
bool read_sorted_records(std::string_view body, std::string_view blobs, std::span<IndexedEntry> out) {
  for (std::size_t i = 0; i < out.size(); ++i) {
    if (!read_record(body, blobs, out[i]) || out[i].deleted) return false;
    if (i > 0 && !(out[i - 1].path < out[i].path)) return false;
  }
  return body.empty();
}

/// Sorts records by path (stable, so of several records of one path the last one wins) and
/// keeps one per path.
void settle(std::vector<IndexedEntry>& records) {
  if (!std::is_sorted(records.begin(), records.end(), by_path))
    std::stable_sort(records.begin(), records.end(), by_path);
  std::size_t kept = 0;
  for (std::size_t i = 0; i < records.size(); ++i) {
    if (i + 1 < records.size() && records[i + 1].path == records[i].path) continue;
    records[kept++] = records[i];
  }
  records.resize(kept);
}

/// Applies the journal's records (settled) to the cache's (sorted): the journal wins. Works in
/// place, since a journal mostly replaces a few entries of a big cache.
void overlay(Index& base, const Index& journal) {
  auto by_path_of = [](const IndexedEntry& e, std::string_view path) { return e.path < path; };
  std::size_t removed = 0, sorted_size = base.size();
  for (const IndexedEntry& j : journal) {
    auto end = base.begin() + static_cast<std::ptrdiff_t>(sorted_size);
    auto at = std::lower_bound(base.begin(), end, j.path, by_path_of);
    if (at != end && at->path == j.path) {
      removed += j.deleted && !at->deleted;
      *at = j;  // a tombstone marks the entry for removal below
    } else if (!j.deleted) {
      base.push_back(j);
    }
  }
  if (removed > 0) {
    sorted_size -= static_cast<std::size_t>(std::count_if(
        base.begin(), base.begin() + static_cast<std::ptrdiff_t>(sorted_size),
        [](const IndexedEntry& e) { return e.deleted; }));
    std::erase_if(base, [](const IndexedEntry& e) { return e.deleted; });
  }
  if (sorted_size < base.size())
    std::inplace_merge(base.begin(), base.begin() + static_cast<std::ptrdiff_t>(sorted_size),
                       base.end(), by_path);
}

/// A read-only mapping of a whole file.
class Mapping {
 public:
  explicit Mapping(const fs::path& path) {
    Descriptor f(::open(path.c_str(), O_RDONLY | O_NOFOLLOW | O_CLOEXEC));
    struct stat st {};
    if (f.fd < 0 || ::fstat(f.fd, &st) != 0 || !S_ISREG(st.st_mode) || st.st_size == 0) return;
    void* p = ::mmap(nullptr, static_cast<std::size_t>(st.st_size), PROT_READ,
                     MAP_PRIVATE, f.fd, 0);
    if (p == MAP_FAILED) return;
    data_ = static_cast<const char*>(p);
    size_ = static_cast<std::size_t>(st.st_size);
  }
  Mapping(const Mapping&) = delete;
  Mapping& operator=(const Mapping&) = delete;
  ~Mapping() {
    if (data_) ::munmap(const_cast<char*>(data_), size_);
  }
  std::string_view bytes() const { return {data_, size_}; }

 private:
  const char* data_ = nullptr;
  std::size_t size_ = 0;
};

/// The cache as found on disk, merged with its journal.
struct LoadedCache {
  std::unique_ptr<Mapping> mapping;
  std::string journal;
  std::uint64_t generation = 0;
  bool usable = false;         // a cache of ours, all its records sound
  bool journal_sound = false;  // the journal belongs to this cache and all its records are sound
  Index index;
};

LoadedCache load_cache(const fs::path& dir, std::uint32_t print) {
  LoadedCache c;
  c.mapping = std::make_unique<Mapping>(dir / cache_name);
  std::string_view bytes = c.mapping->bytes();
  auto generation = read_header(bytes, cache_magic, print);
  if (!generation || bytes.size() < cache_header_size) return c;
  c.generation = *generation;
  std::string_view rest = bytes.substr(header_size);
  auto entries_size = take<std::uint64_t>(rest);
  auto second_half = take<std::uint64_t>(rest);
  auto count = take<std::uint64_t>(rest);
  auto first_count = take<std::uint64_t>(rest);
  if (entries_size > rest.size() || second_half > entries_size || first_count > count ||
      count > entries_size / frame_size)
    return c;
  std::string_view entries = rest.substr(0, entries_size), blobs = rest.substr(entries_size);
  c.index.resize(count);
  std::span<IndexedEntry> all(c.index);
  bool first_sound = false, second_sound = true;
  {
    // Two threads decode the two halves in place.
    std::optional<HelperThread> helper;
    if (first_count < count)
      helper.emplace([&] {
        second_sound = read_sorted_records(entries.substr(second_half), blobs, all.subspan(first_count));
      });
    first_sound = read_sorted_records(entries.substr(0, second_half), blobs, all.first(first_count));
  }
  if (!first_sound || !second_sound ||
      (first_count > 0 && first_count < count && !(all[first_count - 1].path < all[first_count].path))) {
    c.index.clear();
    return c;
  }
  c.usable = true;
  try {
    c.journal = read_regular_file(dir / journal_name, journal_name, std::size_t{1} << 31);
  } catch (const Error&) {
    return c;  // no journal yet
  }
  if (read_header(c.journal, journal_magic, print) != c.generation) return c;
  Index journal;
  if (read_records(std::string_view(c.journal).substr(header_size), journal)) {
    c.journal_sound = true;
    if (!journal.empty()) {
      settle(journal);
      overlay(c.index, journal);
    }
  }
  return c;
}

bool directory_is_writable(const fs::path& dir) {
  return ::access(dir.c_str(), W_OK | X_OK) == 0;
}

/// Writes `text` to dir/name through a temp file and a rename; false when it could not.
/// Writes dir/name through a temp file and a rename: `produce(write)` hands over the content
/// in pieces (buffered here, so it need not be held whole). False when it could not.
template <typename Produce>
bool replace_file_with(const fs::path& dir, const char* name, Produce produce) {
  std::random_device random;
  fs::path temp = dir / fmt::format(".{}.tmp-{}-{:08x}", name, ::getpid(), random());
  Descriptor f(::open(temp.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC | O_NOFOLLOW, 0644));
  if (f.fd < 0) return false;
  bool ok = true;
  std::string buffer;
  auto flush = [&] {
    std::size_t done = 0;
    while (ok && done < buffer.size()) {
      ssize_t n = ::write(f.fd, buffer.data() + done, buffer.size() - done);
      if (n < 0 && errno == EINTR) continue;
      if (n <= 0) ok = false;
      else done += static_cast<std::size_t>(n);
    }
    buffer.clear();
  };
  auto write = [&](std::string_view piece) {
    buffer.append(piece);
    if (buffer.size() >= (std::size_t{1} << 20)) flush();
  };
  produce(write);
  flush();
  if (!ok || ::rename(temp.c_str(), (dir / name).c_str()) != 0) {
    ::unlink(temp.c_str());
    return false;
  }
  return true;
}

bool replace_file(const fs::path& dir, const char* name, const std::string& text) {
  return replace_file_with(dir, name, [&](auto write) { write(text); });
}

bool append_file(const fs::path& path, const std::string& text) {
  Descriptor f(::open(path.c_str(), O_WRONLY | O_APPEND | O_CLOEXEC | O_NOFOLLOW));
  if (f.fd < 0) return false;
  return ::write(f.fd, text.data(), text.size()) == static_cast<ssize_t>(text.size());
}

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
  std::string blob, summary;
};

/// What happened to one file during a load. Small: most files of a warm load are only trusted.
struct Outcome {
  std::unique_ptr<Problem> problem;             // the file could not be read or parsed
  std::unique_ptr<Problem> conversion_problem;  // it is not a valid record of its kind
  enum class Source : std::uint8_t { none, trusted, verified, parsed } source = Source::none;
  std::unique_ptr<Fresh> fresh;  // for verified and parsed: the entry to record
};

/// One directory's record files, sorted by path (`dir` of each is 0 until the caller says).
struct Listing {
  std::vector<FileRef> files;
  std::vector<Problem> problems;
  std::deque<std::string> paths;  // what the files' paths point into
};

Listing list_directory(int fd, const std::string& dir, Kind kind, bool archived) {
  Listing out;
  DIR* d = ::fdopendir(::dup(fd));
  if (!d) return out;
  const auto name_at = static_cast<std::uint32_t>(dir.size() + 1);
  while (dirent* e = ::readdir(d)) {
    std::string_view name = e->d_name;
    if (name.empty() || name[0] == '.') continue;  // dot files, temp files of writers
    if (name.size() <= 5 || name.substr(name.size() - 5) != ".yaml") continue;
    std::string& path = out.paths.emplace_back();
    path.reserve(name_at + name.size());
    path.append(dir).append("/").append(name);
    if (!is_valid_id(name.substr(0, name.size() - 5))) {
      out.problems.push_back({Location{path}, "file name is not a valid id",
                              "rename it to lowercase letters, digits and '-', e.g. maria-lopez.yaml"});
      continue;
    }
    out.files.push_back({kind, archived, 0, name_at, path});
  }
  ::closedir(d);
  // One directory's paths share their prefix: sorting by name sorts them by path.
  std::sort(out.files.begin(), out.files.end(),
            [](const FileRef& a, const FileRef& b) { return a.name() < b.name(); });
  return out;
}

/// Runs every task, on `threads` threads.
void run_tasks(const std::vector<std::function<void()>>& tasks, unsigned threads) {
  std::atomic<std::size_t> next = 0;
  auto work = [&] {
    for (std::size_t t = next++; t < tasks.size(); t = next++) tasks[t]();
  };
  std::vector<std::unique_ptr<HelperThread>> pool;
  for (unsigned i = 1; i < threads; ++i) pool.push_back(std::make_unique<HelperThread>(work));
  work();
}

}  // namespace

FileStat file_stat(const struct stat& st) {
  FileStat s;
  s.size = static_cast<std::uint64_t>(st.st_size);
  s.inode = static_cast<std::uint64_t>(st.st_ino);
  s.mtime_ns = static_cast<std::int64_t>(st.st_mtim.tv_sec) * 1'000'000'000 + st.st_mtim.tv_nsec;
  s.ctime_ns = static_cast<std::int64_t>(st.st_ctim.tv_sec) * 1'000'000'000 + st.st_ctim.tv_nsec;
  return s;
}

bool is_racy(const FileStat& stat, std::int64_t verified_ns, std::int64_t margin_ns) {
  return std::max(stat.mtime_ns, stat.ctime_ns) + margin_ns >= verified_ns;
}

std::uint64_t hash_bytes(std::string_view bytes) {
  constexpr std::uint64_t k1 = 0x9E3779B97F4A7C15ull, k2 = 0xC2B2AE3D27D4EB4Full;
  auto mix = [](std::uint64_t x) {
    x ^= x >> 31;
    x *= 0x7FB5D329728EA185ull;
    x ^= x >> 27;
    x *= 0x81DADEF4BC2DD44Dull;
    return x ^ (x >> 33);
  };
  auto step = [](std::uint64_t h, const char* p) {
    std::uint64_t w;
    std::memcpy(&w, p, 8);
    h = (h ^ (w * k1)) * k2;
    return (h << 29) | (h >> 35);
  };
  const char* p = bytes.data();
  std::size_t n = bytes.size();
  // Four independent lanes of 8 bytes, so that the multiplications overlap.
  std::uint64_t lanes[4] = {k2 ^ (n * k1), k1 ^ n, k2 + n, k1 - n};
  while (n >= 32) {
    for (int i = 0; i < 4; ++i) lanes[i] = step(lanes[i], p + 8 * i);
    p += 32;
    n -= 32;
  }
  std::uint64_t h = lanes[0] ^ mix(lanes[1]) ^ mix(lanes[2] + k1) ^ mix(lanes[3] + k2);
  while (n >= 8) {
    h = step(h, p);
    p += 8;
    n -= 8;
  }
  std::uint64_t tail = 0;
  std::memcpy(&tail, p, n);
  h ^= tail * k1 + n;
  return mix(h);
}

namespace {
enum NodeFlags : std::uint8_t {
  flag_quoted = 1,
  flag_verbatim = 2,
  flag_comments = 4,  // comments_before / comment_after / comments_after follow
};

void encode_comments(std::string& out, const std::vector<std::string>& lines) {
  put_varint(out, lines.size());
  for (const auto& line : lines) put_string(out, line);
}

std::vector<std::string> decode_comments(std::string_view& in) {
  std::uint64_t count = take_varint(in);
  if (count > in.size()) throw Corrupt("bad count");
  std::vector<std::string> lines;
  lines.reserve(count);
  for (std::uint64_t i = 0; i < count; ++i) lines.emplace_back(take_string(in));
  return lines;
}
}  // namespace

void encode_node(const Node& node, std::string& out) {
  bool comments = !node.comments_before.empty() || !node.comment_after.empty() ||
                  !node.comments_after.empty();
  out.push_back(static_cast<char>(node.kind));
  out.push_back(static_cast<char>((node.quoted ? flag_quoted : 0) |
                                  (node.verbatim ? flag_verbatim : 0) |
                                  (comments ? flag_comments : 0)));
  put_varint(out, static_cast<std::uint64_t>(node.mark.line));
  put_varint(out, static_cast<std::uint64_t>(node.mark.column));
  if (comments) {
    encode_comments(out, node.comments_before);
    put_string(out, node.comment_after);
    encode_comments(out, node.comments_after);
  }
  switch (node.kind) {
    case Node::Kind::Null: break;
    case Node::Kind::Scalar: put_string(out, node.scalar); break;
    case Node::Kind::Sequence:
      put_varint(out, node.items.size());
      for (const Node& item : node.items) encode_node(item, out);
      break;
    case Node::Kind::Map:
      put_varint(out, node.entries.size());
      for (const auto& entry : node.entries) {
        put_string(out, entry.key);
        put_varint(out, static_cast<std::uint64_t>(entry.key_mark.line));
        put_varint(out, static_cast<std::uint64_t>(entry.key_mark.column));
        encode_node(entry.value, out);
      }
      break;
  }
}

Node decode_node(std::string_view& in, int max_depth) {
  if (max_depth < 0) throw Corrupt("nested too deep");
  Node node;
  auto kind = take<std::uint8_t>(in);
  if (kind > static_cast<std::uint8_t>(Node::Kind::Map)) throw Corrupt("bad node kind");
  node.kind = static_cast<Node::Kind>(kind);
  auto flags = take<std::uint8_t>(in);
  node.quoted = flags & flag_quoted;
  node.verbatim = flags & flag_verbatim;
  node.mark.line = static_cast<int>(take_varint(in));
  node.mark.column = static_cast<int>(take_varint(in));
  if (flags & flag_comments) {
    node.comments_before = decode_comments(in);
    node.comment_after = std::string(take_string(in));
    node.comments_after = decode_comments(in);
  }
  switch (node.kind) {
    case Node::Kind::Null: break;
    case Node::Kind::Scalar: node.scalar = std::string(take_string(in)); break;
    case Node::Kind::Sequence: {
      std::uint64_t count = take_varint(in);
      if (count > in.size()) throw Corrupt("bad count");
      node.items.reserve(count);
      for (std::uint64_t i = 0; i < count; ++i) node.items.push_back(decode_node(in, max_depth - 1));
      break;
    }
    case Node::Kind::Map: {
      std::uint64_t count = take_varint(in);
      if (count > in.size()) throw Corrupt("bad count");
      node.entries.reserve(count);
      for (std::uint64_t i = 0; i < count; ++i) {
        Node::Entry entry;
        entry.key = std::string(take_string(in));
        entry.key_mark.line = static_cast<int>(take_varint(in));
        entry.key_mark.column = static_cast<int>(take_varint(in));
        entry.value = decode_node(in, max_depth - 1);
        node.entries.push_back(std::move(entry));
      }
      break;
    }
  }
  return node;
}

fs::path cache_directory(const fs::path& root, const fs::path& fallback) {
  fs::path local = root / ".peers";
  struct stat st {};
  if (::lstat(local.c_str(), &st) == 0 && S_ISDIR(st.st_mode)) {
    if (directory_is_writable(local)) {
      ignore_state_directory(local);
      return local;
    }
    if (::access((local / cache_name).c_str(), R_OK) == 0) return local;
  } else if (directory_is_writable(root) && make_state_directory(local)) {
    return local;
  }
  if (fallback.empty()) return {};
  std::string name = fmt::format("{:016x}", hash_bytes(fs::absolute(root).lexically_normal().string()));
  fs::path dir = fallback / name;
  std::error_code ec;
  fs::create_directories(dir, ec);
  if (ec || !directory_is_writable(dir)) return {};
  ignore_state_directory(fallback);  // in case it is inside a git work tree
  return dir;
}

// The typed records are written field by field. A field added to one of these structs must be
// added here too (and format_version raised), or cached records would silently lose it: the
// sizes below make the build fail until then.
static_assert(sizeof(Person) == 632 && sizeof(LogEntry) == 264 && sizeof(Topic) == 328 &&
                  sizeof(Question) == 496 && sizeof(HistoryEntry) == 320,
              "a record struct changed: update encode_record/decode_record in src/core/cache.cpp "
              "and raise format_version");

namespace {

void put_list(std::string& out, const std::vector<std::string>& list) {
  put_varint(out, list.size());
  for (const auto& s : list) put_string(out, s);
}

std::vector<std::string> take_list(std::string_view& in) {
  std::uint64_t count = take_varint(in);
  if (count > in.size()) throw Corrupt("bad count");
  std::vector<std::string> list;
  list.reserve(count);
  for (std::uint64_t i = 0; i < count; ++i) list.emplace_back(take_string(in));
  return list;
}

std::string take_text(std::string_view& in) { return std::string(take_string(in)); }

void put_date(std::string& out, const std::optional<Date>& date) {
  out.push_back(date ? 1 : 0);
  if (date) put_varint(out, static_cast<std::uint64_t>(date->days_since_epoch() + (1 << 30)));
}

std::optional<Date> take_date(std::string_view& in) {
  if (!take<std::uint8_t>(in)) return std::nullopt;
  return Date::from_days(static_cast<std::int64_t>(take_varint(in)) - (1 << 30));
}

void put_node(std::string& out, const Node& node) {
  std::string bytes;
  encode_node(node, bytes);
  put_string(out, bytes);
}

Node take_node(std::string_view& in) {
  std::string_view bytes = take_string(in);
  return decode_node(bytes, 64);
}

template <typename T, typename F>
std::vector<T> take_items(std::string_view& in, F take_item) {
  std::uint64_t count = take_varint(in);
  if (count > in.size()) throw Corrupt("bad count");
  std::vector<T> items;
  items.reserve(count);
  for (std::uint64_t i = 0; i < count; ++i) items.push_back(take_item(in));
  return items;
}

}  // namespace

void encode_record(const Record& record, std::string& out) {
  if (const auto* p = std::get_if<Person>(&record)) {
    for (const auto* text : {&p->name, &p->title, &p->department, &p->email, &p->phone})
      put_string(out, *text);
    put_varint(out, p->handles.size());
    for (const auto& [network, handle] : p->handles) {
      put_string(out, network);
      put_string(out, handle);
    }
    put_list(out, p->expertise);
    put_list(out, p->tags);
    put_date(out, p->met);
    put_string(out, p->notes);
    put_varint(out, p->log.size());
    for (const auto& e : p->log) {
      put_date(out, e.date);
      put_string(out, e.note);
      put_string(out, e.by);
      put_node(out, e.extra);
    }
    put_string(out, p->added_by);
    put_string(out, p->status);
    put_string(out, p->forward_to);
    put_date(out, p->away_until);
    put_node(out, p->extra);
  } else if (const auto* t = std::get_if<Topic>(&record)) {
    put_string(out, t->name);
    put_list(out, t->aliases);
    put_string(out, t->description);
    put_list(out, t->related);
    put_node(out, t->extra);
  } else if (const auto* q = std::get_if<Question>(&record)) {
    for (const auto* text : {&q->text, &q->from, &q->channel}) put_string(out, *text);
    put(out, q->asked_at);
    out.push_back(static_cast<char>(q->status));
    for (const auto* text : {&q->routed_to, &q->answer, &q->answered_by}) put_string(out, *text);
    out.push_back(q->answered_at ? 1 : 0);
    if (q->answered_at) put(out, *q->answered_at);
    put_list(out, q->topics);
    put_varint(out, q->history.size());
    for (const auto& h : q->history) {
      put(out, h.at);
      for (const auto* text : {&h.event, &h.to, &h.by, &h.note}) put_string(out, *text);
      put_node(out, h.extra);
    }
    put_node(out, q->extra);
  }
}

Record decode_record(Kind kind, std::string_view in, std::string id, bool archived) {
  switch (kind) {
    case Kind::person: {
      Person p;
      p.id = std::move(id);
      for (auto* text : {&p.name, &p.title, &p.department, &p.email, &p.phone})
        *text = take_text(in);
      p.handles = take_items<std::pair<std::string, std::string>>(in, [](std::string_view& in) {
        std::string network = take_text(in);
        return std::pair{std::move(network), take_text(in)};
      });
      p.expertise = take_list(in);
      p.tags = take_list(in);
      p.met = take_date(in);
      p.notes = take_text(in);
      p.log = take_items<LogEntry>(in, [](std::string_view& in) {
        LogEntry e;
        auto date = take_date(in);
        if (!date) throw Corrupt("log entry without a date");
        e.date = *date;
        e.note = take_text(in);
        e.by = take_text(in);
        e.extra = take_node(in);
        return e;
      });
      p.added_by = take_text(in);
      p.status = take_text(in);
      p.forward_to = take_text(in);
      p.away_until = take_date(in);
      p.extra = take_node(in);
      if (!in.empty()) throw Corrupt("trailing bytes");
      return p;
    }
    case Kind::topic: {
      Topic t;
      t.id = std::move(id);
      t.name = take_text(in);
      t.aliases = take_list(in);
      t.description = take_text(in);
      t.related = take_list(in);
      t.extra = take_node(in);
      if (!in.empty()) throw Corrupt("trailing bytes");
      return t;
    }
    case Kind::question: {
      Question q;
      q.id = std::move(id);
      q.archived = archived;
      for (auto* text : {&q.text, &q.from, &q.channel}) *text = take_text(in);
      q.asked_at = take<Timestamp>(in);
      auto status = take<std::uint8_t>(in);
      if (status > static_cast<std::uint8_t>(QuestionStatus::closed)) throw Corrupt("bad status");
      q.status = static_cast<QuestionStatus>(status);
      for (auto* text : {&q.routed_to, &q.answer, &q.answered_by}) *text = take_text(in);
      if (take<std::uint8_t>(in)) q.answered_at = take<Timestamp>(in);
      q.topics = take_list(in);
      q.history = take_items<HistoryEntry>(in, [](std::string_view& in) {
        HistoryEntry h;
        h.at = take<Timestamp>(in);
        for (auto* text : {&h.event, &h.to, &h.by, &h.note}) *text = take_text(in);
        h.extra = take_node(in);
        return h;
      });
      q.extra = take_node(in);
      if (!in.empty()) throw Corrupt("trailing bytes");
      return q;
    }
    default: throw Corrupt("no typed record for this kind");
  }
}

bool has_typed_record(Kind kind) {
  return kind == Kind::person || kind == Kind::topic || kind == Kind::question;
}

Record to_record(const Node& root, Kind kind, const std::string& id, const std::string& path,
                 bool archived) {
  switch (kind) {
    case Kind::person: return person_from_node(root, id, path);
    case Kind::topic: return topic_from_node(root, id, path);
    case Kind::question: {
      Question q = question_from_node(root, id, path);
      q.archived = archived;
      return q;
    }
    default: return {};
  }
}

namespace {

std::string summarize_record(const Record& record) {
  if (const auto* p = std::get_if<Person>(&record)) return summarize(*p);
  if (const auto* t = std::get_if<Topic>(&record)) return summarize(*t);
  if (const auto* q = std::get_if<Question>(&record)) return summarize(*q);
  return {};
}

/// What a file's path and content add to the digest of the summaries.
std::uint64_t digest_term(std::string_view path, std::uint64_t content) {
  return hash_bytes(path) ^ (content * 0x9E3779B97F4A7C15ull);
}

/// Where one load puts what it reads: Documents, typed records straight into a Snapshot, or
/// routing summaries.
struct Sink {
  enum class Mode { documents, snapshot, summaries } mode = Mode::documents;
  std::vector<std::optional<Document>> documents;  // by file, for documents
  // For snapshot, by file: which of people/topics/questions it went to, and where.
  std::vector<std::size_t> slot;
  Snapshot* snapshot = nullptr;
  std::vector<char> filled;  // by file: a record was put in its slot (or a summary made)
  // For summaries, by file: the summary, pointing into the cache or into `owned`.
  std::vector<std::string_view> summary;
  std::vector<std::unique_ptr<std::string>> owned;  // summaries made now
  std::vector<std::uint64_t> content_hash;  // for records from the cache
  std::vector<std::uint64_t> digest_term;   // for summaries from the cache
};

/// Reads every file of `kinds`: from the cache when it may, else from disk (and then records
/// it in the cache). `files` comes back sorted by path.
/// True when `kinds` are only events and leads and they are few: reading those files directly
/// costs less than reading the cache of the whole store (as `peers show PERSON` does).
bool few_files_only(const fs::path& root, const std::vector<Kind>& kinds) {
  constexpr std::size_t few = 256;
  std::size_t files = 0;
  for (Kind kind : kinds) {
    if (kind != Kind::event && kind != Kind::lead) return false;
    DIR* d = ::opendir((root / info(kind).directory).c_str());
    if (!d) continue;
    while (::readdir(d) && files <= few) ++files;
    ::closedir(d);
  }
  return files <= few;
}

std::vector<Outcome> run_load(const fs::path& root, const StoreOptions& options,
                              const std::vector<Kind>& kinds, Files& files,
                              std::vector<Problem>& problems, Sink& sink, Stats* stats,
                              const LoadOptions& load) {
  const std::int64_t now_ns = load.now_ns.value_or(real_time_ns());
  const std::uint32_t print = fingerprint(options.limits);
  fs::path dir;
  if (options.use_cache && !few_files_only(root, kinds)) dir = cache_directory(root, options.cache_dir);
  auto loaded = std::make_shared<LoadedCache>();
  if (!dir.empty()) {
    try {
      *loaded = load_cache(dir, print);
    } catch (...) {
      *loaded = LoadedCache{};  // unusable: every file is read
    }
  }
  files.cache = loaded;
  const LoadedCache& cache = *loaded;

  // Each directory of the kinds asked for. It is trusted, and not listed, when its stat is the
  // one recorded with its file list: nothing was added, removed or renamed in it since.
  struct Directory {
    Kind kind = Kind::person;
    bool archived = false;
    std::string path;
    int fd = -1;
    FileStat stat;
    const CachedEntry* record = nullptr;
    bool trusted = false;
    std::vector<std::size_t> cached;  // when not trusted: its files' entries in the cache, by path
    Listing listing;
  };
  std::vector<Directory> directories;
  constexpr std::size_t kind_count = static_cast<std::size_t>(Kind::lead) + 1;
  int directory_of[kind_count][2];  // by kind and archived: the directory's index, or -1
  for (auto& by_kind : directory_of) by_kind[0] = by_kind[1] = -1;
  for (Kind kind : kinds)
    for (bool archived : {false, true}) {
      if (archived && kind != Kind::question) continue;
      Directory d;
      d.kind = kind;
      d.archived = archived;
      d.path = std::string(info(kind).directory) + (archived ? "/archive" : "");
      d.fd = ::open((root / d.path).c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
      if (d.fd < 0) continue;
      struct stat st {};
      if (::fstat(d.fd, &st) == 0) d.stat = file_stat(st);
      directory_of[static_cast<std::size_t>(kind)][archived] = static_cast<int>(directories.size());
      directories.push_back(std::move(d));
    }
  // One pass over the cache, in path order: a directory's record comes before its files (its
  // path is their prefix), so each file's directory is known to be trusted or not when it
  // comes. The files of trusted directories become the refs, in path order; the entries of
  // the others are paired with their listing below.
  auto& refs = files.refs;
  refs.reserve(cache.index.size());
  for (std::size_t c = 0; c < cache.index.size(); ++c) {
    const IndexedEntry& e = cache.index[c];
    int k = directory_of[static_cast<std::size_t>(e.entry.kind)][e.entry.archived];
    if (k < 0) continue;
    Directory& d = directories[static_cast<std::size_t>(k)];
    if (e.directory) {
      d.record = &e.entry;
      d.trusted = d.record->stat == d.stat &&
                  !is_racy(d.record->stat, d.record->verified_ns, load.racy_margin_ns);
    } else if (d.trusted) {
      refs.push_back({d.kind, d.archived, k, static_cast<std::uint32_t>(d.path.size() + 1), e.path, c});
    } else {
      d.cached.push_back(c);
    }
  }
  std::vector<std::function<void()>> tasks;
  for (Directory& d : directories)
    if (!d.trusted)
      tasks.emplace_back([&d] { d.listing = list_directory(d.fd, d.path, d.kind, d.archived); });
  run_tasks(tasks, tasks.size() > 1 ? 2 : 1);

  std::vector<int> dirs;
  std::vector<std::size_t> runs = {0, refs.size()};  // each run of refs is sorted by path
  for (Directory& d : directories) {
    dirs.push_back(d.fd);
    if (d.trusted) continue;
    // Both sorted by name: pair each listed file with its cache entry in one pass.
    std::size_t j = 0;
    for (FileRef& f : d.listing.files) {
      while (j < d.cached.size() && cache.index[d.cached[j]].path < f.path) ++j;
      if (j < d.cached.size() && cache.index[d.cached[j]].path == f.path) f.cached = d.cached[j];
      f.dir = static_cast<int>(dirs.size() - 1);
      refs.push_back(f);
    }
    files.listed.push_back(std::move(d.listing.paths));
    for (Problem& p : d.listing.problems) problems.push_back(std::move(p));
    runs.push_back(refs.size());
  }
  // Every load gives its files in path order, with or without the cache.
  auto by_file_path = [](const FileRef& a, const FileRef& b) { return a.path < b.path; };
  for (std::size_t r = 2; r < runs.size(); ++r)
    std::inplace_merge(refs.begin(), refs.begin() + static_cast<std::ptrdiff_t>(runs[r - 1]),
                       refs.begin() + static_cast<std::ptrdiff_t>(runs[r]), by_file_path);
  const bool recording = options.use_cache && !dir.empty();
  const bool typed = sink.mode == Sink::Mode::snapshot;
  const bool summaries = sink.mode == Sink::Mode::summaries;
  const int max_depth = options.limits.max_depth + 2;

  if (typed) {
    Snapshot& snap = *sink.snapshot;
    std::size_t counts[3] = {0, 0, 0};
    sink.slot.resize(refs.size());
    for (std::size_t i = 0; i < refs.size(); ++i) {
      int k = refs[i].kind == Kind::person ? 0 : refs[i].kind == Kind::topic ? 1 : 2;
      sink.slot[i] = counts[k]++;
    }
    snap.people.resize(counts[0]);
    snap.topics.resize(counts[1]);
    snap.questions.resize(counts[2]);
    sink.filled.assign(refs.size(), 0);
    sink.content_hash.resize(refs.size());
  } else if (summaries) {
    sink.summary.resize(refs.size());
    sink.owned.resize(refs.size());
    sink.digest_term.resize(refs.size());
    sink.filled.assign(refs.size(), 0);
  } else {
    sink.documents.resize(refs.size());
  }

  std::vector<Outcome> outcomes(refs.size());
  std::atomic<bool> corrupt_entry = false;

  auto put_record = [&](std::size_t i, Record&& record) {
    Snapshot& snap = *sink.snapshot;
    if (auto* p = std::get_if<Person>(&record)) snap.people[sink.slot[i]] = std::move(*p);
    else if (auto* t = std::get_if<Topic>(&record)) snap.topics[sink.slot[i]] = std::move(*t);
    else if (auto* q = std::get_if<Question>(&record)) snap.questions[sink.slot[i]] = std::move(*q);
    else return;
    sink.filled[i] = 1;
  };
  // Turns a parsed tree into what the sink wants. With `recorded`, also makes the blob (tree
  // and typed record) and the summary for the cache.
  auto deliver_tree = [&](std::size_t i, Node&& tree, Fresh* recorded) {
    const FileRef& f = refs[i];
    if (sink.mode == Sink::Mode::documents && !recorded) {
      sink.documents[i] = Document{f.kind, std::string(f.id()), std::string(f.path), std::move(tree), f.archived};
      return;
    }
    Record record;
    try {
      if (has_typed_record(f.kind))
        record = to_record(tree, f.kind, std::string(f.id()), std::string(f.path), f.archived);
    } catch (const Error& e) {
      if (sink.mode != Sink::Mode::documents)
        outcomes[i].conversion_problem = std::make_unique<Problem>(Problem{e.where(), e.what(), e.hint()});
    }
    std::string summary;
    if (recorded || summaries) summary = summarize_record(record);
    if (recorded) {
      std::string tree_bytes, record_bytes;
      encode_node(tree, tree_bytes);
      encode_record(record, record_bytes);
      recorded->blob = make_blob(tree_bytes, record_bytes);
      recorded->summary = summary;
    }
    if (typed) {
      put_record(i, std::move(record));
    } else if (summaries) {
      if (!std::holds_alternative<std::monostate>(record)) {
        sink.owned[i] = std::make_unique<std::string>(std::move(summary));
        sink.summary[i] = *sink.owned[i];
        sink.filled[i] = 1;
      }
    } else {
      sink.documents[i] = Document{f.kind, std::string(f.id()), std::string(f.path), std::move(tree), f.archived};
    }
  };
  // Fills the sink from a cached entry whose content is known to match the file.
  auto deliver_cached = [&](std::size_t i, const CachedEntry& e) {
    const FileRef& f = refs[i];
    if (summaries && !e.summary.empty()) {
      sink.summary[i] = e.summary;
      sink.digest_term[i] = digest_term(f.path, e.content_hash);
      sink.filled[i] = 1;
      return;
    }
    Blob blob = open_blob(e);
    if (typed && !blob.record.empty()) {
      sink.content_hash[i] = e.content_hash;
      put_record(i, decode_record(f.kind, blob.record, std::string(f.id()), f.archived));
      return;
    }
    deliver_tree(i, decode_node(blob.tree, max_depth), nullptr);
  };

  // With `distrust_cache` (its entry turned out corrupt) the file is read and parsed.
  auto read_one = [&](std::size_t i, bool distrust_cache) {
    const FileRef& f = refs[i];
    Outcome& out = outcomes[i];
    struct stat st {};
    const CachedEntry* cached = nullptr;
    char name[NAME_MAX + 1];
    name[f.name().copy(name, NAME_MAX)] = '\0';
    if (::fstatat(dirs[f.dir], name, &st, AT_SYMLINK_NOFOLLOW) == 0 &&
        S_ISREG(st.st_mode) && refs[i].cached != no_entry && !distrust_cache)
      cached = &cache.index[refs[i].cached].entry;
    FileStat now_stat = file_stat(st);
    if (cached && cached->stat == now_stat &&
        !is_racy(cached->stat, cached->verified_ns, load.racy_margin_ns)) {
      deliver_cached(i, *cached);
      out.source = Outcome::Source::trusted;
      return;
    }
    const std::string path(f.path);
    std::string text = read_regular_file(root / path, path, options.limits.max_bytes);
    out.fresh = std::make_unique<Fresh>();
    CachedEntry& fresh = out.fresh->entry;
    fresh.kind = f.kind;
    fresh.archived = f.archived;
    fresh.stat = now_stat;
    fresh.content_hash = hash_bytes(text);
    fresh.verified_ns = now_ns;
    if (cached && cached->stat.size == text.size() && cached->content_hash == fresh.content_hash) {
      deliver_cached(i, *cached);
      fresh.summary = cached->summary;
      fresh.blob = cached->blob;
      fresh.blob_hash = cached->blob_hash;
      out.source = Outcome::Source::verified;
      return;
    }
    Node tree = parse_yaml(text, path, options.limits);
    out.source = Outcome::Source::parsed;
    // A file that changed while it was read is not recorded.
    if (!recording || now_stat.size != text.size()) {
      if (recording) out.source = Outcome::Source::none;
      out.fresh.reset();
      deliver_tree(i, std::move(tree), nullptr);
      return;
    }
    deliver_tree(i, std::move(tree), out.fresh.get());
    fresh.summary = out.fresh->summary;
    fresh.blob = out.fresh->blob;
    fresh.blob_hash = hash_bytes(fresh.blob);
  };

  // Both cores take runs of neighbouring files (neighbours in a directory stat faster) until
  // none are left.
  constexpr std::size_t run_length = 512;
  std::atomic<std::size_t> next_run = 0;
  auto work = [&] {
    for (std::size_t begin = next_run++ * run_length; begin < refs.size();
         begin = next_run++ * run_length) {
      for (std::size_t i = begin; i < std::min(refs.size(), begin + run_length); ++i) {
        Outcome& out = outcomes[i];
        try {
          try {
            read_one(i, false);
          } catch (const Corrupt&) {
            // An entry whose blob fails its checksum or does not decode: read the file instead.
            corrupt_entry = true;
            out = Outcome{};
            read_one(i, true);
          }
        } catch (const Error& e) {
          out.source = Outcome::Source::none;
          out.fresh.reset();
          out.problem = std::make_unique<Problem>(Problem{e.where(), e.what(), e.hint()});
        }
      }
    }
  };
  {
    std::optional<HelperThread> helper;
    if (refs.size() > run_length) helper.emplace(work);
    work();
  }
  for (int fd : dirs) ::close(fd);

  Stats local;
  local.files = refs.size();
  local.cache_found = cache.usable;
  local.directory = dir;
  std::size_t changed = 0;
  for (const Outcome& o : outcomes) {
    switch (o.source) {
      case Outcome::Source::trusted: ++local.trusted; break;
      case Outcome::Source::verified: ++local.verified; ++changed; break;
      case Outcome::Source::parsed: ++local.parsed; ++changed; break;
      case Outcome::Source::none: break;
    }
  }
  // Entries of the kinds read now whose file is gone (or no longer usable) are dropped.
  std::vector<char> seen(cache.index.size(), 0);
  for (std::size_t i = 0; i < refs.size(); ++i)
    if (refs[i].cached != no_entry && outcomes[i].source != Outcome::Source::none) seen[refs[i].cached] = 1;
  auto reads_kind = [&](Kind kind) {
    return std::find(kinds.begin(), kinds.end(), kind) != kinds.end();
  };
  std::vector<std::string_view> gone;
  for (std::size_t c = 0; c < cache.index.size(); ++c) {
    if (seen[c] || cache.index[c].directory) continue;
    if (reads_kind(cache.index[c].entry.kind)) gone.push_back(cache.index[c].path);
  }
  local.dropped = gone.size();

  // A directory is recorded when every file in it is in the cache now (it then need not be
  // listed while its stat stays the same), and forgotten when one is not.
  std::vector<char> complete(directories.size(), 1);
  for (std::size_t k = 0; k < directories.size(); ++k) {
    if (!directories[k].listing.problems.empty()) complete[k] = 0;
    if (!directories[k].trusted) ++local.listed;
  }
  for (std::size_t i = 0; i < refs.size(); ++i)
    if (outcomes[i].source == Outcome::Source::none) complete[static_cast<std::size_t>(refs[i].dir)] = 0;
  std::vector<CachedEntry> new_records;
  new_records.reserve(directories.size());
  std::vector<std::pair<std::string_view, const CachedEntry*>> directory_records, recorded_now;
  std::vector<std::string_view> forgotten;
  for (std::size_t k = 0; k < directories.size() && recording; ++k) {
    const Directory& d = directories[k];
    if (complete[k] && d.trusted) {
      directory_records.emplace_back(d.path, d.record);
    } else if (complete[k]) {
      new_records.push_back(CachedEntry{d.kind, d.archived, d.stat, 0, now_ns, {}, {}, 0});
      directory_records.emplace_back(d.path, &new_records.back());
      recorded_now.push_back(directory_records.back());
    } else if (d.record) {
      forgotten.push_back(d.path);
    }
  }

  bool needs_rewrite =
      !cache.usable || corrupt_entry || (!cache.journal_sound && !cache.journal.empty());
  if (recording &&
      (needs_rewrite || changed > 0 || !gone.empty() || !recorded_now.empty() || !forgotten.empty()) &&
      directory_is_writable(dir)) {
    Descriptor lock(::open((dir / lock_name).c_str(), O_RDWR | O_CREAT | O_CLOEXEC | O_NOFOLLOW, 0644));
    if (lock.fd >= 0 && ::flock(lock.fd, LOCK_EX | LOCK_NB) == 0) {
      // Under the lock: append to the journal of the cache now on disk, unless the journal
      // would grow past an eighth of the cache, or there is no sound cache: then write it anew.
      std::size_t journal_growth = 0;
      for (const Outcome& o : outcomes)
        if (o.fresh) journal_growth += 128 + o.fresh->entry.summary.size() + o.fresh->entry.blob.size();
      std::uint64_t disk_generation = 0;
      bool same_cache = false;
      if (!needs_rewrite) {
        Descriptor f(::open((dir / cache_name).c_str(), O_RDONLY | O_CLOEXEC | O_NOFOLLOW));
        char head[header_size];
        if (f.fd >= 0 && ::pread(f.fd, head, header_size, 0) == static_cast<ssize_t>(header_size))
          if (auto g = read_header(std::string_view(head, header_size), cache_magic, print)) {
            disk_generation = *g;
            same_cache = true;
          }
      }
      std::size_t cache_bytes = cache.mapping->bytes().size();
      bool compact = needs_rewrite || !same_cache ||
                     cache.journal.size() + journal_growth > cache_bytes / 8 + 64 * 1024;
      std::string payload;
      if (!compact) {
        std::string records;
        for (std::size_t i = 0; i < refs.size(); ++i) {
          const Outcome& o = outcomes[i];
          if (o.source != Outcome::Source::verified && o.source != Outcome::Source::parsed) continue;
          payload.clear();
          encode_entry(payload, refs[i].path, o.fresh->entry, nullptr);
          frame(records, payload);
        }
        for (const auto& [path, record] : recorded_now) {
          payload.clear();
          encode_directory(payload, path, *record);
          frame(records, payload);
        }
        for (const auto* paths : {&gone, &forgotten})
          for (std::string_view path : *paths) {
            payload.clear();
            encode_tombstone(payload, path);
            frame(records, payload);
          }
        if (disk_generation == cache.generation && cache.journal_sound) {
          local.appended = append_file(dir / journal_name, records);
        } else {
          local.appended = replace_file(dir, journal_name,
                                        header(journal_magic, print, disk_generation) + records);
        }
      } else {
        // Everything this load saw, plus the entries of kinds it did not read, by path.
        struct Kept {
          std::string_view path;
          const CachedEntry* entry;
          bool directory = false;
        };
        std::vector<Kept> entries;
        entries.reserve(refs.size() + cache.index.size());
        for (std::size_t i = 0; i < refs.size(); ++i) {
          const Outcome& o = outcomes[i];
          if (o.source == Outcome::Source::trusted)
            entries.push_back({refs[i].path, &cache.index[refs[i].cached].entry});
          else if (o.source != Outcome::Source::none)
            entries.push_back({refs[i].path, &o.fresh->entry});
        }
        for (const auto& [path, record] : directory_records) entries.push_back({path, record, true});
        for (const auto& c : cache.index)
          if (!reads_kind(c.entry.kind)) entries.push_back({c.path, &c.entry, c.directory});
        std::sort(entries.begin(), entries.end(),
                  [](const Kept& a, const Kept& b) { return a.path < b.path; });
        std::uint64_t generation = std::random_device{}();
        generation = (generation << 32) ^ std::random_device{}();
        // The entries first, then their blobs: a command that needs no blob reads no blob.
        std::string heads;
        std::uint64_t blob_offset = 0, second_half = 0, first_count = entries.size();
        for (const Kept& kept : entries) {
          if (first_count == entries.size() &&
              &kept - entries.data() >= static_cast<std::ptrdiff_t>(entries.size() / 2)) {
            second_half = heads.size();
            first_count = static_cast<std::uint64_t>(&kept - entries.data());
          }
          payload.clear();
          if (kept.directory) encode_directory(payload, kept.path, *kept.entry);
          else encode_entry(payload, kept.path, *kept.entry, &blob_offset);
          frame(heads, payload);
        }
        std::string head = header(cache_magic, print, generation);
        put(head, static_cast<std::uint64_t>(heads.size()));
        put(head, second_half);
        put(head, static_cast<std::uint64_t>(entries.size()));
        put(head, first_count);
        if (replace_file_with(dir, cache_name, [&](auto write) {
              write(head);
              write(heads);
              for (const Kept& kept : entries)
                if (!kept.directory) write(kept.entry->blob);
            })) {
          local.rewrote = true;
          replace_file(dir, journal_name, header(journal_magic, print, generation));
        }
      }
    }
  }
  if (stats) *stats = local;
  return outcomes;
}

}  // namespace

namespace {
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
                       std::vector<FileHash>* hashes) {
  Snapshot s;
  Files loaded;
  const std::vector<FileRef>& files = loaded.refs;
  Sink sink;
  sink.mode = Sink::Mode::snapshot;
  sink.snapshot = &s;
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
  compact(s.questions, Kind::question);
  return s;
}

namespace {
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
  void make_records(std::vector<SummarySource>* sources) {
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
};

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
}  // namespace

Summaries load_summaries(const fs::path& root, const StoreOptions& options, Stats* stats,
                         const LoadOptions& load) {
  SummaryLoad loaded = load_summary_sources(root, options, stats, load);
  loaded.make_records(nullptr);
  return std::move(loaded.summaries);
}

namespace {
constexpr char index_magic[8] = {'P', 'E', 'E', 'R', 'S', 'R', 'I', '2'};
constexpr const char* index_name = "index";
constexpr std::size_t index_header_size = 24;  // magic, digest, checksum of the rest
constexpr std::size_t patches_worth_saving = 32;  // changed records (a changed one counts twice)
constexpr const char* patched_name = "index.patched";  // the digest of the last patch made
}  // namespace

/// The record a path names ("questions/archive/x.yaml": the archived question x).
std::optional<RecordSummary> record_at(std::string_view path) {
  for (Kind kind : {Kind::person, Kind::topic, Kind::question}) {
    std::string_view dir = info(kind).directory;
    if (path.substr(0, dir.size()) != dir || path.size() <= dir.size() + 6 || path[dir.size()] != '/')
      continue;
    std::string_view name = path.substr(dir.size() + 1);
    bool archived = kind == Kind::question && name.substr(0, 8) == "archive/";
    if (archived) name.remove_prefix(8);
    if (name.size() <= 5 || name.find('/') != std::string_view::npos) return std::nullopt;
    return RecordSummary{kind, name.substr(0, name.size() - 5), archived, {}};
  }
  return std::nullopt;
}

namespace {
/// The routing index saved in the cache directory, restored, with the digest of the records it
/// was built from and the list of their files (not read yet).
struct SavedIndex {
  std::shared_ptr<Mapping> mapping;
  std::uint64_t digest = 0;
  std::optional<RoutingIndex> index;  // none when there is no sound saved index
  std::string_view sources;
};

SavedIndex read_saved_index(const fs::path& dir) {
  SavedIndex saved;
  saved.mapping = std::make_shared<Mapping>(dir / index_name);
  std::string_view bytes = saved.mapping->bytes();
  if (bytes.size() < index_header_size || std::memcmp(bytes.data(), index_magic, 8) != 0) return saved;
  std::string_view rest = bytes.substr(8);
  auto digest = take<std::uint64_t>(rest);
  auto checksum = take<std::uint64_t>(rest);
  if (checksum != hash_bytes(rest)) return saved;
  try {
    std::string_view index = take_string(rest);
    saved.index = RoutingIndex::restore(index, saved.mapping);
    saved.digest = digest;
    saved.sources = rest;
  } catch (const Corrupt&) {
    saved.index.reset();
  }
  return saved;
}
}  // namespace

RoutingIndex load_routing_index(const fs::path& root, const StoreOptions& options,
                                std::vector<Problem>& skipped, Stats* stats, IndexSource* source,
                                const LoadOptions& load) {
  // Most runs find the saved index up to date: it is restored on a second thread while the
  // files are checked, and used when none of them changed since it was built.
  const fs::path cache_dir = options.use_cache ? cache_directory(root, options.cache_dir) : fs::path();
  SavedIndex saved;
  std::optional<SummaryLoad> summary_load;
  {
    std::optional<HelperThread> reader;
    if (!cache_dir.empty())
      reader.emplace([&saved, &cache_dir] {
        try {
          saved = read_saved_index(cache_dir);
        } catch (...) {
          saved = SavedIndex{};  // out of memory, say: the index is built instead
        }
      });
    summary_load = load_summary_sources(root, options, stats, load);
  }
  SummaryLoad& loaded = *summary_load;
  Summaries& summaries = loaded.summaries;
  std::vector<SummarySource> sources;
  bool records_made = false;
  auto make_records = [&] {
    if (!records_made) loaded.make_records(&sources);
    records_made = true;
  };
  for (auto& p : summaries.skipped) skipped.push_back(std::move(p));
  if (source) *source = IndexSource::built;
  // (The digest is known only when the cache is used.)
  const fs::path dir = summaries.digest ? cache_dir : fs::path();
  if (dir.empty()) {
    make_records();
    return RoutingIndex::build(summaries);
  }
  // The saved index: header, then the index, then the files it was built from. A new one
  // replaces it, and so does one patched with many records (a pull): the next run restores it.
  // A patch of a few records is cheaper to make again than to save, unless the next run has
  // to make the same one again.
  auto save = [&](const RoutingIndex& index) {
    if (!directory_is_writable(dir)) return;
    Descriptor lock(::open((dir / lock_name).c_str(), O_RDWR | O_CREAT | O_CLOEXEC | O_NOFOLLOW, 0644));
    if (lock.fd < 0 || ::flock(lock.fd, LOCK_EX | LOCK_NB) != 0) return;
    std::string body;
    put_string(body, index.save());
    put_varint(body, sources.size());
    for (const auto& [path, content] : sources) {
      put_string(body, path);
      put(body, content);
    }
    std::string head(index_magic, 8);
    put(head, summaries.digest);
    put(head, hash_bytes(body));
    replace_file_with(dir, index_name, [&](auto write) {
      write(head);
      write(body);
    });
  };
  // Whether the run before made this same patch (the store has not changed since): then it
  // is saved, since the store is likely to stay so for a while. Else this patch is noted.
  auto patched_before = [&] {
    std::string noted;
    try {
      noted = read_regular_file(dir / patched_name, patched_name, 64);
    } catch (const Error&) {
      // none noted yet
    }
    std::string digest;
    put(digest, summaries.digest);
    if (noted == digest) return true;
    if (directory_is_writable(dir)) replace_file(dir, patched_name, digest);
    return false;
  };
  if (saved.index && saved.digest == summaries.digest) {
    if (source) *source = IndexSource::restored;
    return *saved.index;
  }
  if (saved.index) {
    try {
      // Some records changed since: when they are few, the saved index is brought up to
      // date with them rather than built anew.
      make_records();
      std::string_view rest = saved.sources;
      std::vector<SummarySource> base;
      for (std::uint64_t n = take_count(rest); n > 0; --n) {
        std::string_view path = take_string(rest);
        base.push_back({path, take<std::uint64_t>(rest)});
      }
      // Both lists go by path (sorted here if an older index has them otherwise): walk
      // them side by side.
      std::vector<std::size_t> order(sources.size());
      for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
      auto before = [](std::string_view a, std::string_view b) { return a < b; };
      auto by_source = [&](std::size_t a, std::size_t b) { return before(sources[a].path, sources[b].path); };
      auto by_path = [&](const SummarySource& a, const SummarySource& b) { return before(a.path, b.path); };
      if (!std::is_sorted(order.begin(), order.end(), by_source))
        std::sort(order.begin(), order.end(), by_source);
      if (!std::is_sorted(base.begin(), base.end(), by_path))
        std::sort(base.begin(), base.end(), by_path);
      std::vector<RecordSummary> removed, added;
      const std::size_t most = std::max<std::size_t>(64, summaries.records.size() / 100);
      std::size_t i = 0, j = 0;
      while ((i < order.size() || j < base.size()) && added.size() + removed.size() <= most) {
        const SummarySource* now = i < order.size() ? &sources[order[i]] : nullptr;
        if (now && (j == base.size() || before(now->path, base[j].path))) {
          added.push_back(summaries.records[order[i++]]);
        } else if (!now || before(base[j].path, now->path)) {
          if (auto record = record_at(base[j].path)) removed.push_back(*record);
          ++j;
        } else {
          if (now->content != base[j].content) {
            removed.push_back(summaries.records[order[i]]);
            added.push_back(summaries.records[order[i]]);
          }
          ++i;
          ++j;
        }
      }
      if (i == order.size() && j == base.size() && added.size() + removed.size() <= most) {
        RoutingIndex& index = *saved.index;
        if (index.patch(removed, added, summaries.storage)) {
          if (source) *source = IndexSource::patched;
          if (added.size() + removed.size() > patches_worth_saving || patched_before())
            save(index);
          return index;
        }
      }
    } catch (const Corrupt&) {
      // not a sound list of files: built anew below
    }
  }
  make_records();
  RoutingIndex index = RoutingIndex::build(summaries);
  save(index);
  return index;
}

namespace {
constexpr char verdicts_magic[8] = {'P', 'E', 'E', 'R', 'S', 'C', 'K', '1'};
constexpr const char* verdicts_name = "check";
}  // namespace

Verdicts read_verdicts(const fs::path& root, const StoreOptions& options, std::uint64_t print) {
  if (!options.use_cache) return {};
  fs::path dir = cache_directory(root, options.cache_dir);
  if (dir.empty()) return {};
  Mapping mapping(dir / verdicts_name);
  std::string_view bytes = mapping.bytes();
  if (bytes.size() < 24 || std::memcmp(bytes.data(), verdicts_magic, 8) != 0) return {};
  bytes.remove_prefix(8);
  Verdicts verdicts;
  try {
    if (take<std::uint64_t>(bytes) != print) return {};
    if (take<std::uint64_t>(bytes) != hash_bytes(bytes)) return {};
    std::uint64_t count = take_count(bytes);
    verdicts.reserve(count);
    for (; count > 0; --count) {
      std::string path(take_string(bytes));
      Verdict& v = verdicts[std::move(path)];
      v.content = take<std::uint64_t>(bytes);
      v.findings = take_string(bytes);
    }
  } catch (const Corrupt&) {
    return {};
  }
  return verdicts;
}

void save_verdicts(const fs::path& root, const StoreOptions& options, std::uint64_t print,
                   const Verdicts& verdicts) {
  if (!options.use_cache) return;
  fs::path dir = cache_directory(root, options.cache_dir);
  if (dir.empty() || !directory_is_writable(dir)) return;
  std::vector<const Verdicts::value_type*> sorted;
  sorted.reserve(verdicts.size());
  for (const auto& entry : verdicts) sorted.push_back(&entry);
  std::sort(sorted.begin(), sorted.end(), [](auto* a, auto* b) { return a->first < b->first; });
  std::string body;
  put_varint(body, sorted.size());
  for (const auto* entry : sorted) {
    put_string(body, entry->first);
    put(body, entry->second.content);
    put_string(body, entry->second.findings);
  }
  std::string head(verdicts_magic, 8);
  put(head, print);
  put(head, hash_bytes(body));
  replace_file_with(dir, verdicts_name, [&](auto write) {
    write(head);
    write(body);
  });
}

}  // namespace peers::cache
