// peers_routing_tune: chooses the ranking's weights by coordinate ascent on labelled sets, and
// measures how well that choice generalises by doing it leave-one-store-out.
//
//   peers_routing_tune [--loso] [--rounds N] STORE_DIR CASES STORE_DIR CASES ...
//
// Coordinate ascent (Metzler and Croft, "Linear feature-based models for information
// retrieval", 2007): one weight at a time, a few multiples of its value are tried and the best
// is kept when it raises the objective summed over the sets; rounds repeat until none does.
// The objective counts the ranking (p@1 + p@3 + MRR), how often "a good fit" is said exactly
// when the first person is right, and at half weight the nobody-questions declined; it sinks
// when `high` is right under 95% of the time. Prints the chosen weights as a PEERS_EVAL_WEIGHTS string.
#include <cmath>
#include <iostream>
#include <memory>
#include <thread>

#include "routing_labelled.hpp"

namespace {

using namespace labelled;

/// The weights tried: those named in PEERS_TUNE_ONLY ("bm25,medium"), else every one but those
/// that only say what is shown.
std::vector<std::string> tunable() {
  if (const char* only = std::getenv("PEERS_TUNE_ONLY"); only && *only) return peers::split(only, ',');
  peers::RoutingWeights w;
  std::vector<std::string> names;
  for (const auto& [name, value] : weight_fields(w))
    if (name != "shown") names.push_back(name);
  return names;
}

/// Where the ascent starts: the defaults, or PEERS_EVAL_WEIGHTS.
peers::RoutingWeights start() { return weights_from_env().value_or(peers::RoutingWeights{}); }

double objective(const Tally& t) {
  double high_penalty = t.high_precision() < 0.95 ? 1 : 0;
  return t.p1() + t.p3() + t.mrr() + t.fit_accuracy() + 0.5 * t.declined_share() - high_penalty;
}

std::vector<Tally> measure_all(const std::vector<const LabelledSet*>& sets, const peers::RoutingWeights& w) {
  std::vector<Tally> out(sets.size());
  std::vector<std::thread> threads;
  for (std::size_t i = 0; i < sets.size(); ++i)
    threads.emplace_back([&, i] { out[i] = measure(*sets[i], w); });
  for (auto& t : threads) t.join();
  return out;
}

double total(const std::vector<Tally>& tallies) {
  double sum = 0;
  for (const auto& t : tallies) sum += objective(t);
  return sum;
}

std::string differences(peers::RoutingWeights w) {
  peers::RoutingWeights defaults;
  auto now = weight_fields(w);
  auto before = weight_fields(defaults);
  std::string out;
  for (const auto& [name, value] : now)
    if (std::abs(*value - *before[name]) > 1e-12)
      out += fmt::format("{}{}={:.4g}", out.empty() ? "" : ",", name, *value);
  return out;
}

peers::RoutingWeights ascend(const std::vector<const LabelledSet*>& sets, int rounds, bool verbose) {
  peers::RoutingWeights best = start();
  double best_score = total(measure_all(sets, best));
  if (verbose) std::cout << fmt::format("start {:.3f}\n", best_score) << std::flush;
  for (int round = 0; round < rounds; ++round) {
    bool improved = false;
    for (const auto& name : tunable()) {
      double value = *weight_fields(best)[name];
      std::vector<double> tries = value == 0 ? std::vector<double>{0.1, 0.3, 1.0}
                                             : std::vector<double>{0, value * 0.5, value * 0.8, value * 1.25, value * 2};
      for (double v : tries) {
        peers::RoutingWeights w = best;
        *weight_fields(w)[name] = v;
        double score = total(measure_all(sets, w));
        if (score > best_score + 1e-3) {
          best_score = score;
          best = w;
          improved = true;
          if (verbose) std::cout << fmt::format("  {} {:.4g} -> {:.4g}: {:.3f}\n", name, value, v, score) << std::flush;
          value = v;
        }
      }
    }
    if (!improved) break;
  }
  return best;
}

}  // namespace

int main(int argc, char** argv) {
  bool loso = false;
  int rounds = 3;
  std::vector<std::pair<std::string, std::string>> named;
  for (int i = 1; i < argc; ++i) {
    std::string a = argv[i];
    if (a == "--loso") loso = true;
    else if (a == "--rounds" && i + 1 < argc) rounds = std::atoi(argv[++i]);
    else if (i + 1 < argc) {
      named.emplace_back(a, argv[i + 1]);
      ++i;
    }
  }
  if (named.size() < 2) {
    std::cerr << "usage: peers_routing_tune [--loso] [--rounds N] STORE_DIR CASES STORE_DIR CASES ...\n";
    return 2;
  }
  try {
    std::vector<std::unique_ptr<LabelledSet>> owned;
    std::vector<const LabelledSet*> sets;
    for (const auto& [store, cases] : named) {
      owned.push_back(std::make_unique<LabelledSet>(store, cases));
      sets.push_back(owned.back().get());
    }
    if (loso) {
      Tally pooled, pooled_defaults;
      for (std::size_t held = 0; held < sets.size(); ++held) {
        std::vector<const LabelledSet*> others;
        for (std::size_t s = 0; s < sets.size(); ++s)
          if (s != held) others.push_back(sets[s]);
        peers::RoutingWeights w = ascend(others, rounds, false);
        Tally t = measure(*sets[held], w);
        Tally d = measure(*sets[held], start());
        pooled.pool(t);
        pooled_defaults.pool(d);
        std::cout << fmt::format("held out {}\n  tuned on the others: {}\n  start: {}\n  chosen: {}\n",
                                 sets[held]->store_dir, t.line(), d.line(), differences(w));
      }
      std::cout << fmt::format("\nheld-out stores pooled, tuned: {}\n", pooled.line());
      std::cout << fmt::format("held-out stores pooled, start: {}\n", pooled_defaults.line());
      return 0;
    }
    peers::RoutingWeights w = ascend(sets, rounds, true);
    auto tallies = measure_all(sets, w);
    auto before = measure_all(sets, peers::RoutingWeights{});
    for (std::size_t s = 0; s < sets.size(); ++s)
      std::cout << fmt::format("{}\n  defaults: {}\n  tuned:    {}\n", sets[s]->store_dir, before[s].line(),
                               tallies[s].line());
    std::cout << fmt::format("\nPEERS_EVAL_WEIGHTS=\"{}\"\n", differences(w));
    return 0;
  } catch (const std::exception& e) {
    std::cerr << "peers_routing_tune: " << e.what() << "\n";
    return 2;
  }
}
