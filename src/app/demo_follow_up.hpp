#pragma once

#include "app/store.hpp"

namespace kc::app {

// The harvest and actions of the demo's held cafés, after the magazine's accounts of them:
// insights, recommendations and open questions per café, and actions of partner organisations, most
// done, some overdue, one dropped with its reason, one still running. Finds the cafés by title; one
// that is missing is skipped.
void load_demo_follow_up(Transaction& tx, std::int64_t werkplaats_id, time::Timestamp now);

}  // namespace kc::app
