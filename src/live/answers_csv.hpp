#pragma once

#include <string>

#include "app/live_records.hpp"
#include "app/store.hpp"

namespace kc::live {

// Every stored answer of a session as CSV (RFC 4180, UTF-8, a header row): question number,
// question, kind, participant, group, answer, seconds after opening, time received. Read
// from storage, so it holds exactly what was acknowledged, also while the session runs.
std::string csv_of_answers(app::Queries& queries, const app::LiveSession& session);

}  // namespace kc::live
