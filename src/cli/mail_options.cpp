#include "cli/mail_options.hpp"

#include <spdlog/spdlog.h>

#include <algorithm>
#include <cstdlib>
#include <fstream>
#include <memory>
#include <sstream>

#include "app/mail.hpp"
#include "mail/mime.hpp"

namespace kc::cli {

namespace {

std::string url_problem_text(mail::SmtpUrlProblem problem) {
    switch (problem) {
        case mail::SmtpUrlProblem::scheme:
            return "--smtp moet beginnen met smtp:// of smtps:// / --smtp must start with "
                   "smtp:// or smtps://";
        case mail::SmtpUrlProblem::host:
            return "--smtp mist de naam van de mailserver / --smtp lacks the mail server's name";
        case mail::SmtpUrlProblem::port:
            return "--smtp heeft een ongeldige poort (1 tot 65535) / --smtp has an invalid port "
                   "(1 to 65535)";
        case mail::SmtpUrlProblem::extra:
            return "--smtp mag alleen smtp://SERVER:POORT zijn, zonder pad of gebruiker / --smtp "
                   "must be smtp://HOST:PORT only, without a path or user";
        case mail::SmtpUrlProblem::none:
            break;
    }
    return "";
}

}  // namespace

void add_mail_options(CLI::App& command, MailOptions& options) {
    command
        .add_option("--smtp", options.smtp_url,
                    "Mailserver, bijv. smtp://mail.example.nl:587 of smtps://mail.example.nl:465 "
                    "(zonder: e-mail wacht in de outbox)")
        ->envname("KC_SMTP")
        ->check(CLI::Validator(
            [](std::string& url) { return url_problem_text(mail::check_smtp_url(url)); },
            "smtp[s]://HOST[:PORT]"));
    command.add_option("--mail-from", options.from, "Afzender van de e-mail")
        ->envname("KC_MAIL_FROM");
    command.add_option("--mail-from-name", options.from_name, "Naam van de afzender");
    command.add_option("--smtp-user", options.user, "Gebruikersnaam bij de mailserver")
        ->envname("KC_SMTP_USER");
    command.add_option("--smtp-password-file", options.password_file,
                       "Bestand met het wachtwoord van de mailserver (of KC_SMTP_PASSWORD)");
    command.add_flag("--smtp-require-tls", options.require_tls,
                     "Alleen versleuteld versturen (STARTTLS verplicht bij smtp://)");
    command
        .add_option("--smtp-ca-file", options.ca_file,
                    "Certificaten (PEM) waarmee de mailserver te vertrouwen is, voor een server "
                    "met een certificaat van een eigen certificaatautoriteit")
        ->envname("KC_SMTP_CA_FILE");
    // Tests shorten the delivery rhythm; nobody else needs to.
    command.add_option("--mail-interval", options.interval_seconds)
        ->check(CLI::Range(1, 3600))
        ->group("");
}

std::optional<mail::MailSettings> mail_settings(const MailOptions& options,
                                                const std::string& public_host,
                                                std::string& problem) {
    const auto url_problem = mail::check_smtp_url(options.smtp_url);
    if (url_problem != mail::SmtpUrlProblem::none) {
        problem = url_problem_text(url_problem);
        return std::nullopt;
    }
    mail::MailSettings settings;
    settings.smtp.url = options.smtp_url;
    settings.smtp.user = options.user;
    settings.smtp.starttls =
        options.require_tls ? mail::StartTls::required : mail::StartTls::when_offered;
    if (!options.password_file.empty()) {
        std::ifstream file(options.password_file);
        if (!file) {
            problem = "het wachtwoordbestand " + options.password_file +
                      " is niet te lezen / cannot read the password file";
            return std::nullopt;
        }
        std::getline(file, settings.smtp.password);
    } else if (const char* password = std::getenv("KC_SMTP_PASSWORD")) {
        settings.smtp.password = password;
    }
    if (!settings.smtp.password.empty() && settings.smtp.user.empty()) {
        problem = "een wachtwoord zonder --smtp-user / a password without --smtp-user";
        return std::nullopt;
    }
    if (!options.ca_file.empty()) {
        if (!std::ifstream(options.ca_file)) {
            problem = "het certificaatbestand " + options.ca_file +
                      " is niet te lezen / cannot read the certificate file";
            return std::nullopt;
        }
        settings.smtp.ca_file = options.ca_file;
    }
    settings.host = public_host.empty() ? "localhost" : public_host;
    settings.from = {options.from_name,
                     options.from.empty() ? "kenniscafe@" + settings.host : options.from};
    if (!mail::is_safe_address(settings.from.email)) {
        problem = "--mail-from is geen geldig e-mailadres / --mail-from is not a valid address";
        return std::nullopt;
    }
    return settings;
}

void add_delivery_job(app::Scheduler& scheduler, app::Store& store, mail::MailSettings settings,
                      int interval_seconds, std::function<time::Timestamp()> now) {
    // Waiting mail is tried early every few runs, at most 45 s apart: with the default run
    // every 15 s, mail goes out within a minute of the server coming back.
    const time::Timestamp probe_seconds = std::min(45, 3 * interval_seconds);
    auto courier = std::make_shared<app::MailCourier>(store, mail::smtp_sender(std::move(settings)),
                                                      probe_seconds);
    scheduler.add("mail-delivery", app::Schedule::every(interval_seconds, true), [courier, now] {
        const auto report = courier->run(now());
        if (report.sent > 0 || report.failed > 0) {
            spdlog::info("mail: {} sent, {} attempts failed", report.sent, report.failed);
        }
    });
}

}  // namespace kc::cli
