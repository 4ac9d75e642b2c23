#include "cohort/atomic_output.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <filesystem>
#include <system_error>

namespace lb::cohort {

namespace {

[[noreturn]] void fail(const std::string& what) {
  throw std::system_error(errno, std::generic_category(), what);
}

std::filesystem::path directory_of(const std::string& path) {
  const std::filesystem::path target(path);
  return target.has_parent_path() ? target.parent_path() : std::filesystem::path(".");
}

}  // namespace

AtomicOutput::AtomicOutput(const std::string& path) : path_(path) {
  const std::filesystem::path target(path);
  std::string tmpl =
      (directory_of(path) / ("." + target.filename().string() + ".tmp.XXXXXX")).string();
  const int fd = ::mkostemp(tmpl.data(), O_CLOEXEC);
  if (fd < 0) fail("cannot create a temporary file next to " + path);
  ::fchmod(fd, 0644);
  ::close(fd);
  temp_ = tmpl;
  out_.open(temp_, std::ios::binary | std::ios::trunc);
  if (!out_) {
    ::unlink(temp_.c_str());
    fail("cannot open " + temp_);
  }
}

AtomicOutput::~AtomicOutput() {
  if (!committed_) {
    out_.close();
    ::unlink(temp_.c_str());
  }
}

void AtomicOutput::commit() {
  out_.flush();
  if (!out_) fail("cannot write " + temp_);
  out_.close();
  const int fd = ::open(temp_.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0 || ::fsync(fd) != 0) {
    if (fd >= 0) ::close(fd);
    fail("cannot flush " + temp_);
  }
  ::close(fd);
  if (::rename(temp_.c_str(), path_.c_str()) != 0) fail("cannot replace " + path_);
  committed_ = true;
  const int dfd = ::open(directory_of(path_).c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (dfd >= 0) {
    ::fsync(dfd);  // best effort: the rename is already visible
    ::close(dfd);
  }
}

}  // namespace lb::cohort
