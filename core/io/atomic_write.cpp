#include "io/atomic_write.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <system_error>
#include <vector>

namespace lb::io {

namespace {
[[noreturn]] void fail(const std::string& what) {
  throw std::system_error(errno, std::generic_category(), what);
}
}  // namespace

void atomic_write(const std::string& path, std::string_view content) {
  const std::filesystem::path target(path);
  const std::filesystem::path dir =
      target.has_parent_path() ? target.parent_path() : std::filesystem::path(".");
  std::string tmpl = (dir / ("." + target.filename().string() + ".tmp.XXXXXX")).string();
  const int fd = ::mkostemp(tmpl.data(), O_CLOEXEC);
  if (fd < 0) fail("cannot create a temporary file next to " + path);

  auto cleanup = [&](const std::string& what) {
    const int saved = errno;
    ::close(fd);
    ::unlink(tmpl.c_str());
    errno = saved;
    fail(what);
  };

  std::size_t written = 0;
  while (written < content.size()) {
    const ssize_t n = ::write(fd, content.data() + written, content.size() - written);
    if (n < 0) {
      if (errno == EINTR) continue;
      cleanup("cannot write " + tmpl);
    }
    written += static_cast<std::size_t>(n);
  }
  if (::fchmod(fd, 0600) != 0) cleanup("cannot set permissions on " + tmpl);
  if (::fsync(fd) != 0) cleanup("cannot flush " + tmpl);
  if (::close(fd) != 0) {
    const int saved = errno;
    ::unlink(tmpl.c_str());
    errno = saved;
    fail("cannot close " + tmpl);
  }
  if (::rename(tmpl.c_str(), path.c_str()) != 0) {
    const int saved = errno;
    ::unlink(tmpl.c_str());
    errno = saved;
    fail("cannot replace " + path);
  }
  const int dfd = ::open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (dfd >= 0) {
    ::fsync(dfd);  // best effort: the rename is already visible
    ::close(dfd);
  }
}

void create_private_directories(const std::string& dir) {
  std::filesystem::path p(dir);
  std::vector<std::filesystem::path> missing;
  std::error_code ec;
  while (!p.empty() && !std::filesystem::exists(p, ec)) {
    missing.push_back(p);
    if (!p.has_parent_path() || p.parent_path() == p) break;
    p = p.parent_path();
  }
  for (auto it = missing.rbegin(); it != missing.rend(); ++it) {
    // mkdir's mode is masked by the umask; 0700 stays 0700 under any usual umask, and a
    // directory another process created meanwhile is fine.
    if (::mkdir(it->c_str(), 0700) != 0 && errno != EEXIST) fail("cannot create " + it->string());
  }
}

std::string read_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw std::system_error(errno, std::generic_category(), "cannot open " + path);
  std::ostringstream buffer;
  buffer << in.rdbuf();
  return buffer.str();
}

}  // namespace lb::io
