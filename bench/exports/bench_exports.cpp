// A period export of years of cafés: 300 cafés with 50 registrations each (15,000 rows) in a
// real SQLite store, exported as CSV (comma and semicolon) and as XLSX the way the server
// does it: café by café from the store into one writer. Prints a Markdown table with the time
// of each run (best and median of five), the file's size and the process's peak memory.
#include <sys/resource.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include "app/events.hpp"
#include "app/exports.hpp"
#include "app/registrations.hpp"
#include "app/werkplaats_settings.hpp"
#include "reports/export_csv.hpp"
#include "reports/export_xlsx.hpp"
#include "storage/sqlite/sqlite_store.hpp"

namespace {

using namespace kc;
using Clock = std::chrono::steady_clock;

constexpr int cafes = 300;
constexpr int per_cafe = 50;
constexpr int runs = 5;
constexpr time::Timestamp start = 1'514'764'800;  // 2018-01-01
constexpr time::Timestamp week = 7 * 86'400;

long peak_kilobytes() {
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    return usage.ru_maxrss;
}

std::int64_t fill(app::Store& store) {
    std::int64_t werkplaats = 0;
    store.write_and_wait([&](app::Transaction& tx) {
        werkplaats = app::create_werkplaats(tx, "bench", "Werkplaats Bench");
        const auto groups = tx.groups(werkplaats);
        for (int c = 0; c < cafes; ++c) {
            domain::EventDetails details;
            details.title = "Kenniscafé " + std::to_string(c + 1) + ": wonen, zorg en welzijn";
            details.location_name = "Huis van de Wijk";
            details.starts_at = start + c * week;
            details.ends_at = details.starts_at + 7'200;
            const auto event = app::create_event(tx, werkplaats, details, start - week).event_id;
            // Only a published café takes registrations.
            app::change_event_status(tx, werkplaats, event, domain::EventStatus::published,
                                     start - week);
            for (int p = 0; p < per_cafe; ++p) {
                const std::string name = "Deelnemer " + std::to_string(c * per_cafe + p);
                app::register_participant(
                    tx, event,
                    {name, "d" + std::to_string(c * per_cafe + p) + "@example.nl",
                     groups[static_cast<std::size_t>(p) % groups.size()].id,
                     p % 3 == 0 ? "Gemeente Dordrecht" : "", p % 7 == 0 ? "Vegetarisch" : "", "",
                     p % 2 == 0, false},
                    details.starts_at - 86'400);
            }
        }
    });
    return werkplaats;
}

struct Figure {
    std::string name;
    double best_ms = 0;
    double median_ms = 0;
    std::size_t bytes = 0;
    int rows = 0;
};

template <typename MakeWriter>
Figure measure(const std::string& name, app::Store& store, std::int64_t werkplaats,
               const app::ExportPeriod& period, MakeWriter make_writer) {
    std::vector<double> times;
    Figure figure{name};
    for (int run = 0; run < runs; ++run) {
        const auto began = Clock::now();
        std::unique_ptr<reports::ExportWriter> writer = make_writer();
        figure.rows = app::each_registration(
            store.read(), werkplaats, period,
            [&](const domain::Event& event, const domain::Registration& registration,
                std::string_view group) {
                writer->add({event, registration, group});
            });
        figure.bytes = writer->finish().size();
        times.push_back(std::chrono::duration<double, std::milli>(Clock::now() - began).count());
    }
    std::sort(times.begin(), times.end());
    figure.best_ms = times.front();
    figure.median_ms = times[times.size() / 2];
    return figure;
}

}  // namespace

int main() {
    const auto file = std::filesystem::temp_directory_path() / "kc-bench-exports.db";
    std::filesystem::remove(file);
    auto store = std::make_unique<storage::sqlite::SqliteStore>(file.string());
    const auto filled = Clock::now();
    const auto werkplaats = fill(*store);
    const double fill_seconds = std::chrono::duration<double>(Clock::now() - filled).count();
    const auto period = app::read_period("2018-01-01", "2030-12-31").period;
    const auto layout = [] {
        return reports::organiser_layout(reports::ExportSpan::period, reports::Notes::left_out);
    };
    const long before = peak_kilobytes();
    std::vector<Figure> figures;
    figures.push_back(measure("CSV, comma", *store, werkplaats, period, [&] {
        return std::make_unique<reports::CsvExport>(layout(), reports::Separator::comma);
    }));
    figures.push_back(measure("CSV, semicolon", *store, werkplaats, period, [&] {
        return std::make_unique<reports::CsvExport>(layout(), reports::Separator::semicolon);
    }));
    figures.push_back(measure("XLSX", *store, werkplaats, period, [&] {
        return std::make_unique<reports::XlsxExport>(layout(), "Aanmeldingen");
    }));

    std::printf("# Registrations export: %d cafés × %d registrations\n\n", cafes, per_cafe);
    std::printf("Store filled in %.1f s. Peak memory before the exports %ld MB, after %ld MB.\n\n",
                fill_seconds, before / 1024, peak_kilobytes() / 1024);
    std::printf("| format | rows | best (ms) | median (ms) | file size (KB) |\n");
    std::printf("| --- | ---: | ---: | ---: | ---: |\n");
    for (const auto& figure : figures) {
        std::printf("| %s | %d | %.0f | %.0f | %zu |\n", figure.name.c_str(), figure.rows,
                    figure.best_ms, figure.median_ms, figure.bytes / 1024);
    }
    store.reset();
    std::filesystem::remove(file);
    for (const char* suffix : {"-wal", "-shm"}) {
        std::filesystem::remove(file.string() + suffix);
    }
    return 0;
}
