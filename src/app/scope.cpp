#include "app/scope.hpp"

namespace kc::app {

std::optional<domain::Event> event_in_scope(Queries& queries, const EventScope& scope) {
    auto event = queries.event(scope.event_id);
    if (!event || event->werkplaats_id != scope.werkplaats_id) return std::nullopt;
    return event;
}

std::optional<domain::Registration> registration_in_scope(Queries& queries, const EventScope& scope,
                                                          std::int64_t registration_id) {
    if (!event_in_scope(queries, scope)) return std::nullopt;
    auto registration = queries.registration(registration_id);
    if (!registration || registration->event_id != scope.event_id) return std::nullopt;
    return registration;
}

}  // namespace kc::app
