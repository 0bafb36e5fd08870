#include "web/exports/export_links.hpp"

namespace kc::web {

kainjow::mustache::data export_links(app::Queries& queries, const domain::Event& event) {
    using kainjow::mustache::data;
    data links(data::type::object);
    const std::string id = std::to_string(event.id);
    links.set("event_id", id);
    data sessions(data::type::list);
    for (const auto& session : queries.live_sessions(event.id)) {
        data item(data::type::object);
        item.set("id", std::to_string(session.id));
        item.set("title", session.title);
        sessions.push_back(item);
    }
    links.set("sessions", sessions);
    return links;
}

}  // namespace kc::web
