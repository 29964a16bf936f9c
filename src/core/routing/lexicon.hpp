#pragma once
// Internal to routing: what English says about a word the store may not use. WordNet (Debian
// wordnet-base) for meaning, Hunspell (hunspell-en-us) for spelling. Nothing is read until a
// question needs it: WordNet's sorted index files are mapped and searched in place (a few
// microseconds a word); Hunspell costs a few hundred milliseconds to load, so it is only asked
// about a question word that neither the store nor WordNet knows.
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <vector>

namespace peers::routing {

struct LexiconPaths {
  std::string wordnet = "/usr/share/wordnet";
  std::string hunspell = "/usr/share/hunspell/en_US";  // .aff and .dic
};

/// A word related to another by meaning, and how closely (1 = the same meaning).
struct Related {
  std::string word;  // folded, one word ("parent" of "female_parent" gives "female", "parent")
  int distance;      // 0: synonym, 1: broader term, 2: broader still
};

class Lexicon {
 public:
  explicit Lexicon(LexiconPaths paths = {});
  ~Lexicon();
  Lexicon(const Lexicon&) = delete;
  Lexicon& operator=(const Lexicon&) = delete;

  /// WordNet knows the word, in some inflection ("grandmas" -> "grandma").
  bool in_wordnet(std::string_view folded_word);
  /// Synonyms and broader terms of the word's commonest senses, nearest first, each once.
  std::vector<Related> related(std::string_view folded_word);
  /// How common the word is in English: how often its senses are tagged in WordNet's
  /// sense-tagged corpus (cntlist.rev, SemCor), over its base forms; 0 for a word WordNet does
  /// not know or never saw there ("old" 235, "year" 450, "maple" 3, "possum" 2).
  int english_count(std::string_view folded_word);
  /// Hunspell takes the word as correctly spelled English.
  bool spelled_right(std::string_view folded_word);
  /// Hunspell's corrections, best first.
  std::vector<std::string> corrections(std::string_view folded_word);

 private:
  struct WordNet;
  struct Speller;
  WordNet& wordnet();
  Speller* speller();

  LexiconPaths paths_;
  std::once_flag wordnet_once_, speller_once_;
  std::unique_ptr<WordNet> wordnet_;
  std::unique_ptr<Speller> speller_;
  // Hunspell is not thread-safe, and triage routes on two threads through one Lexicon: every
  // call into it holds this. Its suggestions take 0.1-0.3 s, so each word is asked once.
  std::mutex hunspell_mutex_;
  std::map<std::string, std::vector<std::string>, std::less<>> corrections_;
};

}  // namespace peers::routing
