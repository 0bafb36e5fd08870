// The organisers' pages: logging in and out, the event overview, and creating,
// editing, publishing and cancelling events.
#include "app/events.hpp"
#include "app/security.hpp"
#include "core/text.hpp"
#include "web/cookies.hpp"
#include "web/event_form.hpp"
#include "web/view_helpers.hpp"
#include "web/web_app.hpp"

namespace kc::web {

namespace {

using kainjow::mustache::data;

constexpr time::Timestamp session_seconds = 12 * 3600;

// A redirect target after login: only a path on this site.
std::string safe_next(const std::string& next) {
    if (next.size() > 1 && next[0] == '/' && next[1] != '/' && next.find('\\') == std::string::npos) {
        return next;
    }
    return "/beheer";
}

}  // namespace

void WebApp::login_form(const VisitPtr& visit) {
    data values(data::type::object);
    const auto query = FormData::parse(visit->request.query).value_or(FormData{});
    values.set("next", safe_next(query.get("next")));
    finish(visit, page(visit, "login", values, visit->text("login.title")));
}

void WebApp::login_submit(const VisitPtr& visit) {
    const auto form = read_form(visit);
    if (!form) return;
    const std::string email = text::trim(form->get("email"));
    const std::string password = form->get("password");
    const auto login_failed = [&](const std::string& message_key, int status) {
        data values(data::type::object);
        values.set("next", safe_next(form->get("next")));
        values.set("value_email", email);
        set_field_errors(values, {{"password", message_key}}, *visit->texts);
        finish(visit, page(visit, "login", values, visit->text("login.title"), status));
    };
    const time::Timestamp now = config_.now();
    if (login_throttle_.is_blocked(email, visit->request.remote_address, now)) {
        return login_failed("error.login_throttled", 429);
    }
    const auto user = email.size() <= 254 && password.size() <= 1024
                          ? store_.read().user_by_email(email)
                          : std::nullopt;
    if (!user || !app::security::verify_password(user->password_hash, password)) {
        login_throttle_.record_failure(email, visit->request.remote_address, now);
        return login_failed("error.login_failed", 401);
    }
    login_throttle_.record_success(email);
    const std::string token = app::security::random_token(32);
    app::SessionRecord session{app::security::token_digest(token), user->id, ensure_csrf_token(visit),
                               now + session_seconds};
    write_then(
        visit,
        [session, now](app::Transaction& tx) {
            tx.delete_expired_sessions(now);
            tx.insert_session(session);
        },
        [this, token, next = safe_next(form->get("next"))]() {
            Response response = redirect(next);
            response.add_header("Set-Cookie", set_cookie("kc_session", token, CookieLifetime::session,
                                                         config_.secure_cookies));
            return response;
        });
}

void WebApp::logout(const VisitPtr& visit) {
    const auto form = read_form(visit);
    if (!form) return;
    const std::string token_hash = visit->session_token_hash;
    write_then(
        visit, [token_hash](app::Transaction& tx) { tx.delete_session(token_hash); },
        [this]() {
            Response response = redirect("/");
            response.add_header("Set-Cookie", clear_cookie("kc_session", config_.secure_cookies));
            return response;
        });
}

void WebApp::dashboard(const VisitPtr& visit) {
    if (!require_role(visit, app::Role::host)) return;
    app::EventFilter filter;
    filter.werkplaats_id = visit->user->werkplaats_id;
    const time::Timestamp now = config_.now();
    data upcoming(data::type::list);
    data past(data::type::list);
    const auto events = store_.read().events(filter);
    for (auto it = events.rbegin(); it != events.rend(); ++it) {
        data summary = event_summary(visit, *it);
        summary.set("can_publish", it->status == domain::EventStatus::draft);
        summary.set("can_cancel", it->status == domain::EventStatus::published && it->details.starts_at > now);
        (it->details.ends_at >= now ? upcoming : past).push_back(summary);
    }
    data values(data::type::object);
    values.set("upcoming", upcoming);
    values.set("has_upcoming", !upcoming.is_empty_list());
    values.set("past", past);
    values.set("is_organiser", visit->user->role != app::Role::host);
    if (const auto werkplaats = store_.read().werkplaats(visit->user->werkplaats_id)) {
        values.set("werkplaats", werkplaats->name);
    }
    finish(visit, page(visit, "dashboard", values, visit->text("dashboard.title")));
}

Response WebApp::event_form_page(const VisitPtr& visit, std::int64_t event_id, const FormData& form,
                                 const FieldErrors& errors) {
    data values = event_form_data(form, store_.read().partners(visit->user->werkplaats_id), *visit->texts);
    const bool is_new = event_id == 0;
    values.set("is_new", is_new);
    values.set("action", is_new ? std::string("/beheer/events/nieuw")
                                : "/beheer/events/" + std::to_string(event_id) + "/bewerken");
    set_field_errors(values, errors, *visit->texts);
    const std::string title = visit->text(is_new ? "event_form.new_title" : "event_form.edit_title");
    return page(visit, "event_form", values, title, errors.empty() ? 200 : 422);
}

void WebApp::event_new_form(const VisitPtr& visit) {
    if (!require_role(visit, app::Role::organiser)) return;
    FormData defaults;
    defaults.add("type", "kenniscafe");
    defaults.add("start_time", "16:00");
    defaults.add("end_time", "18:00");
    finish(visit, event_form_page(visit, 0, defaults, {}));
}

void WebApp::event_edit_form(const VisitPtr& visit) {
    if (!require_role(visit, app::Role::organiser)) return;
    const auto event = own_event(visit);
    if (!event) return;
    finish(visit, event_form_page(visit, event->id, event_to_form(*event), {}));
}

void WebApp::event_create(const VisitPtr& visit) {
    const auto form = authorised_form(visit, app::Role::organiser);
    if (!form) return;
    auto parsed = parse_event_form(*form);
    if (!parsed.errors.empty()) return finish(visit, event_form_page(visit, 0, *form, parsed.errors));
    auto outcome = std::make_shared<app::EventChangeOutcome>();
    const auto werkplaats_id = visit->user->werkplaats_id;
    const time::Timestamp now = config_.now();
    write_then(
        visit,
        [outcome, werkplaats_id, details = std::move(parsed.details), now](app::Transaction& tx) {
            *outcome = app::create_event(tx, werkplaats_id, details, now);
        },
        [this, visit, outcome, form = *form]() {
            if (outcome->result != app::EventChangeResult::done) {
                return event_form_page(visit, 0, form, outcome->errors);
            }
            return redirect("/beheer?opgeslagen=" + std::to_string(outcome->event_id));
        });
}

void WebApp::event_update(const VisitPtr& visit) {
    const auto form = authorised_form(visit, app::Role::organiser);
    if (!form) return;
    const std::int64_t event_id = visit->params.id("id");
    auto parsed = parse_event_form(*form);
    if (!parsed.errors.empty()) return finish(visit, event_form_page(visit, event_id, *form, parsed.errors));
    auto outcome = std::make_shared<app::EventChangeOutcome>();
    const auto werkplaats_id = visit->user->werkplaats_id;
    const time::Timestamp now = config_.now();
    write_then(
        visit,
        [outcome, werkplaats_id, event_id, details = std::move(parsed.details), now](app::Transaction& tx) {
            *outcome = app::update_event(tx, werkplaats_id, event_id, details, now);
        },
        [this, visit, outcome, event_id, form = *form]() {
            switch (outcome->result) {
                case app::EventChangeResult::done:
                    return redirect("/beheer?opgeslagen=" + std::to_string(event_id));
                case app::EventChangeResult::invalid:
                    return event_form_page(visit, event_id, form, outcome->errors);
                default:
                    return error_page(visit, 404, "error.event_not_found");
            }
        });
}

void WebApp::event_status_change(const VisitPtr& visit) {
    const auto form = authorised_form(visit, app::Role::organiser);
    if (!form) return;
    const auto status = domain::event_status_from_slug(form->get("status"));
    if (!status) return respond_error(visit, 400, "error.bad_form");
    const std::int64_t event_id = visit->params.id("id");
    auto outcome = std::make_shared<app::EventChangeOutcome>();
    const auto werkplaats_id = visit->user->werkplaats_id;
    const time::Timestamp now = config_.now();
    write_then(
        visit,
        [outcome, werkplaats_id, event_id, status = *status, now](app::Transaction& tx) {
            *outcome = app::change_event_status(tx, werkplaats_id, event_id, status, now);
        },
        [this, visit, outcome]() {
            switch (outcome->result) {
                case app::EventChangeResult::done: return redirect("/beheer");
                case app::EventChangeResult::not_allowed:
                    return error_page(visit, 409, "error.status_not_allowed");
                default: return error_page(visit, 404, "error.event_not_found");
            }
        });
}

}  // namespace kc::web
