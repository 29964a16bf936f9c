#include <algorithm>

#include <fmt/format.h>

#include "cache.hpp"
#include "peers/store.hpp"
#include "peers/text.hpp"

namespace fs = std::filesystem;

namespace peers {

std::vector<Document> Store::read_all(const std::vector<Kind>& kinds,
                                      std::vector<Problem>& problems) const {
  return cache::load_documents(root_, options_, kinds, problems);
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
