// A café's report over real HTTP against the `kenniscafe` binary, with two Werkplaatsen: the
// organiser writes, previews and publishes it; the public reads it (page and PDF) only once
// it is published; a host, another Werkplaats's organiser and anonymous visitors get nowhere;
// bad input comes back with a Dutch message and the typed text; the magazine downloads.
#include <gtest/gtest.h>

#include <ctime>

#include "app/registrations.hpp"
#include "app/reports.hpp"
#include "app/security.hpp"
#include "app/werkplaats_settings.hpp"
#include "http_client.hpp"
#include "server_process.hpp"
#include "storage/sqlite/sqlite_store.hpp"
#include "test_support.hpp"

namespace kc {
namespace {

using testing::http_request;
using testing::HttpReply;

constexpr const char* csrf = "csrf-token-of-this-browser";
const std::string form_type = "Content-Type: application/x-www-form-urlencoded";

class ReportWebTest : public ::testing::Test {
  protected:
    void SetUp() override {
        store_ = std::make_unique<storage::sqlite::SqliteStore>(dir_.file("reports.db"));
        const time::Timestamp now = std::time(nullptr);
        store_->write_and_wait([&](app::Transaction& tx) {
            a_ = app::create_werkplaats(tx, "zhz", "Werkplaats Zuid-Holland Zuid");
            b_ = app::create_werkplaats(tx, "ander", "Andere Werkplaats");
            const auto member = [&](const char* email, std::int64_t werkplaats, app::Role role) {
                const auto id = tx.insert_user({0, email, email, "-"});
                tx.upsert_membership({id, werkplaats, role, false});
                return id;
            };
            organiser_a_ = member("organisator@a.nl", a_, app::Role::organiser);
            host_a_ = member("gastheer@a.nl", a_, app::Role::host);
            organiser_b_ = member("organisator@b.nl", b_, app::Role::organiser);
            domain::EventDetails details;
            details.title = "Café één: schulden";
            details.theme = "Schulden";
            details.starts_at = now - 30 * 86'400;
            details.ends_at = details.starts_at + 7200;
            details.location_name = "Bibliotheek";
            // Registered while it was published, then held.
            held_ = tx.insert_event(a_, details, domain::EventStatus::published, now);
            details.title = "Nog een concept";
            draft_ = tx.insert_event(a_, details, domain::EventStatus::draft, now);
            const auto group = tx.groups(a_).front().id;
            for (const char* name : {"Anouk", "Bram", "Chris", "Dewi", "Eef", "Fleur"}) {
                const auto registered = app::register_participant(
                    tx, held_, {name, "", group, "", "", "", false, false},
                    details.starts_at - 86'400);
                ASSERT_TRUE(registered.registration);
                tx.update_attendance(registered.registration->id, domain::Attendance::checked_in,
                                     details.starts_at);
            }
            tx.update_event_status(held_, domain::EventStatus::held, now);
            tx.set_event_hosts(held_, {host_a_});
        });
        server_ = std::make_unique<testing::ServerProcess>(
            dir_.file("reports.db"), dir_.file("server.log"), testing::ServerSettings{{}});
        port_ = server_->port();
        ASSERT_NE(port_, 0);
    }

    std::string session_of(std::int64_t user_id) {
        const std::string token = app::security::random_token();
        const time::Timestamp now = std::time(nullptr);
        store_->write_and_wait([&](app::Transaction& tx) {
            tx.insert_session({app::security::token_digest(token), user_id, csrf, std::nullopt,
                               now - 60, now + 3600});
        });
        return "Cookie: kc_session=" + token + "; kc_csrf=" + csrf;
    }

    HttpReply post(const std::string& target, const std::string& body, const std::string& cookie) {
        return http_request(port_, "POST", target, std::string("csrf=") + csrf + "&" + body,
                            {cookie, form_type});
    }

    HttpReply get(const std::string& target, const std::string& cookie = "") {
        return http_request(
            port_, "GET", target, "",
            cookie.empty() ? std::vector<std::string>{} : std::vector<std::string>{cookie});
    }

    std::string editor() const { return "/beheer/events/" + std::to_string(held_) + "/verslag"; }
    std::string public_page() const {
        return "/w/zhz/events/" + std::to_string(held_) + "/verslag";
    }

    testing::TempDir dir_;
    std::unique_ptr<app::Store> store_;
    std::unique_ptr<testing::ServerProcess> server_;
    std::uint16_t port_ = 0;
    std::int64_t a_ = 0, b_ = 0, organiser_a_ = 0, host_a_ = 0, organiser_b_ = 0;
    std::int64_t held_ = 0, draft_ = 0;
};

TEST_F(ReportWebTest, TheOrganiserWritesPreviewsAndPublishesAndThenThePublicReadsIt) {
    const std::string cookie = session_of(organiser_a_);
    EXPECT_EQ(get(public_page()).status, 404) << "not published yet";
    EXPECT_EQ(get(public_page() + ".pdf").status, 404);

    const auto page = get(editor(), cookie);
    ASSERT_EQ(page.status, 200) << page.body;
    EXPECT_NE(page.body.find("name=\"introduction\""), std::string::npos);

    // A preview shows the typed Markdown rendered and stores nothing.
    const auto preview = post(editor(),
                              "action=preview&introduction=Over+**schulden**+%3Cscript%3Ealert(1)"
                              "%3C%2Fscript%3E&account=%5Bklik%5D(javascript%3Aalert(1))",
                              cookie);
    ASSERT_EQ(preview.status, 200) << preview.body;
    EXPECT_NE(preview.body.find("<strong>schulden</strong>"), std::string::npos);
    EXPECT_EQ(preview.body.find("<script>alert"), std::string::npos);
    EXPECT_EQ(preview.body.find("href=\"javascript:"), std::string::npos);
    EXPECT_FALSE(store_->read().report_texts(held_));

    const auto saved = post(editor(),
                            "action=save&introduction=Over+**schulden**+bij+jongeren."
                            "&account=We+spraken+met+zes+mensen.",
                            cookie);
    ASSERT_EQ(saved.status, 303) << saved.body;
    EXPECT_EQ(store_->read().report_texts(held_)->introduction, "Over **schulden** bij jongeren.");
    EXPECT_EQ(get(public_page()).status, 404) << "saved is not published";
    // The organiser's own PDF works before publishing.
    const auto draft_pdf = get(editor() + ".pdf", cookie);
    EXPECT_EQ(draft_pdf.status, 200);
    EXPECT_TRUE(draft_pdf.body.starts_with("%PDF-"));

    ASSERT_EQ(post(editor() + "/publiceren", "publish=ja", cookie).status, 303);
    const auto shown = get(public_page());
    ASSERT_EQ(shown.status, 200) << shown.body;
    EXPECT_NE(shown.body.find("Café één: schulden"), std::string::npos);
    EXPECT_NE(shown.body.find("<strong>schulden</strong> bij jongeren."), std::string::npos);
    EXPECT_NE(shown.body.find("Wie waren er?"), std::string::npos) << shown.body;
    EXPECT_EQ(shown.body.find("Oogst"), std::string::npos) << "no harvest, no section";
    const auto pdf = get(public_page() + ".pdf");
    EXPECT_EQ(pdf.status, 200);
    EXPECT_EQ(pdf.header("content-type"), "application/pdf");
    EXPECT_TRUE(pdf.body.starts_with("%PDF-"));

    ASSERT_EQ(post(editor() + "/publiceren", "publish=nee", cookie).status, 303);
    EXPECT_EQ(get(public_page()).status, 404);
}

TEST_F(ReportWebTest, BadInputComesBackWithADutchMessageAndTheTypedText) {
    const std::string cookie = session_of(organiser_a_);
    const std::string long_text(app::ReportLimits::account + 1, 'x');
    const auto refused =
        post(editor(), "action=save&introduction=Mijn+inleiding&account=" + long_text, cookie);
    EXPECT_EQ(refused.status, 422);
    EXPECT_NE(refused.body.find("Mijn inleiding"), std::string::npos);
    EXPECT_NE(refused.body.find("error-summary"), std::string::npos);
    EXPECT_FALSE(store_->read().report_texts(held_));

    // A draft café cannot have a public report.
    const std::string draft = "/beheer/events/" + std::to_string(draft_) + "/verslag";
    const auto publish = post(draft + "/publiceren", "publish=ja", cookie);
    EXPECT_EQ(publish.status, 422);
    EXPECT_NE(publish.body.find("Maak eerst het kenniscafé openbaar"), std::string::npos);

    const auto period =
        post("/beheer/magazine", "from=2026-02-30&to=2025-01-01&format=pdf", cookie);
    EXPECT_EQ(period.status, 422);
    EXPECT_NE(period.body.find("Vul een datum in"), std::string::npos);
    EXPECT_NE(period.body.find("value=\"2026-02-30\""), std::string::npos);
}

TEST_F(ReportWebTest, AHostAnotherWerkplaatsAndAnonymousVisitorsGetNowhere) {
    const std::string host = session_of(host_a_);
    const std::string other = session_of(organiser_b_);
    const auto host_page = get(editor(), host);
    EXPECT_EQ(host_page.status, 403);
    EXPECT_EQ(post(editor(), "action=save&introduction=Gekaapt", host).status, 403);
    EXPECT_EQ(get(editor(), other).status, 404);
    EXPECT_EQ(post(editor() + "/publiceren", "publish=ja", other).status, 404);
    EXPECT_EQ(get(editor() + ".pdf", other).status, 404);
    const auto anonymous = get(editor());
    EXPECT_EQ(anonymous.status / 100, 3);
    EXPECT_TRUE(anonymous.header("location").starts_with("/login"));
    EXPECT_FALSE(store_->read().report_texts(held_));
    // Another Werkplaats's site does not show A's café even once it is published.
    store_->write_and_wait([&](app::Transaction& tx) {
        tx.save_report_texts({held_, "Inleiding", "Verslag", 1, 1});
    });
    EXPECT_EQ(get(public_page()).status, 200);
    EXPECT_EQ(get("/w/ander/events/" + std::to_string(held_) + "/verslag").status, 404);
}

TEST_F(ReportWebTest, TheMagazineDownloadsAsPdfAndHtml) {
    const std::string cookie = session_of(organiser_a_);
    const auto form = get("/beheer/magazine", cookie);
    ASSERT_EQ(form.status, 200);
    EXPECT_NE(form.body.find("name=\"foreword\""), std::string::npos);
    const auto pdf = post("/beheer/magazine",
                          "from=2000-01-01&to=2099-12-31&format=pdf&foreword=Beste+lezer", cookie);
    EXPECT_EQ(pdf.status, 422) << "a period over three years is refused";
    const std::string day = "&from=" + time::format_date_input(std::time(nullptr) - 300 * 86'400) +
                            "&to=" + time::format_date_input(std::time(nullptr));
    const auto magazine = post("/beheer/magazine", "format=pdf&foreword=Beste+lezer" + day, cookie);
    ASSERT_EQ(magazine.status, 200) << magazine.body;
    EXPECT_EQ(magazine.header("content-type"), "application/pdf");
    EXPECT_TRUE(magazine.body.starts_with("%PDF-"));
    const auto html = post("/beheer/magazine", "format=html" + day, cookie);
    ASSERT_EQ(html.status, 200);
    EXPECT_NE(html.body.find("Café één: schulden"), std::string::npos);
    EXPECT_EQ(html.body.find("Nog een concept"), std::string::npos);
    EXPECT_NE(html.header("content-disposition").find("attachment"), std::string::npos);
}

}  // namespace
}  // namespace kc
