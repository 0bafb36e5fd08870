#pragma once

#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "web/http_types.hpp"

namespace kc::web {

// Parameters taken from a path pattern such as "/events/{id}".
class PathParams {
  public:
    void add(std::string name, std::string value) {
        values_.emplace_back(std::move(name), std::move(value));
    }
    std::string get(std::string_view name) const;
    // The parameter as a positive id, or 0 when it is not one.
    std::int64_t id(std::string_view name) const;

  private:
    std::vector<std::pair<std::string, std::string>> values_;
};

// Whether a path matches a pattern; fills `params` with the matched parameters.
bool match_path_pattern(std::string_view pattern, std::string_view path, PathParams& params);

// Matches method + path against patterns in the order they were added. The server
// turns HEAD into GET, so routes name GET only. A segment
// "{name}" matches one path segment; a pattern may end in a fixed suffix after the
// parameter, e.g. "/events/{id}.ics".
template <typename Handler>
class Router {
  public:
    void add(std::string method, std::string pattern, Handler handler) {
        routes_.push_back({std::move(method), std::move(pattern), std::move(handler)});
    }

    enum class Match { found, method_not_allowed, not_found };

    Match find(std::string_view method, std::string_view path, const Handler*& handler,
               PathParams& params) const {
        bool path_matched = false;
        for (const auto& route : routes_) {
            PathParams candidate;
            if (!match_path_pattern(route.pattern, path, candidate)) continue;
            path_matched = true;
            if (route.method == method) {
                handler = &route.handler;
                params = std::move(candidate);
                return Match::found;
            }
        }
        return path_matched ? Match::method_not_allowed : Match::not_found;
    }

  private:
    struct Route {
        std::string method;
        std::string pattern;
        Handler handler;
    };

    std::vector<Route> routes_;
};

}  // namespace kc::web
