#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "app/store.hpp"
#include "web/i18n.hpp"

// Where a participant sits in the world café, in words: on the personal page, and pushed to
// the phone over its channel whenever the plan or the rounds change.
namespace kc::web {

struct LiveRoute {
    struct Item {
        std::string round;  // "Ronde 2:"
        std::string table;  // "Tafel Blauw"
        std::string badge;  // "nu", "straks" or nothing
    };
    std::string now;  // "Nu, ronde 2: tafel Blauw"
    std::string now_question;
    std::string next;  // "Straks, ronde 3: tafel Rood", or that this is the last round
    std::string next_question;
    std::vector<Item> items;
};

LiveRoute live_route(const Catalogue& texts, const domain::WorldCafe& cafe,
                     const std::vector<domain::Seat>& seats, std::int64_t registration_id);

// The "seat" message of docs/live.md for one registration: its route as it is stored now.
std::string seat_message(const Catalogue& texts, app::Queries& queries,
                         const domain::Registration& registration);

}  // namespace kc::web
