// The JSON API under /api/v1 (documented in docs/api.md). Public reads and public
// registration need no token; everything else needs an organiser's bearer token.
#include <boost/json.hpp>

#include "app/events.hpp"
#include "app/registrations.hpp"
#include "core/text.hpp"
#include "core/validation.hpp"
#include "web/components.hpp"
#include "web/form_data.hpp"
#include "web/json_answers.hpp"
#include "web/json_body.hpp"
#include "web/mail/mail_messages.hpp"
#include "web/paging_view.hpp"
#include "web/view_helpers.hpp"

namespace kc::web {

namespace {

namespace json = boost::json;

constexpr std::size_t events_per_page = 50;
constexpr std::size_t max_events_per_page = 200;

json::object event_json(const domain::Event& event, const app::EventCounts& counts) {
    const auto& d = event.details;
    json::object object;
    object["id"] = event.id;
    object["title"] = d.title;
    object["theme"] = d.theme;
    object["type"] = domain::to_slug(d.type);
    object["status"] = domain::to_slug(event.status);
    object["starts_at"] = time::format_iso8601_amsterdam(d.starts_at);
    object["ends_at"] = time::format_iso8601_amsterdam(d.ends_at);
    object["location"] = d.location_name;
    object["address"] = d.location_address;
    object["capacity"] = d.capacity;
    object["registered"] = counts.registered;
    object["waitlisted"] = counts.waitlisted;
    return object;
}

class Api final : public Component {
  public:
    explicit Api(Site& site) : site_(site), mail_(site) {}

    void add_routes(Routes& routes) override {
        routes.open("GET", "/api/v1/events", bind_handler(this, &Api::events));
        routes.members("POST", "/api/v1/events", app::Role::organiser,
                       bind_handler(this, &Api::event_create));
        routes.members("POST", "/api/v1/events/{id}/publish", app::Role::organiser,
                       bind_handler(this, &Api::event_publish));
        routes.open("POST", "/api/v1/events/{id}/registrations",
                    bind_handler(this, &Api::registration_create));
        routes.open("DELETE", "/api/v1/registrations/{token}",
                    bind_handler(this, &Api::registration_cancel));
        routes.members("GET", "/api/v1/events/{id}/attendance", app::Role::host,
                       bind_handler(this, &Api::attendance));
    }

  private:
    void events(const VisitPtr& visit);
    void event_create(const VisitPtr& visit, const Access& access);
    void event_publish(const VisitPtr& visit, const Access& access);
    void registration_create(const VisitPtr& visit);
    void registration_cancel(const VisitPtr& visit);
    void attendance(const VisitPtr& visit, const Access& access);

    Site& site_;
    MailWriter mail_;
};

void Api::events(const VisitPtr& visit) {
    app::EventFilter filter;
    filter.werkplaats_id = visit->site ? visit->site->id : 0;
    filter.published_only = true;
    // Upcoming events earliest first; past ones most recent first; all of them by date.
    const std::string when = query_value(visit->request.query, "when");
    auto order = app::EventOrder::earliest_first;
    if (when == "upcoming") {
        filter.ends_from = site_.now();
    } else if (when == "past") {
        filter.ends_before = site_.now();
        order = app::EventOrder::latest_first;
    } else if (!when.empty()) {
        return site_.finish(visit, json_error(*visit, 422, "invalid", "error.api_when",
                                              {{"when", "error.api_when"}}));
    }
    const auto page = page_request(*visit, events_per_page, max_events_per_page);
    auto& queries = site_.store().read();
    const auto events = queries.event_page(filter, page, order);
    json::array items;
    for (const auto& event : events.items) {
        items.push_back(event_json(event, queries.counts(event.id)));
    }
    site_.finish(visit, json_response(200, api_page(std::move(items), events.total, page, *visit)));
}

void Api::event_create(const VisitPtr& visit, const Access& access) {
    std::string problem;
    const auto body = read_json_body(*visit, problem);
    if (!body) return site_.finish(visit, body_refusal(*visit, problem));
    FieldErrors errors;
    domain::EventDetails details;
    details.title =
        text::trim(string_member(*body, "title", validation::Presence::required, errors));
    details.theme =
        text::trim(string_member(*body, "theme", validation::Presence::optional, errors));
    details.description =
        text::trim(string_member(*body, "description", validation::Presence::optional, errors));
    details.location_name =
        text::trim(string_member(*body, "location", validation::Presence::required, errors));
    details.location_address =
        text::trim(string_member(*body, "address", validation::Presence::optional, errors));
    details.accessibility =
        text::trim(string_member(*body, "accessibility", validation::Presence::optional, errors));
    const std::string type = string_member(*body, "type", validation::Presence::optional, errors);
    if (!type.empty()) {
        if (const auto parsed = domain::event_type_from_slug(type)) {
            details.type = *parsed;
        } else {
            errors.push_back({"type", "error.choose_option"});
        }
    }
    const std::string starts =
        string_member(*body, "starts_at", validation::Presence::required, errors);
    const std::string ends =
        string_member(*body, "ends_at", validation::Presence::optional, errors);
    if (!starts.empty()) {
        if (const auto parsed = time::parse_iso8601(starts)) {
            details.starts_at = *parsed;
            // Without an end, a kenniscafé takes the usual two hours.
            details.ends_at = *parsed + 2 * 3600;
        } else {
            errors.push_back({"starts_at", "error.invalid_datetime"});
        }
    }
    if (!ends.empty()) {
        if (const auto parsed = time::parse_iso8601(ends)) {
            details.ends_at = *parsed;
        } else {
            errors.push_back({"ends_at", "error.invalid_datetime"});
        }
    }
    if (const auto* capacity = body->if_contains("capacity"); capacity && !capacity->is_null()) {
        if (capacity->is_int64() && capacity->get_int64() >= 0 &&
            capacity->get_int64() <= domain::EventLimits::capacity) {
            details.capacity = static_cast<int>(capacity->get_int64());
        } else {
            errors.push_back({"capacity", "error.capacity_range", domain::EventLimits::capacity});
        }
    }
    if (!errors.empty()) {
        return site_.finish(visit,
                            json_error(*visit, 422, "invalid", "error.check_fields", errors));
    }
    site_.write(
        visit,
        [werkplaats_id = access.werkplaats_id(), details, now = site_.now()](app::Transaction& tx) {
            return app::create_event(tx, werkplaats_id, details, now);
        },
        [visit](const app::EventChangeOutcome& outcome) {
            if (outcome.result != app::EventChangeResult::done) {
                return json_error(*visit, 422, "invalid", "error.check_fields", outcome.errors);
            }
            return json_response(201, json::object{{"id", outcome.event_id}, {"status", "draft"}});
        });
}

void Api::event_publish(const VisitPtr& visit, const Access& access) {
    const std::int64_t event_id = access.event().id;
    site_.write(
        visit,
        [werkplaats_id = access.werkplaats_id(), event_id,
         now = site_.now()](app::Transaction& tx) {
            return app::change_event_status(tx, werkplaats_id, event_id,
                                            domain::EventStatus::published, now);
        },
        [visit, event_id](const app::EventChangeOutcome& outcome) {
            switch (outcome.result) {
                case app::EventChangeResult::done:
                    return json_response(200,
                                         json::object{{"id", event_id}, {"status", "published"}});
                case app::EventChangeResult::not_allowed:
                    return json_error(*visit, 409, "conflict", "error.status_not_allowed");
                default:
                    return json_error(*visit, 404, "not_found", "error.event_not_found");
            }
        });
}

void Api::registration_create(const VisitPtr& visit) {
    std::string problem;
    const auto body = read_json_body(*visit, problem);
    if (!body) return site_.finish(visit, body_refusal(*visit, problem));
    const auto event = site_.public_event(*visit, visit->params.id("id"));
    if (!event) {
        return site_.finish(visit, json_error(*visit, 404, "not_found", "error.event_not_found"));
    }
    FieldErrors errors;
    domain::RegistrationForm form;
    form.name = string_member(*body, "name", validation::Presence::required, errors);
    form.email = string_member(*body, "email", validation::Presence::optional, errors);
    form.organisation =
        string_member(*body, "organisation", validation::Presence::optional, errors);
    form.dietary = string_member(*body, "dietary", validation::Presence::optional, errors);
    form.accessibility =
        string_member(*body, "accessibility", validation::Presence::optional, errors);
    const std::string group =
        text::trim(string_member(*body, "group", validation::Presence::required, errors));
    for (const auto& candidate : site_.store().read().groups(event->werkplaats_id)) {
        if (candidate.name == group || candidate.slug == group) form.group_id = candidate.id;
    }
    for (const char* consent : {"consent_photos", "consent_contact"}) {
        if (const auto* value = body->if_contains(consent); value && !value->is_null()) {
            if (!value->is_bool()) {
                errors.push_back({consent, "error.not_boolean"});
            } else {
                (std::string_view(consent) == "consent_photos" ? form.consent_photos
                                                               : form.consent_contact) =
                    value->get_bool();
            }
        }
    }
    if (!errors.empty()) {
        return site_.finish(visit,
                            json_error(*visit, 422, "invalid", "error.check_fields", errors));
    }
    site_.write(
        visit,
        [this, event_id = event->id, form, now = site_.now()](app::Transaction& tx) {
            return register_and_confirm(tx, mail_, event_id, form, now);
        },
        [visit](const app::RegisterOutcome& outcome) {
            const auto error = [&](int status, const char* code, const char* key) {
                return json_error(*visit, status, code, key, outcome.errors);
            };
            switch (outcome.result) {
                case app::RegisterResult::registered:
                case app::RegisterResult::waitlisted:
                    return json_response(
                        201, json::object{{"id", outcome.registration->id},
                                          {"status", domain::to_slug(outcome.registration->status)},
                                          {"cancel_token", outcome.registration->cancel_token}});
                case app::RegisterResult::invalid:
                    return error(422, "invalid", "error.check_fields");
                case app::RegisterResult::already_registered:
                    return error(409, "already_registered", "error.already_registered");
                case app::RegisterResult::closed:
                    return error(409, "closed", "error.registration_closed");
                case app::RegisterResult::event_not_found:
                    return error(404, "not_found", "error.event_not_found");
            }
            return error(500, "internal_error", "error.internal");
        });
}

void Api::registration_cancel(const VisitPtr& visit) {
    site_.write(
        visit,
        [this, token = visit->params.get("token"), now = site_.now()](app::Transaction& tx) {
            return cancel_and_promote(tx, mail_, token, now);
        },
        [visit](const app::CancelOutcome& outcome) {
            switch (outcome.result) {
                case app::CancelResult::cancelled:
                case app::CancelResult::already_cancelled:
                    return json_response(200, json::object{{"id", outcome.registration->id},
                                                           {"status", "cancelled"},
                                                           {"promoted", outcome.promoted}});
                case app::CancelResult::event_over:
                    return json_error(*visit, 409, "conflict", "error.cancel_too_late");
                case app::CancelResult::not_found:
                    break;
            }
            return json_error(*visit, 404, "not_found", "error.unknown_registration_link");
        });
}

void Api::attendance(const VisitPtr& visit, const Access& access) {
    auto& queries = site_.store().read();
    const domain::Event& event = access.event();
    const auto summary =
        domain::summarize_event_attendance(queries.attendance_facts(event.werkplaats_id), event.id);
    const auto counts_json = [](const domain::GroupCounts& counts) {
        return json::object{{"registered", counts.registered},
                            {"waitlisted", counts.waitlisted},
                            {"checked_in", counts.checked_in},
                            {"walk_in", counts.walk_in},
                            {"no_show", counts.no_show},
                            {"new_visitors", counts.new_visitors},
                            {"returning_visitors", counts.returning_visitors}};
    };
    json::array groups;
    for (const auto& group : queries.groups(event.werkplaats_id)) {
        const auto found = summary.by_group.find(group.id);
        json::object entry =
            counts_json(found == summary.by_group.end() ? domain::GroupCounts{} : found->second);
        entry["group"] = group.name;
        entry["slug"] = group.slug;
        groups.push_back(std::move(entry));
    }
    site_.finish(visit, json_response(200, json::object{{"event_id", event.id},
                                                        {"groups", std::move(groups)},
                                                        {"total", counts_json(summary.total)}}));
}

}  // namespace

std::unique_ptr<Component> make_api(Site& site) { return std::make_unique<Api>(site); }

}  // namespace kc::web
