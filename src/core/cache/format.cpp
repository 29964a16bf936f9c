#include "cache/format.hpp"

#include <openssl/sha.h>
#include <sys/stat.h>

#include <algorithm>
#include <chrono>
#include <cstring>
#include <span>

#include <fmt/format.h>

#include "store/state_dir.hpp"
#include "peers/text.hpp"
#include "util/bytes.hpp"
#include "util/helper_thread.hpp"

namespace fs = std::filesystem;

namespace peers::cache {

using namespace bytes;

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


namespace {
std::string_view checked(std::string_view bytes, std::uint64_t hash) {
  if (hash_bytes(bytes) != hash) throw Corrupt("bad checksum");
  return bytes;
}
}  // namespace

std::string_view open_record(const CachedEntry& e) { return checked(e.record, e.record_hash); }
std::string_view open_tree(const CachedEntry& e) { return checked(e.tree, e.tree_hash); }

namespace {
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
  put(out, e.stat.device);
}
}  // namespace

void encode_entry(std::string& out, std::string_view path, const CachedEntry& e,
                  BlobOffsets* offsets) {
  encode_head(out, record_entry, path, e);
  put(out, e.content_hash);
  out.append(reinterpret_cast<const char*>(e.content_sha.data()), e.content_sha.size());
  put(out, e.verified_ns);
  put_string(out, e.summary);
  put(out, e.record_hash);
  put(out, e.tree_hash);
  if (offsets) {
    out.push_back(0);
    put(out, offsets->record);
    put(out, static_cast<std::uint64_t>(e.record.size()));
    put(out, offsets->tree);
    put(out, static_cast<std::uint64_t>(e.tree.size()));
    offsets->record += e.record.size();
    offsets->tree += e.tree.size();
  } else {
    out.push_back(1);
    put_string(out, e.record);
    put_string(out, e.tree);
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

namespace {
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
    e.stat.device = take<std::uint64_t>(payload);
    if (!in_its_directory(r.path, e.kind, e.archived, type == record_directory)) return false;
    if (type == record_directory) {
      r.directory = true;
      e.verified_ns = take<std::int64_t>(payload);
      return payload.empty();
    }
    e.content_hash = take<std::uint64_t>(payload);
    if (payload.size() < e.content_sha.size()) return false;
    std::memcpy(e.content_sha.data(), payload.data(), e.content_sha.size());
    payload.remove_prefix(e.content_sha.size());
    e.verified_ns = take<std::int64_t>(payload);
    e.summary = take_string(payload);
    e.record_hash = take<std::uint64_t>(payload);
    e.tree_hash = take<std::uint64_t>(payload);
    if (take<std::uint8_t>(payload)) {
      e.record = take_string(payload);
      e.tree = take_string(payload);
      return payload.empty();
    }
    for (std::string_view* part : {&e.record, &e.tree}) {
      auto offset = take<std::uint64_t>(payload);
      auto size = take<std::uint64_t>(payload);
      if (offset > blobs.size() || size > blobs.size() - offset) return false;
      *part = blobs.substr(offset, size);
    }
    return payload.empty();
  } catch (const Corrupt&) {
    return false;
  }
}

/// The smallest payload of a record: a tombstone of a one-byte path.
constexpr std::size_t min_payload = 3;

/// Whether `entries` holds exactly `count` frames, each with a plausible payload length, the
/// second half starting at a frame boundary after `first_count` of them.
bool frames_fit(std::string_view entries, std::uint64_t count, std::uint64_t second_half,
                std::uint64_t first_count) {
  std::uint64_t seen = 0, at = 0;
  while (at < entries.size()) {
    if (seen == first_count && at != second_half) return false;
    if (entries.size() - at < frame_size || seen >= count) return false;
    std::uint32_t size;
    std::memcpy(&size, entries.data() + at, sizeof size);
    if (size < min_payload || size > entries.size() - at - frame_size) return false;
    at += frame_size + size;
    ++seen;
  }
  return seen == count && (first_count < count || second_half == entries.size());
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
}  // namespace

LoadedCache load_cache(const fs::path& dir, std::uint32_t print) {
  LoadedCache c;
  c.mapping = std::make_unique<files::Mapping>(dir / cache_name);
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
  // The counts are checked against the frames really there before an entry is allocated for
  // each: a sparse file with a plausible header costs a walk over its first frames, not
  // memory in proportion to what its header claims.
  if (!frames_fit(entries, count, second_half, first_count)) return c;
  // The journal is compacted into the cache once it outgrows an eighth of it: a bigger one is
  // not read (the cache is then written anew). It is read first, so that the index has room
  // for the files it adds from the start (growing it later would copy every entry).
  std::size_t journal_limit = bytes.size() / 4 + (std::size_t{1} << 20);
  bool journal_too_big = false;
  try {
    c.journal = read_regular_file(dir / journal_name, journal_name, journal_limit);
  } catch (const Error& e) {
    journal_too_big = e.exit_code() != exit_not_found;  // too big, a FIFO, a link...
  }  // else no journal yet
  Index journal;
  if (!c.journal.empty() && read_header(c.journal, journal_magic, print) == c.generation)
    c.journal_sound = read_records(std::string_view(c.journal).substr(header_size), journal);
  c.index.reserve(count + (c.journal_sound ? journal.size() : 0));
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
  c.usable = !journal_too_big;
  if (c.journal_sound && !journal.empty()) {
    settle(journal);
    overlay(c.index, journal);
  }
  return c;
}

FileStat file_stat(const struct stat& st) {
  FileStat s;
  s.size = static_cast<std::uint64_t>(st.st_size);
  s.inode = static_cast<std::uint64_t>(st.st_ino);
  s.mtime_ns = static_cast<std::int64_t>(st.st_mtim.tv_sec) * 1'000'000'000 + st.st_mtim.tv_nsec;
  s.ctime_ns = static_cast<std::int64_t>(st.st_ctim.tv_sec) * 1'000'000'000 + st.st_ctim.tv_nsec;
  s.device = static_cast<std::uint64_t>(st.st_dev);
  return s;
}

bool is_racy(const FileStat& stat, std::int64_t verified_ns, std::int64_t margin_ns) {
  return std::max(stat.mtime_ns, stat.ctime_ns) + margin_ns >= verified_ns;
}

std::size_t state_file_limit(const fs::path& dir) {
  std::uint64_t cache_size = files::regular_file_size(dir / cache_name).value_or(0);
  return static_cast<std::size_t>(std::min<std::uint64_t>(4 * cache_size + (64u << 20), SIZE_MAX / 2));
}

Sha256 sha256(std::string_view bytes) {
  Sha256 digest;
  ::SHA256(reinterpret_cast<const unsigned char*>(bytes.data()), bytes.size(), digest.data());
  return digest;
}

std::uint64_t prefix64(const Sha256& digest) {
  std::uint64_t out;
  std::memcpy(&out, digest.data(), sizeof out);
  return out;
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
    if (files::is_writable_directory(local)) {
      ignore_state_directory(local);
      return local;
    }
    if (files::is_readable(local / cache_name)) return local;
  } else if (files::is_writable_directory(root) && make_state_directory(local)) {
    return local;
  }
  if (fallback.empty()) return {};
  std::string name = fmt::format("{:016x}", hash_bytes(fs::absolute(root).lexically_normal().string()));
  fs::path dir = fallback / name;
  std::error_code ec;
  fs::create_directories(dir, ec);
  if (ec || !files::is_writable_directory(dir)) return {};
  ignore_state_directory(fallback);  // in case it is inside a git work tree
  return dir;
}

// The typed records are written field by field. A field added to one of these structs must be

}  // namespace peers::cache
