#pragma once

#include <string>

#include "app/mail.hpp"
#include "mail/mime.hpp"
#include "mail/smtp.hpp"

namespace kc::mail {

struct MailSettings {
    SmtpSettings smtp;
    Address from;  // "Kenniscafé <kenniscafe@example.nl>"
    // The host name in Message-IDs, which makes them globally unique.
    std::string host = "localhost";
};

// The message of an outbox mail. Its Message-ID and Date come from the outbox row, so
// every attempt sends the same message and a server that got it twice can tell.
Message outbox_message(const app::OutboxMail& mail, const MailSettings& settings);

// Sends outbox mail over SMTP: the delivery job's sender when a mail server is configured.
app::MailSender smtp_sender(MailSettings settings);

}  // namespace kc::mail
