#pragma once

#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace kc::web {

// A parsed HTTP request as the page and API handlers see it. The Beast server in
// src/http/ fills it in, so that handlers never depend on Beast themselves.
struct Request {
    std::string method;  // "GET", "POST", ...
    std::string path;    // percent-decoded path without the query, e.g. "/events/3"
    std::string query;   // raw query string without '?'
    std::vector<std::pair<std::string, std::string>> headers;  // names in lower case
    std::string body;
    std::string remote_address;

    // The value of a header (name in lower case), or nullopt.
    std::optional<std::string_view> header(std::string_view name) const;
};

struct Response {
    int status = 200;
    std::string content_type = "text/html; charset=utf-8";
    std::string body;
    std::vector<std::pair<std::string, std::string>> headers;  // extra headers, e.g. Set-Cookie

    void add_header(std::string name, std::string value) {
        headers.emplace_back(std::move(name), std::move(value));
    }
};

// Completes a request. A handler calls it exactly once, either before it returns
// or later from another thread (e.g. after a durable write); the server takes care
// of getting back onto the connection's executor.
using Respond = std::function<void(Response)>;

// The whole application as the HTTP server sees it.
class Application {
  public:
    virtual ~Application() = default;
    virtual void handle(Request request, Respond respond) = 0;
};

}  // namespace kc::web
