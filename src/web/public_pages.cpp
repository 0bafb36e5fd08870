// The public pages: agenda, event page, calendar files, registration and its
// personal status page. No account is needed for any of them.
#include <boost/json.hpp>

#include "app/registrations.hpp"
#include "core/text.hpp"
#include "reports/ical.hpp"
#include "web/cookies.hpp"
#include "web/view_helpers.hpp"
#include "web/web_app.hpp"

namespace kc::web {

namespace {

using kainjow::mustache::data;

// Where a participant sits in the world café, in words, as the personal page shows it and as
// its live update on the phone refreshes it.
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

LiveRoute live_route(const Visit& visit, const domain::WorldCafe& cafe,
                     const std::vector<domain::Seat>& seats, std::int64_t registration_id) {
    LiveRoute live;
    const std::string table_word = visit.text("cafe.table");
    for (const auto& step : domain::route_of(cafe, seats, registration_id)) {
        std::string badge;
        if (step.is_now) {
            live.now = visit.text("cafe.now_round", step.round) + " " + step.table;
            live.now_question = step.question;
            badge = visit.text("cafe.badge_now");
        } else if (step.is_next) {
            live.next = visit.text("cafe.next_round", step.round) + " " + step.table;
            live.next_question = step.question;
            badge = visit.text("cafe.badge_next");
        }
        live.items.push_back({visit.text("cafe.round") + " " + std::to_string(step.round) + ":",
                              table_word + " " + step.table, badge});
    }
    if (!live.now.empty() && live.next.empty() && cafe.started_rounds == cafe.rounds()) {
        live.next = visit.text("cafe.last_round");
    }
    return live;
}

domain::RegistrationForm registration_form_from(const FormData& form) {
    domain::RegistrationForm registration;
    registration.name = form.get("name");
    registration.email = form.get("email");
    registration.group_id = text::parse_integer(form.get("group"), 1, INT64_MAX).value_or(0);
    registration.organisation = form.get("organisation");
    registration.dietary = form.get("dietary");
    registration.accessibility = form.get("accessibility");
    registration.consent_photos = form.get("consent_photos") == "ja";
    registration.consent_contact = form.get("consent_contact") == "ja";
    return registration;
}

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

}  // namespace

void WebApp::healthz(const VisitPtr& visit) {
    Response response;
    response.content_type = "text/plain; charset=utf-8";
    response.body = "ok\n";
    finish(visit, std::move(response));
}

void WebApp::language_switch(const VisitPtr& visit) {
    const std::string code = visit->params.get("code") == "en" ? "en" : "nl";
    std::string back = "/";
    // Only a path on this site is followed back, never another site.
    if (const auto next = FormData::parse(visit->request.query)) {
        const std::string wanted = next->get("terug");
        if (wanted.size() > 1 && wanted[0] == '/' && wanted[1] != '/') back = wanted;
    }
    Response response = redirect(back);
    response.add_header("Set-Cookie",
                        set_cookie("kc_lang", code, CookieLifetime::year, config_.secure_cookies));
    finish(visit, std::move(response));
}

void WebApp::agenda(const VisitPtr& visit) {
    if (serve_cached(visit)) return;
    app::EventFilter filter;
    filter.published_only = true;
    const time::Timestamp now = config_.now();
    data upcoming(data::type::list);
    const auto events = store_.read().events(filter);
    for (const auto& event : events) {
        if (event.details.ends_at >= now) upcoming.push_back(event_summary(visit, event));
    }
    // The most recent past events first.
    data past_recent_first(data::type::list);
    for (auto it = events.rbegin(); it != events.rend(); ++it) {
        if (it->details.ends_at < now) past_recent_first.push_back(event_summary(visit, *it));
    }
    data values(data::type::object);
    values.set("upcoming", upcoming);
    values.set("has_upcoming", !upcoming.is_empty_list());
    values.set("past", past_recent_first);
    values.set("has_past", !past_recent_first.is_empty_list());
    Response response =
        page(visit, "agenda", values, visit->text("agenda.title"), 200, Forms::none);
    store_cached(visit, response);
    finish(visit, std::move(response));
}

void WebApp::event_page(const VisitPtr& visit) {
    if (serve_cached(visit)) return;
    auto& queries = store_.read();
    const auto event = queries.event(visit->params.id("id"));
    if (!event || event->status == domain::EventStatus::draft) {
        return respond_error(visit, 404, "error.event_not_found");
    }
    const auto& d = event->details;
    data values = event_summary(visit, *event);
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
    values.set("json_ld", event_json_ld(*event, public_base_url(), partners));
    Response response = page(visit, "event", values, d.title, 200, Forms::none);
    store_cached(visit, response);
    finish(visit, std::move(response));
}

void WebApp::event_ics(const VisitPtr& visit) {
    const auto event = store_.read().event(visit->params.id("id"));
    if (!event || event->status == domain::EventStatus::draft) {
        return respond_error(visit, 404, "error.event_not_found");
    }
    Response response;
    response.content_type = "text/calendar; charset=utf-8";
    response.body = calendar_for({*event}, visit->text("ics.calendar_name"));
    response.add_header("Content-Disposition", "attachment; filename=\"kenniscafe-" +
                                                   std::to_string(event->id) + ".ics\"");
    finish(visit, std::move(response));
}

void WebApp::agenda_ics(const VisitPtr& visit) {
    app::EventFilter filter;
    filter.published_only = true;
    // Recent past events stay in the feed for a month, so subscribers keep them.
    filter.starts_from = config_.now() - 31 * 24 * 3600;
    Response response;
    response.content_type = "text/calendar; charset=utf-8";
    response.body = calendar_for(store_.read().events(filter), visit->text("ics.calendar_name"));
    finish(visit, std::move(response));
}

std::string WebApp::calendar_for(const std::vector<domain::Event>& events,
                                 const std::string& name) {
    std::vector<reports::IcalEventLink> links;
    for (const auto& event : events) {
        links.push_back(reports::ical_event_link(
            event, public_base_url() + "/events/" + std::to_string(event.id)));
    }
    return reports::ical_calendar(links, public_host(), config_.now(), name);
}

std::string WebApp::public_host() const {
    std::string host = public_base_url();
    const auto scheme_end = host.find("://");
    if (scheme_end != std::string::npos) host = host.substr(scheme_end + 3);
    return host.substr(0, host.find_first_of(":/"));
}

Response WebApp::registration_form_page(const VisitPtr& visit, const domain::Event& event,
                                        const FormData& form, const FieldErrors& errors) {
    data values = event_summary(visit, event);
    const auto selected = form.get("group");
    data groups(data::type::list);
    for (const auto& group : store_.read().groups(event.werkplaats_id)) {
        data item(data::type::object);
        item.set("id", std::to_string(group.id));
        item.set("name", group.name);
        item.set("checked", selected == std::to_string(group.id));
        groups.push_back(item);
    }
    values.set("groups", groups);
    for (const char* field : {"name", "email", "organisation", "dietary", "accessibility"}) {
        values.set(std::string("value_") + field, form.get(field));
    }
    values.set("consent_photos", form.get("consent_photos") == "ja");
    values.set("consent_contact", form.get("consent_contact") == "ja");
    set_field_errors(values, errors, *visit->texts);
    const int status = errors.empty() ? 200 : 422;
    return page(visit, "register", values,
                visit->text("register.title") + ": " + event.details.title, status);
}

void WebApp::registration_form(const VisitPtr& visit) {
    const auto event = store_.read().event(visit->params.id("id"));
    if (!event || event->status == domain::EventStatus::draft) {
        return respond_error(visit, 404, "error.event_not_found");
    }
    if (!domain::is_open_for_registration(*event, config_.now())) {
        return respond_error(visit, 409, "error.registration_closed");
    }
    finish(visit, registration_form_page(visit, *event, FormData{}, {}));
}

void WebApp::registration_submit(const VisitPtr& visit) {
    const auto form = read_form(visit);
    if (!form) return;
    const std::int64_t event_id = visit->params.id("id");
    auto outcome = std::make_shared<app::RegisterOutcome>();
    const time::Timestamp now = config_.now();
    write_then(
        visit,
        [outcome, event_id, registration = registration_form_from(*form),
         now](app::Transaction& tx) {
            *outcome = app::register_participant(tx, event_id, registration, now);
        },
        [this, visit, outcome, form = *form, event_id]() -> Response {
            switch (outcome->result) {
                case app::RegisterResult::registered:
                case app::RegisterResult::waitlisted:
                    return redirect("/aanmelding/" + outcome->registration->cancel_token);
                case app::RegisterResult::event_not_found:
                    return error_page(visit, 404, "error.event_not_found");
                case app::RegisterResult::closed:
                    return error_page(visit, 409, "error.registration_closed");
                case app::RegisterResult::already_registered:
                case app::RegisterResult::invalid: {
                    FieldErrors errors = outcome->errors;
                    if (outcome->result == app::RegisterResult::already_registered) {
                        errors.push_back({"email", "error.already_registered"});
                    }
                    const auto event = store_.read().event(event_id);
                    if (!event) return error_page(visit, 404, "error.event_not_found");
                    return registration_form_page(visit, *event, form, errors);
                }
            }
            return error_page(visit, 500, "error.internal");
        });
}

void WebApp::registration_status(const VisitPtr& visit) {
    auto& queries = store_.read();
    const auto registration = queries.registration_by_token(visit->params.get("token"));
    if (!registration) return respond_error(visit, 404, "error.unknown_registration_link");
    const auto event = queries.event(registration->event_id);
    if (!event) return respond_error(visit, 404, "error.event_not_found");
    data values = event_summary(visit, *event);
    values.set("token", registration->cancel_token);
    values.set("name", registration->form.name);
    values.set("is_registered", registration->status == domain::RegistrationStatus::registered);
    values.set("is_waitlisted", registration->status == domain::RegistrationStatus::waitlisted);
    values.set("is_cancelled", registration->status == domain::RegistrationStatus::cancelled);
    if (registration->status == domain::RegistrationStatus::waitlisted) {
        int position = 0;
        for (const auto& other : queries.registrations(event->id)) {
            if (other.status == domain::RegistrationStatus::waitlisted) ++position;
            if (other.id == registration->id) break;
        }
        values.set("waitlist_text", visit->text("status.waitlist_position", position));
    }
    values.set("can_cancel", registration->status != domain::RegistrationStatus::cancelled &&
                                 event->details.starts_at > config_.now());
    values.set("personal_link", public_base_url() + "/aanmelding/" + registration->cancel_token);
    // A participant sees their own route through the world café on their phone.
    if (const auto cafe = queries.world_cafe(event->id)) {
        const LiveRoute live =
            live_route(*visit, *cafe, queries.seats_of(registration->id), registration->id);
        if (!live.items.empty()) {
            values.set("has_route", true);
            set_if_present(values, "now", live.now);
            set_if_present(values, "now_question", live.now_question);
            set_if_present(values, "next", live.next);
            set_if_present(values, "next_question", live.next_question);
            data route(data::type::list);
            for (const auto& item : live.items) {
                data step(data::type::object);
                step.set("round", item.round);
                step.set("table", item.table);
                set_if_present(step, "badge", item.badge);
                route.push_back(step);
            }
            values.set("route", route);
        }
    }
    finish(visit, page(visit, "registration_status", values, visit->text("status.title")));
}

void WebApp::registration_route_json(const VisitPtr& visit) {
    auto& queries = store_.read();
    const auto registration = queries.registration_by_token(visit->params.get("token"));
    if (!registration) return api_error(visit, 404, "not_found", "error.unknown_registration_link");
    const auto cafe = queries.world_cafe(registration->event_id);
    const LiveRoute live =
        cafe ? live_route(*visit, *cafe, queries.seats_of(registration->id), registration->id)
             : LiveRoute{};
    boost::json::array route;
    for (const auto& item : live.items) {
        route.push_back({{"round", item.round}, {"table", item.table}, {"badge", item.badge}});
    }
    const boost::json::object body{{"now", live.now},
                                   {"now_question", live.now_question},
                                   {"next", live.next},
                                   {"next_question", live.next_question},
                                   {"route", route}};
    finish(visit, json_text_response(200, boost::json::serialize(body)));
}

void WebApp::registration_cancel(const VisitPtr& visit) {
    const auto form = read_form(visit);
    if (!form) return;
    const std::string token = visit->params.get("token");
    auto outcome = std::make_shared<app::CancelOutcome>();
    const time::Timestamp now = config_.now();
    write_then(
        visit,
        [outcome, token, now](app::Transaction& tx) {
            *outcome = app::cancel_registration(tx, token, now);
        },
        [this, visit, outcome, token]() -> Response {
            switch (outcome->result) {
                case app::CancelResult::cancelled:
                case app::CancelResult::already_cancelled:
                    return redirect("/aanmelding/" + token);
                case app::CancelResult::event_over:
                    return error_page(visit, 409, "error.cancel_too_late");
                case app::CancelResult::not_found:
                    return error_page(visit, 404, "error.unknown_registration_link");
            }
            return error_page(visit, 500, "error.internal");
        });
}

}  // namespace kc::web
