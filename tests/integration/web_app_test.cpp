// The web application over real HTTP: the server runs on an ephemeral port on a
// SQLite file with the demo Werkplaats, and requests go over a real socket.
#include "web/web_app.hpp"

#include <gtest/gtest.h>

#include <atomic>
#include <boost/json.hpp>
#include <regex>
#include <set>

#include "app/accounts.hpp"
#include "app/demo_werkplaats.hpp"
#include "app/follow_up.hpp"
#include "app/library.hpp"
#include "app/security.hpp"
#include "app/themes.hpp"
#include "app/werkteams.hpp"
#include "http/server.hpp"
#include "http_client.hpp"
#include "storage/sqlite/sqlite_store.hpp"
#include "test_support.hpp"
#include "web/form_data.hpp"

namespace kc {
namespace {

using testing::http_request;
using testing::HttpReply;

// 29 November 2026, the demo's "today".
constexpr time::Timestamp now = 1'795'910'400;

class WebAppTest : public ::testing::Test {
  protected:
    void SetUp() override {
        store_ = std::make_unique<storage::sqlite::SqliteStore>(dir_.file("web.db"));
        store_->write_and_wait([](app::Transaction& tx) { app::load_demo_werkplaats(tx, now); });
        const auto organiser = store_->read().user_by_email(app::DemoLogin::organiser_email);
        const auto membership = store_->read().memberships_of(organiser->id).front();
        store_->write_and_wait([&](app::Transaction& tx) {
            token_ =
                app::create_api_token(
                    tx, {organiser->id, membership.werkplaats_id, membership.role, std::nullopt},
                    "tests", app::Role::organiser, 30, now)
                    .token;
        });
        web::WebConfig config;
        config.share_dir = KC_SOURCE_SHARE_DIR;
        config.public_base_url = "http://kenniscafe.test";
        config.now = [this] { return clock_.load(); };
        app_ = std::make_unique<web::WebApp>(*store_, config);
        http::ServerOptions options;
        options.port = 0;
        std::string error;
        server_ = http::Server::start(options, *app_, error);
        ASSERT_TRUE(server_) << error;
        port_ = server_->port();
    }

    void TearDown() override {
        if (server_) server_->stop();
    }

    HttpReply get(const std::string& target, const std::vector<std::string>& headers = {}) {
        return http_request(port_, "GET", target, "", headers);
    }
    HttpReply post_form(const std::string& target, const std::string& body,
                        const std::vector<std::string>& headers = {}) {
        auto all = headers;
        all.push_back("Content-Type: application/x-www-form-urlencoded");
        return http_request(port_, "POST", target, body, all);
    }
    HttpReply api(const std::string& method, const std::string& target,
                  const std::string& body = "", bool with_token = true) {
        std::vector<std::string> headers = {"Content-Type: application/json"};
        if (with_token) headers.push_back("Authorization: Bearer " + token_);
        return http_request(port_, method, target, body, headers);
    }

    // The first upcoming event that is open for registration, from the API.
    std::int64_t open_event(int minimum_free = 1) {
        const auto events =
            boost::json::parse(get("/api/v1/events?when=upcoming").body).at("items").as_array();
        for (const auto& value : events) {
            const auto& event = value.as_object();
            const auto starts = time::parse_iso8601(event.at("starts_at").as_string().c_str());
            const auto free = event.at("capacity").as_int64() - event.at("registered").as_int64();
            if (*starts > now && free >= minimum_free) return event.at("id").as_int64();
        }
        return 0;
    }

    // A CSRF cookie and its token, as a browser gets them from any form page.
    std::pair<std::string, std::string> csrf_for(const std::string& form_page) {
        const auto page = get(form_page);
        const std::string cookie = page.header("set-cookie");
        const std::string value =
            cookie.substr(cookie.find('=') + 1, cookie.find(';') - cookie.find('=') - 1);
        return {"Cookie: kc_csrf=" + value, value};
    }

    struct Login {
        std::string cookies;
        std::string csrf;
    };

    // Logs in through the form, as a browser does; returns the cookies to send.
    Login login_as(const std::string& email) {
        const auto [cookie, csrf] = csrf_for("/login");
        const auto login = post_form("/login",
                                     "csrf=" + csrf + "&email=" + web::percent_encode(email) +
                                         "&password=" + app::DemoLogin::password,
                                     {cookie});
        EXPECT_EQ(login.status, 303);
        const std::string session = login.header("set-cookie");
        return {cookie + "; " + session.substr(0, session.find(';')), csrf};
    }

    std::string group_id(const std::string& page_body, const std::string& group_name) {
        std::smatch match;
        const std::regex pattern("value=\"([0-9]+)\"><label for=\"group-[0-9]+\">" + group_name +
                                 "<");
        return std::regex_search(page_body, match, pattern) ? match[1].str() : "";
    }

    testing::TempDir dir_;
    std::unique_ptr<storage::sqlite::SqliteStore> store_;
    std::unique_ptr<web::WebApp> app_;
    std::unique_ptr<http::Server> server_;
    std::uint16_t port_ = 0;
    std::string token_;
    // The server's clock; a test moves it on to let time pass (a form's minimum fill time).
    std::atomic<time::Timestamp> clock_{now};
};

TEST_F(WebAppTest, HealthzAnswersOnceReady) { EXPECT_EQ(get("/healthz").status, 200); }

TEST_F(WebAppTest, AgendaShowsUpcomingAndPastCafesInDutch) {
    const auto reply = get("/");
    EXPECT_EQ(reply.status, 200);
    EXPECT_NE(reply.body.find("lang=\"nl\""), std::string::npos);
    EXPECT_NE(reply.body.find("Jongeren en schulden"), std::string::npos);
    EXPECT_NE(reply.body.find("Voorkomen huisuitzettingen"), std::string::npos);
    EXPECT_EQ(reply.body.find("Mantelzorg en de kostendelersnorm"), std::string::npos)
        << "drafts stay hidden";
    EXPECT_NE(reply.header("content-security-policy").find("script-src 'self'"), std::string::npos);
    EXPECT_EQ(reply.header("x-content-type-options"), "nosniff");
}

TEST_F(WebAppTest, EnglishWhenTheBrowserAsksForIt) {
    const auto reply = get("/", {"Accept-Language: en-GB,en;q=0.9"});
    EXPECT_NE(reply.body.find("Coming up"), std::string::npos);
    const auto dutch = get("/", {"Accept-Language: en", "Cookie: kc_lang=nl"});
    EXPECT_NE(dutch.body.find("Binnenkort"), std::string::npos);
}

TEST_F(WebAppTest, EventPageHasJsonLdAndCalendarLinks) {
    const auto id = std::to_string(open_event());
    const auto reply = get("/events/" + id);
    EXPECT_EQ(reply.status, 200);
    EXPECT_NE(reply.body.find("application/ld+json"), std::string::npos);
    EXPECT_NE(reply.body.find("\"@type\":\"Event\""), std::string::npos);
    EXPECT_NE(reply.body.find("/events/" + id + ".ics"), std::string::npos);
    EXPECT_NE(reply.body.find("/events/" + id + "/aanmelden"), std::string::npos);
    EXPECT_EQ(get("/events/999999").status, 404);
    EXPECT_EQ(get("/events/abc").status, 404);
}

TEST_F(WebAppTest, CalendarFilesFollowRfc5545) {
    const auto id = std::to_string(open_event());
    const auto ics = get("/events/" + id + ".ics");
    EXPECT_EQ(ics.status, 200);
    EXPECT_EQ(ics.header("content-type").rfind("text/calendar", 0), 0u);
    EXPECT_NE(ics.body.find("BEGIN:VCALENDAR\r\n"), std::string::npos);
    EXPECT_NE(ics.body.find("UID:event-" + id + "@kenniscafe.test"), std::string::npos);
    EXPECT_NE(ics.body.find("DTSTART;TZID=Europe/Amsterdam:"), std::string::npos);
    const auto feed = get("/agenda.ics");
    EXPECT_EQ(feed.status, 200);
    std::size_t events_in_feed = 0;
    for (auto at = feed.body.find("BEGIN:VEVENT"); at != std::string::npos;
         at = feed.body.find("BEGIN:VEVENT", at + 1)) {
        ++events_in_feed;
    }
    EXPECT_EQ(events_in_feed, 2u)
        << "the two published upcoming cafés; the draft and old cafés stay out";
    EXPECT_NE(feed.body.find("Jongeren en schulden"), std::string::npos);
}

TEST_F(WebAppTest, RegistrationByFormConfirmsAndCanBeCancelled) {
    const auto id = std::to_string(open_event());
    const auto form_page = get("/events/" + id + "/aanmelden");
    ASSERT_EQ(form_page.status, 200);
    const auto [cookie, csrf] = csrf_for("/events/" + id + "/aanmelden");
    const std::string group = group_id(form_page.body, "Bewoner");
    ASSERT_FALSE(group.empty());
    const auto reply = post_form(
        "/events/" + id + "/aanmelden",
        "csrf=" + csrf + "&name=Fatima+Yilmaz&email=fatima%40voorbeeld.nl&group=" + group +
            "&dietary=halal&consent_contact=ja",
        {cookie});
    ASSERT_EQ(reply.status, 303) << reply.body;
    const std::string location = reply.header("location");
    ASSERT_EQ(location.rfind("/aanmelding/", 0), 0u);
    const auto status_page = get(location);
    EXPECT_NE(status_page.body.find("Je bent aangemeld"), std::string::npos);
    EXPECT_NE(status_page.body.find("Fatima Yilmaz"), std::string::npos);

    const auto again = post_form(
        "/events/" + id + "/aanmelden",
        "csrf=" + csrf + "&name=Fatima&email=FATIMA%40voorbeeld.nl&group=" + group, {cookie});
    EXPECT_EQ(again.status, 422);
    EXPECT_NE(again.body.find("al aangemeld"), std::string::npos);

    const auto cancel = post_form(location + "/annuleren", "csrf=" + csrf, {cookie});
    EXPECT_EQ(cancel.status, 303);
    EXPECT_NE(get(location).body.find("geannuleerd"), std::string::npos);
}

TEST_F(WebAppTest, InvalidFormIsRefilledWithClearMessages) {
    const auto id = std::to_string(open_event());
    const auto [cookie, csrf] = csrf_for("/events/" + id + "/aanmelden");
    const auto reply = post_form(
        "/events/" + id + "/aanmelden",
        "csrf=" + csrf + "&name=&email=geen-adres&organisation=Buurthuis+%3Cb%3E", {cookie});
    EXPECT_EQ(reply.status, 422);
    EXPECT_NE(reply.body.find("Vul dit in."), std::string::npos);
    EXPECT_NE(reply.body.find("Dit is geen goed e-mailadres"), std::string::npos);
    EXPECT_NE(reply.body.find("Kies een groep."), std::string::npos);
    EXPECT_NE(reply.body.find("value=\"geen-adres\""), std::string::npos);
    EXPECT_NE(reply.body.find("Buurthuis &lt;b&gt;"), std::string::npos) << "user text is escaped";

    const auto too_long = post_form("/events/" + id + "/aanmelden",
                                    "csrf=" + csrf + "&name=" + std::string(101, 'a'), {cookie});
    EXPECT_NE(too_long.body.find("hooguit 100 tekens"), std::string::npos);
    EXPECT_EQ(post_form("/events/" + id + "/aanmelden", "name=x%ZZ", {cookie}).status, 400);
}

TEST_F(WebAppTest, FormsWithoutTheCsrfTokenAreRefused) {
    const auto id = std::to_string(open_event());
    const auto [cookie, csrf] = csrf_for("/events/" + id + "/aanmelden");
    EXPECT_EQ(post_form("/events/" + id + "/aanmelden", "name=Iemand&group=1", {cookie}).status,
              403);
    EXPECT_EQ(post_form("/events/" + id + "/aanmelden", "csrf=" + csrf + "&name=Iemand").status,
              403);
    EXPECT_EQ(post_form("/events/" + id + "/aanmelden", "csrf=" + csrf + "&name=Iemand",
                        {cookie, "Origin: http://evil.example"})
                  .status,
              403);
}

TEST_F(WebAppTest, UnknownCancelLinkSaysSoKindly) {
    const auto reply = get("/aanmelding/bestaat-niet");
    EXPECT_EQ(reply.status, 404);
    EXPECT_NE(reply.body.find("We kennen deze link niet"), std::string::npos);
}

TEST_F(WebAppTest, ApiListsEventsWithTheAgreedFields) {
    const auto reply = get("/api/v1/events");
    ASSERT_EQ(reply.status, 200);
    const auto page = boost::json::parse(reply.body).as_object();
    const auto& events = page.at("items").as_array();
    EXPECT_GE(page.at("total").as_int64(), 13);
    EXPECT_EQ(events.size(), static_cast<std::size_t>(page.at("total").as_int64()));
    const auto& first = events.front().as_object();
    for (const char* field :
         {"id", "title", "starts_at", "location", "capacity", "registered", "waitlisted"}) {
        EXPECT_TRUE(first.contains(field)) << field;
    }
    EXPECT_EQ(first.at("title").as_string(), "Jeugdwet en Jeugdrecht");
    EXPECT_EQ(first.at("starts_at").as_string(), "2017-04-03T16:00:00+02:00");
}

TEST_F(WebAppTest, ApiEventListComesInPagesThatTogetherHoldEveryEventOnce) {
    const auto all = boost::json::parse(get("/api/v1/events").body).as_object();
    const auto total = all.at("total").as_int64();
    std::set<std::int64_t> seen;
    std::string next = "/api/v1/events?limit=4";
    int pages = 0;
    while (!next.empty() && pages < 20) {
        const auto page = boost::json::parse(get(next).body).as_object();
        EXPECT_EQ(page.at("total").as_int64(), total);
        EXPECT_LE(page.at("items").as_array().size(), 4U);
        for (const auto& event : page.at("items").as_array()) {
            EXPECT_TRUE(seen.insert(event.at("id").as_int64()).second) << "listed twice";
        }
        next = page.at("next").is_null() ? "" : std::string(page.at("next").as_string());
        ++pages;
    }
    EXPECT_EQ(static_cast<std::int64_t>(seen.size()), total);
    EXPECT_EQ(pages, (total + 3) / 4);
    // Upcoming ones earliest first, past ones latest first; a wrong word is refused.
    const auto upcoming = boost::json::parse(get("/api/v1/events?when=upcoming").body);
    const auto past = boost::json::parse(get("/api/v1/events?when=past&limit=2").body);
    EXPECT_EQ(upcoming.at("total").as_int64() + past.at("total").as_int64(), total);
    const auto& recent = past.at("items").as_array();
    ASSERT_EQ(recent.size(), 2U);
    EXPECT_GT(recent[0].at("starts_at").as_string(), recent[1].at("starts_at").as_string());
    EXPECT_EQ(get("/api/v1/events?when=morgen").status, 422);
    // Nonsense paging falls back to the first page of the default size.
    EXPECT_EQ(boost::json::parse(get("/api/v1/events?page=-3&limit=x").body).at("page").as_int64(),
              1);
}

TEST_F(WebAppTest, ApiCreatesPublishesAndTakesRegistrations) {
    EXPECT_EQ(api("POST", "/api/v1/events", R"({"title":"x"})", false).status, 401);
    const auto created = api(
        "POST", "/api/v1/events",
        R"({"title":"Café <script>","starts_at":"2027-02-04T16:00","location":"Huis van de Wijk","capacity":1})");
    ASSERT_EQ(created.status, 201) << created.body;
    const auto id = std::to_string(boost::json::parse(created.body).at("id").as_int64());
    EXPECT_EQ(get("/events/" + id).status, 404) << "a draft is not public";
    ASSERT_EQ(api("POST", "/api/v1/events/" + id + "/publish").status, 200);
    const auto page = get("/events/" + id);
    EXPECT_EQ(page.body.find("Café <script>"), std::string::npos);
    EXPECT_NE(page.body.find("Café &lt;script&gt;"), std::string::npos);

    const auto first =
        api("POST", "/api/v1/events/" + id + "/registrations",
            R"({"name":"Bram","email":"bram@voorbeeld.nl","group":"Bewoner"})", false);
    ASSERT_EQ(first.status, 201) << first.body;
    const auto first_json = boost::json::parse(first.body).as_object();
    EXPECT_EQ(first_json.at("status").as_string(), "registered");
    const auto second = api("POST", "/api/v1/events/" + id + "/registrations",
                            R"({"name":"Chantal","group":"docent-onderzoeker"})", false);
    ASSERT_EQ(second.status, 201);
    EXPECT_EQ(boost::json::parse(second.body).at("status").as_string(), "waitlisted");
    EXPECT_EQ(api("POST", "/api/v1/events/" + id + "/registrations",
                  R"({"name":"Bram","email":"BRAM@voorbeeld.nl","group":"Bewoner"})", false)
                  .status,
              409);

    const auto cancelled = api(
        "DELETE", "/api/v1/registrations/" + std::string(first_json.at("cancel_token").as_string()),
        "", false);
    EXPECT_EQ(cancelled.status, 200);
    EXPECT_EQ(boost::json::parse(cancelled.body).at("promoted").as_int64(), 1);
    EXPECT_EQ(api("DELETE", "/api/v1/registrations/onbekend", "", false).status, 404);

    const auto attendance = api("GET", "/api/v1/events/" + id + "/attendance");
    ASSERT_EQ(attendance.status, 200);
    const auto total = boost::json::parse(attendance.body).at("total").as_object();
    EXPECT_EQ(total.at("registered").as_int64(), 1);
    EXPECT_EQ(total.at("waitlisted").as_int64(), 0);
}

TEST_F(WebAppTest, ApiExplainsBadInputInDutch) {
    const auto id = std::to_string(open_event());
    const auto bad_json = api("POST", "/api/v1/events/" + id + "/registrations", "{name:", false);
    EXPECT_EQ(bad_json.status, 400);
    EXPECT_NE(bad_json.body.find("JSON"), std::string::npos);
    const auto bad_group = api("POST", "/api/v1/events/" + id + "/registrations",
                               R"({"name":"A","group":"Koning"})", false);
    EXPECT_EQ(bad_group.status, 422);
    EXPECT_NE(bad_group.body.find("Kies een groep."), std::string::npos);
    const auto wrong_type = api("POST", "/api/v1/events/" + id + "/registrations",
                                R"({"name":7,"group":"Bewoner"})", false);
    EXPECT_EQ(wrong_type.status, 422);
    const auto bad_date =
        api("POST", "/api/v1/events", R"({"title":"A","starts_at":"morgen","location":"B"})");
    EXPECT_EQ(bad_date.status, 422);
    EXPECT_NE(bad_date.body.find("starts_at"), std::string::npos);
}

TEST_F(WebAppTest, OrganiserLogsInChecksPeopleInAndSeesAttendance) {
    EXPECT_EQ(get("/beheer").status, 303);
    const auto [cookie, csrf] = csrf_for("/login");
    const auto wrong = post_form(
        "/login",
        "csrf=" + csrf + "&email=" + web::percent_encode(app::DemoLogin::organiser_email) +
            "&password=fout",
        {cookie});
    EXPECT_EQ(wrong.status, 401);
    const auto login = post_form(
        "/login",
        "csrf=" + csrf + "&email=" + web::percent_encode(app::DemoLogin::organiser_email) +
            "&password=" + app::DemoLogin::password + "&next=%2Fbeheer",
        {cookie});
    ASSERT_EQ(login.status, 303);
    const std::string session_cookie = login.header("set-cookie");
    const std::string session = session_cookie.substr(0, session_cookie.find(';'));
    const std::string cookies = cookie + "; " + session;
    const auto dashboard = get("/beheer", {cookies});
    ASSERT_EQ(dashboard.status, 200);
    EXPECT_NE(dashboard.body.find("Mantelzorg en de kostendelersnorm"), std::string::npos)
        << "drafts show here";

    const auto id = std::to_string(open_event());
    const auto list = get("/beheer/events/" + id + "/inchecken", {cookies});
    ASSERT_EQ(list.status, 200);
    std::smatch match;
    ASSERT_TRUE(std::regex_search(list.body, match,
                                  std::regex("name=\"registration\" value=\"([0-9]+)\"")));
    const auto checkin =
        post_form("/beheer/events/" + id + "/inchecken",
                  "csrf=" + csrf + "&registration=" + match[1].str() + "&action=in", {cookies});
    EXPECT_EQ(checkin.status, 303);

    // At the door, a large QR code leads the person's phone to their personal page.
    const std::string qr_path = "/beheer/events/" + id + "/inchecken/" + match[1].str() + "/qr";
    EXPECT_NE(list.body.find("href=\"" + qr_path + "\""), std::string::npos);
    const auto qr = get(qr_path, {cookies});
    ASSERT_EQ(qr.status, 200);
    EXPECT_NE(qr.body.find("role=\"img\" aria-label=\"QR-code naar de persoonlijke pagina van"),
              std::string::npos);
    const auto token = store_->read().registration(std::stoll(match[1].str()))->cancel_token;
    EXPECT_NE(qr.body.find("/aanmelding/" + token + "\">"), std::string::npos);
    const auto other_event = std::to_string(open_event() == 1 ? 2 : 1);
    EXPECT_EQ(
        get("/beheer/events/" + other_event + "/inchecken/" + match[1].str() + "/qr", {cookies})
            .status,
        404)
        << "a registration of another event";
    EXPECT_EQ(get(qr_path).status, 303) << "only for hosts and organisers";

    const auto attendance = get("/beheer/events/" + id + "/aanwezigheid", {cookies});
    ASSERT_EQ(attendance.status, 200);
    EXPECT_NE(attendance.body.find("<svg"), std::string::npos);

    const auto period = get("/beheer/statistiek?van=2018-09-01&tot=2019-06-30", {cookies});
    ASSERT_EQ(period.status, 200);
    EXPECT_NE(period.body.find("136 bezoekers"), std::string::npos);
    EXPECT_NE(period.body.find("bij 5 bijeenkomsten"), std::string::npos);
}

TEST_F(WebAppTest, OrganiserCreatesAndPublishesAnEventThroughTheForm) {
    const auto login = login_as(app::DemoLogin::organiser_email);
    const auto form = get("/beheer/events/nieuw", {login.cookies});
    ASSERT_EQ(form.status, 200);
    std::smatch partner;
    ASSERT_TRUE(std::regex_search(form.body, partner,
                                  std::regex("name=\"partner\" id=\"partner-([0-9]+)\"")));
    const std::string fields =
        "csrf=" + login.csrf +
        "&title=Kenniscaf%C3%A9+in+IJsselmonde&theme=Wijk&type=kenniscafe&date=2027-03-04"
        "&start_time=16%3A00&end_time=18%3A00&location_name=Huis+van+de+Wijk"
        "&location_address=Larenkamp+1&accessibility=Lift&capacity=35&partner=" +
        partner[1].str() +
        "&speaker_name_1=Erna+de+Vos&speaker_role_1=werkteamlid&speaker_name_2=&speaker_role_2="
        "&programme_time_1=16%3A00&programme_title_1=Welkom&programme_form_1=lezing"
        "&programme_time_2=16%3A30&programme_title_2=Stellingen&programme_form_2=stellingen"
        "&programme_time_3=&programme_title_3=&programme_form_3=lezing";
    const auto bad =
        post_form("/beheer/events/nieuw",
                  std::regex_replace(fields, std::regex("end_time=18%3A00"), "end_time=15%3A00"),
                  {login.cookies});
    EXPECT_EQ(bad.status, 422);
    EXPECT_NE(bad.body.find("De eindtijd moet na de begintijd liggen."), std::string::npos);
    EXPECT_NE(bad.body.find("value=\"Erna de Vos\""), std::string::npos) << "the form is refilled";

    const auto created = post_form("/beheer/events/nieuw", fields, {login.cookies});
    ASSERT_EQ(created.status, 303) << created.body;
    const std::string id =
        created.header("location").substr(created.header("location").find('=') + 1);
    EXPECT_EQ(get("/events/" + id).status, 404);
    ASSERT_EQ(post_form("/beheer/events/" + id + "/status",
                        "csrf=" + login.csrf + "&status=published", {login.cookies})
                  .status,
              303);
    const auto page = get("/events/" + id);
    ASSERT_EQ(page.status, 200);
    EXPECT_NE(page.body.find("Kenniscafé in IJsselmonde"), std::string::npos);
    EXPECT_NE(page.body.find("Erna de Vos"), std::string::npos);
    EXPECT_NE(page.body.find("Stellingen"), std::string::npos);
    EXPECT_NE(page.body.find("Nog 35 plaatsen vrij"), std::string::npos);
    EXPECT_NE(get("/").body.find("Kenniscafé in IJsselmonde"), std::string::npos)
        << "the cache saw the write";
    const auto edit = get("/beheer/events/" + id + "/bewerken", {login.cookies});
    EXPECT_NE(edit.body.find("value=\"2027-03-04\""), std::string::npos);
}

TEST_F(WebAppTest, RaisingTheCapacityLetsTheWaitingListInAndTellsThemByMail) {
    const auto login = login_as(app::DemoLogin::organiser_email);
    std::string fields =
        "csrf=" + login.csrf +
        "&title=Klein+caf%C3%A9&theme=Wijk&type=kenniscafe&date=2027-03-04&start_time=16%3A00"
        "&end_time=18%3A00&location_name=Huis+van+de+Wijk&location_address=Larenkamp+1"
        "&accessibility=&capacity=1";
    const auto created = post_form("/beheer/events/nieuw", fields, {login.cookies});
    ASSERT_EQ(created.status, 303) << created.body;
    const std::string id =
        created.header("location").substr(created.header("location").find('=') + 1);
    ASSERT_EQ(post_form("/beheer/events/" + id + "/status",
                        "csrf=" + login.csrf + "&status=published", {login.cookies})
                  .status,
              303);
    const auto register_person = [&](const std::string& name, const std::string& email) {
        return api("POST", "/api/v1/events/" + id + "/registrations",
                   R"({"name":")" + name + R"(","email":")" + email + R"(","group":"Bewoner"})",
                   false);
    };
    ASSERT_EQ(register_person("Anna", "anna@voorbeeld.nl").status, 201);
    const auto waiting = register_person("Bram Visser", "bram@voorbeeld.nl");
    ASSERT_EQ(waiting.status, 201) << waiting.body;
    EXPECT_EQ(boost::json::parse(waiting.body).at("status").as_string(), "waitlisted");

    const auto event_id = std::stoll(id);
    const auto werkplaats_id = store_->read().event(event_id)->werkplaats_id;
    const auto promotions_to_bram = [&] {
        int found = 0;
        for (const auto& mail :
             store_->read().outbox_page(werkplaats_id, app::MailState::waiting, {1, 100}).items) {
            if (mail.mail.kind == app::MailKind::promotion &&
                mail.mail.recipient_email == "bram@voorbeeld.nl") {
                ++found;
                EXPECT_NE(mail.mail.text.find("Klein café"), std::string::npos) << mail.mail.text;
            }
        }
        return found;
    };
    EXPECT_EQ(promotions_to_bram(), 0);

    // A change that makes no room moves nobody; a larger capacity lets Bram in, by mail.
    ASSERT_EQ(post_form("/beheer/events/" + id + "/bewerken", fields, {login.cookies}).status, 303);
    EXPECT_EQ(promotions_to_bram(), 0);
    fields.replace(fields.find("capacity=1"), 10, "capacity=2");
    ASSERT_EQ(post_form("/beheer/events/" + id + "/bewerken", fields, {login.cookies}).status, 303);
    EXPECT_EQ(promotions_to_bram(), 1);
    for (const auto& registration : store_->read().registrations(event_id)) {
        EXPECT_EQ(registration.status, domain::RegistrationStatus::registered)
            << registration.form.name;
    }
}

TEST_F(WebAppTest, HostAddsAWalkInAndAMistakeKeepsWhatWasTyped) {
    const auto login = login_as(app::DemoLogin::host_email);
    const auto id = std::to_string(open_event());
    EXPECT_EQ(get("/beheer/events/nieuw", {login.cookies}).status, 403)
        << "hosts do not plan events";
    const auto missing_group =
        post_form("/beheer/events/" + id + "/inloop",
                  "csrf=" + login.csrf + "&name=Karim+El+Amrani&organisation=Buurtteam&group=",
                  {login.cookies});
    EXPECT_EQ(missing_group.status, 422);
    EXPECT_NE(missing_group.body.find("Kies een groep."), std::string::npos);
    EXPECT_NE(missing_group.body.find("value=\"Karim El Amrani\""), std::string::npos);
    const auto page = get("/beheer/events/" + id + "/inchecken", {login.cookies});
    const std::string group = [&] {
        std::smatch match;
        std::regex_search(page.body, match,
                          std::regex("<option value=\"([0-9]+)\">Gemeente</option>"));
        return match[1].str();
    }();
    ASSERT_FALSE(group.empty());
    const auto added =
        post_form("/beheer/events/" + id + "/inloop",
                  "csrf=" + login.csrf + "&name=Karim+El+Amrani&group=" + group, {login.cookies});
    EXPECT_EQ(added.status, 303);
    const auto list = get("/beheer/events/" + id + "/inchecken?q=karim", {login.cookies});
    EXPECT_NE(list.body.find("Karim El Amrani"), std::string::npos);
    EXPECT_NE(list.body.find("inloop"), std::string::npos);
}

TEST_F(WebAppTest, AdminRenamesAndAddsGroupsAndPartners) {
    const auto login = login_as(app::DemoLogin::organiser_email);
    const auto settings = get("/beheer/instellingen", {login.cookies});
    ASSERT_EQ(settings.status, 200);
    std::string fields = "csrf=" + login.csrf;
    const std::regex id_pattern("name=\"group_id_([0-9]+)\" value=\"([0-9]+)\"");
    int count = 0;
    for (std::sregex_iterator it(settings.body.begin(), settings.body.end(), id_pattern);
         it != std::sregex_iterator(); ++it) {
        const std::string row = (*it)[1].str();
        std::smatch name_match;
        const std::regex name_pattern("name=\"group_name_" + row +
                                      "\" type=\"text\" maxlength=\"60\" value=\"([^\"]*)\"");
        ASSERT_TRUE(std::regex_search(settings.body, name_match, name_pattern));
        std::string name = name_match[1].str();
        if (name == "Markt") name = "Marktpartij";
        if ((*it)[2].str() == "0") name = "Ervaringsdeskundige";
        fields += "&group_id_" + row + "=" + (*it)[2].str() + "&group_position_" + row + "=" + row +
                  "&group_name_" + row + "=" + web::percent_encode(name);
        if (name == "Bewoner") fields += "&group_resident_" + row + "=ja";
        ++count;
    }
    ASSERT_EQ(count, 10) << "nine groups and one empty row";
    const auto saved = post_form("/beheer/instellingen/groepen", fields, {login.cookies});
    ASSERT_EQ(saved.status, 303) << saved.body;
    const auto registration_page = get("/events/" + std::to_string(open_event()) + "/aanmelden");
    EXPECT_NE(registration_page.body.find("Marktpartij"), std::string::npos);
    EXPECT_NE(registration_page.body.find("Ervaringsdeskundige"), std::string::npos);

    const auto duplicate = post_form(
        "/beheer/instellingen/groepen",
        std::regex_replace(fields, std::regex("Ervaringsdeskundige"), "Student"), {login.cookies});
    EXPECT_EQ(duplicate.status, 422);
    EXPECT_NE(duplicate.body.find("Deze naam staat er al."), std::string::npos);

    EXPECT_EQ(
        post_form(
            "/beheer/instellingen/partners",
            "csrf=" + login.csrf +
                "&partner_name=Stichting+Buurtkracht&partner_website=https%3A%2F%2Fbuurtkracht.nl",
            {login.cookies})
            .status,
        303);
    const auto bad_site = post_form(
        "/beheer/instellingen/partners",
        "csrf=" + login.csrf + "&partner_name=Nog+een&partner_website=javascript%3Aalert(1)",
        {login.cookies});
    EXPECT_EQ(bad_site.status, 422);
    EXPECT_NE(get("/beheer/instellingen", {login.cookies}).body.find("Stichting Buurtkracht"),
              std::string::npos);
}

TEST_F(WebAppTest, WorldCafeIsPlannedReplannedAfterAWalkInAndPrinted) {
    const auto login = login_as(app::DemoLogin::organiser_email);
    const auto id = std::to_string(open_event());
    const auto empty = get("/beheer/events/" + id + "/wereldcafe", {login.cookies});
    ASSERT_EQ(empty.status, 200);
    // The spare rows at the end of the table list are really empty, so saving them skips them.
    const std::regex capacity_input("name=\"table_capacity_[0-9]+\"[^>]*value=\"([^\"]*)\"");
    std::string last_capacity = "none";
    for (std::sregex_iterator it(empty.body.begin(), empty.body.end(), capacity_input), end;
         it != end; ++it) {
        last_capacity = (*it)[1].str();
    }
    EXPECT_EQ(last_capacity, "");
    std::smatch host;
    ASSERT_TRUE(std::regex_search(
        empty.body, host,
        std::regex(
            "name=\"table_host_1\"><option value=\"\">[^<]*</option><option value=\"([0-9]+)\"")));
    const std::string setup =
        "csrf=" + login.csrf +
        "&rounds=3&question_1=Wat+werkt%3F&question_2=Wat+mist%3F"
        "&question_3=Wat+ga+je+doen%3F&table_name_1=Oranje&table_capacity_1=7&table_host_1=" +
        host[1].str() +
        "&table_name_2=Blauw&table_capacity_2=7&table_question_2_2=Wat+mist+jongeren%3F"
        "&table_name_3=Groen&table_capacity_3=7"
        "&table_name_4=Geel&table_capacity_4=7&table_name_5=&table_capacity_5=";
    const auto bad = post_form(
        "/beheer/events/" + id + "/wereldcafe/opzet",
        std::regex_replace(setup, std::regex("table_capacity_2=7"), "table_capacity_2=99"),
        {login.cookies});
    EXPECT_EQ(bad.status, 422);
    EXPECT_NE(bad.body.find("Een tafel heeft 2 tot 30 plaatsen."), std::string::npos);
    // The organiser puts a resident at every table first.
    const std::string goals =
        "&goal_resident-every-table=1&goal_no-repeats=2&goal_no-revisits=3"
        "&goal_keep-seats=4&goal_group-mix=5&goal_organisations-spread=6";
    ASSERT_EQ(
        post_form("/beheer/events/" + id + "/wereldcafe/opzet", setup + goals, {login.cookies})
            .status,
        303);
    EXPECT_EQ(store_->read().world_cafe(std::stoll(id))->goal_order.front(),
              domain::CafeGoal::resident_at_every_table);
    const auto with_goals = get("/beheer/events/" + id + "/wereldcafe", {login.cookies});
    EXPECT_LT(with_goals.body.find("Aan elke tafel een bewoner"),
              with_goals.body.find("Niemand ontmoet iemand"));
    const auto plan = post_form("/beheer/events/" + id + "/wereldcafe/plan", "csrf=" + login.csrf,
                                {login.cookies});
    ASSERT_EQ(plan.status, 303) << plan.body.substr(plan.body.find("<main"), 2000);
    const auto planned = get("/beheer/events/" + id + "/wereldcafe", {login.cookies});
    EXPECT_NE(planned.body.find("Ronde 3"), std::string::npos);
    EXPECT_NE(planned.body.find("Wat ga je doen?"), std::string::npos);
    ASSERT_FALSE(store_->read().seats(std::stoll(id)).empty());

    // Round 1 starts; a walk-in arrives; the re-plan keeps round 1 as it was.
    ASSERT_EQ(post_form("/beheer/events/" + id + "/wereldcafe/ronde",
                        "csrf=" + login.csrf + "&started_rounds=1", {login.cookies})
                  .status,
              303);
    std::vector<domain::Seat> first_round;
    for (const auto& seat : store_->read().seats(std::stoll(id))) {
        if (seat.round == 1) first_round.push_back(seat);
    }
    const auto registration = api("POST", "/api/v1/events/" + id + "/registrations",
                                  R"({"name":"Laat Binnen","group":"Bewoner"})", false);
    ASSERT_EQ(registration.status, 201);
    ASSERT_EQ(post_form("/beheer/events/" + id + "/wereldcafe/plan", "csrf=" + login.csrf,
                        {login.cookies})
                  .status,
              303);
    std::vector<domain::Seat> first_round_after;
    int walk_in_seats = 0;
    const auto walk_in_id = boost::json::parse(registration.body).at("id").as_int64();
    for (const auto& seat : store_->read().seats(std::stoll(id))) {
        if (seat.round == 1) first_round_after.push_back(seat);
        if (seat.registration_id == walk_in_id) ++walk_in_seats;
    }
    EXPECT_EQ(first_round_after, first_round);
    EXPECT_EQ(walk_in_seats, 2) << "seated in rounds 2 and 3";

    const auto cards = get("/beheer/events/" + id + "/wereldcafe/tafelkaarten", {login.cookies});
    EXPECT_EQ(cards.status, 200);
    EXPECT_NE(cards.body.find("Tafel Oranje"), std::string::npos);
    EXPECT_NE(cards.body.find("Wat mist jongeren?"), std::string::npos) << "a table's own question";
    const auto routes = get("/beheer/events/" + id + "/wereldcafe/routekaarten", {login.cookies});
    EXPECT_NE(routes.body.find("Laat Binnen"), std::string::npos);
    const auto pdf = get("/beheer/events/" + id + "/wereldcafe/tafelkaarten.pdf", {login.cookies});
    EXPECT_EQ(pdf.status, 200);
    EXPECT_TRUE(pdf.body.starts_with("%PDF")) << pdf.header("content-type");
    const std::string token(boost::json::parse(registration.body).at("cancel_token").as_string());
    const auto personal = get("/aanmelding/" + token);
    EXPECT_NE(personal.body.find("Jouw tafels"), std::string::npos);
    EXPECT_NE(personal.body.find("Ronde 2:"), std::string::npos);
    EXPECT_NE(personal.body.find("Straks, ronde 2: tafel"), std::string::npos)
        << "the walk-in starts in round 2";
    EXPECT_NE(personal.body.find("/static/live_route.js"), std::string::npos);

    // The phone keeps itself up to date from a small JSON answer.
    const auto live = get("/aanmelding/" + token + "/tafels.json");
    ASSERT_EQ(live.status, 200);
    EXPECT_EQ(live.header("content-type"), "application/json");
    EXPECT_EQ(live.header("cache-control"), "no-store");
    auto route = boost::json::parse(live.body).as_object();
    EXPECT_EQ(route.at("now").as_string(), "");
    EXPECT_TRUE(route.at("next").as_string().starts_with("Straks, ronde 2: tafel"));
    EXPECT_EQ(route.at("route").as_array().size(), 2u);
    ASSERT_EQ(post_form("/beheer/events/" + id + "/wereldcafe/ronde",
                        "csrf=" + login.csrf + "&started_rounds=2", {login.cookies})
                  .status,
              303);
    route = boost::json::parse(get("/aanmelding/" + token + "/tafels.json").body).as_object();
    EXPECT_TRUE(route.at("now").as_string().starts_with("Nu, ronde 2: tafel"));
    EXPECT_TRUE(route.at("next").as_string().starts_with("Straks, ronde 3: tafel"));
    EXPECT_EQ(route.at("route").as_array()[0].at("badge").as_string(), "nu");
    const auto unknown = get("/aanmelding/bestaat-niet/tafels.json");
    EXPECT_EQ(unknown.status, 404);
    EXPECT_NE(unknown.body.find("\"error\":\"not_found\""), std::string::npos);

    const auto locked =
        post_form("/beheer/events/" + id + "/wereldcafe/opzet", setup, {login.cookies});
    EXPECT_EQ(locked.status, 422);
    EXPECT_NE(locked.body.find("liggen vast"), std::string::npos);
}

TEST_F(WebAppTest, RepeatedWrongPasswordsAreSlowedDown) {
    const auto [cookie, csrf] = csrf_for("/login");
    const std::string email = "&email=" + web::percent_encode(app::DemoLogin::host_email);
    for (int attempt = 0; attempt < 5; ++attempt) {
        EXPECT_EQ(post_form("/login",
                            "csrf=" + csrf + email + "&password=geraden" + std::to_string(attempt),
                            {cookie})
                      .status,
                  401);
    }
    const auto blocked = post_form(
        "/login", "csrf=" + csrf + email + "&password=" + app::DemoLogin::password, {cookie});
    EXPECT_EQ(blocked.status, 429);
    EXPECT_NE(blocked.body.find("Wacht een kwartier"), std::string::npos);
}

// The value of a hidden field of a page's form.
std::string hidden_field(const std::string& html, const std::string& name) {
    std::smatch match;
    const std::regex pattern("name=\"" + name + "\" value=\"([^\"]*)\"");
    return std::regex_search(html, match, pattern) ? match[1].str() : "";
}

TEST_F(WebAppTest, AnyoneProposesAThemeWhichOthersSupportOnceAndAnOrganiserSchedules) {
    const auto [cookie, csrf] = csrf_for("/themes");
    const auto form = get("/themes", {cookie});
    ASSERT_EQ(form.status, 200);
    const auto stamp = hidden_field(form.body, "stamp");
    ASSERT_FALSE(stamp.empty());

    // Sent at once, as a bot would: asked to send it again, nothing stored, the text kept.
    const std::string proposal = "csrf=" + csrf + "&stamp=" + web::percent_encode(stamp) +
                                 "&title=Schulden+bij+zzp+ers&place=IJsselmonde&website=";
    const auto too_fast = post_form("/themes", proposal, {cookie});
    EXPECT_EQ(too_fast.status, 422);
    EXPECT_NE(too_fast.body.find("verstuur het nog een keer"), std::string::npos);
    EXPECT_NE(too_fast.body.find("value=\"Schulden bij zzp ers\""), std::string::npos);

    clock_ += 10;
    // The hidden field filled in: answered like a success, but nothing is stored.
    EXPECT_EQ(post_form("/themes", proposal + "spam.example", {cookie}).status, 303);
    // A broken stamp is refused; an empty title gets its message.
    EXPECT_EQ(post_form("/themes", "csrf=" + csrf + "&stamp=1.abc&title=X", {cookie}).status, 422);
    const auto empty = post_form(
        "/themes", "csrf=" + csrf + "&stamp=" + web::percent_encode(stamp) + "&title=+", {cookie});
    EXPECT_EQ(empty.status, 422);
    EXPECT_NE(empty.body.find("class=\"error-summary\""), std::string::npos);

    const auto proposed = post_form("/themes", proposal, {cookie});
    ASSERT_EQ(proposed.status, 303);
    EXPECT_EQ(proposed.header("location"), "/themes?melding=voorgesteld");
    auto listed = boost::json::parse(get("/api/v1/themes?status=proposed").body).as_object();
    std::int64_t theme_id = 0;
    int with_title = 0;
    for (const auto& item : listed.at("items").as_array()) {
        if (item.at("title").as_string() == "Schulden bij zzp ers") {
            theme_id = item.at("id").as_int64();
            ++with_title;
        }
    }
    ASSERT_EQ(with_title, 1);  // the trapped copy was not stored
    const std::string theme = std::to_string(theme_id);

    // Support: once per browser; a second browser counts too.
    const auto first = post_form("/themes/" + theme + "/steun", "csrf=" + csrf, {cookie});
    ASSERT_EQ(first.status, 303);
    const auto supporter = first.header("set-cookie");
    ASSERT_NE(supporter.find("kc_supporter="), std::string::npos);
    const std::string with_supporter = cookie + "; " + supporter.substr(0, supporter.find(';'));
    const auto again = post_form("/themes/" + theme + "/steun", "csrf=" + csrf, {with_supporter});
    EXPECT_NE(again.header("location").find("al-gesteund"), std::string::npos);
    const auto [other_cookie, other_csrf] = csrf_for("/themes");
    EXPECT_EQ(post_form("/themes/" + theme + "/steun", "csrf=" + other_csrf, {other_cookie}).status,
              303);
    const auto page = get("/themes/" + theme);
    EXPECT_NE(page.body.find("Steun: 2"), std::string::npos);

    // An organiser schedules it for a café; the café's own page is then the theme's.
    const auto organiser = login_as(app::DemoLogin::organiser_email);
    const auto cafe = open_event();
    const auto scheduled =
        post_form("/beheer/themas/" + theme + "/status",
                  "csrf=" + organiser.csrf + "&status=scheduled&event_id=" + std::to_string(cafe),
                  {organiser.cookies});
    ASSERT_EQ(scheduled.status, 303);
    EXPECT_NE(get("/themes/" + theme).body.find("/events/" + std::to_string(cafe)),
              std::string::npos);
    // A scheduled theme takes no more support.
    EXPECT_EQ(post_form("/themes/" + theme + "/steun", "csrf=" + other_csrf, {other_cookie}).status,
              409);
    // Declining needs a reason, in plain words.
    const auto no_reason =
        post_form("/beheer/themas/" + theme + "/status",
                  "csrf=" + organiser.csrf + "&status=declined", {organiser.cookies});
    EXPECT_EQ(no_reason.status, 422);
    EXPECT_EQ(post_form("/beheer/themas/" + theme + "/status",
                        "csrf=" + organiser.csrf + "&status=declined&decline_reason=Al+gedaan",
                        {organiser.cookies})
                  .status,
              303);
    EXPECT_NE(get("/themes?status=declined").body.find("Al gedaan"), std::string::npos);
}

TEST_F(WebAppTest, ThemeApiProposesListsPagesAndSupports) {
    const auto created =
        api("POST", "/api/v1/themes",
            R"({"title":"Een kenniscafé in IJsselmonde","place":"IJsselmonde"})", false);
    ASSERT_EQ(created.status, 201) << created.body;
    const auto id = boost::json::parse(created.body).at("id").as_int64();
    EXPECT_EQ(api("POST", "/api/v1/themes", R"({"title":""})", false).status, 422);
    EXPECT_EQ(api("POST", "/api/v1/themes", R"({"title":5})", false).status, 422);
    EXPECT_EQ(api("POST", "/api/v1/themes", "{title:", false).status, 400);
    EXPECT_EQ(
        api("POST", "/api/v1/themes", R"({"title":")" + std::string(151, 'a') + R"("})", false)
            .status,
        422);
    EXPECT_EQ(api("GET", "/api/v1/themes?status=gek", "", false).status, 422);

    const std::string support = "/api/v1/themes/" + std::to_string(id) + "/support";
    const auto counted = api("POST", support, R"({"supporter":"kiosk-0123456789abcdef"})", false);
    ASSERT_EQ(counted.status, 200) << counted.body;
    EXPECT_EQ(boost::json::parse(counted.body).at("supporters").as_int64(), 1);
    const auto twice = api("POST", support, R"({"supporter":"kiosk-0123456789abcdef"})", false);
    EXPECT_FALSE(boost::json::parse(twice.body).at("counted").as_bool());
    EXPECT_EQ(api("POST", support, R"({"supporter":"kort"})", false).status, 422);
    EXPECT_EQ(api("POST", "/api/v1/themes/999999/support", "", false).status, 404);

    // Pages of one: a total, a next link that works, and the last page without one.
    const auto first = boost::json::parse(get("/api/v1/themes?limit=1").body).as_object();
    const auto total = first.at("total").as_int64();
    ASSERT_GE(total, 1);
    EXPECT_EQ(first.at("items").as_array().size(), 1U);
    if (total > 1) {
        const std::string next(first.at("next").as_string());
        const auto second = boost::json::parse(get(next).body).as_object();
        EXPECT_EQ(second.at("page").as_int64(), 2);
    }
    const auto last =
        boost::json::parse(get("/api/v1/themes?limit=1&page=" + std::to_string(total)).body)
            .as_object();
    EXPECT_TRUE(last.at("next").is_null());
}

TEST_F(WebAppTest, PagesAndListsStaySmallAfterTenYearsOfCafes) {
    // Ten years of a busy Werkplaats: 400 cafés, most of them past, 15,000 registrations,
    // and a long theme agenda.
    store_->write_and_wait([](app::Transaction& tx) {
        const auto werkplaats = tx.werkplaatsen().front().id;
        const auto group = tx.groups(werkplaats).front().id;
        for (int k = 0; k < 400; ++k) {
            domain::EventDetails details;
            details.title = "Kenniscafé nummer " + std::to_string(k);
            details.location_name = "Huis van de Wijk";
            details.description = std::string(600, 'x');
            details.starts_at = now - (360 - k) * 9 * 86'400;
            details.ends_at = details.starts_at + 7'200;
            const auto event = tx.insert_event(
                werkplaats, details,
                k < 360 ? domain::EventStatus::held : domain::EventStatus::published, now);
            for (int r = 0; r < 38; ++r) {
                domain::Registration registration;
                registration.event_id = event;
                registration.form = {
                    "Bezoeker " + std::to_string(r), "", group, "", "", "", false, false};
                registration.status = domain::RegistrationStatus::registered;
                registration.cancel_token = "t" + std::to_string(k) + "-" + std::to_string(r);
                registration.created_at = now;
                tx.insert_registration(registration);
            }
        }
        for (int k = 0; k < 300; ++k) {
            app::propose_theme(tx, werkplaats,
                               {"Thema " + std::to_string(k), std::string(500, 'y'), "Wijk"},
                               domain::ThemeSource::public_form, now);
        }
    });
    const auto organiser = login_as(app::DemoLogin::organiser_email);
    const std::size_t limit = 100 * 1024;
    for (const char* path : {"/", "/archief", "/archief?page=3", "/agenda.ics", "/themes",
                             "/api/v1/events", "/api/v1/themes"}) {
        const auto reply = get(path);
        EXPECT_EQ(reply.status, 200) << path;
        EXPECT_LT(reply.body.size(), limit) << path;
    }
    for (const char* path : {"/beheer", "/beheer?page=5", "/beheer/themas"}) {
        const auto reply = get(path, {organiser.cookies});
        EXPECT_EQ(reply.status, 200) << path;
        EXPECT_LT(reply.body.size(), limit) << path;
    }
    // The archive really holds them all: its pages link on to the last one.
    const auto archive = get("/archief");
    EXPECT_NE(archive.body.find("rel=\"next\""), std::string::npos);
    EXPECT_NE(get("/archief?page=12").body.find("rel=\"next\""), std::string::npos);
    const auto beyond = get("/archief?page=99");
    EXPECT_EQ(beyond.status, 200);
    EXPECT_EQ(beyond.body.find("Kenniscafé nummer"), std::string::npos);
    EXPECT_NE(beyond.body.find("rel=\"prev\""), std::string::npos);
}

TEST_F(WebAppTest, AThemesPageAndACafesPageGatherWhatHangsTogether) {
    const auto cafe = open_event();
    std::int64_t theme = 0;
    store_->write_and_wait([&](app::Transaction& tx) {
        const auto werkplaats = tx.event(cafe)->werkplaats_id;
        theme = app::propose_theme(tx, werkplaats, {"Schulden en schaamte", "", ""},
                                   domain::ThemeSource::organiser, now)
                    .theme_id;
        ASSERT_EQ(
            app::move_theme(tx, werkplaats, theme, {domain::ThemeStatus::scheduled, cafe, ""}, now)
                .result,
            app::ThemeChangeResult::done);
        domain::Werkteam werkteam;
        werkteam.name = "Werkteam Schaamte";
        werkteam.theme_id = theme;
        werkteam.started_on = "2026-01-01";
        ASSERT_GT(app::create_werkteam(tx, werkplaats, werkteam, now).id, 0);
        domain::Publication publication;
        publication.title = "Handreiking over schaamte";
        publication.kind = domain::PublicationKind::guide;
        publication.published_on = {2026, 6, 1};
        publication.body = "Een tekst.";
        publication.theme_ids = {theme};
        publication.event_ids = {cafe};
        ASSERT_GT(
            app::create_publication(tx, werkplaats, publication, std::nullopt, now).publication_id,
            0);
        ASSERT_GT(app::create_action(tx, {werkplaats, cafe},
                                     {"Spreekuur zonder afspraak", "Wijkteam", "", "2027-03-01"},
                                     "Demi", now)
                      .id,
                  0);
    });
    const auto page = get("/themes/" + std::to_string(theme));
    ASSERT_EQ(page.status, 200);
    for (const char* expected : {"Werkteam Schaamte", "Handreiking over schaamte",
                                 "Spreekuur zonder afspraak", "/events/"}) {
        EXPECT_NE(page.body.find(expected), std::string::npos) << expected;
    }
    const auto event_page = get("/events/" + std::to_string(cafe));
    EXPECT_NE(event_page.body.find("Handreiking over schaamte"), std::string::npos);
    EXPECT_NE(event_page.body.find("/themes/" + std::to_string(theme)), std::string::npos);
}

}  // namespace
}  // namespace kc
