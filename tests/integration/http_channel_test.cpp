// Long-lived channels (WebSocket and server-sent events) on the real HTTP server, on an
// ephemeral port, driven by the blocking LiveClient.
#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <memory>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include "http/server.hpp"
#include "http_client.hpp"
#include "live_client.hpp"
#include "web/http_types.hpp"

namespace {

using kc::testing::LiveClient;
using namespace std::chrono_literals;

constexpr std::uint16_t close_normal = 1000;
constexpr std::uint16_t close_going_away = 1001;
constexpr int switching_protocols = 101;

std::shared_ptr<const std::string> shared_text(std::string text) {
    return std::make_shared<const std::string>(std::move(text));
}

// Waits for something another thread does, giving up after a while so a test cannot hang.
template <typename Condition>
bool eventually(Condition condition) {
    const auto deadline = std::chrono::steady_clock::now() + LiveClient::default_timeout;
    while (!condition()) {
        if (std::chrono::steady_clock::now() > deadline) return false;
        std::this_thread::sleep_for(2ms);
    }
    return true;
}

// Counts the channels it opened and closed, and keeps every sink of the room for broadcasts.
class ChannelApplication : public kc::web::Application {
  public:
    void handle(kc::web::Request request, kc::web::Respond respond) override {
        kc::web::Response response;
        response.content_type = "text/plain; charset=utf-8";
        response.body = "gewoon " + request.method + " " + request.path;
        respond(std::move(response));
    }

    kc::web::ChannelOpening open_channel(const kc::web::Request& request, kc::web::ChannelKind kind,
                                         std::shared_ptr<kc::web::ChannelSink> sink) override {
        if (request.path == "/live/verboden") {
            kc::web::ChannelOpening refused;
            refused.refusal.status = 403;
            refused.refusal.content_type = "text/plain; charset=utf-8";
            refused.refusal.body = "Geen toegang.";
            return refused;
        }
        if (request.path == "/live/echo" && kind == kc::web::ChannelKind::websocket) {
            // Used at once, before the handshake is even written.
            sink->send(shared_text("welkom"));
            ++opened;
            return {std::make_shared<EchoChannel>(std::move(sink), *this), {}};
        }
        if (request.path == "/live/zaal") {
            {
                std::lock_guard lock(mutex_);
                room_.push_back(sink);
            }
            ++opened;
            return {std::make_shared<EchoChannel>(std::move(sink), *this), {}};
        }
        return Application::open_channel(request, kind, std::move(sink));
    }

    void broadcast(const std::string& text) {
        const auto message = shared_text(text);
        std::lock_guard lock(mutex_);
        for (const auto& sink : room_) sink->send(message);
    }

    std::vector<std::shared_ptr<kc::web::ChannelSink>> room() {
        std::lock_guard lock(mutex_);
        return room_;
    }

    std::atomic<int> opened{0};
    std::atomic<int> closed{0};
    std::atomic<int> closed_twice{0};

  private:
    // Echoes every message; "doei" gets a goodbye and closes the channel.
    class EchoChannel : public kc::web::Channel {
      public:
        EchoChannel(std::shared_ptr<kc::web::ChannelSink> sink, ChannelApplication& application)
            : sink_(std::move(sink)), application_(application) {}

        void on_message(std::string message) override {
            if (message == "doei") {
                sink_->send(shared_text("tot ziens"));
                sink_->close("klaar");
                return;
            }
            sink_->send(shared_text("echo: " + message));
        }

        void on_close() override {
            if (was_closed_) ++application_.closed_twice;
            was_closed_ = true;
            ++application_.closed;
        }

      private:
        std::shared_ptr<kc::web::ChannelSink> sink_;
        ChannelApplication& application_;
        bool was_closed_ = false;
    };

    std::mutex mutex_;
    std::vector<std::shared_ptr<kc::web::ChannelSink>> room_;
};

class HttpChannelTest : public ::testing::Test {
  protected:
    void SetUp() override {
        kc::http::ServerOptions options;
        options.port = 0;
        options.threads = 2;
        options.shutdown_grace = 2000ms;
        // Ten times a second, so that a ping comes after half a second of silence and a
        // silent WebSocket is closed after a second.
        options.channel_sweep_interval = 100ms;
        std::string error;
        server_ = kc::http::Server::start(options, application_, error);
        ASSERT_NE(server_, nullptr) << error;
    }

    std::uint16_t port() const { return server_->port(); }

    // Declared before the server, which must not outlive it.
    ChannelApplication application_;
    std::unique_ptr<kc::http::Server> server_;
};

TEST_F(HttpChannelTest, WebSocketCarriesMessagesBothWays) {
    LiveClient client(port());
    ASSERT_EQ(client.connect("/live/echo"), switching_protocols);
    EXPECT_EQ(client.receive(), "welkom");
    ASSERT_TRUE(client.send("hallo"));
    EXPECT_EQ(client.receive(), "echo: hallo");
    ASSERT_TRUE(client.send("nog een"));
    EXPECT_EQ(client.receive(), "echo: nog een");
}

TEST_F(HttpChannelTest, RefusedUpgradeGetsTheRefusalStatusAndBody) {
    LiveClient forbidden(port());
    EXPECT_EQ(forbidden.connect("/live/verboden", {{"Origin", "http://elders.example"}}), 403);
    EXPECT_EQ(forbidden.refusal_body(), "Geen toegang.");

    LiveClient unknown(port());
    EXPECT_EQ(unknown.connect("/live/onbekend"), 404);
    EXPECT_EQ(unknown.refusal_body(), "Hier is geen live verbinding.");
    EXPECT_EQ(application_.opened, 0);
}

TEST_F(HttpChannelTest, ApplicationCloseComesAfterTheQueuedMessages) {
    LiveClient client(port());
    ASSERT_EQ(client.connect("/live/echo"), switching_protocols);
    EXPECT_EQ(client.receive(), "welkom");
    ASSERT_TRUE(client.send("doei"));
    EXPECT_EQ(client.receive(), "tot ziens");
    EXPECT_EQ(client.receive(), std::nullopt);
    EXPECT_EQ(client.close_code(), close_normal);
    EXPECT_TRUE(eventually([&] { return application_.closed == 1; }));
}

TEST_F(HttpChannelTest, SendFromAnotherThreadArrives) {
    LiveClient client(port());
    ASSERT_EQ(client.connect("/live/zaal"), switching_protocols);
    ASSERT_TRUE(eventually([&] { return application_.room().size() == 1; }));
    std::thread([sink = application_.room().front()] {
        sink->send(shared_text("van elders"));
    }).join();
    EXPECT_EQ(client.receive(), "van elders");
}

TEST_F(HttpChannelTest, OnCloseIsCalledOnceWhenTheClientCloses) {
    LiveClient closing(port());
    LiveClient vanishing(port());
    ASSERT_EQ(closing.connect("/live/echo"), switching_protocols);
    ASSERT_EQ(vanishing.connect("/live/echo"), switching_protocols);
    closing.close();
    vanishing.disconnect();
    EXPECT_TRUE(eventually([&] { return application_.closed == 2; }));
    server_->stop();
    EXPECT_EQ(application_.closed, 2);
    EXPECT_EQ(application_.closed_twice, 0);
}

TEST_F(HttpChannelTest, ASilentWebSocketIsPingedAndStaysOpenWhileItAnswers) {
    LiveClient client(port());
    ASSERT_EQ(client.connect("/live/echo"), switching_protocols);
    EXPECT_EQ(client.receive(), "welkom");
    // Reading answers each ping with a pong, which counts as hearing from the phone.
    EXPECT_EQ(client.receive(2500ms), std::nullopt);
    EXPECT_GE(client.pings_received(), 2);
    EXPECT_FALSE(client.ended());
    ASSERT_TRUE(client.send("nog hier"));
    EXPECT_EQ(client.receive(), "echo: nog hier");
    EXPECT_EQ(application_.closed, 0);
}

TEST_F(HttpChannelTest, AWebSocketThatAnswersNothingIsClosedAfterTenSweeps) {
    LiveClient client(port());
    ASSERT_EQ(client.connect("/live/echo"), switching_protocols);
    EXPECT_EQ(client.receive(), "welkom");
    // Not reading, like a phone whose network went away: no pong goes back.
    std::this_thread::sleep_for(1500ms);
    EXPECT_TRUE(eventually([&] { return application_.closed == 1; }));
    while (client.receive(1000ms)) {
    }
    EXPECT_TRUE(client.ended());
}

TEST_F(HttpChannelTest, SinkOfAnEndedChannelDoesNothing) {
    LiveClient client(port());
    ASSERT_EQ(client.connect("/live/zaal"), switching_protocols);
    ASSERT_TRUE(eventually([&] { return application_.room().size() == 1; }));
    client.disconnect();
    ASSERT_TRUE(eventually([&] { return application_.closed == 1; }));
    const auto sink = application_.room().front();
    sink->send(shared_text("te laat"), "stand");
    sink->close("te laat");
    server_.reset();
    sink->send(shared_text("nog later"));
    sink->close();
    EXPECT_EQ(application_.closed, 1);
}

TEST_F(HttpChannelTest, StopClosesOpenChannelsAndCallsOnClose) {
    LiveClient web_socket(port());
    LiveClient event_stream(port());
    ASSERT_EQ(web_socket.connect("/live/zaal"), switching_protocols);
    ASSERT_EQ(event_stream.open_event_stream("/live/zaal"), 200);
    ASSERT_TRUE(eventually([&] { return application_.opened == 2; }));

    std::jthread stopping([&] { server_->stop(); });
    EXPECT_EQ(web_socket.receive(), std::nullopt);
    EXPECT_EQ(web_socket.close_code(), close_going_away);
    EXPECT_EQ(event_stream.next_event(), std::nullopt);
    EXPECT_TRUE(event_stream.ended());
    stopping.join();
    EXPECT_EQ(application_.closed, 2);
    EXPECT_EQ(application_.closed_twice, 0);
}

TEST_F(HttpChannelTest, EventStreamDeliversDataEvents) {
    LiveClient client(port());
    ASSERT_EQ(client.open_event_stream("/live/zaal"), 200);
    EXPECT_EQ(client.response_header("content-type"), "text/event-stream");
    EXPECT_EQ(client.response_header("cache-control"), "no-cache");
    EXPECT_EQ(client.response_header("x-accel-buffering"), "no");
    EXPECT_EQ(client.response_header("connection"), "close");
    EXPECT_EQ(client.response_header("content-length"), "");
    ASSERT_TRUE(eventually([&] { return application_.room().size() == 1; }));

    application_.broadcast("eerste");
    application_.broadcast("regel 1\nregel 2\r\nregel 3\rregel 4");
    EXPECT_EQ(client.next_event(), "eerste");
    EXPECT_EQ(client.next_event(), "regel 1\nregel 2\nregel 3\nregel 4");
}

TEST_F(HttpChannelTest, EventStreamCallsOnCloseWhenTheClientLeaves) {
    LiveClient client(port());
    ASSERT_EQ(client.open_event_stream("/live/zaal"), 200);
    ASSERT_TRUE(eventually([&] { return application_.opened == 1; }));
    client.disconnect();
    EXPECT_TRUE(eventually([&] { return application_.closed == 1; }));
}

TEST_F(HttpChannelTest, HeadOrPostWithUpgradeIsAnOrdinaryRequest) {
    const std::vector<std::string> upgrade = {
        "Upgrade: websocket", "Connection: Upgrade",
        "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==", "Sec-WebSocket-Version: 13"};
    const auto head = kc::testing::http_request(port(), "HEAD", "/live/echo", "", upgrade);
    EXPECT_EQ(head.status, 200);
    EXPECT_EQ(head.body, "");
    const auto post = kc::testing::http_request(port(), "POST", "/live/echo", "", upgrade);
    EXPECT_EQ(post.status, 200);
    EXPECT_EQ(post.body, "gewoon POST /live/echo");
    EXPECT_EQ(application_.opened, 0);
}

TEST_F(HttpChannelTest, ThreeHundredWebSocketsAllReceiveOneBroadcast) {
    constexpr std::size_t client_count = 300;
    std::vector<std::unique_ptr<LiveClient>> clients;
    for (std::size_t index = 0; index < client_count; ++index) {
        clients.push_back(std::make_unique<LiveClient>(port()));
        ASSERT_EQ(clients.back()->connect("/live/zaal"), switching_protocols);
    }
    ASSERT_TRUE(eventually([&] { return application_.room().size() == client_count; }));
    application_.broadcast("voor iedereen");
    for (const auto& client : clients) EXPECT_EQ(client->receive(), "voor iedereen");
}

}  // namespace
