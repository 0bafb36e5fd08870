#pragma once

#include "app/store.hpp"

namespace kc::app {

// Adds the demo Werkplaats's knowledge library: publications of every kind the magazine
// names, about its themes (debts, housing, loneliness, informal care, ...), linked to the
// cafés they came from and to the Werkplaats's themes where those exist. Some carry a text
// to search in, one a link.
void load_demo_library(Transaction& tx, std::int64_t werkplaats_id, time::Timestamp now);

}  // namespace kc::app
