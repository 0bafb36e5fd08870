#pragma once

#include <CLI/CLI.hpp>
#include <functional>

#include "app/scheduler.hpp"
#include "app/store.hpp"

namespace kc::cli {

// `privacy purge --db FILE [--dry-run] [--werkplaats SLUG]`: erases what the retention
// periods say must go (as the server does every night), or with --dry-run only shows what
// would go and when. Safe to run while a server uses the same database file.
void add_privacy_command(CLI::App& app);

// Registers the nightly purge (03:30 Amsterdam time, and once at start to catch up on a
// night the server was down) on `scheduler`; each run is one write job on `store`, its
// outcome logged. `store` must outlive the scheduler.
void add_privacy_jobs(app::Scheduler& scheduler, app::Store& store,
                      std::function<time::Timestamp()> now);

}  // namespace kc::cli
