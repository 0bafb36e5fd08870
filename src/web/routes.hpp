#pragma once

#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "app/records.hpp"
#include "web/router.hpp"
#include "web/visit.hpp"

namespace kc::web {

// Who may use a route. Organiser-side routes name a minimum role; the router checks
// it and resolves the things the path names before the handler runs.
enum class Audience {
    everyone,   // public pages, the public API, the personal link of a registration
    signed_in,  // any logged-in person, before or after picking a Werkplaats
    member,     // a member of the current Werkplaats with at least the route's role
};

using OpenHandler = std::function<void(const VisitPtr&)>;
using MemberHandler = std::function<void(const VisitPtr&, const Access&)>;

// Handlers that call a component's own methods.
template <typename Owner>
OpenHandler bind_handler(Owner* owner, void (Owner::*method)(const VisitPtr&)) {
    return [owner, method](const VisitPtr& visit) { (owner->*method)(visit); };
}
template <typename Owner>
MemberHandler bind_handler(Owner* owner, void (Owner::*method)(const VisitPtr&, const Access&)) {
    return [owner, method](const VisitPtr& visit, const Access& access) {
        (owner->*method)(visit, access);
    };
}

// What a POST to a route does. Most change something, so a browser's form must come from
// this site and carry its CSRF token. A few protocols let a client send a query as a form
// (OAI-PMH): such a POST changes nothing and reads no cookie, so there is nothing to forge.
enum class Effect { may_write, reads_only };

// One route as the router keeps it, and as the tests enumerate them.
struct RouteSpec {
    std::string method;
    std::string pattern;
    Audience audience = Audience::everyone;
    app::Role minimum = app::Role::host;
    Effect effect = Effect::may_write;
};

// The scoped router that every component registers its routes with. It fails closed:
// a route under /beheer cannot be open to everyone, and a member route whose path names
// something the router cannot resolve and check ({id}, {registration}, {member},
// {token}, {session}, {theme}, {werkteam}, {publication}, {action}) is refused when the server
// starts, so a new page cannot forget its scope.
class Routes {
  public:
    void open(std::string method, std::string pattern, OpenHandler handler);
    // An open route whose POST only reads (see Effect): its form is the handler's to parse.
    void open_reads_only(std::string method, std::string pattern, OpenHandler handler);
    void signed_in(std::string method, std::string pattern, MemberHandler handler);
    void members(std::string method, std::string pattern, app::Role minimum, MemberHandler handler);

    struct Route {
        RouteSpec spec;
        OpenHandler open_handler;
        MemberHandler member_handler;
    };

    using Match = Router<const Route*>::Match;
    Match find(std::string_view method, std::string_view path, const Route*& route,
               PathParams& params) const;

    std::vector<RouteSpec> specs() const;

    // The path parameters a member route may name, each resolved within the Werkplaats.
    static bool is_scoped_parameter(std::string_view name);

  private:
    void add(Route route);

    std::vector<std::unique_ptr<Route>> routes_;
    Router<const Route*> router_;
};

// A capability of the site (the agenda, registration, the door, the world café, ...):
// it owns its routes, handlers and templates and registers itself with the router.
class Component {
  public:
    virtual ~Component() = default;
    virtual void add_routes(Routes& routes) = 0;
};

}  // namespace kc::web
