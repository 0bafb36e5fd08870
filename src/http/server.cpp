// The only translation unit that includes Beast: its headers cost ~30 s and 0.8 GB each.
#include "http/server.hpp"

#include <fmt/format.h>
#include <spdlog/spdlog.h>

#include <algorithm>
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
#include <boost/beast/http/error.hpp>
#include <boost/beast/http/message.hpp>
#include <boost/beast/http/parser.hpp>
#include <boost/beast/http/read.hpp>
#include <boost/beast/http/string_body.hpp>
#include <boost/beast/http/write.hpp>
#include <chrono>
#include <condition_variable>
#include <csignal>
#include <exception>
#include <list>
#include <mutex>
#include <optional>
#include <string_view>
#include <system_error>
#include <thread>
#include <utility>
#include <vector>

#include "http/request_target.hpp"

namespace kc::http {

namespace {

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace bhttp = boost::beast::http;
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
    std::uint32_t max_header_bytes;
    std::chrono::steady_clock::duration idle_timeout;
};

// What the shutdown code needs to know about a live session.
struct SessionControl {
    Stream* stream;
    bool waiting_for_request = false;
};

// One io_context with the single thread that runs it, and the sessions living on it. Shared
// ownership lets a late Respond (after the Server is gone) still post to a living context;
// the context's destructor then destroys the coroutine frames it holds.
class IoWorker : public std::enable_shared_from_this<IoWorker> {
  public:
    IoWorker(web::Application& application_to_serve, const SessionSettings& session_settings)
        : application(application_to_serve), settings(session_settings) {}

    // Runs on this worker's thread: later requests close their connection, and connections
    // that wait for a next request are closed now.
    void begin_draining() {
        draining = true;
        keep_running.reset();
        for (SessionControl* session : sessions) {
            if (session->waiting_for_request) session->stream->cancel();
        }
    }

    web::Application& application;
    const SessionSettings settings;
    // Declared before the context so that coroutine frames destroyed by the context's
    // destructor can still unregister themselves.
    std::list<SessionControl*> sessions;
    bool draining = false;
    asio::io_context context{1};
    asio::executor_work_guard<asio::io_context::executor_type> keep_running{context.get_executor()};
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

// Reads one request: the header first, so that an oversized body is refused before it is
// read and a client waiting for "100 Continue" gets it.
asio::awaitable<beast::error_code> read_request(Stream& stream, beast::flat_buffer& buffer,
                                                RequestParser& parser, SessionControl& control) {
    control.waiting_for_request = true;
    auto [header_error, header_bytes] =
        co_await bhttp::async_read_header(stream, buffer, parser, nothrow_awaitable);
    control.waiting_for_request = false;
    if (header_error || parser.is_done()) co_return header_error;

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
        parser.body_limit(settings.max_body_bytes);
        parser.header_limit(settings.max_header_bytes);
        stream.expires_after(settings.idle_timeout);

        const beast::error_code read_error = co_await read_request(stream, buffer, parser, control);
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
        web::Response response = co_await ask_application(worker, std::move(request));
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

// Completion of a detached session or accept loop: an escaped exception is logged, never
// thrown out of io_context::run().
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
    beast::error_code failure;
    const asio::ip::address address = asio::ip::make_address(options.address, failure);
    if (failure) {
        error = fmt::format("Ongeldig adres om op te luisteren: '{}'.", options.address);
        return nullptr;
    }

    const SessionSettings settings{
        options.max_body_bytes,
        static_cast<std::uint32_t>(std::min<std::size_t>(options.max_header_bytes, UINT32_MAX)),
        options.idle_timeout,
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
