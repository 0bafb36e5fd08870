#include "cli/serve_command.hpp"

#include <sched.h>
#include <spdlog/spdlog.h>

#include <algorithm>
#include <chrono>
#include <iostream>

#include "app/demo_werkplaats.hpp"
#include "cli/admin_commands.hpp"
#include "cli/mail_options.hpp"
#include "cli/privacy_command.hpp"
#include "http/server.hpp"
#include "storage/sqlite/sqlite_store.hpp"
#include "web/mail/mail_jobs.hpp"
#include "web/web_app.hpp"

namespace kc::cli {

namespace {

// One I/O thread per core this process may run on: a server pinned to one core (taskset)
// gains nothing from a second thread, only switches between them.
int cores_available() {
    cpu_set_t cores;
    CPU_ZERO(&cores);
    if (::sched_getaffinity(0, sizeof cores, &cores) != 0) return 2;
    return std::max(1, CPU_COUNT(&cores));
}

struct ServeOptions {
    std::string database;
    std::string address = "127.0.0.1";
    int port = 8080;
    int threads = cores_available();
    bool demo = false;
    std::string public_url;
    std::string share_dir;
    int busy_timeout_seconds = 10;
    MailOptions mail;
};

int serve(const ServeOptions& options) {
    try {
        storage::sqlite::SqliteStore store(
            options.database, {.busy_timeout = std::chrono::seconds(options.busy_timeout_seconds)});
        const auto now = [] { return static_cast<time::Timestamp>(std::time(nullptr)); };
        if (options.demo && app::is_empty(store.read())) {
            store.write_and_wait(
                [&](app::Transaction& tx) { app::load_demo_werkplaats(tx, now()); });
            spdlog::info("demo Werkplaats loaded into {}", options.database);
        }
        web::WebConfig config;
        config.share_dir = options.share_dir.empty() ? default_share_dir() : options.share_dir;
        config.public_base_url = options.public_url.empty() ? "http://" + options.address + ":" +
                                                                  std::to_string(options.port)
                                                            : options.public_url;
        config.secure_cookies = config.public_base_url.rfind("https://", 0) == 0;
        config.now = now;
        config.smtp_server = options.mail.smtp_url;
        web::WebApp application(store, config);
        std::optional<mail::MailSettings> mail_settings;
        if (!options.mail.smtp_url.empty()) {
            std::string problem;
            mail_settings =
                cli::mail_settings(options.mail, application.site().public_host(), problem);
            if (!mail_settings) {
                std::cerr << "Fout / error: " << problem << "\n";
                return 2;
            }
        }
        app::Scheduler scheduler(now, [](const std::string& job, std::exception_ptr) {
            spdlog::error("scheduled job {} failed", job);
        });
        add_privacy_jobs(scheduler, store, now);
        web::add_mail_jobs(scheduler, application.site());
        // Without a mail server the mail waits in the outbox, visible on /beheer/mail.
        if (mail_settings) {
            add_delivery_job(scheduler, store, std::move(*mail_settings),
                             options.mail.interval_seconds, now);
        }
        scheduler.start();

        http::ServerOptions server_options;
        server_options.address = options.address;
        server_options.port = static_cast<std::uint16_t>(options.port);
        server_options.threads = options.threads;
        std::string error;
        auto server = http::Server::start(server_options, application, error);
        if (!server) {
            std::cerr << "Fout: de server kan niet starten: " << error << "\n";
            return 1;
        }
        if (options.public_url.empty()) {
            application.set_public_base_url("http://" + options.address + ":" +
                                            std::to_string(server->port()));
        }
        std::cout << "Kenniscafé draait op http://" << options.address << ":" << server->port()
                  << "/" << std::endl;
        if (options.demo) {
            std::cout << "Demo: log in op /login als " << app::DemoLogin::organiser_email
                      << " met wachtwoord " << app::DemoLogin::password << std::endl;
        }
        server->run_until_signalled();
        return 0;
    } catch (const std::exception& failure) {
        std::cerr << "Fout: " << failure.what() << "\n";
        return 1;
    }
}

}  // namespace

void add_serve_command(CLI::App& app) {
    auto options = std::make_shared<ServeOptions>();
    auto* command = app.add_subcommand("serve", "Start de webserver / start the web server");
    command->add_option("--db", options->database, "SQLite-databasebestand")->required();
    command->add_option("--port", options->port, "TCP-poort (0 = vrije poort)")
        ->check(CLI::Range(0, 65535));
    command->add_option("--address", options->address, "IP-adres om op te luisteren");
    command
        ->add_option("--threads", options->threads,
                     "Aantal I/O-threads (standaard: de kernen die het proces mag gebruiken)")
        ->check(CLI::Range(1, 64));
    command->add_flag("--demo", options->demo, "Laad de demo-Werkplaats in een lege database");
    command->add_option("--public-url", options->public_url,
                        "Adres waarop bezoekers de site bereiken");
    command->add_option("--share-dir", options->share_dir, "Map met templates/, static/ en i18n/");
    command
        ->add_option("--busy-timeout", options->busy_timeout_seconds,
                     "Seconden wachten op een ander programma dat de database vasthoudt, "
                     "daarna 503 'probeer het opnieuw'")
        ->check(CLI::Range(1, 3600));
    add_mail_options(*command, options->mail);
    command->callback([options] {
        const int code = serve(*options);
        if (code != 0) throw CLI::RuntimeError(code);
    });
}

}  // namespace kc::cli
