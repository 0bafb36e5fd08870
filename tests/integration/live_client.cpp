// Beast stays in this file, so that the tests using the client compile fast.
#include "live_client.hpp"

#include <algorithm>
#include <array>
#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/beast/core/buffers_to_string.hpp>
#include <boost/beast/core/flat_buffer.hpp>
#include <boost/beast/core/tcp_stream.hpp>
#include <boost/beast/http/empty_body.hpp>
#include <boost/beast/http/message.hpp>
#include <boost/beast/http/parser.hpp>
#include <boost/beast/http/read.hpp>
#include <boost/beast/http/write.hpp>
#include <boost/beast/websocket/stream.hpp>
#include <deque>
#include <functional>

namespace kc::testing {

namespace {

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace bhttp = boost::beast::http;
namespace websocket = boost::beast::websocket;
using tcp = asio::ip::tcp;

constexpr std::string_view event_data_field = "data:";

// The data of one event block (its lines without the blank line that ends it), or nullopt
// for a block without data, such as a heartbeat comment.
std::optional<std::string> event_data(std::string_view block) {
    std::optional<std::string> data;
    while (!block.empty()) {
        const std::size_t line_end = block.find('\n');
        const std::string_view line = block.substr(0, line_end);
        block.remove_prefix(line_end == std::string_view::npos ? block.size() : line_end + 1);
        if (!line.starts_with(event_data_field)) continue;
        std::string_view value = line.substr(event_data_field.size());
        if (value.starts_with(' ')) value.remove_prefix(1);
        if (data) {
            data->push_back('\n');
        } else {
            data.emplace();
        }
        data->append(value);
    }
    return data;
}

}  // namespace

struct LiveClient::Impl {
    explicit Impl(std::uint16_t server_port) : port(server_port) {}

    // Runs the context until `done` holds or the timeout passes; true when done. An operation
    // still pending afterwards must not refer to the caller's variables.
    bool run_until(const std::function<bool()>& done, std::chrono::milliseconds timeout) {
        const auto deadline = std::chrono::steady_clock::now() + timeout;
        while (!done()) {
            if (context.stopped()) context.restart();
            if (context.run_one_until(deadline) == 0) return done();
        }
        return true;
    }

    // Waits for an operation whose handler refers to the caller's variables. On a timeout the
    // connection is closed and the aborted operation is let finish; false then.
    bool complete(const std::function<bool()>& done) {
        if (run_until(done, default_timeout)) return true;
        close_sockets();
        run_until(done, default_timeout);
        return false;
    }

    void close_sockets() {
        if (socket) beast::get_lowest_layer(*socket).close();
        if (event_stream) event_stream->close();
    }

    // Connects the TCP stream; false when the server did not accept in time.
    bool connect_tcp(beast::tcp_stream& stream) {
        bool connected = false;
        bool finished = false;
        stream.expires_after(default_timeout);
        stream.async_connect(tcp::endpoint(asio::ip::make_address("127.0.0.1"), port),
                             [&](beast::error_code error) {
                                 connected = !error;
                                 finished = true;
                             });
        return complete([&] { return finished; }) && connected;
    }

    void start_websocket_read() {
        reading = true;
        socket->async_read(read_buffer, [this](beast::error_code error, std::size_t) {
            reading = false;
            if (error) {
                ended = true;
                if (error == websocket::error::closed) server_close_code = socket->reason().code;
                return;
            }
            received.push_back(beast::buffers_to_string(read_buffer.data()));
            read_buffer.clear();
        });
    }

    // A read that outlives a timed-out next_event() stays pending and appends to
    // unread_events when it completes.
    void start_event_stream_read() {
        reading = true;
        event_stream->async_read_some(asio::buffer(read_chunk),
                                      [this](beast::error_code error, std::size_t bytes_read) {
                                          reading = false;
                                          unread_events.append(read_chunk.data(), bytes_read);
                                          if (error) ended = true;
                                      });
    }

    const std::uint16_t port;
    asio::io_context context;
    std::optional<websocket::stream<beast::tcp_stream>> socket;
    std::optional<beast::tcp_stream> event_stream;
    beast::flat_buffer read_buffer;
    std::deque<std::string> received;
    bool reading = false;
    bool ended = false;
    int pings = 0;
    std::optional<std::uint16_t> server_close_code;
    std::string refusal_body;
    bhttp::response<bhttp::empty_body> event_stream_response;
    std::string unread_events;
    std::array<char, 4096> read_chunk{};
};

LiveClient::LiveClient(std::uint16_t port) : impl_(std::make_unique<Impl>(port)) {}

LiveClient::~LiveClient() { disconnect(); }

int LiveClient::connect(std::string_view path, const LiveHeaders& headers) {
    Impl& impl = *impl_;
    websocket::stream<beast::tcp_stream>& socket = impl.socket.emplace(impl.context);
    if (!impl.connect_tcp(socket.next_layer())) return 0;
    socket.next_layer().expires_never();
    socket.set_option(websocket::stream_base::timeout::suggested(beast::role_type::client));
    socket.set_option(
        websocket::stream_base::decorator([headers](websocket::request_type& request) {
            for (const auto& [name, value] : headers) request.set(name, value);
        }));
    // Beast answers a ping with a pong by itself while a read is pending; this only counts it.
    socket.control_callback([&impl](websocket::frame_type kind, beast::string_view) {
        if (kind == websocket::frame_type::ping) ++impl.pings;
    });

    websocket::response_type response;
    bool finished = false;
    beast::error_code result;
    socket.async_handshake(response, "127.0.0.1:" + std::to_string(impl.port), path,
                           [&](beast::error_code error) {
                               result = error;
                               finished = true;
                           });
    if (!impl.complete([&] { return finished; })) return 0;
    if (result) impl.refusal_body = response.body();
    return response.result_int();
}

const std::string& LiveClient::refusal_body() const { return impl_->refusal_body; }

int LiveClient::pings_received() const { return impl_->pings; }

bool LiveClient::send(std::string_view text) {
    Impl& impl = *impl_;
    if (!impl.socket || impl.ended) return false;
    impl.socket->text(true);
    bool finished = false;
    beast::error_code result;
    impl.socket->async_write(asio::buffer(text.data(), text.size()),
                             [&](beast::error_code error, std::size_t) {
                                 result = error;
                                 finished = true;
                             });
    return impl.complete([&] { return finished; }) && !result;
}

std::optional<std::string> LiveClient::receive(std::chrono::milliseconds timeout) {
    Impl& impl = *impl_;
    if (!impl.socket) return std::nullopt;
    if (impl.received.empty() && !impl.reading && !impl.ended) impl.start_websocket_read();
    impl.run_until([&] { return !impl.received.empty() || impl.ended; }, timeout);
    if (impl.received.empty()) return std::nullopt;
    std::string message = std::move(impl.received.front());
    impl.received.pop_front();
    return message;
}

std::optional<std::uint16_t> LiveClient::close_code() const { return impl_->server_close_code; }

void LiveClient::close() {
    Impl& impl = *impl_;
    if (!impl.socket || impl.ended) return;
    bool finished = false;
    impl.socket->async_close(websocket::close_code::normal,
                             [&](beast::error_code) { finished = true; });
    impl.complete([&] { return finished; });
    impl.ended = true;
}

int LiveClient::open_event_stream(std::string_view path, const LiveHeaders& headers) {
    Impl& impl = *impl_;
    beast::tcp_stream& stream = impl.event_stream.emplace(impl.context);
    if (!impl.connect_tcp(stream)) return 0;

    bhttp::request<bhttp::empty_body> request{bhttp::verb::get, path, 11};
    request.set(bhttp::field::host, "127.0.0.1:" + std::to_string(impl.port));
    request.set(bhttp::field::accept, "text/event-stream");
    for (const auto& [name, value] : headers) request.set(name, value);

    bool finished = false;
    beast::error_code result;
    bhttp::async_write(stream, request, [&](beast::error_code error, std::size_t) {
        result = error;
        finished = true;
    });
    if (!impl.complete([&] { return finished; }) || result) return 0;

    // The body never ends while the stream is open, so only the header is read here; the
    // bytes read past it are the first events.
    bhttp::response_parser<bhttp::empty_body> parser;
    finished = false;
    bhttp::async_read_header(stream, impl.read_buffer, parser,
                             [&](beast::error_code error, std::size_t) {
                                 result = error;
                                 finished = true;
                             });
    if (!impl.complete([&] { return finished; }) || result) return 0;
    stream.expires_never();
    impl.event_stream_response = parser.release();
    impl.unread_events = beast::buffers_to_string(impl.read_buffer.data());
    impl.read_buffer.clear();
    return impl.event_stream_response.result_int();
}

std::string LiveClient::response_header(std::string_view name) const {
    const auto found = impl_->event_stream_response.find(name);
    return found == impl_->event_stream_response.end() ? std::string()
                                                       : std::string(found->value());
}

std::optional<std::string> LiveClient::next_event(std::chrono::milliseconds timeout) {
    Impl& impl = *impl_;
    if (!impl.event_stream) return std::nullopt;
    const auto deadline = std::chrono::steady_clock::now() + timeout;
    for (;;) {
        const std::size_t block_end = impl.unread_events.find("\n\n");
        if (block_end != std::string::npos) {
            const std::string block = impl.unread_events.substr(0, block_end + 1);
            impl.unread_events.erase(0, block_end + 2);
            if (std::optional<std::string> data = event_data(block)) return data;
            continue;
        }
        if (impl.ended) return std::nullopt;
        if (!impl.reading) impl.start_event_stream_read();
        const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(
            deadline - std::chrono::steady_clock::now());
        if (!impl.run_until([&] { return !impl.reading; }, std::max(left, left.zero()))) {
            return std::nullopt;
        }
    }
}

bool LiveClient::ended() const { return impl_->ended; }

void LiveClient::disconnect() {
    Impl& impl = *impl_;
    impl.close_sockets();
    // Lets a pending read finish, so that it does not outlive the client it refers to.
    impl.run_until([&] { return !impl.reading; }, default_timeout);
    impl.ended = true;
}

}  // namespace kc::testing
