#pragma once

#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "app/store.hpp"
#include "web/http_types.hpp"
#include "web/routes.hpp"
#include "web/site.hpp"

namespace kc::web {

// The Kenniscafé web application as the HTTP server sees it: it finds the Werkplaats
// whose public site a request came to, finds the route, checks who is calling and
// resolves what the path names for them, and hands the request to the component that
// owns the route. The pages themselves live in the components (src/web/<area>/).
class WebApp final : public Application {
  public:
    // Loads templates, translations and static files; throws std::runtime_error
    // when one is missing or broken.
    WebApp(app::Store& store, WebConfig config);
    ~WebApp() override;

    void handle(Request request, Respond respond) override;
    // The library's publication forms carry a PDF.
    bool takes_upload(std::string_view method, std::string_view path) const override;
    // Channels are routes with the method "CHANNEL", found, authorised and scoped like
    // any other route; their handler sets the visit's channel instead of responding.
    ChannelOpening open_channel(const Request& request, ChannelKind kind,
                                std::shared_ptr<ChannelSink> sink) override;

    // `serve --port 0` sets the address once the system has chosen the port, before
    // anyone can know that port and send a request.
    void set_public_base_url(std::string url) { site_.set_public_base_url(std::move(url)); }
    std::string public_base_url() const { return site_.public_base_url(); }

    // The toolkit the components share, for the background jobs that write mail.
    Site& site() { return site_; }

    // Every route with who may use it, for tests that walk them all.
    std::vector<RouteSpec> routes() const { return routes_.specs(); }

  private:
    struct StaticFile {
        std::string content_type;
        std::string body;
    };

    VisitPtr start_visit(Request request, Respond respond);
    void dispatch(const VisitPtr& visit);
    void load_static_files();
    bool serve_static(const VisitPtr& visit);
    void find_site(Visit& visit);
    // Reads the posted form and checks its CSRF token; answers and returns false if not.
    bool read_form(const VisitPtr& visit);
    // Finds who calls a route that is not open to everyone and what its path names;
    // answers (login, 401, 403, 404) and returns nothing when they may not.
    std::optional<Access> authorise(const VisitPtr& visit, const RouteSpec& route);
    std::optional<Access> caller_by_session(const VisitPtr& visit);
    std::optional<Access> caller_by_token(const VisitPtr& visit);
    // The membership the person works in: the one they picked, or their only one.
    void pick_membership(Access& access, std::optional<std::int64_t> chosen_werkplaats);
    bool resolve_path(const VisitPtr& visit, Access& access);

    Site site_;
    std::map<std::string, StaticFile> static_files_;
    Routes routes_;
    std::vector<std::unique_ptr<Component>> components_;
};

}  // namespace kc::web
