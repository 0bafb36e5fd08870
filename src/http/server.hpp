#pragma once

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>

#include "web/http_types.hpp"

namespace kc::http {

struct ServerOptions {
    std::string address = "127.0.0.1";
    std::uint16_t port = 8080;  // 0 picks a free ephemeral port; see Server::port().
    int threads = 2;
    std::size_t max_body_bytes = 1 << 20;
    // The body limit of the requests the application takes uploads with
    // (web::Application::takes_upload): a 20 MB PDF and the form around it.
    std::size_t max_upload_body_bytes = 21 << 20;
    std::size_t max_header_bytes = 16 * 1024;
    // How long a connection may take to send a complete request (or to accept a response)
    // before it is closed; also how long an idle keep-alive connection stays open.
    std::chrono::seconds idle_timeout{30};
    // How often each io thread looks at its long-lived channels: a silent WebSocket gets a
    // ping after five looks and is closed after ten, an event stream that wrote nothing for
    // three gets a heartbeat. One timer per thread, instead of one re-armed per message read.
    std::chrono::milliseconds channel_sweep_interval{5000};
    // How long stop() waits for requests in flight before it closes everything.
    std::chrono::milliseconds shutdown_grace{3000};
};

// An HTTP/1.1 server that hands every request to a web::Application. It runs its own io
// threads from start() until stop(); Beast and Asio stay inside server.cpp.
class Server {
  public:
    // Binds and starts listening, or returns nullptr and sets `error` to a readable reason
    // (e.g. the port is in use). The application must outlive the server.
    static std::unique_ptr<Server> start(const ServerOptions& options,
                                         web::Application& application, std::string& error);

    // Stops the server (see stop()) if that has not happened yet.
    ~Server();

    Server(const Server&) = delete;
    Server& operator=(const Server&) = delete;

    // The port the server listens on; with ServerOptions::port 0 the one the system chose.
    std::uint16_t port() const;

    // Blocks until SIGINT or SIGTERM arrives (or stop() is called elsewhere), then stops.
    void run_until_signalled();

    // Stops accepting connections, closes idle ones, lets requests in flight finish within
    // the shutdown grace period, closes open channels after their queued messages (a WebSocket
    // with "going away", an event stream by ending it) and joins the io threads. Thread-safe and
    // idempotent; must not be called from inside Application::handle, which runs on an io thread.
    void stop();

  private:
    struct Impl;
    explicit Server(std::unique_ptr<Impl> impl);

    std::unique_ptr<Impl> impl_;
};

}  // namespace kc::http
