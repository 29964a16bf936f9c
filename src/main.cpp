// peers: a thin main. Everything lives in peers_cli (commands) and peers_core (the domain).
#include <iostream>

#include "commands.hpp"
#include "context.hpp"
#include "peers/heap.hpp"

int main(int argc, char** argv) {
  peers::grow_heap_in_huge_pages();
  std::ios::sync_with_stdio(false);
  peers::cli::Context ctx(peers::cli::Environment::from_process(), std::cout, std::cerr,
                          std::cin);
  int status = peers::cli::run(argc, argv, ctx);
  std::cout.flush();
  return status;
}
