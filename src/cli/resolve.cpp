#include "resolve.hpp"

#include <algorithm>

#include <fmt/format.h>

#include "output.hpp"
#include "peers/error.hpp"
#include "peers/text.hpp"

namespace peers::cli {

std::string describe_kinds(const std::vector<Kind>& kinds) {
  std::vector<std::string> nouns;
  for (Kind k : kinds) nouns.emplace_back(info(k).noun);
  if (nouns.size() == 1) return nouns.front();
  std::string last = nouns.back();
  nouns.pop_back();
  return join(nouns, ", ") + " or " + last;
}

Resolved resolve(const Store& store, std::string_view wanted, const std::vector<Kind>& kinds) {
  std::string key(wanted);
  if (!is_valid_id(key)) key = slugify(wanted);
  if (key.empty())
    throw Error(fmt::format("'{}' is not an id", safe(wanted)),
                "ids are lowercase letters, digits and '-', e.g. maria-lopez", exit_usage);

  for (Kind kind : kinds)  // an exact id needs no directory listing
    if (store.exists(kind, key)) return {kind, key};
  if (!is_valid_id(wanted) &&
      std::find(kinds.begin(), kinds.end(), Kind::person) != kinds.end()) {
    // A name, in its own script or transliterated, of someone whose id is not its slug
    // (chosen with --id, or a -2 namesake): "Олена Коваленко" or "olena kovalenko".
    std::string wanted_name = name_key(wanted);
    std::vector<std::string> named;
    Slugger slugger;
    for (const auto& p : store.snapshot({Kind::person}).people)
      if (name_key(p.name) == wanted_name || slugger(p.name) == key) named.push_back(p.id);
    if (named.size() == 1) return {Kind::person, named.front()};
    if (named.size() > 1)
      throw Error(fmt::format("'{}' is the name of {} people: {}", safe(wanted), named.size(),
                              join(named, ", ")),
                  "give the id", exit_not_found);
  }
  std::vector<Resolved> prefixed;
  std::vector<std::string> all;
  for (Kind kind : kinds) {
    for (auto& id : store.ids(kind, true)) {
      if (id.starts_with(key)) prefixed.push_back({kind, id});
      all.push_back(std::move(id));
    }
  }
  if (prefixed.size() == 1) return prefixed.front();
  if (prefixed.size() > 1) {
    std::vector<std::string> names;
    for (const auto& r : prefixed) names.push_back(r.id);
    std::string listed = names.size() > 10
                             ? join({names.begin(), names.begin() + 10}, ", ") +
                                   fmt::format(" and {} more", names.size() - 10)
                             : join(names, ", ");
    throw Error(fmt::format("'{}' is ambiguous: it starts {} ids: {}", safe(wanted),
                            prefixed.size(), listed),
                "type more of the id", exit_not_found);
  }
  auto close = closest_matches(key, all);
  std::string hint = close.empty()
                         ? fmt::format("'peers list' shows every id")
                         : fmt::format("did you mean {}?", join(close, " or "));
  throw Error(fmt::format("no {} '{}'", describe_kinds(kinds), safe(wanted)), hint,
              exit_not_found);
}

std::string resolve_id(const Store& store, Kind kind, std::string_view wanted) {
  return resolve(store, wanted, {kind}).id;
}

}  // namespace peers::cli
