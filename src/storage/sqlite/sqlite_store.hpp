#pragma once

#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <deque>
#include <exception>
#include <limits>
#include <memory>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include "app/store.hpp"

namespace kc::storage::sqlite {

class Connection;
class SqliteQueries;

struct SqliteOptions {
    // How long a read or write waits for another process that holds the database's lock
    // (the command line while the server runs, a backup) before it fails as temporary,
    // which the web answers with 503 "try again".
    std::chrono::milliseconds busy_timeout{10'000};
};

// The SQLite backend: one file in WAL mode, read connections per thread, and one
// writer thread that commits queued write jobs in batches. Each commit is an fsync
// (synchronous=FULL), so a job's `done` is only called once its data survives a
// crash or power loss; batching lets thousands of registrations share one fsync.
class SqliteStore final : public app::Store {
  public:
    // Opens (creating if needed) and migrates the database. Throws DatabaseError
    // with a readable message when the file cannot be used.
    explicit SqliteStore(std::string path, SqliteOptions options = {});
    ~SqliteStore() override;

    app::Queries& read() override;
    void write(WriteJob job, WriteDone done) override;

    // The schema version after migration, for diagnostics.
    int schema_version() const { return schema_version_; }

  private:
    struct PendingWrite {
        WriteJob job;
        WriteDone done;
    };

    void writer_loop();
    // Runs one batch in one transaction. Returns nothing once it is durably committed
    // (`failures` then names the jobs that rolled back alone), else the failure that
    // undid the whole batch.
    std::exception_ptr run_batch(SqliteQueries& queries, std::vector<PendingWrite>& batch,
                                 std::vector<std::exception_ptr>& failures);

    std::string path_;
    SqliteOptions options_;
    std::uint64_t serial_;
    int schema_version_ = 0;
    std::unique_ptr<Connection> writer_connection_;

    std::mutex mutex_;
    std::condition_variable wake_;
    std::deque<PendingWrite> queue_;
    bool stopping_ = false;
    std::thread writer_;
};

// Applies pending migrations on a read-write connection, up to and including `up_to`;
// returns the new version. A lower `up_to` builds a database as an older release left it,
// so that a test can check what a later migration does to its data.
int migrate(Connection& connection, int up_to = std::numeric_limits<int>::max());

}  // namespace kc::storage::sqlite
