#pragma once

#include <sqlite3.h>

#include <chrono>
#include <cstdint>
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <unordered_map>

#include "app/store.hpp"
#include "storage/sqlite/sqlite_store.hpp"

namespace kc::storage::sqlite {

// An SQLite failure that is not an expected outcome (disk full, corrupt file, ...).
// A full disk, a lock held too long and an I/O error are temporary: the write is rolled
// back whole and may succeed when tried again.
class DatabaseError : public app::StorageFailure {
  public:
    DatabaseError(const std::string& what, int code)
        : app::StorageFailure(what, kind_of(code)), code_(code) {}
    int code() const { return code_; }
    static Kind kind_of(int code);

  private:
    int code_;
};

// A prepared statement, reset when it goes out of use so it can be cached.
class Statement {
  public:
    Statement(sqlite3* db, sqlite3_stmt* statement) : db_(db), statement_(statement) {}
    Statement(const Statement&) = delete;
    Statement& operator=(const Statement&) = delete;
    ~Statement();

    Statement& bind(int index, std::int64_t value);
    Statement& bind(int index, int value) { return bind(index, static_cast<std::int64_t>(value)); }
    Statement& bind(int index, bool value) { return bind(index, static_cast<std::int64_t>(value)); }
    Statement& bind(int index, std::string_view value);
    Statement& bind(int index, const std::string& value) {
        return bind(index, std::string_view(value));
    }
    Statement& bind(int index, const char* value) { return bind(index, std::string_view(value)); }
    Statement& bind(int index, std::nullopt_t);
    // Bytes as a BLOB, where `bind` would store text.
    Statement& bind_blob(int index, std::string_view bytes);
    template <typename T>
    Statement& bind(int index, const std::optional<T>& value) {
        return value ? bind(index, *value) : bind(index, std::nullopt);
    }

    // Advances to the next row; false when there are no more.
    bool step();
    // Runs a statement that returns no rows.
    void run();

    std::int64_t integer(int column) const;
    std::string text(int column) const;
    double real(int column) const;
    // A BLOB's bytes (a text column's too).
    std::string blob(int column) const;
    bool is_null(int column) const;
    std::optional<std::int64_t> optional_integer(int column) const;
    std::optional<std::string> optional_text(int column) const;

    void reset();

  private:
    sqlite3* db_;
    sqlite3_stmt* statement_;
};

// One connection to the database file, with a cache of prepared statements.
// Not thread-safe: each thread uses its own.
class Connection {
  public:
    enum class Mode { read_write, read_only };

    // `busy_timeout`: how long a statement waits for another connection that holds the
    // lock it needs before it fails with SQLITE_BUSY.
    Connection(const std::string& path, Mode mode,
               std::chrono::milliseconds busy_timeout = SqliteOptions{}.busy_timeout);
    Connection(const Connection&) = delete;
    Connection& operator=(const Connection&) = delete;
    ~Connection();

    // A cached prepared statement; reset and unbound when the lease ends.
    class Lease {
      public:
        explicit Lease(Statement& statement) : statement_(&statement) {}
        Lease(const Lease&) = delete;
        Lease& operator=(const Lease&) = delete;
        ~Lease() { statement_->reset(); }
        Statement* operator->() { return statement_; }
        Statement& operator*() { return *statement_; }

      private:
        Statement* statement_;
    };

    Lease prepare(const std::string& sql);
    void execute(const std::string& sql);
    std::int64_t last_insert_id() const;
    int changes() const;
    sqlite3* handle() { return db_; }

  private:
    sqlite3* db_ = nullptr;
    std::unordered_map<std::string, std::unique_ptr<Statement>> statements_;
};

[[noreturn]] void throw_error(sqlite3* db, int code, std::string_view context);

}  // namespace kc::storage::sqlite
