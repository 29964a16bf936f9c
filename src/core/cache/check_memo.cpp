#include <algorithm>
#include <cstring>

#include "cache/cache.hpp"
#include "store/files.hpp"
#include "util/bytes.hpp"

namespace fs = std::filesystem;

namespace peers::cache {

using namespace bytes;

namespace {
constexpr char verdicts_magic[8] = {'P', 'E', 'E', 'R', 'S', 'C', 'K', '1'};
constexpr const char* verdicts_name = "check";
constexpr char store_findings_magic[8] = {'P', 'E', 'E', 'R', 'S', 'C', 'S', '1'};
constexpr const char* store_findings_name = "check.store";
}  // namespace

Verdicts read_verdicts(const fs::path& root, const StoreOptions& options, std::uint64_t print) {
  if (!options.use_cache) return {};
  fs::path dir = cache_directory(root, options.cache_dir);
  if (dir.empty()) return {};
  files::Mapping mapping(dir / verdicts_name, state_file_limit(dir));
  std::string_view bytes = mapping.bytes();
  if (bytes.size() < 24 || std::memcmp(bytes.data(), verdicts_magic, 8) != 0) return {};
  bytes.remove_prefix(8);
  Verdicts verdicts;
  try {
    if (take<std::uint64_t>(bytes) != print) return {};
    if (take<std::uint64_t>(bytes) != hash_bytes(bytes)) return {};
    std::uint64_t count = take_count(bytes, 10);  // path, content, findings
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
  if (dir.empty() || !files::is_writable_directory(dir)) return;
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
  files::replace_file(dir, verdicts_name, [&](const auto& write) {
    write(head);
    write(body);
  });
}

bool read_store_findings(const fs::path& root, const StoreOptions& options, std::uint64_t print,
                         std::string_view fingerprint,
                         const std::function<void(std::string_view)>& read) {
  return read_last_store_findings(root, options, print,
                                  [&](std::string_view remembered, std::string_view findings) {
                                    if (remembered == fingerprint) read(findings);
                                    return remembered == fingerprint;
                                  });
}

bool read_last_store_findings(
    const fs::path& root, const StoreOptions& options, std::uint64_t print,
    const std::function<bool(std::string_view fingerprint, std::string_view findings)>& read) {
  if (!options.use_cache) return false;
  fs::path dir = cache_directory(root, options.cache_dir);
  if (dir.empty()) return false;
  files::Mapping mapping(dir / store_findings_name, state_file_limit(dir));
  std::string_view bytes = mapping.bytes();
  if (bytes.size() < 24 || std::memcmp(bytes.data(), store_findings_magic, 8) != 0) return false;
  bytes.remove_prefix(8);
  std::string_view fingerprint;
  try {
    if (take<std::uint64_t>(bytes) != print) return false;
    fingerprint = take_string(bytes);
    if (take<std::uint64_t>(bytes) != hash_bytes(bytes)) return false;
  } catch (const Corrupt&) {
    return false;
  }
  return read(fingerprint, bytes);
}

void save_store_findings(const fs::path& root, const StoreOptions& options, std::uint64_t print,
                         std::string_view fingerprint, std::string_view findings) {
  if (!options.use_cache) return;
  fs::path dir = cache_directory(root, options.cache_dir);
  if (dir.empty() || !files::is_writable_directory(dir)) return;
  std::string head(store_findings_magic, 8);
  put(head, print);
  put_string(head, fingerprint);
  put(head, hash_bytes(findings));
  files::replace_file(dir, store_findings_name, [&](const auto& write) {
    write(head);
    write(findings);
  });
}

}  // namespace peers::cache
