// Runs a fuzz target without libFuzzer, with any compiler: every input file given (a directory
// gives every file in it), then deterministic mutations of them until the time is up. .ci/test
// runs each target this way in both passes, so the sanitizer pass fuzzes every parser for a
// short time; fuzz/run is the long, coverage-guided run.
//
//   fuzz_replay_<target> SECONDS PATH...
#include <algorithm>
#include <chrono>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>
#include <vector>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size);

namespace {

std::string read_file(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

void run(const std::string& input) {
  LLVMFuzzerTestOneInput(reinterpret_cast<const std::uint8_t*>(input.data()), input.size());
}

/// xorshift64: the same mutations on every machine.
struct Random {
  std::uint64_t state;
  std::uint64_t next() {
    state ^= state << 13;
    state ^= state >> 7;
    state ^= state << 17;
    return state;
  }
  std::size_t below(std::size_t n) { return n == 0 ? 0 : next() % n; }
};

std::string mutate(std::string s, Random& r) {
  static const char* interesting[] = {"\n", ":", "- ", "\"", "'", "{", "[", "\\", "\0", "\xff",
                                      "<<<<<<< ", "\r\n", "&a", "*a", "!!", "#", "|", ">"};
  for (int edits = 1 + static_cast<int>(r.below(4)); edits > 0; --edits) {
    std::size_t at = r.below(s.size() + 1);
    switch (r.below(6)) {
      case 0: if (!s.empty() && at < s.size()) s[at] = static_cast<char>(r.next()); break;
      case 1: s.insert(at, 1, static_cast<char>(r.next())); break;
      case 2: s.erase(at, r.below(16)); break;
      case 3: s.insert(at, interesting[r.below(std::size(interesting))]); break;
      case 4: if (at < s.size()) s.insert(at, s.substr(at, r.below(32))); break;
      default: s.resize(at); break;
    }
  }
  return s;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 3) {
    std::fprintf(stderr, "usage: %s SECONDS PATH...\n", argv[0]);
    return 2;
  }
  auto until = std::chrono::steady_clock::now() + std::chrono::seconds(std::atoi(argv[1]));
  std::vector<std::string> inputs;
  for (int i = 2; i < argc; ++i) {
    std::filesystem::path path = argv[i];
    if (std::filesystem::is_directory(path)) {
      std::vector<std::filesystem::path> files;
      for (const auto& entry : std::filesystem::recursive_directory_iterator(path))
        if (entry.is_regular_file()) files.push_back(entry.path());
      std::sort(files.begin(), files.end());
      for (const auto& f : files) inputs.push_back(read_file(f));
    } else if (std::filesystem::exists(path)) {
      inputs.push_back(read_file(path));
    }
  }
  if (inputs.empty()) {
    std::fprintf(stderr, "no inputs\n");
    return 2;
  }
  for (const auto& input : inputs) run(input);
  Random r{0x9e3779b97f4a7c15ull};
  std::size_t mutations = 0;
  while (std::chrono::steady_clock::now() < until) {
    run(mutate(inputs[r.below(inputs.size())], r));
    ++mutations;
  }
  std::printf("%zu inputs and %zu mutations, no crash\n", inputs.size(), mutations);
  return 0;
}
