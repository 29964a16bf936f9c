// Times route_question on synthetic in-memory stores (the load from disk is not included: that
// is the store cache's job). Prints milliseconds per question at several sizes, so the cost per
// record can be compared: it should stay flat (linear growth).
//
//   g++ -std=c++20 -O2 -Iinclude bench/routing_scale.cpp <peers_core objects> ...
#include <chrono>
#include <iostream>
#include <random>

#include <fmt/format.h>

#include "peers/routing.hpp"

namespace {

const char* words[] = {"parking", "permit", "tuition", "refund", "housing", "roommate", "fafsa",
                       "deadline", "library", "hours", "wifi", "password", "transcript", "visa",
                       "internship", "meal", "plan", "shuttle", "game", "tickets", "alumni",
                       "reunion", "flu", "shot", "lab", "research", "summer", "course", "waitlist",
                       "appeal", "citation", "scholarship", "grant", "loan", "dining", "event"};

std::string sentence(std::mt19937& rng, int n) {
  std::string s;
  for (int i = 0; i < n; ++i) s += std::string(i ? " " : "") + words[rng() % std::size(words)] + std::to_string(rng() % 50);
  return s;
}

peers::Snapshot make(int people, int questions, int topics) {
  std::mt19937 rng(7);
  peers::Snapshot s;
  for (int t = 0; t < topics; ++t) {
    peers::Topic topic;
    topic.id = fmt::format("topic-{}", t);
    topic.name = sentence(rng, 2);
    topic.aliases = {sentence(rng, 1), sentence(rng, 2)};
    topic.related = {fmt::format("topic-{}", (t + 1) % topics)};
    s.topics.push_back(topic);
  }
  for (int p = 0; p < people; ++p) {
    peers::Person person;
    person.id = fmt::format("person-{}", p);
    person.name = person.id;
    person.title = sentence(rng, 3);
    person.department = sentence(rng, 2);
    person.notes = sentence(rng, 20);
    person.expertise = {s.topics[rng() % topics].name, sentence(rng, 2)};
    s.people.push_back(person);
  }
  for (int q = 0; q < questions; ++q) {
    peers::Question question;
    question.id = fmt::format("q{}", q);
    question.text = sentence(rng, 10);
    question.answer = sentence(rng, 20);
    question.status = peers::QuestionStatus::answered;
    question.answered_by = s.people[rng() % people].id;
    s.questions.push_back(question);
  }
  return s;
}

}  // namespace

int main() {
  for (auto [people, questions, topics] : {std::tuple{1000, 5000, 200}, {10000, 50000, 1000}}) {
    auto snap = make(people, questions, topics);
    peers::RankOptions options;
    auto start = std::chrono::steady_clock::now();
    int runs = 3;
    for (int i = 0; i < runs; ++i) peers::route_question(snap, "parking7 permit3 for the gmae12 saturday", options);
    double ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count() / runs;
    std::cout << fmt::format("{} people, {} questions, {} topics: {:.0f} ms per question ({:.2f} us per record)\n",
                             people, questions, topics, ms, 1000 * ms / (people + questions + topics));
  }
}
