#include "web/seating.hpp"

#include <boost/json.hpp>

namespace kc::web {

LiveRoute live_route(const Catalogue& texts, const domain::WorldCafe& cafe,
                     const std::vector<domain::Seat>& seats, std::int64_t registration_id) {
    LiveRoute live;
    const std::string table_word = texts.text("cafe.table");
    for (const auto& step : domain::route_of(cafe, seats, registration_id)) {
        std::string badge;
        if (step.is_now) {
            live.now = texts.text("cafe.now_round", step.round) + " " + step.table;
            live.now_question = step.question;
            badge = texts.text("cafe.badge_now");
        } else if (step.is_next) {
            live.next = texts.text("cafe.next_round", step.round) + " " + step.table;
            live.next_question = step.question;
            badge = texts.text("cafe.badge_next");
        }
        live.items.push_back({texts.text("cafe.round") + " " + std::to_string(step.round) + ":",
                              table_word + " " + step.table, badge});
    }
    if (!live.now.empty() && live.next.empty() && cafe.started_rounds == cafe.rounds()) {
        live.next = texts.text("cafe.last_round");
    }
    return live;
}

std::string seat_message(const Catalogue& texts, app::Queries& queries,
                         const domain::Registration& registration) {
    const auto cafe = queries.world_cafe(registration.event_id);
    const LiveRoute live =
        cafe ? live_route(texts, *cafe, queries.seats_of(registration.id), registration.id)
             : LiveRoute{};
    boost::json::array route;
    for (const auto& item : live.items) {
        route.push_back({{"round", item.round}, {"table", item.table}, {"badge", item.badge}});
    }
    return boost::json::serialize(boost::json::object{{"type", "seat"},
                                                      {"now", live.now},
                                                      {"now_question", live.now_question},
                                                      {"next", live.next},
                                                      {"next_question", live.next_question},
                                                      {"route", route}});
}

}  // namespace kc::web
