// Who may do what, walked over every route the router knows: two Werkplaatsen, three
// roles, tokens, expired and foreign sessions, missing CSRF tokens and foreign origins.
// The routes come from the router itself, so a new route is walked the day it is added,
// and a new write route without a form below fails this suite until it gets one.
#include <gtest/gtest.h>
#include <sqlite3.h>

#include <boost/json.hpp>
#include <chrono>
#include <future>
#include <map>
#include <regex>

#include "app/accounts.hpp"
#include "app/events.hpp"
#include "app/follow_up.hpp"
#include "app/library.hpp"
#include "app/live.hpp"
#include "app/mail.hpp"
#include "app/privacy.hpp"
#include "app/registrations.hpp"
#include "app/security.hpp"
#include "app/themes.hpp"
#include "app/werkplaats_settings.hpp"
#include "app/werkteams.hpp"
#include "app/world_cafe.hpp"
#include "storage/sqlite/sqlite_store.hpp"
#include "test_support.hpp"
#include "web_in_process.hpp"

namespace kc {
namespace {

constexpr time::Timestamp now = 1'795'910'400;
constexpr const char* password = "een-lang-wachtwoord";
constexpr const char* csrf = "csrf-token-of-this-browser";

// A channel's sink that drops what it is sent: the walk only asks whether a channel opens.
struct NoSink final : web::ChannelSink {
    void send(std::shared_ptr<const std::string>, std::string_view) override {}
    void close(std::string_view) override {}
};

using Reply = testing::WebReply;

// Everything in the database that a request could change, as text: every table but the
// sessions, and the API tokens without the moment they were last used.
std::string fingerprint(const std::string& path) {
    sqlite3* db = nullptr;
    sqlite3_open_v2(path.c_str(), &db, SQLITE_OPEN_READONLY, nullptr);
    std::vector<std::string> tables;
    std::string text;
    const auto each_row = [&](const std::string& sql, auto on_row) {
        sqlite3_stmt* statement = nullptr;
        sqlite3_prepare_v2(db, sql.c_str(), -1, &statement, nullptr);
        while (sqlite3_step(statement) == SQLITE_ROW) on_row(statement);
        sqlite3_finalize(statement);
    };
    each_row(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name <> 'sessions' ORDER BY name",
        [&](sqlite3_stmt* row) {
            tables.emplace_back(reinterpret_cast<const char*>(sqlite3_column_text(row, 0)));
        });
    for (const auto& table : tables) {
        const std::string columns = table == "api_tokens"
                                        ? "id, token_hash, user_id, werkplaats_id, role, name, "
                                          "created_at, expires_at, revoked_at"
                                        : "*";
        text += "#" + table + "\n";
        each_row("SELECT " + columns + " FROM " + table + " ORDER BY 1, 2", [&](sqlite3_stmt* row) {
            for (int column = 0; column < sqlite3_column_count(row); ++column) {
                const auto* value = sqlite3_column_text(row, column);
                text += value ? reinterpret_cast<const char*>(value) : "NULL";
                text += '|';
            }
            text += '\n';
        });
    }
    sqlite3_close(db);
    return text;
}

class WebAccessTest : public ::testing::Test {
  protected:
    void SetUp() override {
        store_ = std::make_unique<storage::sqlite::SqliteStore>(database());
        const std::string hash = app::security::hash_password(password);
        store_->write_and_wait([&](app::Transaction& tx) {
            a_ = app::create_werkplaats(tx, "zhz", "Werkplaats Zuid-Holland Zuid");
            b_ = app::create_werkplaats(tx, "ander", "Andere Werkplaats");
            tx.set_werkplaats_host_name(b_, "ander.example");
            const auto add = [&](const char* email, std::int64_t werkplaats, app::Role role,
                                 bool disabled = false) {
                const auto id = tx.insert_user({0, email, email, hash});
                tx.upsert_membership({id, werkplaats, role, disabled});
                return id;
            };
            admin_a_ = add("admin@a.nl", a_, app::Role::admin);
            organiser_a_ = add("organisator@a.nl", a_, app::Role::organiser);
            host_a_ = add("gastheer@a.nl", a_, app::Role::host);
            other_host_a_ = add("andere-gastheer@a.nl", a_, app::Role::host);
            disabled_a_ = add("uitgezet@a.nl", a_, app::Role::admin, true);
            member_a_ = add("lid@a.nl", a_, app::Role::organiser);
            admin_b_ = add("admin@b.nl", b_, app::Role::admin);
            event_a_ = published_event(tx, a_, "Jongeren en schulden");
            event_b_ = published_event(tx, b_, "Eenzaamheid in de wijk");
            const auto group_a = tx.groups(a_).front().id;
            registration_a_ =
                app::register_participant(
                    tx, event_a_,
                    {"Anouk", "", group_a, "", "Geen vlees", "Rolstoel", false, false}, now)
                    .registration->id;
            app::register_participant(tx, event_a_,
                                      {"Bram", "bram@a.nl", group_a, "", "", "", true, false}, now);
            tx.set_event_hosts(event_a_, {host_a_});
            domain::WorldCafe cafe;
            cafe.event_id = event_a_;
            cafe.round_questions = {"Wat werkt?", "Wat mist?"};
            cafe.tables = {{0, "Oranje", 6, std::nullopt}, {0, "Blauw", 6, std::nullopt}};
            ASSERT_TRUE(app::save_world_cafe_setup(tx, a_, cafe).done);
            // A running live session with two questions that were never opened.
            const app::EventScope live_scope{a_, event_a_};
            live_session_a_ = app::create_live_session(tx, live_scope, "Peiling", now).id;
            domain::live::QuestionSettings question;
            question.prompt = "Wat vindt u?";
            question.options = {"Goed", "Slecht"};
            live_question_a_ =
                app::save_live_question(tx, live_scope, live_session_a_, std::nullopt, question).id;
            spare_question_a_ =
                app::save_live_question(tx, live_scope, live_session_a_, std::nullopt, question).id;
            auto running = *tx.live_session(live_session_a_);
            running.state = app::LiveSessionState::running;
            tx.update_live_session(running, now);
            theme_a_ = app::propose_theme(tx, a_, {"Schulden", "", ""},
                                          domain::ThemeSource::public_form, now)
                           .theme_id;
            // An experience shared at the event, for the organisers to hide.
            domain::Experience experience;
            experience.event_id = event_a_;
            experience.quote = "Een mooie middag.";
            experience.consent = {"ervaring-2026-1", "evaluation_form", now, std::nullopt};
            experience_a_ = tx.insert_experience(experience, "digest-of-a-link");
            const app::Actor admin_a{admin_a_, a_, app::Role::admin, std::nullopt};
            token_a_ = app::create_api_token(tx, admin_a, "koppeling", app::Role::admin, 30, now);
            revoked_a_ = app::create_api_token(tx, admin_a, "oud", app::Role::admin, 30, now);
            spare_a_ = app::create_api_token(tx, admin_a, "reserve", app::Role::host, 30, now);
            app::revoke_api_token(tx, admin_a, revoked_a_.token_id, now);
            expired_a_ = app::create_api_token(tx, admin_a, "verlopen", app::Role::admin, 1,
                                               now - 2 * 86'400);
            host_token_a_ = app::create_api_token(tx, {host_a_, a_, app::Role::host, std::nullopt},
                                                  "deur", app::Role::host, 30, now);
            token_b_ = app::create_api_token(tx, {admin_b_, b_, app::Role::admin, std::nullopt},
                                             "b", app::Role::admin, 30, now);
            domain::Werkteam werkteam;
            werkteam.name = "Werkteam Schulden";
            werkteam.started_on = "2025-01-01";
            werkteam_a_ = app::create_werkteam(tx, a_, werkteam, now).id;
            werkteam_member_a_ =
                app::add_werkteam_member(
                    tx, a_, werkteam_a_,
                    {0, 0, "Wendy", group_a, "", domain::MemberRole::member, "wendy@a.nl", false})
                    .id;
            domain::Publication publication;
            publication.title = "Handreiking schulden";
            publication.published_on = {2019, 3, 7};
            publication.body = "Tekst";
            publication_a_ =
                app::create_publication(tx, a_, publication, std::nullopt, now).publication_id;
            // A harvest item, a harvest link and an action of A's café.
            domain::HarvestItem item;
            item.text = "Schaamte houdt jongeren stil";
            harvest_item_a_ = app::add_harvest_item(tx, live_scope, item,
                                                    {{admin_a_, std::nullopt, "Admin"}}, now)
                                  .id;
            const auto link =
                app::create_harvest_link(tx, live_scope, "Tafel Oranje", admin_a_, now);
            harvest_link_a_ = link.id;
            harvest_token_a_ = link.token;
            action_a_ = app::create_action(
                            tx, live_scope,
                            {"Folder in eenvoudige taal", "Gemeente", "Jan de Vries", "2026-12-20"},
                            "Admin", now)
                            .id;
            // A mail of A that failed for good, for the outbox's "try again".
            app::OutgoingMail mail;
            mail.werkplaats_id = a_;
            mail.recipient_email = "anouk@a.nl";
            mail.recipient_name = "Anouk";
            mail.subject = "Je bent aangemeld";
            mail.text = "Beste Anouk,";
            mail.idempotency_key = "registration:registration:test";
            mail_a_ = *tx.insert_mail(mail, now);
            app::record_delivery(tx, mail_a_,
                                 {app::DeliveryResult::permanent_failure, "550 onbekend"},
                                 app::AttemptKind::scheduled, now);
        });
        web::WebConfig config;
        config.share_dir = KC_SOURCE_SHARE_DIR;
        config.public_base_url = "http://kenniscafe.test";
        config.now = [] { return now; };
        app_ = std::make_unique<web::WebApp>(*store_, config);
    }

    std::string database() const { return dir_.file("access.db"); }

    std::int64_t published_event(app::Transaction& tx, std::int64_t werkplaats,
                                 const std::string& title) {
        domain::EventDetails details;
        details.title = title;
        details.location_name = "Huis van de Wijk";
        details.starts_at = now + 3 * 86'400;
        details.ends_at = details.starts_at + 7'200;
        details.capacity = 40;
        const auto id = app::create_event(tx, werkplaats, details, now).event_id;
        app::change_event_status(tx, werkplaats, id, domain::EventStatus::published, now);
        return id;
    }

    // A browser session for a person, straight in the store; `lifetime` < 0 has expired.
    std::string session_of(std::int64_t user_id, time::Timestamp lifetime = 3600) {
        const std::string token = app::security::random_token();
        store_->write_and_wait([&](app::Transaction& tx) {
            tx.insert_session({app::security::token_digest(token), user_id, csrf, std::nullopt,
                               now - 60, now + lifetime});
        });
        return "kc_session=" + token + "; kc_csrf=" + csrf;
    }

    Reply call(const std::string& method, const std::string& target, const std::string& body,
               std::vector<std::pair<std::string, std::string>> headers) {
        headers.emplace_back("host", "kenniscafe.test");
        if (method != "CHANNEL") return testing::handle(*app_, method, target, body, headers);
        web::Request request;
        request.method = method;
        const auto question = target.find('?');
        request.path = target.substr(0, question);
        if (question != std::string::npos) request.query = target.substr(question + 1);
        request.remote_address = "127.0.0.1";
        request.headers = std::move(headers);
        // A channel opened is answered 101 like a WebSocket upgrade.
        const auto opening =
            app_->open_channel(request, web::ChannelKind::websocket, std::make_shared<NoSink>());
        if (opening.channel) opening.channel->on_close();
        return opening.channel
                   ? Reply{101, "", {}}
                   : Reply{opening.refusal.status, opening.refusal.body, opening.refusal.headers};
    }

    // A form posted by a person with a valid session and CSRF token.
    Reply post_form(const std::string& path, const std::string& body, std::int64_t user_id) {
        return call("POST", path, std::string("csrf=") + csrf + "&" + body,
                    {{"cookie", session_of(user_id)},
                     {"content-type", "application/x-www-form-urlencoded"}});
    }

    testing::TempDir dir_;
    std::unique_ptr<app::Store> store_;
    std::unique_ptr<web::WebApp> app_;
    std::int64_t a_ = 0, b_ = 0;
    std::int64_t admin_a_ = 0, organiser_a_ = 0, host_a_ = 0, other_host_a_ = 0, disabled_a_ = 0;
    // The member and the token that the account routes change.
    std::int64_t member_a_ = 0;
    std::int64_t admin_b_ = 0;
    std::int64_t event_a_ = 0, event_b_ = 0, registration_a_ = 0;
    std::int64_t live_session_a_ = 0, live_question_a_ = 0, spare_question_a_ = 0;
    std::int64_t theme_a_ = 0;
    std::int64_t publication_a_ = 0;
    std::int64_t experience_a_ = 0;
    app::TokenOutcome token_a_, revoked_a_, spare_a_, expired_a_, host_token_a_, token_b_;
    std::int64_t werkteam_a_ = 0, werkteam_member_a_ = 0;
    std::int64_t harvest_item_a_ = 0, harvest_link_a_ = 0, action_a_ = 0;
    std::string harvest_token_a_;
    std::int64_t mail_a_ = 0;
};

// The ids the bodies of write_bodies() name.
struct BodyIds {
    std::int64_t event, registration, group, host, extra_host, werkplaats, question, spare_question,
        werkteam_member, experience, harvest_item, harvest_link, action, mail;
};

// A form or JSON body that would change something if the caller were let through.
std::map<std::string, std::string> write_bodies(const BodyIds& ids) {
    const auto [event, registration, group, host, extra_host, werkplaats, question, spare_question,
                werkteam_member, experience, harvest_item, harvest_link, action, mail] = ids;
    const std::string event_form =
        "title=Nieuwe+titel&type=kenniscafe&date=2026-12-10&start_time=16%3A00&end_time=18%3A00"
        "&location_name=Bibliotheek&capacity=30";
    return {
        {"POST /logout", ""},
        {"POST /logout/overal", ""},
        {"POST /beheer/werkplaats", "werkplaats=" + std::to_string(werkplaats)},
        {"POST /beheer/wachtwoord", std::string("current_password=") + password +
                                        "&password=nieuw-en-lang-genoeg&password_again=nieuw-en-"
                                        "lang-genoeg"},
        {"POST /beheer/accounts/uitnodigen", "email=nieuw%40a.nl&name=Nieuw&role=admin"},
        {"POST /beheer/accounts/{member}", "role=host&disabled=ja"},
        {"POST /beheer/accounts/{member}/wachtwoord", ""},
        {"POST /beheer/tokens", "token_name=nieuw&token_role=host&token_days=10"},
        {"POST /beheer/tokens/{token}/intrekken", ""},
        {"POST /beheer/events/nieuw", event_form},
        {"POST /beheer/events/{id}/bewerken", event_form},
        {"POST /beheer/events/{id}/status", "status=cancelled"},
        {"POST /beheer/events/{id}/gastheren",
         "host=" + std::to_string(host) + "&host=" + std::to_string(extra_host)},
        {"POST /beheer/events/{id}/inchecken", "registration=" + std::to_string(registration)},
        {"POST /beheer/events/{id}/inloop", "name=Inloper&group=" + std::to_string(group)},
        {"POST /beheer/events/{id}/niet-gekomen", ""},
        {"POST /beheer/events/{id}/wereldcafe/opzet",
         "rounds=2&question_1=Vraag&question_2=Vraag&table_name_1=Rood&table_capacity_1=8"},
        {"POST /beheer/events/{id}/wereldcafe/plan", ""},
        {"POST /beheer/events/{id}/wereldcafe/ronde", "started_rounds=1"},
        {"POST /beheer/events/{id}/wereldcafe/blijft",
         "registration=" + std::to_string(registration) + "&stays=ja"},
        {"POST /beheer/instellingen/groepen", "group_id_1=0&group_name_1=Nieuwe+groep"},
        {"POST /beheer/instellingen/partners", "partner_name=Buurthuis"},
        {"POST /beheer/privacy",
         "retention_months=6&audit_retention_months=12&small_number_threshold=3"
         "&controller_name=Werkplaats&contact_email=privacy%40a.nl"},
        {"POST /beheer/privacy/wissen", "email=bram%40a.nl&bevestig=ja"},
        {"POST /beheer/mail/opnieuw", "mail=" + std::to_string(mail)},
        {"POST /api/v1/events",
         R"({"title":"Via de API","starts_at":"2026-12-10T16:00","location":"Bibliotheek"})"},
        {"POST /api/v1/events/{id}/publish", ""},
        {"POST /beheer/events/{id}/live", "title=Tweede+peiling"},
        {"POST /beheer/events/{id}/live/{session}/instellingen",
         "title=Andere+naam&word_filter=kut"},
        // The session runs, so deleting it is refused (409) and later routes still find it.
        {"POST /beheer/events/{id}/live/{session}/verwijderen", ""},
        {"POST /beheer/events/{id}/live/{session}/vragen",
         "kind=choice&prompt=Nieuwe+vraag&options=Ja%0ANee"},
        {"POST /beheer/events/{id}/live/{session}/vragen/verwijderen",
         "question=" + std::to_string(spare_question)},
        {"POST /beheer/events/{id}/live/{session}/vragen/verplaatsen",
         "question=" + std::to_string(question) + "&direction=neer"},
        {"POST /beheer/events/{id}/live/{session}/regie",
         "action=show_question&question=" + std::to_string(question)},
        {"POST /beheer/events/{id}/live/{session}/moderatie",
         "action=hide_word&subject=kut&question=" + std::to_string(question)},
        {"POST /beheer/themas", "title=Armoede+en+gezondheid"},
        {"POST /beheer/themas/{theme}", "title=Schulden+bij+jongeren"},
        {"POST /beheer/themas/{theme}/status", "status=adopted"},
        {"POST /beheer/werkteams/nieuw", "name=Nieuw+werkteam&started_on=2026-01-01"},
        {"POST /beheer/werkteams/{werkteam}", "name=Andere+naam&started_on=2025-02-01"},
        {"POST /beheer/werkteams/{werkteam}/leden", "name=Nieuw+lid&role=lid"},
        {"POST /beheer/werkteams/{werkteam}/bijeenkomsten",
         "format=focusgroep&held_on=2026-02-01&place=Wijkcentrum"},
        {"POST /beheer/werkteams/{werkteam}/producten",
         "title=Handreiking&kind=handreiking&published_on=2026-03-01"},
        {"POST /beheer/werkteams/{werkteam}/events", "event_id=" + std::to_string(event)},
        {"POST /beheer/werkteams/{werkteam}/verwijderen",
         "part=member&id=" + std::to_string(werkteam_member)},
        {"POST /beheer/bibliotheek/nieuw",
         "title=Nieuw&kind=guide&published_on=2020-01-02&body=Een+tekst"},
        {"POST /beheer/bibliotheek/{publication}",
         "title=Anders&kind=report&published_on=2020-01-02&body=Een+tekst"},
        // Deleted last of the library's routes, so that the others still find it.
        {"POST /beheer/bibliotheek/{publication}/verwijderen", ""},
        {"POST /api/v1/library",
         R"({"title":"Via de API","kind":"blog","body":"Tekst","published_on":"2020-01-02"})"},
        {"POST /beheer/events/{id}/evaluatie/ervaringen",
         "experience=" + std::to_string(experience) + "&action=hide"},
        {"POST /beheer/events/{id}/oogst", "kind=insight&text=Nieuw+inzicht"},
        {"POST /beheer/events/{id}/oogst/wijzigen",
         "item=" + std::to_string(harvest_item) + "&kind=open_question&text=Anders"},
        {"POST /beheer/events/{id}/oogst/verwijderen", "item=" + std::to_string(harvest_item)},
        {"POST /beheer/events/{id}/oogst/live", "question=" + std::to_string(question)},
        {"POST /beheer/events/{id}/oogst/links", "name=Tafel+Blauw"},
        {"POST /beheer/events/{id}/oogst/links/intrekken", "link=" + std::to_string(harvest_link)},
        {"POST /beheer/events/{id}/acties",
         "description=Spreekuur&owner=Bibliotheek&due_on=2027-01-15"},
        {"POST /beheer/events/{id}/acties/status",
         "action=" + std::to_string(action) + "&status=in_progress"},
        {"POST /api/v1/events/{id}/actions",
         R"({"description":"Via de API","owner":"Gemeente","due_on":"2027-02-01"})"},
        {"PATCH /api/v1/actions/{action}", R"({"status":"done","update":"Klaar"})"},
        {"POST /beheer/events/{id}/verslag", "introduction=Inleiding&account=Verslag&action=save"},
        {"POST /beheer/events/{id}/verslag/publiceren", "publish=ja"},
        {"POST /beheer/magazine", "from=2026-01-01&to=2026-12-31&format=html"},
    };
}

TEST_F(WebAccessTest, EveryOrganiserRouteRefusesEveryWrongCallerAndChangesNothing) {
    const auto group = store_->read().groups(a_).front().id;
    // The assigned host stays assigned, so that the host checks of later routes hold.
    const auto bodies =
        write_bodies({event_a_, registration_a_, group, host_a_, organiser_a_, a_, live_question_a_,
                      spare_question_a_, werkteam_member_a_, experience_a_, harvest_item_a_,
                      harvest_link_a_, action_a_, mail_a_});
    const std::map<std::string, std::string> path_values = {
        {"{id}", std::to_string(event_a_)},
        {"{registration}", std::to_string(registration_a_)},
        {"{member}", std::to_string(member_a_)},
        {"{token}", std::to_string(spare_a_.token_id)},
        {"{session}", std::to_string(live_session_a_)},
        {"{theme}", std::to_string(theme_a_)},
        {"{werkteam}", std::to_string(werkteam_a_)},
        {"{publication}", std::to_string(publication_a_)},
        {"{action}", std::to_string(action_a_)}};
    int walked = 0;
    for (const auto& route : app_->routes()) {
        if (route.audience == web::Audience::everyone) continue;
        const std::string key = route.method + " " + route.pattern;
        SCOPED_TRACE(key);
        std::string target = route.pattern;
        bool names_a_thing = false;
        for (const auto& [parameter, value] : path_values) {
            for (auto at = target.find(parameter); at != std::string::npos;
                 at = target.find(parameter)) {
                target.replace(at, parameter.size(), value);
                names_a_thing = true;
            }
        }
        const bool is_api = route.pattern.starts_with("/api/");
        const bool is_write = route.method != "GET" && route.method != "CHANNEL";
        const auto body = bodies.find(key);
        if (is_write && body == bodies.end()) {
            ADD_FAILURE() << "give " << key << " a body in write_bodies(), so it is walked";
            continue;
        }
        const std::string payload = is_write ? body->second : "";
        const auto form_headers = [&](const std::string& cookies, bool with_csrf_field) {
            return std::make_pair(
                std::vector<std::pair<std::string, std::string>>{
                    {"cookie", cookies},
                    {"content-type",
                     is_api ? "application/json" : "application/x-www-form-urlencoded"}},
                (with_csrf_field && is_write && !is_api ? std::string("csrf=") + csrf + "&" : "") +
                    payload);
        };
        const auto expect_refused = [&](const char* who, std::vector<int> statuses,
                                        const std::string& cookies, const std::string& bearer = "",
                                        bool with_csrf_field = true,
                                        const std::string& origin = "") {
            auto [headers, request_body] = form_headers(cookies, with_csrf_field);
            if (!bearer.empty()) headers.emplace_back("authorization", "Bearer " + bearer);
            if (!origin.empty()) headers.emplace_back("origin", origin);
            const std::string before = fingerprint(database());
            const Reply reply = call(route.method, target, request_body, headers);
            EXPECT_NE(std::find(statuses.begin(), statuses.end(), reply.status), statuses.end())
                << who << " got " << reply.status;
            if (reply.status == 303) {
                EXPECT_TRUE(reply.header("Location").starts_with("/login"))
                    << who << " was sent to " << reply.header("Location");
            }
            EXPECT_EQ(fingerprint(database()), before) << who << " changed the data";
            // The refusal shows nothing of the Werkplaats's participants.
            EXPECT_EQ(reply.body.find("Rolstoel"), std::string::npos) << who;
            EXPECT_EQ(reply.body.find("Anouk"), std::string::npos) << who;
        };

        if (is_api) {
            expect_refused("no token", {401}, "");
            EXPECT_EQ(call(route.method, target, "", {}).header("WWW-Authenticate"),
                      "Bearer realm=\"kenniscafe\"");
            expect_refused("a revoked token", {401}, "", revoked_a_.token);
            expect_refused("an expired token", {401}, "", expired_a_.token);
            expect_refused("a made-up token", {401}, "", "nep-token-van-niemand");
            if (names_a_thing)
                expect_refused("a token of another Werkplaats", {404}, "", token_b_.token);
            if (route.minimum != app::Role::host) {
                expect_refused("a host's token", {403}, "", host_token_a_.token);
            }
        } else {
            expect_refused("no session", {303}, "");
            expect_refused("an expired session", {303}, session_of(admin_a_, -10));
            expect_refused("a made-up session", {303},
                           "kc_session=nep; kc_csrf=" + std::string(csrf));
            if (route.audience == web::Audience::member) {
                expect_refused("a disabled member", {403}, session_of(disabled_a_));
                if (names_a_thing) {
                    expect_refused("a session of another Werkplaats", {404}, session_of(admin_b_));
                }
                if (route.minimum != app::Role::host) {
                    expect_refused("a host", {403}, session_of(host_a_));
                } else if (names_a_thing) {
                    expect_refused("a host not assigned to the event", {404},
                                   session_of(other_host_a_));
                }
                if (route.minimum == app::Role::admin) {
                    expect_refused("an organiser", {403}, session_of(organiser_a_));
                }
            }
            if (is_write) {
                expect_refused("a form without its CSRF token", {403}, session_of(admin_a_), "",
                               false);
                expect_refused("a form with another CSRF token", {403}, session_of(admin_a_) + "x",
                               "", true);
                expect_refused("a form from another site", {403}, session_of(admin_a_), "", true,
                               "http://evil.example");
            }
        }

        // The right caller gets through to the page itself.
        auto [headers, request_body] = form_headers(is_api ? "" : session_of(admin_a_), true);
        if (is_api) headers.emplace_back("authorization", "Bearer " + token_a_.token);
        const Reply allowed = call(route.method, target, request_body, headers);
        // What the page queued behind its answer (an audit record of a view) lands before
        // the next route takes its fingerprint.
        store_->write_and_wait([](app::Transaction&) {});
        EXPECT_TRUE(allowed.status < 400 || allowed.status == 409 || allowed.status == 422)
            << "the admin got " << allowed.status << ": " << allowed.body.substr(0, 300);
        ++walked;
    }
    EXPECT_GE(walked, 35) << "the router lists fewer organiser routes than expected";
}

TEST_F(WebAccessTest, TheOutboxShowsAndRetriesOnlyTheWerkplaatsOwnMail) {
    const Reply own =
        call("GET", "/beheer/mail?staat=failed", "", {{"cookie", session_of(admin_a_)}});
    EXPECT_EQ(own.status, 200);
    EXPECT_NE(own.body.find("Anouk"), std::string::npos);
    EXPECT_NE(own.body.find("550 onbekend"), std::string::npos);
    const Reply other =
        call("GET", "/beheer/mail?staat=failed", "", {{"cookie", session_of(admin_b_)}});
    EXPECT_EQ(other.status, 200);
    EXPECT_EQ(other.body.find("Anouk"), std::string::npos);
    EXPECT_EQ(post_form("/beheer/mail/opnieuw", "mail=" + std::to_string(mail_a_), admin_b_).status,
              404);
    EXPECT_EQ(post_form("/beheer/mail/opnieuw", "mail=geen-getal", admin_a_).status, 404);
    EXPECT_EQ(store_->read().outbox_mail(mail_a_)->state, app::MailState::failed);
    EXPECT_EQ(call("GET", "/beheer/mail", "", {{"cookie", session_of(host_a_)}}).status, 403);
    const Reply retried =
        post_form("/beheer/mail/opnieuw", "mail=" + std::to_string(mail_a_), admin_a_);
    EXPECT_EQ(retried.status, 303);
    EXPECT_EQ(store_->read().outbox_mail(mail_a_)->state, app::MailState::waiting);
    EXPECT_EQ(post_form("/beheer/mail/opnieuw", "mail=" + std::to_string(mail_a_), admin_a_).status,
              409)
        << "a mail that waits already";
}

TEST_F(WebAccessTest, AHostOpensOnlyTheEventsAnOrganiserAssignedThemTo) {
    const std::string host = session_of(host_a_);
    const std::string other = session_of(other_host_a_);
    const std::string checkin = "/beheer/events/" + std::to_string(event_a_) + "/inchecken";
    EXPECT_EQ(call("GET", checkin, "", {{"cookie", host}}).status, 200);
    EXPECT_EQ(call("GET", checkin, "", {{"cookie", other}}).status, 404);
    const Reply dashboard = call("GET", "/beheer", "", {{"cookie", other}});
    EXPECT_EQ(dashboard.status, 200);
    EXPECT_EQ(dashboard.body.find("Jongeren en schulden"), std::string::npos);
    EXPECT_NE(call("GET", "/beheer", "", {{"cookie", host}}).body.find("Jongeren en schulden"),
              std::string::npos);
    // The walk-in form posted with an empty name to the other Werkplaats's event shows
    // nothing of it, however the caller got there.
    const Reply walk_in = call(
        "POST", "/beheer/events/" + std::to_string(event_b_) + "/inloop",
        std::string("csrf=") + csrf + "&name=",
        {{"cookie", session_of(admin_a_)}, {"content-type", "application/x-www-form-urlencoded"}});
    EXPECT_EQ(walk_in.status, 404);
}

TEST_F(WebAccessTest, APersonInTwoWerkplaatsenPicksOneAndWorksOnlyInIt) {
    store_->write_and_wait([&](app::Transaction& tx) {
        tx.upsert_membership({host_a_, b_, app::Role::organiser, false});
    });
    const std::string session = session_of(host_a_);
    const std::vector<std::pair<std::string, std::string>> form = {
        {"cookie", session}, {"content-type", "application/x-www-form-urlencoded"}};
    const Reply first = call("GET", "/beheer", "", {{"cookie", session}});
    EXPECT_EQ(first.status, 303);
    EXPECT_EQ(first.header("Location"), "/beheer/werkplaats");
    const Reply choice = call("GET", "/beheer/werkplaats", "", {{"cookie", session}});
    EXPECT_NE(choice.body.find("Andere Werkplaats"), std::string::npos);
    EXPECT_NE(choice.body.find("Werkplaats Zuid-Holland Zuid"), std::string::npos);

    // A Werkplaats the person is no member of cannot be picked.
    std::int64_t foreign = 0;
    store_->write_and_wait(
        [&](app::Transaction& tx) { foreign = tx.insert_werkplaats("derde", "Derde"); });
    EXPECT_EQ(call("POST", "/beheer/werkplaats",
                   std::string("csrf=") + csrf + "&werkplaats=" + std::to_string(foreign), form)
                  .status,
              404);

    // As organiser of B she sees B's event and may edit it; A's door is closed to her now,
    // though she is its host in A.
    EXPECT_EQ(call("POST", "/beheer/werkplaats",
                   std::string("csrf=") + csrf + "&werkplaats=" + std::to_string(b_), form)
                  .status,
              303);
    const Reply dashboard = call("GET", "/beheer", "", {{"cookie", session}});
    EXPECT_NE(dashboard.body.find("Eenzaamheid in de wijk"), std::string::npos);
    EXPECT_EQ(dashboard.body.find("Jongeren en schulden"), std::string::npos);
    EXPECT_EQ(call("GET", "/beheer/events/" + std::to_string(event_b_) + "/bewerken", "",
                   {{"cookie", session}})
                  .status,
              200);
    EXPECT_EQ(call("GET", "/beheer/events/" + std::to_string(event_a_) + "/inchecken", "",
                   {{"cookie", session}})
                  .status,
              404);

    // Back in A she is a host again: the door of her event, no editing.
    call("POST", "/beheer/werkplaats",
         std::string("csrf=") + csrf + "&werkplaats=" + std::to_string(a_), form);
    EXPECT_EQ(call("GET", "/beheer/events/" + std::to_string(event_a_) + "/inchecken", "",
                   {{"cookie", session}})
                  .status,
              200);
    EXPECT_EQ(call("GET", "/beheer/events/" + std::to_string(event_a_) + "/bewerken", "",
                   {{"cookie", session}})
                  .status,
              403);
}

TEST_F(WebAccessTest, APersonalLinkReachesOnlyItsOwnDataAndSurvivesBeingSentTwice) {
    const std::string token = store_->read().registration(registration_a_)->cancel_token;
    const std::vector<std::pair<std::string, std::string>> form = {
        {"cookie", std::string("kc_csrf=") + csrf},
        {"content-type", "application/x-www-form-urlencoded"}};
    const std::string before = fingerprint(database());
    for (const std::string& made_up : {std::string("nep"), token + "x"}) {
        SCOPED_TRACE(made_up);
        EXPECT_EQ(call("GET", "/aanmelding/" + made_up + "/gegevens", "", {}).status, 404);
        EXPECT_EQ(call("GET", "/aanmelding/" + made_up + "/gegevens.json", "", {}).status, 404);
        EXPECT_EQ(call("POST", "/aanmelding/" + made_up + "/toestemming",
                       std::string("csrf=") + csrf + "&kind=photos&given=ja", form)
                      .status,
                  404);
        EXPECT_EQ(call("POST", "/aanmelding/" + made_up + "/wissen",
                       std::string("csrf=") + csrf + "&bevestig=ja", form)
                      .status,
                  404);
    }
    EXPECT_EQ(fingerprint(database()), before);

    // A consent sent twice (a phone that resends) is recorded once.
    for (int sent = 0; sent < 2; ++sent) {
        EXPECT_EQ(call("POST", "/aanmelding/" + token + "/toestemming",
                       std::string("csrf=") + csrf + "&kind=photos&given=ja", form)
                      .status,
                  303);
    }
    EXPECT_EQ(store_->read().consent_records(registration_a_).size(), 1u);

    // Erasing without the tick keeps everything; an erasure sent twice finds nothing the
    // second time and says so.
    const std::string consented = fingerprint(database());
    EXPECT_EQ(
        call("POST", "/aanmelding/" + token + "/wissen", std::string("csrf=") + csrf, form).status,
        422);
    EXPECT_EQ(fingerprint(database()), consented);
    EXPECT_EQ(call("POST", "/aanmelding/" + token + "/wissen",
                   std::string("csrf=") + csrf + "&bevestig=ja", form)
                  .status,
              200);
    EXPECT_FALSE(store_->read().registration(registration_a_).has_value());
    EXPECT_EQ(call("POST", "/aanmelding/" + token + "/wissen",
                   std::string("csrf=") + csrf + "&bevestig=ja", form)
                  .status,
              404);
}

TEST_F(WebAccessTest, ALiveSessionsSettingsWithAnErrorComeBackAsTyped) {
    const std::string path = "/beheer/events/" + std::to_string(event_a_) + "/live/" +
                             std::to_string(live_session_a_) + "/instellingen";
    const std::string before = fingerprint(database());
    const Reply reply =
        call("POST", path, std::string("csrf=") + csrf + "&title=&word_filter=zwijnen%0Aschoften",
             {{"cookie", session_of(organiser_a_)},
              {"content-type", "application/x-www-form-urlencoded"}});
    EXPECT_EQ(reply.status, 422);
    EXPECT_NE(reply.body.find("Geef de sessie een naam."), std::string::npos);
    EXPECT_NE(reply.body.find("zwijnen\nschoften"), std::string::npos);
    EXPECT_EQ(fingerprint(database()), before);
}

TEST_F(WebAccessTest, AnOrganisersErasureWithoutTheTickKeepsEverything) {
    const std::string before = fingerprint(database());
    const Reply reply =
        call("POST", "/beheer/privacy/wissen", std::string("csrf=") + csrf + "&email=bram%40a.nl",
             {{"cookie", session_of(organiser_a_)},
              {"content-type", "application/x-www-form-urlencoded"}});
    EXPECT_EQ(reply.status, 422);
    EXPECT_NE(reply.body.find("Bram"), std::string::npos) << "the page shows whom it is about";
    EXPECT_EQ(fingerprint(database()), before);
}

TEST_F(WebAccessTest, EachWerkplaatsHasItsOwnPublicSite) {
    const auto get = [&](const std::string& target, const std::string& host_header = "") {
        web::Request request;
        request.method = "GET";
        request.path = target;
        request.headers = {{"host", host_header.empty() ? "kenniscafe.test" : host_header}};
        std::promise<web::Response> promise;
        auto answer = promise.get_future();
        app_->handle(std::move(request), [&promise](web::Response response) {
            promise.set_value(std::move(response));
        });
        return answer.get();
    };
    const std::string a_title = "Jongeren en schulden";
    const std::string b_title = "Eenzaamheid in de wijk";
    const auto agenda = get("/");
    EXPECT_NE(agenda.body.find(a_title), std::string::npos);
    EXPECT_EQ(agenda.body.find(b_title), std::string::npos);
    const auto prefixed = get("/w/ander/");
    EXPECT_NE(prefixed.body.find(b_title), std::string::npos);
    EXPECT_EQ(prefixed.body.find(a_title), std::string::npos);
    EXPECT_NE(prefixed.body.find("href=\"/w/ander/events/" + std::to_string(event_b_) + "\""),
              std::string::npos)
        << "links on a prefixed site keep the prefix";
    const auto by_host = get("/", "ander.example:8080");
    EXPECT_NE(by_host.body.find(b_title), std::string::npos);
    EXPECT_EQ(by_host.body.find(a_title), std::string::npos);

    const std::string b_page = "/events/" + std::to_string(event_b_);
    EXPECT_EQ(get(b_page).status, 404) << "another Werkplaats's event is not on this site";
    EXPECT_EQ(get("/w/ander" + b_page).status, 200);
    EXPECT_EQ(get(b_page + ".ics", "ander.example").status, 200);
    EXPECT_EQ(get(b_page + "/aanmelden").status, 404);

    const auto feed = get("/w/ander/agenda.ics");
    EXPECT_NE(feed.body.find("Eenzaamheid in de wijk"), std::string::npos);
    EXPECT_EQ(feed.body.find(a_title), std::string::npos);
    EXPECT_NE(feed.body.find("kenniscafe.test/w/ander/events/"), std::string::npos);
    const auto api = get("/w/ander/api/v1/events");
    EXPECT_NE(api.body.find(b_title), std::string::npos);
    EXPECT_EQ(api.body.find(a_title), std::string::npos);
}

TEST_F(WebAccessTest, TheLanguageSwitchAndTheLoginOnlyReturnToAPathOnThisSite) {
    for (const std::string wanted :
         {"/%5Cother.example", "//other.example", "https://other.example", "/\\other.example",
          "/%09/other.example"}) {
        SCOPED_TRACE(wanted);
        const Reply language = call("GET", "/taal/en?terug=" + wanted, "", {});
        EXPECT_EQ(language.status, 303);
        EXPECT_EQ(language.header("Location"), "/");
        const Reply login = call("GET", "/login?next=" + wanted, "", {});
        EXPECT_NE(login.body.find("name=\"next\" value=\"/beheer\""), std::string::npos);
    }
    EXPECT_EQ(call("GET", "/taal/en?terug=/events/3", "", {}).header("Location"), "/events/3");
}

// ---- Werkteams -------------------------------------------------------------------

TEST_F(WebAccessTest, AnOrganiserBuildsAWerkteamThatThePublicSeesWithoutPrivateDetails) {
    const std::string team = "/beheer/werkteams/" + std::to_string(werkteam_a_);
    const auto group = store_->read().groups(a_).front();
    const std::string group_field = "attendance_" + std::to_string(group.id);
    EXPECT_EQ(post_form(team + "/leden",
                        "name=Anton+Trekker&role=trekker&organisation=Gemeente+Rotterdam"
                        "&email=anton%40rotterdam.nl&name_public=ja&group_id=" +
                            std::to_string(group.id),
                        organiser_a_)
                  .status,
              303);
    EXPECT_EQ(post_form(team + "/bijeenkomsten",
                        "format=spiegelbijeenkomst&held_on=2025-03-12&place=Stadhuis"
                        "&summary=Beleid+en+praktijk+naast+elkaar&" +
                            group_field + "=7",
                        organiser_a_)
                  .status,
              303);
    EXPECT_EQ(post_form(team + "/producten",
                        "title=Handreiking+schulden&kind=handreiking&published_on=2025-06-01"
                        "&link=https%3A%2F%2Fwerkplaats.example%2Fhandreiking.pdf",
                        organiser_a_)
                  .status,
              303);
    EXPECT_EQ(
        post_form(team + "/events", "event_id=" + std::to_string(event_a_), organiser_a_).status,
        303);
    const Reply admin = call("GET", team, "", {{"cookie", session_of(organiser_a_)}});
    EXPECT_EQ(admin.status, 200);
    EXPECT_NE(admin.body.find("wendy@a.nl"), std::string::npos) << "organisers see the address";

    const Reply page = call("GET", "/werkteams/" + std::to_string(werkteam_a_), "", {});
    ASSERT_EQ(page.status, 200);
    EXPECT_NE(page.body.find("Werkteam Schulden"), std::string::npos);
    EXPECT_NE(page.body.find("Anton Trekker"), std::string::npos) << "she chose to be named";
    EXPECT_EQ(page.body.find("Wendy"), std::string::npos) << "she did not";
    EXPECT_EQ(page.body.find("rotterdam.nl"), std::string::npos) << "no e-mail address in public";
    EXPECT_EQ(page.body.find("wendy@"), std::string::npos);
    EXPECT_NE(page.body.find("Gemeente Rotterdam"), std::string::npos);
    EXPECT_NE(page.body.find(group.name + ": 2"), std::string::npos) << "members per group";
    EXPECT_NE(page.body.find("Spiegelbijeenkomst"), std::string::npos);
    EXPECT_NE(page.body.find("12 maart 2025"), std::string::npos);
    EXPECT_NE(page.body.find("Handreiking schulden"), std::string::npos);
    EXPECT_NE(page.body.find("Jongeren en schulden"), std::string::npos) << "the café of the team";
    EXPECT_NE(page.body.find("\"@type\":\"Project\""), std::string::npos);
    EXPECT_NE(call("GET", "/werkteams", "", {}).body.find("Werkteam Schulden"), std::string::npos);

    // Unlinking takes the café off the team's page.
    EXPECT_EQ(
        post_form(team + "/verwijderen", "part=event&id=" + std::to_string(event_a_), organiser_a_)
            .status,
        303);
    EXPECT_EQ(call("GET", "/werkteams/" + std::to_string(werkteam_a_), "", {})
                  .body.find("Jongeren en schulden"),
              std::string::npos);
}

TEST_F(WebAccessTest, BadWerkteamInputComesBackAsTypedWithADutchMessageAndStoresNothing) {
    const std::string team = "/beheer/werkteams/" + std::to_string(werkteam_a_);
    const std::string before = fingerprint(database());
    const Reply created = post_form(
        "/beheer/werkteams/nieuw",
        "name=&started_on=2025-02-30&description=Over+%3Cb%3Eschulden%3C%2Fb%3E", organiser_a_);
    EXPECT_EQ(created.status, 422);
    EXPECT_NE(created.body.find("Vul dit in."), std::string::npos);
    EXPECT_NE(created.body.find("Vul een goede datum in."), std::string::npos);
    EXPECT_NE(created.body.find("Over &lt;b&gt;schulden&lt;/b&gt;"), std::string::npos)
        << "the description is kept, escaped";
    const Reply ended = post_form(
        team, "name=Werkteam+Schulden&started_on=2025-02-01&ended_on=2024-12-31", organiser_a_);
    EXPECT_EQ(ended.status, 422);
    EXPECT_NE(ended.body.find("De einddatum moet na de begindatum liggen."), std::string::npos);
    const auto group = store_->read().groups(a_).front().id;
    const Reply meeting = post_form(team + "/bijeenkomsten",
                                    "format=leerkring&held_on=2025-03-01&summary=Goed+gesprek"
                                    "&attendance_" +
                                        std::to_string(group) + "=veel",
                                    organiser_a_);
    EXPECT_EQ(meeting.status, 422);
    EXPECT_NE(meeting.body.find("Vul een aantal in van 1 tot 10000"), std::string::npos);
    EXPECT_NE(meeting.body.find("Goed gesprek"), std::string::npos) << "the summary is kept";
    EXPECT_NE(meeting.body.find("value=\"veel\""), std::string::npos);
    const Reply product =
        post_form(team + "/producten",
                  "title=Iets&kind=handreiking&published_on=2025-01-01&link=javascript"
                  "%3Aalert(1)",
                  organiser_a_);
    EXPECT_EQ(product.status, 422);
    EXPECT_NE(product.body.find("Een website begint met https:"), std::string::npos);
    EXPECT_EQ(post_form(team + "/leden", "name=Iemand&role=baas", organiser_a_).status, 422);
    EXPECT_EQ(post_form(team + "/verwijderen", "part=alles&id=1", organiser_a_).status, 400);
    EXPECT_EQ(fingerprint(database()), before);
}

TEST_F(WebAccessTest, AnotherWerkplaatsNeitherSeesNorChangesAWerkteam) {
    const std::string id = std::to_string(werkteam_a_);
    const std::string before = fingerprint(database());
    EXPECT_EQ(call("GET", "/beheer/werkteams/" + id, "", {{"cookie", session_of(admin_b_)}}).status,
              404);
    EXPECT_EQ(
        post_form("/beheer/werkteams/" + id + "/leden", "name=Indringer&role=lid", admin_b_).status,
        404);
    EXPECT_EQ(call("GET", "/w/ander/werkteams/" + id, "", {}).status, 404);
    EXPECT_EQ(call("GET", "/w/ander/werkteams", "", {}).body.find("Werkteam Schulden"),
              std::string::npos);
    EXPECT_EQ(call("GET", "/w/ander/api/v1/werkteams", "", {}).body.find("Werkteam Schulden"),
              std::string::npos);
    // Nor can A put B's café in its team, or a group of B in a meeting.
    const Reply foreign_event = post_form("/beheer/werkteams/" + id + "/events",
                                          "event_id=" + std::to_string(event_b_), organiser_a_);
    EXPECT_EQ(foreign_event.status, 422);
    const auto group_b = store_->read().groups(b_).front().id;
    EXPECT_EQ(post_form("/beheer/werkteams/" + id + "/leden",
                        "name=Iemand&role=lid&group_id=" + std::to_string(group_b), organiser_a_)
                  .status,
              422);
    EXPECT_EQ(fingerprint(database()), before);
}

TEST_F(WebAccessTest, TheWerkteamListsArePagedOnThePageAndInTheApi) {
    store_->write_and_wait([&](app::Transaction& tx) {
        for (int i = 1; i <= 24; ++i) {
            domain::Werkteam werkteam;
            werkteam.name = "Team " + std::to_string(i);
            werkteam.started_on = "2020-01-" + std::string(i < 10 ? "0" : "") + std::to_string(i);
            app::create_werkteam(tx, a_, werkteam, now);
        }
    });
    const Reply first = call("GET", "/werkteams", "", {});
    EXPECT_EQ(first.status, 200);
    EXPECT_NE(first.body.find("Werkteam Schulden"), std::string::npos) << "the newest first";
    EXPECT_EQ(first.body.find(">Team 1<"), std::string::npos) << "the oldest is on page two";
    EXPECT_NE(call("GET", "/werkteams?page=2", "", {}).body.find(">Team 1<"), std::string::npos);

    const Reply api = call("GET", "/api/v1/werkteams?limit=10&page=3", "", {});
    EXPECT_EQ(api.status, 200);
    const auto json = boost::json::parse(api.body).as_object();
    EXPECT_EQ(json.at("total").as_int64(), 25);
    EXPECT_EQ(json.at("page").as_int64(), 3);
    EXPECT_EQ(json.at("items").as_array().size(), 5u);
    EXPECT_TRUE(json.at("next").is_null());
    EXPECT_EQ(json.at("items").as_array().back().as_object().at("name").as_string(), "Team 1");
    const auto bad = boost::json::parse(call("GET", "/api/v1/werkteams?page=abc", "", {}).body);
    EXPECT_EQ(bad.as_object().at("page").as_int64(), 1);
    EXPECT_FALSE(bad.as_object().at("next").is_null());
}

// Harvest and follow-up: the host's link, the actions API and what the public sees.

TEST_F(WebAccessTest, AHarvestLinkOpensOneCafesHarvestOnlyAndNothingOnceRevoked) {
    const std::string base = "/oogst/" + harvest_token_a_;
    const std::vector<std::pair<std::string, std::string>> phone = {
        {"cookie", std::string("kc_csrf=") + csrf},
        {"content-type", "application/x-www-form-urlencoded"}};
    const std::string form = std::string("csrf=") + csrf + "&";
    const Reply page = call("GET", base, "", {});
    EXPECT_EQ(page.status, 200);
    EXPECT_NE(page.body.find("Jongeren en schulden"), std::string::npos);
    EXPECT_NE(page.body.find("Tafel Oranje"), std::string::npos);
    // The organiser's item is not the host's to see or change.
    EXPECT_EQ(page.body.find("Schaamte houdt jongeren stil"), std::string::npos);
    EXPECT_EQ(
        call("POST", base + "/verwijderen", form + "item=" + std::to_string(harvest_item_a_), phone)
            .status,
        404);
    EXPECT_EQ(call("GET", base + "?bewerk=" + std::to_string(harvest_item_a_), "", {})
                  .body.find("Schaamte houdt jongeren stil"),
              std::string::npos);

    // The host adds an item; a bad one comes back with what was typed and a Dutch message.
    const Reply added =
        call("POST", base, form + "kind=recommendation&text=E%C3%A9n+loket+voor+geldzaken", phone);
    EXPECT_EQ(added.status, 303);
    EXPECT_EQ(added.header("Location"), base);
    const Reply refused = call(
        "POST", base, form + "kind=insight&text=Mijn+tekst&origin=table%3AGroen&round=1", phone);
    EXPECT_EQ(refused.status, 422);
    EXPECT_NE(refused.body.find("Mijn tekst"), std::string::npos);
    EXPECT_NE(refused.body.find("Kies een tafel van het wereldcafé"), std::string::npos);
    EXPECT_EQ(
        call("POST", base, form + "kind=insight&text=" + std::string(1001, 'a'), phone).status,
        422);
    EXPECT_EQ(call("POST", base, form + "kind=geheim&text=x", phone).status, 422);
    const Reply own = call("GET", base, "", {});
    EXPECT_NE(own.body.find("Eén loket voor geldzaken"), std::string::npos);
    app::HarvestFilter of_link;
    of_link.event_id = event_a_;
    of_link.link_id = harvest_link_a_;
    const auto items = store_->read().harvest_items(of_link, {1, 10}).items;
    ASSERT_EQ(items.size(), 1u);
    EXPECT_EQ(items[0].author.name, "Tafel Oranje");

    // A made-up link and a revoked one open nothing and store nothing.
    EXPECT_EQ(call("GET", base + "x", "", {}).status, 404);
    const std::string organiser = session_of(organiser_a_);
    EXPECT_EQ(call("POST", "/beheer/events/" + std::to_string(event_a_) + "/oogst/links/intrekken",
                   form + "link=" + std::to_string(harvest_link_a_),
                   {{"cookie", organiser}, {"content-type", "application/x-www-form-urlencoded"}})
                  .status,
              303);
    const std::string before = fingerprint(database());
    EXPECT_EQ(call("GET", base, "", {}).status, 404);
    EXPECT_EQ(call("POST", base, form + "kind=insight&text=Te+laat", phone).status, 404);
    EXPECT_EQ(
        call("POST", base + "/verwijderen", form + "item=" + std::to_string(items[0].id), phone)
            .status,
        404);
    EXPECT_EQ(fingerprint(database()), before);
}

TEST_F(WebAccessTest, ANewHarvestLinkIsShownOnceAsTextAndQrCodeAndWorks) {
    const Reply made = call("POST", "/beheer/events/" + std::to_string(event_a_) + "/oogst/links",
                            std::string("csrf=") + csrf + "&name=Tafel+Blauw",
                            {{"cookie", session_of(organiser_a_)},
                             {"content-type", "application/x-www-form-urlencoded"}});
    EXPECT_EQ(made.status, 200);
    const std::regex link("http://kenniscafe\\.test/oogst/([A-Za-z0-9_-]{20,})");
    std::smatch found;
    ASSERT_TRUE(std::regex_search(made.body, found, link)) << made.body.substr(0, 500);
    EXPECT_NE(made.body.find("<svg"), std::string::npos);
    const Reply page = call("GET", "/oogst/" + found[1].str(), "", {});
    EXPECT_EQ(page.status, 200);
    EXPECT_NE(page.body.find("Tafel Blauw"), std::string::npos);
    // The page lists the link but never its token again.
    const Reply later = call("GET", "/beheer/events/" + std::to_string(event_a_) + "/oogst", "",
                             {{"cookie", session_of(organiser_a_)}});
    EXPECT_NE(later.body.find("Tafel Blauw"), std::string::npos);
    EXPECT_EQ(later.body.find(found[1].str()), std::string::npos);
}

TEST_F(WebAccessTest, TheEventsHostHarvestsButLeavesLinksAndActionsToOrganisers) {
    const std::string host = session_of(host_a_);
    const std::string event = "/beheer/events/" + std::to_string(event_a_);
    const std::vector<std::pair<std::string, std::string>> form = {
        {"cookie", host}, {"content-type", "application/x-www-form-urlencoded"}};
    const Reply page = call("GET", event + "/oogst", "", {{"cookie", host}});
    EXPECT_EQ(page.status, 200);
    EXPECT_EQ(page.body.find("/oogst/links\""), std::string::npos) << "no link form for a host";
    EXPECT_EQ(call("POST", event + "/oogst",
                   std::string("csrf=") + csrf + "&kind=insight&text=Van+de+gastheer", form)
                  .status,
              303);
    EXPECT_EQ(call("GET", event + "/acties", "", {{"cookie", host}}).status, 403);
    EXPECT_EQ(call("GET", "/beheer/acties", "", {{"cookie", host}}).status, 403);
    EXPECT_EQ(call("GET", event + "/oogst", "", {{"cookie", session_of(other_host_a_)}}).status,
              404);
}

TEST_F(WebAccessTest, TheActionsApiCreatesChangesAndListsWithinItsWerkplaatsOnly) {
    const auto api = [&](const std::string& method, const std::string& target,
                         const std::string& body, const app::TokenOutcome& token) {
        return call(
            method, target, body,
            {{"authorization", "Bearer " + token.token}, {"content-type", "application/json"}});
    };
    const std::string create = "/api/v1/events/" + std::to_string(event_a_) + "/actions";
    const Reply created =
        api("POST", create,
            R"({"description":"Spreekuur schulden","owner":"Bibliotheek","due_on":"2026-11-01"})",
            token_a_);
    ASSERT_EQ(created.status, 201) << created.body;
    const auto id = boost::json::parse(created.body).at("id").as_int64();
    const std::string action = "/api/v1/actions/" + std::to_string(id);

    const std::string before = fingerprint(database());
    EXPECT_EQ(api("POST", create, R"({"description":"x","owner":"y")", token_a_).status, 400);
    const Reply missing = api("POST", create, R"({"description":"x","owner":"y"})", token_a_);
    EXPECT_EQ(missing.status, 422);
    EXPECT_NE(missing.body.find("\"due_on\""), std::string::npos);
    EXPECT_EQ(
        api("POST", create, R"({"description":"x","owner":"y","due_on":"2026-02-30"})", token_a_)
            .status,
        422);
    EXPECT_EQ(
        api("POST", create, R"({"description":7,"owner":"y","due_on":"2026-12-01"})", token_a_)
            .status,
        422);
    EXPECT_EQ(api("POST", "/api/v1/events/" + std::to_string(event_b_) + "/actions",
                  R"({"description":"x","owner":"y","due_on":"2026-12-01"})", token_a_)
                  .status,
              404);
    EXPECT_EQ(api("PATCH", action, R"({"status":"done"})", token_b_).status, 404);
    const Reply unknown = api("PATCH", action, R"({"status":"klaar"})", token_a_);
    EXPECT_EQ(unknown.status, 422);
    EXPECT_NE(unknown.body.find("Kies een stand"), std::string::npos);
    EXPECT_EQ(api("PATCH", action, R"({"status":"dropped"})", token_a_).status, 422)
        << "dropping needs a reason";
    EXPECT_EQ(api("GET", "/api/v1/actions?status=bijna", "", token_a_).status, 422);
    EXPECT_EQ(api("GET", "/api/v1/actions?overdue=misschien", "", token_a_).status, 422);
    EXPECT_EQ(fingerprint(database()), before);

    // Due on 1 November, open on the fixture's day: overdue until it is done.
    const Reply overdue = api("GET", "/api/v1/actions?overdue=1", "", token_a_);
    ASSERT_EQ(overdue.status, 200);
    auto page = boost::json::parse(overdue.body).as_object();
    EXPECT_EQ(page.at("total").as_int64(), 1);
    EXPECT_EQ(page.at("items").as_array()[0].at("id").as_int64(), id);
    EXPECT_TRUE(page.at("items").as_array()[0].at("overdue").as_bool());

    EXPECT_EQ(
        api("PATCH", action, R"({"status":"done","update":"Elke dinsdag open"})", token_a_).status,
        200);
    EXPECT_EQ(api("PATCH", action, R"({"status":"dropped","update":"toch niet"})", token_a_).status,
              409);
    EXPECT_EQ(boost::json::parse(api("GET", "/api/v1/actions?overdue=1", "", token_a_).body)
                  .at("total")
                  .as_int64(),
              0);
    page = boost::json::parse(api("GET", "/api/v1/actions?status=done&limit=1", "", token_a_).body)
               .as_object();
    EXPECT_EQ(page.at("total").as_int64(), 1);
    EXPECT_EQ(page.at("limit").as_int64(), 1);
    EXPECT_TRUE(page.at("next").is_null());
    const auto& history = page.at("items").as_array()[0].at("history").as_array();
    ASSERT_EQ(history.size(), 2u);
    EXPECT_EQ(history[1].at("update").as_string(), "Elke dinsdag open");
    const auto all = boost::json::parse(api("GET", "/api/v1/actions?limit=1", "", token_a_).body);
    EXPECT_EQ(all.at("total").as_int64(), 2);
    EXPECT_FALSE(all.at("next").is_null());
    // B's token sees none of A's actions.
    EXPECT_EQ(
        boost::json::parse(api("GET", "/api/v1/actions", "", token_b_).body).at("total").as_int64(),
        0);
}

TEST_F(WebAccessTest, ThePublicSeesHarvestWithoutQuotesAndActionsWithoutContacts) {
    store_->write_and_wait([&](app::Transaction& tx) {
        domain::HarvestItem quote;
        quote.kind = domain::HarvestKind::quote;
        quote.text = "Ik schaamde me kapot";
        app::add_harvest_item(tx, {a_, event_a_}, quote, {{admin_a_, std::nullopt, "Admin"}}, now);
    });
    const std::string follow_up = "/events/" + std::to_string(event_a_) + "/opvolging";
    const Reply page = call("GET", follow_up, "", {});
    ASSERT_EQ(page.status, 200);
    EXPECT_NE(page.body.find("Schaamte houdt jongeren stil"), std::string::npos);
    EXPECT_NE(page.body.find("Folder in eenvoudige taal"), std::string::npos);
    EXPECT_EQ(page.body.find("Ik schaamde me kapot"), std::string::npos);
    EXPECT_EQ(page.body.find("Jan de Vries"), std::string::npos);
    const Reply actions = call("GET", "/actions", "", {});
    ASSERT_EQ(actions.status, 200);
    EXPECT_NE(actions.body.find("Folder in eenvoudige taal"), std::string::npos);
    EXPECT_EQ(actions.body.find("Jan de Vries"), std::string::npos);
    EXPECT_EQ(call("GET", "/actions?status=done", "", {}).body.find("Folder in eenvoudige taal"),
              std::string::npos);
    // Another Werkplaats's site shows none of it; a draft café has no follow-up page.
    EXPECT_EQ(call("GET", "/w/ander/actions", "", {}).body.find("Folder in eenvoudige taal"),
              std::string::npos);
    EXPECT_EQ(call("GET", "/w/ander" + follow_up, "", {}).status, 404);
    store_->write_and_wait([&](app::Transaction& tx) {
        tx.update_event_status(event_a_, domain::EventStatus::draft, now);
    });
    EXPECT_EQ(call("GET", follow_up, "", {}).status, 404);
    EXPECT_EQ(call("GET", "/actions", "", {}).body.find("Folder in eenvoudige taal"),
              std::string::npos);
}

TEST_F(WebAccessTest, AnActionsStatusChangeNeedsAReasonToDropAndKeepsTheTypedUpdate) {
    const std::string event = "/beheer/events/" + std::to_string(event_a_);
    const std::vector<std::pair<std::string, std::string>> form = {
        {"cookie", session_of(organiser_a_)},
        {"content-type", "application/x-www-form-urlencoded"}};
    const std::string before = fingerprint(database());
    const Reply refused =
        call("POST", event + "/acties/status",
             std::string("csrf=") + csrf + "&action=" + std::to_string(action_a_) +
                 "&status=dropped&update=+",
             form);
    EXPECT_EQ(refused.status, 422);
    EXPECT_NE(refused.body.find("Schrijf kort op waarom"), std::string::npos);
    const Reply bad_date = call(
        "POST", event + "/acties",
        std::string("csrf=") + csrf + "&description=Buurtteam+bellen&owner=Wijkteam&due_on=morgen",
        form);
    EXPECT_EQ(bad_date.status, 422);
    EXPECT_NE(bad_date.body.find("Buurtteam bellen"), std::string::npos);
    EXPECT_EQ(fingerprint(database()), before);
    EXPECT_EQ(call("POST", event + "/acties/status",
                   std::string("csrf=") + csrf + "&action=" + std::to_string(action_a_) +
                       "&status=dropped&update=Geen+geld",
                   form)
                  .status,
              303);
    EXPECT_EQ(store_->read().action(action_a_)->status, domain::ActionStatus::dropped);
    const Reply board =
        call("GET", "/beheer/acties?status=dropped", "", {{"cookie", session_of(organiser_a_)}});
    EXPECT_EQ(board.status, 200);
    EXPECT_NE(board.body.find("Folder in eenvoudige taal"), std::string::npos);
    EXPECT_NE(board.body.find("Geen geld"), std::string::npos);
}

TEST_F(WebAccessTest, ALiveQuestionsResultIsTakenIntoTheHarvestOnceItWasOpen) {
    const std::string take = "/beheer/events/" + std::to_string(event_a_) + "/oogst/live";
    const std::vector<std::pair<std::string, std::string>> form = {
        {"cookie", session_of(host_a_)}, {"content-type", "application/x-www-form-urlencoded"}};
    const std::string body = std::string("csrf=") + csrf + "&question=";
    EXPECT_EQ(call("POST", take, body + std::to_string(live_question_a_), form).status, 422)
        << "a question that was never open has no result";
    store_->write_and_wait([&](app::Transaction& tx) {
        tx.insert_live_participants(
            {{901, live_session_a_, "telefoon-1", 0, std::nullopt, "", now},
             {902, live_session_a_, "telefoon-2", 0, std::nullopt, "", now},
             {903, live_session_a_, "telefoon-3", 0, std::nullopt, "", now}});
        tx.insert_live_answers(
            {{911, live_question_a_, 901, 0, "a", {{0}, {}, {}, {}, {}}, 0, now},
             {912, live_question_a_, 902, 0, "a", {{0}, {}, {}, {}, {}}, 0, now},
             {913, live_question_a_, 903, 0, "a", {{1}, {}, {}, {}, {}}, 0, now}});
        auto question = tx.live_questions(live_session_a_).front();
        question.state = app::LiveQuestionState::closed;
        tx.update_live_question(question);
    });
    const Reply page = call("GET", "/beheer/events/" + std::to_string(event_a_) + "/oogst", "",
                            {{"cookie", session_of(host_a_)}});
    EXPECT_NE(page.body.find("Opnemen in de oogst"), std::string::npos);
    EXPECT_EQ(call("POST", take, body + std::to_string(live_question_a_), form).status, 303);
    app::HarvestFilter filter;
    filter.event_id = event_a_;
    const auto items = store_->read().harvest_items(filter, {1, 10}).items;
    const auto taken = std::find_if(items.begin(), items.end(), [](const auto& item) {
        return item.text.starts_with("Live vraag: Wat vindt u?");
    });
    ASSERT_NE(taken, items.end());
    EXPECT_NE(taken->text.find("3 mensen deden mee"), std::string::npos) << taken->text;
    EXPECT_NE(taken->text.find("Goed: 2; Slecht: 1"), std::string::npos) << taken->text;
    // A question of another Werkplaats's café is not found through this café.
    EXPECT_EQ(call("POST", "/beheer/events/" + std::to_string(event_b_) + "/oogst/live",
                   body + std::to_string(live_question_a_), form)
                  .status,
              404);
}

}  // namespace
}  // namespace kc
