#include "peers/heap.hpp"

#include <malloc.h>
#include <sys/mman.h>
#include <unistd.h>

#include <cstdint>
#include <cstdlib>

namespace peers {

void grow_heap_in_huge_pages() {
  constexpr std::size_t step = std::size_t{256} << 20, huge_page = std::size_t{2} << 20;
  mallopt(M_MMAP_THRESHOLD, 32 << 20);  // big blocks come from the heap too (32 MB is the most)
  mallopt(M_TOP_PAD, step);
  mallopt(M_TRIM_THRESHOLD, 2 * step);
  void* block = std::malloc(std::size_t{1} << 20);  // grows the heap by `step` now
  auto begin = (reinterpret_cast<std::uintptr_t>(block) + huge_page - 1) & ~(huge_page - 1);
  auto end = reinterpret_cast<std::uintptr_t>(sbrk(0));
  if (end > begin) madvise(reinterpret_cast<void*>(begin), end - begin, MADV_HUGEPAGE);
  std::free(block);
}

void back_thread_heap_with_huge_pages() {
  // A block below the main heap's end is the main heap's (no heap of its own): nothing to do.
  constexpr std::uintptr_t heap_size = std::uintptr_t{64} << 20;
  void* block = std::malloc(1);
  auto at = reinterpret_cast<std::uintptr_t>(block);
  if (block && at > reinterpret_cast<std::uintptr_t>(sbrk(0)))
    madvise(reinterpret_cast<void*>(at & ~(heap_size - 1)), heap_size, MADV_HUGEPAGE);
  std::free(block);
}

}  // namespace peers
