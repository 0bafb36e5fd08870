#include "web/routes.hpp"

#include <stdexcept>

namespace kc::web {

namespace {

bool is_organiser_path(std::string_view pattern) {
    return pattern == "/beheer" || pattern.starts_with("/beheer/");
}

// The names of the {parameters} in a pattern.
std::vector<std::string_view> parameters_of(std::string_view pattern) {
    std::vector<std::string_view> names;
    for (auto open = pattern.find('{'); open != std::string_view::npos;
         open = pattern.find('{', open + 1)) {
        const auto close = pattern.find('}', open);
        if (close == std::string_view::npos) break;
        names.push_back(pattern.substr(open + 1, close - open - 1));
    }
    return names;
}

}  // namespace

bool Routes::is_scoped_parameter(std::string_view name) {
    return name == "id" || name == "registration" || name == "member" || name == "token" ||
           name == "session" || name == "theme" || name == "werkteam" || name == "publication" ||
           name == "action";
}

void Routes::open(std::string method, std::string pattern, OpenHandler handler) {
    if (is_organiser_path(pattern)) {
        throw std::logic_error("an organiser route cannot be open to everyone: " + pattern);
    }
    add({{std::move(method), std::move(pattern), Audience::everyone, app::Role::host},
         std::move(handler),
         nullptr});
}

void Routes::open_reads_only(std::string method, std::string pattern, OpenHandler handler) {
    open(std::move(method), std::move(pattern), std::move(handler));
    routes_.back()->spec.effect = Effect::reads_only;
}

void Routes::signed_in(std::string method, std::string pattern, MemberHandler handler) {
    if (!parameters_of(pattern).empty()) {
        throw std::logic_error("a route for any logged-in person cannot name a thing: " + pattern);
    }
    add({{std::move(method), std::move(pattern), Audience::signed_in, app::Role::host},
         nullptr,
         std::move(handler)});
}

void Routes::members(std::string method, std::string pattern, app::Role minimum,
                     MemberHandler handler) {
    for (const auto name : parameters_of(pattern)) {
        if (!is_scoped_parameter(name)) {
            throw std::logic_error("the router cannot scope {" + std::string(name) + "} in " +
                                   pattern);
        }
    }
    if (pattern.find("{registration}") != std::string::npos &&
        pattern.find("{id}") == std::string::npos) {
        throw std::logic_error("a registration is scoped through its event {id}: " + pattern);
    }
    if (pattern.find("{session}") != std::string::npos &&
        pattern.find("{id}") == std::string::npos) {
        throw std::logic_error("a live session is scoped through its event {id}: " + pattern);
    }
    add({{std::move(method), std::move(pattern), Audience::member, minimum},
         nullptr,
         std::move(handler)});
}

void Routes::add(Route route) {
    routes_.push_back(std::make_unique<Route>(std::move(route)));
    const Route* added = routes_.back().get();
    router_.add(added->spec.method, added->spec.pattern, added);
}

Routes::Match Routes::find(std::string_view method, std::string_view path, const Route*& route,
                           PathParams& params) const {
    const Route* const* found = nullptr;
    const Match match = router_.find(method, path, found, params);
    if (match == Match::found) route = *found;
    return match;
}

std::vector<RouteSpec> Routes::specs() const {
    std::vector<RouteSpec> result;
    for (const auto& route : routes_) result.push_back(route->spec);
    return result;
}

}  // namespace kc::web
