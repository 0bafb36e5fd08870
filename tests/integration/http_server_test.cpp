// The real HTTP server on an ephemeral port, driven over real sockets by a small Beast client.
#include <gtest/gtest.h>

#include <boost/asio/connect.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/read_until.hpp>
#include <boost/asio/write.hpp>
#include <boost/beast/core/flat_buffer.hpp>
#include <boost/beast/http/message.hpp>
#include <boost/beast/http/parser.hpp>
#include <boost/beast/http/read.hpp>
#include <boost/beast/http/string_body.hpp>
#include <boost/beast/http/write.hpp>
#include <chrono>
#include <memory>
#include <mutex>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

#include "http/server.hpp"
#include "web/http_types.hpp"

namespace {

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace bhttp = boost::beast::http;
using tcp = asio::ip::tcp;
using namespace std::chrono_literals;

using ClientResponse = bhttp::response<bhttp::string_body>;

constexpr auto client_timeout = 5s;
constexpr auto slow_response_delay = 300ms;

kc::web::Response text_response(std::string body, int status = 200) {
    kc::web::Response response;
    response.status = status;
    response.content_type = "text/plain; charset=utf-8";
    response.body = std::move(body);
    return response;
}

// Answers by path; some routes answer later from another thread, or not at all.
class TestApplication : public kc::web::Application {
  public:
    ~TestApplication() override {
        std::lock_guard lock(mutex_);
        threads_.clear();
    }

    void handle(kc::web::Request request, kc::web::Respond respond) override {
        if (request.path == "/hello") {
            respond(text_response("Hallo wereld"));
        } else if (request.path == "/echo") {
            auto response = text_response(request.body);
            response.add_header("X-Method", request.method);
            response.add_header("X-Seen-Content-Type",
                                std::string(request.header("content-type").value_or("-")));
            respond(std::move(response));
        } else if (request.path == "/later") {
            respond_later(std::move(respond), 20ms, "later");
        } else if (request.path == "/slow") {
            respond_later(std::move(respond), slow_response_delay, "slow");
        } else if (request.path == "/drop") {
            return;
        } else if (request.path == "/throw") {
            throw std::runtime_error("handler failure on purpose");
        } else if (request.path == "/twice") {
            respond(text_response("first"));
            respond(text_response("second"));
        } else if (request.path == "/cookies") {
            auto response = text_response("cookies");
            response.add_header("Set-Cookie", "a=1; Path=/");
            response.add_header("Set-Cookie", "b=2; Path=/");
            respond(std::move(response));
        } else if (request.path == "/held") {
            std::lock_guard lock(mutex_);
            held_.push_back(std::move(respond));
        } else {
            respond(
                text_response(request.path + "|" + request.query + "|" + request.remote_address));
        }
    }

    std::vector<kc::web::Respond> take_held() {
        std::lock_guard lock(mutex_);
        return std::move(held_);
    }

  private:
    void respond_later(kc::web::Respond respond, std::chrono::milliseconds delay,
                       std::string body) {
        std::lock_guard lock(mutex_);
        threads_.emplace_back(
            [respond = std::move(respond), delay, body = std::move(body)]() mutable {
                std::this_thread::sleep_for(delay);
                respond(text_response(std::move(body)));
            });
    }

    std::mutex mutex_;
    std::vector<std::jthread> threads_;
    std::vector<kc::web::Respond> held_;
};

// A blocking-style client whose every operation gives up after client_timeout, so that a
// misbehaving server fails the test instead of hanging it.
class Client {
  public:
    explicit Client(std::uint16_t port) : socket_(context_) {
        socket_.connect(tcp::endpoint(asio::ip::make_address("127.0.0.1"), port));
    }

    void send(bhttp::request<bhttp::string_body> request) {
        request.set(bhttp::field::host, "127.0.0.1");
        request.prepare_payload();
        beast::error_code result = asio::error::timed_out;
        bhttp::async_write(socket_, request,
                           [&](beast::error_code error, std::size_t) { result = error; });
        run();
        ASSERT_FALSE(result) << result.message();
    }

    void send_raw(std::string_view bytes) {
        beast::error_code result = asio::error::timed_out;
        asio::async_write(socket_, asio::buffer(bytes.data(), bytes.size()),
                          [&](beast::error_code error, std::size_t) { result = error; });
        run();
        ASSERT_FALSE(result) << result.message();
    }

    // Reads one response; `error` tells why none came (e.g. end_of_stream once closed).
    ClientResponse read(beast::error_code& error, bool head_request = false) {
        bhttp::response_parser<bhttp::string_body> parser;
        parser.skip(head_request);
        error = asio::error::timed_out;
        bhttp::async_read(socket_, buffer_, parser,
                          [&](beast::error_code result, std::size_t) { error = result; });
        run();
        return parser.release();
    }

    ClientResponse read(bool head_request = false) {
        beast::error_code error;
        auto response = read(error, head_request);
        EXPECT_FALSE(error) << error.message();
        return response;
    }

    ClientResponse request(bhttp::verb method, std::string target, std::string body = {}) {
        bhttp::request<bhttp::string_body> request{method, target, 11};
        request.body() = std::move(body);
        send(std::move(request));
        return read(method == bhttp::verb::head);
    }

    // Reads raw bytes until `delimiter` or the timeout.
    std::string read_until(std::string_view delimiter) {
        std::string received;
        beast::error_code result = asio::error::timed_out;
        asio::async_read_until(socket_, asio::dynamic_buffer(received), delimiter,
                               [&](beast::error_code error, std::size_t) { result = error; });
        run();
        EXPECT_FALSE(result) << result.message();
        return received;
    }

    void close() {
        beast::error_code ignored;
        socket_.close(ignored);
    }

  private:
    void run() {
        context_.restart();
        context_.run_for(client_timeout);
        if (!context_.stopped()) {
            beast::error_code ignored;
            socket_.cancel(ignored);
            context_.run();
        }
    }

    asio::io_context context_;
    tcp::socket socket_;
    beast::flat_buffer buffer_;
};

kc::http::ServerOptions test_options() {
    kc::http::ServerOptions options;
    options.port = 0;
    options.threads = 2;
    options.max_body_bytes = 1024;
    options.max_header_bytes = 2048;
    options.shutdown_grace = 2000ms;
    return options;
}

class HttpServerTest : public ::testing::Test {
  protected:
    void SetUp() override { start(test_options()); }

    void start(const kc::http::ServerOptions& options) {
        std::string error;
        server_ = kc::http::Server::start(options, application_, error);
        ASSERT_NE(server_, nullptr) << error;
        ASSERT_NE(server_->port(), 0);
    }

    std::uint16_t port() const { return server_->port(); }

    // Declared before the server, which must not outlive it.
    TestApplication application_;
    std::unique_ptr<kc::http::Server> server_;
};

TEST_F(HttpServerTest, AnswersGetWithBodyAndHeaders) {
    Client client(port());
    const auto response = client.request(bhttp::verb::get, "/hello");
    EXPECT_EQ(response.result_int(), 200);
    EXPECT_EQ(response.body(), "Hallo wereld");
    EXPECT_EQ(response[bhttp::field::content_type], "text/plain; charset=utf-8");
    EXPECT_EQ(response[bhttp::field::content_length], "12");
    EXPECT_EQ(response[bhttp::field::server], "Kenniscafe");
    EXPECT_TRUE(response.keep_alive());
}

TEST_F(HttpServerTest, PassesPostBodyAndLowerCaseHeaders) {
    Client client(port());
    bhttp::request<bhttp::string_body> request{bhttp::verb::post, "/echo", 11};
    request.set(bhttp::field::content_type, "application/x-www-form-urlencoded");
    request.body() = "naam=Anna&groep=Bewoner";
    client.send(std::move(request));
    const auto response = client.read();
    EXPECT_EQ(response.result_int(), 200);
    EXPECT_EQ(response.body(), "naam=Anna&groep=Bewoner");
    EXPECT_EQ(response["X-Method"], "POST");
    EXPECT_EQ(response["X-Seen-Content-Type"], "application/x-www-form-urlencoded");
}

TEST_F(HttpServerTest, KeepsConnectionAliveForSeveralRequests) {
    Client client(port());
    for (int round = 0; round < 5; ++round) {
        const auto response = client.request(bhttp::verb::get, "/hello");
        EXPECT_EQ(response.result_int(), 200);
        EXPECT_EQ(response.body(), "Hallo wereld");
    }
    EXPECT_EQ(client.request(bhttp::verb::post, "/echo", "na vijf").body(), "na vijf");
}

TEST_F(HttpServerTest, ClosesConnectionWhenClientAsksForIt) {
    Client http_1_0(port());
    http_1_0.send_raw("GET /hello HTTP/1.0\r\n\r\n");
    const auto response = http_1_0.read();
    EXPECT_EQ(response.version(), 10);
    EXPECT_EQ(response.body(), "Hallo wereld");
    beast::error_code error;
    http_1_0.read(error);
    EXPECT_EQ(error, bhttp::error::end_of_stream);

    Client closing(port());
    closing.send_raw("GET /hello HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
    EXPECT_FALSE(closing.read().keep_alive());
    closing.read(error);
    EXPECT_EQ(error, bhttp::error::end_of_stream);
}

TEST_F(HttpServerTest, AnswersPipelinedRequestsInOrder) {
    Client client(port());
    client.send_raw(
        "GET /later HTTP/1.1\r\nHost: x\r\n\r\n"
        "GET /hello HTTP/1.1\r\nHost: x\r\n\r\n"
        "POST /echo HTTP/1.1\r\nHost: x\r\nContent-Length: 4\r\n\r\nderd");
    EXPECT_EQ(client.read().body(), "later");
    EXPECT_EQ(client.read().body(), "Hallo wereld");
    EXPECT_EQ(client.read().body(), "derd");
}

TEST_F(HttpServerTest, WaitsForRespondCalledLaterFromAnotherThread) {
    Client client(port());
    const auto response = client.request(bhttp::verb::get, "/later");
    EXPECT_EQ(response.result_int(), 200);
    EXPECT_EQ(response.body(), "later");
    EXPECT_EQ(client.request(bhttp::verb::get, "/hello").body(), "Hallo wereld");
}

TEST_F(HttpServerTest, AnswersInternalErrorWhenRespondIsDroppedUncalled) {
    Client client(port());
    const auto response = client.request(bhttp::verb::get, "/drop");
    EXPECT_EQ(response.result_int(), 500);
    EXPECT_EQ(client.request(bhttp::verb::get, "/hello").result_int(), 200);
}

TEST_F(HttpServerTest, AnswersInternalErrorWhenHandlerThrows) {
    Client client(port());
    EXPECT_EQ(client.request(bhttp::verb::get, "/throw").result_int(), 500);
    EXPECT_EQ(client.request(bhttp::verb::get, "/hello").result_int(), 200);
}

TEST_F(HttpServerTest, IgnoresSecondCallOfRespond) {
    Client client(port());
    EXPECT_EQ(client.request(bhttp::verb::get, "/twice").body(), "first");
    EXPECT_EQ(client.request(bhttp::verb::get, "/hello").body(), "Hallo wereld");
}

TEST_F(HttpServerTest, SendsEverySetCookieHeader) {
    Client client(port());
    const auto response = client.request(bhttp::verb::get, "/cookies");
    std::vector<std::string> cookies;
    for (const auto& field : response) {
        if (field.name() == bhttp::field::set_cookie) cookies.emplace_back(field.value());
    }
    EXPECT_EQ(cookies, (std::vector<std::string>{"a=1; Path=/", "b=2; Path=/"}));
}

TEST_F(HttpServerTest, RefusesTooBigBodyWith413) {
    Client client(port());
    const auto response = client.request(bhttp::verb::post, "/echo", std::string(4096, 'x'));
    EXPECT_EQ(response.result_int(), 413);
    EXPECT_EQ(response.body(), "Het verzoek is te groot.");
    EXPECT_FALSE(response.keep_alive());
}

TEST_F(HttpServerTest, RefusesTooBigChunkedBodyWith413) {
    Client client(port());
    const std::string chunk(1000, 'x');
    std::string raw = "POST /echo HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n";
    for (int index = 0; index < 3; ++index) raw += "3e8\r\n" + chunk + "\r\n";
    raw += "0\r\n\r\n";
    client.send_raw(raw);
    EXPECT_EQ(client.read().result_int(), 413);
}

TEST_F(HttpServerTest, RefusesOversizedHeadersWith431) {
    Client client(port());
    client.send_raw("GET /hello HTTP/1.1\r\nHost: x\r\nX-Filler: " + std::string(4096, 'y') +
                    "\r\n\r\n");
    EXPECT_EQ(client.read().result_int(), 431);
}

TEST_F(HttpServerTest, SendsContinueBeforeReadingBody) {
    Client client(port());
    client.send_raw(
        "POST /echo HTTP/1.1\r\nHost: x\r\nContent-Length: 5\r\nExpect: 100-continue\r\n\r\n");
    EXPECT_EQ(client.read_until("\r\n\r\n"), "HTTP/1.1 100 Continue\r\n\r\n");
    client.send_raw("hallo");
    EXPECT_EQ(client.read().body(), "hallo");
}

TEST_F(HttpServerTest, AnswersGarbageWith400AndKeepsServingOthers) {
    Client garbage(port());
    garbage.send_raw(std::string("\x01\x02\x03 niet echt http\r\n\r\n"));
    const auto response = garbage.read();
    EXPECT_EQ(response.result_int(), 400);
    EXPECT_EQ(response.body(), "Ongeldig verzoek.");

    Client other(port());
    EXPECT_EQ(other.request(bhttp::verb::get, "/hello").result_int(), 200);
}

TEST_F(HttpServerTest, AnswersHeadLikeGetWithoutBody) {
    Client client(port());
    const auto response = client.request(bhttp::verb::head, "/hello");
    EXPECT_EQ(response.result_int(), 200);
    EXPECT_EQ(response[bhttp::field::content_length], "12");
    EXPECT_TRUE(response.body().empty());
    // Had the server sent a body after all, this response would be garbled.
    EXPECT_EQ(client.request(bhttp::verb::get, "/hello").body(), "Hallo wereld");
}

TEST_F(HttpServerTest, SurvivesClientsThatDisconnectMidRequest) {
    {
        Client partial_header(port());
        partial_header.send_raw("GET /hello HTTP/1.1\r\nHost: x\r\nX-Half");
    }
    {
        Client partial_body(port());
        partial_body.send_raw("POST /echo HTTP/1.1\r\nHost: x\r\nContent-Length: 100\r\n\r\nabc");
    }
    {
        Client waiting(port());
        waiting.send_raw("GET /slow HTTP/1.1\r\nHost: x\r\n\r\n");
    }
    std::this_thread::sleep_for(slow_response_delay + 100ms);
    Client other(port());
    EXPECT_EQ(other.request(bhttp::verb::get, "/hello").result_int(), 200);
}

TEST_F(HttpServerTest, PercentDecodesPathAndKeepsQueryRaw) {
    Client client(port());
    const auto response =
        client.request(bhttp::verb::get, "/pad/caf%C3%A9%20en%2fmeer?q=a%20b&x=1");
    EXPECT_EQ(response.body(), "/pad/café en/meer|q=a%20b&x=1|127.0.0.1");
}

TEST_F(HttpServerTest, RefusesInvalidPercentEscapesWith400) {
    Client client(port());
    EXPECT_EQ(client.request(bhttp::verb::get, "/pad/%zz").result_int(), 400);
    Client nul(port());
    EXPECT_EQ(nul.request(bhttp::verb::get, "/pad/%00").result_int(), 400);
}

TEST_F(HttpServerTest, ClosesIdleConnectionsAfterTimeout) {
    server_.reset();
    auto options = test_options();
    options.idle_timeout = 1s;
    start(options);
    Client client(port());
    EXPECT_EQ(client.request(bhttp::verb::get, "/hello").result_int(), 200);
    std::this_thread::sleep_for(1500ms);
    beast::error_code error;
    client.read(error);
    EXPECT_EQ(error, bhttp::error::end_of_stream);
}

TEST_F(HttpServerTest, StopFinishesRequestsInFlightAndReturnsPromptly) {
    Client idle(port());
    EXPECT_EQ(idle.request(bhttp::verb::get, "/hello").result_int(), 200);
    Client busy(port());
    busy.send_raw("GET /slow HTTP/1.1\r\nHost: x\r\n\r\n");
    std::this_thread::sleep_for(50ms);

    const auto started = std::chrono::steady_clock::now();
    server_->stop();
    const auto took = std::chrono::steady_clock::now() - started;
    EXPECT_LT(took, 1500ms);

    const auto response = busy.read();
    EXPECT_EQ(response.body(), "slow");
    EXPECT_FALSE(response.keep_alive());
    beast::error_code error;
    idle.read(error);
    EXPECT_TRUE(error);

    server_->stop();
}

TEST_F(HttpServerTest, RespondAfterServerIsGoneIsHarmless) {
    server_.reset();
    auto options = test_options();
    options.shutdown_grace = 100ms;
    start(options);
    Client client(port());
    client.send_raw("GET /held HTTP/1.1\r\nHost: x\r\n\r\n");
    std::this_thread::sleep_for(50ms);
    server_.reset();

    auto held = application_.take_held();
    ASSERT_EQ(held.size(), 1u);
    held.front()(text_response("te laat"));
}

TEST_F(HttpServerTest, RunUntilSignalledReturnsAfterStop) {
    std::jthread stopper([this] {
        std::this_thread::sleep_for(100ms);
        server_->stop();
    });
    server_->run_until_signalled();
    SUCCEED();
}

TEST(HttpServerStartTest, ReportsPortAlreadyInUse) {
    TestApplication application;
    std::string error;
    auto first = kc::http::Server::start(test_options(), application, error);
    ASSERT_NE(first, nullptr) << error;
    auto options = test_options();
    options.port = first->port();
    auto second = kc::http::Server::start(options, application, error);
    EXPECT_EQ(second, nullptr);
    EXPECT_NE(error.find("Kan niet luisteren"), std::string::npos) << error;
}

TEST(HttpServerStartTest, ReportsInvalidAddress) {
    TestApplication application;
    std::string error;
    auto options = test_options();
    options.address = "geen-adres";
    EXPECT_EQ(kc::http::Server::start(options, application, error), nullptr);
    EXPECT_FALSE(error.empty());
}

}  // namespace
