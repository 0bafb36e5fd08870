// The public site of a Werkplaats: its agenda, event pages and calendar files. No
// account is needed; each Werkplaats's site shows only its own events.
#include <boost/json.hpp>

#include "app/evaluations.hpp"
#include "app/library.hpp"
#include "app/reports.hpp"
#include "core/text.hpp"
#include "reports/ical.hpp"
#include "web/components.hpp"
#include "web/cookies.hpp"
#include "web/form_data.hpp"
#include "web/library/library_views.hpp"
#include "web/paging_view.hpp"
#include "web/view_helpers.hpp"

namespace kc::web {

namespace {

using kainjow::mustache::data;

std::string event_json_ld(const domain::Event& event, const std::string& base_url,
                          const std::vector<app::Partner>& partners) {
    const auto& d = event.details;
    boost::json::object json;
    json["@context"] = "https://schema.org";
    json["@type"] = "Event";
    json["name"] = d.title;
    if (!d.description.empty()) json["description"] = d.description;
    json["startDate"] = time::format_iso8601_amsterdam(d.starts_at);
    json["endDate"] = time::format_iso8601_amsterdam(d.ends_at);
    json["eventAttendanceMode"] = "https://schema.org/OfflineEventAttendanceMode";
    json["eventStatus"] = event.status == domain::EventStatus::cancelled
                              ? "https://schema.org/EventCancelled"
                              : "https://schema.org/EventScheduled";
    json["url"] = base_url + "/events/" + std::to_string(event.id);
    json["isAccessibleForFree"] = true;
    boost::json::object place{{"@type", "Place"}, {"name", d.location_name}};
    if (!d.location_address.empty()) {
        place["address"] = boost::json::object{{"@type", "PostalAddress"},
                                               {"streetAddress", d.location_address},
                                               {"addressCountry", "NL"}};
    }
    json["location"] = std::move(place);
    if (d.capacity > 0) json["maximumAttendeeCapacity"] = d.capacity;
    boost::json::array organizers;
    for (const auto partner_id : d.partner_ids) {
        for (const auto& partner : partners) {
            if (partner.id == partner_id) {
                organizers.push_back(
                    boost::json::object{{"@type", "Organization"}, {"name", partner.name}});
            }
        }
    }
    if (!organizers.empty()) json["organizer"] = std::move(organizers);
    boost::json::array performers;
    for (const auto& speaker : d.speakers) {
        performers.push_back(boost::json::object{{"@type", "Person"}, {"name", speaker.name}});
    }
    if (!performers.empty()) json["performer"] = std::move(performers);
    return json_for_script(boost::json::serialize(json));
}

// How much the agenda, the archive and the calendar feed hold at most, so that they stay
// small however many years of cafés a Werkplaats has.
constexpr std::size_t upcoming_per_page = 20;
constexpr std::size_t recent_past_on_agenda = 10;
constexpr std::size_t archive_per_page = 30;
constexpr std::size_t events_in_feed = 500;
constexpr std::size_t publications_per_event = 10;

// The Werkplaats whose site this is; an installation without any lists nothing (id 0).
std::int64_t site_id(const Visit& visit) { return visit.site ? visit.site->id : 0; }

class PublicSite final : public Component {
  public:
    explicit PublicSite(Site& site) : site_(site) {}

    void add_routes(Routes& routes) override {
        routes.open("GET", "/", bind_handler(this, &PublicSite::agenda));
        routes.open("GET", "/healthz", bind_handler(this, &PublicSite::healthz));
        routes.open("GET", "/archief", bind_handler(this, &PublicSite::archive));
        routes.open("GET", "/agenda.ics", bind_handler(this, &PublicSite::agenda_ics));
        routes.open("GET", "/events/{id}.ics", bind_handler(this, &PublicSite::event_ics));
        routes.open("GET", "/events/{id}", bind_handler(this, &PublicSite::event_page));
        routes.open("GET", "/taal/{code}", bind_handler(this, &PublicSite::language_switch));
    }

  private:
    void agenda(const VisitPtr& visit);
    // The past events, most recent first, a page at a time and by year.
    void archive(const VisitPtr& visit);
    void event_page(const VisitPtr& visit);
    void event_ics(const VisitPtr& visit);
    void agenda_ics(const VisitPtr& visit);
    void language_switch(const VisitPtr& visit);
    void healthz(const VisitPtr& visit);
    std::string calendar_for(const Visit& visit, const std::vector<domain::Event>& events,
                             const std::string& name);
    // The publications of the library that belong to the café, newest first, bounded.
    void set_publications(const VisitPtr& visit, const domain::Event& event, data& values);
    // What participants said, with their consent, and the way to the evaluation form.
    void set_experiences(const VisitPtr& visit, const domain::Event& event, data& values);

    Site& site_;
};

void PublicSite::healthz(const VisitPtr& visit) {
    Response response;
    response.content_type = "text/plain; charset=utf-8";
    response.body = "ok\n";
    site_.finish(visit, std::move(response));
}

void PublicSite::language_switch(const VisitPtr& visit) {
    const std::string code = visit->params.get("code") == "en" ? "en" : "nl";
    // Only a path on this site is followed back, never another site.
    const auto query = FormData::parse(visit->request.query).value_or(FormData{});
    Response response = site_.redirect(local_path(query.get("terug"), visit->site_prefix + "/"));
    response.add_header("Set-Cookie", set_cookie("kc_lang", code, CookieLifetime::year,
                                                 site_.config().secure_cookies));
    site_.finish(visit, std::move(response));
}

void PublicSite::agenda(const VisitPtr& visit) {
    if (site_.serve_cached(visit)) return;
    app::EventFilter filter;
    filter.werkplaats_id = site_id(*visit);
    filter.published_only = true;
    auto& queries = site_.store().read();
    const time::Timestamp now = site_.now();
    // Upcoming events a page at a time; below them only the most recent past ones, with a
    // link to the archive, so the page stays small after years of cafés.
    auto upcoming_filter = filter;
    upcoming_filter.ends_from = now;
    const auto page = page_request(*visit, upcoming_per_page, upcoming_per_page);
    const auto upcoming_events =
        queries.event_page(upcoming_filter, page, app::EventOrder::earliest_first);
    data upcoming(data::type::list);
    for (const auto& event : upcoming_events.items) {
        upcoming.push_back(site_.event_summary(visit, event));
    }
    auto past_filter = filter;
    past_filter.ends_before = now;
    const auto past_events =
        queries.event_page(past_filter, {1, recent_past_on_agenda}, app::EventOrder::latest_first);
    data past_recent_first(data::type::list);
    for (const auto& event : past_events.items) {
        past_recent_first.push_back(site_.event_summary(visit, event));
    }
    data values(data::type::object);
    values.set("upcoming", upcoming);
    values.set("has_upcoming", !upcoming.is_empty_list());
    values.set("paging", pagination_data(*visit, upcoming_events.total, page));
    values.set("past", past_recent_first);
    values.set("has_past", !past_recent_first.is_empty_list());
    values.set("more_past", past_events.total > past_events.items.size());
    Response response =
        site_.page(visit, "agenda", values, visit->text("agenda.title"), 200, Forms::none);
    site_.store_cached(visit, response);
    site_.finish(visit, std::move(response));
}

void PublicSite::archive(const VisitPtr& visit) {
    if (site_.serve_cached(visit)) return;
    app::EventFilter filter;
    filter.werkplaats_id = site_id(*visit);
    filter.published_only = true;
    filter.ends_before = site_.now();
    const auto year = text::parse_integer(query_value(visit->request.query, "jaar"), 2000, 2100);
    if (year) {
        filter.starts_from = time::from_amsterdam({static_cast<int>(*year), 1, 1, 0, 0, 0});
        filter.starts_before = time::from_amsterdam({static_cast<int>(*year) + 1, 1, 1, 0, 0, 0});
    }
    const auto page = page_request(*visit, archive_per_page, archive_per_page);
    const auto events =
        site_.store().read().event_page(filter, page, app::EventOrder::latest_first);
    data list(data::type::list);
    for (const auto& event : events.items) list.push_back(site_.event_summary(visit, event));
    data values(data::type::object);
    values.set("events", list);
    values.set("has_events", !events.items.empty());
    values.set("paging", pagination_data(*visit, events.total, page));
    if (year) values.set("year", std::to_string(*year));
    Response response =
        site_.page(visit, "archive", values, visit->text("agenda.archive_title"), 200, Forms::none);
    site_.store_cached(visit, response);
    site_.finish(visit, std::move(response));
}

void PublicSite::event_page(const VisitPtr& visit) {
    if (site_.serve_cached(visit)) return;
    auto& queries = site_.store().read();
    const auto event = site_.public_event(*visit, visit->params.id("id"));
    if (!event) return site_.respond_error(visit, 404, "error.event_not_found");
    const auto& d = event->details;
    data values = site_.event_summary(visit, *event);
    set_if_present(values, "description", d.description);
    set_if_present(values, "accessibility", d.accessibility);
    const auto partners = queries.partners(event->werkplaats_id);
    data partner_list(data::type::list);
    for (const auto partner_id : d.partner_ids) {
        for (const auto& partner : partners) {
            if (partner.id == partner_id) partner_list.push_back(data("name", partner.name));
        }
    }
    values.set("partners", partner_list);
    values.set("has_partners", !partner_list.is_empty_list());
    data speakers(data::type::list);
    for (const auto& speaker : d.speakers) {
        data item(data::type::object);
        item.set("name", speaker.name);
        set_if_present(item, "role", speaker.role);
        speakers.push_back(item);
    }
    values.set("speakers", speakers);
    values.set("has_speakers", !d.speakers.empty());
    data programme(data::type::list);
    for (const auto& item : d.programme) {
        data row(data::type::object);
        row.set("time", item.time);
        row.set("title", item.title);
        row.set("work_form",
                visit->text("work_form." + std::string(domain::to_slug(item.work_form))));
        programme.push_back(row);
    }
    values.set("programme", programme);
    values.set("has_programme", !d.programme.empty());
    if (const auto werkplaats = queries.werkplaats(event->werkplaats_id)) {
        values.set("werkplaats", werkplaats->name);
    }
    set_publications(visit, *event, values);
    if (event->theme_id) {
        if (const auto theme = queries.theme(*event->theme_id)) {
            values.set("agenda_theme_id", std::to_string(theme->id));
            values.set("agenda_theme_title", theme->title);
        }
    }
    set_experiences(visit, *event, values);
    values.set("has_report", app::is_report_public(queries, *event));
    values.set("json_ld", event_json_ld(*event, site_.site_url(*visit), partners));
    Response response = site_.page(visit, "event", values, d.title, 200, Forms::none);
    site_.store_cached(visit, response);
    site_.finish(visit, std::move(response));
}

void PublicSite::set_experiences(const VisitPtr& visit, const domain::Event& event, data& values) {
    // The newest few keep the page small however many were shared over the years.
    constexpr std::size_t experiences_shown = 10;
    data experiences(data::type::list);
    for (const auto& experience :
         app::public_experiences(site_.store().read(), event.id, experiences_shown).items) {
        data item(data::type::object);
        item.set("quote", experience.quote);
        const std::string signature = domain::signature(experience);
        item.set("signed", signature.empty() ? visit->text("experience.anonymous") : signature);
        experiences.push_back(item);
    }
    values.set("experiences", experiences);
    values.set("has_experiences", !experiences.is_empty_list());
    values.set("can_evaluate", domain::is_open_for_evaluation(event, site_.now()));
}

void PublicSite::event_ics(const VisitPtr& visit) {
    const auto event = site_.public_event(*visit, visit->params.id("id"));
    if (!event) return site_.respond_error(visit, 404, "error.event_not_found");
    Response response;
    response.content_type = "text/calendar; charset=utf-8";
    response.body = calendar_for(*visit, {*event}, visit->text("ics.calendar_name"));
    response.add_header("Content-Disposition", "attachment; filename=\"kenniscafe-" +
                                                   std::to_string(event->id) + ".ics\"");
    site_.finish(visit, std::move(response));
}

void PublicSite::set_publications(const VisitPtr& visit, const domain::Event& event, data& values) {
    app::LibrarySearch search;
    search.werkplaats_id = event.werkplaats_id;
    search.event_id = event.id;
    const auto publications =
        site_.store().read().search_publications(search, {1, publications_per_event});
    values.set("event_publications", publication_links(*visit, publications.items));
    values.set("has_event_publications", !publications.items.empty());
}

void PublicSite::agenda_ics(const VisitPtr& visit) {
    app::EventFilter filter;
    filter.werkplaats_id = site_id(*visit);
    filter.published_only = true;
    // Recent past events stay in the feed for a month, so subscribers keep them.
    filter.starts_from = site_.now() - 31 * 24 * 3600;
    Response response;
    response.content_type = "text/calendar; charset=utf-8";
    response.body =
        calendar_for(*visit,
                     site_.store()
                         .read()
                         .event_page(filter, {1, events_in_feed}, app::EventOrder::earliest_first)
                         .items,
                     visit->text("ics.calendar_name"));
    site_.finish(visit, std::move(response));
}

std::string PublicSite::calendar_for(const Visit& visit, const std::vector<domain::Event>& events,
                                     const std::string& name) {
    std::vector<reports::IcalEventLink> links;
    for (const auto& event : events) {
        links.push_back(reports::ical_event_link(
            event, site_.site_url(visit) + "/events/" + std::to_string(event.id)));
    }
    return reports::ical_calendar(links, site_.public_host(), site_.now(), name);
}

}  // namespace

std::unique_ptr<Component> make_public_site(Site& site) {
    return std::make_unique<PublicSite>(site);
}

}  // namespace kc::web
