#pragma once
// The rules of `peers check`, each a function that adds findings, and what they share. The
// lists of rules that run are in check.cpp (file_checkers and checkers). Private to peers_core.
#include <filesystem>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "cache/cache.hpp"
#include "peers/check.hpp"

namespace peers::checks {

inline constexpr const char* config_path = "peers.yaml";

Finding make_finding(Location where, Severity severity, std::string code, std::string message,
                     std::string hint, bool fixable = false);
/// Where `node` of `file` is; the file alone when there is no node.
Location at(const StoreFile& file, const Node* node);

bool person_exists(const CheckInput& input, const std::string& id);
/// An error: `key` (at `node` of `file`) names a person or topic that does not exist, with
/// "did you mean" when one is close.
void report_unknown(const CheckInput& input, const StoreFile* file, const char* key,
                    const std::string& id, const Node* node, Kind kind,
                    std::vector<Finding>& findings);

// One file at a time (file_checks.cpp): what check_file runs, and the memo remembers.
void check_loading(const StoreFile& file, std::vector<Finding>& findings);
void check_record_fields(const StoreFile& file, std::vector<Finding>& findings);
void check_canonical(const StoreFile& file, std::vector<Finding>& findings);
void check_question_status(const StoreFile& file, std::vector<Finding>& findings);
void check_contact_types(const StoreFile& file, std::vector<Finding>& findings);

// Reading the store (read.cpp), shared with check_whole_store (remembered.cpp).
/// Of questions, the store checkers read only the people they name.
inline const std::vector<std::string> question_fields = {"routed_to", "answered_by"};
/// The typed records of every person, topic and question (questions with question_fields
/// only), with the content hash of each file they came from.
using RecordLoad = std::function<Snapshot(std::vector<cache::FileHash>& hashes)>;
/// read_store_for_check, taking the records from `load` when it takes them from the cache.
CheckInput read_store_for_check(const std::filesystem::path& root, const StoreOptions& options,
                                const RecordLoad& load);
/// The RecordLoad of a plain check: the records through the cache (load_snapshot).
Snapshot load_records(const std::filesystem::path& root, const StoreOptions& options,
                      std::vector<cache::FileHash>& hashes);
struct StoreListing {
  std::vector<std::string> paths;       // peers.yaml, then every record file, by kind and path
  std::vector<std::string> bad_names;   // *.yaml whose name is not an id
  std::vector<std::string> temp_files;  // writers' left-overs
};
StoreListing list_store_files(const std::filesystem::path& root);
/// The hash a file's content is remembered by: the first 8 bytes of its SHA-256, as the cache's.
std::uint64_t content_hash(std::string_view text);
/// SHA-256 of every path of `listing` with its content hash (`contents`, by path), and of
/// the names of the files that are not records.
std::string files_fingerprint(const StoreListing& listing,
                              const std::vector<std::uint64_t>& contents);
/// The file checkers' version and the load limits, which what they found is remembered with.
std::uint64_t verdicts_print(const LoadLimits& limits);
void encode_finding(const Finding& finding, std::string& out);
/// Throws bytes::Corrupt when `in` does not start with what encode_finding made.
Finding decode_finding(std::string_view& in);
void encode_findings(const std::vector<Finding>& findings, std::string& out);
/// Throws bytes::Corrupt when `in` is not what encode_findings made.
std::vector<Finding> decode_findings(std::string_view& in);

/// The order findings are reported in: peers.yaml first, then by file, line and column.
bool reported_before(const Finding& a, const Finding& b);
/// peers::check_store, saying of each finding (in `from_store`, when given) whether a store
/// checker found it (1) or a file checker (0).
std::vector<Finding> check_store(const CheckInput& input, std::vector<char>* from_store);

// Across files (store_checks.cpp, events_check.cpp).
void check_file_names(const CheckInput& input, std::vector<Finding>& findings);
void check_temp_files(const CheckInput& input, std::vector<Finding>& findings);
void check_references(const CheckInput& input, std::vector<Finding>& findings);
void check_retired_files(const CheckInput& input, std::vector<Finding>& findings);
void check_duplicates(const CheckInput& input, std::vector<Finding>& findings);
void check_aliases(const CheckInput& input, std::vector<Finding>& findings);
void check_events(const CheckInput& input, std::vector<Finding>& findings);

}  // namespace peers::checks
