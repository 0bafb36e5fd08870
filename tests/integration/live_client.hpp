#pragma once

#include <chrono>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace kc::testing {

using LiveHeaders = std::vector<std::pair<std::string, std::string>>;

// A small blocking client for the server's long-lived channels, for integration tests and
// benches: either a WebSocket (connect) or a server-sent event stream (open_event_stream) to
// 127.0.0.1. Every call gives up after its timeout, so a misbehaving server fails a test
// instead of hanging it. Beast stays in live_client.cpp, because its headers are slow to
// compile. Each client runs its own io_context, which costs three file descriptors besides
// its socket: use raw sockets for thousands of connections.
class LiveClient {
  public:
    static constexpr std::chrono::milliseconds default_timeout{5000};

    explicit LiveClient(std::uint16_t port);
    ~LiveClient();

    LiveClient(const LiveClient&) = delete;
    LiveClient& operator=(const LiveClient&) = delete;

    // Asks for a WebSocket at `path` (with extra request headers such as Cookie or Origin).
    // Returns 101 when the upgrade succeeded, the status of the server's refusal (its body is
    // then in refusal_body()), or 0 when no answer came.
    int connect(std::string_view path, const LiveHeaders& headers = {});
    const std::string& refusal_body() const;

    // Sends one text message; false when the connection is gone.
    bool send(std::string_view text);

    // The next text message, or nullopt after the timeout or once the connection closed. A
    // read that timed out stays pending, so no message is lost.
    std::optional<std::string> receive(std::chrono::milliseconds timeout = default_timeout);

    // How many pings the server sent that receive() has read (and answered with a pong).
    int pings_received() const;

    // The code of the server's close frame, once receive() has seen it.
    std::optional<std::uint16_t> close_code() const;

    // Sends a close frame and waits (within the timeout) for the server's answer.
    void close();

    // Asks for an event stream at `path` with "Accept: text/event-stream". Returns the
    // response status, or 0 when no answer came.
    int open_event_stream(std::string_view path, const LiveHeaders& headers = {});

    // A header of the event stream's response (name in lower case), or an empty string.
    std::string response_header(std::string_view name) const;

    // The data of the next event (its "data:" lines joined by newlines; comment lines such as
    // heartbeats are skipped), or nullopt after the timeout or once the stream ended.
    std::optional<std::string> next_event(std::chrono::milliseconds timeout = default_timeout);

    // True once the server ended the event stream or the WebSocket.
    bool ended() const;

    // Drops the TCP connection without any closing handshake, like a phone losing its signal.
    void disconnect();

  private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

}  // namespace kc::testing
