// How long a magazine takes: the demo Werkplaats's five held cafés, each copied until the
// period holds the wanted number of cafés (with their attendance, harvest, actions and
// report texts), read from SQLite and set as PDF and as HTML. Prints one Markdown table row
// per run: cafés, pages, seconds, the file's size and the process's peak memory.
#include <sys/resource.h>
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <ctime>
#include <filesystem>
#include <iostream>
#include <string>

#include "app/demo_werkplaats.hpp"
#include "app/follow_up.hpp"
#include "app/reports.hpp"
#include "reports/report_html.hpp"
#include "reports/report_pdf.hpp"
#include "storage/sqlite/sqlite_store.hpp"
#include "web/reports/report_sources.hpp"

namespace {

using namespace kc;

constexpr time::Timestamp day = 86'400;

// Copies every held café with attendance, a week after the last, until there are `wanted`.
void add_cafes(app::Store& store, std::int64_t werkplaats_id, std::size_t wanted,
               time::Timestamp now) {
    store.write_and_wait([&](app::Transaction& tx) {
        app::EventFilter filter;
        filter.werkplaats_id = werkplaats_id;
        std::vector<domain::Event> originals;
        for (auto& event : tx.events(filter)) {
            if (event.status == domain::EventStatus::held && tx.counts(event.id).checked_in > 0) {
                originals.push_back(std::move(event));
            }
        }
        time::Timestamp starts = originals.back().details.starts_at;
        for (std::size_t copy = originals.size(); copy < wanted; ++copy) {
            const auto& original = originals[copy % originals.size()];
            auto details = original.details;
            starts += 7 * day;
            details.ends_at = starts + (details.ends_at - details.starts_at);
            details.starts_at = starts;
            const auto id = tx.insert_event(werkplaats_id, details, domain::EventStatus::held, now);
            for (auto registration : tx.registrations(original.id)) {
                registration.event_id = id;
                registration.cancel_token += "-" + std::to_string(id);
                tx.insert_registration(registration);
            }
            if (auto texts = tx.report_texts(original.id)) {
                texts->event_id = id;
                tx.save_report_texts(*texts);
            }
            app::HarvestFilter harvest;
            harvest.event_id = original.id;
            for (auto item : tx.harvest_items(harvest, {1, 1000}).items) {
                item.event_id = id;
                tx.insert_harvest_item(item);
            }
        }
    });
}

int page_count(const std::string& pdf) {
    int pages = 0;
    for (std::size_t at = pdf.find("/Type /Page"); at != std::string::npos;
         at = pdf.find("/Type /Page", at + 1)) {
        if (pdf.compare(at, 12, "/Type /Pages") != 0) ++pages;
    }
    return pages;
}

double megabytes(std::size_t bytes) { return static_cast<double>(bytes) / (1024.0 * 1024.0); }

double peak_memory_megabytes() {
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    return static_cast<double>(usage.ru_maxrss) / 1024.0;
}

}  // namespace

int main(int argc, char** argv) {
    const std::size_t cafes = argc > 1 ? std::stoul(argv[1]) : 20;
    const std::string database = (std::filesystem::temp_directory_path() /
                                  ("bench-reports-" + std::to_string(getpid()) + ".db"))
                                     .string();
    const time::Timestamp now = std::time(nullptr);
    {
        storage::sqlite::SqliteStore store(database);
        store.write_and_wait([&](app::Transaction& tx) { app::load_demo_werkplaats(tx, now); });
        const auto werkplaats = store.read().werkplaatsen().front();
        add_cafes(store, werkplaats.id, cafes, now);

        const auto translations =
            web::Translations::load(std::string(KC_SOURCE_SHARE_DIR) + "/i18n");
        const web::reports::CatalogueWords words(translations[web::Language::nl]);
        const web::reports::MagazineRequest request{
            werkplaats.id, {"2018-09-01", time::format_date_input(now)}, "Een woord vooraf.", ""};
        const auto started = std::chrono::steady_clock::now();
        const auto magazine = reports::build_magazine(
            web::reports::magazine_sources(store.read(), request, now), words);
        const auto read = std::chrono::steady_clock::now();
        const std::string pdf = reports::magazine_pdf(magazine, words, nullptr);
        const auto set = std::chrono::steady_clock::now();
        const std::string html = reports::magazine_html(magazine, words);
        const auto written = std::chrono::steady_clock::now();
        const auto seconds = [](auto from, auto to) {
            return std::chrono::duration<double>(to - from).count();
        };
        std::printf("| %zu | %d | %.2f | %.2f | %.2f | %.2f | %.2f | %.0f |\n",
                    magazine.chapters.size(), page_count(pdf), seconds(started, read),
                    seconds(read, set), megabytes(pdf.size()), seconds(set, written),
                    megabytes(html.size()), peak_memory_megabytes());
    }
    std::filesystem::remove(database);
    std::filesystem::remove(database + "-wal");
    std::filesystem::remove(database + "-shm");
    return 0;
}
