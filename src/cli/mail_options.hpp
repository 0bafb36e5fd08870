#pragma once

// The mail settings of `serve`: the SMTP server, the sender, the login, and the delivery
// job on the server's scheduler.

#include <CLI/CLI.hpp>
#include <functional>
#include <optional>
#include <string>

#include "app/scheduler.hpp"
#include "app/store.hpp"
#include "mail/outbox_sender.hpp"

namespace kc::cli {

struct MailOptions {
    std::string smtp_url;  // empty: no mail server; mail waits in the outbox
    std::string from;      // the sender's address; default kenniscafe@ the public host
    std::string from_name = "Kenniscafé";
    std::string user;
    std::string password_file;
    bool require_tls = false;
    std::string ca_file;
    int interval_seconds = 15;
};

// Adds --smtp, --mail-from, --mail-from-name, --smtp-user, --smtp-password-file,
// --smtp-require-tls, --smtp-ca-file and the hidden --mail-interval (for tests) to `command`. The
// password comes from the file or the environment variable KC_SMTP_PASSWORD, never from the command
// line, where every user of the machine could read it.
void add_mail_options(CLI::App& command, MailOptions& options);

// The settings to send with, or nullopt with a message in Dutch and English when an option
// is wrong. `public_host` names this server in Message-IDs and the default sender.
std::optional<mail::MailSettings> mail_settings(const MailOptions& options,
                                                const std::string& public_host,
                                                std::string& problem);

// Registers the delivery job: every `interval_seconds` it sends what is due.
void add_delivery_job(app::Scheduler& scheduler, app::Store& store, mail::MailSettings settings,
                      int interval_seconds, std::function<time::Timestamp()> now);

}  // namespace kc::cli
