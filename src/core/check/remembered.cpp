// A whole check remembered: its findings are kept next to the cache with the fingerprint of
// every file's path and content, so a check of a store nothing changed in reads no record.
// When a few record files changed and none of them changed what the store checkers read of
// it (its store facts), only those files are checked again (update_remembered).
#include <algorithm>
#include <numeric>
#include <memory>
#include <optional>
#include <unordered_map>

#include <fmt/format.h>

#include "cache/cache.hpp"
#include "check/checkers.hpp"
#include "store/files.hpp"
#include "store/layout.hpp"
#include "util/bytes.hpp"
#include "peers/check.hpp"
#include "peers/contacts.hpp"

namespace fs = std::filesystem;

namespace peers {

namespace {

// Raise it whenever a store checker's findings change, or what check.store holds (a file
// checker's: verdicts_version, in read.cpp, which this includes).
// 1: the first; 2: who found each finding, and each file's content, store facts and name mark;
// 3: who found a finding, next to it; 4: each code, message and hint text once (Texts)
constexpr std::uint64_t store_findings_version = 4;

/// At most this many changed files are checked again alone; more, and the store is.
constexpr std::size_t most_files_updated = 64;

std::uint64_t store_findings_print(const LoadLimits& limits) {
  return cache::hash_bytes(fmt::format("peers check store findings {} {}", store_findings_version,
                                       checks::verdicts_print(limits)));
}

/// What the store checkers read of a record, hashed (0 for a file without a typed record). A
/// store checker that reads anything else of a record must add it here, or a file that changes
/// only that would keep its old findings.
std::uint64_t store_facts(const cache::Record& record) {
  std::string facts;
  if (const auto* p = std::get_if<Person>(&record)) {
    facts = "person";
    for (const std::string& s : {p->name, email_key(*p), p->forward_to, p->status})
      bytes::put_string(facts, s);
  } else if (const auto* t = std::get_if<Topic>(&record)) {
    facts = "topic";
    bytes::put_string(facts, t->name);
    for (const auto* list : {&t->aliases, &t->related}) {
      bytes::put_varint(facts, list->size());
      for (const auto& s : *list) bytes::put_string(facts, s);
    }
  } else if (const auto* q = std::get_if<Question>(&record)) {
    facts = "question";
    bytes::put_string(facts, q->routed_to);
    bytes::put_string(facts, q->answered_by);
  } else {
    return 0;
  }
  return cache::hash_bytes(facts) | 1;  // never 0
}

/// What check.store keeps of each file besides its findings.
struct RememberedFile {
  std::string path;
  std::uint64_t content = 0;
  std::uint64_t facts = 0;
  std::pair<int, int> name_mark{0, 0};
};

/// A whole check as check.store keeps it: the findings in the order reported, who found each
/// (1: a store checker), and every file it was made from, with the names of the others.
struct Remembered {
  std::vector<Finding> findings;
  std::vector<char> from_store;
  std::vector<RememberedFile> files;
  std::vector<std::string> bad_names, temp_files;
  /// Of one decoded: where each finding starts in what it was decoded from, then where the
  /// last one ends.
  std::vector<std::size_t> starts;
};

/// The code, message and hint texts of check.store's findings, each kept once (most findings
/// say the same few things); a finding names them by their number.
struct Texts {
  std::vector<std::string_view> all;
  std::unordered_map<std::string_view, std::uint64_t> number;
  /// Texts added since: they must outlive `all` and `number`, which point into them.
  std::vector<std::unique_ptr<std::string>> owned;

  std::uint64_t number_of(const std::string& text) {
    if (auto it = number.find(text); it != number.end()) return it->second;
    const std::string& kept = *owned.emplace_back(std::make_unique<std::string>(text));
    all.push_back(kept);
    return number.emplace(kept, all.size() - 1).first->second;
  }
  std::string_view at(std::uint64_t n) const {
    if (n >= all.size()) throw bytes::Corrupt("check.store: no such text");
    return all[n];
  }
};

void encode_texts(const Texts& texts, std::string& out) {
  bytes::put_varint(out, texts.all.size());
  for (std::string_view text : texts.all) bytes::put_string(out, text);
}

/// The texts encode_texts wrote, pointing into `in`.
Texts decode_texts(std::string_view& in) {
  Texts texts;
  texts.all.resize(bytes::take_count(in));
  texts.number.reserve(texts.all.size());
  for (std::size_t n = 0; n < texts.all.size(); ++n) {
    texts.all[n] = bytes::take_string(in);
    texts.number.emplace(texts.all[n], n);
  }
  return texts;
}

void encode_finding(const Finding& f, char from_store, Texts& texts, std::string& out) {
  bytes::put<std::uint8_t>(out, static_cast<std::uint8_t>(from_store));
  bytes::put_string(out, f.where.file);
  bytes::put_varint(out, static_cast<std::uint64_t>(std::max(0, f.where.line)));
  bytes::put_varint(out, static_cast<std::uint64_t>(std::max(0, f.where.column)));
  bytes::put<std::uint8_t>(out, f.severity == Severity::error ? 1 : 0);
  for (const std::string* text : {&f.code, &f.message, &f.hint})
    bytes::put_varint(out, texts.number_of(*text));
  bytes::put<std::uint8_t>(out, f.fixable ? 1 : 0);
}

Finding decode_finding(std::string_view& in, const Texts& texts) {
  Finding f;
  f.where.file = bytes::take_string(in);
  f.where.line = static_cast<int>(bytes::take_varint(in));
  f.where.column = static_cast<int>(bytes::take_varint(in));
  f.severity = bytes::take<std::uint8_t>(in) ? Severity::error : Severity::warning;
  for (std::string* text : {&f.code, &f.message, &f.hint}) *text = texts.at(bytes::take_varint(in));
  f.fixable = bytes::take<std::uint8_t>(in) != 0;
  return f;
}

void encode_files(const Remembered& r, std::string& out) {
  bytes::put_varint(out, r.files.size());
  for (const auto& f : r.files) {
    bytes::put_string(out, f.path);
    bytes::put(out, f.content);
    bytes::put(out, f.facts);
    bytes::put_varint(out, static_cast<std::uint64_t>(std::max(0, f.name_mark.first)));
    bytes::put_varint(out, static_cast<std::uint64_t>(std::max(0, f.name_mark.second)));
  }
  for (const auto* names : {&r.bad_names, &r.temp_files}) {
    bytes::put_varint(out, names->size());
    for (const auto& name : *names) bytes::put_string(out, name);
  }
}

/// check.store's bytes: the texts, then the findings and the files (`body`).
std::string join(const Texts& texts, std::string_view body) {
  std::string out;
  encode_texts(texts, out);
  out.reserve(out.size() + body.size());
  out.append(body);
  return out;
}

std::string encode(const Remembered& r) {
  Texts texts;
  std::string body;
  bytes::put_varint(body, r.findings.size());
  for (std::size_t i = 0; i < r.findings.size(); ++i)
    encode_finding(r.findings[i], r.from_store[i], texts, body);
  encode_files(r, body);
  return join(texts, body);
}

/// The findings, and with `all` the rest; throws bytes::Corrupt when `in` is not what
/// encode made. `texts` are those of `in`; `whole` is what comes after them (`starts` are in
/// it).
Remembered decode(std::string_view& in, const Texts& texts, bool all) {
  Remembered r;
  const std::string_view whole = in;
  std::size_t count = bytes::take_count(in, 8);
  r.findings.reserve(count);
  r.from_store.reserve(count);
  if (all) r.starts.reserve(count + 1);
  for (; count > 0; --count) {
    if (all) r.starts.push_back(whole.size() - in.size());
    r.from_store.push_back(static_cast<char>(bytes::take<std::uint8_t>(in)));
    r.findings.push_back(decode_finding(in, texts));
  }
  if (!all) return r;
  r.starts.push_back(whole.size() - in.size());
  r.files.resize(bytes::take_count(in, 20));
  for (auto& f : r.files) {
    f.path = bytes::take_string(in);
    f.content = bytes::take<std::uint64_t>(in);
    f.facts = bytes::take<std::uint64_t>(in);
    f.name_mark.first = static_cast<int>(bytes::take_varint(in));
    f.name_mark.second = static_cast<int>(bytes::take_varint(in));
  }
  for (auto* names : {&r.bad_names, &r.temp_files}) {
    names->resize(bytes::take_count(in));
    for (auto& name : *names) name = bytes::take_string(in);
  }
  if (!in.empty()) throw bytes::Corrupt("check.store: not what encode made");
  return r;
}

/// The store as it is now, the way read_store_for_check lists it, with each file's content
/// hash (of valid records, from the cache: `known`); no fingerprint when a file cannot be read.
struct StoreNow {
  checks::StoreListing listing;
  std::vector<std::uint64_t> contents;
  std::string fingerprint;
};

StoreNow store_now(const fs::path& root, const StoreOptions& options,
                   const std::vector<cache::FileHash>& known_files) {
  StoreNow now;
  now.listing = checks::list_store_files(root);
  const auto& paths = now.listing.paths;
  std::unordered_map<std::string_view, std::uint64_t> known;
  known.reserve(known_files.size());
  for (const auto& h : known_files) known.emplace(h.path, h.content);
  now.contents.assign(paths.size(), 0);
  for (std::size_t i = 0; i < paths.size(); ++i) {
    if (auto it = known.find(paths[i]); it != known.end()) {
      now.contents[i] = it->second;
      continue;
    }
    // peers.yaml, events, leads and files that are not valid records: few, and read whole.
    try {
      now.contents[i] = checks::content_hash(
          read_regular_file(root / paths[i], paths[i], options.limits.max_bytes));
    } catch (const Error&) {
      return now;
    }
  }
  now.fingerprint = checks::files_fingerprint(now.listing, now.contents);
  return now;
}

/// What check.store keeps of a whole check of `input`.
Remembered remember(const CheckInput& input, std::vector<Finding> findings,
                    std::vector<char> from_store) {
  Remembered r;
  r.findings = std::move(findings);
  r.from_store = std::move(from_store);
  r.files.resize(input.files.size());
  std::unordered_map<std::string_view, std::size_t> index;
  index.reserve(input.files.size());
  for (std::size_t i = 0; i < input.files.size(); ++i) {
    const StoreFile& file = input.files[i];
    r.files[i].path = file.path;
    r.files[i].content = input.contents[i];
    if (file.name_mark) r.files[i].name_mark = *file.name_mark;
    index.emplace(file.path, i);
  }
  auto note = [&](Kind kind, const std::string& id, bool archived, const cache::Record& record) {
    if (const StoreFile* file = input.file_of(kind, id, archived))
      r.files[index.at(file->path)].facts = store_facts(record);
  };
  for (const auto& p : input.records.people) note(Kind::person, p.id, false, p);
  for (const auto& t : input.records.topics) note(Kind::topic, t.id, false, t);
  for (const auto& q : input.records.questions) note(Kind::question, q.id, q.archived, q);
  r.bad_names = input.bad_names;
  r.temp_files = input.temp_files;
  return r;
}

/// The last whole check, as encoded in `in`, brought up to date with the store as it is now
/// (`now`), when only a few record files changed and none of their store facts: their file
/// checkers run again and the store checkers' findings in them move with the `name` they point
/// at. Gives the findings, and the bytes check.store keeps now (the old ones, but for the
/// changed files' findings and the list of files). Nothing when the store must be checked whole.
std::optional<std::pair<std::vector<Finding>, std::string>> update_remembered(
    const fs::path& root, const StoreOptions& options, std::string_view in, const StoreNow& now) {
  std::string_view body = in;
  Texts texts = decode_texts(body);  // `body`: the findings and the files
  std::string_view rest = body;
  Remembered last = decode(rest, texts, true);
  const auto& paths = now.listing.paths;
  if (paths.size() != last.files.size() || now.listing.bad_names != last.bad_names ||
      now.listing.temp_files != last.temp_files)
    return std::nullopt;
  // The findings of a file are together, where the file's path sorts.
  auto file_order = [](const Finding& f, const std::string& path) {
    return std::forward_as_tuple(f.where.file != checks::config_path, f.where.file) <
           std::forward_as_tuple(path != checks::config_path, path);
  };
  struct Run {
    std::string path;
    std::size_t begin = 0, end = 0;  // of the file's findings in `last`
    std::vector<Finding> findings;   // the file's now
    std::vector<char> from_store;
  };
  std::vector<Run> runs;
  for (std::size_t i = 0; i < paths.size(); ++i) {
    RememberedFile& before = last.files[i];
    if (before.path != paths[i]) return std::nullopt;
    if (before.content == now.contents[i]) continue;
    PathKind kind = classify_path(paths[i]);
    if (!kind.kind || !cache::has_typed_record(*kind.kind) || runs.size() == most_files_updated)
      return std::nullopt;
    std::string text = read_regular_file(root / paths[i], paths[i], options.limits.max_bytes);
    if (checks::content_hash(text) != now.contents[i]) return std::nullopt;  // changed again
    StoreFile file = load_store_file(paths[i], std::move(text), options.limits);
    std::uint64_t facts = 0;
    std::pair<int, int> name_mark{0, 0};
    if (file.root && !file.load_error && !file.record_error) {
      facts = store_facts(
          cache::to_record(*file.root, *file.kind, file.id, file.path, file.archived));
      if (const Node* name = file.root->find("name")) name_mark = {name->mark.line, name->mark.column};
    }
    if (facts != before.facts) return std::nullopt;
    Run run;
    run.path = file.path;
    run.begin = static_cast<std::size_t>(
        std::lower_bound(last.findings.begin(), last.findings.end(), file.path, file_order) -
        last.findings.begin());
    run.end = run.begin;
    while (run.end < last.findings.size() && last.findings[run.end].where.file == file.path)
      ++run.end;
    // Its file checkers' findings come first, then the store checkers' (as check_store adds
    // them), which stay, moved with the mark of `name`; one that points elsewhere cannot be
    // moved without checking the store.
    run.findings = check_file(file);
    run.from_store.assign(run.findings.size(), 0);
    for (std::size_t f = run.begin; f < run.end; ++f) {
      if (!last.from_store[f]) continue;
      Finding finding = last.findings[f];
      Location& where = finding.where;
      if (where.line != 0 || where.column != 0) {
        if (std::pair{where.line, where.column} != before.name_mark) return std::nullopt;
        where.line = name_mark.first;
        where.column = name_mark.second;
      }
      run.findings.push_back(std::move(finding));
      run.from_store.push_back(1);
    }
    before.content = now.contents[i];
    before.name_mark = name_mark;
    runs.push_back(std::move(run));
  }
  if (runs.empty()) return std::nullopt;
  std::sort(runs.begin(), runs.end(), [](const Run& a, const Run& b) {
    return std::tie(a.begin, a.path) < std::tie(b.begin, b.path);  // the listing is by kind
  });
  // The findings between the changed files' stay as they are, bytes and all.
  std::size_t count = last.findings.size();
  for (const Run& run : runs) count = count + run.findings.size() - (run.end - run.begin);
  std::vector<Finding> findings;
  findings.reserve(count);
  std::string out;
  out.reserve(body.size() + 4096);
  bytes::put_varint(out, count);
  std::size_t kept = 0;  // the old findings before it are taken or left
  auto keep_until = [&](std::size_t end) {
    out.append(body.substr(last.starts[kept], last.starts[end] - last.starts[kept]));
    for (; kept < end; ++kept) findings.push_back(std::move(last.findings[kept]));
  };
  for (Run& run : runs) {
    keep_until(run.begin);
    std::vector<std::size_t> order(run.findings.size());
    std::iota(order.begin(), order.end(), 0);
    std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
      return checks::reported_before(run.findings[a], run.findings[b]);
    });
    for (std::size_t i : order) {
      encode_finding(run.findings[i], run.from_store[i], texts, out);
      findings.push_back(std::move(run.findings[i]));
    }
    kept = run.end;
  }
  keep_until(last.findings.size());
  encode_files(last, out);
  return std::pair{std::move(findings), join(texts, out)};
}

}  // namespace

std::vector<Finding> check_whole_store(const fs::path& root, const StoreOptions& options) {
  if (!options.use_cache) return check_store(read_store_for_check(root, options));
  const std::uint64_t print = store_findings_print(options.limits);
  refuse_symlinks_in_layout(root);
  // One load gives the content hashes, and when the store changed, the records.
  cache::ContentHashes known = cache::load_content_hashes(root, options);
  StoreNow now = store_now(root, options, known.files);
  std::optional<std::vector<Finding>> remembered;
  std::optional<std::pair<std::vector<Finding>, std::string>> updated;
  if (!now.fingerprint.empty()) {
    cache::read_last_store_findings(
        root, options, print, [&](std::string_view fingerprint, std::string_view in) {
          try {
            if (fingerprint == now.fingerprint) {
              known = {};  // the records are not needed: their load goes before the findings
              Texts texts = decode_texts(in);
              remembered = std::move(decode(in, texts, false).findings);
            } else {
              updated = update_remembered(root, options, in, now);
            }
          } catch (const bytes::Corrupt&) {
            // checked again below
          } catch (const Error&) {
            // a file changed meanwhile: checked again below, and reported
          }
          return true;
        });
  }
  if (remembered) return std::move(*remembered);
  if (updated) {
    cache::save_store_findings(root, options, print, now.fingerprint, updated->second);
    return std::move(updated->first);
  }
  Remembered checked;
  std::string fingerprint;  // the fingerprint of what was checked: a file may change meanwhile
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
    std::vector<char> from_store;
    std::vector<Finding> findings = checks::check_store(input, &from_store);
    fingerprint = std::move(input.fingerprint);
    if (fingerprint.empty()) return findings;
    checked = remember(input, std::move(findings), std::move(from_store));
  }
  cache::save_store_findings(root, options, print, fingerprint, encode(checked));
  return std::move(checked.findings);
}

}  // namespace peers
