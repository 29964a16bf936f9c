#include "peers/analyze.hpp"

#include <algorithm>
#include <array>
#include <unordered_map>
#include <unordered_set>

#include <libstemmer.h>

#include "peers/text.hpp"

namespace peers {
namespace {

// Function words and the filler of chat messages: they say nothing about who should answer.
const std::unordered_set<std::string_view>& stop_words() {
  static const std::unordered_set<std::string_view> words = {
      "a", "about", "above", "after", "again", "all", "am", "an", "and", "any", "anybody",
      "anyone", "anything", "are", "as", "ask", "asking", "at", "be", "been", "before", "being",
      "both", "but", "by", "can", "cant", "could", "couldnt", "did", "didnt", "do", "does",
      "doesnt", "doing", "dont", "down", "during", "each", "else", "even", "ever", "every", "few",
      "for", "from", "get", "gets", "getting", "go", "goes", "going", "gonna", "got", "gotta",
      "guys", "had", "has", "hasnt", "have", "havent", "having", "he", "hello", "help", "her",
      "here", "hers", "hey", "hi", "him", "his", "how", "hows", "i", "id", "if", "ill", "im",
      "in", "into", "is", "isnt", "it", "its", "ive", "just", "know", "lol", "like", "me",
      "might", "more", "most", "much", "must", "my", "myself", "need", "needs", "no", "nor",
      "not", "now", "of", "off", "ok", "okay", "on", "once", "only", "or", "other", "our",
      "ours", "out", "over", "own", "please", "pls", "plz", "question", "questions", "quick",
      "really", "same", "say", "she", "should", "so", "some", "somebody", "someone", "something",
      "still", "such", "sure", "tell", "than", "thank", "thanks", "that", "thats", "the",
      "their", "theirs", "them", "then", "there", "theres", "these", "they", "theyre", "thing",
      "things", "this", "those", "through", "thx", "to", "too", "u", "um", "under", "until",
      "up", "ur", "us", "very", "wanna", "want", "wants", "was", "wasnt", "way", "we", "were",
      "what", "whats", "wat", "wen", "when", "whens", "where", "wheres", "which", "while", "who",
      "whom", "whos", "why", "will", "with", "wondering", "wont", "would", "wouldnt", "ya", "yall",
      "yes", "yo", "you", "youre", "your", "yours", "yourself", "anyway", "also", "btw",
      "does", "hw", "idk", "omg", "there", "ugh", "wut"};
  return words;
}

// Chat spellings and abbreviations that followers use for ordinary words.
const std::unordered_map<std::string_view, std::string_view>& chat_spellings() {
  static const std::unordered_map<std::string_view, std::string_view> words = {
      {"tix", "tickets"},   {"thru", "through"},  {"nite", "night"},        {"tmrw", "tomorrow"},
      {"tmr", "tomorrow"},  {"tmrow", "tomorrow"}, {"2moro", "tomorrow"},    {"wknd", "weekend"},
      {"appt", "appointment"}, {"dept", "department"}, {"info", "information"}, {"pic", "picture"},
      {"pics", "pictures"}, {"msg", "message"},   {"govt", "government"},   {"prof", "professor"},
      {"profs", "professors"}, {"bday", "birthday"}, {"b4", "before"},     {"pw", "password"},
      {"pwd", "password"},  {"acct", "account"},  {"yr", "year"},           {"yrs", "years"},
      {"sem", "semester"},  {"mins", "minutes"},  {"hrs", "hours"},         {"rn", "now"},
      {"ppl", "people"},    {"cuz", "because"},   {"bc", "because"},        {"abt", "about"},
      {"w", "with"},        {"ty", "thanks"}};
  return words;
}

bool is_ascii_word_char(unsigned char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
}

/// Non-ASCII characters that separate words: Latin-1 punctuation and symbols (U+00A0-U+00BF,
/// U+00D7, U+00F7) and general punctuation (U+2000-U+207F).
bool is_unicode_separator(char32_t cp) {
  return (cp >= 0xA0 && cp <= 0xBF) || cp == 0xD7 || cp == 0xF7 || (cp >= 0x2000 && cp <= 0x207F);
}

bool is_apostrophe(std::string_view ch) { return ch == "'" || ch == "\u2019" || ch == "`"; }

bool is_capitals(std::string_view raw) {
  bool letter = false;
  for (char c : raw) {
    if (c >= 'a' && c <= 'z') return false;
    if (c >= 'A' && c <= 'Z') letter = true;
  }
  return letter;
}

}  // namespace

bool is_stop_word(std::string_view folded_word) { return stop_words().count(folded_word) > 0; }

std::size_t allowed_typos(std::size_t length) {
  if (length >= 8) return 2;
  if (length >= 4) return 1;
  return 0;
}

std::string stem(std::string_view word) {
  if (word.empty() || std::all_of(word.begin(), word.end(), [](char c) { return c >= '0' && c <= '9'; }))
    return std::string(word);
  // Snowball's English stemmer; one per thread, since a stemmer keeps state while it works.
  struct Stemmer {
    sb_stemmer* snowball = sb_stemmer_new("english", "UTF_8");
    ~Stemmer() { sb_stemmer_delete(snowball); }
  };
  thread_local Stemmer stemmer;
  if (!stemmer.snowball) return std::string(word);
  const sb_symbol* out = sb_stemmer_stem(stemmer.snowball, reinterpret_cast<const sb_symbol*>(word.data()),
                                         static_cast<int>(word.size()));
  if (!out) return std::string(word);
  return std::string(reinterpret_cast<const char*>(out),
                     static_cast<std::size_t>(sb_stemmer_length(stemmer.snowball)));
}

std::vector<Word> analyze(std::string_view text) {
  std::vector<Word> words;
  std::string raw;
  bool joined_next = false;
  bool pending_join = false;
  bool last_kept = false;
  auto finish_word = [&] {
    if (raw.empty()) return;
    bool capitals = is_capitals(raw);
    bool ascii = std::all_of(raw.begin(), raw.end(),
                             [](char c) { return static_cast<unsigned char>(c) < 0x80; });
    std::string folded = ascii ? to_lower_ascii(raw) : fold(raw);
    raw.clear();
    bool joined = pending_join && last_kept;
    pending_join = false;
    last_kept = false;
    if (auto it = chat_spellings().find(folded); it != chat_spellings().end())
      folded = std::string(it->second);
    if (folded.size() < 2) return;
    if (!capitals && is_stop_word(folded)) return;
    words.push_back({folded, stem(folded), joined});
    last_kept = true;
  };
  for_each_code_point(text, [&](std::size_t at, std::size_t len, std::optional<char32_t> cp) {
    std::string_view ch = text.substr(at, len);
    if (len == 1 && is_ascii_word_char(static_cast<unsigned char>(ch[0]))) {
      if (joined_next && raw.empty()) pending_join = true;
      joined_next = false;
      raw += ch[0];
    } else if (is_apostrophe(ch) && !raw.empty()) {
      return true;  // "isn't" -> "isnt"
    } else if (len > 1 && !is_unicode_separator(*cp)) {
      if (joined_next && raw.empty()) pending_join = true;
      joined_next = false;
      raw += ch;
    } else {
      bool was_word = !raw.empty();
      finish_word();
      if (was_word || !(ch == "-" || ch == "/")) joined_next = was_word && (ch == "-" || ch == "/");
      if (!was_word) last_kept = false;
    }
    return true;
  });
  finish_word();
  return words;
}

std::vector<std::string> stems(std::string_view text) {
  std::vector<std::string> out;
  for (auto& w : analyze(text)) out.push_back(std::move(w.stem));
  return out;
}

}  // namespace peers
