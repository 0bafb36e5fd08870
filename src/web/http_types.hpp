#pragma once

#include <functional>
#include <memory>
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

// How a long-lived channel reaches a client.
enum class ChannelKind {
    websocket,     // a GET with "Upgrade: websocket": messages both ways, text frames
    event_stream,  // a GET with "Accept: text/event-stream": server-sent events, one way
};

// The server's end of a long-lived channel to one client. Thread-safe: any thread may send.
class ChannelSink {
  public:
    virtual ~ChannelSink() = default;

    // Queues one message (a WebSocket text frame, or one SSE "data:" event). A non-empty
    // `slot` names a snapshot: an earlier message of the same slot that has not been written
    // yet is replaced, so a slow client gets the latest state instead of a backlog. Messages
    // are shared so that a broadcast is serialised once for every client.
    virtual void send(std::shared_ptr<const std::string> message, std::string_view slot = {}) = 0;

    // Closes the channel after the queued messages (a WebSocket close frame with `reason`).
    virtual void close(std::string_view reason = {}) = 0;
};

// The application's end of a channel. Its calls come from the connection's io thread, one
// at a time, and never after on_close.
class Channel {
  public:
    virtual ~Channel() = default;
    // A text message from the client (WebSocket only).
    virtual void on_message(std::string message) = 0;
    // The connection is gone (closed by either side, timed out, or the server stops).
    virtual void on_close() = 0;
};

// The application's answer to a channel request: a channel, or a refusal sent as an
// ordinary response (e.g. 404 for an unknown code).
struct ChannelOpening {
    std::shared_ptr<Channel> channel;
    Response refusal;
};

// The whole application as the HTTP server sees it.
class Application {
  public:
    virtual ~Application() = default;
    virtual void handle(Request request, Respond respond) = 0;

    // Whether a request takes an uploaded file, and so may have a body up to the server's
    // upload limit instead of its usual one. Asked on an io thread with the header only.
    virtual bool takes_upload(std::string_view method, std::string_view path) const;

    // Called instead of handle() for a channel request. Runs on the io thread: it must not
    // wait for a write. The sink may be used at once, also from within this call.
    virtual ChannelOpening open_channel(const Request& request, ChannelKind kind,
                                        std::shared_ptr<ChannelSink> sink);
};

}  // namespace kc::web
