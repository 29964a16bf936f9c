#pragma once
// The system calls that open, list, map, lock, replace and remove files, for the store and its
// cache. Nothing else in peers_core calls open, unlink, rename, mmap or flock
// (tests/arch/check-layering enforces it). Private to peers_core.
#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace peers::files {

/// An open file descriptor, closed when it goes out of scope.
class Fd {
 public:
  explicit Fd(int fd = -1) : fd_(fd) {}
  Fd(Fd&& other) noexcept : fd_(other.release()) {}
  Fd& operator=(Fd&& other) noexcept;
  Fd(const Fd&) = delete;
  Fd& operator=(const Fd&) = delete;
  ~Fd();

  int get() const { return fd_; }
  bool valid() const { return fd_ >= 0; }
  int release() {
    int fd = fd_;
    fd_ = -1;
    return fd;
  }
  /// Closes now; false (with errno set) when close reported an error.
  bool close();

 private:
  int fd_ = -1;
};

/// Opens for reading, never following a symbolic link (O_NOFOLLOW | O_CLOEXEC).
Fd open_for_reading(const std::filesystem::path& path, bool nonblocking = false);
/// Opens a directory (for fstatat and listing), never following a symbolic link in its last
/// component (O_NOFOLLOW | O_DIRECTORY).
Fd open_directory(const std::filesystem::path& path);
/// The first component of `relative` (joined with '/', e.g. "questions/archive") that is a
/// symbolic link under `root`, when one is; components that do not exist end the walk.
std::optional<std::string> first_symlink(const std::filesystem::path& root, std::string_view relative);
/// Creates `path`, failing when it exists (the temp file of an atomic write).
Fd create_new(const std::filesystem::path& path);
/// Opens an existing file for appending.
Fd open_for_appending(const std::filesystem::path& path);

/// Calls `visit` with each name in the directory (not "." or ".."); stops when it returns
/// false. Does nothing when the directory cannot be opened.
void for_each_name(const std::filesystem::path& dir,
                   const std::function<bool(std::string_view)>& visit);
/// The same, through a descriptor of the directory (left open).
void for_each_name(int dir_fd, const std::function<bool(std::string_view)>& visit);
/// Every name in the directory, sorted.
std::vector<std::string> list_names(const std::filesystem::path& dir);

/// A read-only mapping of a whole regular file; empty when it cannot be mapped or is not a
/// regular file (opened O_NONBLOCK | O_NOFOLLOW: a FIFO or a link in its place is ignored).
class Mapping {
 public:
  /// Empty too when the file is bigger than `max_size`: nothing of it is then read.
  explicit Mapping(const std::filesystem::path& path, std::size_t max_size = SIZE_MAX);
  Mapping(const Mapping&) = delete;
  Mapping& operator=(const Mapping&) = delete;
  ~Mapping();
  std::string_view bytes() const { return {data_, size_}; }

 private:
  const char* data_ = nullptr;
  std::size_t size_ = 0;
};

/// The size of a regular file (not following a link); nothing for anything else.
std::optional<std::uint64_t> regular_file_size(const std::filesystem::path& path);
/// The first `size` bytes of a regular file, when it has that many (never blocks on a FIFO).
std::optional<std::string> read_prefix(const std::filesystem::path& path, std::size_t size);

/// An advisory lock file: opened (created when missing) and flocked exclusively. The kernel
/// releases the lock when the descriptor closes or the process dies.
Fd open_lock_file(const std::filesystem::path& path);
/// The same, as `name` inside the directory `dir_fd` (never following a link).
Fd open_lock_file_in(int dir_fd, const char* name);
/// Takes the lock without waiting: false when another holds it (errno EWOULDBLOCK) or on error.
bool try_lock(int fd);

/// A random 8-hex-digit suffix for temp file names.
std::string random_suffix();
/// "<dir>/.<name>.tmp-<pid>-<random>": a temp file next to the file it will replace.
std::filesystem::path temp_path_for(const std::filesystem::path& dir, std::string_view name);

/// Writes all of `bytes`; false (errno set) on an error.
bool write_all(int fd, std::string_view bytes);
void fsync_directory(const std::filesystem::path& dir);

/// Replaces dir/name through a temp file and a rename, without fsync (for derived files such
/// as the cache): `produce(write)` hands over the content in pieces, buffered here. False when
/// it could not; the temp file is then removed.
using Produce = std::function<void(const std::function<void(std::string_view)>& write)>;
bool replace_file(const std::filesystem::path& dir, const char* name, const Produce& produce);
bool replace_file(const std::filesystem::path& dir, const char* name, std::string_view text);
/// Appends `text` to an existing file in one write; false when it could not.
bool append_file(const std::filesystem::path& path, std::string_view text);

/// Whether this process may create files in `dir` / read `path`.
bool is_writable_directory(const std::filesystem::path& dir);
bool is_readable(const std::filesystem::path& path);
/// mkdir with mode 0755; false when it failed (also when it exists).
bool make_directory(const std::filesystem::path& dir);

/// unlink and rename, returning errno (0 on success).
int remove_file(const std::filesystem::path& path);
int rename_file(const std::filesystem::path& from, const std::filesystem::path& to);

}  // namespace peers::files
