#include "faulty_vfs.hpp"

#include <sqlite3.h>

#include <atomic>
#include <stdexcept>

namespace kc::testing {

namespace {

std::atomic<bool> disk_full{false};
std::atomic<bool> read_errors{false};

sqlite3_vfs* real_vfs = nullptr;
sqlite3_vfs faulty_vfs{};

// Our file handle, followed in the same allocation by the real one.
struct FaultyFile {
    sqlite3_file base;
    bool can_fail;  // the database or its WAL, not a temporary file
    sqlite3_file* real() { return reinterpret_cast<sqlite3_file*>(this + 1); }
};

FaultyFile* faulty(sqlite3_file* file) { return reinterpret_cast<FaultyFile*>(file); }
sqlite3_file* real(sqlite3_file* file) { return faulty(file)->real(); }
const sqlite3_io_methods& methods(sqlite3_file* file) { return *real(file)->pMethods; }

const sqlite3_io_methods faulty_io = {
    3,
    [](sqlite3_file* f) { return methods(f).xClose(real(f)); },
    [](sqlite3_file* f, void* data, int amount, sqlite3_int64 offset) {
        if (faulty(f)->can_fail && read_errors) return SQLITE_IOERR_READ;
        return methods(f).xRead(real(f), data, amount, offset);
    },
    [](sqlite3_file* f, const void* data, int amount, sqlite3_int64 offset) {
        if (faulty(f)->can_fail && disk_full) return SQLITE_FULL;
        return methods(f).xWrite(real(f), data, amount, offset);
    },
    [](sqlite3_file* f, sqlite3_int64 size) { return methods(f).xTruncate(real(f), size); },
    [](sqlite3_file* f, int flags) { return methods(f).xSync(real(f), flags); },
    [](sqlite3_file* f, sqlite3_int64* size) { return methods(f).xFileSize(real(f), size); },
    [](sqlite3_file* f, int lock) { return methods(f).xLock(real(f), lock); },
    [](sqlite3_file* f, int lock) { return methods(f).xUnlock(real(f), lock); },
    [](sqlite3_file* f, int* out) { return methods(f).xCheckReservedLock(real(f), out); },
    [](sqlite3_file* f, int op, void* arg) { return methods(f).xFileControl(real(f), op, arg); },
    [](sqlite3_file* f) { return methods(f).xSectorSize(real(f)); },
    [](sqlite3_file* f) { return methods(f).xDeviceCharacteristics(real(f)); },
    [](sqlite3_file* f, int region, int size, int extend, void volatile** out) {
        return methods(f).xShmMap(real(f), region, size, extend, out);
    },
    [](sqlite3_file* f, int offset, int n, int flags) {
        return methods(f).xShmLock(real(f), offset, n, flags);
    },
    [](sqlite3_file* f) { methods(f).xShmBarrier(real(f)); },
    [](sqlite3_file* f, int remove) { return methods(f).xShmUnmap(real(f), remove); },
    [](sqlite3_file* f, sqlite3_int64 offset, int amount, void** out) {
        return methods(f).xFetch(real(f), offset, amount, out);
    },
    [](sqlite3_file* f, sqlite3_int64 offset, void* page) {
        return methods(f).xUnfetch(real(f), offset, page);
    },
};

int faulty_open(sqlite3_vfs*, sqlite3_filename name, sqlite3_file* file, int flags,
                int* out_flags) {
    auto* ours = faulty(file);
    ours->can_fail = (flags & (SQLITE_OPEN_MAIN_DB | SQLITE_OPEN_WAL)) != 0;
    const int code = real_vfs->xOpen(real_vfs, name, ours->real(), flags, out_flags);
    // SQLite closes a file whose methods are set, even when opening failed.
    ours->base.pMethods = ours->real()->pMethods ? &faulty_io : nullptr;
    return code;
}

}  // namespace

FaultyDisk::FaultyDisk() {
    if (!real_vfs) {
        real_vfs = sqlite3_vfs_find(nullptr);
        if (!real_vfs || real_vfs->iVersion < 2) throw std::runtime_error("no usable SQLite VFS");
        faulty_vfs = *real_vfs;
        faulty_vfs.pNext = nullptr;
        faulty_vfs.zName = "kenniscafe-faulty";
        faulty_vfs.szOsFile = static_cast<int>(sizeof(FaultyFile)) + real_vfs->szOsFile;
        faulty_vfs.xOpen = faulty_open;
    }
    disk_full = false;
    read_errors = false;
    sqlite3_vfs_register(&faulty_vfs, 1);
}

FaultyDisk::~FaultyDisk() {
    disk_full = false;
    read_errors = false;
    sqlite3_vfs_register(real_vfs, 1);
}

void FaultyDisk::set_full(bool full) { disk_full = full; }

void FaultyDisk::set_read_errors(bool failing) { read_errors = failing; }

}  // namespace kc::testing
