// `kenniscafe privacy purge` on the real binary: a dry run that shows and changes nothing,
// a purge of the demo's old cafés that keeps its figures, and bad arguments refused.
#include <gtest/gtest.h>
#include <sys/wait.h>

#include <cstdio>

#include "storage/sqlite/connection.hpp"
#include "storage/sqlite/sqlite_store.hpp"
#include "test_support.hpp"

namespace kc {
namespace {

struct Ran {
    int code = -1;
    std::string output;  // stdout and stderr together
};

Ran kenniscafe(const std::string& arguments) {
    const std::string command = std::string(KC_BINARY) + " " + arguments + " 2>&1 </dev/null";
    FILE* pipe = ::popen(command.c_str(), "r");
    Ran ran;
    char buffer[4096];
    while (const auto n = std::fread(buffer, 1, sizeof buffer, pipe)) ran.output.append(buffer, n);
    const int status = ::pclose(pipe);
    ran.code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    return ran;
}

std::int64_t count(const std::string& file, const std::string& sql) {
    storage::sqlite::Connection db(file, storage::sqlite::Connection::Mode::read_only);
    auto statement = db.prepare(sql);
    statement->step();
    return statement->integer(0);
}

// The demo's attendance over all its cafés, as numbers that must survive the purge.
std::string demo_figures(const std::string& file) {
    storage::sqlite::SqliteStore store(file);
    const auto werkplaats = store.read().werkplaatsen().front();
    const auto facts = store.read().attendance_facts(werkplaats.id);
    const auto total = domain::summarize_attendance(facts, facts).total;
    return std::to_string(total.checked_in) + " present, " + std::to_string(total.new_visitors) +
           " new, " + std::to_string(total.returning_visitors) + " returning, " +
           std::to_string(total.no_show) + " no-shows";
}

TEST(PrivacyCli, DryRunShowsWhatGoesAndThePurgeKeepsTheFigures) {
    testing::TempDir dir;
    const std::string db = dir.file("kenniscafe.db");
    ASSERT_EQ(kenniscafe("demo --db " + db).code, 0);
    {
        // The demo keeps its old cafés for ten years; a Werkplaats with the usual twelve
        // months has those of 2018 and 2019 due.
        storage::sqlite::SqliteStore store(db);
        const auto werkplaats = store.read().werkplaatsen().front().id;
        auto settings = *store.read().privacy_settings(werkplaats);
        settings.retention.months = 12;
        store.write_and_wait([&](app::Transaction& tx) { tx.save_privacy_settings(settings); });
    }
    const auto registrations = count(db, "SELECT COUNT(*) FROM registrations");
    const std::string figures = demo_figures(db);

    const auto dry = kenniscafe("privacy purge --dry-run --db " + db);
    ASSERT_EQ(dry.code, 0) << dry.output;
    EXPECT_NE(dry.output.find("er wordt niets gewist"), std::string::npos) << dry.output;
    EXPECT_NE(dry.output.find("nu wissen: 2018-10-18"), std::string::npos) << dry.output;
    EXPECT_NE(dry.output.find("bewaartermijn 12 maanden"), std::string::npos) << dry.output;
    EXPECT_EQ(count(db, "SELECT COUNT(*) FROM registrations"), registrations);
    EXPECT_EQ(count(db, "SELECT COUNT(*) FROM anonymous_attendance"), 0);

    const auto purged = kenniscafe("privacy purge --db " + db + " --werkplaats zhz");
    ASSERT_EQ(purged.code, 0) << purged.output;
    EXPECT_NE(purged.output.find("Klaar:"), std::string::npos) << purged.output;
    EXPECT_LT(count(db, "SELECT COUNT(*) FROM registrations"), registrations);
    EXPECT_GT(count(db, "SELECT COUNT(*) FROM anonymous_attendance"), 0);
    EXPECT_EQ(demo_figures(db), figures);

    const auto again = kenniscafe("privacy purge --db " + db);
    ASSERT_EQ(again.code, 0) << again.output;
    EXPECT_NE(again.output.find("Klaar: 0 aanmeldingen"), std::string::npos) << again.output;
}

TEST(PrivacyCli, RefusesBadArgumentsWithAClearMessage) {
    testing::TempDir dir;
    const std::string db = dir.file("kenniscafe.db");
    ASSERT_EQ(kenniscafe("demo --db " + db).code, 0);

    const auto no_db = kenniscafe("privacy purge --dry-run");
    EXPECT_NE(no_db.code, 0);
    EXPECT_NE(no_db.output.find("--db"), std::string::npos) << no_db.output;
    const auto unknown = kenniscafe("privacy purge --db " + db + " --werkplaats nergens");
    EXPECT_NE(unknown.code, 0);
    EXPECT_NE(unknown.output.find("geen Werkplaats met de naam 'nergens'"), std::string::npos)
        << unknown.output;
    const auto missing = kenniscafe("privacy purge --db " + dir.file("bestaat-niet.db"));
    EXPECT_NE(missing.code, 0);
    EXPECT_NE(missing.output.find("bestaat niet"), std::string::npos) << missing.output;
    EXPECT_NE(kenniscafe("privacy").code, 0);
    EXPECT_NE(kenniscafe("privacy purge --db " + db + " --verwijder-alles").code, 0);
}

}  // namespace
}  // namespace kc
