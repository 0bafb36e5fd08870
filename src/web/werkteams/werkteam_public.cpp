// The public side of werkteams: the list of a Werkplaats's teams, a page per team (its
// theme, members by group and organisation, meetings over time, products and cafés) with
// schema.org data, and the list in the JSON API. Members are named only when they agreed
// (docs/decisions/0010-werkteam-members-in-public.md).
#include <boost/json.hpp>

#include "app/werkteams.hpp"
#include "web/components.hpp"
#include "web/library/library_views.hpp"
#include "web/paging_view.hpp"
#include "web/view_helpers.hpp"
#include "web/werkteams/werkteam_views.hpp"

namespace kc::web {

namespace {

using kainjow::mustache::data;

constexpr WerkteamBounds bounds = public_bounds;

// The Werkplaats whose site this is; an installation without any has none (id 0).
std::int64_t site_id(const Visit& visit) { return visit.site ? visit.site->id : 0; }

std::string team_json_ld(const domain::Werkteam& werkteam, const std::string& url,
                         const std::string& theme,
                         const std::vector<domain::WerkteamMember>& members) {
    boost::json::object json;
    json["@context"] = "https://schema.org";
    json["@type"] = "Project";
    json["name"] = werkteam.name;
    json["url"] = url;
    if (!werkteam.description.empty()) json["description"] = werkteam.description;
    if (!theme.empty()) json["knowsAbout"] = theme;
    json["foundingDate"] = werkteam.started_on;
    if (werkteam.ended_on) json["dissolutionDate"] = *werkteam.ended_on;
    boost::json::array organisations;
    std::vector<std::string> seen;
    for (const auto& member : members) {
        if (member.organisation.empty() ||
            std::find(seen.begin(), seen.end(), member.organisation) != seen.end()) {
            continue;
        }
        seen.push_back(member.organisation);
        organisations.push_back(
            boost::json::object{{"@type", "Organization"}, {"name", member.organisation}});
    }
    if (!organisations.empty()) json["member"] = std::move(organisations);
    return json_for_script(boost::json::serialize(json));
}

class PublicWerkteams final : public Component {
  public:
    explicit PublicWerkteams(Site& site) : site_(site) {}

    void add_routes(Routes& routes) override {
        routes.open("GET", "/werkteams", bind_handler(this, &PublicWerkteams::list));
        routes.open("GET", "/werkteams/{id}", bind_handler(this, &PublicWerkteams::team));
        routes.open("GET", "/api/v1/werkteams", bind_handler(this, &PublicWerkteams::api_list));
    }

  private:
    void list(const VisitPtr& visit);
    void team(const VisitPtr& visit);
    void api_list(const VisitPtr& visit);

    Site& site_;
};

void PublicWerkteams::list(const VisitPtr& visit) {
    if (site_.serve_cached(visit)) return;
    Response response = site_.page(
        visit, "werkteams", team_list_data(*visit, site_.store().read(), site_id(*visit), bounds),
        visit->text("werkteams.title"), 200, Forms::none);
    site_.store_cached(visit, response);
    site_.finish(visit, std::move(response));
}

void PublicWerkteams::team(const VisitPtr& visit) {
    if (site_.serve_cached(visit)) return;
    auto& queries = site_.store().read();
    const auto werkteam = app::own_werkteam(queries, site_id(*visit), visit->params.id("id"));
    if (!werkteam) return site_.respond_error(visit, 404, "werkteams.not_found");
    const auto& texts = *visit->texts;
    const auto groups = queries.groups(werkteam->werkplaats_id);
    const std::string theme = theme_title(queries, werkteam->theme_id);
    data values = werkteam_data(*werkteam, theme, texts);
    const auto members = queries.werkteam_members(werkteam->id);
    values.set("members", public_members_data(members, groups, texts));

    const auto meetings = queries.werkteam_meetings(
        werkteam->id, page_request(*visit, bounds.meetings_per_page, bounds.max_per_page));
    data meeting_list(data::type::list);
    for (const auto& meeting : meetings.items) {
        meeting_list.push_back(meeting_data(meeting, groups, texts));
    }
    values.set("meetings", meeting_list);
    values.set("has_meetings", meetings.total > 0);
    values.set("paging", pagination_data(*visit, meetings.total, meetings.request));

    const auto products = queries.werkteam_products(werkteam->id, {1, bounds.products_shown});
    data product_list(data::type::list);
    for (const auto& product : products.items) product_list.push_back(product_data(product, texts));
    values.set("products", product_list);
    values.set("has_products", products.total > 0);
    if (products.has_next()) {
        values.set("products_more", visit->text("werkteams.latest_of", products.total));
    }

    app::LibrarySearch search;
    search.werkplaats_id = werkteam->werkplaats_id;
    search.werkteam_id = werkteam->id;
    const auto publications = queries.search_publications(search, {1, bounds.products_shown});
    values.set("publications", publication_links(*visit, publications.items));
    values.set("has_publications", !publications.items.empty());
    values.set("more_publications", publications.has_next());

    const auto events = queries.werkteam_events(werkteam->id, true, {1, bounds.events_shown});
    data event_list(data::type::list);
    for (const auto& event : events.items) event_list.push_back(site_.event_summary(visit, event));
    values.set("events", event_list);
    values.set("has_events", events.total > 0);
    if (events.has_next())
        values.set("events_more", visit->text("werkteams.latest_of", events.total));

    const std::string url = site_.site_url(*visit) + "/werkteams/" + std::to_string(werkteam->id);
    values.set("json_ld", team_json_ld(*werkteam, url, theme, members));
    Response response = site_.page(visit, "werkteam", values, werkteam->name, 200, Forms::none);
    site_.store_cached(visit, response);
    site_.finish(visit, std::move(response));
}

void PublicWerkteams::api_list(const VisitPtr& visit) {
    const auto request = page_request(*visit, bounds.teams_per_page, bounds.max_per_page);
    auto& queries = site_.store().read();
    const auto page = queries.werkteams({site_id(*visit), std::nullopt}, request);
    boost::json::array items;
    for (const auto& werkteam : page.items) {
        boost::json::object item{
            {"id", werkteam.id},
            {"name", werkteam.name},
            {"description", werkteam.description},
            {"started_on", werkteam.started_on},
            {"url", site_.site_url(*visit) + "/werkteams/" + std::to_string(werkteam.id)}};
        item["theme_id"] = werkteam.theme_id ? boost::json::value(*werkteam.theme_id) : nullptr;
        item["ended_on"] = werkteam.ended_on ? boost::json::value(*werkteam.ended_on) : nullptr;
        items.push_back(std::move(item));
    }
    site_.finish(
        visit, json_text_response(200, boost::json::serialize(api_page(std::move(items), page.total,
                                                                       request, *visit))));
}

}  // namespace

std::unique_ptr<Component> make_public_werkteams(Site& site) {
    return std::make_unique<PublicWerkteams>(site);
}

}  // namespace kc::web
