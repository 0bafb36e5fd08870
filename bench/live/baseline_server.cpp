// The yardstick for `make bench-live`: the smallest server that speaks the subset of the live
// protocol (docs/live.md) that the load generator uses, on one thread, with nothing stored.
// Whatever Kenniscafé costs above this is the price of its storage, its rules and its
// threads, so the bench prints Kenniscafé's figures as a ratio of these.
//
// It takes WebSockets on /live/{code}/kanaal (any code) for phones and on any other path
// ending in /kanaal for presenter screens. A phone's "join" gets "welcome", an "answer" is
// counted in memory and acknowledged at once; presenters get a snapshot every 100 ms while
// something changed. `POST /control/open_question` starts a new question and
// `POST /control/show_results` sends results to every phone, so that the burst and the results
// scenarios run against it too. Like Beast's chat-multi example, a broadcast is serialised
// once and queued per connection, with one write in flight per connection.
#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/signal_set.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/beast/core/flat_buffer.hpp>
#include <boost/beast/core/tcp_stream.hpp>
#include <boost/beast/http/read.hpp>
#include <boost/beast/http/string_body.hpp>
#include <boost/beast/http/write.hpp>
#include <boost/beast/websocket/stream.hpp>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <deque>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_set>

#include "message_text.hpp"

namespace {

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace bhttp = boost::beast::http;
namespace websocket = boost::beast::websocket;
using tcp = asio::ip::tcp;
using Shared = std::shared_ptr<const std::string>;

// The presenter's pace, as in Kenniscafé's engine (EngineOptions::presenter_interval).
constexpr std::chrono::milliseconds presenter_interval{100};

class Channel;

// Everything the server knows: one session with one question at a time.
struct State {
    long long participants = 0;
    long long answers = 0;
    long long question = 1;
    bool changed = true;
    std::unordered_set<Channel*> phones;
    std::unordered_set<Channel*> presenters;
};

Shared share(std::string text) { return std::make_shared<const std::string>(std::move(text)); }

class Channel : public std::enable_shared_from_this<Channel> {
  public:
    enum class Kind { phone, presenter };

    Channel(websocket::stream<beast::tcp_stream> socket, State& state, Kind kind)
        : socket_(std::move(socket)), state_(state), kind_(kind) {}

    void start(bhttp::request<bhttp::string_body> upgrade) {
        socket_.set_option(websocket::stream_base::timeout::suggested(beast::role_type::server));
        socket_.async_accept(upgrade, [self = shared_from_this()](beast::error_code error) {
            if (error) return;
            self->opened();
        });
    }

    void send(Shared message) {
        queue_.push_back(std::move(message));
        if (queue_.size() == 1) write_next();
    }

  private:
    void opened() {
        (kind_ == Kind::phone ? state_.phones : state_.presenters).insert(this);
        if (kind_ == Kind::phone) {
            send(share(R"({"type":"hello","session":{"id":1,"code":"BASE00","state":"running"}})"));
        } else {
            state_.changed = true;
        }
        read_next();
    }

    void read_next() {
        socket_.async_read(
            buffer_, [self = shared_from_this()](beast::error_code error, std::size_t) {
                if (error) return self->closed();
                const auto data = self->buffer_.cdata();
                self->on_message({static_cast<const char*>(data.data()), data.size()});
                self->buffer_.consume(self->buffer_.size());
                self->read_next();
            });
    }

    void on_message(std::string_view message) {
        if (kind_ != Kind::phone) return;
        const auto type = kc::bench::string_member(message, "type");
        if (type == "join") {
            const long long id = ++state_.participants;
            state_.changed = true;
            send(share(R"({"type":"welcome","participant":)" + std::to_string(id) +
                       R"(,"token":"baseline"})"));
        } else if (type == "answer") {
            ++state_.answers;
            state_.changed = true;
            send(share(R"({"type":"ack","id":")" +
                       std::string(kc::bench::string_member(message, "id")) +
                       R"(","status":"accepted","message":"Je antwoord is opgeslagen."})"));
        } else if (type == "ping") {
            send(share(R"({"type":"pong"})"));
        } else {
            send(share(R"({"type":"error","message":"unknown type"})"));
        }
    }

    void write_next() {
        socket_.text(true);
        socket_.async_write(asio::buffer(*queue_.front()),
                            [self = shared_from_this()](beast::error_code error, std::size_t) {
                                if (error) return;
                                self->queue_.pop_front();
                                if (!self->queue_.empty()) self->write_next();
                            });
    }

    void closed() { (kind_ == Kind::phone ? state_.phones : state_.presenters).erase(this); }

    websocket::stream<beast::tcp_stream> socket_;
    State& state_;
    Kind kind_;
    beast::flat_buffer buffer_;
    std::deque<Shared> queue_;
};

void broadcast(const std::unordered_set<Channel*>& channels, const Shared& message) {
    for (auto* channel : channels) channel->send(message);
}

// Answers one plain HTTP request (a control action) or hands a WebSocket upgrade to a Channel.
class Request : public std::enable_shared_from_this<Request> {
  public:
    Request(tcp::socket socket, State& state) : stream_(std::move(socket)), state_(state) {}

    void start() {
        stream_.expires_after(std::chrono::seconds(10));
        bhttp::async_read(stream_, buffer_, request_,
                          [self = shared_from_this()](beast::error_code error, std::size_t) {
                              if (!error) self->dispatch();
                          });
    }

  private:
    void dispatch() {
        const std::string target(request_.target());
        const bool is_channel = target.size() > 7 && target.ends_with("/kanaal");
        if (websocket::is_upgrade(request_) && is_channel) {
            stream_.expires_never();
            const auto kind =
                target.starts_with("/live/") ? Channel::Kind::phone : Channel::Kind::presenter;
            auto channel = std::make_shared<Channel>(
                websocket::stream<beast::tcp_stream>(std::move(stream_)), state_, kind);
            channel->start(std::move(request_));
            return;
        }
        response_.version(request_.version());
        response_.keep_alive(false);
        response_.set(bhttp::field::content_type, "text/plain");
        if (request_.method() == bhttp::verb::post && target == "/control/open_question") {
            ++state_.question;
            state_.answers = 0;
            state_.changed = true;
            broadcast(state_.phones,
                      share(R"({"type":"question","question":{"id":)" +
                            std::to_string(state_.question) + R"(,"state":"open"}})"));
            response_.result(bhttp::status::ok);
        } else if (request_.method() == bhttp::verb::post && target == "/control/show_results") {
            broadcast(
                state_.phones,
                share(R"({"type":"results","question":)" + std::to_string(state_.question) +
                      R"(,"shown":true,"respondents":)" + std::to_string(state_.answers) + "}"));
            response_.result(bhttp::status::ok);
        } else if (target == "/healthz") {
            response_.result(bhttp::status::ok);
        } else {
            response_.result(bhttp::status::not_found);
        }
        response_.body() = "ok\n";
        response_.prepare_payload();
        bhttp::async_write(stream_, response_,
                           [self = shared_from_this()](beast::error_code, std::size_t) {
                               beast::error_code ignored;
                               self->stream_.socket().shutdown(tcp::socket::shutdown_both, ignored);
                           });
    }

    beast::tcp_stream stream_;
    State& state_;
    beast::flat_buffer buffer_;
    bhttp::request<bhttp::string_body> request_;
    bhttp::response<bhttp::string_body> response_;
};

void accept_next(tcp::acceptor& acceptor, State& state) {
    acceptor.async_accept([&acceptor, &state](beast::error_code error, tcp::socket socket) {
        if (!error) {
            // As Kenniscafé's listener does: small messages go out at once.
            beast::error_code ignored;
            socket.set_option(tcp::no_delay(true), ignored);
            std::make_shared<Request>(std::move(socket), state)->start();
        }
        if (acceptor.is_open()) accept_next(acceptor, state);
    });
}

void tick(asio::steady_timer& timer, State& state) {
    timer.expires_after(presenter_interval);
    timer.async_wait([&timer, &state](beast::error_code error) {
        if (error) return;
        if (state.changed && !state.presenters.empty()) {
            state.changed = false;
            broadcast(state.presenters,
                      share(R"({"type":"presenter","participants":)" +
                            std::to_string(state.participants) + R"(,"question":{"id":)" +
                            std::to_string(state.question) + R"(,"answers":)" +
                            std::to_string(state.answers) + "}}"));
        }
        tick(timer, state);
    });
}

}  // namespace

int main(int argc, char** argv) {
    const unsigned short port = argc > 1 ? static_cast<unsigned short>(std::atoi(argv[1])) : 0;
    asio::io_context context(1);
    State state;
    tcp::acceptor acceptor(context);
    const tcp::endpoint endpoint(asio::ip::make_address("127.0.0.1"), port);
    acceptor.open(endpoint.protocol());
    acceptor.set_option(tcp::acceptor::reuse_address(true));
    acceptor.bind(endpoint);
    // The same backlog as Kenniscafé's listener, so that a join storm meets the same queue.
    acceptor.listen(4096);
    std::printf("baseline listening on http://127.0.0.1:%u/\n", acceptor.local_endpoint().port());
    std::fflush(stdout);
    accept_next(acceptor, state);
    asio::steady_timer timer(context);
    tick(timer, state);
    asio::signal_set signals(context, SIGINT, SIGTERM);
    signals.async_wait([&context](beast::error_code, int) { context.stop(); });
    context.run();
    return 0;
}
