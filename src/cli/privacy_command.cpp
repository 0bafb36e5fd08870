#include "cli/privacy_command.hpp"

#include <spdlog/spdlog.h>

#include <ctime>
#include <filesystem>
#include <iostream>

#include "app/privacy.hpp"
#include "storage/sqlite/sqlite_store.hpp"

namespace kc::cli {

namespace {

struct PurgeOptions {
    std::string database;
    std::string werkplaats;
    bool dry_run = false;
};

[[noreturn]] void fail(const std::string& message) {
    std::cerr << "Fout: " << message << "\n";
    throw CLI::RuntimeError(1);
}

std::string date(time::Timestamp instant) { return time::format_date_input(instant); }

std::string registrations(int count) {
    return std::to_string(count) + (count == 1 ? " aanmelding" : " aanmeldingen");
}

void print_overview(const app::RetentionOverview& overview) {
    std::cout << overview.werkplaats.name << " (" << overview.werkplaats.slug << "): bewaartermijn "
              << overview.settings.retention.months << " maanden na de bijeenkomst\n";
    int due_events = 0;
    for (const auto& item : overview.events) {
        std::cout << (item.due ? "  nu wissen: " : "  later:     ") << date(item.event_starts_at)
                  << " '" << item.title << "': " << registrations(item.registrations)
                  << (item.due ? ", gewist vanaf " : ", wordt gewist op ") << date(item.erase_at)
                  << "\n";
        if (item.due) ++due_events;
    }
    std::cout << "  Nu te wissen: " << registrations(overview.due_registrations) << " van "
              << due_events << (due_events == 1 ? " bijeenkomst" : " bijeenkomsten") << ", "
              << overview.due_audit_entries << " regels uit het logboek (van voor "
              << date(overview.audit_cutoff) << ").\n";
}

void purge(const PurgeOptions& options) {
    if (!std::filesystem::exists(options.database)) {
        fail("de database " + options.database + " bestaat niet");
    }
    try {
        storage::sqlite::SqliteStore store(options.database);
        std::optional<std::int64_t> werkplaats_id;
        if (!options.werkplaats.empty()) {
            for (const auto& werkplaats : store.read().werkplaatsen()) {
                if (werkplaats.slug == options.werkplaats) werkplaats_id = werkplaats.id;
            }
            if (!werkplaats_id) fail("geen Werkplaats met de naam '" + options.werkplaats + "'");
        }
        const auto now = static_cast<time::Timestamp>(std::time(nullptr));
        if (options.dry_run) {
            std::cout << "Proef (--dry-run): er wordt niets gewist.\n";
            for (const auto& overview :
                 app::retention_overviews(store.read(), now, werkplaats_id)) {
                print_overview(overview);
            }
            return;
        }
        app::PurgeReport report;
        store.write_and_wait(
            [&](app::Transaction& tx) { report = app::purge_expired(tx, now, werkplaats_id); });
        for (const auto& purged : report.werkplaatsen) {
            std::cout << purged.werkplaats.name << " (" << purged.werkplaats.slug
                      << "): " << registrations(purged.registrations) << " van "
                      << purged.events.size() << " bijeenkomsten gewist, " << purged.audit_entries
                      << " regels uit het logboek";
            if (purged.werkteam_emails > 0) {
                std::cout << ", " << purged.werkteam_emails
                          << " e-mailadressen van leden van afgeronde werkteams";
            }
            if (purged.mails > 0) {
                std::cout << ", " << purged.mails << " oude e-mails uit de outbox";
            }
            std::cout << ".\n";
        }
        std::cout << "Klaar: " << registrations(report.registrations)
                  << " gewist; de tellingen per groep blijven bewaard.\n";
    } catch (const CLI::Error&) {
        throw;
    } catch (const std::exception& failure) {
        fail(failure.what());
    }
}

}  // namespace

void add_privacy_jobs(app::Scheduler& scheduler, app::Store& store,
                      std::function<time::Timestamp()> now) {
    scheduler.add("privacy-purge", app::Schedule::daily_at(3, 30, true), [&store, now] {
        auto report = std::make_shared<app::PurgeReport>();
        store.write(
            [report, now](app::Transaction& tx) { *report = app::purge_expired(tx, now()); },
            [report](std::exception_ptr failure) {
                if (!failure) {
                    spdlog::info(
                        "privacy purge: {} registrations, {} audit entries, {} werkteam "
                        "members' e-mail addresses and {} mails erased",
                        report->registrations, report->audit_entries, report->werkteam_emails,
                        report->mails);
                    return;
                }
                try {
                    std::rethrow_exception(failure);
                } catch (const std::exception& error) {
                    spdlog::error("privacy purge failed: {}", error.what());
                } catch (...) {
                    spdlog::error("privacy purge failed");
                }
            });
    });
}

void add_privacy_command(CLI::App& app) {
    auto options = std::make_shared<PurgeOptions>();
    auto* privacy = app.add_subcommand("privacy", "Privacy (AVG): bewaartermijnen / retention");
    privacy->require_subcommand(1);
    auto* purge_command = privacy->add_subcommand(
        "purge", "Wis persoonsgegevens na de bewaartermijn; tellingen blijven");
    purge_command->add_option("--db", options->database, "SQLite-databasebestand")->required();
    purge_command->add_flag("--dry-run", options->dry_run,
                            "Laat zien wat gewist wordt en wanneer, zonder te wissen");
    purge_command->add_option("--werkplaats", options->werkplaats, "Alleen deze Werkplaats (slug)");
    purge_command->callback([options] { purge(*options); });
}

}  // namespace kc::cli
