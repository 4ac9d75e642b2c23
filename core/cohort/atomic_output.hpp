// A results file written as a stream but replaced atomically, as
// io::atomic_write does for whole strings: the rows go to a temporary file
// next to the target; commit() flushes it to disk and renames it over the
// target. Until then (or if the run fails) the previous file is untouched,
// and the destructor removes the temporary file.
#pragma once

#include <fstream>
#include <string>

namespace lb::cohort {

class AtomicOutput {
 public:
  /// Creates the temporary file; throws std::system_error when it cannot.
  explicit AtomicOutput(const std::string& path);
  ~AtomicOutput();
  AtomicOutput(const AtomicOutput&) = delete;
  AtomicOutput& operator=(const AtomicOutput&) = delete;

  std::ostream& stream() { return out_; }
  /// Flushes, syncs and renames over the target; throws std::system_error.
  void commit();

 private:
  std::string path_;
  std::string temp_;
  std::ofstream out_;
  bool committed_ = false;
};

}  // namespace lb::cohort
