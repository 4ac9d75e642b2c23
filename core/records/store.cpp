#include "records/store.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <system_error>

#include "io/atomic_write.hpp"
#include "records/schema.hpp"
#include "records/store_checks.hpp"
#include "text/utf8.hpp"

// The store's opening and the input checks shared by its parts; the records themselves are
// written and read in store_patients.cpp, store_plans.cpp, store_sessions.cpp,
// store_corrections.cpp and store_audit.cpp.
namespace lb::records {

namespace {
namespace fs = std::filesystem;

/// Creates the file with mode 0600 before SQLite opens it: clinical records
/// are readable by their owner only (SQLite gives -wal/-shm the same mode).
Database open_private(const std::string& path) {
  const fs::path p(path);
  if (p.has_parent_path()) {
    // New data directories are private too (0700).
    try {
      io::create_private_directories(p.parent_path().string());
    } catch (const std::system_error& e) {
      throw InputError(std::string(e.what()));
    }
  }
  const int fd = ::open(path.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0600);
  if (fd < 0) throw InputError("cannot open " + path + ": " + std::strerror(errno));
  // A database that already exists keeps its mode through open(): one written by an older
  // version, copied or restored may be readable by others. It is made private here, with
  // the journal files SQLite may have left beside it.
  struct stat st {};
  const bool shared = ::fstat(fd, &st) == 0 && (st.st_mode & 0077) != 0;
  const bool tightened = !shared || ::fchmod(fd, 0600) == 0;
  const int why = errno;
  ::close(fd);
  if (!tightened) {
    throw InputError("cannot make " + path + " private (mode 0600): " + std::strerror(why));
  }
  for (const char* suffix : {"-wal", "-shm", "-journal"}) {
    const std::string side = path + suffix;
    if (::stat(side.c_str(), &st) == 0 && (st.st_mode & 0077) != 0) ::chmod(side.c_str(), 0600);
  }
  return Database(path, false);
}

}  // namespace

namespace detail {
void check_one_line(const std::string& what, const std::string& value) {
  if (const std::string problem = text::one_line_problem(value); !problem.empty()) {
    throw InputError(what + " " + problem);
  }
}

void check_actor(const std::string& actor) {
  if (actor.empty()) throw InputError("who is recording? (--by NAME is required)");
  check_one_line("the name of who is recording", actor);
}
}  // namespace detail

std::string default_database_path(const char* xdg_data_home, const char* home) {
  // XDG Base Directory spec: a relative $XDG_DATA_HOME is invalid and ignored.
  if (xdg_data_home != nullptr && xdg_data_home[0] == '/') {
    return std::string(xdg_data_home) + "/liverbridge/records.db";
  }
  if (home != nullptr && home[0] != '\0') {
    return std::string(home) + "/.local/share/liverbridge/records.db";
  }
  throw InputError("neither XDG_DATA_HOME nor HOME is set: choose the database with --db FILE");
}

Store::Store(const std::string& path) : db_(open_private(path)) {
  db_.exec("PRAGMA foreign_keys = ON");
  // WAL: readers never block the writer; FULL: a committed record survives power loss.
  {  // finalised before migrate(): an open statement would block its COMMIT
    auto mode = db_.prepare("PRAGMA journal_mode = WAL");
    if (!mode.step() || mode.text(0) != "wal") {
      throw DbError(SQLITE_ERROR, path + ": cannot switch to WAL mode");
    }
  }
  db_.exec("PRAGMA synchronous = FULL");
  migrate(db_);
}

}  // namespace lb::records
