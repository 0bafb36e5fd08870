// Registering for an event without an account, and the participant's personal page
// behind their link: status, cancelling, and where they sit in the world café.
#include <boost/json.hpp>

#include "app/registrations.hpp"
#include "core/text.hpp"
#include "web/components.hpp"
#include "web/view_helpers.hpp"

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

class RegistrationPages final : public Component {
  public:
    explicit RegistrationPages(Site& site) : site_(site) {}

    void add_routes(Routes& routes) override {
        routes.open("GET", "/events/{id}/aanmelden",
                    bind_handler(this, &RegistrationPages::registration_form));
        routes.open("POST", "/events/{id}/aanmelden",
                    bind_handler(this, &RegistrationPages::registration_submit));
        routes.open("GET", "/aanmelding/{token}",
                    bind_handler(this, &RegistrationPages::registration_status));
        routes.open("POST", "/aanmelding/{token}/annuleren",
                    bind_handler(this, &RegistrationPages::registration_cancel));
        routes.open("GET", "/aanmelding/{token}/tafels.json",
                    bind_handler(this, &RegistrationPages::registration_route_json));
    }

  private:
    void registration_form(const VisitPtr& visit);
    void registration_submit(const VisitPtr& visit);
    void registration_status(const VisitPtr& visit);
    void registration_cancel(const VisitPtr& visit);
    // The participant's world-café tables as JSON, for the live update on the phone.
    void registration_route_json(const VisitPtr& visit);
    Response registration_form_page(const VisitPtr& visit, const domain::Event& event,
                                    const FormData& values, const FieldErrors& errors);

    Site& site_;
};

Response RegistrationPages::registration_form_page(const VisitPtr& visit,
                                                   const domain::Event& event, const FormData& form,
                                                   const FieldErrors& errors) {
    data values = site_.event_summary(visit, event);
    const auto selected = form.get("group");
    data groups(data::type::list);
    for (const auto& group : site_.store().read().groups(event.werkplaats_id)) {
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
    return site_.page(visit, "register", values,
                      visit->text("register.title") + ": " + event.details.title, status);
}

void RegistrationPages::registration_form(const VisitPtr& visit) {
    const auto event = site_.public_event(*visit, visit->params.id("id"));
    if (!event) return site_.respond_error(visit, 404, "error.event_not_found");
    if (!domain::is_open_for_registration(*event, site_.now())) {
        return site_.respond_error(visit, 409, "error.registration_closed");
    }
    site_.finish(visit, registration_form_page(visit, *event, FormData{}, {}));
}

void RegistrationPages::registration_submit(const VisitPtr& visit) {
    const auto event = site_.public_event(*visit, visit->params.id("id"));
    if (!event) return site_.respond_error(visit, 404, "error.event_not_found");
    const time::Timestamp now = site_.now();
    site_.write(
        visit,
        [event_id = event->id, registration = registration_form_from(visit->form),
         now](app::Transaction& tx) {
            return app::register_participant(tx, event_id, registration, now);
        },
        [this, visit, event = *event](const app::RegisterOutcome& outcome) -> Response {
            switch (outcome.result) {
                case app::RegisterResult::registered:
                case app::RegisterResult::waitlisted:
                    return site_.redirect("/aanmelding/" + outcome.registration->cancel_token);
                case app::RegisterResult::event_not_found:
                    return site_.error_page(visit, 404, "error.event_not_found");
                case app::RegisterResult::closed:
                    return site_.error_page(visit, 409, "error.registration_closed");
                case app::RegisterResult::already_registered:
                case app::RegisterResult::invalid: {
                    FieldErrors errors = outcome.errors;
                    if (outcome.result == app::RegisterResult::already_registered) {
                        errors.push_back({"email", "error.already_registered"});
                    }
                    return registration_form_page(visit, event, visit->form, errors);
                }
            }
            return site_.error_page(visit, 500, "error.internal");
        });
}

void RegistrationPages::registration_status(const VisitPtr& visit) {
    auto& queries = site_.store().read();
    const auto registration = queries.registration_by_token(visit->params.get("token"));
    if (!registration) return site_.respond_error(visit, 404, "error.unknown_registration_link");
    const auto event = queries.event(registration->event_id);
    if (!event) return site_.respond_error(visit, 404, "error.event_not_found");
    data values = site_.event_summary(visit, *event);
    values.set("token", registration->cancel_token);
    values.set("event_site", site_.site_prefix_for(*visit, event->werkplaats_id));
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
                                 event->details.starts_at > site_.now());
    values.set("personal_link",
               site_.public_base_url() + "/aanmelding/" + registration->cancel_token);
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
    site_.finish(visit,
                 site_.page(visit, "registration_status", values, visit->text("status.title")));
}

void RegistrationPages::registration_route_json(const VisitPtr& visit) {
    auto& queries = site_.store().read();
    const auto registration = queries.registration_by_token(visit->params.get("token"));
    if (!registration) return site_.respond_error(visit, 404, "error.unknown_registration_link");
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
    site_.finish(visit, json_text_response(200, boost::json::serialize(body)));
}

void RegistrationPages::registration_cancel(const VisitPtr& visit) {
    const std::string token = visit->params.get("token");
    const time::Timestamp now = site_.now();
    site_.write(
        visit,
        [token, now](app::Transaction& tx) { return app::cancel_registration(tx, token, now); },
        [this, visit, token](const app::CancelOutcome& outcome) -> Response {
            switch (outcome.result) {
                case app::CancelResult::cancelled:
                case app::CancelResult::already_cancelled:
                    return site_.redirect("/aanmelding/" + token);
                case app::CancelResult::event_over:
                    return site_.error_page(visit, 409, "error.cancel_too_late");
                case app::CancelResult::not_found:
                    return site_.error_page(visit, 404, "error.unknown_registration_link");
            }
            return site_.error_page(visit, 500, "error.internal");
        });
}

}  // namespace

std::unique_ptr<Component> make_registration_pages(Site& site) {
    return std::make_unique<RegistrationPages>(site);
}

}  // namespace kc::web
