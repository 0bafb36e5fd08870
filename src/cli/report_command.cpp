#include "cli/report_command.hpp"

#include <chrono>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <iostream>

#include "cli/admin_commands.hpp"
#include "cli/command_failure.hpp"
#include "core/validation.hpp"
#include "reports/report_html.hpp"
#include "reports/report_pdf.hpp"
#include "storage/sqlite/sqlite_store.hpp"
#include "web/reports/report_sources.hpp"

namespace kc::cli {

namespace {

struct MagazineOptions {
    std::string database;
    std::string from;
    std::string to;
    std::string format;
    std::string out;
    std::string werkplaats;
    std::string foreword_file;
    std::string language = "nl";
};

// The Werkplaats named by --werkplaats, or the only one when the database holds one.
app::Werkplaats werkplaats_of(app::Queries& queries, const std::string& slug) {
    const auto all = queries.werkplaatsen();
    if (slug.empty()) {
        if (all.size() == 1) return all.front();
        fail("de database heeft " + std::to_string(all.size()) +
                 " Werkplaatsen; kies er een met --werkplaats SLUG.",
             "the database holds " + std::to_string(all.size()) +
                 " Werkplaatsen; pick one with --werkplaats SLUG.");
    }
    for (const auto& werkplaats : all) {
        if (werkplaats.slug == slug) return werkplaats;
    }
    fail("geen Werkplaats met de naam '" + slug + "'.", "no Werkplaats named '" + slug + "'.");
}

void check_arguments(const MagazineOptions& options) {
    if (options.format != "pdf" && options.format != "html") {
        fail("--format moet pdf of html zijn, niet \"" + options.format + "\".",
             "--format must be pdf or html, not \"" + options.format + "\".");
    }
    if (options.language != "nl" && options.language != "en") {
        fail("--lang moet nl of en zijn.", "--lang must be nl or en.");
    }
    for (const auto& error : app::validate(app::MagazinePeriod{options.from, options.to})) {
        const std::string option = "--" + error.field;
        if (error.message_key == "report.error.bad_date") {
            fail(option + " moet een datum zijn als 2025-01-31.",
                 option + " must be a date like 2025-01-31.");
        }
        if (error.message_key == "report.error.period_reversed") {
            fail("--to ligt voor --from.", "--to is before --from.");
        }
        fail("de periode is langer dan " + std::to_string(error.limit) + " dagen.",
             "the period is longer than " + std::to_string(error.limit) + " days.");
    }
    if (!std::filesystem::exists(options.database)) {
        fail("de database " + options.database + " bestaat niet.",
             "the database " + options.database + " does not exist.");
    }
}

double seconds_since(std::chrono::steady_clock::time_point start) {
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

void make_magazine(const MagazineOptions& options) {
    check_arguments(options);
    const std::string foreword =
        options.foreword_file.empty() ? "" : read_file_or_fail(options.foreword_file);
    const auto start = std::chrono::steady_clock::now();
    try {
        const auto translations = web::Translations::load(default_share_dir() + "/i18n");
        const auto& catalogue =
            translations[options.language == "en" ? web::Language::en : web::Language::nl];
        const web::reports::CatalogueWords words(catalogue);
        storage::sqlite::SqliteStore store(options.database);
        auto& queries = store.read();
        const auto werkplaats = werkplaats_of(queries, options.werkplaats);
        const web::reports::MagazineRequest request{
            werkplaats.id,
            {options.from, options.to},
            foreword,
            werkplaats.host_name.empty() ? "" : "https://" + werkplaats.host_name};
        const auto now = static_cast<time::Timestamp>(std::time(nullptr));
        const auto sources = web::reports::magazine_sources(
            queries, request, now, [](std::size_t read, std::size_t total) {
                std::cerr << "Gelezen: café " << read << " van " << total << "\n";
            });
        const auto magazine = reports::build_magazine(sources, words);
        std::string document;
        if (options.format == "html") {
            document = reports::magazine_html(magazine, words);
        } else {
            std::cerr << "Opmaak van " << magazine.chapters.size() << " cafés…\n";
            document = reports::magazine_pdf(
                magazine, words,
                [start](std::size_t done, std::size_t total, const std::string& cafe) {
                    std::cerr << "Gezet: café " << done << " van " << total << " (" << cafe << "), "
                              << static_cast<int>(seconds_since(start)) << " s\n";
                });
        }
        std::ofstream out(options.out, std::ios::binary | std::ios::trunc);
        out << document;
        out.close();
        if (!out) {
            fail("kan " + options.out + " niet schrijven.", "cannot write " + options.out + ".");
        }
        std::cout << "Magazine geschreven: " << options.out << " (" << magazine.chapters.size()
                  << " cafés, " << document.size() / 1024 << " kB, " << seconds_since(start)
                  << " s)\n";
    } catch (const CLI::Error&) {
        throw;
    } catch (const std::exception& failure) {
        fail(failure.what(), failure.what());
    }
}

}  // namespace

void add_report_command(CLI::App& app) {
    auto* report =
        app.add_subcommand("report", "Verslagen en het magazine / reports and the magazine");
    report->require_subcommand(1);
    auto options = std::make_shared<MagazineOptions>();
    auto* magazine = report->add_subcommand(
        "magazine", "Het magazine van een periode als PDF of HTML / the magazine of a period");
    magazine->add_option("--db", options->database, "SQLite-databasebestand")->required();
    magazine->add_option("--from", options->from, "Eerste dag, JJJJ-MM-DD")->required();
    magazine->add_option("--to", options->to, "Laatste dag, JJJJ-MM-DD")->required();
    magazine->add_option("--format", options->format, "pdf of html")->required();
    magazine->add_option("--out", options->out, "Het bestand dat geschreven wordt")->required();
    magazine->add_option("--werkplaats", options->werkplaats,
                         "De Werkplaats (slug); nodig als de database er meer heeft");
    magazine->add_option("--foreword", options->foreword_file,
                         "Een bestand met het voorwoord (Markdown)");
    magazine->add_option("--lang", options->language, "nl (standaard) of en");
    magazine->callback([options] { make_magazine(*options); });
}

}  // namespace kc::cli
