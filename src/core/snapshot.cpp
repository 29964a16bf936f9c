#include <dirent.h>

#include <algorithm>
#include <thread>

#include <fmt/format.h>

#include "peers/store.hpp"
#include "peers/text.hpp"

namespace fs = std::filesystem;

namespace peers {
namespace {

struct FileRef {
  Kind kind;
  std::string id;
  std::string path;
  bool archived;
};

void list_directory(const fs::path& root, Kind kind, bool archived, std::vector<FileRef>& files,
                    std::vector<Problem>& problems) {
  std::string dir = std::string(info(kind).directory) + (archived ? "/archive" : "");
  DIR* d = ::opendir((root / dir).c_str());
  if (!d) return;
  while (dirent* e = ::readdir(d)) {
    std::string_view name = e->d_name;
    if (name.empty() || name[0] == '.') continue;  // dot files, temp files of writers
    if (name.size() <= 5 || name.substr(name.size() - 5) != ".yaml") continue;
    std::string stem(name.substr(0, name.size() - 5));
    std::string path = dir + "/" + std::string(name);
    if (!is_valid_id(stem)) {
      problems.push_back({Location{path}, "file name is not a valid id",
                          "rename it to lowercase letters, digits and '-', e.g. maria-lopez.yaml"});
      continue;
    }
    files.push_back({kind, std::move(stem), std::move(path), archived});
  }
  ::closedir(d);
}

}  // namespace

std::vector<Document> Store::read_all(const std::vector<Kind>& kinds,
                                      std::vector<Problem>& problems) const {
  std::vector<FileRef> files;
  for (Kind kind : kinds) {
    list_directory(root_, kind, false, files, problems);
    if (kind == Kind::question) list_directory(root_, kind, true, files, problems);
  }
  std::sort(files.begin(), files.end(), [](const FileRef& a, const FileRef& b) {
    return std::tie(a.kind, a.path) < std::tie(b.kind, b.path);
  });

  std::vector<std::optional<Document>> documents(files.size());
  std::vector<std::optional<Problem>> failures(files.size());
  auto work = [&](std::size_t begin, std::size_t step) {
    for (std::size_t i = begin; i < files.size(); i += step) {
      const FileRef& f = files[i];
      try {
        std::string text = read_regular_file(root_ / f.path, f.path, options_.limits.max_bytes);
        documents[i] = Document{f.kind, f.id, f.path, parse_yaml(text, f.path, options_.limits),
                                f.archived};
      } catch (const Error& e) {
        failures[i] = Problem{e.where(), e.what(), e.hint()};
      }
    }
  };
  unsigned threads = files.size() > 64 ? std::max(2u, std::thread::hardware_concurrency()) : 1;
  std::vector<std::thread> pool;
  for (unsigned t = 1; t < threads; ++t) pool.emplace_back(work, t, threads);
  work(0, threads);
  for (auto& t : pool) t.join();

  std::vector<Document> out;
  out.reserve(files.size());
  for (std::size_t i = 0; i < files.size(); ++i) {
    if (documents[i]) out.push_back(std::move(*documents[i]));
    if (failures[i]) problems.push_back(std::move(*failures[i]));
  }
  return out;
}

Snapshot Store::snapshot() const {
  Snapshot s;
  std::vector<Document> documents =
      read_all({Kind::person, Kind::topic, Kind::question}, s.skipped);
  for (auto& d : documents) {
    try {
      switch (d.kind) {
        case Kind::person: s.people.push_back(person_from_node(d.root, d.id, d.path)); break;
        case Kind::topic: s.topics.push_back(topic_from_node(d.root, d.id, d.path)); break;
        case Kind::question: {
          Question q = question_from_node(d.root, d.id, d.path);
          q.archived = d.archived;
          s.questions.push_back(std::move(q));
          break;
        }
        default: break;
      }
    } catch (const Error& e) {
      s.skipped.push_back(Problem{e.where(), e.what(), e.hint()});
    }
  }
  return s;
}

namespace {
template <typename T>
const T* find_by_id(const std::vector<T>& records, std::string_view id) {
  auto it = std::lower_bound(records.begin(), records.end(), id,
                             [](const T& r, std::string_view want) { return r.id < want; });
  if (it != records.end() && it->id == id) return &*it;
  for (const auto& r : records)  // not sorted (archived questions come last)
    if (r.id == id) return &r;
  return nullptr;
}
}  // namespace

const Person* Snapshot::person(std::string_view id) const { return find_by_id(people, id); }
const Topic* Snapshot::topic(std::string_view id) const { return find_by_id(topics, id); }
const Question* Snapshot::question(std::string_view id) const { return find_by_id(questions, id); }

}  // namespace peers
