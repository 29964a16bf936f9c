#include "store/state_dir.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace peers {

namespace {
constexpr char ignore_everything[] = "# made by peers: nothing in this directory is committed\n*\n";
}

void ignore_state_directory(const std::filesystem::path& dir) {
  std::filesystem::path file = dir / ".gitignore";
  struct stat st {};
  if (::lstat(file.c_str(), &st) == 0) return;
  // O_EXCL: never follows or replaces anything in the way; a failure leaves the cache usable.
  int fd = ::open(file.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC | O_NOFOLLOW, 0644);
  if (fd < 0) return;
  std::size_t size = sizeof ignore_everything - 1;
  bool written = ::write(fd, ignore_everything, size) == static_cast<ssize_t>(size);
  ::close(fd);
  if (!written) ::unlink(file.c_str());  // a half-written one would never be completed
}

bool make_state_directory(const std::filesystem::path& dir) {
  if (::mkdir(dir.c_str(), 0755) != 0) return false;
  ignore_state_directory(dir);
  return true;
}

}  // namespace peers
