#pragma once

// Sending over SMTP with libcurl, a well-kept client that speaks STARTTLS, TLS and login,
// rather than one written by hand. One connection per mail: the outbox sends a few mails a
// minute, and a fresh connection recovers from whatever the last one ran into.

#include <chrono>
#include <optional>
#include <string>
#include <string_view>

namespace kc::mail {

// When an smtp:// connection must be encrypted with STARTTLS. smtps:// is TLS from the
// first byte and needs no choice.
enum class StartTls { when_offered, required };

struct SmtpSettings {
    std::string url;   // "smtp://mail.example.nl:587" or "smtps://mail.example.nl:465"
    std::string user;  // empty: no login
    std::string password;
    StartTls starttls = StartTls::when_offered;
    // Certificates (PEM) to trust the server by, for a server with a certificate of an
    // organisation's own authority; empty: the system's authorities.
    std::string ca_file;
    // A dead server must not hold the delivery job: connecting and the whole exchange are
    // both bounded.
    std::chrono::seconds connect_timeout{10};
    std::chrono::seconds timeout{60};
};

enum class SmtpUrlProblem { none, scheme, host, port, extra };

// Checks a server address as `serve --smtp` takes it: smtp:// or smtps://, a host, an
// optional port 1..65535, and nothing else (no path, no user in the address).
SmtpUrlProblem check_smtp_url(std::string_view url);

enum class SmtpResult { sent, temporary_failure, permanent_failure };

struct SmtpOutcome {
    SmtpResult result = SmtpResult::temporary_failure;
    std::string error;  // libcurl's message with the server's reply code; empty when sent
};

// Sends one message (as build_message makes it) from `from` to `to`. A 5xx reply to the
// recipient or the message is permanent; a refused login, a 4xx and no connection at all
// are temporary, since they pass once the server or its settings are right again.
SmtpOutcome send_mail(const SmtpSettings& settings, const std::string& from, const std::string& to,
                      const std::string& message);

}  // namespace kc::mail
