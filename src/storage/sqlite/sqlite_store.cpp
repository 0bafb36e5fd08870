#include "storage/sqlite/sqlite_store.hpp"

#include <atomic>
#include <unordered_map>
#include <vector>

#include "storage/migrations/migrations.hpp"
#include "storage/sqlite/connection.hpp"
#include "storage/sqlite/sqlite_queries.hpp"

namespace kc::storage::sqlite {

namespace {

// Jobs committed together at most; bounds the latency one batch adds.
constexpr std::size_t max_batch = 512;

std::atomic<std::uint64_t> next_store_serial{1};

struct ThreadReader {
    std::unique_ptr<Connection> connection;
    std::unique_ptr<SqliteQueries> queries;
};

// Each thread keeps its own read connection per store; the serial (not the
// address) identifies the store, so a new store never finds an old connection.
thread_local std::unordered_map<std::uint64_t, ThreadReader> thread_readers;

}  // namespace

int migrate(Connection& connection, int up_to) {
    connection.execute(
        "CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT "
        "NULL, applied_at INTEGER NOT NULL DEFAULT (unixepoch()))");
    int current = 0;
    {
        auto statement =
            connection.prepare("SELECT COALESCE(MAX(version), 0) FROM schema_migrations");
        statement->step();
        current = static_cast<int>(statement->integer(0));
    }
    for (const auto& migration : sqlite_migrations()) {
        if (migration.version <= current) continue;
        if (migration.version > up_to) break;
        connection.execute("BEGIN IMMEDIATE");
        try {
            connection.execute(std::string(migration.sql));
            auto statement =
                connection.prepare("INSERT INTO schema_migrations (version, name) VALUES (?, ?)");
            statement->bind(1, migration.version).bind(2, migration.name).run();
            connection.execute("COMMIT");
        } catch (...) {
            connection.execute("ROLLBACK");
            throw;
        }
        current = migration.version;
    }
    return current;
}

SqliteStore::SqliteStore(std::string path, SqliteOptions options)
    : path_(std::move(path)), options_(options), serial_(next_store_serial.fetch_add(1)) {
    writer_connection_ =
        std::make_unique<Connection>(path_, Connection::Mode::read_write, options_.busy_timeout);
    writer_connection_->execute("PRAGMA journal_mode = WAL");
    writer_connection_->execute("PRAGMA synchronous = FULL");
    // A batch with a savepoint per job needs statement journals; in memory they cost no
    // temporary file to open, unlink and close for every commit.
    writer_connection_->execute("PRAGMA temp_store = MEMORY");
    // Up to 64 MiB of pages for the writer (taken only as pages are used), so the pages
    // a busy live session keeps changing are not read back from the file for each batch.
    writer_connection_->execute("PRAGMA cache_size = -65536");
    schema_version_ = migrate(*writer_connection_);
    writer_ = std::thread([this] { writer_loop(); });
}

SqliteStore::~SqliteStore() {
    {
        std::lock_guard lock(mutex_);
        stopping_ = true;
    }
    wake_.notify_all();
    writer_.join();
    thread_readers.erase(serial_);
}

app::Queries& SqliteStore::read() {
    auto& reader = thread_readers[serial_];
    if (!reader.connection) {
        reader.connection =
            std::make_unique<Connection>(path_, Connection::Mode::read_only, options_.busy_timeout);
        reader.queries = std::make_unique<SqliteQueries>(*reader.connection);
    }
    return *reader.queries;
}

void SqliteStore::write(WriteJob job, WriteDone done) {
    {
        std::lock_guard lock(mutex_);
        queue_.push_back({std::move(job), std::move(done)});
    }
    wake_.notify_one();
}

void SqliteStore::writer_loop() {
    SqliteQueries queries(*writer_connection_);
    sqlite3* const handle = writer_connection_->handle();
    std::vector<PendingWrite> batch;
    std::vector<std::exception_ptr> failures;
    for (;;) {
        {
            std::unique_lock lock(mutex_);
            wake_.wait(lock, [this] { return stopping_ || !queue_.empty(); });
            // Even when stopping, every accepted job is written first.
            if (queue_.empty()) return;
            while (!queue_.empty() && batch.size() < max_batch) {
                batch.push_back(std::move(queue_.front()));
                queue_.pop_front();
            }
        }
        failures.assign(batch.size(), nullptr);
        const std::exception_ptr batch_failure = run_batch(queries, batch, failures);
        if (batch_failure && !sqlite3_get_autocommit(handle)) {
            // Nothing of a failed batch may stay, and the write lock must go at once so
            // other processes can write. Should this ROLLBACK fail too, the next batch
            // tries it again before it begins.
            sqlite3_exec(handle, "ROLLBACK", nullptr, nullptr, nullptr);
        }
        // Every job of a failed batch hears why, so nobody is told "done" for data that
        // was not committed; a temporary failure lets the web answer "try again".
        for (std::size_t i = 0; i < batch.size(); ++i) {
            if (batch[i].done) batch[i].done(batch_failure ? batch_failure : failures[i]);
        }
        batch.clear();
    }
}

std::exception_ptr SqliteStore::run_batch(SqliteQueries& queries, std::vector<PendingWrite>& batch,
                                          std::vector<std::exception_ptr>& failures) {
    Connection& connection = *writer_connection_;
    try {
        // A transaction still open here is a failed batch whose ROLLBACK failed as well.
        if (!sqlite3_get_autocommit(connection.handle())) connection.execute("ROLLBACK");
        // Fails with SQLITE_BUSY when another process holds the write lock longer than
        // the busy timeout: the whole batch is then refused as temporary.
        connection.execute("BEGIN IMMEDIATE");
        for (std::size_t i = 0; i < batch.size(); ++i) {
            // A savepoint per job: one failing job rolls back alone.
            connection.execute("SAVEPOINT job");
            try {
                batch[i].job(queries);
            } catch (...) {
                failures[i] = std::current_exception();
                // After an I/O error, a full disk or a lack of memory SQLite may have rolled
                // back the whole transaction by itself, taking the jobs before this one
                // with it. The batch then fails with this job's (temporary) cause, not
                // with the "no such savepoint" that ROLLBACK TO would throw.
                if (sqlite3_get_autocommit(connection.handle())) return failures[i];
                connection.execute("ROLLBACK TO job");
            }
            connection.execute("RELEASE job");
        }
        // A commit that fails (a full disk, an I/O error while writing the WAL or at its
        // fsync) throws: then nothing of the batch is durable.
        connection.execute("COMMIT");
        return nullptr;
    } catch (...) {
        return std::current_exception();
    }
}

}  // namespace kc::storage::sqlite
