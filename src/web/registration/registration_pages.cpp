// Registering for an event without an account, and the participant's personal page
// behind their link: status, cancelling, and where they sit in the world café.

#include "app/registrations.hpp"
#include "core/text.hpp"
#include "domain/evaluation.hpp"
#include "web/components.hpp"
#include "web/live/live_channel.hpp"
#include "web/mail/mail_messages.hpp"
#include "web/seating.hpp"
#include "web/view_helpers.hpp"

namespace kc::web {

namespace {

using kainjow::mustache::data;

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
    explicit RegistrationPages(Site& site) : site_(site), mail_(site) {}

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
        routes.open("CHANNEL", "/aanmelding/{token}/kanaal",
                    bind_handler(this, &RegistrationPages::seating_channel));
    }

  private:
    void registration_form(const VisitPtr& visit);
    void registration_submit(const VisitPtr& visit);
    void registration_status(const VisitPtr& visit);
    void registration_cancel(const VisitPtr& visit);
    // The participant's world-café tables as JSON, for the live update on the phone.
    void registration_route_json(const VisitPtr& visit);
    // The same, pushed over the phone's channel whenever the plan or the rounds change.
    void seating_channel(const VisitPtr& visit);
    Response registration_form_page(const VisitPtr& visit, const domain::Event& event,
                                    const FormData& values, const FieldErrors& errors);

    Site& site_;
    MailWriter mail_;
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
        [this, event_id = event->id, registration = registration_form_from(visit->form),
         now](app::Transaction& tx) {
            return register_and_confirm(tx, mail_, event_id, registration, now);
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
    // A live session running at the event: the phone joins it from here with its group known.
    if (registration->status != domain::RegistrationStatus::cancelled) {
        for (const auto& session : queries.live_sessions(event->id)) {
            if (session.state != app::LiveSessionState::running) continue;
            values.set("live_link", visit->site_prefix + "/live/" + session.join_code +
                                        "?aanmelding=" + registration->cancel_token);
            values.set("live_title", session.title);
        }
    }
    // After the café has begun, the way to its evaluation, until this link has used it.
    if (registration->status != domain::RegistrationStatus::cancelled &&
        domain::is_open_for_evaluation(*event, site_.now()) &&
        !queries.has_evaluation_from(registration->id)) {
        values.set("evaluation_link", site_.site_prefix_for(*visit, event->werkplaats_id) +
                                          "/events/" + std::to_string(event->id) +
                                          "/evaluatie?aanmelding=" + registration->cancel_token);
    }
    values.set("can_cancel", registration->status != domain::RegistrationStatus::cancelled &&
                                 event->details.starts_at > site_.now());
    values.set("personal_link",
               site_.public_base_url() + "/aanmelding/" + registration->cancel_token);
    // A participant sees their own route through the world café on their phone.
    if (const auto cafe = queries.world_cafe(event->id)) {
        const LiveRoute live =
            live_route(*visit->texts, *cafe, queries.seats_of(registration->id), registration->id);
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
    site_.finish(visit,
                 json_text_response(200, seat_message(*visit->texts, queries, *registration)));
}

void RegistrationPages::seating_channel(const VisitPtr& visit) {
    if (!visit->channel_sink) return site_.respond_error(visit, 400, "error.bad_form");
    const auto registration =
        site_.store().read().registration_by_token(visit->params.get("token"));
    if (!registration) return site_.respond_error(visit, 404, "error.unknown_registration_link");
    const Catalogue* texts = visit->texts;
    auto subscription = site_.live().subscribe_seating(
        registration->event_id, std::make_shared<SinkOutlet>(visit->channel_sink),
        [this, texts, token = registration->cancel_token] {
            auto& queries = site_.store().read();
            const auto current = queries.registration_by_token(token);
            return current ? seat_message(*texts, queries, *current) : std::string();
        });
    visit->channel = std::make_shared<ListeningChannel>(std::move(subscription));
}

void RegistrationPages::registration_cancel(const VisitPtr& visit) {
    const std::string token = visit->params.get("token");
    const time::Timestamp now = site_.now();
    site_.write(
        visit,
        [this, token, now](app::Transaction& tx) {
            return cancel_and_promote(tx, mail_, token, now);
        },
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
