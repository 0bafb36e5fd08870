#pragma once

#include <atomic>
#include <functional>
#include <kainjow/mustache.hpp>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>

#include "app/store.hpp"
#include "app/werkplaats_settings.hpp"
#include "web/background_worker.hpp"
#include "web/form_data.hpp"
#include "web/http_types.hpp"
#include "web/i18n.hpp"
#include "web/login_throttle.hpp"
#include "web/router.hpp"
#include "web/templates.hpp"

namespace kc::web {

struct WebConfig {
    // Folder holding templates/, static/ and i18n/.
    std::string share_dir;
    // How the outside world reaches this server, for links in calendars and JSON-LD.
    std::string public_base_url = "http://127.0.0.1:8080";
    bool secure_cookies = false;
    std::function<time::Timestamp()> now;
};

// One request on its way through the app: the request, the visitor's language,
// who is logged in and the CSRF token of their forms. Shared, because a write
// finishes on the storage's writer thread after the handler has returned.
struct Visit {
    Request request;
    Language language = Language::nl;
    const Catalogue* texts = nullptr;
    std::optional<app::User> user;
    std::string csrf_token;
    bool csrf_cookie_is_new = false;
    std::string session_token_hash;
    PathParams params;
    Respond respond;

    std::string text(std::string_view key, long long number = 0) const {
        return texts->text(key, number);
    }
};

using VisitPtr = std::shared_ptr<Visit>;

// The Kenniscafé web application: public pages, the organisers' pages and the
// JSON API, all rendered on the server.
class WebApp final : public Application {
  public:
    // Loads templates, translations and static files; throws std::runtime_error
    // when one is missing or broken.
    WebApp(app::Store& store, WebConfig config);

    void handle(Request request, Respond respond) override;

    // The address visitors reach the site at, used in links, calendar files and QR codes.
    // `serve --port 0` sets it once the system has chosen the port, before anyone can know
    // that port and send a request.
    void set_public_base_url(std::string url);
    std::string public_base_url() const;

  private:
    using Handler = void (WebApp::*)(const VisitPtr&);

    struct StaticFile {
        std::string content_type;
        std::string body;
    };

    struct CachedPage {
        std::uint64_t data_version = 0;
        time::Timestamp rendered_at = 0;
        Response response;
    };

    void add_routes();
    void load_static_files();

    // Shared plumbing (web_app.cpp).
    void finish(const VisitPtr& visit, Response response);
    // Whether a page holds forms, and so needs the visitor's CSRF token. Pages
    // without forms are the same for everyone and can be cached.
    enum class Forms { present, none };

    Response page(const VisitPtr& visit, const std::string& template_name,
                  kainjow::mustache::data data, const std::string& title, int status = 200,
                  Forms forms = Forms::present);
    const std::string& ensure_csrf_token(const VisitPtr& visit);
    Response redirect(const std::string& location);
    Response error_page(const VisitPtr& visit, int status, const std::string& message_key);
    void respond_error(const VisitPtr& visit, int status, const std::string& message_key);
    std::optional<FormData> read_form(const VisitPtr& visit);
    bool csrf_ok(const VisitPtr& visit, const FormData& form);
    bool require_role(const VisitPtr& visit, app::Role role);
    // The event named in the path when it belongs to the visitor's Werkplaats; otherwise
    // answers 404 and returns nothing.
    std::optional<domain::Event> own_event(const VisitPtr& visit);
    // The posted form of a logged-in user with at least `role`, after the CSRF check;
    // nullopt when the visit has already been answered (login page, 403, 400).
    std::optional<FormData> authorised_form(const VisitPtr& visit, app::Role role);
    // Runs a write job and then `then` (on the writer thread) to build the answer.
    void write_then(const VisitPtr& visit, app::Store::WriteJob job,
                    std::function<Response()> then);
    // Serves a public page from the cache when the data has not changed since.
    bool serve_cached(const VisitPtr& visit);
    void store_cached(const VisitPtr& visit, const Response& response);
    void set_base_data(const VisitPtr& visit, kainjow::mustache::data& values);
    kainjow::mustache::data event_summary(const VisitPtr& visit, const domain::Event& event);

    // Public pages (public_pages.cpp).
    void agenda(const VisitPtr& visit);
    void event_page(const VisitPtr& visit);
    void event_ics(const VisitPtr& visit);
    void agenda_ics(const VisitPtr& visit);
    void registration_form(const VisitPtr& visit);
    void registration_submit(const VisitPtr& visit);
    void registration_status(const VisitPtr& visit);
    void registration_cancel(const VisitPtr& visit);
    // The participant's world-café tables as JSON, for the live update on the phone.
    void registration_route_json(const VisitPtr& visit);
    Response registration_form_page(const VisitPtr& visit, const domain::Event& event,
                                    const FormData& values, const FieldErrors& errors);
    std::string calendar_for(const std::vector<domain::Event>& events, const std::string& name);
    std::string public_host() const;
    void language_switch(const VisitPtr& visit);
    void healthz(const VisitPtr& visit);

    // Organiser pages (admin_pages.cpp).
    void login_form(const VisitPtr& visit);
    void login_submit(const VisitPtr& visit);
    void logout(const VisitPtr& visit);
    void dashboard(const VisitPtr& visit);
    void event_new_form(const VisitPtr& visit);
    void event_create(const VisitPtr& visit);
    void event_edit_form(const VisitPtr& visit);
    void event_update(const VisitPtr& visit);
    void event_status_change(const VisitPtr& visit);
    Response event_form_page(const VisitPtr& visit, std::int64_t event_id, const FormData& values,
                             const FieldErrors& errors);

    // Werkplaats settings (settings_pages.cpp).
    void settings_page(const VisitPtr& visit);
    void groups_submit(const VisitPtr& visit);
    void partner_submit(const VisitPtr& visit);
    Response settings_page_for(const VisitPtr& visit, const std::vector<app::GroupEdit>& groups,
                               const FormData& partner_form, const FieldErrors& errors, int status);

    // World café (world_cafe_pages.cpp).
    Response world_cafe_page(const VisitPtr& visit, const domain::Event& event,
                             const domain::WorldCafe* setup, const FieldErrors& errors,
                             const std::string& planning_error);
    void world_cafe_view(const VisitPtr& visit);
    void world_cafe_setup_submit(const VisitPtr& visit);
    void world_cafe_plan_submit(const VisitPtr& visit);
    void world_cafe_round_submit(const VisitPtr& visit);
    void world_cafe_stays_submit(const VisitPtr& visit);
    void world_cafe_cards(const VisitPtr& visit);

    // Check-in and attendance (door_pages.cpp).
    void checkin_list(const VisitPtr& visit);
    Response checkin_page(const VisitPtr& visit, const domain::Event& event,
                          const FormData& walk_in, const FieldErrors& errors);
    void checkin_submit(const VisitPtr& visit);
    // A large QR code of one participant's personal page, to scan at the door.
    void personal_qr(const VisitPtr& visit);
    void walk_in_submit(const VisitPtr& visit);
    void no_shows_submit(const VisitPtr& visit);
    void event_attendance(const VisitPtr& visit);
    void period_statistics(const VisitPtr& visit);

    // JSON API (api.cpp).
    void api_events(const VisitPtr& visit);
    void api_event_create(const VisitPtr& visit);
    void api_event_publish(const VisitPtr& visit);
    void api_register(const VisitPtr& visit);
    void api_cancel(const VisitPtr& visit);
    void api_attendance(const VisitPtr& visit);
    bool api_authenticate(const VisitPtr& visit, app::Role role);
    void api_error(const VisitPtr& visit, int status, const std::string& code,
                   const std::string& message_key, const FieldErrors& errors = {});

    app::Store& store_;
    WebConfig config_;
    Translations translations_;
    Templates templates_;
    Router<Handler> router_;
    std::map<std::string, StaticFile> static_files_;
    LoginThrottle login_throttle_;

    std::atomic<std::shared_ptr<const std::string>> public_base_url_;

    // Bumped after every committed write, so cached pages know they are stale.
    std::atomic<std::uint64_t> data_version_{1};
    std::mutex cache_mutex_;
    std::map<std::string, CachedPage> page_cache_;

    // Declared last so it is stopped first, while everything its jobs use still exists.
    BackgroundWorker planner_worker_;
};

}  // namespace kc::web
