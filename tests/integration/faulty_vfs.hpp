#pragma once

namespace kc::testing {

// Faults of the disk under SQLite, for tests: while installed, every database this process
// opens goes through a thin layer over SQLite's own file system (its VFS) that passes all
// calls on, except that it can be told to fail writes as a full disk does (SQLITE_FULL) or
// reads as a failing disk does (SQLITE_IOERR_READ). Only the database and its WAL fail;
// SQLite itself handles the errors as it would real ones.
class FaultyDisk {
  public:
    // Makes the faulty layer the default for connections opened from now on.
    FaultyDisk();
    // Restores SQLite's own default; connections opened meanwhile keep the layer.
    ~FaultyDisk();
    FaultyDisk(const FaultyDisk&) = delete;
    FaultyDisk& operator=(const FaultyDisk&) = delete;

    void set_full(bool full);
    void set_read_errors(bool failing);
};

}  // namespace kc::testing
