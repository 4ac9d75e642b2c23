// Thin RAII wrappers over SQLite's C API (Debian libsqlite3-dev): a connection
// and a prepared statement that finalise themselves, errors as exceptions with
// SQLite's own message, and a write-transaction helper that retries when
// another process holds the write lock (two ward workstations on one file).
#pragma once

#include <sqlite3.h>

#include <cstdint>
#include <functional>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>

namespace lb::records {

/// A database failure (not bad user input): I/O error, corrupt file, constraint.
class DbError : public std::runtime_error {
 public:
  DbError(int code, const std::string& what) : std::runtime_error(what), code_(code) {}
  [[nodiscard]] int code() const { return code_; }

 private:
  int code_;
};

class Statement;

class Database {
 public:
  /// Opens (creating when `create`) the file; throws DbError.
  Database(const std::string& path, bool create);
  ~Database();
  Database(const Database&) = delete;
  Database& operator=(const Database&) = delete;
  Database(Database&& other) noexcept;
  Database& operator=(Database&& other) noexcept;

  /// Runs SQL without results (may hold several statements).
  void exec(const std::string& sql);
  Statement prepare(std::string_view sql);
  [[nodiscard]] std::int64_t last_insert_id() const;
  [[nodiscard]] sqlite3* handle() const { return db_; }
  [[nodiscard]] const std::string& path() const { return path_; }

  /// Runs `body` inside BEGIN IMMEDIATE ... COMMIT; rolls back when it throws.
  /// SQLITE_BUSY on BEGIN or COMMIT (the other writer holds the lock past the
  /// busy timeout) is retried with back-off up to `attempts` times.
  void write_transaction(const std::function<void()>& body, int attempts = 50);

 private:
  sqlite3* db_ = nullptr;
  std::string path_;
};

class Statement {
 public:
  Statement(sqlite3* db, sqlite3_stmt* stmt) : db_(db), stmt_(stmt) {}
  ~Statement();
  Statement(const Statement&) = delete;
  Statement& operator=(const Statement&) = delete;
  Statement(Statement&& other) noexcept;
  Statement& operator=(Statement&&) = delete;

  /// Binds are 1-based like SQLite's; return *this for chaining.
  Statement& bind(int index, std::int64_t value);
  Statement& bind(int index, double value);
  Statement& bind(int index, std::string_view value);
  Statement& bind(int index, const char* value) { return bind(index, std::string_view(value)); }
  Statement& bind(int index, const std::string& value) {
    return bind(index, std::string_view(value));
  }
  Statement& bind_null(int index);
  Statement& bind(int index, const std::optional<double>& value);
  Statement& bind(int index, const std::optional<std::string>& value);

  /// true while a row is available; false when done. Throws DbError.
  bool step();
  /// Steps a statement that returns no rows.
  void run();

  [[nodiscard]] bool is_null(int column) const;
  [[nodiscard]] std::int64_t integer(int column) const;
  [[nodiscard]] double real(int column) const;
  [[nodiscard]] std::string text(int column) const;
  [[nodiscard]] std::optional<double> optional_real(int column) const;
  [[nodiscard]] std::optional<std::string> optional_text(int column) const;

 private:
  sqlite3* db_;
  sqlite3_stmt* stmt_;
};

}  // namespace lb::records
