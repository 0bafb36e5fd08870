// The timed mails against a real store: the reminder the day before, the evaluation
// invitation after a café and the digest of overdue actions, each queued once however often
// its job runs.
#include "web/mail/mail_jobs.hpp"

#include <gtest/gtest.h>

#include "app/events.hpp"
#include "app/follow_up.hpp"
#include "app/registrations.hpp"
#include "storage/sqlite/sqlite_store.hpp"
#include "test_support.hpp"
#include "web/web_app.hpp"

namespace kc {
namespace {

constexpr time::Timestamp day = 24 * 3600;
constexpr time::Timestamp now = 1'796'030'000;  // Monday 30 November 2026, morning

TEST(MailJobs, RemindersInvitationsAndTheDigestAreQueuedOnceEach) {
    testing::TempDir dir;
    storage::sqlite::SqliteStore store(dir.file("kenniscafe.db"));
    std::int64_t werkplaats = 0;
    store.write_and_wait([&](app::Transaction& tx) {
        werkplaats = tx.insert_werkplaats("test", "Test-Werkplaats");
        const auto group = tx.insert_group(werkplaats, {0, "bewoner", "Bewoner", 0, true});
        const auto cafe = [&](const std::string& title, time::Timestamp starts_at) {
            domain::EventDetails details;
            details.title = title;
            details.location_name = "Huis van de Wijk";
            details.starts_at = starts_at;
            details.ends_at = starts_at + 7200;
            const auto id = app::create_event(tx, werkplaats, details, now - 20 * day).event_id;
            app::change_event_status(tx, werkplaats, id, domain::EventStatus::published,
                                     now - 20 * day);
            return id;
        };
        const auto tomorrow = cafe("Morgen in de wijk", now + 20 * 3600);
        const auto yesterday = cafe("Gisteren in de wijk", now - day);
        for (const auto event : {tomorrow, yesterday}) {
            app::register_participant(
                tx, event, {"Anna de Vries", "anna@voorbeeld.nl", group, "", "", "", false, false},
                now - 10 * day);
            // Without an address nobody can be mailed.
            app::register_participant(tx, event, {"Bob", "", group, "", "", "", false, false},
                                      now - 10 * day);
        }
        for (const char* contact : {"Lotte@Gemeente.nl", "Lotte Jansen, 06-12345678"}) {
            app::create_action(tx, {werkplaats, yesterday},
                               {"Folder in eenvoudige taal", "Gemeente", contact, "2026-11-20"},
                               "Admin", now - 15 * day);
        }
    });
    web::WebConfig config;
    config.share_dir = KC_SOURCE_SHARE_DIR;
    config.public_base_url = "https://kenniscafe.example.nl";
    config.now = [] { return now; };
    web::WebApp application(store, config);
    const web::MailWriter writer(application.site());

    EXPECT_EQ(web::queue_reminders(store, writer, now), 1);
    EXPECT_EQ(web::queue_evaluation_invitations(store, writer, now), 1);
    EXPECT_EQ(web::queue_action_digests(store, writer, now), 1);
    // A second run of each, as after a restart, queues nothing again.
    EXPECT_EQ(web::queue_reminders(store, writer, now + 3600), 0);
    EXPECT_EQ(web::queue_evaluation_invitations(store, writer, now + 3600), 0);
    EXPECT_EQ(web::queue_action_digests(store, writer, now + 3600), 0);

    std::map<std::string, app::OutboxMail> by_subject;
    for (const auto& mail :
         store.read().outbox_page(werkplaats, app::MailState::waiting, {1, 10}).items) {
        by_subject[mail.mail.subject] = mail;
    }
    ASSERT_EQ(by_subject.size(), 3u);
    const auto& reminder = by_subject.at("Morgen: Morgen in de wijk");
    EXPECT_EQ(reminder.mail.recipient_email, "anna@voorbeeld.nl");
    ASSERT_EQ(reminder.mail.attachments.size(), 1u);
    EXPECT_NE(reminder.mail.text.find("https://kenniscafe.example.nl/aanmelding/"),
              std::string::npos);
    const auto& invitation = by_subject.at("Wat vond je van Gisteren in de wijk?");
    EXPECT_NE(invitation.mail.text.find("https://kenniscafe.example.nl/w/test/events/"),
              std::string::npos);
    EXPECT_NE(invitation.mail.text.find("/evaluatie?aanmelding="), std::string::npos);
    const auto& digest = by_subject.at("Acties over de datum: 1");
    EXPECT_EQ(digest.mail.recipient_email, "lotte@gemeente.nl");
    EXPECT_NE(digest.mail.text.find("Folder in eenvoudige taal (Gemeente, afgesproken voor "
                                    "2026-11-20)"),
              std::string::npos)
        << digest.mail.text;
    EXPECT_NE(digest.mail.html.find("<li>Folder in eenvoudige taal"), std::string::npos);
}

TEST(MailJobs, TheWeeksDigestIsDueFromMondayMorning) {
    const auto at = [](int month, int day_of_month, int hour, int minute) {
        return time::from_amsterdam({2026, month, day_of_month, hour, minute, 0});
    };
    // Monday 30 November 2026.
    EXPECT_FALSE(web::action_digest_due(at(11, 30, 7, 59)));
    EXPECT_TRUE(web::action_digest_due(at(11, 30, 8, 0)));
    EXPECT_TRUE(web::action_digest_due(at(11, 29, 7, 0))) << "a Sunday belongs to last week";
}

TEST(MailJobs, ADigestMissedOnMondayGoesOutLaterThatWeekOnceAndAgainNextMonday) {
    const auto at = [](int month, int day_of_month, int hour) {
        return time::from_amsterdam({2026, month, day_of_month, hour, 0, 0});
    };
    testing::TempDir dir;
    storage::sqlite::SqliteStore store(dir.file("kenniscafe.db"));
    store.write_and_wait([&](app::Transaction& tx) {
        const auto werkplaats = tx.insert_werkplaats("test", "Test-Werkplaats");
        domain::EventDetails details;
        details.title = "Voorkomen huisuitzettingen";
        details.location_name = "Huis van de Wijk";
        details.starts_at = at(11, 20, 15);
        details.ends_at = details.starts_at + 7200;
        const auto created = app::create_event(tx, werkplaats, details, at(11, 1, 9));
        ASSERT_EQ(created.result, app::EventChangeResult::done);
        app::change_event_status(tx, werkplaats, created.event_id, domain::EventStatus::published,
                                 at(11, 1, 9));
        const app::EventScope scope{werkplaats, created.event_id};
        // Lotte's action is overdue all week; Piet's only from Thursday 3 December.
        for (const auto& [contact, due_on] : {std::pair{"lotte@gemeente.nl", "2026-11-20"},
                                              std::pair{"piet@wijkteam.nl", "2026-12-03"}}) {
            const auto action = app::create_action(
                tx, scope, {"Folder in eenvoudige taal", "Gemeente", contact, due_on}, "Admin",
                at(11, 20, 18));
            ASSERT_EQ(action.status, app::FollowUpStatus::done);
        }
    });
    web::WebConfig config;
    config.share_dir = KC_SOURCE_SHARE_DIR;
    web::WebApp application(store, config);
    const web::MailWriter writer(application.site());

    // The server was down on Monday 30 November; it starts again on Tuesday.
    EXPECT_EQ(web::queue_action_digests(store, writer, at(12, 1, 10)), 1);
    EXPECT_EQ(web::queue_action_digests(store, writer, at(12, 2, 8)), 0)
        << "one digest a week, also when Piet's action falls due on Thursday";
    EXPECT_EQ(web::queue_action_digests(store, writer, at(12, 7, 8)), 2);
}

}  // namespace
}  // namespace kc
