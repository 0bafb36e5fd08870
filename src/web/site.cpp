#include "web/site.hpp"

#include <spdlog/spdlog.h>

#include "app/security.hpp"
#include "web/cookies.hpp"
#include "web/form_data.hpp"
#include "web/view_helpers.hpp"

namespace kc::web {

namespace {

using kainjow::mustache::data;

constexpr std::string_view csrf_cookie = "kc_csrf";
// Cached public pages are refreshed at least this often, so that time-based facts
// (an event that has started) never lag far behind.
constexpr time::Timestamp cache_seconds = 5;
// Public pages kept at most; each is a few to a hundred KB.
constexpr std::size_t max_cached_pages = 2'000;
// How long a visitor waits before trying a write again that the storage could not take.
constexpr int retry_after_seconds = 30;

}  // namespace

std::string local_path(std::string_view wanted, std::string_view fallback) {
    const bool is_local = wanted.size() >= 1 && wanted[0] == '/' &&
                          (wanted.size() == 1 || (wanted[1] != '/' && wanted[1] != '\\')) &&
                          wanted.find('\\') == std::string_view::npos &&
                          std::none_of(wanted.begin(), wanted.end(), [](char c) {
                              return static_cast<unsigned char>(c) < 0x20 || c == 0x7f;
                          });
    return std::string(is_local ? wanted : fallback);
}

Site::Site(app::Store& store, WebConfig config)
    : store_(store),
      config_(std::move(config)),
      translations_(Translations::load(config_.share_dir + "/i18n")),
      templates_(Templates::load(config_.share_dir + "/templates")) {
    if (!config_.now) config_.now = [] { return static_cast<time::Timestamp>(std::time(nullptr)); };
    set_public_base_url(config_.public_base_url);
    live::EngineOptions options;
    // Quiz points count milliseconds, so the engine reads the wall clock itself.
    options.now_ms = [] {
        return std::chrono::duration_cast<std::chrono::milliseconds>(
                   std::chrono::system_clock::now().time_since_epoch())
            .count();
    };
    live_ = std::make_unique<live::Engine>(store_, std::move(options));
}

Site::~Site() = default;

void Site::set_public_base_url(std::string url) {
    public_base_url_.store(std::make_shared<const std::string>(std::move(url)));
}

std::string Site::public_base_url() const { return *public_base_url_.load(); }

std::string Site::site_url(const Visit& visit) const {
    const std::string base = public_base_url();
    // A Werkplaats with a host name of its own is reached there, over the same scheme.
    if (visit.site && !visit.site->host_name.empty() && visit.site_prefix.empty()) {
        return base.substr(0, base.find("://") + 3) + visit.site->host_name;
    }
    return base + visit.site_prefix;
}

std::string Site::public_host() const {
    std::string host = public_base_url();
    const auto scheme_end = host.find("://");
    if (scheme_end != std::string::npos) host = host.substr(scheme_end + 3);
    return host.substr(0, host.find_first_of(":/"));
}

void Site::finish(const VisitPtr& visit, Response response) {
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

void Site::set_base_data(const VisitPtr& visit, data& values) {
    values.set("lang", std::string(to_code(visit->language)));
    values.set("csrf", visit->csrf_token);
    values.set("site", visit->site_prefix);
    if (visit->access) {
        const Access& access = *visit->access;
        data user(data::type::object);
        user.set("name", access.user.name);
        user.set("is_organiser", access.has_role(app::Role::organiser));
        user.set("is_admin", access.has_role(app::Role::admin));
        if (access.werkplaats) user.set("werkplaats", access.werkplaats->name);
        values.set("user", user);
    }
    values.set("current_path", percent_encode(visit->request.path));
    values.set("other_lang",
               visit->language == Language::nl ? std::string("en") : std::string("nl"));
    values.set("other_lang_name", visit->language == Language::nl ? std::string("English")
                                                                  : std::string("Nederlands"));
}

const std::string& Site::ensure_csrf_token(const VisitPtr& visit) {
    if (visit->csrf_token.empty()) {
        visit->csrf_token = app::security::random_token();
        visit->csrf_cookie_is_new = true;
    }
    return visit->csrf_token;
}

Response Site::page(const VisitPtr& visit, const std::string& template_name, data values,
                    const std::string& title, int status, Forms forms) {
    if (forms == Forms::present) ensure_csrf_token(visit);
    const data& texts = visit->texts->as_template_data();
    data layout(data::type::object);
    set_base_data(visit, layout);
    set_base_data(visit, values);
    layout.set("title", title);
    layout.set("body", templates_.render(template_name, values, texts));
    // A page may bring its own scripts and a class for its body (the beamer screen).
    for (const char* key : {"scripts", "body_class"}) {
        if (const data* value = values.get(key)) layout.set(key, *value);
    }
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

Response Site::redirect(const std::string& location) const {
    Response response;
    response.status = 303;
    response.content_type = "text/plain; charset=utf-8";
    response.add_header("Location", location);
    return response;
}

Response Site::error_page(const VisitPtr& visit, int status, const std::string& message_key) {
    if (visit->request.path.rfind("/api/", 0) == 0 || visit->request.path.ends_with(".json")) {
        return json_text_response(status, error_json(status_code_name(status),
                                                     visit->text(message_key), {}, *visit->texts));
    }
    data values(data::type::object);
    values.set("message", visit->text(message_key));
    values.set("status", std::to_string(status));
    return page(visit, "error", values, visit->text(message_key), status);
}

void Site::respond_error(const VisitPtr& visit, int status, const std::string& message_key) {
    finish(visit, error_page(visit, status, message_key));
}

void Site::respond_failure(const VisitPtr& visit, const std::exception& failure,
                           const std::string& message_key) {
    const auto* storage = dynamic_cast<const app::StorageFailure*>(&failure);
    if (!storage || !storage->is_temporary()) return respond_error(visit, 500, "error.internal");
    Response response = error_page(visit, 503, message_key);
    response.add_header("Retry-After", std::to_string(retry_after_seconds));
    finish(visit, std::move(response));
}

void Site::write_job(const VisitPtr& visit, app::Store::WriteJob job,
                     std::function<Response()> then) {
    store_.write(std::move(job), [this, visit, then = std::move(then)](std::exception_ptr failure) {
        if (failure) {
            try {
                std::rethrow_exception(failure);
            } catch (const std::exception& error) {
                spdlog::error("{} {}: write failed: {}", visit->request.method, visit->request.path,
                              error.what());
                return respond_failure(visit, error, "error.not_stored");
            } catch (...) {
                spdlog::error("{} {}: write failed", visit->request.method, visit->request.path);
                return respond_error(visit, 500, "error.internal");
            }
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

std::string Site::cache_key(const Visit& visit) const {
    // The query is part of the key: a list's page two is another page than its first.
    return std::string(to_code(visit.language)) + visit.site_prefix + "|" +
           (visit.site ? visit.site->slug : std::string()) + "|" + visit.request.path + "?" +
           visit.request.query;
}

bool Site::serve_cached(const VisitPtr& visit) {
    const std::string key = cache_key(*visit);
    std::lock_guard lock(cache_mutex_);
    // The version before anything is read for a fresh page: a write that commits while
    // the page is rendered from the old data makes it stale at once (a withdrawn quote must
    // not stay on a cached page).
    visit->data_version_read = data_version_.load();
    const auto found = page_cache_.find(key);
    if (found == page_cache_.end() || found->second.data_version != visit->data_version_read ||
        now() - found->second.rendered_at >= cache_seconds) {
        return false;
    }
    Response response = found->second.response;
    finish(visit, std::move(response));
    return true;
}

void Site::store_cached(const VisitPtr& visit, const Response& response) {
    const std::string key = cache_key(*visit);
    std::lock_guard lock(cache_mutex_);
    // Made-up queries must not grow the cache without bound; a full cache starts afresh.
    if (page_cache_.size() >= max_cached_pages) page_cache_.clear();
    page_cache_[key] = {visit->data_version_read, now(), response};
}

std::shared_ptr<const std::vector<app::Werkplaats>> Site::werkplaatsen() {
    const std::uint64_t version = data_version_.load();
    const time::Timestamp now_seconds = now();
    std::lock_guard lock(werkplaatsen_mutex_);
    // A Werkplaats added from the command line while the server runs shows up within the
    // cache period, like a cached page.
    if (werkplaatsen_version_ != version || now_seconds - werkplaatsen_read_at_ >= cache_seconds) {
        werkplaatsen_ =
            std::make_shared<const std::vector<app::Werkplaats>>(store_.read().werkplaatsen());
        werkplaatsen_version_ = version;
        werkplaatsen_read_at_ = now_seconds;
    }
    return werkplaatsen_;
}

std::string Site::site_prefix_for(const Visit& visit, std::int64_t werkplaats_id) {
    if (visit.site && visit.site->id == werkplaats_id) return visit.site_prefix;
    for (const auto& werkplaats : *werkplaatsen()) {
        if (werkplaats.id == werkplaats_id) return "/w/" + werkplaats.slug;
    }
    return {};
}

std::optional<domain::Event> Site::public_event(const Visit& visit, std::int64_t event_id) {
    auto event = store_.read().event(event_id);
    if (!event || event->status == domain::EventStatus::draft || !visit.site ||
        event->werkplaats_id != visit.site->id) {
        return std::nullopt;
    }
    return event;
}

data Site::event_summary(const VisitPtr& visit, const domain::Event& event) {
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
    const bool open = domain::is_open_for_registration(event, now());
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
