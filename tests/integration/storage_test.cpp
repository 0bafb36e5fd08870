// The storage suite. Every test runs against each backend in `backends()`; the
// PostgreSQL backend joins the list when it arrives, with the same tests.
#include <gtest/gtest.h>

#include <algorithm>
#include <atomic>
#include <thread>

#include "app/accounts.hpp"
#include "app/demo_werkplaats.hpp"
#include "app/evaluations.hpp"
#include "app/events.hpp"
#include "app/follow_up.hpp"
#include "app/live.hpp"
#include "app/mail.hpp"
#include "app/privacy.hpp"
#include "app/registrations.hpp"
#include "app/security.hpp"
#include "app/themes.hpp"
#include "app/werkteams.hpp"
#include "app/world_cafe.hpp"
#include "storage/sqlite/connection.hpp"
#include "storage/sqlite/sqlite_store.hpp"
#include "test_support.hpp"

namespace kc {
namespace {

using domain::RegistrationStatus;

struct Backend {
    std::string name;
    std::function<std::unique_ptr<app::Store>(const testing::TempDir&)> open;
};

std::vector<Backend> backends() {
    return {{"sqlite", [](const testing::TempDir& dir) {
                 return std::make_unique<storage::sqlite::SqliteStore>(dir.file("kenniscafe.db"));
             }}};
}

constexpr time::Timestamp now = 1'700'000'000;

class StorageTest : public ::testing::TestWithParam<Backend> {
  protected:
    void SetUp() override {
        store_ = GetParam().open(dir_);
        store_->write_and_wait([this](app::Transaction& tx) {
            werkplaats_ = tx.insert_werkplaats("test", "Test-Werkplaats");
            resident_ = tx.insert_group(werkplaats_, {0, "bewoner", "Bewoner", 0, true});
            municipality_ = tx.insert_group(werkplaats_, {0, "gemeente", "Gemeente", 1, false});
        });
    }

    std::int64_t published_event(int capacity) {
        std::int64_t id = 0;
        store_->write_and_wait([&](app::Transaction& tx) {
            domain::EventDetails details;
            details.title = "Jongeren en schulden";
            details.location_name = "Huis van de Wijk";
            details.starts_at = now + 86'400;
            details.ends_at = now + 86'400 + 7'200;
            details.capacity = capacity;
            details.speakers = {{"Toby Witte", "lector"}};
            details.programme = {{"16:00", "Welkom", domain::WorkForm::talk},
                                 {"16:30", "Wereldcafé", domain::WorkForm::world_cafe}};
            const auto outcome = app::create_event(tx, werkplaats_, details, now);
            ASSERT_EQ(outcome.result, app::EventChangeResult::done);
            id = outcome.event_id;
            ASSERT_EQ(
                app::change_event_status(tx, werkplaats_, id, domain::EventStatus::published, now)
                    .result,
                app::EventChangeResult::done);
        });
        return id;
    }

    app::RegisterOutcome register_person(std::int64_t event_id, const std::string& name,
                                         const std::string& email = "") {
        app::RegisterOutcome outcome;
        store_->write_and_wait([&](app::Transaction& tx) {
            outcome = app::register_participant(
                tx, event_id, {name, email, resident_, "", "", "", false, false}, now);
        });
        return outcome;
    }

    testing::TempDir dir_;
    std::unique_ptr<app::Store> store_;
    std::int64_t werkplaats_ = 0;
    std::int64_t resident_ = 0;
    std::int64_t municipality_ = 0;
};

TEST_P(StorageTest, StoresAndReadsAnEventWithItsProgramme) {
    const auto id = published_event(30);
    const auto event = store_->read().event(id);
    ASSERT_TRUE(event);
    EXPECT_EQ(event->details.title, "Jongeren en schulden");
    EXPECT_EQ(event->status, domain::EventStatus::published);
    ASSERT_EQ(event->details.programme.size(), 2u);
    EXPECT_EQ(event->details.programme[1].work_form, domain::WorkForm::world_cafe);
    ASSERT_EQ(event->details.speakers.size(), 1u);
    app::EventFilter filter;
    filter.published_only = true;
    EXPECT_EQ(store_->read().events(filter).size(), 1u);
}

TEST_P(StorageTest, FullEventFillsTheWaitingListAndACancellationPromotesTheFirst) {
    const auto id = published_event(2);
    EXPECT_EQ(register_person(id, "Een").result, app::RegisterResult::registered);
    const auto second = register_person(id, "Twee");
    EXPECT_EQ(second.result, app::RegisterResult::registered);
    const auto third = register_person(id, "Drie");
    EXPECT_EQ(third.result, app::RegisterResult::waitlisted);
    EXPECT_EQ(register_person(id, "Vier").result, app::RegisterResult::waitlisted);

    app::CancelOutcome cancelled;
    store_->write_and_wait([&](app::Transaction& tx) {
        cancelled = app::cancel_registration(tx, second.registration->cancel_token, now);
    });
    EXPECT_EQ(cancelled.result, app::CancelResult::cancelled);
    EXPECT_EQ(cancelled.promoted, 1);
    EXPECT_EQ(store_->read().registration(third.registration->id)->status,
              RegistrationStatus::registered);
    const auto counts = store_->read().counts(id);
    EXPECT_EQ(counts.registered, 2);
    EXPECT_EQ(counts.waitlisted, 1);

    store_->write_and_wait([&](app::Transaction& tx) {
        cancelled = app::cancel_registration(tx, second.registration->cancel_token, now);
    });
    EXPECT_EQ(cancelled.result, app::CancelResult::already_cancelled);
}

TEST_P(StorageTest, RecognisesADoubleRegistrationByEmail) {
    const auto id = published_event(10);
    EXPECT_EQ(register_person(id, "Anouk", "anouk@voorbeeld.nl").result,
              app::RegisterResult::registered);
    EXPECT_EQ(register_person(id, "Anouk B.", " ANOUK@voorbeeld.nl").result,
              app::RegisterResult::already_registered);
    EXPECT_EQ(store_->read().counts(id).registered, 1);
}

TEST_P(StorageTest, RefusesRegistrationForADraftOrUnknownEvent) {
    std::int64_t draft = 0;
    store_->write_and_wait([&](app::Transaction& tx) {
        domain::EventDetails details;
        details.title = "Concept";
        details.location_name = "Ergens";
        details.starts_at = now + 100;
        details.ends_at = now + 200;
        draft = app::create_event(tx, werkplaats_, details, now).event_id;
    });
    EXPECT_EQ(register_person(draft, "Een").result, app::RegisterResult::closed);
    EXPECT_EQ(register_person(9999, "Een").result, app::RegisterResult::event_not_found);
}

TEST_P(StorageTest, ChecksInWalkInsAndNoShows) {
    const auto id = published_event(10);
    const auto anouk = register_person(id, "Anouk");
    register_person(id, "Bram");
    const app::EventScope scope{werkplaats_, id};
    store_->write_and_wait([&](app::Transaction& tx) {
        EXPECT_EQ(app::check_in(tx, scope, anouk.registration->id, now).result,
                  app::DoorResult::done);
        EXPECT_EQ(
            app::add_walk_in(
                tx, scope,
                {"Chantal", "", municipality_, "Gemeente Dordrecht", "", "", false, false}, now)
                .result,
            app::DoorResult::done);
        EXPECT_EQ(app::mark_no_shows(tx, scope), 1);
    });
    const auto summary = domain::summarize_attendance(store_->read().attendance_facts(werkplaats_),
                                                      store_->read().attendance_facts(werkplaats_));
    EXPECT_EQ(summary.total.checked_in, 2);
    EXPECT_EQ(summary.total.walk_in, 1);
    EXPECT_EQ(summary.total.no_show, 1);
    EXPECT_EQ(summary.by_group.at(municipality_).checked_in, 1);
    const auto counts = store_->read().counts(id);
    EXPECT_EQ(counts.checked_in, 2) << "the triggers count check-ins and walk-ins";
    EXPECT_EQ(counts.registered, 3);
}

TEST_P(StorageTest, AFailingJobRollsBackAloneWhileItsBatchCommits) {
    const auto id = published_event(0);
    std::atomic<int> done{0};
    std::atomic<int> failed{0};
    for (int i = 0; i < 50; ++i) {
        store_->write(
            [&, i](app::Transaction& tx) {
                app::register_participant(
                    tx, id,
                    {"Persoon " + std::to_string(i), "", resident_, "", "", "", false, false}, now);
                if (i % 10 == 0) throw std::runtime_error("boom");
            },
            [&](std::exception_ptr failure) { (failure ? failed : done).fetch_add(1); });
    }
    store_->write_and_wait([](app::Transaction&) {});
    EXPECT_EQ(done.load(), 45);
    EXPECT_EQ(failed.load(), 5);
    EXPECT_EQ(store_->read().counts(id).registered, 45);
}

TEST_P(StorageTest, ConcurrentRegistrationsNeverTakeMorePlacesThanThereAre) {
    const auto id = published_event(25);
    std::vector<std::thread> threads;
    std::atomic<int> registered{0};
    for (int t = 0; t < 4; ++t) {
        threads.emplace_back([&, t] {
            for (int i = 0; i < 20; ++i) {
                const auto outcome =
                    register_person(id, "T" + std::to_string(t) + "-" + std::to_string(i));
                if (outcome.result == app::RegisterResult::registered) registered.fetch_add(1);
            }
        });
    }
    for (auto& thread : threads) thread.join();
    EXPECT_EQ(registered.load(), 25);
    const auto counts = store_->read().counts(id);
    EXPECT_EQ(counts.registered, 25);
    EXPECT_EQ(counts.waitlisted, 55);
}

TEST_P(StorageTest, CommittedWritesSurviveReopening) {
    const auto id = published_event(5);
    const auto outcome = register_person(id, "Blijvend");
    store_.reset();
    store_ = GetParam().open(dir_);
    const auto registration =
        store_->read().registration_by_token(outcome.registration->cancel_token);
    ASSERT_TRUE(registration);
    EXPECT_EQ(registration->form.name, "Blijvend");
}

TEST_P(StorageTest, DemoWerkplaatsHasTheMagazinesFigures) {
    testing::TempDir other;
    auto store = GetParam().open(other);
    ASSERT_TRUE(app::is_empty(store->read()));
    store->write_and_wait([](app::Transaction& tx) { app::load_demo_werkplaats(tx, now); });
    const auto werkplaats = store->read().werkplaatsen().front();
    const auto facts = store->read().attendance_facts(werkplaats.id);
    const auto summary = domain::summarize_attendance(facts, facts);
    EXPECT_EQ(summary.total.checked_in, 136);
    EXPECT_GT(summary.total.returning_visitors, 0);
    app::EventFilter filter;
    filter.werkplaats_id = werkplaats.id;
    const auto events = store->read().events(filter);
    int open = 0;
    int held = 0;
    int planned_cafes = 0;
    for (const auto& event : events) {
        if (domain::is_open_for_registration(event, now)) ++open;
        if (event.status == domain::EventStatus::held) ++held;
        const auto cafe = store->read().world_cafe(event.id);
        if (!cafe) continue;
        ++planned_cafes;
        EXPECT_EQ(cafe->tables.size(), 3u);
        // Everyone registered has a seat in each of the three rounds, and the verdict says so.
        EXPECT_EQ(store->read().seats(event.id).size(),
                  3 * store->read().registrations(event.id).size());
        EXPECT_NE(cafe->quality_dutch.find("Plan voor"), std::string::npos) << cafe->quality_dutch;
    }
    EXPECT_EQ(held, 11);
    EXPECT_GE(open, 2);
    EXPECT_EQ(planned_cafes, 1) << "one upcoming café has a world café to try";
    EXPECT_EQ(store->read().groups(werkplaats.id).size(), 9u);
}

TEST_P(StorageTest, WorldCafeSetupAndPlanRoundTrip) {
    const auto id = published_event(20);
    const auto host = register_person(id, "Gastvrouw").registration->id;
    const auto guest = register_person(id, "Gast").registration->id;
    domain::WorldCafe cafe;
    cafe.event_id = id;
    cafe.round_questions = {"Wat werkt?", "Wat mist?"};
    cafe.tables = {{0, "Oranje", 6, host, {}},
                   {0, "Blauw", 6, std::nullopt, {"", "Wat mist bij jullie?"}}};
    std::rotate(cafe.goal_order.begin(), cafe.goal_order.begin() + 2, cafe.goal_order.end());
    store_->write_and_wait([&](app::Transaction& tx) {
        ASSERT_TRUE(app::save_world_cafe_setup(tx, werkplaats_, cafe).done);
    });
    const auto stored = store_->read().world_cafe(id);
    ASSERT_TRUE(stored);
    EXPECT_EQ(stored->goal_order, cafe.goal_order);
    EXPECT_EQ(stored->goal_order.front(), domain::CafeGoal::resident_at_every_table);
    ASSERT_EQ(stored->tables.size(), 2u);
    EXPECT_EQ(stored->tables[0].host_registration_id, host);
    EXPECT_EQ(stored->rounds(), 2);
    EXPECT_EQ(stored->question_at(stored->tables[0], 2), "Wat mist?");
    EXPECT_EQ(stored->question_at(stored->tables[1], 1), "Wat werkt?");
    EXPECT_EQ(stored->question_at(stored->tables[1], 2), "Wat mist bij jullie?");
    const auto oranje = stored->tables[0].id;
    const auto blauw = stored->tables[1].id;

    store_->write_and_wait([&](app::Transaction& tx) {
        tx.replace_seats(
            id, 1, {{1, host, oranje}, {1, guest, blauw}, {2, host, oranje}, {2, guest, oranje}},
            "goed", "good");
        EXPECT_TRUE(app::start_rounds(tx, {werkplaats_, id}, 1).done);
        tx.replace_seats(id, 2, {{1, guest, oranje}, {2, host, oranje}, {2, guest, blauw}},
                         "anders", "other");
        tx.set_stays_seated(guest, true);
    });
    const std::vector<domain::Seat> expected = {
        {1, host, oranje}, {1, guest, blauw}, {2, host, oranje}, {2, guest, blauw}};
    EXPECT_EQ(store_->read().seats(id), expected) << "round 1 is kept, round 2 replaced";
    const std::vector<domain::Seat> guest_seats = {{1, guest, blauw}, {2, guest, blauw}};
    EXPECT_EQ(store_->read().seats_of(guest), guest_seats);
    EXPECT_TRUE(store_->read().seats_of(guest + 1000).empty());
    EXPECT_EQ(store_->read().world_cafe(id)->quality_dutch, "anders");
    EXPECT_TRUE(store_->read().registration(guest)->stays_seated);

    // Once a round has started, the set-up is fixed.
    app::CafeOutcome locked;
    store_->write_and_wait(
        [&](app::Transaction& tx) { locked = app::save_world_cafe_setup(tx, werkplaats_, cafe); });
    EXPECT_FALSE(locked.done);
}

TEST_P(StorageTest, AWalkInsConsentIsRecordedLikeARegistrationsConsent) {
    const auto id = published_event(10);
    app::DoorOutcome walk_in;
    store_->write_and_wait([&](app::Transaction& tx) {
        walk_in = app::add_walk_in(tx, {werkplaats_, id},
                                   {"Chantal", "", resident_, "", "", "", true, false}, now);
    });
    ASSERT_EQ(walk_in.result, app::DoorResult::done);
    const auto consents = store_->read().consent_records(walk_in.registration->id);
    ASSERT_EQ(consents.size(), 1u) << "only the consent given is recorded";
    EXPECT_EQ(consents[0].kind, app::ConsentKind::photos);
    EXPECT_TRUE(consents[0].given);
    EXPECT_EQ(consents[0].text_version, app::consent_text_version);
    EXPECT_EQ(consents[0].recorded_at, now);
}

TEST_P(StorageTest, DoorAndCafeWritesRefuseAnEventOfAnotherWerkplaats) {
    const auto id = published_event(10);
    const auto anouk = register_person(id, "Anouk");
    std::int64_t other = 0;
    store_->write_and_wait([&](app::Transaction& tx) {
        other = tx.insert_werkplaats("ander", "Andere Werkplaats");
        tx.insert_group(other, {0, "bewoner", "Bewoner", 0, true});
    });
    // The caller works in the other Werkplaats but names this one's event and registration.
    const app::EventScope foreign{other, id};
    store_->write_and_wait([&](app::Transaction& tx) {
        EXPECT_EQ(app::check_in(tx, foreign, anouk.registration->id, now).result,
                  app::DoorResult::not_found);
        EXPECT_EQ(app::undo_check_in(tx, foreign, anouk.registration->id).result,
                  app::DoorResult::not_found);
        EXPECT_EQ(
            app::add_walk_in(tx, foreign, {"Chantal", "", resident_, "", "", "", false, false}, now)
                .result,
            app::DoorResult::not_found);
        EXPECT_FALSE(app::mark_no_shows(tx, foreign).has_value());
        EXPECT_FALSE(app::start_rounds(tx, foreign, 0).done);
        EXPECT_FALSE(app::set_stays_seated(tx, foreign, anouk.registration->id, true).done);
        // The right Werkplaats with a registration of another event is refused too.
        EXPECT_EQ(app::check_in(tx, {werkplaats_, id + 1}, anouk.registration->id, now).result,
                  app::DoorResult::not_found);
    });
    const auto stored = store_->read().registration(anouk.registration->id);
    EXPECT_EQ(stored->attendance, domain::Attendance::unknown);
    EXPECT_FALSE(stored->stays_seated);
    EXPECT_EQ(store_->read().registrations(id).size(), 1u);
}

TEST_P(StorageTest, AccountsHaveMembershipsPerWerkplaatsTokensAndOneTimeLinks) {
    std::int64_t other = 0;
    std::int64_t sanne = 0;
    store_->write_and_wait([&](app::Transaction& tx) {
        other = tx.insert_werkplaats("ander", "Andere Werkplaats");
        sanne = tx.insert_user({0, "sanne@example.nl", "Sanne", "hash"});
        tx.upsert_membership({sanne, werkplaats_, app::Role::admin, false});
        tx.upsert_membership({sanne, other, app::Role::host, false});
    });
    auto& queries = store_->read();
    EXPECT_EQ(queries.user_by_email("SANNE@example.nl")->id, sanne) << "e-mail ignores case";
    ASSERT_EQ(queries.memberships_of(sanne).size(), 2u);
    EXPECT_EQ(queries.membership(sanne, other)->role, app::Role::host);
    EXPECT_EQ(queries.members(werkplaats_).size(), 1u);

    // The last admin cannot be demoted or disabled; an admin of the other Werkplaats cannot
    // touch this one's members.
    const app::Actor admin{sanne, werkplaats_, app::Role::admin, std::nullopt};
    const app::Actor host_elsewhere{sanne, other, app::Role::host, std::nullopt};
    app::LinkOutcome invite;
    store_->write_and_wait([&](app::Transaction& tx) {
        EXPECT_EQ(app::change_membership(tx, admin, sanne, app::Role::organiser, false),
                  app::AccountResult::not_allowed);
        EXPECT_EQ(app::change_membership(tx, admin, sanne, app::Role::admin, true),
                  app::AccountResult::not_allowed);
        EXPECT_EQ(
            app::invite_member(tx, host_elsewhere, "piet@example.nl", "Piet", app::Role::host, now)
                .result,
            app::AccountResult::not_allowed);
        invite =
            app::invite_member(tx, admin, "piet@example.nl", "Piet", app::Role::organiser, now);
    });
    ASSERT_EQ(invite.result, app::AccountResult::done);
    ASSERT_TRUE(app::preview_link(store_->read(), invite.token, now).has_value());
    EXPECT_FALSE(
        app::preview_link(store_->read(), invite.token, now + app::AccountLimits::link_seconds)
            .has_value())
        << "an invitation expires";

    app::AcceptOutcome accepted;
    app::AcceptOutcome again;
    store_->write_and_wait([&](app::Transaction& tx) {
        accepted = app::accept_link(tx, invite.token, "Piet Jansen", "piet-hash", now + 10);
        again = app::accept_link(tx, invite.token, "Piet Jansen", "other-hash", now + 20);
    });
    ASSERT_EQ(accepted.result, app::AccountResult::done);
    EXPECT_EQ(again.result, app::AccountResult::used_or_expired) << "a link works once";
    const auto piet = store_->read().user(accepted.user_id);
    EXPECT_EQ(piet->name, "Piet Jansen");
    EXPECT_EQ(piet->password_hash, "piet-hash");
    EXPECT_EQ(store_->read().membership(piet->id, werkplaats_)->role, app::Role::organiser);

    // Tokens: named, scoped, no higher than the maker's role, revocable by an admin of
    // their Werkplaats only.
    app::TokenOutcome token;
    app::TokenOutcome too_high;
    store_->write_and_wait([&](app::Transaction& tx) {
        too_high =
            app::create_api_token(tx, host_elsewhere, "script", app::Role::organiser, 30, now);
        token = app::create_api_token(tx, admin, "Rapportage", app::Role::organiser, 30, now);
    });
    EXPECT_EQ(too_high.result, app::AccountResult::invalid);
    ASSERT_EQ(token.result, app::AccountResult::done);
    const auto stored = store_->read().api_token(app::security::token_digest(token.token));
    ASSERT_TRUE(stored.has_value());
    EXPECT_EQ(stored->werkplaats_id, werkplaats_);
    EXPECT_EQ(stored->expires_at, now + 30 * 24 * 3600);
    EXPECT_FALSE(stored->last_used_at.has_value());
    store_->write_and_wait([&](app::Transaction& tx) {
        EXPECT_EQ(app::revoke_api_token(tx, {sanne, other, app::Role::admin, std::nullopt},
                                        token.token_id, now),
                  app::AccountResult::not_found);
        tx.touch_api_token(token.token_id, now + 5);
        EXPECT_EQ(app::revoke_api_token(tx, admin, token.token_id, now + 6),
                  app::AccountResult::done);
    });
    const auto revoked = store_->read().api_token(app::security::token_digest(token.token));
    EXPECT_EQ(revoked->last_used_at, now + 5);
    EXPECT_EQ(revoked->revoked_at, now + 6);
}

TEST_P(StorageTest, AWerkteamKeepsItsMembersMeetingsProductsAndEventsPerPage) {
    const auto cafe = published_event(30);
    std::int64_t team = 0, theme = 0, other_werkplaats = 0, foreign_group = 0;
    store_->write_and_wait([&](app::Transaction& tx) {
        domain::Theme proposal;
        proposal.werkplaats_id = werkplaats_;
        proposal.title = "Eenzaamheid";
        proposal.status = domain::ThemeStatus::adopted;
        proposal.source = domain::ThemeSource::organiser;
        proposal.proposed_at = proposal.status_changed_at = now;
        theme = tx.insert_theme(proposal);
        other_werkplaats = tx.insert_werkplaats("ander", "Andere Werkplaats");
        foreign_group = tx.insert_group(other_werkplaats, {0, "student", "Student", 0, false});

        domain::Werkteam werkteam;
        werkteam.name = "Werkteam eenzaamheid";
        werkteam.theme_id = theme;
        werkteam.description = "Samen tegen eenzaamheid\nin de wijk.";
        werkteam.started_on = "2019-03-01";
        const auto created = app::create_werkteam(tx, werkplaats_, werkteam, now);
        ASSERT_EQ(created.result, app::WerkteamResult::done);
        team = created.id;
        domain::WerkteamMember lid{0,  0,    "Zeynep", resident_, "", domain::MemberRole::member,
                                   "", false};
        domain::WerkteamMember trekker{0,
                                       0,
                                       "Anton",
                                       municipality_,
                                       "Gemeente Rotterdam",
                                       domain::MemberRole::trekker,
                                       "anton@rotterdam.nl",
                                       true};
        ASSERT_EQ(app::add_werkteam_member(tx, werkplaats_, team, lid).result,
                  app::WerkteamResult::done);
        ASSERT_EQ(app::add_werkteam_member(tx, werkplaats_, team, trekker).result,
                  app::WerkteamResult::done);
        for (int month = 1; month <= 3; ++month) {
            domain::WerkteamMeeting meeting;
            meeting.format = month == 2 ? domain::EventType::mirror_meeting
                                        : domain::EventType::werkteam_meeting;
            meeting.held_on = "2019-0" + std::to_string(month + 3) + "-15";
            meeting.place = "Wijkcentrum";
            if (month == 2) meeting.attendance = {{municipality_, 3}, {resident_, 8}};
            ASSERT_EQ(app::add_werkteam_meeting(tx, werkplaats_, team, meeting).result,
                      app::WerkteamResult::done);
        }
        domain::WerkteamProduct product;
        product.title = "Handreiking";
        product.kind = domain::ProductKind::guide;
        product.link = "https://werkplaats.example/handreiking.pdf";
        product.published_on = "2020-01-10";
        ASSERT_EQ(app::add_werkteam_product(tx, werkplaats_, team, product).result,
                  app::WerkteamResult::done);
        ASSERT_EQ(app::link_event(tx, werkplaats_, team, cafe).result, app::WerkteamResult::done);

        // Another Werkplaats's group, theme and team are not found from this one.
        domain::WerkteamMeeting foreign;
        foreign.held_on = "2019-05-01";
        foreign.attendance = {{foreign_group, 2}};
        EXPECT_EQ(app::add_werkteam_meeting(tx, werkplaats_, team, foreign).result,
                  app::WerkteamResult::invalid);
        EXPECT_EQ(app::add_werkteam_member(tx, other_werkplaats, team, lid).result,
                  app::WerkteamResult::not_found);
        auto stolen = werkteam;
        stolen.theme_id = theme;
        EXPECT_EQ(app::create_werkteam(tx, other_werkplaats, stolen, now).result,
                  app::WerkteamResult::invalid);
        EXPECT_EQ(app::link_event(tx, other_werkplaats, team, cafe).result,
                  app::WerkteamResult::not_found);
    });

    auto& read = store_->read();
    const auto stored = read.werkteam(team);
    ASSERT_TRUE(stored);
    EXPECT_EQ(stored->name, "Werkteam eenzaamheid");
    EXPECT_EQ(stored->theme_id, theme);
    EXPECT_EQ(stored->description, "Samen tegen eenzaamheid\nin de wijk.");
    EXPECT_EQ(stored->started_on, "2019-03-01");
    EXPECT_FALSE(stored->ended_on);

    const auto members = read.werkteam_members(team);
    ASSERT_EQ(members.size(), 2u);
    EXPECT_EQ(members[0].name, "Anton") << "trekkers first";
    EXPECT_EQ(members[0].role, domain::MemberRole::trekker);
    EXPECT_EQ(members[0].email, "anton@rotterdam.nl");
    EXPECT_TRUE(members[0].name_public);
    EXPECT_EQ(members[1].group_id, resident_);
    EXPECT_FALSE(members[1].name_public);

    const auto first = read.werkteam_meetings(team, {1, 2});
    EXPECT_EQ(first.total, 3u);
    ASSERT_EQ(first.items.size(), 2u);
    EXPECT_EQ(first.items[0].held_on, "2019-06-15") << "the latest meeting first";
    EXPECT_EQ(first.items[1].format, domain::EventType::mirror_meeting);
    EXPECT_EQ(first.items[1].attendance,
              (std::vector<domain::GroupAttendance>{{resident_, 8}, {municipality_, 3}}))
        << "in the order of the groups";
    EXPECT_TRUE(first.has_next());
    const auto second = read.werkteam_meetings(team, {2, 2});
    ASSERT_EQ(second.items.size(), 1u);
    EXPECT_EQ(second.items[0].held_on, "2019-04-15");
    EXPECT_FALSE(second.has_next());

    const auto products = read.werkteam_products(team, {});
    ASSERT_EQ(products.items.size(), 1u);
    EXPECT_EQ(products.items[0].kind, domain::ProductKind::guide);
    EXPECT_EQ(products.items[0].link, "https://werkplaats.example/handreiking.pdf");

    const auto events = read.werkteam_events(team, true, {});
    ASSERT_EQ(events.total, 1u);
    EXPECT_EQ(events.items[0].details.title, "Jongeren en schulden");
    EXPECT_EQ(read.event_werkteam(cafe), team);

    const auto listed = read.werkteams({werkplaats_, std::nullopt}, {});
    EXPECT_EQ(listed.total, 1u);
    EXPECT_EQ(read.werkteams({other_werkplaats, std::nullopt}, {}).total, 0u);
    EXPECT_EQ(read.werkteams({werkplaats_, theme + 1}, {}).total, 0u);

    // Removals reach only the team that holds the thing; an event leaves its team.
    store_->write_and_wait([&](app::Transaction& tx) {
        EXPECT_EQ(app::remove_from_werkteam(tx, werkplaats_, team, app::WerkteamPart::member,
                                            members[1].id)
                      .result,
                  app::WerkteamResult::done);
        EXPECT_EQ(app::remove_from_werkteam(tx, other_werkplaats, team, app::WerkteamPart::member,
                                            members[0].id)
                      .result,
                  app::WerkteamResult::not_found);
        EXPECT_EQ(app::remove_from_werkteam(tx, werkplaats_, team, app::WerkteamPart::product,
                                            products.items[0].id + 100)
                      .result,
                  app::WerkteamResult::not_found);
        EXPECT_EQ(app::unlink_event(tx, werkplaats_, team, cafe).result, app::WerkteamResult::done);
    });
    EXPECT_EQ(read.werkteam_members(team).size(), 1u);
    EXPECT_EQ(read.werkteam_events(team, false, {}).total, 0u);
    EXPECT_FALSE(read.event_werkteam(cafe));
}

TEST_P(StorageTest, ThePurgeErasesTheAddressesOfAWerkteamThatEndedLongAgo) {
    std::int64_t ended = 0, running = 0;
    store_->write_and_wait([&](app::Transaction& tx) {
        domain::Werkteam werkteam;
        werkteam.name = "Afgerond";
        werkteam.started_on = "2018-01-01";
        werkteam.ended_on = "2019-06-30";
        ended = app::create_werkteam(tx, werkplaats_, werkteam, now).id;
        werkteam.name = "Loopt nog";
        werkteam.ended_on.reset();
        running = app::create_werkteam(tx, werkplaats_, werkteam, now).id;
        for (const auto team : {ended, running}) {
            domain::WerkteamMember member;
            member.name = "Mila";
            member.email = "mila@voorbeeld.nl";
            ASSERT_EQ(app::add_werkteam_member(tx, werkplaats_, team, member).result,
                      app::WerkteamResult::done);
        }
    });
    // `now` is in November 2023: the first team ended more than the twelve months ago that
    // a new Werkplaats keeps personal data.
    app::PurgeReport report;
    store_->write_and_wait(
        [&](app::Transaction& tx) { report = app::purge_expired(tx, now, werkplaats_); });
    EXPECT_EQ(report.werkteam_emails, 1);
    EXPECT_EQ(store_->read().werkteam_members(ended).at(0).email, "");
    EXPECT_EQ(store_->read().werkteam_members(ended).at(0).name, "Mila") << "the team is kept";
    EXPECT_EQ(store_->read().werkteam_members(running).at(0).email, "mila@voorbeeld.nl");
}

TEST_P(StorageTest, LiveSessionsKeepQuestionsParticipantsAnswersAndModerationInOrder) {
    const auto event_id = published_event(30);
    const app::EventScope scope{werkplaats_, event_id};
    std::int64_t session_id = 0;
    std::int64_t question_id = 0;
    store_->write_and_wait([&](app::Transaction& tx) {
        session_id = app::create_live_session(tx, scope, "Peiling", now).id;
        domain::live::QuestionSettings question;
        question.kind = domain::live::QuestionKind::ranking;
        question.prompt = "Wat eerst?";
        question.options = {"Huur", "Energie", "Zorg"};
        question.scale_min_label = "laag";
        question_id = app::save_live_question(tx, scope, session_id, std::nullopt, question).id;
        tx.insert_live_participants(
            {{7, session_id, "hash-a", resident_, std::nullopt, "Sanne", now},
             {8, session_id, "hash-b", 0, std::nullopt, "", now}});
        app::LiveAnswer ranking{11,   question_id, 7, resident_, "r1", {{2, 0, 1}, {}, {}, {}, {}},
                                1500, now};
        app::LiveAnswer words{12,   question_id,
                              8,    0,
                              "w1", {{}, 4, {"armoede", "schulden"}, "Een zin, met \"quotes\"", 3},
                              0,    now};
        tx.insert_live_answers({ranking, words});
        tx.insert_live_moderation(
            {question_id, app::ModerationAction::merge_words, "schuld", "schulden", now});
        tx.insert_live_moderation(
            {question_id, app::ModerationAction::entry_hidden, "12", "", now});
    });
    auto& queries = store_->read();
    const auto session = queries.live_session(session_id);
    ASSERT_TRUE(session);
    EXPECT_EQ(session->state, app::LiveSessionState::prepared);
    EXPECT_TRUE(app::normalize_join_code(session->join_code));
    EXPECT_EQ(queries.live_session_by_code(session->join_code)->id, session_id);
    const auto questions = queries.live_questions(session_id);
    ASSERT_EQ(questions.size(), 1u);
    EXPECT_EQ(questions[0].settings.options, (std::vector<std::string>{"Huur", "Energie", "Zorg"}));
    EXPECT_EQ(questions[0].settings.kind, domain::live::QuestionKind::ranking);
    EXPECT_EQ(questions[0].settings.scale_min_label, "laag");
    const auto participants = queries.live_participants(session_id);
    ASSERT_EQ(participants.size(), 2u);
    EXPECT_EQ(participants[0].group_id, resident_);
    EXPECT_EQ(participants[1].group_id, 0);
    EXPECT_EQ(participants[0].nickname, "Sanne");
    const auto answers = queries.live_answers(session_id);
    ASSERT_EQ(answers.size(), 2u);
    EXPECT_EQ(answers[0].value.options, (std::vector<int>{2, 0, 1}));
    EXPECT_EQ(answers[0].elapsed_ms, 1500);
    EXPECT_EQ(answers[1].value.number, 4);
    EXPECT_EQ(answers[1].value.words, (std::vector<std::string>{"armoede", "schulden"}));
    EXPECT_EQ(answers[1].value.text, "Een zin, met \"quotes\"");
    EXPECT_EQ(answers[1].value.upvote, 3);
    const auto moderation = queries.live_moderation(session_id);
    ASSERT_EQ(moderation.size(), 2u);
    EXPECT_EQ(moderation[0].action, app::ModerationAction::merge_words);
    EXPECT_EQ(moderation[0].target, "schulden");
    EXPECT_EQ(moderation[1].subject, "12");
    EXPECT_EQ(queries.max_live_answer_id(), 12);
    EXPECT_EQ(queries.max_live_participant_id(), 8);

    // An ended session frees its code.
    store_->write_and_wait([&](app::Transaction& tx) {
        auto ended = *tx.live_session(session_id);
        ended.state = app::LiveSessionState::ended;
        tx.update_live_session(ended, now);
    });
    EXPECT_FALSE(store_->read().live_session_by_code(session->join_code));
}

TEST_P(StorageTest, ALargeBatchOfLiveAnswersIsStoredWholeAndInOrder) {
    const auto event_id = published_event(30);
    const app::EventScope scope{werkplaats_, event_id};
    std::int64_t session_id = 0;
    std::int64_t question_id = 0;
    // As many answers in one write as a busy session's group commit brings.
    constexpr int count = 70;
    const auto answer = [&](int index) {
        app::LiveAnswer made{100 + index,
                             question_id,
                             1 + index % 10,
                             index % 2 == 0 ? resident_ : 0,
                             "a" + std::to_string(index),
                             {},
                             index,
                             now};
        made.value.options = {index % 4, (index + 1) % 4};
        if (index % 3 == 0) made.value.number = index;
        if (index % 5 == 0) made.value.words = {"woord" + std::to_string(index)};
        return made;
    };
    store_->write_and_wait([&](app::Transaction& tx) {
        session_id = app::create_live_session(tx, scope, "Drukte", now).id;
        domain::live::QuestionSettings question;
        question.kind = domain::live::QuestionKind::choice;
        question.prompt = "Wat past?";
        question.options = {"A", "B", "C", "D"};
        question.multiple = true;
        question_id = app::save_live_question(tx, scope, session_id, std::nullopt, question).id;
        std::vector<app::LiveParticipant> participants;
        for (int id = 1; id <= 10; ++id) {
            participants.push_back(
                {id, session_id, "hash-" + std::to_string(id), 0, std::nullopt, "", now});
        }
        tx.insert_live_participants(participants);
        std::vector<app::LiveAnswer> answers;
        for (int index = 0; index < count; ++index) answers.push_back(answer(index));
        tx.insert_live_answers(answers);
    });
    const auto stored = store_->read().live_answers(session_id);
    ASSERT_EQ(stored.size(), static_cast<std::size_t>(count));
    for (int index = 0; index < count; ++index) {
        const auto expected = answer(index);
        const auto& got = stored[static_cast<std::size_t>(index)];
        EXPECT_EQ(got.id, expected.id);
        EXPECT_EQ(got.participant_id, expected.participant_id);
        EXPECT_EQ(got.group_id, expected.group_id);
        EXPECT_EQ(got.client_id, expected.client_id);
        EXPECT_EQ(got.value.options, expected.value.options);
        EXPECT_EQ(got.value.number, expected.value.number);
        EXPECT_EQ(got.value.words, expected.value.words);
        EXPECT_EQ(got.elapsed_ms, expected.elapsed_ms);
    }

    // One answer that cannot be stored anywhere in a batch (here: its participant does not
    // exist) refuses the whole batch, so the engine never acknowledges half of one.
    std::vector<app::LiveAnswer> again;
    for (int index = 0; index < 40; ++index) {
        auto fresh = answer(index);
        fresh.id = 1000 + index;
        fresh.client_id = "b" + std::to_string(index);
        if (index == 33) fresh.participant_id = 999;
        again.push_back(fresh);
    }
    EXPECT_THROW(
        store_->write_and_wait([&](app::Transaction& tx) { tx.insert_live_answers(again); }),
        std::exception);
    EXPECT_EQ(store_->read().live_answers(session_id).size(), static_cast<std::size_t>(count));
}

TEST_P(StorageTest, ThemesMoveOnTheAgendaAndCountEachSupporterOnce) {
    const auto event_id = published_event(30);
    std::int64_t theme_id = 0;
    std::int64_t other_werkplaats = 0;
    store_->write_and_wait([&](app::Transaction& tx) {
        other_werkplaats = tx.insert_werkplaats("ander", "Andere Werkplaats");
        theme_id = app::propose_theme(tx, werkplaats_, {"Jongeren met schulden", "", "IJsselmonde"},
                                      domain::ThemeSource::public_form, now)
                       .theme_id;
        app::propose_theme(tx, werkplaats_, {"Eenzaamheid", "", ""},
                           domain::ThemeSource::evaluation, now + 1);
        app::propose_theme(tx, other_werkplaats, {"Elders", "", ""},
                           domain::ThemeSource::public_form, now);
        EXPECT_EQ(app::support_theme(tx, werkplaats_, theme_id, "browser-a", now),
                  app::SupportResult::counted);
        EXPECT_EQ(app::support_theme(tx, werkplaats_, theme_id, "browser-a", now),
                  app::SupportResult::already_supported);
        EXPECT_EQ(app::support_theme(tx, werkplaats_, theme_id, "browser-b", now),
                  app::SupportResult::counted);
        EXPECT_EQ(app::support_theme(tx, other_werkplaats, theme_id, "browser-c", now),
                  app::SupportResult::not_found);
    });

    const auto agenda = store_->read().themes({werkplaats_, {}, {}}, {1, 10});
    ASSERT_EQ(agenda.total, 2U);
    EXPECT_EQ(agenda.items[0].title, "Jongeren met schulden");  // most supported first
    EXPECT_EQ(agenda.items[0].supporters, 2);
    EXPECT_EQ(agenda.items[0].place, "IJsselmonde");
    EXPECT_EQ(agenda.items[1].source, domain::ThemeSource::evaluation);
    const auto second_page = store_->read().themes({werkplaats_, {}, {}}, {2, 1});
    EXPECT_EQ(second_page.total, 2U);
    ASSERT_EQ(second_page.items.size(), 1U);
    EXPECT_EQ(second_page.items[0].title, "Eenzaamheid");
    EXPECT_FALSE(second_page.has_next());

    store_->write_and_wait([&](app::Transaction& tx) {
        EXPECT_EQ(app::move_theme(tx, other_werkplaats, theme_id,
                                  {domain::ThemeStatus::adopted, {}, ""}, now)
                      .result,
                  app::ThemeChangeResult::not_found);
        const auto scheduled = app::move_theme(
            tx, werkplaats_, theme_id, {domain::ThemeStatus::scheduled, event_id, ""}, now + 5);
        EXPECT_EQ(scheduled.result, app::ThemeChangeResult::done);
    });
    auto theme = *store_->read().theme(theme_id);
    EXPECT_EQ(theme.status, domain::ThemeStatus::scheduled);
    EXPECT_EQ(theme.event_id, event_id);
    EXPECT_EQ(theme.status_changed_at, now + 5);
    EXPECT_EQ(store_->read().event(event_id)->theme_id, theme_id);
    EXPECT_EQ(store_->read().themes({werkplaats_, {}, event_id}, {1, 10}).total, 1U);

    // Declining needs a reason; without one nothing changes, with one the café is unlinked.
    store_->write_and_wait([&](app::Transaction& tx) {
        EXPECT_EQ(
            app::move_theme(tx, werkplaats_, theme_id, {domain::ThemeStatus::declined, {}, ""}, now)
                .result,
            app::ThemeChangeResult::invalid);
        EXPECT_EQ(app::move_theme(tx, werkplaats_, theme_id,
                                  {domain::ThemeStatus::declined, {}, "Kwam al aan bod."}, now)
                      .result,
                  app::ThemeChangeResult::done);
    });
    theme = *store_->read().theme(theme_id);
    EXPECT_EQ(theme.decline_reason, "Kwam al aan bod.");
    EXPECT_FALSE(theme.event_id);
    EXPECT_FALSE(store_->read().event(event_id)->theme_id);
    EXPECT_EQ(
        store_->read().themes({werkplaats_, domain::ThemeStatus::declined, {}}, {1, 10}).total, 1U);
}

TEST_P(StorageTest, EvaluationsAreCountedPerGroupPagedAndGivenOncePerPersonalLink) {
    const auto id = published_event(30);
    const auto anouk = register_person(id, "Anouk");
    const time::Timestamp after = now + 2 * 86'400;
    // Not before the café has begun.
    store_->write_and_wait([&](app::Transaction& tx) {
        EXPECT_EQ(
            app::submit_evaluation(tx, werkplaats_, id, {4, "", "", {}, "", 0}, "", now).result,
            app::FeedbackResult::not_open);
    });
    std::vector<app::EvaluationOutcome> outcomes;
    store_->write_and_wait([&](app::Transaction& tx) {
        using domain::ComeAgain;
        outcomes.push_back(app::submit_evaluation(
            tx, werkplaats_, id,
            {5, "Nieuwe contacten", "  Jongeren met schulden ", ComeAgain::yes, "", municipality_},
            anouk.registration->cancel_token, after));
        outcomes.push_back(app::submit_evaluation(
            tx, werkplaats_, id, {3, "", "", ComeAgain::maybe, "", municipality_}, "", after));
        outcomes.push_back(app::submit_evaluation(
            tx, werkplaats_, id, {2, "", "", ComeAgain::no, "Te kort", 0}, "", after));
        // The same personal link a second time, and a link of nobody.
        outcomes.push_back(app::submit_evaluation(tx, werkplaats_, id, {1, "", "", {}, "", 0},
                                                  anouk.registration->cancel_token, after));
        outcomes.push_back(
            app::submit_evaluation(tx, werkplaats_, id, {1, "", "", {}, "", 0}, "nep", after));
    });
    ASSERT_EQ(outcomes.size(), 5u);
    for (std::size_t i = 0; i < 3; ++i) {
        EXPECT_EQ(outcomes[i].result, app::FeedbackResult::done) << i;
    }
    EXPECT_EQ(outcomes[3].result, app::FeedbackResult::already_given);
    EXPECT_EQ(outcomes[4].result, app::FeedbackResult::unknown_link);

    auto& queries = store_->read();
    EXPECT_TRUE(queries.has_evaluation_from(anouk.registration->id));
    // The group of the personal link is the registration's, whatever the form said.
    const auto tallies = queries.evaluation_tallies(id);
    ASSERT_EQ(tallies.size(), 3u);
    EXPECT_EQ(tallies[0].group_id, 0);
    EXPECT_EQ(tallies[0].rating, 2);
    bool resident_counted = false;
    for (const auto& tally : tallies) {
        if (tally.group_id == resident_ && tally.rating == 5) resident_counted = true;
    }
    EXPECT_TRUE(resident_counted);

    // Only answers with text, newest first, a page at a time with the total.
    const auto first = queries.evaluations_with_text(id, {1, 1});
    EXPECT_EQ(first.total, 2u);
    ASSERT_EQ(first.items.size(), 1u);
    EXPECT_EQ(first.items[0].answer.remark, "Te kort");
    const auto second = queries.evaluations_with_text(id, {2, 1});
    ASSERT_EQ(second.items.size(), 1u);
    EXPECT_EQ(second.items[0].answer.next_theme, "Jongeren met schulden");
    EXPECT_EQ(second.items[0].registration_id, anouk.registration->id);
    EXPECT_EQ(second.items[0].submitted_at, after);

    // The next theme became a proposal of this Werkplaats, from the evaluation.
    ASSERT_TRUE(outcomes[0].theme_id);
    const auto theme = queries.theme(*outcomes[0].theme_id);
    ASSERT_TRUE(theme);
    EXPECT_EQ(theme->werkplaats_id, werkplaats_);
    EXPECT_EQ(theme->title, "Jongeren met schulden");
    EXPECT_EQ(theme->status, domain::ThemeStatus::proposed);
    EXPECT_EQ(theme->source, domain::ThemeSource::evaluation);
    EXPECT_FALSE(outcomes[1].theme_id);

    // The storage itself holds a personal link to one evaluation.
    EXPECT_ANY_THROW(store_->write_and_wait([&](app::Transaction& tx) {
        tx.insert_evaluation({0, id, anouk.registration->id, {4, "", "", {}, "", 0}, after});
    }));
}

TEST_P(StorageTest, ExperiencesKeepTheirConsentAndAreWithdrawnHiddenAndErased) {
    const auto id = published_event(30);
    const auto anouk = register_person(id, "Anouk");
    const time::Timestamp after = now + 2 * 86'400;
    domain::ExperienceForm form;
    form.quote = "Ik weet nu bij wie ik terecht kan.";
    form.attribution = domain::Attribution::named;
    form.name = "Anouk";
    form.role = "bewoner";
    form.consent = true;
    app::ExperienceOutcome named, anonymous, refused;
    store_->write_and_wait([&](app::Transaction& tx) {
        named = app::submit_experience(tx, werkplaats_, id, form, anouk.registration->cancel_token,
                                       after);
        form.attribution = domain::Attribution::anonymous;
        anonymous = app::submit_experience(tx, werkplaats_, id, form, "", after + 1);
        form.consent = false;
        refused = app::submit_experience(tx, werkplaats_, id, form, "", after + 2);
    });
    ASSERT_EQ(named.result, app::FeedbackResult::done);
    ASSERT_EQ(anonymous.result, app::FeedbackResult::done);
    EXPECT_EQ(refused.result, app::FeedbackResult::invalid);
    EXPECT_NE(named.token, anonymous.token);

    auto& queries = store_->read();
    const auto own = app::experience_by_token(queries, named.token);
    ASSERT_TRUE(own);
    EXPECT_EQ(own->event.id, id);
    EXPECT_EQ(own->experience.name, "Anouk");
    EXPECT_EQ(own->experience.registration_id, anouk.registration->id);
    EXPECT_EQ(own->experience.consent.text_version, app::experience_consent_version);
    EXPECT_EQ(own->experience.consent.channel, app::experience_consent_channel);
    EXPECT_EQ(own->experience.consent.given_at, after);
    EXPECT_FALSE(app::experience_by_token(queries, named.token + "x"));
    const auto stored_anonymous = queries.experience(anonymous.experience_id);
    EXPECT_TRUE(stored_anonymous->name.empty()) << "an anonymous one keeps no name";

    auto shown = app::public_experiences(queries, id, 10);
    EXPECT_EQ(shown.total, 2u);
    EXPECT_EQ(shown.items.front().id, anonymous.experience_id) << "newest first";
    EXPECT_EQ(app::public_experiences(queries, id, 1).items.size(), 1u);

    // Another Werkplaats cannot hide it; this one can, and can show it again.
    std::int64_t other = 0;
    store_->write_and_wait([&](app::Transaction& tx) {
        other = tx.insert_werkplaats("ander", "Andere Werkplaats");
        EXPECT_EQ(
            app::set_experience_visible(tx, {other, id}, anonymous.experience_id, false, after),
            app::VisibilityResult::not_found);
        EXPECT_EQ(app::set_experience_visible(tx, {werkplaats_, id + 1}, anonymous.experience_id,
                                              false, after),
                  app::VisibilityResult::not_found);
        EXPECT_EQ(app::set_experience_visible(tx, {werkplaats_, id}, anonymous.experience_id, false,
                                              after),
                  app::VisibilityResult::done);
    });
    EXPECT_EQ(app::public_experiences(queries, id, 10).total, 1u);
    EXPECT_EQ(queries.experiences({id, domain::ExperienceStatus::hidden}, {1, 10}).total, 1u);

    // Withdrawn: gone from the public list, text and name erased, the consent dates kept.
    store_->write_and_wait([&](app::Transaction& tx) {
        EXPECT_EQ(app::withdraw_experience(tx, named.token, after + 60),
                  app::WithdrawResult::withdrawn);
        EXPECT_EQ(app::withdraw_experience(tx, named.token, after + 61),
                  app::WithdrawResult::already_withdrawn);
        EXPECT_EQ(app::withdraw_experience(tx, "nep", after + 61), app::WithdrawResult::not_found);
        EXPECT_EQ(
            app::set_experience_visible(tx, {werkplaats_, id}, named.experience_id, true, after),
            app::VisibilityResult::withdrawn);
    });
    EXPECT_EQ(app::public_experiences(queries, id, 10).total, 0u);
    const auto withdrawn = queries.experience(named.experience_id);
    EXPECT_EQ(withdrawn->status, domain::ExperienceStatus::withdrawn);
    EXPECT_TRUE(withdrawn->quote.empty());
    EXPECT_TRUE(withdrawn->name.empty());
    EXPECT_TRUE(withdrawn->role.empty());
    EXPECT_EQ(withdrawn->consent.given_at, after);
    EXPECT_EQ(withdrawn->consent.withdrawn_at, after + 60);
}

TEST_P(StorageTest, ErasingAPersonTakesTheirExperienceAlongAndLeavesTheirEvaluationAnonymous) {
    const auto id = published_event(30);
    const auto anouk = register_person(id, "Anouk");
    const time::Timestamp after = now + 2 * 86'400;
    domain::ExperienceForm form{"Een fijne middag.", domain::Attribution::named, "Anouk", "", true};
    app::ExperienceOutcome experience;
    app::EvaluationOutcome evaluation;
    store_->write_and_wait([&](app::Transaction& tx) {
        evaluation = app::submit_evaluation(tx, werkplaats_, id, {4, "Veel", "", {}, "", 0},
                                            anouk.registration->cancel_token, after);
        experience = app::submit_experience(tx, werkplaats_, id, form,
                                            anouk.registration->cancel_token, after);
        EXPECT_EQ(app::erase_by_token(tx, anouk.registration->cancel_token,
                                      app::Reach::this_registration, after + 10)
                      .result,
                  app::ErasureResult::erased);
    });
    auto& queries = store_->read();
    const auto erased = queries.experience(experience.experience_id);
    ASSERT_TRUE(erased);
    EXPECT_EQ(erased->status, domain::ExperienceStatus::withdrawn);
    EXPECT_TRUE(erased->name.empty());
    EXPECT_TRUE(erased->quote.empty());
    EXPECT_FALSE(erased->registration_id);
    const auto answers = queries.evaluations_with_text(id, {1, 10});
    ASSERT_EQ(answers.items.size(), 1u);
    EXPECT_FALSE(answers.items[0].registration_id) << "the answer stays, without the person";
    EXPECT_EQ(answers.items[0].answer.takeaway, "Veel");
}

TEST_P(StorageTest, ThePurgeDeletesHiddenExperiencesAndKeepsConsentedOnes) {
    const auto id = published_event(30);
    register_person(id, "Anouk");
    const time::Timestamp after = now + 2 * 86'400;
    app::ExperienceOutcome kept, hidden;
    store_->write_and_wait([&](app::Transaction& tx) {
        domain::ExperienceForm form{"Blijft staan.", domain::Attribution::anonymous, "", "", true};
        kept = app::submit_experience(tx, werkplaats_, id, form, "", after);
        form.quote = "Verborgen.";
        hidden = app::submit_experience(tx, werkplaats_, id, form, "", after);
        app::set_experience_visible(tx, {werkplaats_, id}, hidden.experience_id, false, after);
    });
    // Thirteen months later the retention of twelve has passed.
    store_->write_and_wait(
        [&](app::Transaction& tx) { app::purge_expired(tx, now + 400 * 86'400); });
    auto& queries = store_->read();
    EXPECT_TRUE(queries.registrations(id).empty());
    EXPECT_TRUE(queries.experience(kept.experience_id));
    EXPECT_FALSE(queries.experience(hidden.experience_id));
}

TEST_P(StorageTest, HarvestKeepsItsOriginAuthorAndOrderAndPagesWithATotal) {
    const auto event_id = published_event(30);
    const app::EventScope scope{werkplaats_, event_id};
    const app::Recorder organiser{{std::nullopt, std::nullopt, "Marieke"}};
    std::int64_t link_id = 0;
    std::string token;
    std::int64_t quote_id = 0;
    store_->write_and_wait([&](app::Transaction& tx) {
        domain::WorldCafe cafe;
        cafe.event_id = event_id;
        cafe.round_questions = {"Wat werkt?", "Wat mist?"};
        cafe.tables = {{0, "Oranje", 6, std::nullopt, {}}, {0, "Blauw", 6, std::nullopt, {}}};
        ASSERT_TRUE(app::save_world_cafe_setup(tx, werkplaats_, cafe).done);
        const auto link =
            app::create_harvest_link(tx, scope, " Tafel Blauw, Sanne ", std::nullopt, now);
        ASSERT_EQ(link.status, app::FollowUpStatus::done);
        link_id = link.id;
        token = link.token;
        const auto access = app::harvest_link_access(tx, token);
        ASSERT_TRUE(access);
        const auto add = [&](domain::HarvestKind kind, std::string text,
                             domain::HarvestOrigin origin, const app::Recorder& by) {
            domain::HarvestItem item;
            item.kind = kind;
            item.text = std::move(text);
            item.origin = std::move(origin);
            const auto outcome = app::add_harvest_item(tx, scope, item, by, now);
            EXPECT_EQ(outcome.status, app::FollowUpStatus::done);
            return outcome.id;
        };
        quote_id = add(domain::HarvestKind::quote, "Ik durfde het niet te vragen", {}, organiser);
        add(domain::HarvestKind::recommendation, "Eén loket voor geldzaken", {"Oranje", 1, ""},
            organiser);
        add(domain::HarvestKind::insight, "Schaamte komt eerst", {"Blauw", 2, ""},
            access->recorder());
        add(domain::HarvestKind::insight, "Jongeren zoeken hulp online", {"", 0, "Welkom"},
            organiser);
    });
    auto& queries = store_->read();
    // The token itself is not stored, only its hash.
    EXPECT_FALSE(queries.harvest_link_by_token(token));
    const auto links = queries.harvest_links(event_id);
    ASSERT_EQ(links.size(), 1u);
    EXPECT_EQ(links[0].name, "Tafel Blauw, Sanne");
    EXPECT_NE(links[0].token_hash, token);

    app::HarvestFilter all;
    all.event_id = event_id;
    const auto page = queries.harvest_items(all, {1, 3});
    EXPECT_EQ(page.total, 4u);
    ASSERT_EQ(page.items.size(), 3u);
    // By kind in the harvest's order, then table and round: the whole café sorts first.
    EXPECT_EQ(page.items[0].text, "Jongeren zoeken hulp online");
    EXPECT_EQ(page.items[0].origin.programme_item, "Welkom");
    EXPECT_EQ(page.items[1].origin, (domain::HarvestOrigin{"Blauw", 2, ""}));
    EXPECT_EQ(page.items[1].author.link_id, link_id);
    EXPECT_EQ(page.items[1].author.name, "Tafel Blauw, Sanne");
    EXPECT_EQ(page.items[2].kind, domain::HarvestKind::recommendation);
    EXPECT_EQ(page.items[2].author.name, "Marieke");
    const auto rest = queries.harvest_items(all, {2, 3});
    ASSERT_EQ(rest.items.size(), 1u);
    EXPECT_EQ(rest.items[0].id, quote_id);

    app::HarvestFilter public_only = all;
    public_only.public_only = true;
    EXPECT_EQ(queries.harvest_items(public_only, {1, 10}).total, 3u);
    app::HarvestFilter of_link = all;
    of_link.link_id = link_id;
    EXPECT_EQ(queries.harvest_items(of_link, {1, 10}).total, 1u);
    app::HarvestFilter insights = all;
    insights.kind = domain::HarvestKind::insight;
    EXPECT_EQ(queries.harvest_items(insights, {1, 10}).total, 2u);

    // Setting the café up again keeps the harvest's origin; a link edits only its own items,
    // and a revoked link opens nothing.
    store_->write_and_wait([&](app::Transaction& tx) {
        domain::HarvestItem changed;
        changed.kind = domain::HarvestKind::open_question;
        changed.text = "Wie betaalt de schuldhulp?";
        const auto access = app::harvest_link_access(tx, token);
        EXPECT_EQ(
            app::update_harvest_item(tx, scope, quote_id, changed, access->recorder(), now).status,
            app::FollowUpStatus::not_found);
        EXPECT_EQ(
            app::update_harvest_item(tx, scope, quote_id, changed, organiser, now + 60).status,
            app::FollowUpStatus::done);
        EXPECT_EQ(app::delete_harvest_item(tx, scope, quote_id, access->recorder()).status,
                  app::FollowUpStatus::not_found);
        EXPECT_EQ(app::revoke_harvest_link(tx, scope, link_id, now).status,
                  app::FollowUpStatus::done);
        EXPECT_FALSE(app::harvest_link_access(tx, token));
        const app::EventScope elsewhere{werkplaats_ + 1, event_id};
        EXPECT_EQ(app::delete_harvest_item(tx, elsewhere, quote_id, organiser).status,
                  app::FollowUpStatus::not_found);
    });
    const auto changed = queries.harvest_item(quote_id);
    ASSERT_TRUE(changed);
    EXPECT_EQ(changed->kind, domain::HarvestKind::open_question);
    EXPECT_EQ(changed->updated_at, now + 60);
    EXPECT_EQ(changed->created_at, now);
    EXPECT_TRUE(queries.harvest_links(event_id)[0].revoked_at);
}

TEST_P(StorageTest, ActionsKeepTheirHistoryAndListOverdueOnesFirst) {
    const auto event_id = published_event(30);
    const app::EventScope scope{werkplaats_, event_id};
    std::int64_t late = 0, done = 0, later = 0;
    store_->write_and_wait([&](app::Transaction& tx) {
        const auto create = [&](std::string description, std::string owner, std::string due) {
            const auto outcome = app::create_action(
                tx, scope, {std::move(description), std::move(owner), "Jan", std::move(due)},
                "Marieke", now);
            EXPECT_EQ(outcome.status, app::FollowUpStatus::done);
            return outcome.id;
        };
        later = create("Spreekuur in de bibliotheek", "Bibliotheek", "2024-06-01");
        late = create("Folder in eenvoudige taal", "Gemeente", "2023-11-01");
        done = create("Training voor wijkteams", "Gemeente", "2023-10-01");
        EXPECT_EQ(
            app::change_action_status(tx, werkplaats_, late, domain::ActionStatus::in_progress, "",
                                      "Marieke", now + 10)
                .status,
            app::FollowUpStatus::done);
        EXPECT_EQ(app::change_action_status(tx, werkplaats_, done, domain::ActionStatus::done,
                                            "Twintig mensen getraind", "Marieke", now + 20)
                      .status,
                  app::FollowUpStatus::done);
        EXPECT_EQ(app::change_action_status(tx, werkplaats_, done, domain::ActionStatus::dropped,
                                            "toch niet", "Marieke", now + 30)
                      .status,
                  app::FollowUpStatus::not_allowed);
        EXPECT_EQ(app::change_action_status(tx, werkplaats_ + 1, done, domain::ActionStatus::open,
                                            "weer open", "X", now)
                      .status,
                  app::FollowUpStatus::not_found);
    });
    auto& queries = store_->read();
    const auto action = queries.action(done);
    ASSERT_TRUE(action);
    EXPECT_EQ(action->status, domain::ActionStatus::done);
    EXPECT_EQ(action->draft.contact, "Jan");
    ASSERT_EQ(action->history.size(), 2u);
    EXPECT_EQ(action->history[0].status, domain::ActionStatus::open);
    EXPECT_EQ(action->history[0].by_name, "Marieke");
    EXPECT_EQ(action->history[1].text, "Twintig mensen getraind");
    EXPECT_EQ(action->history[1].at, now + 20);

    app::ActionFilter filter;
    filter.werkplaats_id = werkplaats_;
    const auto all = queries.actions(filter, {1, 10});
    ASSERT_EQ(all.total, 3u);
    EXPECT_EQ(all.items[0].id, late);
    EXPECT_EQ(all.items[1].id, later);
    EXPECT_EQ(all.items[2].id, done);
    EXPECT_EQ(all.items[0].history.size(), 2u);
    filter.overdue_on = "2023-11-15";
    const auto overdue = queries.actions(filter, {1, 10});
    ASSERT_EQ(overdue.total, 1u);
    EXPECT_EQ(overdue.items[0].id, late);
    filter.overdue_on.reset();
    filter.owner = "Gemeente";
    EXPECT_EQ(queries.actions(filter, {1, 10}).total, 2u);
    filter.status = domain::ActionStatus::done;
    EXPECT_EQ(queries.actions(filter, {1, 10}).total, 1u);
    filter = {};
    filter.werkplaats_id = werkplaats_ + 1;
    EXPECT_EQ(queries.actions(filter, {1, 10}).total, 0u);
    EXPECT_EQ(queries.action_owners(werkplaats_),
              (std::vector<std::string>{"Bibliotheek", "Gemeente"}));
    // By the theme the café took up.
    std::int64_t theme_id = 0;
    store_->write_and_wait([&](app::Transaction& tx) {
        theme_id = app::propose_theme(tx, werkplaats_, {"Schulden", "", ""},
                                      domain::ThemeSource::organiser, now)
                       .theme_id;
        app::move_theme(tx, werkplaats_, theme_id, {domain::ThemeStatus::scheduled, event_id, ""},
                        now);
    });
    filter.werkplaats_id = werkplaats_;
    filter.theme_id = theme_id;
    EXPECT_EQ(queries.actions(filter, {1, 10}).total, 3u);
    filter.theme_id = theme_id + 1;
    EXPECT_EQ(queries.actions(filter, {1, 10}).total, 0u);
    filter = {};
    // Only the cafés the public may see: a draft's actions stay inside.
    store_->write_and_wait([&](app::Transaction& tx) {
        tx.update_event_status(event_id, domain::EventStatus::draft, now);
    });
    filter.werkplaats_id = werkplaats_;
    filter.public_only = true;
    EXPECT_EQ(queries.actions(filter, {1, 10}).total, 0u);
}

app::OutgoingMail mail_to(std::int64_t werkplaats_id, const std::string& email,
                          const std::string& key,
                          std::optional<std::int64_t> registration_id = std::nullopt) {
    app::OutgoingMail mail;
    mail.werkplaats_id = werkplaats_id;
    mail.kind = app::MailKind::registration;
    mail.recipient_email = email;
    mail.recipient_name = "Anna de Vries";
    mail.subject = "Je bent aangemeld: Jongeren en schulden";
    mail.text = "Beste Anna,\n";
    mail.html = "<p>Beste Anna,</p>";
    mail.attachments = {{"kenniscafe.ics", "text/calendar; method=PUBLISH", "BEGIN:VCALENDAR\r\n"}};
    mail.idempotency_key = key;
    mail.registration_id = registration_id;
    return mail;
}

TEST_P(StorageTest, AMailIsQueuedOnceWithItsAttachmentsAndPagedPerWerkplaatsAndState) {
    std::int64_t other = 0;
    std::vector<app::QueueResult> results;
    store_->write_and_wait([&](app::Transaction& tx) {
        other = tx.insert_werkplaats("ander", "Andere Werkplaats");
        results.push_back(
            app::queue_mail(tx, mail_to(werkplaats_, " Anna@Voorbeeld.NL ", "a:1"), now));
        // A job that runs twice queues nothing twice.
        results.push_back(
            app::queue_mail(tx, mail_to(werkplaats_, "anna@voorbeeld.nl", "a:1"), now));
        results.push_back(app::queue_mail(tx, mail_to(werkplaats_, "geen adres", "a:2"), now));
        results.push_back(
            app::queue_mail(tx, mail_to(werkplaats_, "bob@voorbeeld.nl", "a:3"), now));
        results.push_back(app::queue_mail(tx, mail_to(other, "cor@voorbeeld.nl", "a:4"), now));
    });
    EXPECT_EQ(results, (std::vector<app::QueueResult>{
                           app::QueueResult::queued, app::QueueResult::already_queued,
                           app::QueueResult::no_address, app::QueueResult::queued,
                           app::QueueResult::queued}));
    auto& queries = store_->read();
    const auto page = queries.outbox_page(werkplaats_, app::MailState::waiting, {1, 1});
    EXPECT_EQ(page.total, 2u);
    ASSERT_EQ(page.items.size(), 1u);
    EXPECT_EQ(page.items[0].mail.recipient_email, "bob@voorbeeld.nl") << "newest first";
    const auto first =
        queries.outbox_page(werkplaats_, app::MailState::waiting, {2, 1}).items.at(0);
    EXPECT_EQ(first.mail.recipient_email, "anna@voorbeeld.nl") << "normalised";
    EXPECT_EQ(first.mail.subject, "Je bent aangemeld: Jongeren en schulden");
    ASSERT_EQ(first.mail.attachments.size(), 1u);
    EXPECT_EQ(first.mail.attachments[0].content, "BEGIN:VCALENDAR\r\n");
    EXPECT_EQ(first.state, app::MailState::waiting);
    EXPECT_EQ(first.next_attempt_at, now);
    EXPECT_EQ(queries.mail_counts(werkplaats_).waiting, 2);
    EXPECT_EQ(queries.mail_counts(other).waiting, 1);
    EXPECT_EQ(queries.waiting_mails(now, 10).size(), 3u);
    EXPECT_EQ(queries.waiting_mails(now - 1, 10).size(), 0u);
}

TEST_P(StorageTest, DeliveryRetriesWithBackoffGivesUpAndAnOrganiserCanTryAgain) {
    std::int64_t id = 0;
    store_->write_and_wait([&](app::Transaction& tx) {
        id = *tx.insert_mail(mail_to(werkplaats_, "anna@voorbeeld.nl", "b:1"), now);
    });
    const app::DeliveryReport refused{app::DeliveryResult::temporary_failure,
                                      "Couldn't connect to server"};
    store_->write_and_wait([&](app::Transaction& tx) {
        app::record_delivery(tx, id, refused, app::AttemptKind::scheduled, now);
    });
    auto mail = *store_->read().outbox_mail(id);
    EXPECT_EQ(mail.attempts, 1);
    EXPECT_EQ(mail.next_attempt_at, now + 60);
    EXPECT_EQ(mail.last_error, "Couldn't connect to server");
    // An early attempt (is the server back?) does not count towards giving up.
    store_->write_and_wait([&](app::Transaction& tx) {
        app::record_delivery(tx, id, refused, app::AttemptKind::early, now + 10);
    });
    EXPECT_EQ(store_->read().outbox_mail(id)->attempts, 1);
    EXPECT_EQ(app::retry_delay(2), 120);
    EXPECT_EQ(app::retry_delay(7), 3600);
    EXPECT_EQ(app::retry_delay(30), 3600);
    store_->write_and_wait([&](app::Transaction& tx) {
        for (int i = 1; i < app::max_delivery_attempts; ++i) {
            app::record_delivery(tx, id, refused, app::AttemptKind::scheduled, now + i);
        }
    });
    mail = *store_->read().outbox_mail(id);
    EXPECT_EQ(mail.state, app::MailState::failed);
    EXPECT_EQ(mail.attempts, app::max_delivery_attempts);
    EXPECT_TRUE(mail.finished_at);
    app::RetryResult other = app::RetryResult::retried, retried = app::RetryResult::not_found,
                     again = app::RetryResult::retried;
    store_->write_and_wait([&](app::Transaction& tx) {
        other = app::retry_mail(tx, werkplaats_ + 1, id, now + 100);
        retried = app::retry_mail(tx, werkplaats_, id, now + 100);
        again = app::retry_mail(tx, werkplaats_, id, now + 100);
    });
    EXPECT_EQ(other, app::RetryResult::not_found) << "another Werkplaats's mail";
    EXPECT_EQ(retried, app::RetryResult::retried);
    EXPECT_EQ(again, app::RetryResult::not_failed);
    mail = *store_->read().outbox_mail(id);
    EXPECT_EQ(mail.state, app::MailState::waiting);
    EXPECT_EQ(mail.attempts, 0);
    EXPECT_EQ(mail.next_attempt_at, now + 100);
    // A 5xx refusal of the recipient fails at once; success clears the error.
    store_->write_and_wait([&](app::Transaction& tx) {
        app::record_delivery(tx, id, {app::DeliveryResult::permanent_failure, "550 no such user"},
                             app::AttemptKind::scheduled, now + 200);
    });
    EXPECT_EQ(store_->read().outbox_mail(id)->state, app::MailState::failed);
    store_->write_and_wait([&](app::Transaction& tx) {
        app::retry_mail(tx, werkplaats_, id, now + 300);
        app::record_delivery(tx, id, {app::DeliveryResult::sent, ""}, app::AttemptKind::scheduled,
                             now + 300);
    });
    mail = *store_->read().outbox_mail(id);
    EXPECT_EQ(mail.state, app::MailState::sent);
    EXPECT_EQ(mail.sent_at, now + 300);
    EXPECT_EQ(mail.last_error, "");
}

TEST_P(StorageTest, TheCourierStopsAtADeadServerAndSendsEverythingOnceItIsBack) {
    store_->write_and_wait([&](app::Transaction& tx) {
        for (int i = 0; i < 3; ++i) {
            app::queue_mail(tx,
                            mail_to(werkplaats_, "p" + std::to_string(i) + "@voorbeeld.nl",
                                    "c:" + std::to_string(i)),
                            now);
        }
    });
    bool server_up = false;
    int calls = 0;
    app::MailCourier courier(*store_, [&](const app::OutboxMail&) {
        ++calls;
        return server_up ? app::DeliveryReport{app::DeliveryResult::sent, ""}
                         : app::DeliveryReport{app::DeliveryResult::temporary_failure, "down"};
    });
    auto report = courier.run(now);
    EXPECT_EQ(calls, 1) << "the first failure stops the run";
    EXPECT_EQ(report.failed, 1);
    // Later, the others are due but the first waits a minute; the server is still down.
    report = courier.run(now + 30);
    EXPECT_EQ(calls, 2);
    // Everything is put off now; within a minute of the server coming back, all goes out.
    store_->write_and_wait([&](app::Transaction& tx) {
        for (auto mail : tx.waiting_mails(std::nullopt, 10)) {
            mail.next_attempt_at = now + 3600;
            tx.update_mail_delivery(mail);
        }
    });
    server_up = true;
    report = courier.run(now + 100);
    EXPECT_EQ(report.sent, 3);
    EXPECT_EQ(store_->read().mail_counts(werkplaats_).sent, 3);
    EXPECT_EQ(store_->read().mail_counts(werkplaats_).waiting, 0);
}

TEST_P(StorageTest, AMailJobClaimsEachPeriodOnceAndNeverAnEarlierOne) {
    const auto claim = [&](const std::string& job, const std::string& period) {
        bool claimed = false;
        store_->write_and_wait(
            [&](app::Transaction& tx) { claimed = tx.claim_mail_period(job, period); });
        return claimed;
    };
    EXPECT_TRUE(claim("action-digest", "2026-11-30"));
    EXPECT_FALSE(claim("action-digest", "2026-11-30")) << "the same week twice";
    EXPECT_TRUE(claim("another-job", "2026-11-30")) << "jobs are counted apart";
    EXPECT_TRUE(claim("action-digest", "2026-12-07"));
    EXPECT_FALSE(claim("action-digest", "2026-11-30")) << "a clock that jumps back";
}

TEST_P(StorageTest, ErasureAndThePurgeTakeAPersonsMailsWithThem) {
    const auto event_id = published_event(10);
    const auto anna = register_person(event_id, "Anna", "anna@voorbeeld.nl");
    const auto bob = register_person(event_id, "Bob", "bob@voorbeeld.nl");
    store_->write_and_wait([&](app::Transaction& tx) {
        app::queue_mail(tx, mail_to(werkplaats_, "anna@voorbeeld.nl", "d:1", anna.registration->id),
                        now);
        app::queue_mail(tx, mail_to(werkplaats_, "anna@voorbeeld.nl", "d:2"), now);
        app::queue_mail(tx, mail_to(werkplaats_, "bob@voorbeeld.nl", "d:3", bob.registration->id),
                        now);
        const auto sent = *tx.insert_mail(mail_to(werkplaats_, "cor@voorbeeld.nl", "d:4"), now);
        app::record_delivery(tx, sent, {app::DeliveryResult::sent, ""}, app::AttemptKind::scheduled,
                             now);
    });
    store_->write_and_wait([&](app::Transaction& tx) {
        app::erase_by_token(tx, anna.registration->cancel_token, app::Reach::this_registration,
                            now);
    });
    auto& queries = store_->read();
    EXPECT_EQ(queries.mail_counts(werkplaats_).waiting, 1) << "only Bob's mail waits";
    // Sent mail goes after its retention; waiting mail stays until it is sent.
    app::PurgeReport report;
    store_->write_and_wait([&](app::Transaction& tx) {
        report = app::purge_expired(tx, now + app::mail_retention_seconds - 1, werkplaats_);
    });
    EXPECT_EQ(report.mails, 0);
    store_->write_and_wait([&](app::Transaction& tx) {
        report = app::purge_expired(tx, now + app::mail_retention_seconds + 1, werkplaats_);
    });
    EXPECT_EQ(report.mails, 1);
    EXPECT_EQ(queries.mail_counts(werkplaats_).sent, 0);
}

// Migration 19 rebuilds the answer log without its unique index; a database that held live
// answers before keeps every one of them, in order, and the log still has its index by question.
TEST(SqliteMigrations, TheAnswerLogKeepsEveryAnswerWhenItLosesItsUniqueIndex) {
    const testing::TempDir dir;
    storage::sqlite::Connection connection(dir.file("before.db"),
                                           storage::sqlite::Connection::Mode::read_write);
    // Only the log matters here, so the rows it refers to are left out.
    connection.execute("PRAGMA foreign_keys = OFF");
    ASSERT_EQ(storage::sqlite::migrate(connection, 18), 18);
    const auto insert = [&connection](int id, int participant, const char* client_id) {
        connection
            .prepare(
                "INSERT INTO live_answers (id, question_id, participant_id, group_id, client_id, "
                "options, number, words, text, upvote, elapsed_ms, received_at) "
                "VALUES (?, 7, ?, 3, ?, '1,2', 4, 'armoede', 'tekst', 1, 1500, 1700000000)")
            ->bind(1, id)
            .bind(2, participant)
            .bind(3, client_id)
            .run();
    };
    insert(5, 1, "a1");
    insert(6, 2, "a1");
    insert(9, 1, "a2");
    // Before migration 19 the log itself refused an answer id a phone had used already.
    EXPECT_ANY_THROW(insert(10, 1, "a1"));

    EXPECT_GE(storage::sqlite::migrate(connection), 19);
    std::vector<std::string> rows;
    auto stored = connection.prepare(
        "SELECT id || ' ' || question_id || ' ' || participant_id || ' ' || group_id || ' ' || "
        "client_id || ' ' || options || ' ' || number || ' ' || words || ' ' || text || ' ' || "
        "upvote || ' ' || elapsed_ms || ' ' || received_at FROM live_answers ORDER BY id");
    while (stored->step()) rows.push_back(stored->text(0));
    EXPECT_EQ(rows, (std::vector<std::string>{"5 7 1 3 a1 1,2 4 armoede tekst 1 1500 1700000000",
                                              "6 7 2 3 a1 1,2 4 armoede tekst 1 1500 1700000000",
                                              "9 7 1 3 a2 1,2 4 armoede tekst 1 1500 1700000000"}));
    auto plan = connection.prepare(
        "EXPLAIN QUERY PLAN SELECT id FROM live_answers WHERE question_id = 7 ORDER BY id");
    ASSERT_TRUE(plan->step());
    EXPECT_NE(plan->text(3).find("live_answers_by_question"), std::string::npos) << plan->text(3);
    // The room refuses a resent answer now; the log itself takes what the engine gives it.
    EXPECT_NO_THROW(insert(10, 1, "a1"));
}

INSTANTIATE_TEST_SUITE_P(Backends, StorageTest, ::testing::ValuesIn(backends()),
                         [](const auto& instance) { return instance.param.name; });

}  // namespace
}  // namespace kc
