#include "peers/check_changed.hpp"


#include <algorithm>
#include <exception>
#include <set>

#include "cache/cache.hpp"
#include "routing/summary.hpp"
#include "store/files.hpp"
#include "util/helper_thread.hpp"
#include "peers/text.hpp"

namespace fs = std::filesystem;

namespace peers {
namespace {

constexpr const char* config_path = "peers.yaml";

std::string record_path(Kind kind, const std::string& id, bool archived) {
  return std::string(info(kind).directory) + (archived ? "/archive/" : "/") + id + ".yaml";
}

/// The store file `path` names, as read_store_for_check would list it; nothing for other paths
/// (a README, a temp file, a file in a sub-directory).
std::optional<PathKind> store_file(const std::string& path) {
  if (path == config_path) return classify_path(path);
  PathKind kind = classify_path(path);
  if (!kind.kind || kind.id.empty() || kind.id[0] == '.') return std::nullopt;
  if (record_path(*kind.kind, kind.id, kind.archived) != path) return std::nullopt;
  return kind;
}

std::vector<std::string> yaml_names(const fs::path& dir) {
  std::vector<std::string> names;
  for (std::string& name : files::list_names(dir))
    if (name.size() > 5 && name[0] != '.' && name.ends_with(".yaml") &&
        is_valid_id(name.substr(0, name.size() - 5)))
      names.push_back(std::move(name));
  std::sort(names.begin(), names.end());
  return names;
}

StoreFile stub(const std::string& path) {
  PathKind kind = classify_path(path);
  StoreFile file;
  file.path = path;
  file.kind = kind.kind;
  file.id = kind.id;
  file.archived = kind.archived;
  file.findings = std::vector<Finding>{};  // not reported on: its file checkers do not run
  return file;
}

bool names_word(const std::string& text, const std::string& word) {
  auto is_id_char = [](char c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-'; };
  for (std::size_t at = text.find(word); at != std::string::npos; at = text.find(word, at + 1)) {
    bool starts = at == 0 || !is_id_char(text[at - 1]);
    std::size_t end = at + word.size();
    if (starts && (end == text.size() || !is_id_char(text[end]))) return true;
  }
  return false;
}

}  // namespace

namespace {

/// People and topics, as on disk, through the cache: what check_changed needs besides the
/// changed files (it reads them before it knows which files changed).
Snapshot load_context(const fs::path& root, const StoreOptions& options) {
  return cache::load_snapshot(root, options, {Kind::person, Kind::topic});
}

std::vector<Finding> check_changed_in(const fs::path& root, const StoreOptions& options,
                                      const ChangedFiles& changes,
                                      const std::function<Snapshot()>& load_records);

}  // namespace

std::vector<Finding> check_changed(const fs::path& root, const StoreOptions& options,
                                   const ChangedFiles& changes) {
  return check_changed_in(root, options, changes, [&] { return load_context(root, options); });
}

std::vector<Finding> check_changed(const fs::path& root, const StoreOptions& options,
                                   const std::function<ChangedFiles()>& list_changes,
                                   const std::function<void(const ChangedFiles&)>& listed) {
  ChangedFiles changes;
  std::exception_ptr failed;
  Snapshot records;
  {
    HelperThread lister([&] {
      try {
        changes = list_changes();
      } catch (...) {
        failed = std::current_exception();
      }
    });
    records = load_context(root, options);
  }
  if (failed) std::rethrow_exception(failed);
  if (listed) listed(changes);
  return check_changed_in(root, options, changes, [&] { return std::move(records); });
}

namespace {

std::vector<Finding> check_changed_in(const fs::path& root, const StoreOptions& options,
                                      const ChangedFiles& changes,
                                      const std::function<Snapshot()>& load_records) {
  auto read = [&](const std::string& path) -> std::optional<std::string> {
    if (changes.read) return changes.read(path);
    std::error_code ec;
    if (!fs::exists(fs::symlink_status(root / path, ec))) return std::nullopt;
    return read_regular_file(root / path, path, options.limits.max_bytes);
  };

  std::set<std::string> reported, overlaid, ids;
  std::vector<std::string> bad_names;
  for (const auto& path : changes.paths) {
    auto kind = store_file(path);
    if (!kind) continue;
    reported.insert(path);
    if (kind->kind) ids.insert(kind->id);
  }
  if (reported.empty()) return {};
  overlaid = reported;
  for (const auto& path : changes.also_read)
    if (store_file(path)) overlaid.insert(path);

  // Every file the overlay does not replace is taken as it is on disk, through the cache:
  // every person and topic (what references name, what duplicates and alias clashes are
  // found among), but no question: nothing refers to one, and the changed ones come from the
  // overlay. Only when the change removes a person are the questions that name them read,
  // found by their routing summaries (which hold routed_to and answered_by).
  std::set<std::string> removed_people;
  for (const auto& path : reported) {
    PathKind kind = classify_path(path);
    if (kind.kind != Kind::person) continue;
    try {
      if (!read(path)) removed_people.insert(kind.id);
    } catch (const Error&) {
      // there, but unreadable: read again below, to report it
    }
  }
  Snapshot cached = load_records();
  std::vector<std::string> naming_removed;  // unchanged questions that name a removed person
  if (!removed_people.empty()) {
    Summaries summaries = cache::load_summaries(root, options);
    for (const auto& r : summaries.records) {
      if (r.kind != Kind::question) continue;
      std::string path = record_path(Kind::question, std::string(r.id), r.archived);
      if (overlaid.count(path)) continue;
      bool names = true;
      try {
        auto [routed_to, answered_by] = question_people(r.bytes);
        names = removed_people.count(std::string(routed_to)) ||
                removed_people.count(std::string(answered_by));
      } catch (const std::exception&) {
        // not a summary this peers reads: read the file to be sure
      }
      if (names) naming_removed.push_back(std::move(path));
    }
  }
  std::vector<StoreFile> files;
  files.reserve(cached.people.size() + cached.topics.size() + naming_removed.size() +
                cached.skipped.size() + overlaid.size() + 1);
  std::vector<Person> people;
  std::vector<Topic> topics;
  auto keep = [&](auto& from, auto& to, Kind kind) {
    for (auto& record : from) {
      std::string path = record_path(kind, record.id, false);
      if (overlaid.count(path)) continue;
      files.push_back(stub(path));
      to.push_back(std::move(record));
    }
  };
  keep(cached.people, people, Kind::person);
  keep(cached.topics, topics, Kind::topic);
  for (const auto& path : naming_removed) {
    StoreFile file = load_store_file(
        path, read_regular_file(root / path, path, options.limits.max_bytes), options.limits);
    file.findings = std::vector<Finding>{};  // not reported on: its file checkers do not run
    files.push_back(std::move(file));
  }
  for (const auto& problem : cached.skipped)
    if (!overlaid.count(problem.where.file) && store_file(problem.where.file))
      files.push_back(stub(problem.where.file));
  if (!overlaid.count(config_path)) files.push_back(stub(config_path));

  // Events and leads are not in the record cache, and their checks need their trees.
  for (const auto& kind : all_kinds()) {
    if (kind.kind != Kind::event && kind.kind != Kind::lead) continue;
    for (const auto& name : yaml_names(root / kind.directory)) {
      std::string path = std::string(kind.directory) + "/" + name;
      if (overlaid.count(path)) continue;
      StoreFile file = load_store_file(
          path, read_regular_file(root / path, path, options.limits.max_bytes), options.limits);
      file.findings = std::vector<Finding>{};
      files.push_back(std::move(file));
    }
  }

  // The changed files (and those read for context only) as the overlay has them.
  for (const auto& path : overlaid) {
    std::optional<std::string> text;
    std::optional<Error> error;
    try {
      text = read(path);
    } catch (const Error& e) {
      text = "";
      error = e;
    }
    if (!text) continue;  // removed
    PathKind kind = classify_path(path);
    if (kind.kind && !is_valid_id(kind.id)) {
      if (reported.count(path)) bad_names.push_back(path);
      continue;
    }
    StoreFile file = error ? stub(path) : load_store_file(path, std::move(*text), options.limits);
    if (error) file.load_error = error;
    if (error || reported.count(path)) file.findings.reset();
    else file.findings = std::vector<Finding>{};
    files.push_back(std::move(file));
  }

  std::sort(files.begin(), files.end(),
            [](const StoreFile& a, const StoreFile& b) { return a.path < b.path; });
  CheckInput input = make_check_input(std::move(files), bad_names);
  input.focus.emplace(ids.begin(), ids.end());
  input.root = root;
  input.limits = options.limits;
  // Both sorted by id (the changed ones by make_check_input, the cached ones by the cache):
  // merged as a stable sort of the two would order them.
  auto merge = [](auto& into, auto& more) {
    auto by_id = [](const auto& a, const auto& b) { return a.id < b.id; };
    if (!std::is_sorted(more.begin(), more.end(), by_id))
      std::stable_sort(more.begin(), more.end(), by_id);
    std::size_t changed = into.size();
    into.insert(into.end(), std::make_move_iterator(more.begin()),
                std::make_move_iterator(more.end()));
    std::inplace_merge(into.begin(), into.begin() + changed, into.end(), by_id);
  };
  merge(input.records.people, people);
  merge(input.records.topics, topics);

  std::vector<Finding> findings = check_store(input);
  std::erase_if(findings, [&](const Finding& f) {
    if (reported.count(f.where.file)) return false;
    for (const auto& id : ids)
      if (names_word(f.message, id)) return false;
    return true;
  });
  return findings;
}

}  // namespace

}  // namespace peers
