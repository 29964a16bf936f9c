#pragma once
#include <string>
#include <string_view>
#include <vector>

namespace peers {

/// One word of a text as routing compares it.
struct Word {
  std::string surface;  // folded to lowercase without accents: "parking"
  std::string stem;     // stemmed (Snowball English): "park"
  bool joined = false;  // written against the word before with '-' or '/' ("work-study")
};

/// The words of a text that carry meaning: folded (case, accents), split on everything but
/// letters and digits (apostrophes are dropped inside a word: "isn't" -> "isnt"), common chat
/// spellings expanded ("tix" -> "tickets"), stop words and single letters left out. A word in
/// capitals ("IT", "US") is kept even when it is a stop word in lowercase.
std::vector<Word> analyze(std::string_view text);

/// The stems of `analyze(text)`, in order, repeats kept.
std::vector<std::string> stems(std::string_view text);

/// Snowball's English stem of a folded word, so that "parking", "parked" and "parks" all
/// become "park". Numbers are left alone.
std::string stem(std::string_view word);

bool is_stop_word(std::string_view folded_word);

/// How many typos (edit distance) a word of this length may carry and still match.
std::size_t allowed_typos(std::size_t length);

}  // namespace peers
