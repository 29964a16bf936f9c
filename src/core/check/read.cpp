// Reading a store for `peers check`: every file, even those the loader refuses, with the
// memo of each unchanged file's findings (cache/check_memo.cpp) so a second run parses only
// what changed.
#include <algorithm>
#include <atomic>

#include <fmt/format.h>

#include "util/bytes.hpp"
#include "util/helper_thread.hpp"
#include "cache/cache.hpp"
#include "check/checkers.hpp"
#include "store/files.hpp"
#include "store/layout.hpp"
#include "peers/events.hpp"
#include "peers/progress.hpp"
#include "peers/text.hpp"

namespace fs = std::filesystem;

namespace peers {

using checks::config_path;

namespace {

bool ends_with(std::string_view s, std::string_view suffix) {
  return s.size() >= suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}

bool is_temp_file(const std::string& name) {
  return name.size() > 1 && name[0] == '.' && name.find(".yaml.tmp-") != std::string::npos;
}

}  // namespace

// What file checkers found, as remembered between runs (see read_store_for_check).
// Raise verdicts_version whenever a file checker's findings change.
// 2: content keyed by SHA-256; 3: bad-type, hints; 4: the mark of `name`
constexpr std::uint64_t verdicts_version = 4;

std::uint64_t checks::verdicts_print(const LoadLimits& limits) {
  return cache::hash_bytes(fmt::format("peers check verdicts {} {} {} {}", verdicts_version,
                                       limits.max_bytes, limits.max_depth, limits.max_nodes));
}

void checks::encode_finding(const Finding& f, std::string& out) {
  bytes::put_string(out, f.where.file);
  bytes::put_varint(out, static_cast<std::uint64_t>(std::max(0, f.where.line)));
  bytes::put_varint(out, static_cast<std::uint64_t>(std::max(0, f.where.column)));
  bytes::put<std::uint8_t>(out, f.severity == Severity::error ? 1 : 0);
  bytes::put_string(out, f.code);
  bytes::put_string(out, f.message);
  bytes::put_string(out, f.hint);
  bytes::put<std::uint8_t>(out, f.fixable ? 1 : 0);
}

Finding checks::decode_finding(std::string_view& in) {
  Finding f;
  f.where.file = bytes::take_string(in);
  f.where.line = static_cast<int>(bytes::take_varint(in));
  f.where.column = static_cast<int>(bytes::take_varint(in));
  f.severity = bytes::take<std::uint8_t>(in) ? Severity::error : Severity::warning;
  f.code = bytes::take_string(in);
  f.message = bytes::take_string(in);
  f.hint = bytes::take_string(in);
  f.fixable = bytes::take<std::uint8_t>(in) != 0;
  return f;
}

void checks::encode_findings(const std::vector<Finding>& findings, std::string& out) {
  bytes::put_varint(out, findings.size());
  for (const auto& f : findings) encode_finding(f, out);
}

std::vector<Finding> checks::decode_findings(std::string_view& in) {
  std::vector<Finding> findings(bytes::take_count(in));
  for (auto& f : findings) f = decode_finding(in);
  return findings;
}

checks::StoreListing checks::list_store_files(const fs::path& root) {
  StoreListing listing;
  listing.paths = {config_path};
  for (const auto& kind : all_kinds()) {
    std::vector<std::string> dirs = {kind.directory};
    if (kind.kind == Kind::question) dirs.push_back(std::string(kind.directory) + "/archive");
    for (const auto& dir : dirs) {
      for (const auto& name : files::list_names(root / dir)) {
        std::string relative = dir + "/" + name;
        if (is_temp_file(name)) {
          listing.temp_files.push_back(relative);
        } else if (name[0] == '.' || !ends_with(name, ".yaml")) {
          continue;
        } else if (!is_valid_id(name.substr(0, name.size() - 5))) {
          listing.bad_names.push_back(relative);
        } else {
          listing.paths.push_back(std::move(relative));
        }
      }
    }
  }
  return listing;
}

std::uint64_t checks::content_hash(std::string_view text) {
  return cache::prefix64(cache::sha256(text));
}

std::string checks::files_fingerprint(const StoreListing& listing,
                                      const std::vector<std::uint64_t>& contents) {
  std::string all;
  bytes::put_varint(all, listing.paths.size());
  for (std::size_t i = 0; i < listing.paths.size(); ++i) {
    bytes::put_string(all, listing.paths[i]);
    bytes::put(all, contents[i]);
  }
  for (const auto* names : {&listing.bad_names, &listing.temp_files}) {
    bytes::put_varint(all, names->size());
    for (const auto& name : *names) bytes::put_string(all, name);
  }
  cache::Sha256 digest = cache::sha256(all);
  return std::string(reinterpret_cast<const char*>(digest.data()), digest.size());
}

StoreFile load_store_file(std::string path, std::string text, const LoadLimits& limits) {
  StoreFile file;
  PathKind kind = classify_path(path);
  file.path = std::move(path);
  file.kind = kind.kind;
  file.id = kind.id;
  file.archived = kind.archived;
  file.text = std::move(text);
  try {
    file.root = parse_yaml(file.text, file.path, limits);
  } catch (const Error& e) {
    file.load_error = e;
    return file;
  }
  try {
    if (!file.kind) {
      if (kind.is_config) config_from_node(*file.root, file.path);
    } else if (*file.kind == Kind::person) {
      person_from_node(*file.root, file.id, file.path);
    } else if (*file.kind == Kind::topic) {
      topic_from_node(*file.root, file.id, file.path);
    } else if (*file.kind == Kind::question) {
      question_from_node(*file.root, file.id, file.path);
    } else if (*file.kind == Kind::event) {
      event_from_node(*file.root, file.id, file.path);
    } else if (*file.kind == Kind::lead) {
      lead_from_node(*file.root, file.id, file.path);
    }
  } catch (const Error& e) {
    file.record_error = e;
  }
  return file;
}

namespace {
std::string record_key(Kind kind, std::string_view id, bool archived) {
  return fmt::format("{}/{}{}", info(kind).noun, archived ? "archive/" : "", id);
}

void index_files(CheckInput& input) {
  for (std::size_t i = 0; i < input.files.size(); ++i) {
    const StoreFile& file = input.files[i];
    if (file.kind) input.by_record.try_emplace(record_key(*file.kind, file.id, file.archived), i);
  }
  auto by_id = [](const auto& a, const auto& b) { return a.id < b.id; };
  std::stable_sort(input.records.people.begin(), input.records.people.end(), by_id);
  std::stable_sort(input.records.topics.begin(), input.records.topics.end(), by_id);
}

bool has_typed_record(const StoreFile& file) {
  return file.kind && cache::has_typed_record(*file.kind);
}

using TypedRecord = cache::Record;

TypedRecord typed_record(const StoreFile& file) {
  if (!file.root || file.record_error || !has_typed_record(file)) return {};
  return cache::to_record(*file.root, *file.kind, file.id, file.path, file.archived);
}

void add_record(Snapshot& records, TypedRecord&& record) {
  if (auto* p = std::get_if<Person>(&record)) records.people.push_back(std::move(*p));
  else if (auto* t = std::get_if<Topic>(&record)) records.topics.push_back(std::move(*t));
  else if (auto* q = std::get_if<Question>(&record)) records.questions.push_back(std::move(*q));
}

/// What is remembered of a file: the file checkers' findings and the mark of `name`.
std::string encode_verdict(const StoreFile& file) {
  std::string out;
  checks::encode_findings(*file.findings, out);
  bytes::put_varint(out, static_cast<std::uint64_t>(std::max(0, file.name_mark->first)));
  bytes::put_varint(out, static_cast<std::uint64_t>(std::max(0, file.name_mark->second)));
  return out;
}

/// Fills the file's findings and name mark; false when `in` is not what encode_verdict made.
bool decode_verdict(std::string_view in, StoreFile& file) {
  try {
    std::vector<Finding> findings = checks::decode_findings(in);
    int line = static_cast<int>(bytes::take_varint(in));
    int column = static_cast<int>(bytes::take_varint(in));
    if (!in.empty()) return false;
    file.findings = std::move(findings);
    file.name_mark = {line, column};
    return true;
  } catch (const bytes::Corrupt&) {
  }
  return false;
}
}  // namespace

const StoreFile* CheckInput::file_of(Kind kind, std::string_view id, bool archived) const {
  auto it = by_record.find(record_key(kind, id, archived));
  return it == by_record.end() ? nullptr : &files[it->second];
}

const Node* CheckInput::tree(const StoreFile& file) const {
  if (file.root) return &*file.root;
  if (file.load_error || root.empty()) return nullptr;
  auto [it, inserted] = reread_trees.try_emplace(file.path);
  if (inserted) {
    try {
      it->second = parse_yaml(read_regular_file(root / file.path, file.path, limits.max_bytes),
                              file.path, limits);
    } catch (const Error&) {
      // changed since it was checked: the finding goes without a line
    }
  }
  return it->second ? &*it->second : nullptr;
}

const Node* CheckInput::node(const StoreFile* file, std::string_view key) const {
  const Node* top = file ? tree(*file) : nullptr;
  return top ? top->find(key) : nullptr;
}

Location CheckInput::locate(const StoreFile& file, std::string_view key) const {
  if (key == "name" && file.name_mark)
    return Location{file.path, file.name_mark->first, file.name_mark->second};
  const Node* value = node(&file, key);
  return value ? Location{file.path, value->mark.line, value->mark.column}
               : Location{file.path, 0, 0};
}

CheckInput make_check_input(std::vector<StoreFile> files, std::vector<std::string> bad_names,
                            std::vector<std::string> temp_files) {
  CheckInput input;
  input.files = std::move(files);
  input.bad_names = std::move(bad_names);
  input.temp_files = std::move(temp_files);
  for (const auto& file : input.files)
    if (has_typed_record(file)) add_record(input.records, typed_record(file));
  index_files(input);
  return input;
}

Snapshot checks::load_records(const fs::path& root, const StoreOptions& options,
                              std::vector<cache::FileHash>& hashes) {
  QuestionFilter questions{question_fields, {}, {}};
  return cache::load_snapshot(root, options, {Kind::person, Kind::topic, Kind::question}, nullptr,
                              {}, &hashes, &questions);
}

CheckInput read_store_for_check(const fs::path& root, const StoreOptions& options) {
  return checks::read_store_for_check(root, options, [&](std::vector<cache::FileHash>& hashes) {
    return checks::load_records(root, options, hashes);
  });
}

CheckInput checks::read_store_for_check(const fs::path& root, const StoreOptions& options,
                                        const RecordLoad& load) {
  refuse_symlinks_in_layout(root);
  const LoadLimits& limits = options.limits;
  checks::StoreListing listing = checks::list_store_files(root);
  const std::vector<std::string>& paths = listing.paths;

  // What the file checkers found in each person, topic and question is remembered with the
  // file's content hash. When there is such a memory, the typed records come from the record
  // cache and only the files whose content changed since are parsed; else every file is.
  const std::uint64_t print = checks::verdicts_print(limits);
  cache::Verdicts verdicts = cache::read_verdicts(root, options, print);
  const bool remembered = !verdicts.empty();
  CheckInput input;
  input.root = root;
  input.limits = limits;
  std::unordered_map<std::string_view, std::uint64_t> content_of;
  std::vector<cache::FileHash> hashes;
  if (remembered) {
    input.records = load(hashes);
    input.records.skipped.clear();  // the files behind them are parsed below, and reported
    for (const auto& h : hashes) content_of.emplace(h.path, h.content);
  }

  std::vector<StoreFile> files(paths.size());
  std::vector<TypedRecord> records(remembered ? 0 : paths.size());
  std::vector<std::optional<cache::Verdict>> fresh(paths.size());
  std::vector<char> recalled(paths.size(), 0);
  // The content hash of each file, recalled or read now, for the fingerprint of the whole.
  std::vector<std::uint64_t> contents(paths.size(), 0);
  std::atomic<bool> unreadable = false;
  std::vector<std::size_t> to_read;
  for (std::size_t i = 0; i < paths.size(); ++i) {
    StoreFile& file = files[i];
    PathKind kind = classify_path(paths[i]);
    file.path = paths[i];
    file.kind = kind.kind;
    file.id = kind.id;
    file.archived = kind.archived;
    if (remembered && has_typed_record(file)) {
      auto content = content_of.find(file.path);
      auto verdict = verdicts.find(file.path);
      if (content != content_of.end() && verdict != verdicts.end() &&
          verdict->second.content == content->second)
        if (decode_verdict(verdict->second.findings, file)) {
          recalled[i] = 1;
          contents[i] = content->second;
          continue;
        }
    }
    to_read.push_back(i);
  }
  auto read = [&](std::size_t i) {
    StoreFile& file = files[i];
    std::uint64_t content = 0;
    try {
      std::string text = read_regular_file(root / file.path, file.path, limits.max_bytes);
      content = checks::content_hash(text);
      contents[i] = content;
      file = load_store_file(file.path, std::move(text), limits);
    } catch (const Error& e) {
      file.load_error = e;
      unreadable = true;
    }
    file.findings = check_file(file);
    // Only valid records are looked up next time: the others are always parsed.
    if (!has_typed_record(file) || file.load_error || file.record_error) return;
    const Node* name = file.root->find("name");
    file.name_mark = name ? std::pair{name->mark.line, name->mark.column} : std::pair{0, 0};
    fresh[i] = cache::Verdict{content, encode_verdict(file)};
    // The typed record is all the checks across files need; the tree is parsed again for the
    // few files they report on.
    if (!remembered) records[i] = typed_record(file);
    file.root.reset();
    file.text = std::string();
  };
  // Parsing is most of the work: both cores share it.
  std::atomic<std::size_t> next = 0;
  ProgressStage stage(options.progress, "checking", to_read.size());
  auto work = [&](bool reports) {
    for (std::size_t n = next++; n < to_read.size(); n = next++) {
      if (n % 64 == 0) {
        if (stage.stop_requested()) break;
        if (reports) stage.advance(n);
      }
      read(to_read[n]);
    }
  };
  {
    std::optional<HelperThread> helper;
    if (to_read.size() > 16) helper.emplace([&] { work(false); });
    work(true);
  }
  stage.stop_here_if_asked("the check was not finished; nothing was changed");

  if (!remembered)
    for (auto& record : records) add_record(input.records, std::move(record));
  // Remember the verdicts of the files read now; forget those of files that are gone. When
  // every verdict was recalled and none is gone, the memo stays as it is.
  const bool any_fresh =
      std::any_of(fresh.begin(), fresh.end(), [](const auto& v) { return v.has_value(); });
  const auto recalled_count =
      static_cast<std::size_t>(std::count(recalled.begin(), recalled.end(), 1));
  if (any_fresh || recalled_count != verdicts.size()) {
    cache::Verdicts kept;
    kept.reserve(paths.size());
    for (std::size_t i = 0; i < paths.size(); ++i) {
      if (fresh[i])
        kept.emplace(paths[i], std::move(*fresh[i]));
      else if (recalled[i])
        kept.emplace(paths[i], std::move(verdicts.find(paths[i])->second));
    }
    cache::save_verdicts(root, options, print, kept);
  }

  if (!unreadable) {
    input.fingerprint = checks::files_fingerprint(listing, contents);
    input.contents = std::move(contents);
  }
  input.files = std::move(files);
  input.bad_names = std::move(listing.bad_names);
  input.temp_files = std::move(listing.temp_files);
  input.parsed = to_read.size();
  index_files(input);
  return input;
}

}  // namespace peers
