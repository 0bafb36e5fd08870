// Evaluations and experiences through the web app: the public forms (spam, malformed input,
// a café that has not begun, once per personal link), an experience withdrawn from a cached
// public page at once, and results that only the café's own Werkplaats sees.
#include <gtest/gtest.h>

#include <regex>

#include "app/evaluations.hpp"
#include "app/events.hpp"
#include "app/registrations.hpp"
#include "storage/sqlite/sqlite_store.hpp"
#include "test_support.hpp"
#include "web_in_process.hpp"

namespace kc {
namespace {

constexpr time::Timestamp now = 1'795'910'400;
constexpr const char* csrf = "csrf-token-of-this-browser";
constexpr std::int64_t day = 86'400;

struct Reply {
    int status = 0;
    std::string body;
    std::string location;
};

class WebEvaluationTest : public ::testing::Test {
  protected:
    void SetUp() override {
        store_ = std::make_unique<storage::sqlite::SqliteStore>(dir_.file("evaluation.db"));
        store_->write_and_wait([&](app::Transaction& tx) {
            const auto werkplaatsen = testing::two_werkplaatsen(tx);
            a_ = werkplaatsen.a;
            b_ = werkplaatsen.b;
            const auto add = [&](const char* email, std::int64_t werkplaats, app::Role role) {
                return testing::add_member(tx, email, werkplaats, role);
            };
            admin_a_ = add("admin@a.nl", a_, app::Role::admin);
            host_a_ = add("gastheer@a.nl", a_, app::Role::host);
            admin_b_ = add("admin@b.nl", b_, app::Role::admin);
            resident_a_ = tx.groups(a_)[2].id;
            held_a_ = testing::published_cafe(tx, a_, "Voorkomen huisuitzettingen", now - 2 * day);
            anouk_ = app::register_participant(tx, held_a_,
                                               {"Anouk", "", resident_a_, "", "", "", false, false},
                                               now - 10 * day)
                         .registration->cancel_token;
            app::change_event_status(tx, a_, held_a_, domain::EventStatus::held, now);
            future_a_ = testing::published_cafe(tx, a_, "Jongeren en schulden", now + 3 * day);
            held_b_ = testing::published_cafe(tx, b_, "Eenzaamheid in de wijk", now - 2 * day);
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

    Reply call(const std::string& method, const std::string& target, const std::string& form = "",
               const std::string& cookies = std::string("kc_csrf=") + csrf,
               const std::string& host = "kenniscafe.test") {
        const auto reply = testing::handle(
            *app_, method, target, method == "POST" ? std::string("csrf=") + csrf + "&" + form : "",
            {{"host", host},
             {"cookie", cookies},
             {"content-type", "application/x-www-form-urlencoded"}});
        return {reply.status, reply.body, reply.header("Location")};
    }

    std::string path(std::int64_t event_id, const std::string& rest = "") {
        return "/events/" + std::to_string(event_id) + rest;
    }

    int evaluations() {
        return static_cast<int>(store_->read().evaluation_tallies(held_a_).size());
    }

    testing::TempDir dir_;
    std::unique_ptr<app::Store> store_;
    std::unique_ptr<web::WebApp> app_;
    std::int64_t a_ = 0, b_ = 0, admin_a_ = 0, host_a_ = 0, admin_b_ = 0, resident_a_ = 0;
    std::int64_t held_a_ = 0, future_a_ = 0, held_b_ = 0;
    std::string anouk_;
};

TEST_F(WebEvaluationTest, AParticipantEvaluatesWithoutAnAccountAndTheNextThemeReachesTheAgenda) {
    const Reply form = call("GET", path(held_a_, "/evaluatie"));
    ASSERT_EQ(form.status, 200);
    EXPECT_NE(form.body.find("Wat vond je ervan?"), std::string::npos);
    // The honeypot is out of reach for people, screen readers and autofill.
    EXPECT_TRUE(
        std::regex_search(form.body, std::regex(R"(<div class="trap" aria-hidden="true">)")));
    EXPECT_TRUE(std::regex_search(
        form.body, std::regex(R"(name="website" type="text" tabindex="-1" autocomplete="off")")));

    const Reply sent =
        call("POST", path(held_a_, "/evaluatie"),
             "rating=4&takeaway=Contacten&next_theme=Jongeren+met+schulden&come_again=yes&group=" +
                 std::to_string(resident_a_));
    EXPECT_EQ(sent.status, 303);
    EXPECT_EQ(sent.location, path(held_a_, "/evaluatie/bedankt"));
    const auto themes = store_->read().themes({a_, std::nullopt, std::nullopt}, {1, 10});
    ASSERT_EQ(themes.total, 1u);
    EXPECT_EQ(themes.items[0].title, "Jongeren met schulden");
    EXPECT_EQ(themes.items[0].source, domain::ThemeSource::evaluation);

    const Reply thanks = call("GET", sent.location);
    EXPECT_EQ(thanks.status, 200);
    EXPECT_NE(thanks.body.find("Ik geef toestemming"), std::string::npos);
    EXPECT_NE(thanks.body.find("persoonlijke link"), std::string::npos);
}

TEST_F(WebEvaluationTest, SpamInTheHoneypotIsThankedForAndThrownAway) {
    const Reply sent = call("POST", path(held_a_, "/evaluatie"),
                            "rating=5&next_theme=Koop+goedkope+horloges&website=http%3A%2F%2Fspam");
    EXPECT_EQ(sent.status, 303);
    EXPECT_EQ(sent.location, path(held_a_, "/evaluatie/bedankt"));
    EXPECT_EQ(evaluations(), 0);
    EXPECT_EQ(store_->read().themes({a_, std::nullopt, std::nullopt}, {1, 10}).total, 0u);
    const Reply experience =
        call("POST", path(held_a_, "/ervaring"), "quote=Spam&consent=ja&website=x");
    EXPECT_EQ(experience.status, 303);
    EXPECT_EQ(store_->read().experiences({held_a_, std::nullopt}, {1, 10}).total, 0u);
}

TEST_F(WebEvaluationTest, MalformedInputGetsAClearMessageAndKeepsWhatWasTyped) {
    for (const std::string rating : {"9", "", "vier", "0"}) {
        SCOPED_TRACE(rating);
        const Reply refused =
            call("POST", path(held_a_, "/evaluatie"),
                 "rating=" + rating + "&remark=%3Cscript%3Ealert(1)%3C%2Fscript%3E");
        EXPECT_EQ(refused.status, 422);
        EXPECT_NE(refused.body.find("Kies een cijfer van 1 tot 5 sterren."), std::string::npos);
        // What was typed comes back, escaped.
        EXPECT_NE(refused.body.find("&lt;script&gt;alert(1)&lt;/script&gt;"), std::string::npos);
        EXPECT_EQ(refused.body.find("<script>alert"), std::string::npos);
    }
    const Reply unknown_answer =
        call("POST", path(held_a_, "/evaluatie"), "rating=3&come_again=misschien&group=abc");
    EXPECT_EQ(unknown_answer.status, 422);
    EXPECT_NE(unknown_answer.body.find("Kies een van de mogelijkheden."), std::string::npos);
    const Reply too_long =
        call("POST", path(held_a_, "/evaluatie"), "rating=3&takeaway=" + std::string(1'001, 'a'));
    EXPECT_EQ(too_long.status, 422);
    EXPECT_NE(too_long.body.find("Gebruik hooguit 1000 tekens."), std::string::npos);
    const Reply other_group = call("POST", path(held_a_, "/evaluatie"),
                                   "rating=3&group=" + std::to_string(resident_a_ + 1000));
    EXPECT_EQ(other_group.status, 422);
    EXPECT_EQ(evaluations(), 0);

    const Reply no_consent = call("POST", path(held_a_, "/ervaring"),
                                  "quote=Mooi+gesprek+aan+tafel&attribution=named&name=");
    EXPECT_EQ(no_consent.status, 422);
    EXPECT_NE(no_consent.body.find("Zonder toestemming zetten we niets op de website."),
              std::string::npos);
    EXPECT_NE(no_consent.body.find("Mooi gesprek aan tafel"), std::string::npos);
    EXPECT_EQ(store_->read().experiences({held_a_, std::nullopt}, {1, 10}).total, 0u);
}

TEST_F(WebEvaluationTest, ACafeThatHasNotBegunOrIsElsewhereIsNotEvaluated) {
    EXPECT_EQ(call("GET", path(future_a_, "/evaluatie")).status, 409);
    const Reply early = call("POST", path(future_a_, "/evaluatie"), "rating=5");
    EXPECT_EQ(early.status, 409);
    EXPECT_NE(early.body.find("nog niet begonnen"), std::string::npos);
    EXPECT_EQ(call("POST", path(future_a_, "/ervaring"), "quote=Vooraf&consent=ja").status, 409);
    // Another Werkplaats's café is not found on this site, nor a café that does not exist.
    EXPECT_EQ(call("GET", path(held_b_, "/evaluatie")).status, 404);
    EXPECT_EQ(call("POST", path(held_b_, "/evaluatie"), "rating=5").status, 404);
    EXPECT_EQ(call("GET", path(held_a_ + 1000, "/evaluatie")).status, 404);
    // On its own site it is.
    EXPECT_EQ(call("GET", path(held_b_, "/evaluatie"), "", "", "ander.example").status, 200);
}

TEST_F(WebEvaluationTest, APersonalLinkEvaluatesOnceWithTheGroupOfItsRegistration) {
    const std::string evaluate = path(held_a_, "/evaluatie?aanmelding=" + anouk_);
    EXPECT_NE(call("GET", "/aanmelding/" + anouk_).body.find(evaluate), std::string::npos);
    EXPECT_EQ(call("GET", evaluate).status, 200);
    const Reply first = call("POST", evaluate, "rating=5&remark=Dank");
    EXPECT_EQ(first.status, 303);
    EXPECT_EQ(first.location, path(held_a_, "/evaluatie/bedankt?aanmelding=" + anouk_));
    const auto tallies = store_->read().evaluation_tallies(held_a_);
    ASSERT_EQ(tallies.size(), 1u);
    EXPECT_EQ(tallies[0].group_id, resident_a_);

    const Reply again = call("POST", evaluate, "rating=1");
    EXPECT_EQ(again.status, 409);
    EXPECT_NE(again.body.find("al ingevuld"), std::string::npos);
    EXPECT_EQ(call("GET", evaluate).status, 409);
    EXPECT_EQ(store_->read().evaluation_tallies(held_a_)[0].count, 1);
    EXPECT_EQ(call("GET", "/aanmelding/" + anouk_).body.find("/evaluatie?aanmelding="),
              std::string::npos);
    // A made-up link is not taken for an anonymous one.
    EXPECT_EQ(call("POST", path(held_a_, "/evaluatie?aanmelding=nep"), "rating=3").status, 404);
}

TEST_F(WebEvaluationTest, AWithdrawnExperienceLeavesThePublicPageAtOnce) {
    const Reply shared = call("POST", path(held_a_, "/ervaring"),
                              "quote=Ik+weet+nu+bij+wie+ik+terecht+kan.&attribution=named"
                              "&name=Fatima&role=bewoner+van+Feijenoord&consent=ja");
    ASSERT_EQ(shared.status, 303);
    ASSERT_TRUE(shared.location.starts_with("/ervaring/"));
    const Reply own = call("GET", shared.location);
    EXPECT_EQ(own.status, 200);
    EXPECT_NE(own.body.find("Ik weet nu bij wie ik terecht kan."), std::string::npos);
    EXPECT_NE(own.body.find("http://kenniscafe.test" + shared.location), std::string::npos);
    EXPECT_NE(own.body.find(app::experience_consent_version), std::string::npos);

    // The public page shows it, also from its cache.
    for (int twice = 0; twice < 2; ++twice) {
        const Reply page = call("GET", path(held_a_));
        EXPECT_NE(page.body.find("Ik weet nu bij wie ik terecht kan."), std::string::npos);
        EXPECT_NE(page.body.find("Fatima, bewoner van Feijenoord"), std::string::npos);
    }
    const Reply withdrawn = call("POST", shared.location + "/intrekken");
    EXPECT_EQ(withdrawn.status, 303);
    EXPECT_EQ(withdrawn.location, shared.location);
    const Reply page = call("GET", path(held_a_));
    EXPECT_EQ(page.body.find("Ik weet nu bij wie ik terecht kan."), std::string::npos);
    EXPECT_EQ(page.body.find("Fatima"), std::string::npos);
    const Reply after = call("GET", shared.location);
    EXPECT_EQ(after.status, 200);
    EXPECT_EQ(after.body.find("Ik weet nu bij wie ik terecht kan."), std::string::npos);
    EXPECT_NE(after.body.find("Je hebt je toestemming ingetrokken."), std::string::npos);
    EXPECT_EQ(call("GET", "/ervaring/nep").status, 404);
    EXPECT_EQ(call("POST", "/ervaring/nep/intrekken").status, 404);
}

TEST_F(WebEvaluationTest, OnlyTheCafesOwnOrganisersSeeTheResultsAndHideAnExperience) {
    for (int i = 0; i < 6; ++i) {
        call("POST", path(held_a_, "/evaluatie"),
             "rating=4&takeaway=Antwoord+" + std::to_string(i) +
                 "&group=" + std::to_string(i < 2 ? resident_a_ : resident_a_ - 1));
    }
    const Reply shared = call("POST", path(held_a_, "/ervaring"),
                              "quote=Fijne+middag&attribution=anonymous&consent=ja");
    ASSERT_EQ(shared.status, 303);
    const std::string results = "/beheer/events/" + std::to_string(held_a_) + "/evaluatie";

    EXPECT_EQ(call("GET", results, "", session_of(admin_b_)).status, 404);
    EXPECT_EQ(call("GET", results, "", session_of(host_a_)).status, 403);
    const Reply own = call("GET", results, "", session_of(admin_a_));
    ASSERT_EQ(own.status, 200);
    EXPECT_NE(own.body.find("Antwoord 5"), std::string::npos);
    EXPECT_NE(own.body.find("<svg"), std::string::npos) << "the QR code for the last slide";
    EXPECT_NE(
        own.body.find("http://kenniscafe.test/events/" + std::to_string(held_a_) + "/evaluatie"),
        std::string::npos);
    // Two residents are fewer than the threshold of five: no count, no average, and their
    // written answers do not say they are residents'.
    EXPECT_NE(own.body.find("minder dan 5"), std::string::npos);
    EXPECT_EQ(own.body.find(" · Bewoner"), std::string::npos);

    const std::int64_t experience =
        store_->read().experiences({held_a_, std::nullopt}, {1, 1}).items.at(0).id;
    const std::string hide = results + "/ervaringen";
    const std::string form = "experience=" + std::to_string(experience) + "&action=hide";
    EXPECT_EQ(call("POST", hide, form, session_of(admin_b_)).status, 404);
    EXPECT_NE(call("GET", path(held_a_)).body.find("Fijne middag"), std::string::npos);
    EXPECT_EQ(call("POST", hide, form, session_of(admin_a_)).status, 303);
    EXPECT_EQ(call("GET", path(held_a_)).body.find("Fijne middag"), std::string::npos);
    const Reply list = call("GET", hide, "", session_of(admin_a_));
    EXPECT_NE(list.body.find("Fijne middag"), std::string::npos);
    EXPECT_NE(list.body.find("Weer tonen"), std::string::npos);
    EXPECT_EQ(call("POST", hide, "experience=" + std::to_string(experience) + "&action=weg",
                   session_of(admin_a_))
                  .status,
              422);
}

}  // namespace
}  // namespace kc
