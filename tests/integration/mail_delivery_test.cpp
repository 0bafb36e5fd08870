// Mail over real SMTP: `kenniscafe serve --smtp` against a mail server the test starts
// (tests/support/smtp_sink.py on Debian's aiosmtpd, which keeps each message in a file).
// A registration's confirmation arrives with its calendar file and personal link; with
// the server down the next one waits in the outbox, visible to the organiser, and goes
// out once the server is back. Encrypted servers too: STARTTLS with a login and TLS from the
// first byte, each with a certificate the test makes; a wrong password or a server that
// cannot be trusted keeps the mail waiting with the reason.
#include <gtest/gtest.h>
#include <sys/stat.h>

#include <boost/json.hpp>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <functional>
#include <sstream>
#include <thread>

#include "app/demo_werkplaats.hpp"
#include "core/time.hpp"
#include "http_client.hpp"
#include "server_process.hpp"
#include "storage/sqlite/connection.hpp"
#include "test_support.hpp"
#include "web/form_data.hpp"

namespace kc {
namespace {

using testing::http_request;
using testing::ServerProcess;

std::uint16_t free_port() {
    const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    ::bind(fd, reinterpret_cast<sockaddr*>(&address), sizeof address);
    socklen_t length = sizeof address;
    ::getsockname(fd, reinterpret_cast<sockaddr*>(&address), &length);
    ::close(fd);
    return ntohs(address.sin_port);
}

std::string read_file(const std::string& path) {
    std::ifstream file(path, std::ios::binary);
    std::stringstream text;
    text << file.rdbuf();
    return text.str();
}

bool wait_for(const std::function<bool()>& done, int seconds) {
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(seconds);
    while (std::chrono::steady_clock::now() < deadline) {
        if (done()) return true;
        std::this_thread::sleep_for(std::chrono::milliseconds(100));
    }
    return done();
}

// The SMTP sink as a child process, writing each message it takes into `folder`.
class SmtpSink {
  public:
    // `options` as smtp_sink.py takes them: TLS (STARTTLS or from the first byte) and a login.
    SmtpSink(const std::string& folder, std::uint16_t port, const std::string& log,
             const std::vector<std::string>& options = {}) {
        std::vector<std::string> words = {KC_PYTHON,
                                          std::string(KC_TEST_SUPPORT_DIR) + "/smtp_sink.py",
                                          folder, std::to_string(port)};
        words.insert(words.end(), options.begin(), options.end());
        std::vector<char*> argv;
        for (auto& word : words) argv.push_back(word.data());
        argv.push_back(nullptr);
        pid_ = ::fork();
        if (pid_ == 0) {
            const int fd = ::open(log.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
            ::dup2(fd, 1);
            ::dup2(fd, 2);
            ::execv(KC_PYTHON, argv.data());
            ::_exit(127);
        }
        ready_ = wait_for([&] { return read_file(log).find("ready") != std::string::npos; }, 20);
    }
    ~SmtpSink() { stop(); }
    SmtpSink(const SmtpSink&) = delete;
    SmtpSink& operator=(const SmtpSink&) = delete;

    bool ready() const { return ready_; }
    void stop() {
        if (pid_ <= 0) return;
        ::kill(pid_, SIGTERM);
        ::waitpid(pid_, nullptr, 0);
        pid_ = 0;
    }

  private:
    pid_t pid_ = 0;
    bool ready_ = false;
};

// The message the sink received for `recipient`, or empty.
std::string message_to(const std::string& folder, const std::string& recipient) {
    for (const auto& entry : std::filesystem::directory_iterator(folder)) {
        if (entry.path().extension() != ".envelope") continue;
        if (read_file(entry.path().string()).find(recipient) == std::string::npos) continue;
        auto message = entry.path();
        message.replace_extension(".eml");
        return std::filesystem::exists(message) ? message.string() : std::string();
    }
    return {};
}

// The message as Python's email package reads it (tests/support/mime_check.py).
boost::json::object parsed(const std::string& path) {
    const auto [code, output] =
        testing::run(std::string(KC_PYTHON) + " " + KC_TEST_SUPPORT_DIR + "/mime_check.py " + path);
    EXPECT_EQ(code, 0) << output;
    return boost::json::parse(output).as_object();
}

std::string text_of(const boost::json::value& value) { return value.as_string().c_str(); }

std::int64_t count(const std::string& database, const std::string& sql) {
    storage::sqlite::Connection db(database, storage::sqlite::Connection::Mode::read_only);
    auto statement = db.prepare(sql);
    statement->step();
    return statement->integer(0);
}

class MailDelivery : public ::testing::Test {
  protected:
    void SetUp() override { std::filesystem::create_directories(folder_); }

    // The first upcoming café with places free, from the API.
    std::pair<std::int64_t, std::string> open_event(std::uint16_t port) {
        const auto events = boost::json::parse(http_request(port, "GET", "/api/v1/events").body)
                                .at("items")
                                .as_array();
        const auto now = static_cast<time::Timestamp>(std::time(nullptr));
        for (const auto& value : events) {
            const auto& event = value.as_object();
            const auto starts = time::parse_iso8601(event.at("starts_at").as_string().c_str());
            if (*starts > now + 3600 &&
                event.at("capacity").as_int64() > event.at("registered").as_int64() + 2) {
                return {event.at("id").as_int64(), text_of(event.at("title"))};
            }
        }
        return {0, ""};
    }

    testing::HttpReply register_for(std::uint16_t port, std::int64_t event_id,
                                    const std::string& name, const std::string& email) {
        return http_request(
            port, "POST", "/api/v1/events/" + std::to_string(event_id) + "/registrations",
            R"({"name":")" + name + R"(","email":")" + email + R"(","group":"Bewoner"})",
            {"Content-Type: application/json"});
    }

    // The organiser's outbox page, logged in through the form as a browser is.
    std::string outbox_page(std::uint16_t port, const std::string& query) {
        const auto form = http_request(port, "GET", "/login");
        const std::string cookie = form.header("set-cookie");
        const std::string csrf =
            cookie.substr(cookie.find('=') + 1, cookie.find(';') - cookie.find('=') - 1);
        const auto login = http_request(
            port, "POST", "/login",
            "csrf=" + csrf + "&email=" + web::percent_encode(app::DemoLogin::organiser_email) +
                "&password=" + app::DemoLogin::password,
            {"Content-Type: application/x-www-form-urlencoded", "Cookie: kc_csrf=" + csrf});
        const std::string session = login.header("set-cookie");
        return http_request(
                   port, "GET", "/beheer/mail" + query, "",
                   {"Cookie: kc_csrf=" + csrf + "; " + session.substr(0, session.find(';'))})
            .body;
    }

    testing::TempDir dir_;
    std::string folder_ = dir_.file("ontvangen");
    std::string database_ = dir_.file("kenniscafe.db");
};

TEST_F(MailDelivery, AConfirmationArrivesAndMailWaitsForAServerThatIsDownUntilItIsBack) {
    const auto smtp_port = free_port();
    auto sink = std::make_unique<SmtpSink>(folder_, smtp_port, dir_.file("sink.log"));
    ASSERT_TRUE(sink->ready()) << read_file(dir_.file("sink.log"));
    ServerProcess server(database_, dir_.file("server.log"),
                         {{"--demo", "--smtp", "smtp://127.0.0.1:" + std::to_string(smtp_port),
                           "--mail-from", "kenniscafe@example.nl", "--mail-interval", "1"}});
    ASSERT_NE(server.port(), 0) << read_file(dir_.file("server.log"));
    const auto [event_id, title] = open_event(server.port());
    ASSERT_NE(event_id, 0);

    const auto registered = register_for(server.port(), event_id, "Zoë Jansen", "zoe@voorbeeld.nl");
    ASSERT_EQ(registered.status, 201) << registered.body;
    const std::string token = text_of(boost::json::parse(registered.body).at("cancel_token"));
    ASSERT_TRUE(wait_for([&] { return !message_to(folder_, "zoe@voorbeeld.nl").empty(); }, 20))
        << read_file(dir_.file("server.log"));
    const auto path = message_to(folder_, "zoe@voorbeeld.nl");
    auto envelope = path;
    envelope.replace(envelope.size() - 4, 4, ".envelope");
    EXPECT_EQ(read_file(envelope), "kenniscafe@example.nl\nzoe@voorbeeld.nl\n");
    const auto found = parsed(path);
    EXPECT_EQ(text_of(found.at("subject")), "Je bent aangemeld: " + title);
    EXPECT_EQ(text_of(found.at("to_name")), "Zoë Jansen");
    EXPECT_EQ(text_of(found.at("from_address")), "kenniscafe@example.nl");
    EXPECT_EQ(found.at("defects").as_int64(), 0);
    EXPECT_LE(found.at("longest_line").as_int64(), 78);
    EXPECT_EQ(text_of(found.at("content_type")), "multipart/mixed");
    bool calendar = false, text = false, html = false;
    for (const auto& part : found.at("parts").as_array()) {
        const auto type = text_of(part.at("type"));
        if (type == "text/calendar") {
            calendar = true;
            EXPECT_EQ(text_of(part.at("filename")), "kenniscafe.ics");
            EXPECT_NE(text_of(part.at("content")).find("BEGIN:VEVENT"), std::string::npos);
        } else if (type == "text/plain") {
            text = true;
            const auto content = text_of(part.at("content"));
            EXPECT_NE(content.find("Beste Zoë Jansen,"), std::string::npos) << content;
            EXPECT_NE(content.find("/aanmelding/" + token), std::string::npos) << content;
        } else if (type == "text/html") {
            html = true;
            EXPECT_NE(text_of(part.at("content")).find("/aanmelding/" + token), std::string::npos);
        }
    }
    EXPECT_TRUE(calendar && text && html);

    // The server goes down: the next confirmation waits, and the organiser sees why.
    sink->stop();
    ASSERT_EQ(register_for(server.port(), event_id, "Daan Çelik", "daan@voorbeeld.nl").status, 201);
    ASSERT_TRUE(wait_for(
        [&] {
            return count(database_,
                         "SELECT count(*) FROM mail_outbox WHERE recipient_email = "
                         "'daan@voorbeeld.nl' AND state = 'waiting' AND attempts > 0") == 1;
        },
        20));
    const auto waiting = outbox_page(server.port(), "?staat=waiting");
    EXPECT_NE(waiting.find("Daan Çelik"), std::string::npos) << waiting;
    EXPECT_NE(waiting.find("connect"), std::string::npos) << "the last error is shown";
    EXPECT_EQ(waiting.find("Er is geen mailserver ingesteld"), std::string::npos);

    // Back up: the mail that was put off goes out without waiting for its turn.
    sink = std::make_unique<SmtpSink>(folder_, smtp_port, dir_.file("sink2.log"));
    ASSERT_TRUE(sink->ready());
    const auto back = std::chrono::steady_clock::now();
    ASSERT_TRUE(wait_for([&] { return !message_to(folder_, "daan@voorbeeld.nl").empty(); }, 30));
    const auto seconds =
        std::chrono::duration_cast<std::chrono::seconds>(std::chrono::steady_clock::now() - back)
            .count();
    std::printf("mail waited %lld s after the server came back\n", static_cast<long long>(seconds));
    EXPECT_EQ(text_of(parsed(message_to(folder_, "daan@voorbeeld.nl")).at("subject")),
              "Je bent aangemeld: " + title);
    EXPECT_TRUE(wait_for(
        [&] {
            return count(database_,
                         "SELECT count(*) FROM mail_outbox WHERE recipient_email = "
                         "'daan@voorbeeld.nl' AND state = 'sent'") == 1;
        },
        10));
}

TEST_F(MailDelivery, StartTlsWithALoginAndTlsFromTheFirstByteBothDeliver) {
    // A certificate for 127.0.0.1 of the test's own making, so the server must be told to
    // trust it (--smtp-ca-file), as with an organisation's own certificate authority.
    const std::string cert = dir_.file("cert.pem");
    const std::string key = dir_.file("key.pem");
    const auto made = testing::run(
        "openssl req -x509 -newkey rsa:2048 -nodes -days 2 -subj "
        "/CN=127.0.0.1 -addext subjectAltName=IP:127.0.0.1 -keyout " +
        key + " -out " + cert);
    ASSERT_EQ(made.first, 0) << made.second;
    std::ofstream(dir_.file("wrong")) << "geraden\n";
    std::ofstream(dir_.file("right")) << "geheim\n";
    const auto smtp_port = free_port();
    SmtpSink sink(folder_, smtp_port, dir_.file("sink.log"),
                  {"--starttls", cert, key, "--login", "kenniscafe:geheim"});
    ASSERT_TRUE(sink.ready()) << read_file(dir_.file("sink.log"));
    const auto serve = [&](const std::string& url, const std::string& password,
                           bool trusted) -> std::vector<std::string> {
        std::vector<std::string> arguments = {"--demo",
                                              "--smtp",
                                              url,
                                              "--smtp-require-tls",
                                              "--smtp-user",
                                              "kenniscafe",
                                              "--smtp-password-file",
                                              dir_.file(password),
                                              "--mail-interval",
                                              "1"};
        if (trusted) arguments.insert(arguments.end(), {"--smtp-ca-file", cert});
        return arguments;
    };
    const auto waiting_with = [&](const std::string& email, const std::string& error) {
        return wait_for(
            [&] {
                return count(database_,
                             "SELECT count(*) FROM mail_outbox WHERE recipient_email = '" + email +
                                 "' AND state = 'waiting' AND last_error LIKE '%" + error + "%'") ==
                       1;
            },
            20);
    };
    const std::string starttls = "smtp://127.0.0.1:" + std::to_string(smtp_port);
    {
        ServerProcess server(database_, dir_.file("server1.log"), {serve(starttls, "wrong", true)});
        ASSERT_NE(server.port(), 0) << read_file(dir_.file("server1.log"));
        const auto [event_id, title] = open_event(server.port());
        ASSERT_EQ(register_for(server.port(), event_id, "Zoë Jansen", "zoe@voorbeeld.nl").status,
                  201);
        EXPECT_TRUE(waiting_with("zoe@voorbeeld.nl", "Login denied"))
            << read_file(dir_.file("server1.log"));
    }
    {
        // The right password: the mail that waited goes out over STARTTLS.
        ServerProcess server(database_, dir_.file("server2.log"), {serve(starttls, "right", true)});
        ASSERT_NE(server.port(), 0) << read_file(dir_.file("server2.log"));
        ASSERT_TRUE(wait_for([&] { return !message_to(folder_, "zoe@voorbeeld.nl").empty(); }, 20))
            << read_file(dir_.file("server2.log"));
        EXPECT_EQ(parsed(message_to(folder_, "zoe@voorbeeld.nl")).at("defects").as_int64(), 0);
    }

    // TLS from the first byte (smtps://): refused while the certificate is not trusted.
    const auto tls_port = free_port();
    SmtpSink tls_sink(folder_, tls_port, dir_.file("tls_sink.log"),
                      {"--tls", cert, key, "--login", "kenniscafe:geheim"});
    ASSERT_TRUE(tls_sink.ready()) << read_file(dir_.file("tls_sink.log"));
    const std::string smtps = "smtps://127.0.0.1:" + std::to_string(tls_port);
    {
        ServerProcess server(database_, dir_.file("server3.log"), {serve(smtps, "right", false)});
        ASSERT_NE(server.port(), 0) << read_file(dir_.file("server3.log"));
        const auto [event_id, title] = open_event(server.port());
        ASSERT_EQ(register_for(server.port(), event_id, "Daan Çelik", "daan@voorbeeld.nl").status,
                  201);
        EXPECT_TRUE(waiting_with("daan@voorbeeld.nl", "certificate"))
            << read_file(dir_.file("server3.log"));
    }
    ServerProcess server(database_, dir_.file("server4.log"), {serve(smtps, "right", true)});
    ASSERT_NE(server.port(), 0) << read_file(dir_.file("server4.log"));
    ASSERT_TRUE(wait_for([&] { return !message_to(folder_, "daan@voorbeeld.nl").empty(); }, 20))
        << read_file(dir_.file("server4.log"));
}

TEST_F(MailDelivery, AnUnreadableCertificateFileStopsServeWithAClearMessage) {
    const auto [code, output] = testing::run(
        std::string(KC_BINARY) + " serve --db " + database_ +
        " --port 0 --smtp smtp://127.0.0.1:25 --smtp-ca-file " + dir_.file("geen.pem"));
    EXPECT_NE(code, 0);
    EXPECT_NE(output.find("certificaatbestand"), std::string::npos) << output;
}

TEST_F(MailDelivery, WithoutAMailServerMailWaitsInTheOutboxAndTheOrganiserIsTold) {
    ServerProcess server(database_, dir_.file("server.log"), {{"--demo"}});
    ASSERT_NE(server.port(), 0);
    const auto [event_id, title] = open_event(server.port());
    ASSERT_EQ(register_for(server.port(), event_id, "Zoë Jansen", "zoe@voorbeeld.nl").status, 201);
    EXPECT_EQ(count(database_, "SELECT count(*) FROM mail_outbox WHERE state = 'waiting'"), 1);
    const auto page = outbox_page(server.port(), "");
    EXPECT_NE(page.find("Er is geen mailserver ingesteld"), std::string::npos) << page;
    EXPECT_NE(page.find("Je bent aangemeld: "), std::string::npos);
}

TEST_F(MailDelivery, ABadServerAddressStopsServeWithAClearMessage) {
    const auto [code, output] = testing::run(std::string(KC_BINARY) + " serve --db " + database_ +
                                             " --port 0 --smtp mail.example.nl:25");
    EXPECT_NE(code, 0);
    EXPECT_NE(output.find("smtp:// of smtps://"), std::string::npos) << output;
    EXPECT_NE(output.find("must start with smtp://"), std::string::npos) << output;
}

}  // namespace
}  // namespace kc
