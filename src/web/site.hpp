#pragma once

#include <atomic>
#include <functional>
#include <kainjow/mustache.hpp>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <type_traits>
#include <vector>

#include "app/store.hpp"
#include "live/engine.hpp"
#include "web/http_types.hpp"
#include "web/i18n.hpp"
#include "web/templates.hpp"
#include "web/visit.hpp"

namespace kc::web {

struct WebConfig {
    // Folder holding templates/, static/ and i18n/.
    std::string share_dir;
    // How the outside world reaches this server, for links in calendars and JSON-LD.
    std::string public_base_url = "http://127.0.0.1:8080";
    bool secure_cookies = false;
    std::function<time::Timestamp()> now;
    // The mail server the outbox sends through ("smtp://mail.example.nl:587"); empty when
    // none is configured, and mail then waits in the outbox.
    std::string smtp_server;
};

// Whether a page holds forms, and so needs the visitor's CSRF token. Pages without
// forms are the same for everyone and can be cached.
enum class Forms { present, none };

// The toolkit every component works with: rendering pages in the visitor's language,
// answering, writing through the store and caching public pages. It holds no routes and
// no page of its own.
class Site {
  public:
    // Loads templates and translations; throws std::runtime_error when one is missing.
    Site(app::Store& store, WebConfig config);
    ~Site();

    app::Store& store() { return store_; }
    // The live sessions and the pushes to phones (the world café's seating among them).
    live::Engine& live() { return *live_; }
    const WebConfig& config() const { return config_; }
    time::Timestamp now() const { return config_.now(); }
    const Translations& translations() const { return translations_; }
    const Templates& templates() const { return templates_; }

    // The address visitors reach the site at, used in links, calendar files and QR codes.
    void set_public_base_url(std::string url);
    std::string public_base_url() const;
    // The address of the visit's own public site: the base address plus its /w/{slug} prefix.
    std::string site_url(const Visit& visit) const;
    // The host name of the base address ("kenniscafe.example.nl"), without scheme or port:
    // what makes calendar UIDs and harvested identifiers globally unique.
    std::string public_host() const;

    Response page(const VisitPtr& visit, const std::string& template_name,
                  kainjow::mustache::data data, const std::string& title, int status = 200,
                  Forms forms = Forms::present);
    Response redirect(const std::string& location) const;
    Response error_page(const VisitPtr& visit, int status, const std::string& message_key);
    void respond_error(const VisitPtr& visit, int status, const std::string& message_key);
    // Answers a request that failed with an exception. A failure the storage calls
    // temporary (disk full, database locked) gets 503 with Retry-After and `message_key`,
    // which says plainly what did not happen; anything else a 500.
    void respond_failure(const VisitPtr& visit, const std::exception& failure,
                         const std::string& message_key);
    // Adds the security headers and answers; the visit's respond is used once.
    void finish(const VisitPtr& visit, Response response);
    const std::string& ensure_csrf_token(const VisitPtr& visit);

    // Runs `job` on the storage's writer and then answers with `then`, once the write is
    // durable. When `job` returns an outcome, `then` receives it. A write the storage
    // could not take (disk full, database locked) answers 503 with Retry-After and says
    // plainly that nothing was stored.
    template <typename Job, typename Then>
    void write(const VisitPtr& visit, Job job, Then then) {
        using Outcome = std::invoke_result_t<Job, app::Transaction&>;
        if constexpr (std::is_void_v<Outcome>) {
            write_job(visit, std::move(job), std::move(then));
        } else {
            auto outcome = std::make_shared<Outcome>();
            write_job(
                visit,
                [outcome, job = std::move(job)](app::Transaction& tx) { *outcome = job(tx); },
                [outcome, then = std::move(then)] { return then(*outcome); });
        }
    }

    // Serves a public page from the cache when the data has not changed since.
    bool serve_cached(const VisitPtr& visit);
    void store_cached(const VisitPtr& visit, const Response& response);

    // Every Werkplaats, read again at most every few seconds or after a write: every request
    // needs them to find its public site.
    // Shared, so a request reads the list without copying it.
    std::shared_ptr<const std::vector<app::Werkplaats>> werkplaatsen();
    // The path prefix of a Werkplaats's public site as seen from this visit: the visit's own
    // prefix when it came to that site, else /w/{slug}.
    std::string site_prefix_for(const Visit& visit, std::int64_t werkplaats_id);
    // A published event of the visit's public site, or nothing.
    std::optional<domain::Event> public_event(const Visit& visit, std::int64_t event_id);
    // The event's title, date, place and counts as template data.
    kainjow::mustache::data event_summary(const VisitPtr& visit, const domain::Event& event);

  private:
    struct CachedPage {
        std::uint64_t data_version = 0;
        time::Timestamp rendered_at = 0;
        Response response;
    };

    void write_job(const VisitPtr& visit, app::Store::WriteJob job, std::function<Response()> then);
    void set_base_data(const VisitPtr& visit, kainjow::mustache::data& values);
    std::string cache_key(const Visit& visit) const;

    app::Store& store_;
    WebConfig config_;
    std::unique_ptr<live::Engine> live_;
    Translations translations_;
    Templates templates_;
    std::atomic<std::shared_ptr<const std::string>> public_base_url_;

    // Bumped after every committed write, so cached pages know they are stale.
    std::atomic<std::uint64_t> data_version_{1};
    std::mutex cache_mutex_;
    std::map<std::string, CachedPage> page_cache_;
    std::mutex werkplaatsen_mutex_;
    std::uint64_t werkplaatsen_version_ = 0;
    time::Timestamp werkplaatsen_read_at_ = 0;
    std::shared_ptr<const std::vector<app::Werkplaats>> werkplaatsen_;
};

// A redirect target taken from a query or form: only a path on this site, else
// `fallback`. Refuses "//host", "/\host" and anything else a browser could read as
// another site.
std::string local_path(std::string_view wanted, std::string_view fallback);

}  // namespace kc::web
