#pragma once

#include "app/store.hpp"

namespace kc::app {

// Login of the demo organiser, printed by `serve --demo` so a newcomer can look
// around at once. Only ever created in the demo Werkplaats.
struct DemoLogin {
    static constexpr const char* organiser_email = "organisator@demo.kenniscafe.nl";
    static constexpr const char* host_email = "gastvrouw@demo.kenniscafe.nl";
    static constexpr const char* password = "demo-kenniscafe";
};

// Whether the database holds no Werkplaats yet.
bool is_empty(Queries& queries);

// Loads the demo Werkplaats: the eleven kenniscafés of the magazine with their real
// titles and dates, attendance of the five it describes adding up to its 136
// visitors spread over the stakeholder groups (fictional people, some returning),
// and upcoming cafés open for registration, dated from `now`.
void load_demo_werkplaats(Transaction& tx, time::Timestamp now);

// Adds the magazine's three werkteams to the demo Werkplaats, with fictional members, their
// meetings and products, and links them to the demo's cafés on their themes
// (demo_werkteams.cpp).
void load_demo_werkteams(Transaction& tx, std::int64_t werkplaats_id, time::Timestamp now);

}  // namespace kc::app
