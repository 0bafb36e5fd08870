// What became of the cafés, for everyone: /actions lists the actions of all published and
// held cafés of the site's Werkplaats, and /events/{id}/opvolging shows one café's harvest and
// its actions with their history. Quotes from the harvest and the contacts of actions stay
// inside: quotes are the organiser's notes without the speaker's consent, contacts are people.
#include "core/text.hpp"
#include "web/follow_up/follow_up_parts.hpp"
#include "web/follow_up/follow_up_views.hpp"
#include "web/paging_view.hpp"
#include "web/view_helpers.hpp"

namespace kc::web::follow_up {

namespace {

using kainjow::mustache::data;

constexpr std::size_t actions_per_page = 25;
constexpr std::size_t max_actions_per_page = 50;
constexpr std::size_t items_per_page = 40;
constexpr std::size_t max_items_per_page = 60;
// A café's page shows this many of its actions; the rest are on /actions?cafe=ID.
constexpr std::size_t actions_on_cafe_page = 20;
// Updates shown per action on a café's page, latest first.
constexpr std::size_t history_on_cafe_page = 10;

bool is_public_status(domain::EventStatus status) {
    return status == domain::EventStatus::published || status == domain::EventStatus::held;
}

class PublicFollowUp final : public Component {
  public:
    explicit PublicFollowUp(Site& site) : site_(site) {}

    void add_routes(Routes& routes) override {
        routes.open("GET", "/actions", bind_handler(this, &PublicFollowUp::actions));
        routes.open("GET", "/events/{id}/opvolging", bind_handler(this, &PublicFollowUp::cafe));
    }

  private:
    void actions(const VisitPtr& visit);
    void cafe(const VisitPtr& visit);
    // A café of this site the public may follow up, else nothing.
    std::optional<domain::Event> public_cafe(const Visit& visit, std::int64_t event_id);

    Site& site_;
};

std::optional<domain::Event> PublicFollowUp::public_cafe(const Visit& visit,
                                                         std::int64_t event_id) {
    auto event = site_.public_event(visit, event_id);
    if (!event || !is_public_status(event->status)) return std::nullopt;
    return event;
}

void PublicFollowUp::actions(const VisitPtr& visit) {
    auto& queries = site_.store().read();
    const auto query = query_of(*visit);
    const std::string today = domain::day_of(site_.now());
    auto filter = action_filter_from_query(query, visit->site ? visit->site->id : 0, today);
    filter.public_only = true;
    data values(data::type::object);
    if (const auto cafe_id = text::parse_integer(query.get("cafe"), 1, INT64_MAX)) {
        if (const auto event = public_cafe(*visit, *cafe_id)) {
            filter.event_id = event->id;
            values.set("cafe", site_.event_summary(visit, *event));
        }
    }
    const auto request = page_request(*visit, actions_per_page, max_actions_per_page);
    const auto page = queries.actions(filter, request);
    set_action_list(*visit, queries, values, filter, page, {today, 1, false},
                    visit->site_prefix + "/actions");
    site_.finish(visit, site_.page(visit, "follow_up_public_actions", values,
                                   visit->text("follow_up.public_title"), 200, Forms::none));
}

void PublicFollowUp::cafe(const VisitPtr& visit) {
    const auto event = public_cafe(*visit, visit->params.id("id"));
    if (!event) return site_.respond_error(visit, 404, "error.event_not_found");
    auto& queries = site_.store().read();
    data values = site_.event_summary(visit, *event);
    app::HarvestFilter harvest;
    harvest.event_id = event->id;
    harvest.public_only = true;
    const auto request = page_request(*visit, items_per_page, max_items_per_page);
    const auto items = queries.harvest_items(harvest, request);
    values.set("groups", items_by_kind(*visit, items.items,
                                       [](const domain::HarvestItem&) { return false; }));
    values.set("has_items", items.total > 0);
    values.set("paging", pagination_data(*visit, items.total, request));
    app::ActionFilter filter;
    filter.werkplaats_id = event->werkplaats_id;
    filter.event_id = event->id;
    filter.public_only = true;
    const auto actions = queries.actions(filter, {1, actions_on_cafe_page});
    const ActionView view{domain::day_of(site_.now()), history_on_cafe_page, false};
    data list(data::type::list);
    for (const auto& action : actions.items) list.push_back(action_data(*visit, action, view));
    values.set("actions", list);
    values.set("has_actions", actions.total > 0);
    values.set("more_actions", actions.total > actions.items.size());
    site_.finish(visit,
                 site_.page(visit, "follow_up_public_cafe", values,
                            visit->text("follow_up.cafe_title") + ": " + event->details.title, 200,
                            Forms::none));
}

}  // namespace

std::unique_ptr<Component> make_public_follow_up(Site& site) {
    return std::make_unique<PublicFollowUp>(site);
}

}  // namespace kc::web::follow_up
