// A whole check remembered: its findings are kept next to the cache with the fingerprint of
// every file's path and content, so a check of a store nothing changed in reads no record.
#include <optional>
#include <unordered_map>

#include <fmt/format.h>

#include "cache/cache.hpp"
#include "check/checkers.hpp"
#include "store/files.hpp"
#include "store/layout.hpp"
#include "util/bytes.hpp"
#include "peers/check.hpp"

namespace fs = std::filesystem;

namespace peers {

namespace {

// Raise it whenever a store checker's findings change (a file checker's: verdicts_version,
// in read.cpp, which this includes).
// 1: the first
constexpr std::uint64_t store_findings_version = 1;

std::uint64_t store_findings_print(const LoadLimits& limits) {
  return cache::hash_bytes(fmt::format("peers check store findings {} {}", store_findings_version,
                                       checks::verdicts_print(limits)));
}

/// The fingerprint of the store as it is now, the way read_store_for_check makes it, with the
/// content hashes of valid records from the cache (`known`); empty when a file cannot be read.
std::string fingerprint_now(const fs::path& root, const StoreOptions& options,
                            const std::vector<cache::FileHash>& known_files) {
  checks::StoreListing listing = checks::list_store_files(root);
  std::unordered_map<std::string_view, std::uint64_t> known;
  known.reserve(known_files.size());
  for (const auto& h : known_files) known.emplace(h.path, h.content);
  std::vector<std::uint64_t> contents(listing.paths.size(), 0);
  for (std::size_t i = 0; i < listing.paths.size(); ++i) {
    const std::string& path = listing.paths[i];
    if (auto it = known.find(path); it != known.end()) {
      contents[i] = it->second;
      continue;
    }
    // peers.yaml, events, leads and files that are not valid records: few, and read whole.
    try {
      contents[i] = checks::content_hash(read_regular_file(root / path, path, options.limits.max_bytes));
    } catch (const Error&) {
      return {};
    }
  }
  return checks::files_fingerprint(listing, contents);
}

}  // namespace

std::vector<Finding> check_whole_store(const fs::path& root, const StoreOptions& options) {
  if (!options.use_cache) return check_store(read_store_for_check(root, options));
  const std::uint64_t print = store_findings_print(options.limits);
  refuse_symlinks_in_layout(root);
  // One load gives the content hashes, and when the store changed, the records.
  cache::ContentHashes known = cache::load_content_hashes(root, options);
  std::string fingerprint = fingerprint_now(root, options, known.files);
  std::optional<std::vector<Finding>> remembered;
  if (!fingerprint.empty()) {
    cache::read_store_findings(root, options, print, fingerprint, [&](std::string_view in) {
      known = {};  // the records are not needed: their load goes before the findings come
      try {
        std::vector<Finding> findings = checks::decode_findings(in);
        if (in.empty()) remembered = std::move(findings);
      } catch (const bytes::Corrupt&) {
        // checked again below
      }
    });
  }
  if (remembered) return std::move(*remembered);
  std::vector<Finding> findings;
  std::string checked;  // the fingerprint of what was checked: a file may change meanwhile
  {
    CheckInput input = checks::read_store_for_check(
        root, options, [&](std::vector<cache::FileHash>& hashes) {
          auto records = known.records ? known.records(checks::question_fields) : std::nullopt;
          hashes = std::move(known.files);
          known = {};  // the load (its mapping of the cache above all) is not needed any more
          if (records) return std::move(*records);
          hashes.clear();
          return checks::load_records(root, options, hashes);
        });
    findings = check_store(input);
    checked = std::move(input.fingerprint);
  }
  if (!checked.empty()) {
    std::string encoded;
    checks::encode_findings(findings, encoded);
    cache::save_store_findings(root, options, print, checked, encoded);
  }
  return findings;
}

}  // namespace peers
