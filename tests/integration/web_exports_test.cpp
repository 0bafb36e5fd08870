// Exports of registrations through the web app and the API: the files' content (the XLSX read
// back with openpyxl, as a spreadsheet would), who may download them across two Werkplaatsen,
// the period form's Dutch messages, and the audit record every export leaves.
#include <gtest/gtest.h>

#include <boost/json.hpp>
#include <cstdio>
#include <fstream>

#include "app/accounts.hpp"
#include "app/live.hpp"
#include "app/privacy.hpp"
#include "app/registrations.hpp"
#include "storage/sqlite/sqlite_store.hpp"
#include "test_support.hpp"
#include "web_in_process.hpp"

namespace kc {
namespace {

namespace json = boost::json;

constexpr time::Timestamp now = 1'795'910'400;
constexpr const char* csrf = "csrf-token-of-this-browser";
constexpr std::int64_t day = 86'400;

using Reply = testing::WebReply;

class WebExportsTest : public ::testing::Test {
  protected:
    void SetUp() override {
        store_ = std::make_unique<storage::sqlite::SqliteStore>(dir_.file("exports.db"));
        store_->write_and_wait([&](app::Transaction& tx) {
            const auto werkplaatsen = testing::two_werkplaatsen(tx);
            a_ = werkplaatsen.a;
            b_ = werkplaatsen.b;
            const auto add = [&](const char* email, std::int64_t werkplaats, app::Role role) {
                return testing::add_member(tx, email, werkplaats, role);
            };
            organiser_a_ = add("organisator@a.nl", a_, app::Role::organiser);
            host_a_ = add("gastheer@a.nl", a_, app::Role::host);
            organiser_b_ = add("organisator@b.nl", b_, app::Role::organiser);
            const auto group = tx.groups(a_)[2];
            resident_ = group.name;
            cafe_a_ = testing::published_cafe(tx, a_, "Jongeren en schulden", now + 3 * day);
            earlier_a_ = testing::published_cafe(tx, a_, "Wonen, zorg en welzijn", now - 40 * day);
            testing::published_cafe(tx, a_, "Lang geleden", now - 400 * day);
            cafe_b_ = testing::published_cafe(tx, b_, "Eenzaamheid in de wijk", now + 3 * day);
            app::register_participant(tx, cafe_a_,
                                      {"Anouk de Vries", "anouk@example.nl", group.id, "=Gemeente",
                                       "Geen vlees", "Rolstoel", true, false},
                                      now - 2 * day);
            app::register_participant(
                tx, cafe_a_, {"Bram", "", group.id, "Humanitas", "", "", false, false}, now - day);
            app::register_participant(
                tx, earlier_a_, {"Carla", "", group.id, "", "", "", false, false}, now - 45 * day);
            tx.set_event_hosts(cafe_a_, {host_a_});
            session_a_ = app::create_live_session(tx, {a_, cafe_a_}, "Peiling", now).id;
            token_a_ = app::create_api_token(tx, {organiser_a_, a_, app::Role::organiser, {}},
                                             "spreadsheet", app::Role::organiser, 30, now)
                           .token;
            host_token_a_ = app::create_api_token(tx, {host_a_, a_, app::Role::host, {}}, "deur",
                                                  app::Role::host, 30, now)
                                .token;
            token_b_ = app::create_api_token(tx, {organiser_b_, b_, app::Role::organiser, {}}, "b",
                                             app::Role::organiser, 30, now)
                           .token;
        });
        web::WebConfig config;
        config.share_dir = KC_SOURCE_SHARE_DIR;
        config.public_base_url = "http://kenniscafe.test";
        config.now = [] { return now; };
        app_ = std::make_unique<web::WebApp>(*store_, config);
    }

    std::string session_of(std::int64_t user_id) {
        return testing::browser_session(*store_, user_id, csrf, now);
    }

    // A GET as a browser with `cookies`, or as a script with a bearer token.
    Reply get(const std::string& target, const std::string& cookies,
              const std::string& bearer = "") {
        testing::Headers headers = {{"host", "kenniscafe.test"}, {"cookie", cookies}};
        if (!bearer.empty()) headers.emplace_back("authorization", "Bearer " + bearer);
        return testing::handle(*app_, "GET", target, "", std::move(headers));
    }

    std::vector<app::AuditEntry> exports_in_log(std::int64_t werkplaats) {
        std::vector<app::AuditEntry> found;
        for (auto& entry : app::audit_log(store_->read(), werkplaats).entries) {
            if (entry.action == app::AuditAction::exported) found.push_back(std::move(entry));
        }
        return found;
    }

    // The workbook as openpyxl reads it (tests/integration/xlsx_cells.py). Debian's
    // python3-openpyxl belongs to the system's Python, which a python3 earlier on the PATH
    // (pyenv) would not see.
    json::value read_workbook(const std::string& bytes) {
        const std::string file = dir_.file("export.xlsx");
        std::ofstream(file, std::ios::binary) << bytes;
        const std::string command = std::string("/usr/bin/python3 ") + KC_SOURCE_SHARE_DIR +
                                    "/tests/integration/xlsx_cells.py " + file;
        std::string output;
        if (FILE* pipe = popen(command.c_str(), "r")) {
            char buffer[4096];
            while (const auto read = fread(buffer, 1, sizeof buffer, pipe)) {
                output.append(buffer, read);
            }
            EXPECT_EQ(pclose(pipe), 0) << "openpyxl could not read the workbook";
        }
        return json::parse(output);
    }

    std::string path(std::int64_t event_id, const std::string& rest) {
        return "/beheer/events/" + std::to_string(event_id) + rest;
    }

    testing::TempDir dir_;
    std::unique_ptr<app::Store> store_;
    std::unique_ptr<web::WebApp> app_;
    std::int64_t a_ = 0, b_ = 0, organiser_a_ = 0, host_a_ = 0, organiser_b_ = 0;
    std::int64_t cafe_a_ = 0, earlier_a_ = 0, cafe_b_ = 0, session_a_ = 0;
    std::string resident_, token_a_, host_token_a_, token_b_;
};

TEST_F(WebExportsTest, AnOrganiserDownloadsACafesRegistrationsForDutchExcelAndTheLogSaysSo) {
    const Reply reply =
        get(path(cafe_a_, "/aanmeldingen.csv?scheidingsteken=puntkomma"), session_of(organiser_a_));
    ASSERT_EQ(reply.status, 200) << reply.body;
    EXPECT_EQ(reply.header("Cache-Control"), "no-store");
    EXPECT_NE(reply.header("Content-Disposition").find("attachment"), std::string::npos);
    EXPECT_TRUE(reply.body.starts_with("\xEF\xBB\xBFNaam;E-mail;Groep;Organisatie;Status;"));
    EXPECT_NE(reply.body.find("\r\nAnouk de Vries;anouk@example.nl;" + resident_ +
                              ";'=Gemeente;Aangemeld;Nog niet bekend;nee;"),
              std::string::npos)
        << reply.body;
    // The café's own export carries what is needed to prepare it.
    EXPECT_NE(reply.body.find(";Geen vlees;Rolstoel\r\n"), std::string::npos);
    EXPECT_NE(reply.body.find("\r\nBram;"), std::string::npos);
    EXPECT_EQ(reply.body.find("Carla"), std::string::npos) << "another café's registration";

    const auto log = exports_in_log(a_);
    ASSERT_EQ(log.size(), 1u);
    EXPECT_EQ(log[0].event_id, cafe_a_);
    EXPECT_EQ(log[0].detail, "aanmeldingen, csv met puntkomma, 2 rijen");
    EXPECT_EQ(log[0].actor.account_id, organiser_a_);
    EXPECT_TRUE(exports_in_log(b_).empty());
}

TEST_F(WebExportsTest, TheWorkbookHasABoldFrozenHeadingRealDatesAndTheCellsOfTheCsv) {
    const Reply reply = get(path(cafe_a_, "/aanmeldingen.xlsx"), session_of(organiser_a_));
    ASSERT_EQ(reply.status, 200) << reply.body;
    const auto book = read_workbook(reply.body).as_object();
    EXPECT_EQ(book.at("title").as_string(), "Aanmeldingen");
    EXPECT_EQ(book.at("freeze").as_string(), "A2");
    EXPECT_TRUE(book.at("header_bold").as_bool());
    EXPECT_EQ(book.at("filter").as_string(), "A1:M3");
    EXPECT_GE(book.at("widths").as_object().at("A").as_double(), 20.0);
    const auto& rows = book.at("rows").as_array();
    ASSERT_EQ(rows.size(), 3u);
    const auto cell = [&](std::size_t row, std::size_t column) -> const json::object& {
        return rows[row].as_array()[column].as_object();
    };
    EXPECT_EQ(cell(0, 0).at("value").as_string(), "Naam");
    EXPECT_EQ(cell(0, 7).at("value").as_string(), "Aangemeld op");
    EXPECT_EQ(cell(1, 0).at("value").as_string(), "Anouk de Vries");
    // A text cell is never a formula, so it needs no apostrophe.
    EXPECT_EQ(cell(1, 3).at("value").as_string(), "=Gemeente");
    EXPECT_EQ(cell(1, 3).at("type").as_string(), "str");
    EXPECT_EQ(cell(1, 4).at("value").as_string(), "Aangemeld");
    // Registered two days before `now`, shown in Amsterdam time as a real date.
    EXPECT_EQ(cell(1, 7).at("type").as_string(), "datetime");
    EXPECT_EQ(cell(1, 7).at("value").as_string(), time::format_date_input(now - 2 * day) + "T" +
                                                      time::format_time_input(now - 2 * day) +
                                                      ":00");
    EXPECT_EQ(cell(1, 7).at("format").as_string(), "dd-mm-yyyy hh:mm");
    EXPECT_EQ(cell(1, 9).at("value").as_string(), "ja");
    EXPECT_EQ(cell(1, 11).at("value").as_string(), "Geen vlees");
    EXPECT_EQ(cell(1, 12).at("value").as_string(), "Rolstoel");
    EXPECT_EQ(cell(2, 0).at("value").as_string(), "Bram");
    EXPECT_EQ(exports_in_log(a_).at(0).detail, "aanmeldingen, xlsx, 2 rijen");
}

TEST_F(WebExportsTest, APeriodCoversEveryCafeOfTheWerkplaatsInItAndNoOther) {
    const std::string from = time::format_date_input(now - 60 * day);
    const std::string to = time::format_date_input(now + 10 * day);
    const Reply csv = get(
        "/beheer/export/bestand?van=" + from + "&tot=" + to + "&formaat=csv&scheidingsteken=komma",
        session_of(organiser_a_));
    ASSERT_EQ(csv.status, 200) << csv.body;
    EXPECT_TRUE(
        csv.body.starts_with("\xEF\xBB\xBF"
                             "Bijeenkomst,Datum,Naam,"));
    // Café by café in order of date, each row naming its café and date.
    const auto carla = csv.body.find("\r\n\"Wonen, zorg en welzijn\"," +
                                     time::format_date_input(now - 40 * day) + ",Carla,");
    const auto anouk = csv.body.find("\r\nJongeren en schulden," +
                                     time::format_date_input(now + 3 * day) + ",Anouk de Vries,");
    EXPECT_NE(carla, std::string::npos) << csv.body;
    EXPECT_NE(anouk, std::string::npos) << csv.body;
    EXPECT_LT(carla, anouk);
    EXPECT_EQ(csv.body.find("Eenzaamheid"), std::string::npos) << "another Werkplaats's café";
    // A period is for counting, not for preparing a café: no health notes.
    EXPECT_EQ(csv.body.find("Rolstoel"), std::string::npos);

    const Reply xlsx = get("/beheer/export/bestand?van=" + from + "&tot=" + to + "&formaat=xlsx",
                           session_of(organiser_a_));
    ASSERT_EQ(xlsx.status, 200);
    const auto book = read_workbook(xlsx.body).as_object();
    const auto& rows = book.at("rows").as_array();
    ASSERT_EQ(rows.size(), 4u);
    const auto& first = rows[1].as_array();
    EXPECT_EQ(first[0].as_object().at("value").as_string(), "Wonen, zorg en welzijn");
    EXPECT_EQ(first[1].as_object().at("type").as_string(), "datetime");
    EXPECT_EQ(first[1].as_object().at("format").as_string(), "dd-mm-yyyy");

    const auto log = exports_in_log(a_);
    ASSERT_EQ(log.size(), 2u);
    EXPECT_EQ(log[0].detail, "aanmeldingen " + from + " t/m " + to + ", xlsx, 3 rijen");
    EXPECT_EQ(log[1].detail, "aanmeldingen " + from + " t/m " + to + ", csv, 3 rijen");
    EXPECT_FALSE(log[0].event_id.has_value());
}

TEST_F(WebExportsTest, ThePeriodFormExplainsBadDatesInDutchAndKeepsWhatWasTyped) {
    const std::string organiser = session_of(organiser_a_);
    const Reply form = get("/beheer/export", organiser);
    ASSERT_EQ(form.status, 200);
    EXPECT_NE(form.body.find("Aanmeldingen exporteren"), std::string::npos);
    const Reply reversed =
        get("/beheer/export/bestand?van=2026-05-01&tot=2026-04-30&formaat=csv", organiser);
    EXPECT_EQ(reversed.status, 422);
    EXPECT_NE(reversed.body.find("Deze datum ligt vóór de begindatum."), std::string::npos);
    EXPECT_NE(reversed.body.find("value=\"2026-05-01\""), std::string::npos);
    EXPECT_NE(reversed.body.find("value=\"2026-04-30\""), std::string::npos);
    const Reply bad = get("/beheer/export/bestand?van=morgen&tot=&formaat=pdf", organiser);
    EXPECT_EQ(bad.status, 422);
    EXPECT_NE(bad.body.find("Vul een goede datum in."), std::string::npos);
    EXPECT_NE(bad.body.find("Vul een datum in."), std::string::npos);
    EXPECT_NE(bad.body.find("value=\"morgen\""), std::string::npos);
    EXPECT_TRUE(exports_in_log(a_).empty()) << "a refused export is no export";
}

TEST_F(WebExportsTest, OnlyOrganisersOfTheCafesOwnWerkplaatsGetAFile) {
    const std::string host = session_of(host_a_);
    const std::string other = session_of(organiser_b_);
    for (const std::string extension : {".csv", ".xlsx"}) {
        const std::string page = path(cafe_a_, "/aanmeldingen" + extension);
        EXPECT_EQ(get(page, other).status, 404) << page;
        EXPECT_EQ(get(page, host).status, 403) << page;
        const Reply anonymous = get(page, "");
        EXPECT_EQ(anonymous.status, 303);
        EXPECT_TRUE(anonymous.header("Location").starts_with("/login"));
        const std::string api =
            "/api/v1/events/" + std::to_string(cafe_a_) + "/registrations" + extension;
        EXPECT_EQ(get(api, "", token_b_).status, 404) << api;
        EXPECT_EQ(get(api, "", host_token_a_).status, 403) << api;
        EXPECT_EQ(get(api, "").status, 401) << api;
        // A browser's session does not open the API.
        EXPECT_EQ(get(api, session_of(organiser_a_)).status, 401) << api;
    }
    EXPECT_EQ(get("/beheer/export", host).status, 403);
    EXPECT_EQ(get("/beheer/export/bestand?van=2026-01-01&tot=2026-12-31&formaat=csv", host).status,
              403);
    EXPECT_TRUE(exports_in_log(a_).empty());
    EXPECT_TRUE(exports_in_log(b_).empty());
}

TEST_F(WebExportsTest, TheApiGivesTheContractsColumnsToAnOrganisersToken) {
    const std::string api = "/api/v1/events/" + std::to_string(cafe_a_) + "/registrations";
    const Reply csv = get(api + ".csv?separator=semicolon", "", token_a_);
    ASSERT_EQ(csv.status, 200) << csv.body;
    EXPECT_EQ(csv.body,
              "\xEF\xBB\xBF"
              "name;group;organisation;status;attendance\r\n"
              "Anouk de Vries;" +
                  resident_ +
                  ";'=Gemeente;registered;unknown\r\n"
                  "Bram;" +
                  resident_ + ";Humanitas;registered;unknown\r\n");
    const Reply xlsx = get(api + ".xlsx", "", token_a_);
    ASSERT_EQ(xlsx.status, 200);
    const auto book = read_workbook(xlsx.body).as_object();
    const auto& heading = book.at("rows").as_array()[0].as_array();
    ASSERT_EQ(heading.size(), 5u);
    EXPECT_EQ(heading[4].as_object().at("value").as_string(), "attendance");
    const auto log = exports_in_log(a_);
    ASSERT_EQ(log.size(), 2u);
    EXPECT_EQ(log[1].detail, "aanmeldingen, csv met puntkomma, 2 rijen");
    EXPECT_TRUE(log[1].actor.api_token_id.has_value());
}

TEST_F(WebExportsTest, TheAttendancePageLinksTheExportsForOrganisersOnly) {
    const std::string page = path(cafe_a_, "/aanwezigheid");
    const Reply organiser = get(page, session_of(organiser_a_));
    ASSERT_EQ(organiser.status, 200);
    EXPECT_NE(organiser.body.find(path(cafe_a_, "/aanmeldingen.xlsx")), std::string::npos);
    EXPECT_NE(organiser.body.find("Exporteer aanmeldingen (CSV)"), std::string::npos);
    const std::string live_csv =
        path(cafe_a_, "/live/" + std::to_string(session_a_)) + "/resultaten.csv";
    EXPECT_NE(organiser.body.find(live_csv), std::string::npos);
    const Reply host = get(page, session_of(host_a_));
    ASSERT_EQ(host.status, 200);
    EXPECT_EQ(host.body.find("aanmeldingen.csv"), std::string::npos);

    // The live results are an export too.
    ASSERT_EQ(get(live_csv, session_of(organiser_a_)).status, 200);
    const auto log = exports_in_log(a_);
    ASSERT_EQ(log.size(), 1u);
    EXPECT_EQ(log[0].detail,
              "live-resultaten van sessie " + std::to_string(session_a_) + ", csv, 0 rijen");
}

}  // namespace
}  // namespace kc
