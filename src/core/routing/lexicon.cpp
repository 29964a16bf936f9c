#include "lexicon.hpp"

#include <algorithm>
#include <array>
#include <charconv>
#include <cstdlib>
#include <span>

#include <memory>

#include <hunspell/hunspell.hxx>

#include "store/files.hpp"

namespace peers::routing {
namespace {

/// The line of a file sorted by its first word whose first word is `key` (binary search in
/// place; WordNet's index and exception files are sorted so, their licence lines first).
std::string_view find_line(std::string_view file, std::string_view key) {
  std::size_t lo = 0, hi = file.size();
  while (lo < hi) {
    std::size_t mid = lo + (hi - lo) / 2;
    std::size_t start = file.rfind('\n', mid == 0 ? 0 : mid - 1);
    start = (start == std::string_view::npos || mid == 0) ? 0 : start + 1;
    if (start < lo) start = lo;
    std::size_t end = file.find('\n', start);
    if (end == std::string_view::npos) end = file.size();
    std::string_view line = file.substr(start, end - start);
    std::string_view word = line.substr(0, line.find(' '));
    if (word < key) lo = end + 1;
    else if (word > key) hi = start;
    else return line;
  }
  return {};
}

std::vector<std::string_view> tokens(std::string_view line) {
  std::vector<std::string_view> out;
  std::size_t i = 0;
  while (i < line.size()) {
    while (i < line.size() && line[i] == ' ') ++i;
    std::size_t j = line.find(' ', i);
    if (j == std::string_view::npos) j = line.size();
    if (j > i) out.push_back(line.substr(i, j - i));
    i = j;
  }
  return out;
}

std::size_t number(std::string_view text, int base = 10) {
  std::size_t n = 0;
  std::from_chars(text.data(), text.data() + text.size(), n, base);
  return n;
}

struct Suffix {
  std::string_view from, to;
};

// WordNet's own rules for inflections (morphy(7WN)), by part of speech.
constexpr std::array<Suffix, 8> noun_rules = {{{"s", ""}, {"ses", "s"}, {"xes", "x"}, {"zes", "z"},
                                               {"ches", "ch"}, {"shes", "sh"}, {"men", "man"}, {"ies", "y"}}};
constexpr std::array<Suffix, 8> verb_rules = {{{"s", ""}, {"ies", "y"}, {"es", "e"}, {"es", ""},
                                               {"ed", "e"}, {"ed", ""}, {"ing", "e"}, {"ing", ""}}};
constexpr std::array<Suffix, 4> adjective_rules = {{{"er", ""}, {"est", ""}, {"er", "e"}, {"est", "e"}}};

// How many senses of a word are followed, commonest first: rarer senses add more noise than
// meaning.
constexpr std::size_t senses_followed = 2;

}  // namespace

struct Lexicon::WordNet {
  struct Part {
    std::unique_ptr<files::Mapping> index, data, exceptions;
    std::span<const Suffix> rules;
  };
  std::array<Part, 3> parts;  // noun, verb, adjective
  std::unique_ptr<files::Mapping> counts;  // cntlist.rev: "sense_key sense_number tag_count"

  explicit WordNet(const std::string& dir) {
    const char* names[] = {"noun", "verb", "adj"};
    for (std::size_t i = 0; i < parts.size(); ++i) {
      std::string name = names[i];
      parts[i].index = std::make_unique<files::Mapping>(dir + "/index." + name);
      parts[i].data = std::make_unique<files::Mapping>(dir + "/data." + name);
      parts[i].exceptions = std::make_unique<files::Mapping>(dir + "/" + name + ".exc");
    }
    counts = std::make_unique<files::Mapping>(dir + "/cntlist.rev");
    parts[0].rules = noun_rules;
    parts[1].rules = verb_rules;
    parts[2].rules = adjective_rules;
  }

  /// The index line of the word's base form in one part of speech.
  std::string_view entry(const Part& part, std::string_view word) const {
    if (auto line = find_line(part.index->bytes(), word); !line.empty()) return line;
    if (auto line = find_line(part.exceptions->bytes(), word); !line.empty()) {
      auto t = tokens(line);
      for (std::size_t i = 1; i < t.size(); ++i)
        if (auto base = find_line(part.index->bytes(), t[i]); !base.empty()) return base;
    }
    for (const Suffix& r : part.rules) {
      if (word.size() <= r.from.size() + 2 || !word.ends_with(r.from)) continue;
      std::string base(word.substr(0, word.size() - r.from.size()));
      base += r.to;
      if (auto line = find_line(part.index->bytes(), base); !line.empty()) return line;
    }
    return {};
  }

  /// The synset offsets of an index line, commonest sense first.
  static std::vector<std::size_t> synsets(std::string_view line) {
    auto t = tokens(line);
    if (t.size() < 4) return {};
    std::size_t pointers = number(t[3]);
    std::size_t first = 4 + pointers + 2;
    std::vector<std::size_t> out;
    for (std::size_t i = first; i < t.size(); ++i) out.push_back(number(t[i]));
    return out;
  }

  /// The words of a synset, and the offsets of its broader synsets.
  void read_synset(const Part& part, std::size_t offset, std::vector<std::string>& words,
                   std::vector<std::size_t>& broader) const {
    std::string_view data = part.data->bytes();
    if (offset >= data.size()) return;
    std::size_t end = data.find('\n', offset);
    std::string_view line = data.substr(offset, end == std::string_view::npos ? end : end - offset);
    line = line.substr(0, line.find(" | "));
    auto t = tokens(line);
    if (t.size() < 4) return;
    std::size_t count = number(t[3], 16);
    std::size_t i = 4;
    for (std::size_t w = 0; w < count && i + 1 < t.size(); ++w, i += 2) words.emplace_back(t[i]);
    if (i >= t.size()) return;
    std::size_t pointers = number(t[i++]);
    for (std::size_t p = 0; p < pointers && i + 3 < t.size(); ++p, i += 4)
      if (t[i] == "@" || t[i] == "@i") broader.push_back(number(t[i + 1]));
  }
};

struct Lexicon::Speller {
  Hunspell hunspell;
  explicit Speller(const std::string& base)
      : hunspell((base + ".aff").c_str(), (base + ".dic").c_str()) {}
};

Lexicon::Lexicon(LexiconPaths paths) : paths_(std::move(paths)) {}
Lexicon::~Lexicon() = default;

Lexicon::WordNet& Lexicon::wordnet() {
  std::call_once(wordnet_once_, [&] { wordnet_ = std::make_unique<WordNet>(paths_.wordnet); });
  return *wordnet_;
}

Lexicon::Speller* Lexicon::speller() {
  std::call_once(speller_once_, [&] {
    if (::access((paths_.hunspell + ".dic").c_str(), R_OK) == 0)
      speller_ = std::make_unique<Speller>(paths_.hunspell);
  });
  return speller_.get();
}

bool Lexicon::in_wordnet(std::string_view word) {
  const WordNet& wn = wordnet();
  for (const auto& part : wn.parts)
    if (!wn.entry(part, word).empty()) return true;
  return false;
}

std::vector<Related> Lexicon::related(std::string_view word) {
  const WordNet& wn = wordnet();
  std::vector<Related> out;
  auto add = [&](std::string_view lemma, int distance) {
    // "female_parent" gives "female" and "parent"; "baby-sitter" gives "baby", "sitter".
    std::size_t i = 0;
    while (i <= lemma.size()) {
      std::size_t j = lemma.find_first_of("_-", i);
      if (j == std::string_view::npos) j = lemma.size();
      std::string part(lemma.substr(i, j - i));
      for (char& c : part) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
      if (part.size() > 2 && part != word) {
        auto it = std::find_if(out.begin(), out.end(), [&](const Related& r) { return r.word == part; });
        if (it == out.end()) out.push_back({part, distance});
        else it->distance = std::min(it->distance, distance);
      }
      i = j + 1;
    }
  };
  for (const auto& part : wn.parts) {
    std::string_view line = wn.entry(part, word);
    if (line.empty()) continue;
    auto senses = WordNet::synsets(line);
    if (senses.size() > senses_followed) senses.resize(senses_followed);
    std::vector<std::size_t> level = senses;
    for (int distance = 0; distance <= 2 && !level.empty(); ++distance) {
      std::vector<std::size_t> next;
      for (std::size_t offset : level) {
        std::vector<std::string> words;
        wn.read_synset(part, offset, words, next);
        for (const auto& w : words) add(w, distance);
      }
      level = std::move(next);
    }
  }
  std::stable_sort(out.begin(), out.end(),
                   [](const Related& a, const Related& b) { return a.distance < b.distance; });
  return out;
}

int Lexicon::english_count(std::string_view word) {
  const WordNet& wn = wordnet();
  std::string_view counts = wn.counts->bytes();
  std::vector<std::string_view> lemmas;
  for (const auto& part : wn.parts) {
    std::string_view line = wn.entry(part, word);
    std::string_view lemma = line.substr(0, line.find(' '));
    if (!lemma.empty() && std::find(lemmas.begin(), lemmas.end(), lemma) == lemmas.end())
      lemmas.push_back(lemma);
  }
  int total = 0;
  for (std::string_view lemma : lemmas) {
    // Sense keys start "lemma%"; the file is sorted by them: the first line at or after the key.
    std::string key = std::string(lemma) + '%';
    std::size_t lo = 0, hi = counts.size();
    while (lo < hi) {  // lo: a line start; the first line whose key is >= `key` is in [lo, hi]
      std::size_t mid = lo + (hi - lo) / 2;
      std::size_t start = mid == 0 ? 0 : counts.rfind('\n', mid - 1);
      start = start == std::string_view::npos || mid == 0 ? 0 : start + 1;
      if (start < lo) start = lo;
      std::size_t end = counts.find('\n', start);
      end = end == std::string_view::npos ? counts.size() : end + 1;
      if (counts.substr(start, end - start) < key) lo = end;
      else if (start == lo) break;
      else hi = start;
    }
    for (std::size_t at = lo; at < counts.size();) {
      std::size_t end = counts.find('\n', at);
      if (end == std::string_view::npos) end = counts.size();
      std::string_view line = counts.substr(at, end - at);
      if (!line.starts_with(key)) break;
      auto t = tokens(line);
      if (t.size() >= 3) total += static_cast<int>(number(t[2]));
      at = end + 1;
    }
  }
  return total;
}

bool Lexicon::spelled_right(std::string_view word) {
  Speller* s = speller();
  if (!s) return false;
  std::lock_guard lock(hunspell_mutex_);
  return s->hunspell.spell(std::string(word));
}

std::vector<std::string> Lexicon::corrections(std::string_view word) {
  Speller* s = speller();
  if (!s) return {};
  std::lock_guard lock(hunspell_mutex_);
  auto [it, added] = corrections_.try_emplace(std::string(word));
  if (added) it->second = s->hunspell.suggest(it->first);
  return it->second;
}

}  // namespace peers::routing
