// The load generator of `make bench-live` (issue 8): phones and a presenter screen speaking the
// live protocol of docs/live.md over WebSockets, all on one io_context on one thread, against a
// real `kenniscafe serve` and against bench/live/baseline_server.cpp. The presenter is a Beast
// WebSocket; the phones open their channel with Beast's HTTP and then write and read their
// frames by hand, because the generator must stay far cheaper per answer than the servers.
//
// It starts each server itself (pinned to core 0 with taskset; the bench runs this program on
// core 1), prepares a live session through the organiser's HTML forms, runs the scenarios, and
// prints one table and a last summary line. Every wait has a deadline, and the servers die with
// this process (PR_SET_PDEATHSIG), so a stuck scenario is reported instead of hanging the run.
//
// Latency is what the presenter sees: the n-th answer sent during a step is visible at the first
// presenter snapshot whose answer count is at least the count at the start of the step plus n.
// Both ends run in this process, so one clock measures them.
#include <dirent.h>
#include <fcntl.h>
#include <signal.h>
#include <sys/prctl.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <array>
#include <boost/asio/co_spawn.hpp>
#include <boost/asio/detached.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/this_coro.hpp>
#include <boost/asio/use_awaitable.hpp>
#include <boost/beast/core/flat_buffer.hpp>
#include <boost/beast/core/tcp_stream.hpp>
#include <boost/beast/http/empty_body.hpp>
#include <boost/beast/http/read.hpp>
#include <boost/beast/http/string_body.hpp>
#include <boost/beast/http/write.hpp>
#include <boost/beast/websocket/stream.hpp>
#include <boost/json/parse.hpp>
#include <boost/json/value.hpp>
#include <charconv>
#include <chrono>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <deque>
#include <exception>
#include <filesystem>
#include <fstream>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <regex>
#include <sstream>
#include <string>
#include <string_view>
#include <thread>
#include <vector>

#include "message_text.hpp"

namespace kc::bench {
namespace {

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace bhttp = boost::beast::http;
namespace websocket = boost::beast::websocket;
namespace json = boost::json;
using tcp = asio::ip::tcp;
using Clock = std::chrono::steady_clock;
using TimePoint = Clock::time_point;
using namespace std::chrono_literals;

// A step is sustained when its 99th percentile stays within one presenter push interval plus
// this margin: a screen that shows the count one push late is still live.
constexpr double presenter_interval_ms = 100;
constexpr double latency_margin_ms = 50;
// And when the server counted what was sent, give or take this fraction.
constexpr double counted_tolerance = 0.01;
// A generator that used this much of its core may have delayed its own sends and reads; its
// figures then describe the generator, not the server.
constexpr double saturated_percent = 95;
// Other programs that take this much of the server's or the generator's core disturb a step.
constexpr double disturbance_percent = 15;
// Answers queued because a phone still had a write in flight do not count as sent, so a step
// where the generator fell this far behind its target did not run at its rate.
constexpr double achieved_tolerance = 0.95;
// The join storm and the burst give every phone this long to join or answer.
constexpr auto storm_spread = 2s;
// Connections being opened at once while building up the idle phones: enough to keep the
// server busy, few enough to stay far from its listen backlog (4096).
constexpr int build_up_in_flight = 1000;
constexpr int storm_in_flight = 4000;
// Each source address carries this many connections, far below its ~28,000 ephemeral ports,
// so that connections closed in one scenario (TIME_WAIT) never block the next.
constexpr unsigned connections_per_source_address = 100;

double ms_between(TimePoint from, TimePoint to) {
    return std::chrono::duration<double, std::milli>(to - from).count();
}
double seconds_between(TimePoint from, TimePoint to) { return ms_between(from, to) / 1000; }

// ---------------------------------------------------------------------------------------------
// Child processes: the servers. They are killed on every way out, including a crash of this
// process (PR_SET_PDEATHSIG) and the watchdog alarm.

std::vector<pid_t> children;

void kill_children_now() {
    for (const pid_t pid : children) ::kill(pid, SIGKILL);
}

extern "C" void on_fatal_signal(int signal) {
    kill_children_now();
    const char* text = signal == SIGALRM ? "live_load: the run took too long; stopped\n"
                                         : "live_load: stopped by a signal\n";
    [[maybe_unused]] const auto ignored = ::write(2, text, std::strlen(text));
    ::_exit(signal == SIGALRM ? 3 : 130);
}

pid_t spawn(const std::vector<std::string>& words, const std::string& log) {
    // Built before fork: the child may only make async-signal-safe calls.
    std::vector<std::string> copy = words;
    std::vector<char*> argv;
    for (auto& word : copy) argv.push_back(word.data());
    argv.push_back(nullptr);
    const pid_t parent = ::getpid();
    const pid_t pid = ::fork();
    if (pid == 0) {
        ::prctl(PR_SET_PDEATHSIG, SIGKILL);
        if (::getppid() != parent) ::_exit(1);
        const int fd = ::open(log.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
        ::dup2(fd, 1);
        ::dup2(fd, 2);
        ::execvp(argv[0], argv.data());
        ::_exit(127);
    }
    if (pid > 0) children.push_back(pid);
    return pid;
}

void stop_child(pid_t pid) {
    if (pid <= 0) return;
    ::kill(pid, SIGTERM);
    int status = 0;
    bool gone = false;
    for (int i = 0; i < 100 && !gone; ++i) {
        gone = ::waitpid(pid, &status, WNOHANG) == pid;
        if (!gone) std::this_thread::sleep_for(100ms);
    }
    if (!gone) {
        std::fprintf(stderr, "live_load: server %d ignored SIGTERM for 10 s; killing it\n", pid);
        ::kill(pid, SIGKILL);
        ::waitpid(pid, &status, 0);
    }
    std::erase(children, pid);
}

std::string read_file(const std::string& path) {
    std::ifstream file(path);
    std::stringstream text;
    text << file.rdbuf();
    return text.str();
}

// The port a server announced in its log as http://127.0.0.1:PORT, waiting up to 30 s.
std::optional<unsigned short> announced_port(pid_t pid, const std::string& log) {
    const std::regex pattern(R"(http://127\.0\.0\.1:([0-9]+))");
    for (int i = 0; i < 300; ++i) {
        std::smatch match;
        const std::string text = read_file(log);
        if (std::regex_search(text, match, pattern)) {
            return static_cast<unsigned short>(std::stoi(match[1]));
        }
        if (::waitpid(pid, nullptr, WNOHANG) == pid) return std::nullopt;
        std::this_thread::sleep_for(100ms);
    }
    return std::nullopt;
}

// ---------------------------------------------------------------------------------------------
// What /proc says about a process.

long rss_kib(pid_t pid) {
    std::ifstream file("/proc/" + std::to_string(pid) + "/status");
    std::string line;
    while (std::getline(file, line)) {
        if (line.rfind("VmRSS:", 0) == 0) return std::atol(line.c_str() + 6);
    }
    return -1;
}

double cpu_seconds(pid_t pid) {
    const std::string text = read_file("/proc/" + std::to_string(pid) + "/stat");
    // The command name may hold spaces; the fields after it are plain numbers.
    const auto close = text.rfind(')');
    if (close == std::string::npos) return 0;
    std::istringstream fields(text.substr(close + 2));
    std::string field;
    double ticks = 0;
    // Fields 3..15 follow the name; utime and stime are the 14th and 15th of the whole line.
    for (int index = 3; index <= 15 && fields >> field; ++index) {
        if (index == 14 || index == 15) ticks += std::atof(field.c_str());
    }
    return ticks / static_cast<double>(::sysconf(_SC_CLK_TCK));
}

int open_files(pid_t pid) {
    int count = 0;
    if (DIR* dir = ::opendir(("/proc/" + std::to_string(pid) + "/fd").c_str())) {
        while (::readdir(dir)) ++count;
        ::closedir(dir);
    }
    return count - 2;
}

// Busy and total jiffies of cores 0 and 1 from /proc/stat, to see whether anything besides the
// server and this generator ran on their cores.
std::array<std::pair<double, double>, 2> core_jiffies() {
    std::array<std::pair<double, double>, 2> cores{};
    std::ifstream file("/proc/stat");
    std::string line;
    while (std::getline(file, line)) {
        const bool first = line.rfind("cpu0 ", 0) == 0;
        if (!first && line.rfind("cpu1 ", 0) != 0) continue;
        std::istringstream fields(line.substr(5));
        double user = 0, nice = 0, system = 0, idle = 0, iowait = 0, irq = 0, softirq = 0,
               steal = 0;
        fields >> user >> nice >> system >> idle >> iowait >> irq >> softirq >> steal;
        const double busy = user + nice + system + irq + softirq + steal;
        cores[first ? 0 : 1] = {busy, busy + idle + iowait};
    }
    return cores;
}

// CPU over a stretch of time, in % of one core: of the server and of this generator, and of
// their whole cores (0 and 1), whatever ran there.
struct CpuUse {
    double server = 0;
    double generator = 0;
    double core0 = 0;
    double core1 = 0;
};

class CpuMeter {
  public:
    explicit CpuMeter(pid_t server) : server_(server) { restart(); }
    void restart() {
        at_ = Clock::now();
        server_seconds_ = cpu_seconds(server_);
        own_seconds_ = cpu_seconds(::getpid());
        cores_ = core_jiffies();
    }
    CpuUse use() const {
        const double wall = seconds_between(at_, Clock::now());
        if (wall <= 0) return {};
        const auto cores = core_jiffies();
        auto busy = [&](int core) {
            const double total = cores[core].second - cores_[core].second;
            return total > 0 ? 100 * (cores[core].first - cores_[core].first) / total : 0;
        };
        return {100 * (cpu_seconds(server_) - server_seconds_) / wall,
                100 * (cpu_seconds(::getpid()) - own_seconds_) / wall, busy(0), busy(1)};
    }

  private:
    pid_t server_;
    TimePoint at_;
    double server_seconds_ = 0;
    double own_seconds_ = 0;
    std::array<std::pair<double, double>, 2> cores_{};
};

// ---------------------------------------------------------------------------------------------
// The server under test, as the phones and the presenter need to know it.

struct Target {
    std::string name;
    bool kenniscafe = false;
    pid_t pid = 0;
    unsigned short port = 0;
    std::string host;  // "127.0.0.1:PORT", also the Origin of every channel
    std::string phone_path;
    std::string presenter_path;
    std::string session_path;  // Kenniscafé: /beheer/events/{id}/live/{session}
    std::map<std::string, std::string> cookies;
    long long first_question = 0;
    long long second_question = 0;

    std::string cookie_header() const {
        std::string header;
        for (const auto& [cookie, value] : cookies) {
            if (!header.empty()) header += "; ";
            header += cookie + "=" + value;
        }
        return header;
    }
};

asio::ip::address_v4 next_source_address() {
    static unsigned connections = 0;
    const unsigned block = connections++ / connections_per_source_address;
    return asio::ip::address_v4({127, 2, static_cast<unsigned char>(block / 250),
                                 static_cast<unsigned char>(block % 250 + 1)});
}

const asio::ip::address_v4 server_address = asio::ip::address_v4::loopback();

std::string_view type_of(std::string_view message) { return bench::string_member(message, "type"); }

// A plain socket on the io_context's own executor: beast::tcp_stream would touch its timer and a
// type-erased executor on every read and write, and the generator's core is the scarce one.
// Connections that hang are closed by the scenario's deadline instead.
using TcpSocket = asio::basic_stream_socket<tcp, asio::io_context::executor_type>;
using ClientSocket = websocket::stream<TcpSocket>;

// Connects and opens the WebSocket at `path` as a browser on the server's own page does: with
// the server's Origin, the given cookies, and small messages sent at once. `done` gets the
// error and the step that failed; the socket must outlive it (`done` holds its owner).
template <typename Done>
void open_channel(ClientSocket& socket, const Target& target, const std::string& path,
                  const std::string& cookie, Done done) {
    beast::get_lowest_layer(socket).async_connect(
        tcp::endpoint(server_address, target.port),
        [&socket, host = target.host, path, cookie,
         done = std::move(done)](beast::error_code error) mutable {
            if (error) return done(error, "connect");
            beast::error_code ignored;
            beast::get_lowest_layer(socket).set_option(tcp::no_delay(true), ignored);
            websocket::stream_base::timeout timeouts{};
            timeouts.handshake_timeout = 10s;
            timeouts.idle_timeout = websocket::stream_base::none();
            timeouts.keep_alive_pings = false;
            socket.set_option(timeouts);
            socket.set_option(websocket::stream_base::decorator(
                [origin = "http://" + host, cookie](websocket::request_type& request) {
                    request.set(bhttp::field::origin, origin);
                    if (!cookie.empty()) request.set(bhttp::field::cookie, cookie);
                }));
            socket.async_handshake(host, path,
                                   [done = std::move(done)](beast::error_code failure) mutable {
                                       done(failure, "handshake");
                                   });
        });
}

// ---------------------------------------------------------------------------------------------
// The phones' WebSocket frames, written and read by hand (RFC 6455, section 5.2). With Beast's
// composed write and read per message (and a reference count and a string per answer) a phone
// cost the generator about as much per answer as the baseline server's whole work on it, so the
// generator's core ran out first and the bench measured the generator. Written here it costs
// about a third less, and four fifths of what is left is the kernel's TCP work (perf). The
// phones only send short text and control frames and read unmasked frames without
// extensions: a few lines.

// Frame opcodes.
namespace opcode {
constexpr unsigned continuation = 0x0;
constexpr unsigned text = 0x1;
constexpr unsigned binary = 0x2;
constexpr unsigned close = 0x8;
constexpr unsigned ping = 0x9;
constexpr unsigned pong = 0xA;
}  // namespace opcode

// Every frame a phone sends carries at most 125 bytes (an answer stays below 115 even with the
// largest numbers, a pong echoes at most 125), so one length byte always does.
constexpr std::size_t max_client_payload = 125;
constexpr std::size_t max_client_frame = 2 + 4 + max_client_payload;

// Writes `payload` as one final, masked client frame to `out` and returns the frame's size.
std::size_t client_frame(char* out, unsigned code, std::string_view payload,
                         const std::array<char, 4>& key) {
    out[0] = static_cast<char>(0x80 | code);
    out[1] = static_cast<char>(0x80 | payload.size());
    std::memcpy(out + 2, key.data(), key.size());
    for (std::size_t i = 0; i < payload.size(); ++i) out[6 + i] = payload[i] ^ key[i % 4];
    return 6 + payload.size();
}

struct ServerFrame {
    bool fin = false;
    bool masked = false;
    unsigned opcode = 0;
    std::size_t header_size = 0;
    std::uint64_t payload_size = 0;
};

// The header of the frame at the start of `data`, or nothing while it has not fully arrived.
std::optional<ServerFrame> server_frame(const unsigned char* data, std::size_t size) {
    if (size < 2) return std::nullopt;
    ServerFrame frame;
    frame.fin = (data[0] & 0x80) != 0;
    frame.opcode = data[0] & 0x0F;
    frame.masked = (data[1] & 0x80) != 0;
    frame.payload_size = data[1] & 0x7F;
    std::size_t length_bytes = 0;
    if (frame.payload_size == 126) length_bytes = 2;
    if (frame.payload_size == 127) length_bytes = 8;
    frame.header_size = 2 + length_bytes + (frame.masked ? 4 : 0);
    if (size < frame.header_size) return std::nullopt;
    if (length_bytes > 0) {
        frame.payload_size = 0;
        for (std::size_t i = 0; i < length_bytes; ++i)
            frame.payload_size = frame.payload_size << 8 | data[2 + i];
    }
    return frame;
}

// A phone's text frames are small, but `results` may carry a picture; a larger message grows
// that phone's buffer, up to this size.
constexpr std::size_t phone_buffer_bytes = 1024;
constexpr std::uint64_t max_server_message = 16 * 1024 * 1024;

// The answer to a WebSocket upgrade with the key of RFC 6455, section 1.3; a load generator
// needs no fresh key, it talks to the servers it started itself.
constexpr std::string_view upgrade_key = "dGhlIHNhbXBsZSBub25jZQ==";
constexpr std::string_view upgrade_accept = "s3pPLMBiTxaQ9kYGzzhZRbK+xOo=";

// ---------------------------------------------------------------------------------------------
// The phones.

struct Fleet {
    long long joined = 0;
    long long failed = 0;  // could not connect, or the channel dropped
    long long acks = 0;
    long long rejected = 0;
    long long errors = 0;
    long long results = 0;  // phones that saw results with shown=true
    TimePoint last_results;
    long long sent = 0;              // answers whose write started
    long long sent_to_question = 0;  // of them, to `question`
    int in_flight = 0;               // phones between connecting and their welcome
    bool recording = false;
    std::vector<TimePoint> send_times;
    long long question = 0;  // the question the phones answer
    std::string first_problem;

    void note(std::string problem) {
        if (first_problem.empty()) first_problem = std::move(problem);
    }
};

Fleet fleet;

// One phone. Its handlers hold a plain pointer to it: the run keeps every phone until the
// io_context has stopped (see run_against), so no reference count is touched per message.
class Phone {
  public:
    Phone(asio::io_context& context, int index)
        : socket_(context.get_executor()), index_(index), in_(phone_buffer_bytes) {
        // Masking keeps browser scripts from steering proxies' caches; nothing of the kind sits
        // between this generator and its servers, so a key per phone that costs nothing to
        // make will do. The servers still unmask every frame as they would a browser's.
        const auto mix = static_cast<std::uint32_t>(index) * 2654435761U + 1;
        std::memcpy(key_.data(), &mix, key_.size());
    }

    void start(const Target& target) {
        beast::error_code error;
        socket_.open(tcp::v4(), error);
        if (!error) socket_.set_option(tcp::socket::reuse_address(true), error);
        if (!error) socket_.bind(tcp::endpoint(next_source_address(), 0), error);
        in_flight_ = true;
        ++fleet.in_flight;
        if (error) return fail(error, "bind");
        upgrade_ = std::make_unique<Upgrade>(socket_.get_executor());
        auto& request = upgrade_->request;
        request.target(target.phone_path);
        request.set(bhttp::field::host, target.host);
        request.set(bhttp::field::upgrade, "websocket");
        request.set(bhttp::field::connection, "Upgrade");
        request.set(bhttp::field::sec_websocket_key, upgrade_key);
        request.set(bhttp::field::sec_websocket_version, "13");
        request.set(bhttp::field::origin, "http://" + target.host);
        // As Beast's own handshake did: a phone that gets no answer within 10 s has failed.
        upgrade_->timer.expires_after(10s);
        upgrade_->timer.async_wait([this](beast::error_code expired) {
            if (expired || !upgrade_) return;
            upgrade_->timed_out = true;
            beast::error_code ignored;
            socket_.close(ignored);
        });
        socket_.async_connect(tcp::endpoint(server_address, target.port),
                              [this](beast::error_code failure) { on_connect(failure); });
    }

    // Sends one answer to the current question, or queues it behind a write that could not
    // finish at once.
    void answer() {
        if (!joined_ || done_) return;
        if (!unsent_.empty()) {
            ++queued_;
            return;
        }
        send_answer();
    }

    void close() {
        if (done_) return;
        done_ = true;
        beast::error_code ignored;
        socket_.close(ignored);
    }

    bool joined() const { return joined_ && !done_; }
    void forget_results() { results_seen_ = false; }

  private:
    // The opening handshake, with Beast's HTTP rather than websocket::stream: the servers send
    // their first messages right after the upgrade, and bytes that Beast's handshake read past
    // its response would stay inside the stream. Here they stay in `buffer` and become the
    // start of the phone's own.
    struct Upgrade {
        explicit Upgrade(const asio::io_context::executor_type& executor) : timer(executor) {}
        asio::steady_timer timer;
        bhttp::request<bhttp::empty_body> request{bhttp::verb::get, "/", 11};
        beast::flat_buffer buffer;
        bhttp::response_parser<bhttp::empty_body> parser;
        bool timed_out = false;
    };

    void on_connect(beast::error_code error) {
        if (error) return fail_handshake(error, "connect");
        beast::error_code ignored;
        socket_.set_option(tcp::no_delay(true), ignored);
        bhttp::async_write(
            socket_, upgrade_->request, [this](beast::error_code failure, std::size_t) {
                if (failure) return fail_handshake(failure, "handshake");
                bhttp::async_read(
                    socket_, upgrade_->buffer, upgrade_->parser,
                    [this](beast::error_code failed, std::size_t) { on_upgrade(failed); });
            });
    }

    void on_upgrade(beast::error_code error) {
        if (error) return fail_handshake(error, "handshake");
        const auto& response = upgrade_->parser.get();
        if (response.result() != bhttp::status::switching_protocols) {
            return fail_handshake(websocket::error::upgrade_declined, "handshake");
        }
        if (response[bhttp::field::sec_websocket_accept] != upgrade_accept) {
            return fail_handshake(websocket::error::bad_sec_accept, "handshake");
        }
        const auto early = upgrade_->buffer.cdata();
        if (early.size() > in_.size()) in_.resize(early.size());
        std::memcpy(in_.data(), early.data(), early.size());
        filled_ = early.size();
        upgrade_.reset();
        beast::error_code failure;
        socket_.non_blocking(true, failure);
        if (failure) return fail(failure, "handshake");
        if (!take_frames()) return;
        send(opcode::text, R"({"type":"join"})");
        read_next();
    }

    void fail_handshake(beast::error_code error, const char* where) {
        if (upgrade_ && upgrade_->timed_out) error = beast::error::timeout;
        upgrade_.reset();
        fail(error, where);
    }

    // One read at a time into the rest of the phone's buffer; every complete frame in it is
    // handled before the next read.
    void read_next() {
        if (done_) return;
        socket_.async_read_some(asio::buffer(in_.data() + filled_, in_.size() - filled_),
                                [this](beast::error_code error, std::size_t size) {
                                    if (error) return fail(error, "read");
                                    filled_ += size;
                                    if (take_frames()) read_next();
                                });
    }

    // Handles the complete frames at the start of the buffer and keeps the rest of it there;
    // false once the phone has failed.
    bool take_frames() {
        const auto* data = reinterpret_cast<const unsigned char*>(in_.data());
        std::size_t at = 0;
        std::size_t needed = 0;
        while (const auto frame = server_frame(data + at, filled_ - at)) {
            if (frame->masked || frame->payload_size > max_server_message) {
                fail(frame->masked ? websocket::error::bad_masked_frame
                                   : websocket::error::message_too_big,
                     "read");
                return false;
            }
            const std::size_t size = frame->header_size + frame->payload_size;
            if (size > filled_ - at) {
                needed = size;
                break;
            }
            const std::string_view payload(in_.data() + at + frame->header_size,
                                           frame->payload_size);
            if (!on_frame(*frame, payload)) return false;
            at += size;
        }
        std::memmove(in_.data(), in_.data() + at, filled_ - at);
        filled_ -= at;
        if (needed > in_.size()) in_.resize(needed);
        return true;
    }

    bool on_frame(const ServerFrame& frame, std::string_view payload) {
        if (frame.opcode >= opcode::close && (!frame.fin || payload.size() > max_client_payload)) {
            fail(websocket::error::bad_control_fragment, "read");
            return false;
        }
        switch (frame.opcode) {
            case opcode::text:
            case opcode::binary:
                if (frame.fin) {
                    on_message(payload);
                } else {
                    pieces_.assign(payload);
                }
                break;
            case opcode::continuation:
                pieces_.append(payload);
                if (frame.fin) on_message(pieces_);
                break;
            case opcode::ping:
                send(opcode::pong, payload);
                break;
            case opcode::pong:
                break;
            case opcode::close:
                // The status code alone goes back, as RFC 6455, section 5.5.1 allows.
                send(opcode::close, payload.substr(0, 2));
                fail(websocket::error::closed, "read");
                break;
            default:
                fail(websocket::error::bad_opcode, "read");
        }
        return !done_;
    }

    void on_message(std::string_view message) {
        const auto type = type_of(message);
        if (type == "ack") {
            ++fleet.acks;
        } else if (type == "welcome") {
            if (!joined_) ++fleet.joined;
            joined_ = true;
            leave_flight();
        } else if (type == "results") {
            if (!results_seen_ && message.find(R"("shown":true)") != std::string_view::npos) {
                results_seen_ = true;
                ++fleet.results;
                fleet.last_results = Clock::now();
            }
        } else if (type == "rejected") {
            ++fleet.rejected;
            fleet.note("rejected: " + std::string(message.substr(0, 200)));
        } else if (type == "error") {
            ++fleet.errors;
            fleet.note("error: " + std::string(message.substr(0, 200)));
        }
    }

    void send_answer() {
        // Formatted in place: no string is made per answer. Every part fits (see
        // max_client_payload); the bounds only keep a mistake from writing past the buffer.
        char message[max_client_payload];
        char* end = message;
        char* const last = message + sizeof message;
        auto put = [&end, last](std::string_view part) {
            const auto count = std::min(part.size(), static_cast<std::size_t>(last - end));
            std::memcpy(end, part.data(), count);
            end += count;
        };
        auto number = [&end, last](long long value) { end = std::to_chars(end, last, value).ptr; };
        put(R"({"type":"answer","id":"p)");
        number(index_);
        put("-");
        number(++answers_);
        put(R"(","question":)");
        number(fleet.question);
        put(R"(,"value":{"options":[)");
        number((index_ + answers_) % 4);
        put("]}}");
        ++fleet.sent;
        ++fleet.sent_to_question;
        if (fleet.recording) fleet.send_times.push_back(Clock::now());
        send(opcode::text, {message, static_cast<std::size_t>(end - message)});
    }

    // Writes a frame at once without blocking; what the socket did not take waits in `unsent_`
    // until the socket can take more, and later frames wait behind it.
    void send(unsigned code, std::string_view payload) {
        char frame[max_client_frame];
        const std::string_view bytes(frame, client_frame(frame, code, payload, key_));
        if (!unsent_.empty()) {
            unsent_.append(bytes);
            return;
        }
        beast::error_code error;
        const std::size_t written = socket_.write_some(asio::buffer(bytes), error);
        if (error && error != asio::error::would_block) return fail(error, "write");
        if (written == bytes.size()) return;
        unsent_.assign(bytes.substr(written));
        wait_writable();
    }

    void wait_writable() {
        socket_.async_wait(tcp::socket::wait_write, [this](beast::error_code error) {
            if (error) return fail(error, "write");
            const std::size_t written = socket_.write_some(asio::buffer(unsent_), error);
            if (error && error != asio::error::would_block) return fail(error, "write");
            unsent_.erase(0, written);
            if (!unsent_.empty()) return wait_writable();
            for (; queued_ > 0 && unsent_.empty() && joined_ && !done_; --queued_) send_answer();
        });
    }

    void leave_flight() {
        if (!in_flight_) return;
        in_flight_ = false;
        --fleet.in_flight;
    }

    void fail(beast::error_code error, const char* where) {
        leave_flight();
        if (done_) return;
        done_ = true;
        ++fleet.failed;
        fleet.note(std::string(where) + ": " + error.message());
        beast::error_code ignored;
        socket_.close(ignored);
    }

    TcpSocket socket_;
    int index_;
    std::array<char, 4> key_{};
    std::unique_ptr<Upgrade> upgrade_;  // while the channel opens
    std::vector<char> in_;              // what was read and not yet handled
    std::size_t filled_ = 0;
    std::string pieces_;  // a fragmented message so far
    std::string unsent_;  // what the socket did not take yet
    long long answers_ = 0;
    int queued_ = 0;
    bool in_flight_ = false;
    bool joined_ = false;
    bool done_ = false;
    bool results_seen_ = false;
};

// ---------------------------------------------------------------------------------------------
// The presenter screen: it records every snapshot with the time it arrived.

struct Snapshot {
    TimePoint at;
    long long participants = 0;
    long long question = 0;
    long long answers = 0;
};

class Presenter : public std::enable_shared_from_this<Presenter> {
  public:
    explicit Presenter(asio::io_context& context) : socket_(context.get_executor()) {}

    std::vector<Snapshot> snapshots;
    std::vector<long long> question_ids;
    std::string question_state;
    bool failed = false;
    std::string problem;

    const Snapshot* latest() const { return snapshots.empty() ? nullptr : &snapshots.back(); }

    void start(const Target& target) {
        open_channel(socket_, target, target.presenter_path, target.cookie_header(),
                     [self = shared_from_this()](beast::error_code error, const char*) {
                         if (error) return self->fail(error);
                         self->read_next();
                     });
    }

    void close() {
        closed_ = true;
        beast::error_code ignored;
        beast::get_lowest_layer(socket_).close(ignored);
    }

  private:
    void read_next() {
        socket_.async_read(
            buffer_, [self = shared_from_this()](beast::error_code error, std::size_t) {
                if (error) return self->fail(error);
                const auto data = self->buffer_.cdata();
                self->on_message({static_cast<const char*>(data.data()), data.size()});
                self->buffer_.consume(self->buffer_.size());
                self->read_next();
            });
    }

    void on_message(std::string_view text) {
        const TimePoint at = Clock::now();
        if (type_of(text) != "presenter") return;
        boost::system::error_code error;
        const json::value message = json::parse(text, error);
        if (error || !message.is_object()) return;
        const auto& object = message.get_object();
        Snapshot snapshot{at};
        if (const auto* count = object.if_contains("participants"); count && count->is_int64()) {
            snapshot.participants = count->get_int64();
        }
        if (const auto* current = object.if_contains("question"); current && current->is_object()) {
            const auto& question = current->get_object();
            if (const auto* id = question.if_contains("id"); id && id->is_int64()) {
                snapshot.question = id->get_int64();
            }
            if (const auto* answers = question.if_contains("answers");
                answers && answers->is_int64()) {
                snapshot.answers = answers->get_int64();
            }
            if (const auto* state = question.if_contains("state"); state && state->is_string()) {
                question_state = std::string(state->get_string());
            }
        }
        if (const auto* list = object.if_contains("questions"); list && list->is_array()) {
            question_ids.clear();
            for (const auto& question : list->get_array()) {
                if (!question.is_object()) continue;
                if (const auto* id = question.get_object().if_contains("id");
                    id && id->is_int64()) {
                    question_ids.push_back(id->get_int64());
                }
            }
        }
        snapshots.push_back(snapshot);
    }

    void fail(beast::error_code error) {
        if (closed_) return;
        failed = true;
        problem = error.message();
    }

    ClientSocket socket_;
    beast::flat_buffer buffer_;
    bool closed_ = false;
};

// ---------------------------------------------------------------------------------------------
// Waiting without blocking the phones.

asio::awaitable<void> sleep_for(Clock::duration duration) {
    asio::steady_timer timer(co_await asio::this_coro::executor, duration);
    co_await timer.async_wait(asio::use_awaitable);
}

// True once `done` holds, false when `timeout` passed first.
asio::awaitable<bool> wait_until(std::function<bool()> done, Clock::duration timeout) {
    const TimePoint deadline = Clock::now() + timeout;
    while (!done()) {
        if (Clock::now() >= deadline) co_return false;
        co_await sleep_for(2ms);
    }
    co_return true;
}

// ---------------------------------------------------------------------------------------------
// Plain HTTP for the organiser's forms and the baseline's control requests.

using Fields = std::vector<std::pair<std::string, std::string>>;

struct Reply {
    int status = 0;
    std::string location;
    std::string body;
};

std::string form_encode(const Fields& fields) {
    std::string body;
    for (const auto& [name, value] : fields) {
        if (!body.empty()) body += '&';
        body += name + '=';
        for (const unsigned char c : value) {
            if (std::isalnum(c) || c == '-' || c == '_' || c == '.' || c == '~') {
                body += static_cast<char>(c);
            } else {
                char escaped[4];
                std::snprintf(escaped, sizeof escaped, "%%%02X", c);
                body += escaped;
            }
        }
    }
    return body;
}

asio::awaitable<Reply> request(Target& target, bhttp::verb verb, std::string path,
                               std::string form = {}) {
    beast::tcp_stream stream(co_await asio::this_coro::executor);
    stream.expires_after(30s);
    co_await stream.async_connect(tcp::endpoint(server_address, target.port), asio::use_awaitable);
    bhttp::request<bhttp::string_body> message{verb, path, 11};
    message.set(bhttp::field::host, target.host);
    if (!target.cookies.empty()) message.set(bhttp::field::cookie, target.cookie_header());
    if (verb == bhttp::verb::post) {
        message.set(bhttp::field::content_type, "application/x-www-form-urlencoded");
        message.body() = std::move(form);
    }
    message.keep_alive(false);
    message.prepare_payload();
    co_await bhttp::async_write(stream, message, asio::use_awaitable);
    beast::flat_buffer buffer;
    bhttp::response_parser<bhttp::string_body> parser;
    parser.body_limit(64 * 1024 * 1024);
    co_await bhttp::async_read(stream, buffer, parser, asio::use_awaitable);
    const auto& response = parser.get();
    Reply reply;
    reply.status = static_cast<int>(response.result_int());
    if (const auto found = response.find(bhttp::field::location); found != response.end()) {
        reply.location = std::string(found->value());
        // A location may name the whole URL; the requests here need its path.
        if (const auto at = reply.location.find(target.host); at != std::string::npos) {
            reply.location = reply.location.substr(at + target.host.size());
        }
    }
    const auto [first_cookie, end_of_cookies] = response.equal_range(bhttp::field::set_cookie);
    for (auto field = first_cookie; field != end_of_cookies; ++field) {
        const std::string text(field->value());
        const auto equals = text.find('=');
        const auto end = text.find(';');
        if (equals != std::string::npos) {
            target.cookies[text.substr(0, equals)] = text.substr(equals + 1, end - equals - 1);
        }
    }
    reply.body = response.body();
    beast::error_code ignored;
    stream.socket().shutdown(tcp::socket::shutdown_both, ignored);
    co_return reply;
}

void require(bool condition, const std::string& what) {
    if (!condition) throw std::runtime_error(what);
}

asio::awaitable<Reply> organiser_post(Target& target, std::string path, Fields fields) {
    fields.emplace_back("csrf", target.cookies["kc_csrf"]);
    auto reply = co_await request(target, bhttp::verb::post, path, form_encode(fields));
    require(reply.status == 303 && reply.location.find("melding=") == std::string::npos,
            "POST " + path + " answered " + std::to_string(reply.status) + " " + reply.location);
    co_return reply;
}

// The organiser logs in and prepares a running session with two choice questions of four
// options, the first one open, all through the pages an organiser uses.
asio::awaitable<void> prepare_session(Target& target) {
    const auto login = co_await request(target, bhttp::verb::get, "/login");
    std::smatch match;
    require(std::regex_search(login.body, match, std::regex(R"(name="csrf" value="([^"]*)\")")),
            "no csrf field on /login");
    const std::string csrf = match[1];
    // Braced lists stay out of the co_await statements: g++ 12 cannot keep their arrays in a
    // coroutine frame.
    const std::string credentials = form_encode({{"csrf", csrf},
                                                 {"email", "organisator@demo.kenniscafe.nl"},
                                                 {"password", "demo-kenniscafe"}});
    const auto logged_in = co_await request(target, bhttp::verb::post, "/login", credentials);
    require(logged_in.status == 303 && target.cookies.contains("kc_session"),
            "the demo organiser could not log in (" + std::to_string(logged_in.status) + ")");

    const auto events = co_await request(target, bhttp::verb::get, "/api/v1/events");
    const json::value list = json::parse(events.body);
    require(
        list.is_object() && list.at("items").is_array() && !list.at("items").get_array().empty(),
        "the demo has no events");
    const long long event = list.at("items").get_array().front().at("id").to_number<long long>();

    const std::string sessions = "/beheer/events/" + std::to_string(event) + "/live";
    const Fields title = {{"title", "Bench live"}};
    const auto created = co_await organiser_post(target, sessions, title);
    target.session_path = created.location;
    const std::vector<std::string> prompts = {"Welke aanpak werkt?", "Wat heeft voorrang?"};
    for (const auto& prompt : prompts) {
        const Fields question = {{"kind", "choice"}, {"prompt", prompt}, {"options", "A\nB\nC\nD"}};
        co_await organiser_post(target, target.session_path + "/vragen", question);
    }
    const std::vector<std::string> actions = {"start", "open_question"};
    for (const auto& action : actions) {
        const Fields steer = {{"action", action}};
        co_await organiser_post(target, target.session_path + "/regie", steer);
    }
    const auto page = co_await request(target, bhttp::verb::get, target.session_path);
    require(std::regex_search(page.body, match, std::regex(R"(/live/([A-Z0-9]{6})\b)")),
            "no join code on " + target.session_path);
    target.phone_path = "/live/" + std::string(match[1]) + "/kanaal";
    target.presenter_path = target.session_path + "/kanaal";
}

// Steers the session as the presenter does: the regie form, or the baseline's control path.
asio::awaitable<void> control(Target& target, std::string action, long long question = 0) {
    if (!target.kenniscafe) {
        const auto reply = co_await request(target, bhttp::verb::post, "/control/" + action);
        require(reply.status == 200, "baseline control " + action + " failed");
        co_return;
    }
    Fields fields = {{"action", action}};
    if (question != 0) fields.emplace_back("question", std::to_string(question));
    co_await organiser_post(target, target.session_path + "/regie", fields);
}

// ---------------------------------------------------------------------------------------------
// Figures.

struct Row {
    std::string server;
    std::string scenario;
    long long held = -1;
    double rate = -1;
    double p50 = -1;
    double p90 = -1;
    double p99 = -1;
    double rss_kib = -1;
    double cpu_server = -1;
    double cpu_generator = -1;
    std::string valid = "yes";
    std::string note;
};

struct Figures {
    std::vector<Row> rows;
    long long most_held = 0;
    double rss_kib = -1;  // per participant, at the most connections held
    double sustained = 0;
    double sustained_p50 = -1;
    double sustained_p99 = -1;
    double join_seconds = -1;
    double burst_seconds = -1;
    double results_seconds = -1;
};

struct Latencies {
    double p50 = -1;
    double p90 = -1;
    double p99 = -1;
    long long unseen = 0;
};

// Latencies of the answers sent at `sends`: answer n is visible at the first snapshot of
// `question` from `first` on whose count reaches `base` + n + 1, and not before it was sent.
Latencies presenter_latencies(const std::vector<TimePoint>& sends, long long base,
                              const std::vector<Snapshot>& snapshots, std::size_t first,
                              long long question) {
    std::vector<double> delays;
    delays.reserve(sends.size());
    std::size_t at = first;
    long long seen = 0;
    Latencies result;
    for (std::size_t n = 0; n < sends.size(); ++n) {
        const long long needed = base + static_cast<long long>(n) + 1;
        while (at < snapshots.size() &&
               (snapshots[at].question != question || snapshots[at].at < sends[n] ||
                std::max(seen, snapshots[at].answers) < needed)) {
            if (snapshots[at].question == question) seen = std::max(seen, snapshots[at].answers);
            ++at;
        }
        if (at == snapshots.size()) {
            delays.push_back(INFINITY);
            ++result.unseen;
        } else {
            delays.push_back(ms_between(sends[n], snapshots[at].at));
        }
    }
    if (delays.empty()) return result;
    auto percentile = [&delays](double fraction) {
        const auto index =
            static_cast<std::size_t>(fraction * static_cast<double>(delays.size() - 1));
        std::nth_element(delays.begin(), delays.begin() + static_cast<std::ptrdiff_t>(index),
                         delays.end());
        return delays[index];
    };
    result.p50 = percentile(0.50);
    result.p90 = percentile(0.90);
    result.p99 = percentile(0.99);
    return result;
}

// ---------------------------------------------------------------------------------------------
// The scenarios against one server.

struct Settings {
    std::string kenniscafe;
    std::string baseline;
    std::string workdir;
    int hold_seconds = 60;
    int step_seconds = 4;
    std::vector<int> hold_sizes = {5000, 10000, 15000};
    // Steps of 2,500 where servers on this machine reach their limit, so that the ratio of
    // two highest sustained steps is not decided by the coarseness of the ladder.
    std::vector<int> rates = {10000, 12500, 15000, 17500, 20000, 22500, 25000, 27500,  30000, 32500,
                              35000, 37500, 40000, 45000, 50000, 60000, 80000, 100000, 120000};
    int participants = 10000;
};

class Run {
  public:
    Run(asio::io_context& context, std::deque<Phone>& every_phone, Target& target,
        const Settings& settings, Figures& figures)
        : context_(context),
          every_phone_(every_phone),
          target_(target),
          settings_(settings),
          figures_(figures),
          meter_(target.pid) {}

    asio::awaitable<void> all() {
        presenter_ = std::make_shared<Presenter>(context_);
        presenter_->start(target_);
        auto first_snapshot = [this] { return presenter_->latest() || presenter_->failed; };
        const bool heard = co_await wait_until(first_snapshot, 10s);
        require(heard && !presenter_->failed,
                "the presenter channel gave no snapshot: " + presenter_->problem);
        if (target_.kenniscafe) {
            require(presenter_->question_ids.size() >= 2, "the session has no two questions");
            target_.first_question = presenter_->question_ids[0];
            target_.second_question = presenter_->question_ids[1];
        } else {
            target_.first_question = presenter_->latest()->question;
        }

        co_await guarded("hold", &Run::hold);
        co_await guarded("join storm", &Run::join_storm);
        co_await guarded("answer steps", &Run::answer_steps);
        co_await guarded("burst", &Run::burst);
        co_await guarded("results to phones", &Run::results_push);
        close_phones();
        presenter_->close();
    }

  private:
    using Scenario = asio::awaitable<void> (Run::*)();

    // A scenario that fails is reported as a row, and the next one still runs.
    asio::awaitable<void> guarded(std::string name, Scenario scenario) {
        std::string problem;
        try {
            co_await (this->*scenario)();
        } catch (const std::exception& failure) {
            problem = failure.what();
        }
        if (!problem.empty()) {
            Row row = base_row(name);
            row.valid = "NOT RUN";
            row.note = "could not run: " + problem;
            figures_.rows.push_back(row);
            std::fprintf(stderr, "live_load: %s: %s: %s\n", target_.name.c_str(), name.c_str(),
                         problem.c_str());
        }
    }

    Row base_row(std::string scenario) const {
        Row row;
        row.server = target_.name;
        row.scenario = std::move(scenario);
        return row;
    }

    // A generator that used (nearly) all of its core may have delayed its own sends and reads,
    // and other programs on either core took time from the server or the generator: either
    // way the figures are not the server's own.
    void measure_cpu(Row& row, bool timed = true) const {
        const CpuUse use = meter_.use();
        row.cpu_server = use.server;
        row.cpu_generator = use.generator;
        if (!timed) return;
        const double others = std::max(use.core0 - use.server, use.core1 - use.generator);
        if (use.generator >= saturated_percent || use.core1 >= saturated_percent) {
            row.valid = "INVALID";
            row.note = "generator core saturated; ";
        } else if (others >= disturbance_percent) {
            row.valid = "INVALID";
            row.note = "other programs used " + fixed(others, 0) + " % of a core; ";
        }
    }

    long long joined_phones() const {
        long long count = 0;
        for (const Phone* phone : phones_) count += phone->joined() ? 1 : 0;
        return count;
    }

    // Opens `count` more phones that each join, at most `in_flight` at a time, started evenly
    // over `spread`; returns once all joined or failed, or `timeout` passed.
    asio::awaitable<void> add_phones(int count, Clock::duration spread, int in_flight,
                                     Clock::duration timeout) {
        const TimePoint start = Clock::now();
        const TimePoint deadline = start + timeout;
        const long long settled_before = fleet.joined + fleet.failed;
        for (int i = 0; i < count; ++i) {
            const TimePoint due = start + spread * i / count;
            while (Clock::now() < due || fleet.in_flight >= in_flight) {
                require(Clock::now() < deadline, "only " + std::to_string(i) + " of " +
                                                     std::to_string(count) +
                                                     " phones could start connecting");
                co_await sleep_for(1ms);
            }
            auto& phone = every_phone_.emplace_back(context_, next_phone_++);
            phone.start(target_);
            phones_.push_back(&phone);
        }
        auto settled = [settled_before, count] {
            return fleet.joined + fleet.failed >= settled_before + count;
        };
        co_await wait_until(settled, deadline - Clock::now());
    }

    void close_phones() {
        for (Phone* phone : phones_) phone->close();
        phones_.clear();
    }

    asio::awaitable<void> hold() {
        const long rss_before = rss_kib(target_.pid);
        for (const int size : settings_.hold_sizes) {
            const long long failed_before = fleet.failed;
            co_await add_phones(size - static_cast<int>(phones_.size()), 0s, build_up_in_flight,
                                90s);
            meter_.restart();
            co_await sleep_for(std::chrono::seconds(settings_.hold_seconds));
            Row row = base_row("hold " + std::to_string(size / 1000) + "k, " +
                               std::to_string(settings_.hold_seconds) + " s");
            // Memory is what this row measures; other programs' CPU does not change it.
            measure_cpu(row, false);
            row.held = joined_phones();
            const long rss_after = rss_kib(target_.pid);
            if (row.held > 0) {
                row.rss_kib =
                    static_cast<double>(rss_after - rss_before) / static_cast<double>(row.held);
            }
            row.note += "RSS " + std::to_string(rss_before / 1024) + " -> " +
                        std::to_string(rss_after / 1024) + " MiB";
            if (fleet.failed > failed_before) {
                row.note += "; " + std::to_string(fleet.failed - failed_before) +
                            " phones failed (" + fleet.first_problem + ")";
            }
            if (row.held < size) row.valid = "no: held " + std::to_string(row.held);
            figures_.rows.push_back(row);
            if (row.held >= figures_.most_held && row.rss_kib > 0) {
                figures_.most_held = row.held;
                figures_.rss_kib = row.rss_kib;
            }
            if (row.held < size) break;
        }
        // The join storm needs new phones: the server must have let go of these sockets
        // before 10,000 more arrive, or it would pass its limit of open files.
        close_phones();
        auto released = [this] { return open_files(target_.pid) < 500; };
        require(co_await wait_until(released, 60s), "the server still holds " +
                                                        std::to_string(open_files(target_.pid)) +
                                                        " files a minute after the phones left");
    }

    asio::awaitable<void> join_storm() {
        const long long before = presenter_->latest()->participants;
        const long long wanted = before + settings_.participants;
        const std::size_t first = presenter_->snapshots.size();
        const long long failed_before = fleet.failed;
        meter_.restart();
        const TimePoint start = Clock::now();
        co_await add_phones(settings_.participants, storm_spread, storm_in_flight, 60s);
        auto all_seen = [this, wanted] { return presenter_->latest()->participants >= wanted; };
        co_await wait_until(all_seen, 30s);
        Row row = base_row("join storm " + std::to_string(settings_.participants / 1000) + "k in " +
                           std::to_string(storm_spread.count()) + " s");
        measure_cpu(row);
        row.held = joined_phones();
        for (std::size_t i = first; i < presenter_->snapshots.size(); ++i) {
            if (presenter_->snapshots[i].participants >= wanted) {
                figures_.join_seconds = seconds_between(start, presenter_->snapshots[i].at);
                break;
            }
        }
        if (figures_.join_seconds >= 0) {
            row.note += "presenter showed all after " + fixed(figures_.join_seconds, 2) + " s";
        } else {
            row.valid = "no";
            row.note += "presenter showed " +
                        std::to_string(presenter_->latest()->participants - before) + " of " +
                        std::to_string(settings_.participants);
        }
        if (fleet.failed > failed_before) {
            row.note += "; " + std::to_string(fleet.failed - failed_before) + " phones failed (" +
                        fleet.first_problem + ")";
        }
        figures_.rows.push_back(row);
    }

    struct Spread {
        long long sent = 0;
        long long base = 0;
        std::size_t first_snapshot = 0;
        TimePoint start;
        TimePoint end;
        double seconds = 0;
    };

    // Sends `rate` answers per second for `duration`, spread evenly over the joined phones in
    // turn, and records when each one was sent.
    asio::awaitable<Spread> send_answers(double rate, Clock::duration duration) {
        std::vector<Phone*> senders;
        for (Phone* phone : phones_) {
            if (phone->joined()) senders.push_back(phone);
        }
        require(!senders.empty(), "no phone has joined");
        Spread spread;
        spread.base =
            presenter_->latest()->question == fleet.question ? presenter_->latest()->answers : 0;
        spread.first_snapshot = presenter_->snapshots.size();
        fleet.send_times.clear();
        fleet.send_times.reserve(
            static_cast<std::size_t>(rate * 1.1 * std::chrono::duration<double>(duration).count()));
        fleet.recording = true;
        spread.start = Clock::now();
        const TimePoint end = spread.start + duration;
        spread.end = end;
        std::size_t turn = 0;
        for (TimePoint now = spread.start; now < end; now = Clock::now()) {
            const auto due = static_cast<long long>(rate * seconds_between(spread.start, now));
            for (; spread.sent < due; ++spread.sent) senders[turn++ % senders.size()]->answer();
            co_await sleep_for(2ms);
        }
        const auto total = static_cast<long long>(rate * seconds_between(spread.start, end));
        for (; spread.sent < total; ++spread.sent) senders[turn++ % senders.size()]->answer();
        spread.seconds = seconds_between(spread.start, end);
        co_return spread;
    }

    // Waits until the presenter counted what was sent, or `timeout`; stops the recording.
    asio::awaitable<long long> counted(const Spread& spread, Clock::duration timeout) {
        const long long question = fleet.question;
        auto all_counted = [this, &spread, question] {
            const auto* latest = presenter_->latest();
            return latest->question == question && latest->answers >= spread.base + spread.sent;
        };
        co_await wait_until(all_counted, timeout);
        // The queued answers of the last phones get their send times too.
        auto all_written = [&spread] {
            return static_cast<long long>(fleet.send_times.size()) >= spread.sent;
        };
        co_await wait_until(all_written, 1s);
        fleet.recording = false;
        const auto* latest = presenter_->latest();
        co_return latest->question == question ? latest->answers - spread.base : 0;
    }

    asio::awaitable<void> answer_steps() {
        fleet.question = target_.first_question;
        fleet.sent_to_question = 0;
        int stopped_at = 0;
        for (const int rate : settings_.rates) {
            meter_.restart();
            const long long acks_before = fleet.acks;
            const Spread spread =
                co_await send_answers(rate, std::chrono::seconds(settings_.step_seconds));
            Row row = base_row("answers " + thousands(rate) + "k/s, " +
                               std::to_string(settings_.step_seconds) + " s");
            measure_cpu(row);
            // Sent means written: answers still queued behind a write in flight are not.
            const auto written_in_time =
                std::count_if(fleet.send_times.begin(), fleet.send_times.end(),
                              [&spread](TimePoint at) { return at <= spread.end; });
            const long long count = co_await counted(spread, 10s);
            const Latencies latency =
                presenter_latencies(fleet.send_times, spread.base, presenter_->snapshots,
                                    spread.first_snapshot, fleet.question);
            row.held = joined_phones();
            row.rate = static_cast<double>(written_in_time) / spread.seconds;
            row.p50 = latency.p50;
            row.p90 = latency.p90;
            row.p99 = latency.p99;
            const double share =
                spread.sent > 0 ? static_cast<double>(count) / static_cast<double>(spread.sent) : 0;
            const bool all_counted = std::abs(share - 1) <= counted_tolerance;
            const bool fast =
                latency.p99 >= 0 && latency.p99 <= presenter_interval_ms + latency_margin_ms;
            if (row.rate < achieved_tolerance * rate) {
                row.valid = "INVALID";
                row.note += "generator fell behind its rate; ";
            }
            const bool sustained = row.valid == "yes" && all_counted && fast;
            row.note += std::string(sustained ? "sustained" : "NOT sustained") + "; counted " +
                        std::to_string(count) + " of " + std::to_string(spread.sent) + "; acks " +
                        std::to_string(fleet.acks - acks_before);
            if (latency.unseen > 0)
                row.note += "; " + std::to_string(latency.unseen) + " never seen";
            if (sustained && rate > figures_.sustained) {
                figures_.sustained = rate;
                figures_.sustained_p50 = latency.p50;
                figures_.sustained_p99 = latency.p99;
            }
            figures_.rows.push_back(row);
            // A server that fell behind, or that was too slow without excuse, would carry
            // its backlog into the next step; a step spoiled only by the generator's core or
            // by other programs says nothing about the server, so the next one still runs.
            if (!sustained && (row.valid == "yes" || !all_counted)) {
                stopped_at = rate;
                break;
            }
        }
        if (stopped_at == 0 || stopped_at == settings_.rates.back()) co_return;
        Row row = base_row("answers above " + thousands(stopped_at) + "k/s");
        row.valid = "NOT RUN";
        row.note = "the step below was not sustained";
        figures_.rows.push_back(row);
    }

    asio::awaitable<void> burst() {
        // A server still working through the answers of the last step would answer the
        // presenter's form late and count the burst late.
        auto caught_up = [this] {
            const auto* latest = presenter_->latest();
            return latest->question != fleet.question || latest->answers >= fleet.sent_to_question;
        };
        co_await wait_until(caught_up, 30s);
        if (target_.kenniscafe) {
            co_await control(target_, "show_question", target_.second_question);
            co_await control(target_, "open_question");
        } else {
            co_await control(target_, "open_question");
            target_.second_question = target_.first_question + 1;
        }
        const long long question = target_.second_question;
        auto opened = [this, question] { return presenter_->latest()->question == question; };
        require(co_await wait_until(opened, 10s), "the presenter never showed the second question");
        fleet.question = question;
        fleet.sent_to_question = 0;
        const long long phones = joined_phones();
        meter_.restart();
        const Spread spread = co_await send_answers(
            static_cast<double>(phones) / std::chrono::duration<double>(storm_spread).count(),
            storm_spread);
        const long long count = co_await counted(spread, 20s);
        Row row =
            base_row("burst: every phone once in " + std::to_string(storm_spread.count()) + " s");
        measure_cpu(row);
        row.held = phones;
        row.rate = static_cast<double>(spread.sent) / spread.seconds;
        const Latencies latency = presenter_latencies(
            fleet.send_times, spread.base, presenter_->snapshots, spread.first_snapshot, question);
        row.p50 = latency.p50;
        row.p90 = latency.p90;
        row.p99 = latency.p99;
        for (std::size_t i = spread.first_snapshot; i < presenter_->snapshots.size(); ++i) {
            const auto& snapshot = presenter_->snapshots[i];
            if (snapshot.question == question && snapshot.answers >= spread.base + spread.sent) {
                figures_.burst_seconds = seconds_between(spread.start, snapshot.at);
                break;
            }
        }
        row.note += figures_.burst_seconds >= 0
                        ? "presenter showed all " + std::to_string(spread.sent) + " after " +
                              fixed(figures_.burst_seconds, 2) + " s"
                        : "presenter showed " + std::to_string(count) + " of " +
                              std::to_string(spread.sent);
        if (figures_.burst_seconds < 0) row.valid = "no";
        figures_.rows.push_back(row);
    }

    asio::awaitable<void> results_push() {
        for (Phone* phone : phones_) phone->forget_results();
        fleet.results = 0;
        const long long phones = joined_phones();
        meter_.restart();
        const TimePoint start = Clock::now();
        co_await control(target_, "show_results");
        auto everyone = [phones] { return fleet.results >= phones; };
        const bool all = co_await wait_until(everyone, 30s);
        Row row = base_row("results shown to every phone");
        measure_cpu(row);
        row.held = phones;
        if (all) {
            figures_.results_seconds = seconds_between(start, fleet.last_results);
            row.note += "all " + std::to_string(phones) + " phones had results after " +
                        fixed(figures_.results_seconds, 2) + " s";
        } else {
            row.valid = "no";
            row.note += std::to_string(fleet.results) + " of " + std::to_string(phones) +
                        " phones had results after 30 s";
        }
        figures_.rows.push_back(row);
    }

    static std::string fixed(double value, int decimals) {
        char text[32];
        std::snprintf(text, sizeof text, "%.*f", decimals, value);
        return text;
    }

    // A rate in thousands: "20" for 20,000 and "22.5" for 22,500.
    static std::string thousands(int rate) {
        return rate % 1000 == 0 ? std::to_string(rate / 1000) : fixed(rate / 1000.0, 1);
    }

    asio::io_context& context_;
    std::deque<Phone>& every_phone_;
    Target& target_;
    const Settings& settings_;
    Figures& figures_;
    CpuMeter meter_;
    std::shared_ptr<Presenter> presenter_;
    std::vector<Phone*> phones_;  // the phones of the current scenario
    int next_phone_ = 0;
};

// Prepares the session and runs the scenarios. A plain function rather than a lambda: g++ 12
// mishandles capturing lambdas that are coroutines.
asio::awaitable<void> scenarios(asio::io_context& context, std::deque<Phone>& every_phone,
                                Target& target, const Settings& settings, Figures& figures) {
    if (target.kenniscafe) {
        co_await prepare_session(target);
    } else {
        target.phone_path = "/live/BASE00/kanaal";
        target.presenter_path = "/beheer/kanaal";
    }
    Run run(context, every_phone, target, settings, figures);
    co_await run.all();
}

// Starts one server, runs every scenario against it and stops it again.
Figures run_against(bool kenniscafe, const Settings& settings) {
    Figures figures;
    Target target;
    target.kenniscafe = kenniscafe;
    target.name = kenniscafe ? "kenniscafe" : "baseline";
    const std::string log = settings.workdir + "/" + target.name + ".log";
    std::vector<std::string> command = {"taskset", "-c", "0"};
    if (kenniscafe) {
        command.insert(command.end(),
                       {settings.kenniscafe, "serve", "--db", settings.workdir + "/live.db",
                        "--address", "127.0.0.1", "--port", "0", "--demo"});
    } else {
        command.push_back(settings.baseline);
    }
    target.pid = spawn(command, log);
    const auto port = announced_port(target.pid, log);
    auto fail_all = [&](const std::string& problem) {
        Row row;
        row.server = target.name;
        row.scenario = "all";
        row.valid = "NOT RUN";
        row.note = problem;
        figures.rows.push_back(row);
        std::fprintf(stderr, "live_load: %s: %s\n--- its log ---\n%s\n", target.name.c_str(),
                     problem.c_str(), read_file(log).c_str());
    };
    if (!port) {
        fail_all("the server did not start");
        stop_child(target.pid);
        return figures;
    }
    target.port = *port;
    target.host = "127.0.0.1:" + std::to_string(*port);

    asio::io_context context(1);
    // Every phone of the run, closed ones too: their cancelled reads and writes still point at
    // them until the context stops. They go before the context, which their sockets need.
    std::deque<Phone> every_phone;
    std::string problem;
    asio::co_spawn(context, scenarios(context, every_phone, target, settings, figures),
                   [&problem](std::exception_ptr failure) {
                       if (!failure) return;
                       try {
                           std::rethrow_exception(failure);
                       } catch (const std::exception& error) {
                           problem = error.what();
                       }
                   });
    context.run_for(std::chrono::minutes(7));
    if (!context.stopped()) problem = "the scenarios took longer than 7 minutes";
    if (!problem.empty()) fail_all(problem);
    stop_child(target.pid);
    return figures;
}

// ---------------------------------------------------------------------------------------------
// The report.

std::string cell(double value, int decimals) {
    if (value < 0) return "-";
    if (std::isinf(value)) return "inf";
    char text[32];
    std::snprintf(text, sizeof text, "%.*f", decimals, value);
    return text;
}

std::string ratio(double ours, double theirs) {
    if (ours < 0 || theirs <= 0) return "-";
    return cell(ours / theirs, 2);
}

void print_table(const std::vector<Row>& rows) {
    std::printf(
        "| server | scenario | conns held | answers/s | p50 ms | p90 ms | p99 ms | "
        "RSS KiB/conn | CPU server %% | CPU generator %% | valid | notes |\n");
    std::printf(
        "| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- | --- |\n");
    for (const auto& row : rows) {
        std::printf(
            "| %s | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s |\n", row.server.c_str(),
            row.scenario.c_str(), row.held < 0 ? "-" : std::to_string(row.held).c_str(),
            cell(row.rate, 0).c_str(), cell(row.p50, 1).c_str(), cell(row.p90, 1).c_str(),
            cell(row.p99, 1).c_str(), cell(row.rss_kib, 1).c_str(), cell(row.cpu_server, 0).c_str(),
            cell(row.cpu_generator, 0).c_str(), row.valid.c_str(), row.note.c_str());
    }
}

std::optional<int> integer_option(const std::string& value) {
    int number = 0;
    const auto [end, error] = std::from_chars(value.data(), value.data() + value.size(), number);
    if (error != std::errc() || end != value.data() + value.size() || number <= 0)
        return std::nullopt;
    return number;
}

// Says which option got a value it cannot use, and what it needs; the exit code of a usage
// error.
int bad_value(const std::string& name, const std::string& value, const char* needed) {
    std::fprintf(stderr, "live_load: %s needs %s, not '%s'\n", name.c_str(), needed, value.c_str());
    return 2;
}

// A list such as "40000,60000,80000", for trying a few answer steps only.
std::optional<std::vector<int>> rates_option(const std::string& value) {
    std::vector<int> rates;
    std::istringstream list(value);
    for (std::string rate; std::getline(list, rate, ',');) {
        const auto number = integer_option(rate);
        if (!number) return std::nullopt;
        rates.push_back(*number);
    }
    if (rates.empty()) return std::nullopt;
    return rates;
}

}  // namespace
}  // namespace kc::bench

int main(int argc, char** argv) {
    using namespace kc::bench;
    Settings settings;
    std::string only;  // one server by name, for trying something out
    for (int i = 1; i + 1 < argc; i += 2) {
        const std::string name = argv[i];
        const std::string value = argv[i + 1];
        if (name == "--kenniscafe") {
            settings.kenniscafe = value;
        } else if (name == "--baseline") {
            settings.baseline = value;
        } else if (name == "--workdir") {
            settings.workdir = value;
        } else if (name == "--hold-seconds" || name == "--step-seconds") {
            const auto seconds = integer_option(value);
            if (!seconds) return bad_value(name, value, "a positive whole number of seconds");
            (name == "--hold-seconds" ? settings.hold_seconds : settings.step_seconds) = *seconds;
        } else if (name == "--rates") {
            auto rates = rates_option(value);
            if (!rates)
                return bad_value(name, value,
                                 "answers/s as positive whole numbers, such as 20000,22500");
            settings.rates = std::move(*rates);
        } else if (name == "--only") {
            only = value;
        } else {
            std::fprintf(stderr, "live_load: unknown option %s\n", name.c_str());
            return 2;
        }
    }
    if (settings.kenniscafe.empty() || settings.baseline.empty() || settings.workdir.empty()) {
        std::fprintf(stderr,
                     "usage: live_load --kenniscafe BINARY --baseline BINARY --workdir DIR "
                     "[--hold-seconds 60] [--step-seconds 4] [--rates 10000,20000,...] "
                     "[--only kenniscafe|baseline]\n");
        return 2;
    }
    for (const int signal : {SIGINT, SIGTERM, SIGHUP, SIGALRM})
        std::signal(signal, on_fatal_signal);
    std::signal(SIGPIPE, SIG_IGN);
    // The whole run stays within the 15 minutes of `make bench-live`.
    ::alarm(14 * 60);

    const Figures ours = only == "baseline" ? Figures{} : run_against(true, settings);
    const Figures theirs = only == "kenniscafe" ? Figures{} : run_against(false, settings);

    std::vector<Row> rows = ours.rows;
    rows.insert(rows.end(), theirs.rows.begin(), theirs.rows.end());
    auto ratio_row = [&](std::string scenario, double a, double b, std::string note) {
        Row row;
        row.server = "ratio";
        row.scenario = std::move(scenario);
        row.valid = "-";
        row.note = ratio(a, b) + " (" + note + ")";
        rows.push_back(row);
    };
    ratio_row("RSS per participant", ours.rss_kib, theirs.rss_kib, "kenniscafe / baseline");
    ratio_row("highest sustained answers/s", ours.sustained, theirs.sustained,
              "kenniscafe / baseline");
    ratio_row("p99 at its highest sustained rate", ours.sustained_p99, theirs.sustained_p99,
              "kenniscafe / baseline");
    ratio_row("join storm seconds", ours.join_seconds, theirs.join_seconds,
              "kenniscafe / baseline");
    ratio_row("burst seconds", ours.burst_seconds, theirs.burst_seconds, "kenniscafe / baseline");
    ratio_row("results to every phone, seconds", ours.results_seconds, theirs.results_seconds,
              "kenniscafe / baseline");
    std::printf(
        "Live-session benchmark: servers on core 0, this generator on core 1; idle phones "
        "held %d s, answer steps %d s each.\n\n",
        settings.hold_seconds, settings.step_seconds);
    print_table(rows);
    std::printf(
        "\nlive: participants=%lld answers_per_s=%.0f p50_ms=%s p99_ms=%s "
        "rss_kib_per_participant=%s baseline_ratio=%s join_s=%s\n",
        ours.most_held, ours.sustained, cell(ours.sustained_p50, 1).c_str(),
        cell(ours.sustained_p99, 1).c_str(), cell(ours.rss_kib, 1).c_str(),
        ratio(ours.sustained, theirs.sustained).c_str(), cell(ours.join_seconds, 2).c_str());
    return 0;
}
