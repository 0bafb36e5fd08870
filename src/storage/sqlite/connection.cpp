#include "storage/sqlite/connection.hpp"

#include "storage/sqlite/dutch_tokenizer.hpp"

namespace kc::storage::sqlite {

DatabaseError::Kind DatabaseError::kind_of(int code) {
    switch (code & 0xff) {
        case SQLITE_FULL:
        case SQLITE_BUSY:
        case SQLITE_LOCKED:
        case SQLITE_IOERR:
        case SQLITE_NOMEM:
        case SQLITE_CANTOPEN:
        case SQLITE_READONLY:
            return Kind::temporary;
        default:
            return Kind::permanent;
    }
}

void throw_error(sqlite3* db, int code, std::string_view context) {
    std::string message(context);
    message += ": ";
    message += db ? sqlite3_errmsg(db) : sqlite3_errstr(code);
    throw DatabaseError(message, code);
}

Statement::~Statement() { sqlite3_finalize(statement_); }

Statement& Statement::bind(int index, std::int64_t value) {
    const int code = sqlite3_bind_int64(statement_, index, value);
    if (code != SQLITE_OK) throw_error(db_, code, "bind");
    return *this;
}

Statement& Statement::bind(int index, std::string_view value) {
    const int code = sqlite3_bind_text(statement_, index, value.data(),
                                       static_cast<int>(value.size()), SQLITE_TRANSIENT);
    if (code != SQLITE_OK) throw_error(db_, code, "bind");
    return *this;
}

Statement& Statement::bind(int index, std::nullopt_t) {
    const int code = sqlite3_bind_null(statement_, index);
    if (code != SQLITE_OK) throw_error(db_, code, "bind");
    return *this;
}

Statement& Statement::bind_blob(int index, std::string_view bytes) {
    const int code =
        sqlite3_bind_blob64(statement_, index, bytes.data(), bytes.size(), SQLITE_TRANSIENT);
    if (code != SQLITE_OK) throw_error(db_, code, "bind");
    return *this;
}

bool Statement::step() {
    const int code = sqlite3_step(statement_);
    if (code == SQLITE_ROW) return true;
    if (code == SQLITE_DONE) return false;
    throw_error(db_, code, sqlite3_sql(statement_));
}

void Statement::run() {
    while (step()) {
    }
}

std::int64_t Statement::integer(int column) const {
    return sqlite3_column_int64(statement_, column);
}

std::string Statement::text(int column) const {
    const auto* data = sqlite3_column_text(statement_, column);
    if (!data) return {};
    return std::string(reinterpret_cast<const char*>(data),
                       static_cast<std::size_t>(sqlite3_column_bytes(statement_, column)));
}

double Statement::real(int column) const { return sqlite3_column_double(statement_, column); }

std::string Statement::blob(int column) const {
    const auto* data = static_cast<const char*>(sqlite3_column_blob(statement_, column));
    if (!data) return {};
    return std::string(data, static_cast<std::size_t>(sqlite3_column_bytes(statement_, column)));
}

bool Statement::is_null(int column) const {
    return sqlite3_column_type(statement_, column) == SQLITE_NULL;
}

std::optional<std::int64_t> Statement::optional_integer(int column) const {
    if (is_null(column)) return std::nullopt;
    return integer(column);
}

std::optional<std::string> Statement::optional_text(int column) const {
    if (is_null(column)) return std::nullopt;
    return text(column);
}

void Statement::reset() {
    sqlite3_reset(statement_);
    sqlite3_clear_bindings(statement_);
}

Connection::Connection(const std::string& path, Mode mode, std::chrono::milliseconds busy_timeout) {
    const int flags = (mode == Mode::read_write ? SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE
                                                : SQLITE_OPEN_READONLY) |
                      SQLITE_OPEN_NOMUTEX;
    const int code = sqlite3_open_v2(path.c_str(), &db_, flags, nullptr);
    if (code != SQLITE_OK) {
        std::string message = "cannot open database " + path;
        const std::string reason = db_ ? sqlite3_errmsg(db_) : sqlite3_errstr(code);
        sqlite3_close(db_);
        db_ = nullptr;
        throw DatabaseError(message + ": " + reason, code);
    }
    sqlite3_extended_result_codes(db_, 1);
    // Another process (the command line while the server runs) may hold the write
    // lock for a moment; waiting is better than failing.
    sqlite3_busy_timeout(db_, static_cast<int>(busy_timeout.count()));
    execute("PRAGMA foreign_keys = ON");
    // The library's full-text index is read and written with it, on every connection.
    register_dutch_tokenizer(db_);
}

Connection::~Connection() {
    statements_.clear();
    sqlite3_close(db_);
}

Connection::Lease Connection::prepare(const std::string& sql) {
    auto found = statements_.find(sql);
    if (found == statements_.end()) {
        sqlite3_stmt* statement = nullptr;
        const int code = sqlite3_prepare_v3(db_, sql.c_str(), static_cast<int>(sql.size()),
                                            SQLITE_PREPARE_PERSISTENT, &statement, nullptr);
        if (code != SQLITE_OK) throw_error(db_, code, sql);
        found = statements_.emplace(sql, std::make_unique<Statement>(db_, statement)).first;
    }
    return Lease(*found->second);
}

void Connection::execute(const std::string& sql) {
    char* error = nullptr;
    const int code = sqlite3_exec(db_, sql.c_str(), nullptr, nullptr, &error);
    if (code != SQLITE_OK) {
        const std::string message = error ? error : sqlite3_errstr(code);
        sqlite3_free(error);
        throw DatabaseError(message, code);
    }
}

std::int64_t Connection::last_insert_id() const { return sqlite3_last_insert_rowid(db_); }

int Connection::changes() const { return sqlite3_changes(db_); }

}  // namespace kc::storage::sqlite
