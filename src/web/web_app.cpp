#include "web/web_app.hpp"

#include <spdlog/spdlog.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "app/security.hpp"
#include "core/text.hpp"
#include "web/cookies.hpp"
#include "web/view_helpers.hpp"

namespace kc::web {

namespace {

using kainjow::mustache::data;

constexpr std::string_view session_cookie = "kc_session";
constexpr std::string_view csrf_cookie = "kc_csrf";
constexpr std::string_view language_cookie = "kc_lang";
// Cached public pages are refreshed at least this often, so that time-based facts
// (an event that has started) never lag far behind.
constexpr time::Timestamp cache_seconds = 5;

Language language_for(const Request& request) {
    if (const auto cookie = request.header("cookie")) {
        if (const auto value = cookie_value(*cookie, language_cookie)) {
            return *value == "en" ? Language::en : Language::nl;
        }
    }
    if (const auto accept = request.header("accept-language")) {
        const std::string lower = text::ascii_lower(*accept);
        if (lower.rfind("en", 0) == 0) return Language::en;
    }
    return Language::nl;
}

std::string content_type_for(const std::filesystem::path& path) {
    const std::string extension = path.extension().string();
    if (extension == ".css") return "text/css; charset=utf-8";
    if (extension == ".js") return "text/javascript; charset=utf-8";
    if (extension == ".svg") return "image/svg+xml";
    if (extension == ".png") return "image/png";
    if (extension == ".ico") return "image/x-icon";
    if (extension == ".woff2") return "font/woff2";
    return "application/octet-stream";
}

bool is_mutating(std::string_view method) {
    return method == "POST" || method == "PUT" || method == "DELETE" || method == "PATCH";
}

}  // namespace

WebApp::WebApp(app::Store& store, WebConfig config)
    : store_(store),
      config_(std::move(config)),
      translations_(Translations::load(config_.share_dir + "/i18n")),
      templates_(Templates::load(config_.share_dir + "/templates")) {
    if (!config_.now) config_.now = [] { return static_cast<time::Timestamp>(std::time(nullptr)); };
    set_public_base_url(config_.public_base_url);
    load_static_files();
    add_routes();
}

void WebApp::set_public_base_url(std::string url) {
    public_base_url_.store(std::make_shared<const std::string>(std::move(url)));
}

std::string WebApp::public_base_url() const { return *public_base_url_.load(); }

void WebApp::add_routes() {
    router_.add("GET", "/", &WebApp::agenda);
    router_.add("GET", "/healthz", &WebApp::healthz);
    router_.add("GET", "/agenda.ics", &WebApp::agenda_ics);
    router_.add("GET", "/events/{id}.ics", &WebApp::event_ics);
    router_.add("GET", "/events/{id}", &WebApp::event_page);
    router_.add("GET", "/events/{id}/aanmelden", &WebApp::registration_form);
    router_.add("POST", "/events/{id}/aanmelden", &WebApp::registration_submit);
    router_.add("GET", "/aanmelding/{token}", &WebApp::registration_status);
    router_.add("POST", "/aanmelding/{token}/annuleren", &WebApp::registration_cancel);
    router_.add("GET", "/aanmelding/{token}/tafels.json", &WebApp::registration_route_json);
    router_.add("GET", "/taal/{code}", &WebApp::language_switch);

    router_.add("GET", "/login", &WebApp::login_form);
    router_.add("POST", "/login", &WebApp::login_submit);
    router_.add("POST", "/logout", &WebApp::logout);
    router_.add("GET", "/beheer", &WebApp::dashboard);
    router_.add("GET", "/beheer/events/nieuw", &WebApp::event_new_form);
    router_.add("POST", "/beheer/events/nieuw", &WebApp::event_create);
    router_.add("GET", "/beheer/events/{id}/bewerken", &WebApp::event_edit_form);
    router_.add("POST", "/beheer/events/{id}/bewerken", &WebApp::event_update);
    router_.add("POST", "/beheer/events/{id}/status", &WebApp::event_status_change);
    router_.add("GET", "/beheer/events/{id}/inchecken", &WebApp::checkin_list);
    router_.add("POST", "/beheer/events/{id}/inchecken", &WebApp::checkin_submit);
    router_.add("GET", "/beheer/events/{id}/inchecken/{registration}/qr", &WebApp::personal_qr);
    router_.add("POST", "/beheer/events/{id}/inloop", &WebApp::walk_in_submit);
    router_.add("POST", "/beheer/events/{id}/niet-gekomen", &WebApp::no_shows_submit);
    router_.add("GET", "/beheer/events/{id}/aanwezigheid", &WebApp::event_attendance);
    router_.add("GET", "/beheer/statistiek", &WebApp::period_statistics);
    router_.add("GET", "/beheer/events/{id}/wereldcafe", &WebApp::world_cafe_view);
    router_.add("POST", "/beheer/events/{id}/wereldcafe/opzet", &WebApp::world_cafe_setup_submit);
    router_.add("POST", "/beheer/events/{id}/wereldcafe/plan", &WebApp::world_cafe_plan_submit);
    router_.add("POST", "/beheer/events/{id}/wereldcafe/ronde", &WebApp::world_cafe_round_submit);
    router_.add("POST", "/beheer/events/{id}/wereldcafe/blijft", &WebApp::world_cafe_stays_submit);
    router_.add("GET", "/beheer/events/{id}/wereldcafe/tafelkaarten", &WebApp::world_cafe_cards);
    router_.add("GET", "/beheer/events/{id}/wereldcafe/routekaarten", &WebApp::world_cafe_cards);
    router_.add("GET", "/beheer/events/{id}/wereldcafe/tafelkaarten.pdf",
                &WebApp::world_cafe_cards);
    router_.add("GET", "/beheer/events/{id}/wereldcafe/routekaarten.pdf",
                &WebApp::world_cafe_cards);
    router_.add("GET", "/beheer/instellingen", &WebApp::settings_page);
    router_.add("POST", "/beheer/instellingen/groepen", &WebApp::groups_submit);
    router_.add("POST", "/beheer/instellingen/partners", &WebApp::partner_submit);

    router_.add("GET", "/api/v1/events", &WebApp::api_events);
    router_.add("POST", "/api/v1/events", &WebApp::api_event_create);
    router_.add("POST", "/api/v1/events/{id}/publish", &WebApp::api_event_publish);
    router_.add("POST", "/api/v1/events/{id}/registrations", &WebApp::api_register);
    router_.add("DELETE", "/api/v1/registrations/{token}", &WebApp::api_cancel);
    router_.add("GET", "/api/v1/events/{id}/attendance", &WebApp::api_attendance);
}

void WebApp::load_static_files() {
    const std::filesystem::path root = config_.share_dir + "/static";
    if (!std::filesystem::is_directory(root)) {
        throw std::runtime_error("static folder not found: " + root.string());
    }
    for (const auto& entry : std::filesystem::recursive_directory_iterator(root)) {
        if (!entry.is_regular_file()) continue;
        std::ifstream file(entry.path(), std::ios::binary);
        std::stringstream buffer;
        buffer << file.rdbuf();
        const std::string url =
            "/static/" + std::filesystem::relative(entry.path(), root).generic_string();
        static_files_[url] = {content_type_for(entry.path()), buffer.str()};
    }
}

void WebApp::handle(Request request, Respond respond) {
    auto visit = std::make_shared<Visit>();
    visit->request = std::move(request);
    visit->respond = std::move(respond);
    visit->language = language_for(visit->request);
    visit->texts = &translations_[visit->language];
    try {
        const std::string& path = visit->request.path;
        if (path.rfind("/static/", 0) == 0) {
            const auto found = static_files_.find(path);
            if (found == static_files_.end()) return respond_error(visit, 404, "error.not_found");
            Response response;
            response.content_type = found->second.content_type;
            response.body = found->second.body;
            response.add_header("Cache-Control", "public, max-age=3600");
            return finish(visit, std::move(response));
        }

        const auto cookies = visit->request.header("cookie").value_or("");
        if (auto token = cookie_value(cookies, csrf_cookie); token && token->size() >= 16) {
            visit->csrf_token = std::move(*token);
        }
        const bool needs_user =
            path.rfind("/beheer", 0) == 0 || path == "/logout" || path == "/login";
        if (needs_user) {
            if (const auto token = cookie_value(cookies, session_cookie)) {
                visit->session_token_hash = app::security::token_digest(*token);
                auto& queries = store_.read();
                const auto session = queries.session(visit->session_token_hash);
                if (session && session->expires_at > config_.now()) {
                    visit->user = queries.user(session->user_id);
                }
            }
        }

        const Handler* handler = nullptr;
        switch (router_.find(visit->request.method, path, handler, visit->params)) {
            case Router<Handler>::Match::found:
                // Forms from other sites are refused before any handler runs.
                if (is_mutating(visit->request.method) && path.rfind("/api/", 0) != 0) {
                    const auto origin = visit->request.header("origin");
                    const auto host = visit->request.header("host");
                    if (origin && host && *origin != "null") {
                        const auto scheme_end = origin->find("://");
                        const std::string_view origin_host = scheme_end == std::string_view::npos
                                                                 ? *origin
                                                                 : origin->substr(scheme_end + 3);
                        if (origin_host != *host) return respond_error(visit, 403, "error.csrf");
                    }
                }
                return (this->*(*handler))(visit);
            case Router<Handler>::Match::method_not_allowed:
                return respond_error(visit, 405, "error.method_not_allowed");
            case Router<Handler>::Match::not_found:
                return respond_error(visit, 404, "error.not_found");
        }
    } catch (const std::exception& failure) {
        spdlog::error("{} {} failed: {}", visit->request.method, visit->request.path,
                      failure.what());
        if (visit->respond) respond_error(visit, 500, "error.internal");
    }
}

void WebApp::finish(const VisitPtr& visit, Response response) {
    response.add_header("X-Content-Type-Options", "nosniff");
    response.add_header("Referrer-Policy", "same-origin");
    if (response.content_type.rfind("text/html", 0) == 0) {
        response.add_header("Content-Security-Policy",
                            "default-src 'self'; img-src 'self' data:; style-src 'self'; "
                            "script-src 'self'; object-src 'none'; base-uri 'self'; "
                            "form-action 'self'; frame-ancestors 'none'");
        response.add_header("X-Frame-Options", "DENY");
        if (response.headers.end() ==
            std::find_if(response.headers.begin(), response.headers.end(),
                         [](const auto& header) { return header.first == "Cache-Control"; })) {
            response.add_header("Cache-Control", "no-store");
        }
    }
    auto respond = std::move(visit->respond);
    visit->respond = nullptr;
    if (respond) respond(std::move(response));
}

void WebApp::set_base_data(const VisitPtr& visit, data& values) {
    values.set("lang", std::string(to_code(visit->language)));
    values.set("csrf", visit->csrf_token);
    if (visit->user) {
        data user(data::type::object);
        user.set("name", visit->user->name);
        user.set("is_organiser", visit->user->role != app::Role::host);
        values.set("user", user);
    }
    values.set("current_path", percent_encode(visit->request.path));
    values.set("other_lang",
               visit->language == Language::nl ? std::string("en") : std::string("nl"));
    values.set("other_lang_name", visit->language == Language::nl ? std::string("English")
                                                                  : std::string("Nederlands"));
}

const std::string& WebApp::ensure_csrf_token(const VisitPtr& visit) {
    if (visit->csrf_token.empty()) {
        visit->csrf_token = app::security::random_token();
        visit->csrf_cookie_is_new = true;
    }
    return visit->csrf_token;
}

Response WebApp::page(const VisitPtr& visit, const std::string& template_name, data values,
                      const std::string& title, int status, Forms forms) {
    if (forms == Forms::present) ensure_csrf_token(visit);
    const data& texts = visit->texts->as_template_data();
    data layout(data::type::object);
    set_base_data(visit, layout);
    set_base_data(visit, values);
    layout.set("title", title);
    layout.set("body", templates_.render(template_name, values, texts));
    Response response;
    response.status = status;
    response.body = templates_.render("layout", layout, texts);
    if (visit->csrf_cookie_is_new) {
        response.add_header("Set-Cookie",
                            set_cookie(csrf_cookie, visit->csrf_token, CookieLifetime::session,
                                       config_.secure_cookies));
    }
    return response;
}

Response WebApp::redirect(const std::string& location) {
    Response response;
    response.status = 303;
    response.content_type = "text/plain; charset=utf-8";
    response.add_header("Location", location);
    return response;
}

Response WebApp::error_page(const VisitPtr& visit, int status, const std::string& message_key) {
    if (visit->request.path.rfind("/api/", 0) == 0) {
        Response response;
        response.status = status;
        response.content_type = "application/json";
        response.body =
            error_json(status_code_name(status), visit->text(message_key), {}, *visit->texts);
        return response;
    }
    data values(data::type::object);
    values.set("message", visit->text(message_key));
    values.set("status", std::to_string(status));
    return page(visit, "error", values, visit->text(message_key), status);
}

void WebApp::respond_error(const VisitPtr& visit, int status, const std::string& message_key) {
    finish(visit, error_page(visit, status, message_key));
}

std::optional<FormData> WebApp::read_form(const VisitPtr& visit) {
    const auto content_type = visit->request.header("content-type").value_or("");
    if (content_type.rfind("application/x-www-form-urlencoded", 0) != 0) {
        respond_error(visit, 415, "error.form_type");
        return std::nullopt;
    }
    auto form = FormData::parse(visit->request.body);
    if (!form) {
        respond_error(visit, 400, "error.bad_form");
        return std::nullopt;
    }
    if (!csrf_ok(visit, *form)) {
        respond_error(visit, 403, "error.csrf");
        return std::nullopt;
    }
    return form;
}

bool WebApp::csrf_ok(const VisitPtr& visit, const FormData& form) {
    return !visit->csrf_token.empty() && !visit->csrf_cookie_is_new &&
           app::security::constant_time_equals(form.get("csrf"), visit->csrf_token);
}

std::optional<domain::Event> WebApp::own_event(const VisitPtr& visit) {
    auto event = store_.read().event(visit->params.id("id"));
    if (!event || event->werkplaats_id != visit->user->werkplaats_id) {
        respond_error(visit, 404, "error.event_not_found");
        return std::nullopt;
    }
    return event;
}

bool WebApp::require_role(const VisitPtr& visit, app::Role role) {
    if (!visit->user) {
        finish(visit, redirect("/login?next=" + percent_encode(visit->request.path)));
        return false;
    }
    if (static_cast<int>(visit->user->role) < static_cast<int>(role)) {
        respond_error(visit, 403, "error.forbidden");
        return false;
    }
    return true;
}

std::optional<FormData> WebApp::authorised_form(const VisitPtr& visit, app::Role role) {
    if (!require_role(visit, role)) return std::nullopt;
    return read_form(visit);
}

void WebApp::write_then(const VisitPtr& visit, app::Store::WriteJob job,
                        std::function<Response()> then) {
    store_.write(std::move(job), [this, visit, then = std::move(then)](std::exception_ptr failure) {
        if (failure) {
            try {
                std::rethrow_exception(failure);
            } catch (const std::exception& error) {
                spdlog::error("{} {}: write failed: {}", visit->request.method, visit->request.path,
                              error.what());
            }
            return respond_error(visit, 500, "error.internal");
        }
        data_version_.fetch_add(1);
        try {
            finish(visit, then());
        } catch (const std::exception& error) {
            spdlog::error("{} {}: {}", visit->request.method, visit->request.path, error.what());
            respond_error(visit, 500, "error.internal");
        }
    });
}

bool WebApp::serve_cached(const VisitPtr& visit) {
    const std::string key = std::string(to_code(visit->language)) + visit->request.path;
    std::lock_guard lock(cache_mutex_);
    const auto found = page_cache_.find(key);
    if (found == page_cache_.end() || found->second.data_version != data_version_.load() ||
        config_.now() - found->second.rendered_at >= cache_seconds) {
        return false;
    }
    Response response = found->second.response;
    finish(visit, std::move(response));
    return true;
}

void WebApp::store_cached(const VisitPtr& visit, const Response& response) {
    const std::string key = std::string(to_code(visit->language)) + visit->request.path;
    std::lock_guard lock(cache_mutex_);
    page_cache_[key] = {data_version_.load(), config_.now(), response};
}

data WebApp::event_summary(const VisitPtr& visit, const domain::Event& event) {
    const auto& d = event.details;
    data values(data::type::object);
    values.set("id", std::to_string(event.id));
    values.set("title", d.title);
    set_if_present(values, "theme", d.theme);
    values.set("type", visit->text("event_type." + std::string(domain::to_slug(d.type))));
    values.set("date", long_date(d.starts_at, *visit->texts));
    values.set("time", time_range(d.starts_at, d.ends_at));
    values.set("datetime", time::format_iso8601_amsterdam(d.starts_at));
    values.set("location_name", d.location_name);
    set_if_present(values, "location_address", d.location_address);
    values.set("status", std::string(domain::to_slug(event.status)));
    values.set("status_text",
               visit->text("event_status." + std::string(domain::to_slug(event.status))));
    values.set("is_cancelled", event.status == domain::EventStatus::cancelled);
    values.set("is_draft", event.status == domain::EventStatus::draft);
    const auto counts = store_.read().counts(event.id);
    values.set("registered", std::to_string(counts.registered));
    values.set("waitlisted", std::to_string(counts.waitlisted));
    values.set("checked_in", std::to_string(counts.checked_in));
    values.set("capacity", std::to_string(d.capacity));
    const bool open = domain::is_open_for_registration(event, config_.now());
    values.set("is_open", open);
    if (d.capacity > 0) {
        const int left = std::max(0, d.capacity - counts.registered);
        values.set("places_text", left > 0 ? visit->text("event.places_left", left)
                                           : visit->text("event.full_waitlist"));
        values.set("is_full", left == 0);
    } else {
        values.set("places_text", visit->text("event.no_limit"));
    }
    return values;
}

}  // namespace kc::web
