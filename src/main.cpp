// peers: a thin main. Everything lives in peers_cli (commands) and peers_core (the domain).
#include <malloc.h>
#include <sys/mman.h>
#include <unistd.h>

#include <cstdint>
#include <iostream>

#include "commands.hpp"
#include "context.hpp"

namespace {
/// A whole-store read fills tens of megabytes of fresh memory (the cache's index, the
/// records), and a page fault per 4 KB of it is a large part of its time (about 10 us each on
/// a virtual machine, a 2-core VM measured 32 MB at 95 ms in 4 KB pages, 9-30 ms in 2 MB ones).
/// The heap therefore grows in steps of `step` bytes (address space, not memory) that the
/// kernel may back with 2 MB pages (transparent huge pages, when enabled for madvise), and is
/// not given back before exit. Helper threads do the same with their own heaps (HelperThread).
void grow_heap_in_huge_pages() {
  constexpr std::size_t step = std::size_t{256} << 20, huge_page = std::size_t{2} << 20;
  mallopt(M_MMAP_THRESHOLD, 32 << 20);  // big blocks come from the heap too (32 MB is the most)
  mallopt(M_TOP_PAD, step);
  mallopt(M_TRIM_THRESHOLD, 2 * step);
  void* block = malloc(std::size_t{1} << 20);  // grows the heap by `step` now
  auto begin = (reinterpret_cast<std::uintptr_t>(block) + huge_page - 1) & ~(huge_page - 1);
  auto end = reinterpret_cast<std::uintptr_t>(sbrk(0));
  if (end > begin) madvise(reinterpret_cast<void*>(begin), end - begin, MADV_HUGEPAGE);
  free(block);
}
}  // namespace

int main(int argc, char** argv) {
  grow_heap_in_huge_pages();
  std::ios::sync_with_stdio(false);
  peers::cli::Context ctx(peers::cli::Environment::from_process(), std::cout, std::cerr,
                          std::cin);
  int status = peers::cli::run(argc, argv, ctx);
  std::cout.flush();
  return status;
}
