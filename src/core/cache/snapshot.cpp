#include <algorithm>

#include <fmt/format.h>

#include "cache/cache.hpp"
#include "peers/routing.hpp"
#include "peers/store.hpp"
#include "peers/text.hpp"

namespace fs = std::filesystem;

namespace peers {

std::vector<Document> Store::read_all(const std::vector<Kind>& kinds,
                                      std::vector<Problem>& problems) const {
  return cache::load_documents(root_, options_, kinds, problems);
}

Snapshot Store::snapshot(const std::vector<Kind>& kinds) const {
  return cache::load_snapshot(root_, options_, kinds);
}

Snapshot Store::snapshot(const std::vector<Kind>& kinds, const QuestionFilter& questions) const {
  return cache::load_snapshot(root_, options_, kinds, nullptr, {}, nullptr, &questions);
}

Summaries Store::summaries() const { return cache::load_summaries(root_, options_); }

RoutingIndex Store::routing_index(std::vector<Problem>& skipped) const {
  return cache::load_routing_index(root_, options_, skipped);
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
