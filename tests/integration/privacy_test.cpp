// The AVG suite: retention and the purge, a person's rights, consents, the audit log and
// the privacy settings, on an aged database. Like storage_test.cpp it runs against every
// backend in `backends()`.
#include "app/privacy.hpp"

#include <gtest/gtest.h>

#include <fstream>
#include <set>
#include <sstream>

#include "app/events.hpp"
#include "app/registrations.hpp"
#include "app/werkplaats_settings.hpp"
#include "app/werkteams.hpp"
#include "storage/sqlite/connection.hpp"
#include "storage/sqlite/sqlite_store.hpp"
#include "test_support.hpp"

namespace kc {
namespace {

using domain::Attendance;

struct Backend {
    std::string name;
    std::function<std::unique_ptr<app::Store>(const std::string& file)> open;
    // Every text value stored anywhere, to prove that erased data is gone.
    std::function<std::vector<std::string>(const std::string& file)> all_text;
};

std::vector<std::string> sqlite_all_text(const std::string& file) {
    storage::sqlite::Connection db(file, storage::sqlite::Connection::Mode::read_only);
    std::vector<std::string> tables;
    {
        auto statement = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'");
        while (statement->step()) tables.push_back(statement->text(0));
    }
    std::vector<std::string> values;
    for (const auto& table : tables) {
        std::vector<std::string> columns;
        {
            auto statement = db.prepare("SELECT name FROM pragma_table_info('" + table + "')");
            while (statement->step()) columns.push_back(statement->text(0));
        }
        for (const auto& column : columns) {
            auto statement = db.prepare("SELECT CAST(\"" + column + "\" AS TEXT) FROM \"" + table +
                                        "\" WHERE \"" + column + "\" IS NOT NULL");
            while (statement->step()) values.push_back(statement->text(0));
        }
    }
    return values;
}

std::vector<Backend> backends() {
    return {{"sqlite",
             [](const std::string& file) {
                 return std::make_unique<storage::sqlite::SqliteStore>(file);
             },
             sqlite_all_text}};
}

time::Timestamp amsterdam(int year, int month, int day, int hour = 16) {
    return time::from_amsterdam({year, month, day, hour, 0, 0});
}

// The day of the purge: E1 and E2 lie more than a year back, E3 and E4 less.
const time::Timestamp purge_day = amsterdam(2024, 7, 1, 3);

// Every statistic the pages show, as one text, so that a difference is easy to read.
std::string describe(const domain::AttendanceSummary& summary) {
    std::ostringstream out;
    const auto line = [&](const std::string& label, const domain::GroupCounts& c) {
        out << label << ": registered " << c.registered << " waitlisted " << c.waitlisted
            << " present " << c.checked_in << " walk-in " << c.walk_in << " no-show " << c.no_show
            << " new " << c.new_visitors << " returning " << c.returning_visitors << "\n";
    };
    for (const auto& [group, counts] : summary.by_group)
        line("group " + std::to_string(group), counts);
    line("total", summary.total);
    return out.str();
}

class PrivacyTest : public ::testing::TestWithParam<Backend> {
  protected:
    void SetUp() override {
        store_ = GetParam().open(file());
        store_->write_and_wait([this](app::Transaction& tx) {
            werkplaats_ = app::create_werkplaats(tx, "zhz", "Werkplaats Zuid-Holland Zuid");
            other_werkplaats_ = app::create_werkplaats(tx, "ams", "Werkplaats Amsterdam");
        });
        const auto groups = store_->read().groups(werkplaats_);
        municipality_ = groups.at(0).id;  // the default groups, in their order
        resident_ = groups.at(2).id;
        student_ = groups.at(4).id;
    }

    std::string file() const { return dir_.file("kenniscafe.db"); }

    // A published event that starts at `starts` and lasts two hours.
    std::int64_t event(std::int64_t werkplaats, const std::string& title, time::Timestamp starts,
                       int capacity = 0) {
        std::int64_t id = 0;
        store_->write_and_wait([&](app::Transaction& tx) {
            domain::EventDetails details;
            details.title = title;
            details.location_name = "Huis van de Wijk";
            details.starts_at = starts;
            details.ends_at = starts + 7'200;
            details.capacity = capacity;
            const auto created = app::create_event(tx, werkplaats, details, starts - 90 * 86'400);
            id = created.event_id;
            app::change_event_status(tx, werkplaats, id, domain::EventStatus::published,
                                     starts - 90 * 86'400);
        });
        return id;
    }

    domain::Registration join(std::int64_t event_id, const std::string& name,
                              const std::string& email, std::int64_t group,
                              const std::string& dietary = "", bool photos = false) {
        const auto starts = store_->read().event(event_id)->details.starts_at;
        app::RegisterOutcome outcome;
        store_->write_and_wait([&](app::Transaction& tx) {
            outcome = app::register_participant(
                tx, event_id,
                {name, email, group, "Org " + name, dietary, "toegang " + name, photos, false},
                starts - 7 * 86'400);
        });
        EXPECT_TRUE(outcome.registration) << name;
        return *outcome.registration;
    }

    void door(std::int64_t event_id, const std::vector<std::int64_t>& present,
              const std::vector<std::string>& walk_ins = {}) {
        const auto event = store_->read().event(event_id);
        const auto starts = event->details.starts_at;
        const app::EventScope scope{event->werkplaats_id, event_id};
        store_->write_and_wait([&](app::Transaction& tx) {
            for (const auto id : present) app::check_in(tx, scope, id, starts);
            for (const auto& name : walk_ins) {
                app::add_walk_in(tx, scope, {name, "", student_, "", "", "", false, false}, starts);
            }
            app::mark_no_shows(tx, scope);
        });
    }

    // Every statistic of a Werkplaats's events before `until`: per event, for the whole
    // period and for part of it.
    std::string statistics(std::int64_t werkplaats, time::Timestamp until = purge_day) {
        const auto history = store_->read().attendance_facts(werkplaats);
        std::set<std::int64_t> events;
        std::vector<domain::AttendanceFact> period;
        for (const auto& fact : history) {
            if (fact.event_starts_at >= until) continue;
            events.insert(fact.event_id);
            period.push_back(fact);
        }
        std::string text;
        for (const auto id : events) {
            std::vector<domain::AttendanceFact> facts;
            for (const auto& fact : history) {
                if (fact.event_id == id) facts.push_back(fact);
            }
            const auto counts = store_->read().counts(id);
            text += "event " + std::to_string(id) + " (" + std::to_string(counts.registered) + "/" +
                    std::to_string(counts.waitlisted) + "/" + std::to_string(counts.checked_in) +
                    ")\n" + describe(domain::summarize_attendance(facts, history));
        }
        text += "period\n" + describe(domain::summarize_attendance(period, history));
        std::vector<domain::AttendanceFact> part;
        for (const auto& fact : history) {
            if (fact.event_starts_at >= amsterdam(2023, 4, 1) &&
                fact.event_starts_at < amsterdam(2024, 1, 1)) {
                part.push_back(fact);
            }
        }
        return text + "part\n" + describe(domain::summarize_attendance(part, history));
    }

    app::PurgeReport purge(time::Timestamp now = purge_day) {
        app::PurgeReport report;
        store_->write_and_wait([&](app::Transaction& tx) { report = app::purge_expired(tx, now); });
        return report;
    }

    // Whether any stored text contains `needle`.
    bool stored_anywhere(const std::string& needle) {
        for (const auto& value : GetParam().all_text(file())) {
            if (value.find(needle) != std::string::npos) return true;
        }
        return false;
    }

    // A year and a half of kenniscafés: returning visitors, walk-ins, no-shows, a waiting
    // list, a cancellation and a world café with a host.
    void age_database() {
        e1_ = event(werkplaats_, "Eenzaamheid", amsterdam(2023, 2, 9));
        e2_ = event(werkplaats_, "Schulden", amsterdam(2023, 5, 11), 4);
        e3_ = event(werkplaats_, "Wonen", amsterdam(2023, 9, 14));
        e4_ = event(werkplaats_, "Zorg", amsterdam(2024, 3, 7));

        const auto anouk1 =
            join(e1_, "Anouk Jansen", "anouk@voorbeeld.nl", resident_, "dieet-anouk-e1", true);
        const auto bram1 = join(e1_, "Bram de Vries", "bram@voorbeeld.nl", municipality_);
        const auto gijs1 =
            join(e1_, "Gijs Verdwijnt", "gijs@voorbeeld.nl", resident_, "dieet-gijs-e1");
        join(e1_, "Dirk Niet", "dirk@voorbeeld.nl", municipality_);  // a no-show
        door(e1_, {anouk1.id, bram1.id, gijs1.id}, {"Fenna Loopbinnen"});

        const auto anouk2 =
            join(e2_, "Anouk Jansen", "anouk@voorbeeld.nl", resident_, "dieet-anouk-e2");
        const auto cor2 = join(e2_, "Cor Zondermail", "", student_);
        const auto hanna2 = join(e2_, "Hanna Tafelhost", "hanna@voorbeeld.nl", municipality_);
        const auto ivo2 = join(e2_, "Ivo Afmelder", "ivo@voorbeeld.nl", resident_);
        join(e2_, "Eva Wachtlijst", "eva@voorbeeld.nl", municipality_);  // waits, never comes in
        store_->write_and_wait([&](app::Transaction& tx) {
            // Ivo cancels the day before; Eva moves up from the waiting list.
            app::cancel_registration(tx, ivo2.cancel_token, amsterdam(2023, 5, 10));
        });
        door(e2_, {anouk2.id, cor2.id, hanna2.id});
        store_->write_and_wait([&](app::Transaction& tx) {
            domain::WorldCafe cafe;
            cafe.event_id = e2_;
            cafe.round_questions = {"Wat werkt?", "Wat mist?"};
            cafe.tables = {{0, "Oranje", 4, hanna2.id, {}}, {0, "Blauw", 4, std::nullopt, {}}};
            tx.save_world_cafe(cafe);
            const auto oranje = cafe.tables[0].id;
            const auto blauw = cafe.tables[1].id;
            tx.replace_seats(e2_, 1,
                             {{1, hanna2.id, oranje},
                              {1, anouk2.id, oranje},
                              {1, cor2.id, blauw},
                              {2, hanna2.id, oranje},
                              {2, anouk2.id, blauw},
                              {2, cor2.id, oranje}},
                             "goed", "good");
        });

        e3_anouk_ = join(e3_, "Anouk Jansen", "anouk@voorbeeld.nl", resident_, "dieet-anouk-e3");
        const auto cor3 = join(e3_, "Cor Zondermail", "", student_);
        const auto dirk3 = join(e3_, "Dirk Niet", "dirk@voorbeeld.nl", municipality_);
        door(e3_, {e3_anouk_.id, cor3.id, dirk3.id}, {"Fenna Loopbinnen"});

        const auto bram4 = join(e4_, "Bram de Vries", "bram@voorbeeld.nl", municipality_);
        join(e4_, "Jet Later", "jet@voorbeeld.nl", resident_);
        door(e4_, {bram4.id});
    }

    testing::TempDir dir_;
    std::unique_ptr<app::Store> store_;
    std::int64_t werkplaats_ = 0;
    std::int64_t other_werkplaats_ = 0;
    std::int64_t resident_ = 0;
    std::int64_t municipality_ = 0;
    std::int64_t student_ = 0;
    std::int64_t e1_ = 0, e2_ = 0, e3_ = 0, e4_ = 0;
    domain::Registration e3_anouk_;
};

TEST_P(PrivacyTest, PurgeErasesOldRegistrationsAndEveryStatisticStaysTheSame) {
    age_database();
    const std::string before = statistics(werkplaats_);
    const auto kept_e3 = store_->read().registrations(e3_);
    const auto kept_e4 = store_->read().registrations(e4_);
    // Hand-checked: at E3 Anouk returns (E1, E2), Dirk is new (a no-show at E1), Cor returns
    // (E2, no e-mail), Fenna the walk-in returns (E1, by name).
    const auto e3_facts = store_->read().attendance_facts(werkplaats_);
    std::vector<domain::AttendanceFact> of_e3;
    for (const auto& fact : e3_facts) {
        if (fact.event_id == e3_) of_e3.push_back(fact);
    }
    EXPECT_EQ(domain::summarize_attendance(of_e3, e3_facts).total.returning_visitors, 3);

    const auto report = purge();
    EXPECT_EQ(report.registrations, 10);
    ASSERT_EQ(report.werkplaatsen.size(), 2u);
    ASSERT_EQ(report.werkplaatsen[0].events.size(), 2u);

    EXPECT_EQ(statistics(werkplaats_), before);
    EXPECT_TRUE(store_->read().registrations(e1_).empty());
    EXPECT_TRUE(store_->read().registrations(e2_).empty());
    const auto now_e3 = store_->read().registrations(e3_);
    ASSERT_EQ(now_e3.size(), kept_e3.size());
    for (std::size_t i = 0; i < now_e3.size(); ++i) {
        EXPECT_EQ(now_e3[i].id, kept_e3[i].id);
        EXPECT_EQ(now_e3[i].form.name, kept_e3[i].form.name);
        EXPECT_EQ(now_e3[i].form.dietary, kept_e3[i].form.dietary);
        EXPECT_EQ(now_e3[i].attendance, kept_e3[i].attendance);
    }
    EXPECT_EQ(store_->read().registrations(e4_).size(), kept_e4.size());

    for (const std::string gone :
         {"Gijs Verdwijnt", "gijs@voorbeeld.nl", "dieet-gijs-e1", "dieet-anouk-e1",
          "dieet-anouk-e2", "Hanna Tafelhost", "hanna@voorbeeld.nl", "toegang Hanna", "Org Gijs",
          "Eva Wachtlijst", "eva@voorbeeld.nl", "Ivo Afmelder"}) {
        EXPECT_FALSE(stored_anywhere(gone)) << gone;
    }
    EXPECT_TRUE(stored_anywhere("dieet-anouk-e3")) << "registrations within the period stay";
    EXPECT_TRUE(stored_anywhere("Jet Later"));

    // The world café keeps its tables and questions, without the people.
    const auto cafe = store_->read().world_cafe(e2_);
    ASSERT_TRUE(cafe);
    ASSERT_EQ(cafe->tables.size(), 2u);
    EXPECT_FALSE(cafe->tables[0].host_registration_id);
    EXPECT_EQ(cafe->rounds(), 2);
    EXPECT_TRUE(store_->read().seats(e2_).empty());

    // Once more changes nothing.
    EXPECT_EQ(purge().registrations, 0);
    EXPECT_EQ(statistics(werkplaats_), before);
    // A year later E3 and E4 go too, and still every figure stays.
    EXPECT_EQ(purge(amsterdam(2025, 7, 1)).registrations, 6);
    EXPECT_EQ(statistics(werkplaats_), before);
    EXPECT_FALSE(stored_anywhere("anouk@voorbeeld.nl"));
    EXPECT_FALSE(stored_anywhere("Fenna"));
}

TEST_P(PrivacyTest, ErasedDataIsOverwrittenInTheFileItself) {
    age_database();
    {
        // Move everything from the write-ahead log into the file first.
        storage::sqlite::Connection db(file(), storage::sqlite::Connection::Mode::read_write);
        db.execute("PRAGMA wal_checkpoint(TRUNCATE)");
    }
    purge();
    store_.reset();  // the last connection checkpoints the WAL into the file
    std::ifstream in(file(), std::ios::binary);
    const std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    ASSERT_FALSE(bytes.empty());
    EXPECT_EQ(bytes.find("dieet-gijs-e1"), std::string::npos);
    EXPECT_EQ(bytes.find("gijs@voorbeeld.nl"), std::string::npos);
    EXPECT_NE(bytes.find("dieet-anouk-e3"), std::string::npos);
}

TEST_P(PrivacyTest, OverviewShowsWhatGoesWhenAndChangesNothing) {
    age_database();
    const std::string before = statistics(werkplaats_);
    const auto overviews = app::retention_overviews(store_->read(), purge_day, werkplaats_);
    ASSERT_EQ(overviews.size(), 1u);
    const auto& overview = overviews[0];
    ASSERT_EQ(overview.events.size(), 4u);
    EXPECT_EQ(overview.events[0].event_id, e1_);
    EXPECT_TRUE(overview.events[0].due);
    EXPECT_TRUE(overview.events[1].due);
    EXPECT_FALSE(overview.events[2].due);
    EXPECT_EQ(overview.events[2].erase_at, amsterdam(2024, 9, 14, 18));
    EXPECT_EQ(overview.due_registrations, 10);
    EXPECT_EQ(statistics(werkplaats_), before);
    EXPECT_EQ(store_->read().registrations(e1_).size(), 5u);
}

TEST_P(PrivacyTest, EachWerkplaatsKeepsToItsOwnRetentionPeriod) {
    age_database();
    const auto other_old = event(other_werkplaats_, "Oud in Amsterdam", amsterdam(2023, 2, 9));
    join(other_old, "Kees Amsterdammer", "kees@voorbeeld.nl",
         store_->read().groups(other_werkplaats_).at(0).id);
    store_->write_and_wait([&](app::Transaction& tx) {
        const auto saved = app::save_privacy_settings(
            tx, other_werkplaats_, {"24", "24", "5", "Gemeente Amsterdam", "privacy@ams.nl", ""},
            app::AuditActor::system(), purge_day);
        EXPECT_EQ(saved.result, app::PrivacyResult::done);
        app::save_privacy_settings(tx, werkplaats_,
                                   {"6", "24", "5", "Hogeschool", "privacy@zhz.nl", ""},
                                   app::AuditActor::system(), purge_day);
    });
    const auto report = purge();
    EXPECT_EQ(store_->read().registrations(other_old).size(), 1u) << "24 months: not yet";
    EXPECT_TRUE(store_->read().registrations(e3_).empty()) << "6 months: E3 goes too";
    EXPECT_FALSE(store_->read().registrations(e4_).empty()) << "ended less than 6 months ago";
    EXPECT_EQ(report.werkplaatsen[1].registrations, 0);
}

TEST_P(PrivacyTest, APersonSeesEverythingAboutThemAndCanEraseIt) {
    age_database();
    const auto future = event(werkplaats_, "Straks", purge_day + 30 * 86'400, 1);
    store_->write_and_wait([&](app::Transaction& tx) {
        app::register_participant(
            tx, future, {"Anouk Jansen", "anouk@voorbeeld.nl", resident_, "", "", "", false, true},
            purge_day);
        app::register_participant(
            tx, future, {"Wachtende", "wacht@voorbeeld.nl", resident_, "", "", "", false, false},
            purge_day);
    });
    const auto mine =
        app::personal_data_by_token(store_->read(), e3_anouk_.cancel_token, app::Reach::same_email);
    ASSERT_TRUE(mine);
    EXPECT_EQ(mine->email, "anouk@voorbeeld.nl");
    ASSERT_EQ(mine->registrations.size(), 4u);
    EXPECT_EQ(mine->registrations[0].event_title, "Eenzaamheid");
    EXPECT_EQ(mine->registrations[0].group_name, "Bewoner");
    EXPECT_EQ(mine->registrations[1].world_cafe_route.size(), 2u);
    ASSERT_EQ(mine->registrations[0].consents.size(), 1u);
    EXPECT_EQ(mine->registrations[0].consents[0].kind, app::ConsentKind::photos);
    EXPECT_EQ(mine->registrations[0].consents[0].text_version, app::consent_text_version);
    EXPECT_EQ(mine->registrations[0].erase_at, amsterdam(2024, 2, 9, 18));
    const auto only_this = app::personal_data_by_token(store_->read(), e3_anouk_.cancel_token,
                                                       app::Reach::this_registration);
    EXPECT_EQ(only_this->registrations.size(), 1u);
    EXPECT_EQ(app::personal_data_by_email(store_->read(), werkplaats_, " ANOUK@voorbeeld.nl")
                  .registrations.size(),
              4u);
    EXPECT_TRUE(app::personal_data_by_email(store_->read(), other_werkplaats_, "anouk@voorbeeld.nl")
                    .registrations.empty());

    const std::string before = statistics(werkplaats_);
    app::ErasureOutcome erased;
    store_->write_and_wait([&](app::Transaction& tx) {
        erased = app::erase_by_token(tx, e3_anouk_.cancel_token, app::Reach::same_email, purge_day);
    });
    EXPECT_EQ(erased.result, app::ErasureResult::erased);
    EXPECT_EQ(erased.registrations, 4);
    EXPECT_EQ(erased.promoted, 1) << "her place at the coming event goes to who waited";
    EXPECT_EQ(statistics(werkplaats_), before);
    EXPECT_FALSE(stored_anywhere("anouk@voorbeeld.nl"));
    EXPECT_FALSE(stored_anywhere("Anouk"));
    EXPECT_FALSE(app::personal_data_by_token(store_->read(), e3_anouk_.cancel_token,
                                             app::Reach::same_email));

    const auto log = app::audit_log(store_->read(), werkplaats_);
    ASSERT_FALSE(log.entries.empty());
    EXPECT_EQ(log.entries[0].action, app::AuditAction::erased);
    EXPECT_EQ(log.entries[0].actor.kind, app::ActorKind::participant);
}

TEST_P(PrivacyTest, OrganisersEraseByEmailAndTheLogSaysWho) {
    age_database();
    const std::string before = statistics(werkplaats_);
    app::ErasureOutcome erased;
    store_->write_and_wait([&](app::Transaction& tx) {
        erased = app::erase_by_email(tx, werkplaats_, "Bram@Voorbeeld.nl",
                                     app::AuditActor::account(7, "Olga Organisator"), purge_day);
    });
    EXPECT_EQ(erased.registrations, 2);
    EXPECT_EQ(statistics(werkplaats_), before);
    EXPECT_FALSE(stored_anywhere("Bram de Vries"));
    const auto log = app::audit_log(store_->read(), werkplaats_);
    ASSERT_EQ(log.entries.size(), 2u) << "one entry per event";
    EXPECT_EQ(log.entries[0].actor.name, "Olga Organisator");
    EXPECT_EQ(log.entries[0].actor.account_id, 7);
    EXPECT_EQ(log.entries[0].detail, "1 aanmelding");

    store_->write_and_wait([&](app::Transaction& tx) {
        EXPECT_EQ(app::erase_by_email(tx, werkplaats_, "niemand@voorbeeld.nl",
                                      app::AuditActor::system(), purge_day)
                      .result,
                  app::ErasureResult::not_found);
        EXPECT_EQ(
            app::erase_by_email(tx, werkplaats_, "geen adres", app::AuditActor::system(), purge_day)
                .result,
            app::ErasureResult::not_found);
    });
}

TEST_P(PrivacyTest, ASearchByEmailFindsAndErasesWerkteamMembershipsToo) {
    std::int64_t team = 0;
    store_->write_and_wait([&](app::Transaction& tx) {
        domain::Werkteam werkteam;
        werkteam.name = "Werkteam Schulden";
        werkteam.started_on = "2019-01-10";
        team = app::create_werkteam(tx, werkplaats_, werkteam, purge_day).id;
        domain::WerkteamMember member;
        member.name = "Wilma Werkteamlid";
        member.organisation = "Buurtwerk";
        member.email = "Wilma@Voorbeeld.nl";
        member.role = domain::MemberRole::trekker;
        ASSERT_EQ(app::add_werkteam_member(tx, werkplaats_, team, member).result,
                  app::WerkteamResult::done);
        app::OutgoingMail mail;
        mail.werkplaats_id = werkplaats_;
        mail.kind = app::MailKind::action_digest;
        mail.recipient_email = "wilma@voorbeeld.nl";
        mail.subject = "Acties over tijd";
        mail.text = "Beste Wilma,";
        mail.idempotency_key = "digest:wilma";
        ASSERT_TRUE(tx.insert_mail(mail, purge_day));
    });
    const auto found =
        app::personal_data_by_email(store_->read(), werkplaats_, "wilma@voorbeeld.nl");
    EXPECT_TRUE(found.registrations.empty());
    ASSERT_EQ(found.werkteams.size(), 1u);
    EXPECT_EQ(found.werkteams[0].werkteam_name, "Werkteam Schulden");
    EXPECT_EQ(found.werkteams[0].member.name, "Wilma Werkteamlid");
    EXPECT_TRUE(app::personal_data_by_email(store_->read(), other_werkplaats_, "wilma@voorbeeld.nl")
                    .werkteams.empty());

    app::ErasureOutcome erased;
    store_->write_and_wait([&](app::Transaction& tx) {
        erased = app::erase_by_email(tx, werkplaats_, "WILMA@voorbeeld.nl",
                                     app::AuditActor::account(7, "Olga Organisator"), purge_day);
    });
    EXPECT_EQ(erased.result, app::ErasureResult::erased);
    EXPECT_EQ(erased.werkteam_memberships, 1);
    EXPECT_TRUE(store_->read().werkteam_members(team).empty());
    EXPECT_EQ(store_->read().mail_counts(werkplaats_).waiting, 0) << "mail to her address too";
    EXPECT_FALSE(stored_anywhere("Wilma Werkteamlid"));
    EXPECT_EQ(app::audit_log(store_->read(), werkplaats_).entries[0].detail, "1 werkteamlid");
}

TEST_P(PrivacyTest, ConsentIsWithdrawnAsEasilyAsGivenAndRecorded) {
    age_database();
    const auto token = e3_anouk_.cancel_token;
    app::ConsentResult result{};
    store_->write_and_wait([&](app::Transaction& tx) {
        result = app::give_consent(tx, token, app::ConsentKind::contact, purge_day);
    });
    EXPECT_EQ(result, app::ConsentResult::changed);
    EXPECT_TRUE(store_->read().registration_by_token(token)->form.consent_contact);
    store_->write_and_wait([&](app::Transaction& tx) {
        result = app::withdraw_consent(tx, token, app::ConsentKind::contact, purge_day + 60);
    });
    EXPECT_EQ(result, app::ConsentResult::changed);
    EXPECT_FALSE(store_->read().registration_by_token(token)->form.consent_contact);
    store_->write_and_wait([&](app::Transaction& tx) {
        result = app::withdraw_consent(tx, token, app::ConsentKind::contact, purge_day + 120);
        EXPECT_EQ(app::withdraw_consent(tx, "onbekend", app::ConsentKind::photos, purge_day),
                  app::ConsentResult::not_found);
    });
    EXPECT_EQ(result, app::ConsentResult::unchanged);
    const auto records = store_->read().consent_records(e3_anouk_.id);
    ASSERT_EQ(records.size(), 2u) << "none at registration (no consent given), then give, withdraw";
    EXPECT_TRUE(records[0].given);
    EXPECT_FALSE(records[1].given);
    EXPECT_EQ(records[1].recorded_at, purge_day + 60);
}

TEST_P(PrivacyTest, AuditLogPagesNewestFirstAndIsPurgedAfterItsOwnPeriod) {
    store_->write_and_wait([&](app::Transaction& tx) {
        for (int i = 0; i < 5; ++i) {
            app::record_audit(tx, werkplaats_, app::AuditActor::account(1, "Olga"),
                              app::AuditAction::viewed_checkin_list, std::nullopt, std::nullopt,
                              std::to_string(i), amsterdam(2021, 1, 1) + i * 365 * 86'400);
        }
        app::record_audit(tx, other_werkplaats_, app::AuditActor::system(),
                          app::AuditAction::exported, std::nullopt, std::nullopt, "ander",
                          amsterdam(2021, 1, 1));
    });
    auto page = app::audit_log(store_->read(), werkplaats_, std::nullopt, 2);
    ASSERT_EQ(page.entries.size(), 2u);
    EXPECT_EQ(page.entries[0].detail, "4");
    ASSERT_TRUE(page.next_before);
    page = app::audit_log(store_->read(), werkplaats_, page.next_before, 2);
    EXPECT_EQ(page.entries[0].detail, "2");
    page = app::audit_log(store_->read(), werkplaats_, page.next_before, 2);
    ASSERT_EQ(page.entries.size(), 1u);
    EXPECT_FALSE(page.next_before);

    // 24 months by default: at 1 July 2024 the entries of 2021 and 2022 go.
    const auto report = purge();
    EXPECT_EQ(report.werkplaatsen[0].audit_entries, 2);
    EXPECT_EQ(report.werkplaatsen[1].audit_entries, 1);
    EXPECT_EQ(app::audit_log(store_->read(), werkplaats_).entries.size(), 3u);
}

TEST_P(PrivacyTest, SettingsAreValidatedWithCatalogueKeys) {
    app::PrivacySettingsOutcome outcome;
    store_->write_and_wait([&](app::Transaction& tx) {
        outcome = app::save_privacy_settings(tx, werkplaats_, {"0", "abc", "51", "", "geen", ""},
                                             app::AuditActor::system(), purge_day);
    });
    EXPECT_EQ(outcome.result, app::PrivacyResult::invalid);
    const FieldErrors expected = {{"retention_months", "privacy.months_range", 120},
                                  {"audit_retention_months", "privacy.months_range", 120},
                                  {"small_number_threshold", "privacy.threshold_range", 50},
                                  {"controller_name", "error.required", 0},
                                  {"contact_email", "error.invalid_email", 0}};
    EXPECT_EQ(outcome.errors, expected);
    EXPECT_EQ(app::privacy_settings(store_->read(), werkplaats_).retention.months, 12)
        << "the default until saved";

    store_->write_and_wait([&](app::Transaction& tx) {
        outcome = app::save_privacy_settings(
            tx, werkplaats_,
            {" 18 ", "36", "10", "Hogeschool Rotterdam", "privacy@hr.nl", "Postbus 1\n3000 AA"},
            app::AuditActor::account(3, "Ada Admin"), purge_day);
    });
    EXPECT_EQ(outcome.result, app::PrivacyResult::done);
    const auto stored = app::privacy_settings(store_->read(), werkplaats_);
    EXPECT_EQ(stored.retention.months, 18);
    EXPECT_EQ(stored.retention.audit_months, 36);
    EXPECT_EQ(stored.small_numbers.threshold, 10);
    EXPECT_EQ(stored.contact_address, "Postbus 1\n3000 AA");
    EXPECT_EQ(app::settings_form(stored).retention_months, "18");
    EXPECT_EQ(app::audit_log(store_->read(), werkplaats_).entries.at(0).action,
              app::AuditAction::settings_changed);
    store_->write_and_wait([&](app::Transaction& tx) {
        EXPECT_EQ(app::save_privacy_settings(tx, 999, app::settings_form(stored),
                                             app::AuditActor::system(), purge_day)
                      .result,
                  app::PrivacyResult::not_found);
    });
}

INSTANTIATE_TEST_SUITE_P(Backends, PrivacyTest, ::testing::ValuesIn(backends()),
                         [](const auto& instance) { return instance.param.name; });

}  // namespace
}  // namespace kc
