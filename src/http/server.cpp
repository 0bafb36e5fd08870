// The only translation unit that includes Beast: its headers cost ~30 s and 0.8 GB each.
#include "http/server.hpp"

#include <fmt/format.h>
#include <spdlog/spdlog.h>
#include <unistd.h>

#include <algorithm>
#include <array>
#include <atomic>
#include <boost/asio/as_tuple.hpp>
#include <boost/asio/co_spawn.hpp>
#include <boost/asio/executor_work_guard.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/post.hpp>
#include <boost/asio/signal_set.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/this_coro.hpp>
#include <boost/asio/use_awaitable.hpp>
#include <boost/asio/write.hpp>
#include <boost/beast/core/basic_stream.hpp>
#include <boost/beast/core/error.hpp>
#include <boost/beast/core/flat_buffer.hpp>
#include <boost/beast/core/string.hpp>
#include <boost/beast/http/empty_body.hpp>
#include <boost/beast/http/error.hpp>
#include <boost/beast/http/message.hpp>
#include <boost/beast/http/parser.hpp>
#include <boost/beast/http/read.hpp>
#include <boost/beast/http/string_body.hpp>
#include <boost/beast/http/write.hpp>
#include <boost/beast/websocket/rfc6455.hpp>
#include <boost/beast/websocket/stream.hpp>
#include <chrono>
#include <condition_variable>
#include <csignal>
#include <exception>
#include <functional>
#include <list>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <system_error>
#include <thread>
#include <utility>
#include <vector>

#include "http/outbox.hpp"
#include "http/request_target.hpp"

namespace kc::http {

namespace {

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace bhttp = boost::beast::http;
namespace websocket = boost::beast::websocket;
using tcp = asio::ip::tcp;

// Every io_context is run by exactly one thread, so sessions need no strand and can use the
// context's own executor type instead of a type-erased one.
using Stream = beast::basic_stream<tcp, asio::io_context::executor_type>;
using RequestParser = bhttp::request_parser<bhttp::string_body>;
using BeastRequest = bhttp::request<bhttp::string_body>;
using BeastResponse = bhttp::response<bhttp::string_body>;

constexpr auto nothrow_awaitable = asio::as_tuple(asio::use_awaitable);

constexpr std::string_view server_name = "Kenniscafe";
constexpr std::string_view plain_text_type = "text/plain; charset=utf-8";
constexpr std::string_view continue_response = "HTTP/1.1 100 Continue\r\n\r\n";
constexpr int listen_backlog = 4096;
constexpr unsigned default_http_version = 11;

// After an error response the connection closes, but the client may still be sending the
// request body; see close_after_rejection().
constexpr std::chrono::seconds rejection_linger_time{1};
constexpr std::size_t rejection_linger_bytes = 256 * 1024;
constexpr std::size_t discard_chunk_bytes = 16 * 1024;

// Running out of file descriptors makes accept fail immediately again; pausing keeps the
// accept loop from spinning until connections close.
constexpr std::chrono::milliseconds accept_failure_pause{50};

// A WebSocket that stays silent for five sweeps (ServerOptions::channel_sweep_interval; 20 to
// 25 s) gets a ping, within the 60 s after which common proxies (nginx's default) cut a silent
// connection; one still silent after ten (45 to 50 s) has vanished without closing and is
// closed.
constexpr int websocket_ping_after_sweeps = 5;
constexpr int websocket_close_after_sweeps = 10;

// A channel message is one question or vote, so 64 KiB is plenty; the limit also caps the read
// buffer a client can make the server hold.
constexpr std::size_t max_channel_message_bytes = 64 * 1024;
// A channel message is read in pieces of this size, large enough for most in one.
constexpr std::size_t channel_read_piece_bytes = 256;
// A WebSocket close frame carries at most 123 bytes of reason.
constexpr std::size_t max_close_reason_bytes = 123;
// Proxies and phones drop a connection that stays silent for about a minute, so an event
// stream that wrote nothing for three sweeps (15 s) gets a comment line well within that.
constexpr int event_stream_heartbeat_after_sweeps = 3;
constexpr std::string_view event_stream_heartbeat = ": \n\n";
// An event stream's client sends nothing after its request; what it sends anyway is read in
// chunks this small and ignored.
constexpr std::size_t ignored_input_chunk_bytes = 512;

web::Response plain_text_response(int status, std::string_view text) {
    web::Response response;
    response.status = status;
    response.content_type = plain_text_type;
    response.body = text;
    return response;
}

web::Response internal_error_response() {
    return plain_text_response(500, "Er ging iets mis aan onze kant. Probeer het later opnieuw.");
}

struct SessionSettings {
    std::size_t max_body_bytes;
    std::size_t max_upload_body_bytes;
    std::uint32_t max_header_bytes;
    std::chrono::steady_clock::duration idle_timeout;
    std::chrono::steady_clock::duration channel_sweep_interval;
};

// What the shutdown code needs to know about a live session.
struct SessionControl {
    Stream* stream;
    bool waiting_for_request = false;
};

class ChannelConnection;

// One io_context with the single thread that runs it, and the sessions and channels living on
// it. Shared ownership lets a late Respond or ChannelSink call (after the Server is gone) still
// post to a living context; the context's destructor then destroys the coroutine frames it
// holds.
class IoWorker : public std::enable_shared_from_this<IoWorker> {
  public:
    IoWorker(web::Application& application_to_serve, const SessionSettings& session_settings)
        : application(application_to_serve), settings(session_settings) {}

    // Runs on this worker's thread: later requests close their connection, connections that
    // wait for a next request are closed now, and channels are closed after what they queued.
    void begin_draining();

    // Hands a message (or, with a null message, the close) for one of this worker's channels
    // over from any other thread. Deliveries that arrive together (the acknowledgements of one
    // durable write, a broadcast to every phone) are gathered and run by one posted handler, so
    // a burst wakes the thread once instead of once per connection. They are plain records in
    // a vector that keeps its capacity, not one allocated closure each: the thread that frees a
    // closure would not be the one that made it, which costs the allocator more than the copy.
    void deliver_from_elsewhere(std::weak_ptr<ChannelConnection> connection,
                                Outbox::Message message, std::string_view text) {
        bool wake = false;
        {
            std::lock_guard lock(mailbox_mutex_);
            mailbox_.push_back({std::move(connection), std::move(message), std::string(text)});
            wake = !mailbox_posted_;
            mailbox_posted_ = true;
        }
        if (!wake) return;
        asio::post(context, [worker = weak_from_this()] {
            if (const auto living = worker.lock()) living->run_mailbox();
        });
    }

    web::Application& application;
    const SessionSettings settings;
    // Declared before the context so that coroutine frames destroyed by the context's
    // destructor can still unregister themselves.
    std::list<SessionControl*> sessions;
    std::list<ChannelConnection*> channels;
    bool draining = false;
    bool sweeping_channels = false;
    asio::io_context context{1};
    asio::executor_work_guard<asio::io_context::executor_type> keep_running{context.get_executor()};
    // One timer for all channels on this thread, instead of one per connection.
    asio::steady_timer sweep_timer{context};

  private:
    // A message for a channel, or its close when `message` is null.
    struct Delivery {
        std::weak_ptr<ChannelConnection> connection;
        Outbox::Message message;
        std::string text;  // the message's slot, or the close's reason
    };

    void run_mailbox();

    std::mutex mailbox_mutex_;
    std::vector<Delivery> mailbox_;
    // The deliveries being run; swapped with the mailbox so that both keep their capacity.
    std::vector<Delivery> running_;
    bool mailbox_posted_ = false;
};

// Completion of a detached session, channel coroutine or accept loop: an escaped exception is
// logged, never thrown out of io_context::run().
struct LogCoroutineFailure {
    void operator()(std::exception_ptr failure) const {
        if (!failure) return;
        try {
            std::rethrow_exception(failure);
        } catch (const std::exception& exception) {
            spdlog::error("An HTTP coroutine failed: {}", exception.what());
        } catch (...) {
            spdlog::error("An HTTP coroutine failed with an unknown exception");
        }
    }
};

// Unregisters a session from its worker however the session coroutine ends.
class SessionRegistration {
  public:
    SessionRegistration(std::list<SessionControl*>& sessions, SessionControl& control)
        : sessions_(sessions), position_(sessions.insert(sessions.end(), &control)) {}
    ~SessionRegistration() { sessions_.erase(position_); }

    SessionRegistration(const SessionRegistration&) = delete;
    SessionRegistration& operator=(const SessionRegistration&) = delete;

  private:
    std::list<SessionControl*>& sessions_;
    std::list<SessionControl*>::iterator position_;
};

// Carries a response from whichever thread calls Respond to the session coroutine that waits
// for it. A handler usually responds before handle() returns; then the session picks the
// response up without suspending. Otherwise the session parks its completion handler here.
class ResponseState {
  public:
    void complete(web::Response response) {
        std::unique_ptr<Waiter> waiter;
        {
            std::lock_guard lock(mutex_);
            if (completed_) {
                spdlog::error("A request handler called Respond twice; the second call is ignored");
                return;
            }
            completed_ = true;
            if (!waiter_) {
                response_ = std::move(response);
                return;
            }
            waiter = std::move(waiter_);
        }
        waiter->resume(std::move(response));
    }

    // Called when the last copy of the Respond is destroyed, so that a forgotten response
    // becomes a 500 instead of a connection that hangs forever.
    void complete_if_abandoned() {
        {
            std::lock_guard lock(mutex_);
            if (completed_) return;
        }
        spdlog::error("A request handler dropped its Respond without calling it");
        complete(internal_error_response());
    }

    std::optional<web::Response> take_if_ready() {
        std::lock_guard lock(mutex_);
        return std::exchange(response_, std::nullopt);
    }

    template <typename Handler>
    void await(Handler handler, std::shared_ptr<IoWorker> worker) {
        std::optional<web::Response> ready;
        {
            std::lock_guard lock(mutex_);
            if (!response_) {
                waiter_ =
                    std::make_unique<WaiterFor<Handler>>(std::move(handler), std::move(worker));
                return;
            }
            ready = std::exchange(response_, std::nullopt);
        }
        WaiterFor<Handler>(std::move(handler), std::move(worker)).resume(std::move(*ready));
    }

    void add_responder() { responders_.fetch_add(1, std::memory_order_relaxed); }

    void release_responder() {
        if (responders_.fetch_sub(1, std::memory_order_acq_rel) == 1) complete_if_abandoned();
    }

  private:
    struct Waiter {
        virtual ~Waiter() = default;
        virtual void resume(web::Response response) = 0;
    };

    template <typename Handler>
    struct WaiterFor final : Waiter {
        WaiterFor(Handler waiting_handler, std::shared_ptr<IoWorker> owning_worker)
            : worker(std::move(owning_worker)),
              executor(asio::prefer(asio::get_associated_executor(waiting_handler),
                                    asio::execution::outstanding_work.tracked)),
              handler(std::move(waiting_handler)) {}

        // Always posts, never runs the session inline: Respond may be called on any thread.
        void resume(web::Response response) override {
            asio::post(executor,
                       [handler = std::move(handler), response = std::move(response)]() mutable {
                           std::move(handler)(std::move(response));
                       });
        }

        // The worker is declared first so that its context outlives the handler, and the
        // tracked executor keeps the context from running out of work while a session waits
        // (also during a graceful shutdown).
        std::shared_ptr<IoWorker> worker;
        asio::any_io_executor executor;
        Handler handler;
    };

    std::mutex mutex_;
    bool completed_ = false;
    std::optional<web::Response> response_;
    std::unique_ptr<Waiter> waiter_;
    std::atomic<int> responders_{0};
};

// The target of every web::Respond: counts its copies, so that the state learns when the
// last one is gone.
class RespondToSession {
  public:
    explicit RespondToSession(std::shared_ptr<ResponseState> state) : state_(std::move(state)) {
        state_->add_responder();
    }
    RespondToSession(const RespondToSession& other) : state_(other.state_) {
        state_->add_responder();
    }
    RespondToSession(RespondToSession&& other) noexcept : state_(std::move(other.state_)) {}
    RespondToSession& operator=(const RespondToSession&) = delete;
    RespondToSession& operator=(RespondToSession&&) = delete;
    ~RespondToSession() {
        if (state_) state_->release_responder();
    }

    void operator()(web::Response response) const { state_->complete(std::move(response)); }

  private:
    std::shared_ptr<ResponseState> state_;
};

template <typename CompletionToken>
auto async_wait_for_response(std::shared_ptr<ResponseState> state, std::shared_ptr<IoWorker> worker,
                             CompletionToken&& token) {
    return asio::async_initiate<CompletionToken, void(web::Response)>(
        [](auto handler, std::shared_ptr<ResponseState> waiting_state,
           std::shared_ptr<IoWorker> owning_worker) {
            waiting_state->await(std::move(handler), std::move(owning_worker));
        },
        token, std::move(state), std::move(worker));
}

asio::awaitable<web::Response> ask_application(IoWorker& worker, web::Request request) {
    auto state = std::make_shared<ResponseState>();
    try {
        worker.application.handle(std::move(request), web::Respond(RespondToSession(state)));
    } catch (const std::exception& failure) {
        // The Respond passed in is destroyed by now; unless the handler kept a copy, the
        // state has completed with a 500 already.
        spdlog::error("A request handler threw: {}", failure.what());
    }
    if (auto ready = state->take_if_ready()) co_return std::move(*ready);
    co_return co_await async_wait_for_response(std::move(state), worker.shared_from_this(),
                                               asio::use_awaitable);
}

std::string remote_address_of(const Stream::socket_type& socket) {
    beast::error_code error;
    const auto endpoint = socket.remote_endpoint(error);
    return error ? std::string() : endpoint.address().to_string();
}

std::string lower_case(std::string_view text) {
    std::string lowered(text);
    std::transform(lowered.begin(), lowered.end(), lowered.begin(), [](unsigned char character) {
        return static_cast<char>(character >= 'A' && character <= 'Z' ? character + ('a' - 'A')
                                                                      : character);
    });
    return lowered;
}

web::Request to_web_request(BeastRequest& message, RequestTarget target,
                            const std::string& remote_address) {
    web::Request request;
    // HEAD is answered like GET without a body, so handlers only ever see GET.
    request.method = message.method() == bhttp::verb::head ? std::string("GET")
                                                           : std::string(message.method_string());
    request.path = std::move(target.path);
    request.query = std::move(target.query);
    request.headers.reserve(
        static_cast<std::size_t>(std::distance(message.begin(), message.end())));
    for (const auto& field : message) {
        request.headers.emplace_back(lower_case(field.name_string()), std::string(field.value()));
    }
    request.body = std::move(message.body());
    request.remote_address = remote_address;
    return request;
}

bool equals_ignoring_case(std::string_view left, std::string_view right) {
    return beast::iequals(left, right);
}

// Headers the server writes itself, and values that would split the response in two, are
// refused so that a handler cannot produce a malformed response.
bool is_acceptable_extra_header(std::string_view name, std::string_view value) {
    if (equals_ignoring_case(name, "content-length") ||
        equals_ignoring_case(name, "transfer-encoding") ||
        equals_ignoring_case(name, "connection")) {
        return false;
    }
    const auto has_line_break = [](std::string_view text) {
        return text.find_first_of("\r\n") != std::string_view::npos;
    };
    return !name.empty() && !has_line_break(name) && !has_line_break(value);
}

bool status_allows_body(int status) { return status != 204 && status != 304; }

// How a response is framed: whether the connection stays open after it, and whether the body
// is sent (not for HEAD).
struct Framing {
    unsigned version = default_http_version;
    enum class Connection { keep_alive, close } connection = Connection::close;
    enum class Body { send, omit } body = Body::send;
};

BeastResponse to_beast_response(web::Response response, const Framing& framing) {
    if (response.status < 200 || response.status > 599) {
        spdlog::error("A request handler returned the invalid status {}", response.status);
        response = internal_error_response();
    }
    BeastResponse message;
    message.version(framing.version);
    message.result(static_cast<unsigned>(response.status));
    message.set(bhttp::field::server, server_name);
    for (const auto& [name, value] : response.headers) {
        if (!is_acceptable_extra_header(name, value)) {
            spdlog::error("A request handler set the header '{}', which the server refuses", name);
            continue;
        }
        message.insert(name, value);
    }
    message.keep_alive(framing.connection == Framing::Connection::keep_alive);
    if (!status_allows_body(response.status)) return message;

    if (!response.content_type.empty()) {
        message.set(bhttp::field::content_type, response.content_type);
    }
    // A HEAD response announces the length of the body a GET would get, without sending it.
    message.content_length(response.body.size());
    if (framing.body == Framing::Body::send) message.body() = std::move(response.body);
    return message;
}

asio::awaitable<beast::error_code> write_response(Stream& stream, const SessionSettings& settings,
                                                  web::Response response, Framing framing) {
    BeastResponse message = to_beast_response(std::move(response), framing);
    stream.expires_after(settings.idle_timeout);
    auto [error, bytes_written] = co_await bhttp::async_write(stream, message, nothrow_awaitable);
    co_return error;
}

bool client_expects_continue(const BeastRequest& message) {
    const auto expect = message.find(bhttp::field::expect);
    return expect != message.end() && equals_ignoring_case(expect->value(), "100-continue");
}

// Whether the application takes an upload with this request, and so a larger body.
bool takes_upload(const web::Application& application, const BeastRequest& message) {
    const auto target = parse_request_target(message.target());
    return target &&
           application.takes_upload(std::string_view(message.method_string()), target->path);
}

// Reads one request: the header first, so that an oversized body is refused before it is
// read and a client waiting for "100 Continue" gets it. The parser starts with the upload
// limit and is narrowed to the usual one once the header shows the request is no upload.
asio::awaitable<beast::error_code> read_request(Stream& stream, beast::flat_buffer& buffer,
                                                RequestParser& parser, SessionControl& control,
                                                const IoWorker& worker) {
    parser.body_limit(worker.settings.max_upload_body_bytes);
    control.waiting_for_request = true;
    auto [header_error, header_bytes] =
        co_await bhttp::async_read_header(stream, buffer, parser, nothrow_awaitable);
    control.waiting_for_request = false;
    if (header_error || parser.is_done()) co_return header_error;
    if (!takes_upload(worker.application, parser.get())) {
        const auto length = parser.content_length();
        if (length && *length > worker.settings.max_body_bytes) {
            co_return beast::error_code(bhttp::error::body_limit);
        }
        parser.body_limit(worker.settings.max_body_bytes);
    }

    if (client_expects_continue(parser.get())) {
        auto [continue_error, continue_bytes] = co_await asio::async_write(
            stream, asio::buffer(continue_response.data(), continue_response.size()),
            nothrow_awaitable);
        if (continue_error) co_return continue_error;
    }
    auto [body_error, body_bytes] =
        co_await bhttp::async_read(stream, buffer, parser, nothrow_awaitable);
    co_return body_error;
}

// The answer to a request that could not be read, or nullopt when the connection should
// simply close (the client left, timed out, or the server is stopping).
std::optional<web::Response> rejection_for(const beast::error_code& error) {
    if (error == bhttp::error::body_limit) {
        return plain_text_response(413, "Het verzoek is te groot.");
    }
    if (error == bhttp::error::header_limit) {
        return plain_text_response(431, "De kopregels van het verzoek zijn te groot.");
    }
    const bool is_parse_error =
        error.category() == bhttp::make_error_code(bhttp::error::bad_method).category();
    if (is_parse_error && error != bhttp::error::end_of_stream &&
        error != bhttp::error::partial_message) {
        return plain_text_response(400, "Ongeldig verzoek.");
    }
    return std::nullopt;
}

void shut_down_sending(Stream& stream) {
    beast::error_code ignored;
    stream.socket().shutdown(tcp::socket::shutdown_send, ignored);
}

// Closing a socket that still has unread request bytes makes the kernel send a reset, which
// can destroy the error response before the client reads it. So stop sending, then read and
// discard what the client still sends, for a bounded time and amount.
asio::awaitable<void> close_after_rejection(Stream& stream, beast::flat_buffer& buffer) {
    shut_down_sending(stream);
    stream.expires_after(rejection_linger_time);
    std::size_t discarded_bytes = 0;
    while (discarded_bytes < rejection_linger_bytes) {
        buffer.clear();
        auto [error, bytes_read] =
            co_await stream.async_read_some(buffer.prepare(discard_chunk_bytes), nothrow_awaitable);
        if (error) break;
        discarded_bytes += bytes_read;
    }
}

asio::awaitable<void> reject_and_close(Stream& stream, beast::flat_buffer& buffer,
                                       const SessionSettings& settings, web::Response rejection,
                                       unsigned version) {
    const beast::error_code write_error =
        co_await write_response(stream, settings, std::move(rejection), Framing{version});
    if (!write_error) co_await close_after_rejection(stream, buffer);
}

std::string_view path_for_log(std::string_view target) {
    return target.substr(0, target.find('?'));
}

// Long-lived channels (WebSocket and server-sent events). A channel is a ChannelConnection
// shared by two coroutines: a reader that lives as long as the connection, and a writer that
// exists only while the outbox has something to write, so that one write is in flight at a
// time and an idle connection costs no writer frame. The application only gets a
// ConnectionSink, which holds weak pointers, so a sink kept after the connection ended does
// nothing. Everything but the sink runs on the connection's io thread.

// How the server closes a channel: for a WebSocket, the close frame's code and reason.
struct CloseRequest {
    websocket::close_code code;
    std::string reason;
};

asio::awaitable<void> sweep_channels(IoWorker& worker);

class ChannelConnection : public std::enable_shared_from_this<ChannelConnection> {
  public:
    explicit ChannelConnection(IoWorker& worker)
        : worker_(worker), registration_(worker.channels.insert(worker.channels.end(), this)) {}

    // The destructor also tells the application when the connection did not end by itself,
    // e.g. when the io_context is destroyed after the shutdown grace period.
    virtual ~ChannelConnection() {
        notify_closed();
        worker_.channels.erase(registration_);
    }

    ChannelConnection(const ChannelConnection&) = delete;
    ChannelConnection& operator=(const ChannelConnection&) = delete;

    // Takes over the connection once the application has accepted the channel.
    virtual void start(std::shared_ptr<web::Channel> channel, Stream stream,
                       BeastRequest request) = 0;

    void send(Outbox::Message message, std::string_view slot) {
        if (ended_ || close_request_) return;
        outbox_.push(std::move(message), slot);
        write_if_needed();
    }

    // The first close wins; messages sent after it are dropped.
    void close(CloseRequest request) {
        if (ended_ || close_request_) return;
        close_request_ = std::move(request);
        write_if_needed();
    }

    void close_for_draining() {
        close(CloseRequest{websocket::close_code::going_away, "De server stopt."});
    }

    // Called every `channel_sweep_interval` by the io thread's sweep.
    virtual void on_sweep() = 0;

  protected:
    // Starts the io thread's sweep unless it runs already; it ends once no channel is left.
    void start_sweeping() {
        if (worker_.sweeping_channels || worker_.draining) return;
        worker_.sweeping_channels = true;
        asio::co_spawn(worker_.context, sweep_channels(worker_), LogCoroutineFailure{});
    }

    // The handshake or response header is written: queued messages may follow.
    void opened() {
        open_ = true;
        write_if_needed();
    }

    void deliver(std::string message) {
        if (ended_) return;
        try {
            channel_->on_message(std::move(message));
        } catch (const std::exception& failure) {
            spdlog::error("A channel's on_message threw: {}", failure.what());
            close(CloseRequest{websocket::close_code::internal_error, {}});
        }
    }

    // Called by the reader once the client has gone; stops a writer that may be stuck.
    void finished() {
        close_transport();
        notify_closed();
    }

    // Start writing one message, or the close; the completion calls written(). Plain
    // completion handlers rather than a coroutine per write: an acknowledgement is one short
    // write to a connection that is idle otherwise, and spawning a coroutine for each cost
    // more than the write's own work in Asio and Beast.
    virtual void write_message(Outbox::Message message) = 0;
    virtual void write_close(const CloseRequest& request) = 0;
    virtual void close_transport() = 0;

    // This connection as the class that completes its writes, which calls written().
    template <typename Derived>
    std::shared_ptr<Derived> self_as() {
        return std::static_pointer_cast<Derived>(shared_from_this());
    }

    // The write started last has ended; the next one follows, one in flight at a time.
    void written(const beast::error_code& error) {
        if (error) {
            close_transport();
            writing_ = false;
            return;
        }
        write_next();
    }

    IoWorker& worker_;
    std::shared_ptr<web::Channel> channel_;
    Outbox outbox_;
    bool open_ = false;

  private:
    void write_if_needed() {
        const bool close_pending = close_request_ && !close_written_;
        if (!open_ || writing_ || ended_ || (outbox_.empty() && !close_pending)) return;
        writing_ = true;
        write_next();
    }

    // The writer: the queued messages in order, then the close.
    void write_next() {
        if (!ended_ && !outbox_.empty()) return write_message(outbox_.pop());
        if (!ended_ && close_request_ && !close_written_) {
            close_written_ = true;
            return write_close(*close_request_);
        }
        writing_ = false;
    }

    void notify_closed() {
        if (ended_) return;
        ended_ = true;
        outbox_.clear();
        if (const std::shared_ptr<web::Channel> channel = std::move(channel_)) {
            try {
                channel->on_close();
            } catch (const std::exception& failure) {
                spdlog::error("A channel's on_close threw: {}", failure.what());
            }
        }
    }

    std::list<ChannelConnection*>::iterator registration_;
    std::optional<CloseRequest> close_request_;
    bool writing_ = false;
    bool close_written_ = false;
    bool ended_ = false;
};

void IoWorker::begin_draining() {
    draining = true;
    keep_running.reset();
    sweep_timer.cancel();
    for (SessionControl* session : sessions) {
        if (session->waiting_for_request) session->stream->cancel();
    }
    // Step past each channel before closing it, in case closing ends it at once.
    for (auto next = channels.begin(); next != channels.end();) (*next++)->close_for_draining();
}

// A message for the channel, or its close when `message` is null; on the channel's io thread.
void deliver_to(ChannelConnection& connection, Outbox::Message message, std::string_view text) {
    if (message) return connection.send(std::move(message), text);
    connection.close(CloseRequest{websocket::close_code::normal, std::string(text)});
}

void IoWorker::run_mailbox() {
    {
        std::lock_guard lock(mailbox_mutex_);
        running_.swap(mailbox_);
        mailbox_posted_ = false;
    }
    for (auto& delivery : running_) {
        if (const auto living = delivery.connection.lock()) {
            deliver_to(*living, std::move(delivery.message), delivery.text);
        }
    }
    running_.clear();
}

// The application's handle on a channel, usable from any thread.
class ConnectionSink final : public web::ChannelSink {
  public:
    ConnectionSink(std::weak_ptr<IoWorker> worker, std::weak_ptr<ChannelConnection> connection)
        : worker_(std::move(worker)), connection_(std::move(connection)) {}

    void send(std::shared_ptr<const std::string> message, std::string_view slot) override {
        if (message) on_io_thread(std::move(message), slot);
    }

    void close(std::string_view reason) override { on_io_thread(nullptr, reason); }

  private:
    // Holding the worker while posting keeps its context from being destroyed meanwhile; a
    // delivery that never runs is destroyed with the context.
    void on_io_thread(Outbox::Message message, std::string_view text) {
        const std::shared_ptr<IoWorker> worker = worker_.lock();
        if (!worker) return;
        if (worker->context.get_executor().running_in_this_thread()) {
            if (const auto connection = connection_.lock()) {
                deliver_to(*connection, std::move(message), text);
            }
            return;
        }
        worker->deliver_from_elsewhere(connection_, std::move(message), text);
    }

    const std::weak_ptr<IoWorker> worker_;
    const std::weak_ptr<ChannelConnection> connection_;
};

// Cuts a close reason to what a close frame holds, without splitting a UTF-8 character.
std::string_view close_reason_text(std::string_view reason) {
    if (reason.size() <= max_close_reason_bytes) return reason;
    std::size_t length = max_close_reason_bytes;
    while (length > 0 && (static_cast<unsigned char>(reason[length]) & 0xC0U) == 0x80U) --length;
    return reason.substr(0, length);
}

// Permessage-deflate is compiled out: it costs about ten times the memory per connection. The
// WebSocket sits on the bare socket, not on Beast's tcp_stream: its own timer keeps the
// handshake's and the closing handshake's deadlines, the sweep watches silence, and the
// stream's timeout layer would cost a reference count and a deadline check on every read and
// every acknowledgement. The socket names its io_context's executor instead of the
// type-erased any_io_executor, so that starting each read and write does not copy and
// convert a polymorphic executor to track the outstanding work.
using ChannelSocket = asio::basic_stream_socket<tcp, asio::io_context::executor_type>;
using WebSocket = websocket::stream<ChannelSocket, false>;

// Moves the accepted connection's descriptor into the channel's socket; false (and the
// connection closed) in the unlikely case that the kernel refuses the hand-over.
bool adopt(tcp::socket& accepted, ChannelSocket& channel_socket) {
    beast::error_code error;
    const auto protocol = accepted.local_endpoint(error).protocol();
    if (error) return false;
    const auto descriptor = accepted.release(error);
    if (error) return false;
    channel_socket.assign(protocol, descriptor, error);
    if (error) ::close(descriptor);
    return !error;
}

class WebSocketConnection final : public ChannelConnection {
  public:
    using ChannelConnection::ChannelConnection;

    void start(std::shared_ptr<web::Channel> channel, Stream stream,
               BeastRequest upgrade) override {
        channel_ = std::move(channel);
        // Beast's timeouts for the handshake and the closing handshake replace the stream's;
        // silence is the sweep's business (see on_sweep).
        stream.expires_never();
        WebSocket& socket = socket_.emplace(worker_.context.get_executor());
        tcp::socket accepted = stream.release_socket();
        if (!adopt(accepted, socket.next_layer())) return finished();
        websocket::stream_base::timeout timeouts =
            websocket::stream_base::timeout::suggested(beast::role_type::server);
        timeouts.idle_timeout = websocket::stream_base::none();
        socket.set_option(timeouts);
        // A pong (or any control frame) counts as hearing from the client. The connection
        // outlives its socket's read operations, which are the only ones that call this.
        socket.control_callback(
            [this](websocket::frame_type, beast::string_view) { silent_sweeps_ = 0; });
        socket.set_option(websocket::stream_base::decorator([](websocket::response_type& response) {
            response.set(bhttp::field::server, server_name);
        }));
        socket.read_message_max(max_channel_message_bytes);
        socket.text(true);
        start_sweeping();
        asio::co_spawn(worker_.context,
                       run(std::static_pointer_cast<WebSocketConnection>(shared_from_this()),
                           std::move(upgrade)),
                       LogCoroutineFailure{});
    }

    // A ping after some silence keeps the channel through proxies; a phone that vanished
    // without closing (its network gone) is closed once it stays silent much longer.
    void on_sweep() override {
        if (!open_) return;
        ++silent_sweeps_;
        if (silent_sweeps_ >= websocket_close_after_sweeps) return close_transport();
        if (silent_sweeps_ == websocket_ping_after_sweeps) send(ping_marker(), {});
    }

  private:
    // Queued like a message so that the ping waits for the write in flight.
    static const Outbox::Message& ping_marker() {
        static const Outbox::Message marker = std::make_shared<const std::string>();
        return marker;
    }

    // The handshake; read_next then reads. Bytes a client sends after its upgrade request,
    // before the handshake's answer, are lost; browsers wait for the answer.
    static asio::awaitable<void> run(std::shared_ptr<WebSocketConnection> self,
                                     BeastRequest upgrade) {
        auto [error] = co_await self->socket_->async_accept(upgrade, nothrow_awaitable);
        if (error) {
            self->finished();
            co_return;
        }
        self->opened();
        self->read_next();
    }

    // Each message is read into a string of its own that goes to the application, so a large
    // message leaves no large buffer behind. It is read in pieces of at most
    // `channel_read_piece_bytes`: reading a whole message at once makes room for a full TCP
    // frame (1,536 bytes, zeroed) first, an allocation too large for the allocator's fast
    // path, for a message that is about a hundred bytes. Plain completion handlers rather than
    // a coroutine: a phone that waits for the next question then holds no coroutine frame, and
    // a message costs no coroutine resumption.
    void read_next() {
        if (!incoming_buffer_) incoming_buffer_.emplace(incoming_);
        socket_->async_read_some(
            *incoming_buffer_, channel_read_piece_bytes,
            [self = self_as<WebSocketConnection>()](const beast::error_code& error, std::size_t) {
                self->on_read(error);
            });
    }

    // Binary messages are refused with close code 1003 ("cannot accept this type of data"),
    // which says exactly that; the reading continues until the closing handshake ends it.
    void on_read(const beast::error_code& error) {
        if (error) return finished();
        silent_sweeps_ = 0;
        if (socket_->is_message_done()) {
            incoming_buffer_.reset();
            std::string text = std::exchange(incoming_, {});
            if (socket_->got_text()) {
                deliver(std::move(text));
            } else {
                close(CloseRequest{websocket::close_code::unknown_data, "Alleen tekstberichten."});
            }
        }
        read_next();
    }

    void write_message(Outbox::Message message) override {
        if (message == ping_marker()) {
            socket_->async_ping({}, [self = self_as<WebSocketConnection>()](
                                        const beast::error_code& error) { self->written(error); });
            return;
        }
        const auto buffer = asio::buffer(*message);
        socket_->async_write(
            buffer, [self = self_as<WebSocketConnection>(), message = std::move(message)](
                        const beast::error_code& error, std::size_t) { self->written(error); });
    }

    // Beast serialises the close frame when the operation starts, so `reason` may go.
    void write_close(const CloseRequest& request) override {
        const websocket::close_reason reason(request.code, close_reason_text(request.reason));
        socket_->async_close(reason, [self = self_as<WebSocketConnection>()](
                                         const beast::error_code& error) { self->written(error); });
    }

    void close_transport() override {
        beast::error_code ignored;
        beast::get_lowest_layer(*socket_).close(ignored);
    }

    std::optional<WebSocket> socket_;
    // The message being read, and Beast's view of it while a read is pending.
    std::string incoming_;
    std::optional<asio::dynamic_string_buffer<char, std::char_traits<char>, std::allocator<char>>>
        incoming_buffer_;
    int silent_sweeps_ = 0;
};

class EventStreamConnection final : public ChannelConnection {
  public:
    using ChannelConnection::ChannelConnection;

    void start(std::shared_ptr<web::Channel> channel, Stream stream,
               BeastRequest request) override {
        channel_ = std::move(channel);
        stream_.emplace(std::move(stream));
        start_sweeping();
        asio::co_spawn(worker_.context,
                       run(std::static_pointer_cast<EventStreamConnection>(shared_from_this()),
                           request.version()),
                       LogCoroutineFailure{});
    }

    // A stream that wrote nothing for a while gets a comment line.
    void on_sweep() override {
        if (++quiet_sweeps_ < event_stream_heartbeat_after_sweeps) return;
        quiet_sweeps_ = 0;
        if (open_ && outbox_.empty()) send(heartbeat_message(), {});
    }

  private:
    static const Outbox::Message& heartbeat_message() {
        static const Outbox::Message heartbeat =
            std::make_shared<const std::string>(event_stream_heartbeat);
        return heartbeat;
    }

    // The reader: an event stream's client sends nothing after its request, so waiting until
    // the socket is readable, instead of reading into a buffer, notices that it left.
    static asio::awaitable<void> run(std::shared_ptr<EventStreamConnection> self,
                                     unsigned version) {
        Stream& stream = *self->stream_;
        const beast::error_code header_error =
            co_await write_header(stream, self->worker_.settings, version);
        if (!header_error) {
            self->opened();
            for (;;) {
                auto [error] =
                    co_await stream.socket().async_wait(tcp::socket::wait_read, nothrow_awaitable);
                if (error || !ignore_input(stream.socket())) break;
            }
        }
        self->finished();
    }

    static asio::awaitable<beast::error_code> write_header(Stream& stream,
                                                           const SessionSettings& settings,
                                                           unsigned version) {
        bhttp::response<bhttp::empty_body> header{bhttp::status::ok, version};
        header.set(bhttp::field::server, server_name);
        header.set(bhttp::field::content_type, "text/event-stream");
        header.set(bhttp::field::cache_control, "no-cache");
        // Tells nginx not to buffer the stream, which would hold events back.
        header.set("X-Accel-Buffering", "no");
        // Without a length the body lasts until the connection closes.
        header.keep_alive(false);
        stream.expires_after(settings.idle_timeout);
        auto [error, bytes_written] =
            co_await bhttp::async_write(stream, header, nothrow_awaitable);
        co_return error;
    }

    // Reads what the client sent and drops it; false once the client has closed or failed.
    static bool ignore_input(Stream::socket_type& socket) {
        std::array<char, ignored_input_chunk_bytes> scratch;
        beast::error_code error;
        socket.non_blocking(true, error);
        if (!error) socket.read_some(asio::buffer(scratch), error);
        return !error || error == asio::error::would_block;
    }

    // One "data:" line per line of the message (the protocol ends a line at CR, LF or CRLF),
    // then an empty line. The pieces point into the shared message, which is not copied.
    static std::vector<asio::const_buffer> event_pieces(const std::string& message) {
        static constexpr std::string_view field = "data: ";
        static constexpr std::string_view line_end = "\n";
        std::vector<asio::const_buffer> pieces;
        std::size_t line_start = 0;
        for (;;) {
            const std::size_t break_at = message.find_first_of("\r\n", line_start);
            const std::size_t line_length =
                (break_at == std::string::npos ? message.size() : break_at) - line_start;
            pieces.emplace_back(field.data(), field.size());
            pieces.emplace_back(message.data() + line_start, line_length);
            pieces.emplace_back(line_end.data(), line_end.size());
            if (break_at == std::string::npos) break;
            const bool crlf = message.compare(break_at, 2, "\r\n") == 0;
            line_start = break_at + (crlf ? 2 : 1);
        }
        pieces.emplace_back(line_end.data(), line_end.size());
        return pieces;
    }

    void write_message(Outbox::Message message) override {
        quiet_sweeps_ = 0;
        // A client that stops reading is dropped after the idle timeout instead of holding
        // its writer forever.
        stream_->expires_after(worker_.settings.idle_timeout);
        auto done = [self = self_as<EventStreamConnection>(), message](
                        const beast::error_code& error, std::size_t) { self->written(error); };
        if (message == heartbeat_message()) {
            asio::async_write(*stream_, asio::buffer(*message), std::move(done));
            return;
        }
        // The write operation keeps its own copy of the pieces; the message they point into
        // lives in the completion handler.
        asio::async_write(*stream_, event_pieces(*message), std::move(done));
    }

    // The end of the body; closing also wakes the reader, which then ends the channel.
    void write_close(const CloseRequest&) override {
        shut_down_sending(*stream_);
        close_transport();
        written(beast::error_code{});
    }

    void close_transport() override { stream_->close(); }

    std::optional<Stream> stream_;
    int quiet_sweeps_ = 0;
};

// Runs while this worker has channels; the draining cancels its timer.
asio::awaitable<void> sweep_channels(IoWorker& worker) {
    while (!worker.channels.empty()) {
        worker.sweep_timer.expires_after(worker.settings.channel_sweep_interval);
        co_await worker.sweep_timer.async_wait(nothrow_awaitable);
        if (worker.draining) break;
        // Step past each channel first: a sweep may close it.
        for (auto next = worker.channels.begin(); next != worker.channels.end();) {
            (*next++)->on_sweep();
        }
    }
    worker.sweeping_channels = false;
}

// The channel a request asks for, if any. Only a GET opens one: a HEAD or POST that carries
// an Upgrade header is answered as an ordinary request.
std::optional<web::ChannelKind> requested_channel(const BeastRequest& message) {
    if (message.method() != bhttp::verb::get) return std::nullopt;
    if (websocket::is_upgrade(message)) return web::ChannelKind::websocket;
    const auto accept = message.find(bhttp::field::accept);
    if (accept != message.end() &&
        lower_case(accept->value()).find("text/event-stream") != std::string::npos) {
        return web::ChannelKind::event_stream;
    }
    return std::nullopt;
}

std::shared_ptr<ChannelConnection> make_channel_connection(IoWorker& worker,
                                                           web::ChannelKind kind) {
    if (kind == web::ChannelKind::websocket) return std::make_shared<WebSocketConnection>(worker);
    return std::make_shared<EventStreamConnection>(worker);
}

// Offers a channel request to the application. Returns the response to send when it refuses,
// or nullopt when the channel took over the stream and the session ends.
std::optional<web::Response> open_channel(IoWorker& worker, const web::Request& request,
                                          web::ChannelKind kind, Stream& stream,
                                          BeastRequest& message) {
    // The connection exists before the application answers, so that the sink can be used
    // from within open_channel; messages sent then wait for the handshake.
    const std::shared_ptr<ChannelConnection> connection = make_channel_connection(worker, kind);
    web::ChannelOpening opening;
    try {
        opening = worker.application.open_channel(
            request, kind, std::make_shared<ConnectionSink>(worker.weak_from_this(), connection));
    } catch (const std::exception& failure) {
        spdlog::error("Opening a channel threw: {}", failure.what());
        return internal_error_response();
    }
    if (!opening.channel) return std::move(opening.refusal);
    connection->start(std::move(opening.channel), std::move(stream), std::move(message));
    // A request read just before the draining began is still answered, and closed at once.
    if (worker.draining) connection->close_for_draining();
    return std::nullopt;
}

// One connection: reads a request, waits for the application's response, writes it, and
// repeats while the connection stays alive. One request at a time, so pipelined requests
// simply wait in the buffer.
asio::awaitable<void> run_session(Stream stream, IoWorker& worker) {
    SessionControl control{&stream};
    const SessionRegistration registration(worker.sessions, control);
    const std::string remote_address = remote_address_of(stream.socket());
    const SessionSettings& settings = worker.settings;
    beast::flat_buffer buffer;

    while (!worker.draining) {
        RequestParser parser;
        parser.header_limit(settings.max_header_bytes);
        stream.expires_after(settings.idle_timeout);

        const beast::error_code read_error =
            co_await read_request(stream, buffer, parser, control, worker);
        if (read_error) {
            std::optional<web::Response> rejection = rejection_for(read_error);
            if (rejection) {
                co_await reject_and_close(stream, buffer, settings, std::move(*rejection),
                                          default_http_version);
            }
            co_return;
        }

        BeastRequest& message = parser.get();
        const unsigned version = message.version();
        std::optional<RequestTarget> target = parse_request_target(message.target());
        if (!target) {
            web::Response rejection = plain_text_response(400, "Ongeldig verzoek.");
            co_await reject_and_close(stream, buffer, settings, std::move(rejection), version);
            co_return;
        }
        Framing framing{version};
        if (message.keep_alive()) framing.connection = Framing::Connection::keep_alive;
        if (message.method() == bhttp::verb::head) framing.body = Framing::Body::omit;

        web::Request request = to_web_request(message, std::move(*target), remote_address);
        web::Response response;
        if (const std::optional<web::ChannelKind> kind = requested_channel(message)) {
            std::optional<web::Response> refusal =
                open_channel(worker, request, *kind, stream, message);
            if (!refusal) co_return;
            response = std::move(*refusal);
        } else {
            response = co_await ask_application(worker, std::move(request));
        }
        if (response.status >= 500) {
            spdlog::error("HTTP {} for {} {}", response.status, message.method_string(),
                          path_for_log(message.target()));
        }

        if (worker.draining) framing.connection = Framing::Connection::close;
        const beast::error_code write_error =
            co_await write_response(stream, settings, std::move(response), framing);
        if (write_error) co_return;
        if (framing.connection == Framing::Connection::close) break;
    }
    shut_down_sending(stream);
}

bool is_resource_exhaustion(const beast::error_code& error) {
    return error == asio::error::no_descriptors || error == asio::error::no_buffer_space ||
           error == asio::error::no_memory;
}

// Accepts on the first worker and hands connections to all workers in turn.
asio::awaitable<void> accept_connections(tcp::acceptor& acceptor, std::vector<IoWorker*> workers) {
    std::size_t next_worker = 0;
    while (acceptor.is_open()) {
        IoWorker& worker = *workers[next_worker];
        next_worker = (next_worker + 1) % workers.size();

        auto [error, socket] =
            co_await acceptor.async_accept(worker.context.get_executor(), nothrow_awaitable);
        if (error == asio::error::operation_aborted) co_return;
        if (is_resource_exhaustion(error)) {
            spdlog::warn("Cannot accept HTTP connections: {}", error.message());
            asio::steady_timer pause(co_await asio::this_coro::executor, accept_failure_pause);
            co_await pause.async_wait(nothrow_awaitable);
            continue;
        }
        // Other failures (e.g. the client reset before accept completed) concern one
        // connection only.
        if (error) continue;

        beast::error_code ignored;
        socket.set_option(tcp::no_delay(true), ignored);
        asio::co_spawn(worker.context, run_session(Stream(std::move(socket)), worker),
                       LogCoroutineFailure{});
    }
}

}  // namespace

struct Server::Impl {
    void run_worker(IoWorker& worker) {
        for (;;) {
            try {
                worker.context.run();
                break;
            } catch (const std::exception& failure) {
                spdlog::error("An HTTP io thread caught an exception: {}", failure.what());
            }
        }
        {
            std::lock_guard lock(threads_mutex);
            ++finished_threads;
        }
        threads_finished.notify_all();
    }

    bool wait_for_threads_until(std::chrono::steady_clock::time_point deadline) {
        std::unique_lock lock(threads_mutex);
        return threads_finished.wait_until(lock, deadline,
                                           [&] { return finished_threads == threads.size(); });
    }

    void stop_contexts_and_join() {
        for (const auto& worker : workers) worker->context.stop();
        for (auto& thread : threads) thread.join();
    }

    std::vector<std::shared_ptr<IoWorker>> workers;
    // Declared after the workers so that it is destroyed before its io_context.
    std::optional<tcp::acceptor> acceptor;
    std::vector<std::thread> threads;
    std::uint16_t port = 0;
    std::chrono::milliseconds shutdown_grace{0};

    std::mutex threads_mutex;
    std::condition_variable threads_finished;
    std::size_t finished_threads = 0;

    std::mutex control_mutex;
    bool stop_requested = false;
    asio::io_context* signal_context = nullptr;

    std::mutex shutdown_mutex;
    bool stopped = false;
};

Server::Server(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}

Server::~Server() { stop(); }

std::unique_ptr<Server> Server::start(const ServerOptions& options, web::Application& application,
                                      std::string& error) {
    if (options.threads < 1) {
        error = "Het aantal threads moet minstens 1 zijn.";
        return nullptr;
    }
    if (options.channel_sweep_interval <= std::chrono::milliseconds::zero()) {
        error = "De tijd tussen twee controles van open verbindingen moet groter dan 0 zijn.";
        return nullptr;
    }
    beast::error_code failure;
    const asio::ip::address address = asio::ip::make_address(options.address, failure);
    if (failure) {
        error = fmt::format("Ongeldig adres om op te luisteren: '{}'.", options.address);
        return nullptr;
    }

    const SessionSettings settings{
        options.max_body_bytes,
        std::max(options.max_body_bytes, options.max_upload_body_bytes),
        static_cast<std::uint32_t>(std::min<std::size_t>(options.max_header_bytes, UINT32_MAX)),
        options.idle_timeout,
        options.channel_sweep_interval,
    };
    auto impl = std::make_unique<Impl>();
    impl->shutdown_grace = options.shutdown_grace;
    for (int index = 0; index < options.threads; ++index) {
        impl->workers.push_back(std::make_shared<IoWorker>(application, settings));
    }

    tcp::acceptor& acceptor = impl->acceptor.emplace(impl->workers.front()->context);
    const tcp::endpoint endpoint(address, options.port);
    const auto fail = [&](std::string_view step) {
        error = fmt::format("Kan niet luisteren op {}:{} ({}): {}.", options.address, options.port,
                            step, failure.message());
        return nullptr;
    };
    acceptor.open(endpoint.protocol(), failure);
    if (failure) return fail("open");
    acceptor.set_option(tcp::acceptor::reuse_address(true), failure);
    if (failure) return fail("reuse_address");
    acceptor.bind(endpoint, failure);
    if (failure) return fail("bind");
    acceptor.listen(listen_backlog, failure);
    if (failure) return fail("listen");
    impl->port = acceptor.local_endpoint(failure).port();
    if (failure) return fail("local_endpoint");

    std::vector<IoWorker*> workers;
    for (const auto& worker : impl->workers) workers.push_back(worker.get());
    asio::co_spawn(impl->workers.front()->context, accept_connections(acceptor, std::move(workers)),
                   LogCoroutineFailure{});

    try {
        for (const auto& worker : impl->workers) {
            impl->threads.emplace_back([raw_impl = impl.get(), raw_worker = worker.get()] {
                raw_impl->run_worker(*raw_worker);
            });
        }
    } catch (const std::system_error& thread_failure) {
        impl->stop_contexts_and_join();
        error = fmt::format("Kan de HTTP-threads niet starten: {}.", thread_failure.what());
        return nullptr;
    }

    spdlog::info("HTTP server listening on http://{}:{} with {} io threads", options.address,
                 impl->port, options.threads);
    return std::unique_ptr<Server>(new Server(std::move(impl)));
}

std::uint16_t Server::port() const { return impl_->port; }

void Server::run_until_signalled() {
    asio::io_context signal_context(1);
    asio::signal_set signals(signal_context, SIGINT, SIGTERM);
    signals.async_wait([](const beast::error_code& error, int signal_number) {
        if (!error) spdlog::info("Received signal {}; stopping the HTTP server", signal_number);
    });
    bool wait_for_signal = false;
    {
        std::lock_guard lock(impl_->control_mutex);
        if (!impl_->stop_requested) {
            impl_->signal_context = &signal_context;
            wait_for_signal = true;
        }
    }
    if (wait_for_signal) signal_context.run();
    {
        std::lock_guard lock(impl_->control_mutex);
        impl_->signal_context = nullptr;
    }
    stop();
}

void Server::stop() {
    {
        std::lock_guard lock(impl_->control_mutex);
        impl_->stop_requested = true;
        if (impl_->signal_context) impl_->signal_context->stop();
    }
    std::lock_guard shutdown_lock(impl_->shutdown_mutex);
    if (impl_->stopped) return;
    impl_->stopped = true;

    const auto deadline = std::chrono::steady_clock::now() + impl_->shutdown_grace;
    asio::post(impl_->workers.front()->context, [acceptor = &*impl_->acceptor] {
        beast::error_code ignored;
        acceptor->close(ignored);
    });
    for (const auto& worker : impl_->workers) {
        asio::post(worker->context,
                   [draining_worker = worker.get()] { draining_worker->begin_draining(); });
    }
    // Each io thread returns once its connections have closed and no response is pending.
    if (!impl_->wait_for_threads_until(deadline)) {
        spdlog::warn("HTTP requests still in flight after the {} ms grace period; closing them",
                     impl_->shutdown_grace.count());
    }
    impl_->stop_contexts_and_join();
    spdlog::info("HTTP server stopped");
}

}  // namespace kc::http
