#pragma once

#include "app/store.hpp"

namespace kc::app {

// The reports of the demo's five held cafés: an introduction to each theme and an account of
// the meeting, written for the demo (fictional wording, after the magazine's structure), and
// published, so the demo's public pages show whole reports. Finds the cafés by title; one that
// is missing is skipped.
void load_demo_reports(Transaction& tx, std::int64_t werkplaats_id, time::Timestamp now);

}  // namespace kc::app
