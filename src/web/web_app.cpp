#include "web/web_app.hpp"

#include <spdlog/spdlog.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "app/accounts.hpp"
#include "app/library.hpp"
#include "app/security.hpp"
#include "core/text.hpp"
#include "web/components.hpp"
#include "web/cookies.hpp"
#include "web/form_data.hpp"
#include "web/view_helpers.hpp"

namespace kc::web {

namespace {

constexpr std::string_view session_cookie = "kc_session";
constexpr std::string_view csrf_cookie = "kc_csrf";
constexpr std::string_view language_cookie = "kc_lang";
// An API token's last use is written at most this often, not on every call.
constexpr time::Timestamp token_touch_seconds = 3600;

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

bool is_api(std::string_view path) { return path.starts_with("/api/"); }

// Whether a browser form comes from this site: a foreign Origin is refused.
bool same_origin(const Request& request) {
    const auto origin = request.header("origin");
    const auto host = request.header("host");
    if (!origin || !host || *origin == "null") return true;
    const auto scheme_end = origin->find("://");
    const std::string_view origin_host =
        scheme_end == std::string_view::npos ? *origin : origin->substr(scheme_end + 3);
    return origin_host == *host;
}

std::string host_without_port(std::string_view host) {
    if (host.starts_with('[')) return std::string(host.substr(0, host.find(']') + 1));
    return text::ascii_lower(host.substr(0, host.find(':')));
}

}  // namespace

WebApp::WebApp(app::Store& store, WebConfig config) : site_(store, std::move(config)) {
    load_static_files();
    components_.push_back(make_public_site(site_));
    components_.push_back(make_registration_pages(site_));
    components_.push_back(make_account_pages(site_));
    components_.push_back(make_event_pages(site_));
    components_.push_back(make_door_pages(site_));
    components_.push_back(make_world_cafe_pages(site_));
    components_.push_back(make_settings_pages(site_));
    components_.push_back(make_privacy_pages(site_));
    components_.push_back(make_live_pages(site_));
    components_.push_back(make_theme_pages(site_));
    components_.push_back(make_werkteam_pages(site_));
    components_.push_back(make_public_werkteams(site_));
    components_.push_back(make_library_pages(site_));
    components_.push_back(make_oai_endpoint(site_));
    components_.push_back(make_evaluation_pages(site_));
    components_.push_back(make_follow_up(site_));
    components_.push_back(make_export_pages(site_));
    components_.push_back(make_report_pages(site_));
    components_.push_back(make_mail_pages(site_));
    components_.push_back(make_api(site_));
    for (const auto& component : components_) component->add_routes(routes_);
}

// Components are destroyed first, so a background job of one (the planner) finishes
// while the site it answers through still exists.
WebApp::~WebApp() { components_.clear(); }

void WebApp::load_static_files() {
    const std::filesystem::path root = site_.config().share_dir + "/static";
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

bool WebApp::serve_static(const VisitPtr& visit) {
    if (!visit->request.path.starts_with("/static/")) return false;
    const auto found = static_files_.find(visit->request.path);
    if (found == static_files_.end()) {
        site_.respond_error(visit, 404, "error.not_found");
        return true;
    }
    Response response;
    response.content_type = found->second.content_type;
    response.body = found->second.body;
    response.add_header("Cache-Control", "public, max-age=3600");
    site_.finish(visit, std::move(response));
    return true;
}

void WebApp::find_site(Visit& visit) {
    const auto shared = site_.werkplaatsen();
    const auto& werkplaatsen = *shared;
    const std::string host = host_without_port(visit.request.header("host").value_or(""));
    for (const auto& werkplaats : werkplaatsen) {
        if (!werkplaats.host_name.empty() && werkplaats.host_name == host) {
            visit.site = werkplaats;
            return;
        }
    }
    std::string& path = visit.request.path;
    if (path.starts_with("/w/")) {
        const auto slug_end = path.find('/', 3);
        const std::string slug =
            path.substr(3, slug_end == std::string::npos ? std::string::npos : slug_end - 3);
        for (const auto& werkplaats : werkplaatsen) {
            if (werkplaats.slug != slug) continue;
            visit.site = werkplaats;
            visit.site_prefix = "/w/" + slug;
            path = slug_end == std::string::npos ? "/" : path.substr(slug_end);
            return;
        }
    }
    // Any other address shows the first Werkplaats, so one installation with one
    // Werkplaats works without configuring anything.
    if (!werkplaatsen.empty()) visit.site = werkplaatsen.front();
}

VisitPtr WebApp::start_visit(Request request, Respond respond) {
    auto visit = std::make_shared<Visit>();
    visit->request = std::move(request);
    visit->respond = std::move(respond);
    visit->language = language_for(visit->request);
    visit->texts = &site_.translations()[visit->language];
    return visit;
}

void WebApp::handle(Request request, Respond respond) {
    dispatch(start_visit(std::move(request), std::move(respond)));
}

bool WebApp::takes_upload(std::string_view method, std::string_view path) const {
    return method == "POST" && is_library_upload_path(path);
}

ChannelOpening WebApp::open_channel(const Request& request, ChannelKind kind,
                                    std::shared_ptr<ChannelSink> sink) {
    ChannelOpening opening;
    bool refused = false;
    Request channel_request = request;
    channel_request.method = "CHANNEL";
    auto visit = start_visit(std::move(channel_request), [&opening, &refused](Response refusal) {
        opening.refusal = std::move(refusal);
        refused = true;
    });
    visit->channel_sink = std::move(sink);
    visit->channel_kind = kind;
    // A browser sends cookies with a WebSocket from any site, so a channel from another
    // site's page is refused like a form from there.
    if (!same_origin(visit->request)) {
        site_.respond_error(visit, 403, "error.csrf");
        return opening;
    }
    dispatch(visit);
    opening.channel = std::move(visit->channel);
    if (!opening.channel && !refused) {
        opening.refusal = site_.error_page(visit, 404, "error.not_found");
    }
    return opening;
}

void WebApp::dispatch(const VisitPtr& visit) {
    try {
        if (serve_static(visit)) return;
        find_site(*visit);
        const auto cookies = visit->request.header("cookie").value_or("");
        if (auto token = cookie_value(cookies, csrf_cookie); token && token->size() >= 16) {
            visit->csrf_token = std::move(*token);
        }

        const Routes::Route* route = nullptr;
        switch (routes_.find(visit->request.method, visit->request.path, route, visit->params)) {
            case Routes::Match::method_not_allowed:
                return site_.respond_error(visit, 405, "error.method_not_allowed");
            case Routes::Match::not_found:
                return site_.respond_error(visit, 404, "error.not_found");
            case Routes::Match::found:
                break;
        }
        const bool browser_write = is_mutating(visit->request.method) &&
                                   !is_api(visit->request.path) &&
                                   route->spec.effect == Effect::may_write;
        // Forms from other sites are refused before anything else is looked at.
        if (browser_write && !same_origin(visit->request)) {
            return site_.respond_error(visit, 403, "error.csrf");
        }
        if (route->spec.audience == Audience::everyone) {
            if (browser_write && !read_form(visit)) return;
            return route->open_handler(visit);
        }
        auto access = authorise(visit, route->spec);
        if (!access) return;
        if (browser_write && !read_form(visit)) return;
        visit->access = std::move(access);
        route->member_handler(visit, *visit->access);
    } catch (const std::exception& failure) {
        spdlog::error("{} {} failed: {}", visit->request.method, visit->request.path,
                      failure.what());
        // A read the storage cannot do now (database locked, disk error) asks to try
        // again, as a write does; a write that failed before it was queued stored nothing.
        const bool write = is_mutating(visit->request.method);
        if (visit->respond)
            site_.respond_failure(visit, failure, write ? "error.not_stored" : "error.not_read");
    }
}

bool WebApp::read_form(const VisitPtr& visit) {
    const auto content_type = visit->request.header("content-type").value_or("");
    std::optional<FormData> form;
    if (content_type.rfind("application/x-www-form-urlencoded", 0) == 0) {
        form = FormData::parse(visit->request.body);
    } else if (multipart_boundary(content_type)) {
        // A form with a file (the library's upload); its CSRF token is one of its fields.
        if (auto multipart = parse_multipart(content_type, visit->request.body)) {
            form = std::move(multipart->fields);
            visit->files = std::move(multipart->files);
        }
    } else {
        site_.respond_error(visit, 415, "error.form_type");
        return false;
    }
    if (!form) {
        site_.respond_error(visit, 400, "error.bad_form");
        return false;
    }
    const bool csrf_ok = !visit->csrf_token.empty() && !visit->csrf_cookie_is_new &&
                         app::security::constant_time_equals(form->get("csrf"), visit->csrf_token);
    if (!csrf_ok) {
        site_.respond_error(visit, 403, "error.csrf");
        return false;
    }
    visit->form = std::move(*form);
    return true;
}

std::optional<Access> WebApp::authorise(const VisitPtr& visit, const RouteSpec& route) {
    auto access = is_api(visit->request.path) ? caller_by_token(visit) : caller_by_session(visit);
    if (!access) return std::nullopt;
    // A refusal below is a page for someone who is logged in: it shows them as such.
    visit->access = access;
    if (route.audience == Audience::signed_in) return access;
    if (!access->membership) {
        // Someone in several Werkplaatsen picks one before working in any of them.
        if (access->active_memberships > 1) {
            site_.finish(visit, site_.redirect("/beheer/werkplaats"));
        } else {
            site_.respond_error(visit, 403, "error.no_membership");
        }
        return std::nullopt;
    }
    if (!access->has_role(route.minimum)) {
        site_.respond_error(visit, 403, "error.forbidden");
        return std::nullopt;
    }
    if (!resolve_path(visit, *access)) return std::nullopt;
    return access;
}

std::optional<Access> WebApp::caller_by_session(const VisitPtr& visit) {
    auto& queries = site_.store().read();
    const auto cookies = visit->request.header("cookie").value_or("");
    std::optional<app::SessionRecord> session;
    std::optional<app::User> user;
    if (const auto token = cookie_value(cookies, session_cookie)) {
        visit->session_token_hash = app::security::token_digest(*token);
        session = queries.session(visit->session_token_hash);
        if (session) user = queries.user(session->user_id);
    }
    if (!session || !user || session->expires_at <= site_.now()) {
        const std::string back = visit->request.method == "GET"
                                     ? visit->site_prefix + visit->request.path
                                     : std::string("/beheer");
        site_.finish(visit,
                     site_.redirect(visit->site_prefix + "/login?next=" + percent_encode(back)));
        return std::nullopt;
    }
    Access access;
    access.user = std::move(*user);
    pick_membership(access, session->werkplaats_id);
    return access;
}

void WebApp::pick_membership(Access& access, std::optional<std::int64_t> chosen_werkplaats) {
    auto& queries = site_.store().read();
    const auto memberships = app::active_memberships(queries, access.user.id);
    access.active_memberships = memberships.size();
    for (const auto& candidate : memberships) {
        if (chosen_werkplaats && candidate.werkplaats_id == *chosen_werkplaats) {
            access.membership = candidate;
        }
    }
    if (!access.membership && memberships.size() == 1) access.membership = memberships.front();
    if (access.membership) access.werkplaats = queries.werkplaats(access.membership->werkplaats_id);
}

std::optional<Access> WebApp::caller_by_token(const VisitPtr& visit) {
    auto& queries = site_.store().read();
    const auto header = visit->request.header("authorization").value_or("");
    constexpr std::string_view prefix = "Bearer ";
    std::optional<app::ApiToken> token;
    if (header.starts_with(prefix) && header.size() > prefix.size()) {
        token = queries.api_token(app::security::token_digest(header.substr(prefix.size())));
    }
    const time::Timestamp now = site_.now();
    const auto membership =
        token ? queries.membership(token->user_id, token->werkplaats_id) : std::nullopt;
    auto user = membership ? queries.user(token->user_id) : std::nullopt;
    if (!token || token->revoked_at || token->expires_at <= now || !membership ||
        membership->disabled || !user) {
        Response refusal = site_.error_page(visit, 401, "error.api_token");
        refusal.add_header("WWW-Authenticate", "Bearer realm=\"kenniscafe\"");
        site_.finish(visit, std::move(refusal));
        return std::nullopt;
    }
    if (!token->last_used_at || *token->last_used_at + token_touch_seconds <= now) {
        site_.store().write(
            [id = token->id, now](app::Transaction& tx) { tx.touch_api_token(id, now); },
            [](std::exception_ptr) {});
    }
    Access access;
    access.user = std::move(*user);
    access.token_id = token->id;
    access.werkplaats = queries.werkplaats(token->werkplaats_id);
    access.active_memberships = 1;
    // A token never does more than its owner may do now.
    access.membership = *membership;
    if (!app::has_role(token->role, membership->role)) access.membership->role = token->role;
    return access;
}

bool WebApp::resolve_path(const VisitPtr& visit, Access& access) {
    auto& queries = site_.store().read();
    const PathParams& params = visit->params;
    const std::int64_t werkplaats_id = access.werkplaats_id();
    if (!params.get("id").empty()) {
        auto event = queries.event(params.id("id"));
        // A host opens only the events an organiser assigned them to; to everyone else an
        // event of another Werkplaats does not exist, so the answer is 404, not 403.
        if (!event || event->werkplaats_id != werkplaats_id ||
            (!access.has_role(app::Role::organiser) &&
             !queries.is_event_host(event->id, access.user.id))) {
            site_.respond_error(visit, 404, "error.event_not_found");
            return false;
        }
        access.event_in_path = std::move(event);
    }
    if (!params.get("registration").empty()) {
        auto registration = queries.registration(params.id("registration"));
        if (!registration || registration->event_id != access.event().id) {
            site_.respond_error(visit, 404, "error.not_found");
            return false;
        }
        access.registration_in_path = std::move(registration);
    }
    if (!params.get("session").empty()) {
        auto session = queries.live_session(params.id("session"));
        if (!session || session->event_id != access.event().id) {
            site_.respond_error(visit, 404, "error.not_found");
            return false;
        }
        access.live_session_in_path = std::move(session);
    }
    if (!params.get("theme").empty()) {
        auto theme = queries.theme(params.id("theme"));
        if (!theme || theme->werkplaats_id != werkplaats_id) {
            site_.respond_error(visit, 404, "error.not_found");
            return false;
        }
        access.theme_in_path = std::move(theme);
    }
    if (!params.get("werkteam").empty()) {
        auto werkteam = queries.werkteam(params.id("werkteam"));
        if (!werkteam || werkteam->werkplaats_id != werkplaats_id) {
            site_.respond_error(visit, 404, "werkteams.not_found");
            return false;
        }
        access.werkteam_in_path = std::move(werkteam);
    }
    if (!params.get("publication").empty()) {
        auto publication = app::own_publication(queries, werkplaats_id, params.id("publication"));
        if (!publication) {
            site_.respond_error(visit, 404, "error.not_found");
            return false;
        }
        access.publication_in_path = std::move(publication);
    }
    if (!params.get("action").empty()) {
        // Like an event: a host sees only the actions of the events assigned to them.
        auto action = queries.action(params.id("action"));
        if (!action || action->werkplaats_id != werkplaats_id ||
            (!access.has_role(app::Role::organiser) &&
             !queries.is_event_host(action->event_id, access.user.id))) {
            site_.respond_error(visit, 404, "error.not_found");
            return false;
        }
        access.action_in_path = std::move(action);
    }
    if (!params.get("member").empty()) {
        const auto user_id = params.id("member");
        auto membership = queries.membership(user_id, werkplaats_id);
        auto user = membership ? queries.user(user_id) : std::nullopt;
        if (!user) {
            site_.respond_error(visit, 404, "error.not_found");
            return false;
        }
        access.member_in_path = app::MemberListing{std::move(*user), *membership};
    }
    if (!params.get("token").empty()) {
        const auto token_id = params.id("token");
        for (auto& token : queries.api_tokens(werkplaats_id)) {
            if (token.id == token_id) access.token_in_path = std::move(token);
        }
        if (!access.token_in_path) {
            site_.respond_error(visit, 404, "error.not_found");
            return false;
        }
    }
    return true;
}

}  // namespace kc::web
