#pragma once

#include "app/store.hpp"

namespace kc::app {

// Live questions of two of the demo's held cafés, answered by the visitors who were present,
// each with the stakeholder group of her registration: a word cloud and a statement at
// "Voorkomen huisuitzettingen", two statements at "Samenwerking mbo en hbo". The groups answer
// differently on purpose, so the demo's reports show what a breakdown by group reveals. The
// sessions are ended and their questions closed, as after the café. Finds the cafés by title;
// one that is missing is skipped.
void load_demo_live_results(Transaction& tx, std::int64_t werkplaats_id, time::Timestamp now);

}  // namespace kc::app
