#pragma once

#include <kainjow/mustache.hpp>

#include "app/store.hpp"
#include "domain/event.hpp"

namespace kc::web {

// The export links of a café's organiser pages (templates/export_links.mustache): its
// registrations as CSV and Excel, and the results of each of its live sessions as CSV. Only
// for organisers: the routes behind them refuse hosts.
kainjow::mustache::data export_links(app::Queries& queries, const domain::Event& event);

}  // namespace kc::web
