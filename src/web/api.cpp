// The JSON API under /api/v1 (documented in docs/api.md). Public reads and public
// registration need no token; everything else needs an organiser's bearer token.
#include <boost/json.hpp>

#include "app/events.hpp"
#include "app/registrations.hpp"
#include "app/security.hpp"
#include "core/text.hpp"
#include "web/view_helpers.hpp"
#include "web/web_app.hpp"

namespace kc::web {

namespace {

namespace json = boost::json;

Response json_response(int status, const json::value& body) {
    return json_text_response(status, json::serialize(body));
}

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

// Reads a JSON object body; nullopt (with the reason in `problem`) otherwise.
std::optional<json::object> parse_object(const Request& request, std::string& problem) {
    const auto content_type = request.header("content-type").value_or("");
    if (content_type.rfind("application/json", 0) != 0) {
        problem = "error.json_type";
        return std::nullopt;
    }
    boost::system::error_code error;
    auto value = json::parse(request.body, error);
    if (error || !value.is_object()) {
        problem = "error.bad_json";
        return std::nullopt;
    }
    return std::move(value.get_object());
}

// A string member, or a type error for that field.
std::string string_member(const json::object& object, const char* name, bool required,
                          FieldErrors& errors) {
    const auto* value = object.if_contains(name);
    if (!value || value->is_null()) {
        if (required) errors.push_back({name, "error.required"});
        return {};
    }
    if (!value->is_string()) {
        errors.push_back({name, "error.not_text"});
        return {};
    }
    return std::string(value->get_string());
}

}  // namespace

void WebApp::api_error(const VisitPtr& visit, int status, const std::string& code,
                       const std::string& message_key, const FieldErrors& errors) {
    finish(visit, json_text_response(
                      status, error_json(code, visit->text(message_key), errors, *visit->texts)));
}

bool WebApp::api_authenticate(const VisitPtr& visit, app::Role role) {
    const auto header = visit->request.header("authorization").value_or("");
    constexpr std::string_view prefix = "Bearer ";
    std::optional<std::int64_t> user_id;
    if (header.rfind(prefix, 0) == 0 && header.size() > prefix.size()) {
        user_id =
            store_.read().api_token_user(app::security::token_digest(header.substr(prefix.size())));
    }
    if (user_id) visit->user = store_.read().user(*user_id);
    if (!visit->user) {
        api_error(visit, 401, "unauthorized", "error.api_token");
        return false;
    }
    if (static_cast<int>(visit->user->role) < static_cast<int>(role)) {
        api_error(visit, 403, "forbidden", "error.forbidden");
        return false;
    }
    return true;
}

void WebApp::api_events(const VisitPtr& visit) {
    app::EventFilter filter;
    filter.published_only = true;
    auto& queries = store_.read();
    json::array events;
    for (const auto& event : queries.events(filter))
        events.push_back(event_json(event, queries.counts(event.id)));
    finish(visit, json_response(200, events));
}

void WebApp::api_event_create(const VisitPtr& visit) {
    if (!api_authenticate(visit, app::Role::organiser)) return;
    std::string problem;
    const auto body = parse_object(visit->request, problem);
    if (!body) return api_error(visit, 400, "bad_request", problem);
    FieldErrors errors;
    domain::EventDetails details;
    details.title = text::trim(string_member(*body, "title", true, errors));
    details.theme = text::trim(string_member(*body, "theme", false, errors));
    details.description = text::trim(string_member(*body, "description", false, errors));
    details.location_name = text::trim(string_member(*body, "location", true, errors));
    details.location_address = text::trim(string_member(*body, "address", false, errors));
    details.accessibility = text::trim(string_member(*body, "accessibility", false, errors));
    const std::string type = string_member(*body, "type", false, errors);
    if (!type.empty()) {
        if (const auto parsed = domain::event_type_from_slug(type)) {
            details.type = *parsed;
        } else {
            errors.push_back({"type", "error.choose_option"});
        }
    }
    const std::string starts = string_member(*body, "starts_at", true, errors);
    const std::string ends = string_member(*body, "ends_at", false, errors);
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
    if (!errors.empty()) return api_error(visit, 422, "invalid", "error.check_fields", errors);
    auto outcome = std::make_shared<app::EventChangeOutcome>();
    const auto werkplaats_id = visit->user->werkplaats_id;
    const time::Timestamp now = config_.now();
    write_then(
        visit,
        [outcome, werkplaats_id, details, now](app::Transaction& tx) {
            *outcome = app::create_event(tx, werkplaats_id, details, now);
        },
        [visit, outcome]() {
            if (outcome->result != app::EventChangeResult::done) {
                return Response{422,
                                "application/json",
                                error_json("invalid", visit->text("error.check_fields"),
                                           outcome->errors, *visit->texts),
                                {}};
            }
            return json_response(201, json::object{{"id", outcome->event_id}, {"status", "draft"}});
        });
}

void WebApp::api_event_publish(const VisitPtr& visit) {
    if (!api_authenticate(visit, app::Role::organiser)) return;
    const std::int64_t event_id = visit->params.id("id");
    auto outcome = std::make_shared<app::EventChangeOutcome>();
    const auto werkplaats_id = visit->user->werkplaats_id;
    const time::Timestamp now = config_.now();
    write_then(
        visit,
        [outcome, werkplaats_id, event_id, now](app::Transaction& tx) {
            *outcome = app::change_event_status(tx, werkplaats_id, event_id,
                                                domain::EventStatus::published, now);
        },
        [visit, outcome, event_id]() {
            switch (outcome->result) {
                case app::EventChangeResult::done:
                    return json_response(200,
                                         json::object{{"id", event_id}, {"status", "published"}});
                case app::EventChangeResult::not_allowed:
                    return Response{409,
                                    "application/json",
                                    error_json("conflict", visit->text("error.status_not_allowed"),
                                               {}, *visit->texts),
                                    {}};
                default:
                    return Response{404,
                                    "application/json",
                                    error_json("not_found", visit->text("error.event_not_found"),
                                               {}, *visit->texts),
                                    {}};
            }
        });
}

void WebApp::api_register(const VisitPtr& visit) {
    std::string problem;
    const auto body = parse_object(visit->request, problem);
    if (!body) return api_error(visit, 400, "bad_request", problem);
    const std::int64_t event_id = visit->params.id("id");
    const auto event = store_.read().event(event_id);
    if (!event || event->status == domain::EventStatus::draft) {
        return api_error(visit, 404, "not_found", "error.event_not_found");
    }
    FieldErrors errors;
    domain::RegistrationForm form;
    form.name = string_member(*body, "name", true, errors);
    form.email = string_member(*body, "email", false, errors);
    form.organisation = string_member(*body, "organisation", false, errors);
    form.dietary = string_member(*body, "dietary", false, errors);
    form.accessibility = string_member(*body, "accessibility", false, errors);
    const std::string group = text::trim(string_member(*body, "group", true, errors));
    for (const auto& candidate : store_.read().groups(event->werkplaats_id)) {
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
    if (!errors.empty()) return api_error(visit, 422, "invalid", "error.check_fields", errors);
    auto outcome = std::make_shared<app::RegisterOutcome>();
    const time::Timestamp now = config_.now();
    write_then(
        visit,
        [outcome, event_id, form, now](app::Transaction& tx) {
            *outcome = app::register_participant(tx, event_id, form, now);
        },
        [visit, outcome]() {
            const auto error = [&](int status, const char* code, const char* key) {
                return Response{status,
                                "application/json",
                                error_json(code, visit->text(key), outcome->errors, *visit->texts),
                                {}};
            };
            switch (outcome->result) {
                case app::RegisterResult::registered:
                case app::RegisterResult::waitlisted:
                    return json_response(
                        201,
                        json::object{{"id", outcome->registration->id},
                                     {"status", domain::to_slug(outcome->registration->status)},
                                     {"cancel_token", outcome->registration->cancel_token}});
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

void WebApp::api_cancel(const VisitPtr& visit) {
    const std::string token = visit->params.get("token");
    auto outcome = std::make_shared<app::CancelOutcome>();
    const time::Timestamp now = config_.now();
    write_then(
        visit,
        [outcome, token, now](app::Transaction& tx) {
            *outcome = app::cancel_registration(tx, token, now);
        },
        [visit, outcome]() {
            switch (outcome->result) {
                case app::CancelResult::cancelled:
                case app::CancelResult::already_cancelled:
                    return json_response(200, json::object{{"id", outcome->registration->id},
                                                           {"status", "cancelled"},
                                                           {"promoted", outcome->promoted}});
                case app::CancelResult::event_over:
                    return Response{409,
                                    "application/json",
                                    error_json("conflict", visit->text("error.cancel_too_late"), {},
                                               *visit->texts),
                                    {}};
                case app::CancelResult::not_found:
                    break;
            }
            return Response{404,
                            "application/json",
                            error_json("not_found", visit->text("error.unknown_registration_link"),
                                       {}, *visit->texts),
                            {}};
        });
}

void WebApp::api_attendance(const VisitPtr& visit) {
    if (!api_authenticate(visit, app::Role::host)) return;
    auto& queries = store_.read();
    const auto event = queries.event(visit->params.id("id"));
    if (!event || event->werkplaats_id != visit->user->werkplaats_id) {
        return api_error(visit, 404, "not_found", "error.event_not_found");
    }
    const auto history = queries.attendance_facts(event->werkplaats_id);
    std::vector<domain::AttendanceFact> facts;
    for (const auto& fact : history) {
        if (fact.event_id == event->id) facts.push_back(fact);
    }
    const auto summary = domain::summarize_attendance(facts, history);
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
    for (const auto& group : queries.groups(event->werkplaats_id)) {
        const auto found = summary.by_group.find(group.id);
        json::object entry =
            counts_json(found == summary.by_group.end() ? domain::GroupCounts{} : found->second);
        entry["group"] = group.name;
        entry["slug"] = group.slug;
        groups.push_back(std::move(entry));
    }
    finish(visit, json_response(200, json::object{{"event_id", event->id},
                                                  {"groups", std::move(groups)},
                                                  {"total", counts_json(summary.total)}}));
}

}  // namespace kc::web
