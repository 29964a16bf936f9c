#pragma once
// The process's heaps in 2 MB pages. A whole-store read fills tens of megabytes of fresh memory
// (the cache's index, the records), and a page fault per 4 KB of it is a large part of its time
// (about 10 us each on a virtual machine: a 2-core VM measured 32 MB at 95 ms in 4 KB pages,
// 9-30 ms in 2 MB ones). Both only advise the kernel (transparent huge pages, when enabled for
// madvise); where the heap is not glibc's (a sanitizer's allocator), they do nothing.

namespace peers {

/// The main heap grows in steps of 256 MB of address space (not memory) backed by 2 MB pages,
/// and is not given back before exit. Call first thing in main().
void grow_heap_in_huge_pages();

/// The calling thread's own glibc heap (64 MB, aligned to 64 MB) backed by 2 MB pages.
void back_thread_heap_with_huge_pages();

}  // namespace peers
