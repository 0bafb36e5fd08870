// Retention dates, erasure that keeps the statistics, and small numbers: pure rules.
#include <gtest/gtest.h>

#include "domain/anonymisation.hpp"
#include "domain/retention.hpp"
#include "domain/small_numbers.hpp"

namespace kc::domain {
namespace {

time::Timestamp amsterdam(int year, int month, int day, int hour = 16, int minute = 0) {
    return time::from_amsterdam({year, month, day, hour, minute, 0});
}

TEST(Retention, AddsCalendarMonthsInAmsterdamTime) {
    EXPECT_EQ(add_months(amsterdam(2018, 10, 18), 12), amsterdam(2019, 10, 18));
    // Across the change to winter time the wall-clock time stays.
    EXPECT_EQ(add_months(amsterdam(2018, 8, 1), 3), amsterdam(2018, 11, 1));
    EXPECT_EQ(add_months(amsterdam(2019, 3, 31), 1), amsterdam(2019, 4, 30));
    EXPECT_EQ(add_months(amsterdam(2020, 1, 31), 1), amsterdam(2020, 2, 29));
    EXPECT_EQ(add_months(amsterdam(2020, 2, 29), -12), amsterdam(2019, 2, 28));
    EXPECT_EQ(add_months(amsterdam(2019, 1, 15), -1), amsterdam(2018, 12, 15));
}

TEST(Retention, AnEventIsDueTwelveMonthsAfterItEndedByDefault) {
    const RetentionPolicy policy;
    const auto ended = amsterdam(2018, 10, 18, 18);
    EXPECT_EQ(erasure_due_at(ended, policy), amsterdam(2019, 10, 18, 18));
    EXPECT_FALSE(is_erasure_due(ended, policy, amsterdam(2019, 10, 18, 17, 59)));
    EXPECT_TRUE(is_erasure_due(ended, policy, amsterdam(2019, 10, 18, 18)));
    EXPECT_TRUE(is_erasure_due(ended, {3, 24}, amsterdam(2019, 1, 18, 18)));
    EXPECT_EQ(audit_erasure_cutoff(amsterdam(2020, 5, 1), policy), amsterdam(2018, 5, 1));
}

AttendanceFact fact(std::int64_t registration, std::int64_t event, time::Timestamp starts,
                    std::int64_t group, std::string key,
                    Attendance attendance = Attendance::checked_in,
                    RegistrationStatus status = RegistrationStatus::registered) {
    AttendanceFact f{event, starts, group, status, attendance, false, std::move(key)};
    f.registration_id = registration;
    return f;
}

// The history after carrying out a plan, as the storage would read it back.
std::vector<AttendanceFact> after(const std::vector<AttendanceFact>& history,
                                  const std::set<std::int64_t>& erase, const ErasurePlan& plan) {
    std::vector<AttendanceFact> result;
    for (auto f : history) {
        if (erase.count(f.registration_id)) continue;
        for (const auto id : plan.mark_seen_before) {
            if (id == f.registration_id) f.seen_before = true;
        }
        result.push_back(f);
    }
    for (const auto& count : plan.counts) append_anonymous_facts(result, count);
    return result;
}

void expect_same_counts(const GroupCounts& a, const GroupCounts& b) {
    EXPECT_EQ(a.registered, b.registered);
    EXPECT_EQ(a.waitlisted, b.waitlisted);
    EXPECT_EQ(a.checked_in, b.checked_in);
    EXPECT_EQ(a.walk_in, b.walk_in);
    EXPECT_EQ(a.no_show, b.no_show);
    EXPECT_EQ(a.new_visitors, b.new_visitors);
    EXPECT_EQ(a.returning_visitors, b.returning_visitors);
}

std::vector<AttendanceFact> of_event(const std::vector<AttendanceFact>& facts, std::int64_t id) {
    std::vector<AttendanceFact> result;
    for (const auto& f : facts) {
        if (f.event_id == id) result.push_back(f);
    }
    return result;
}

TEST(Anonymisation, ErasingTheFirstEventKeepsEveryEventsNewAndReturning) {
    const std::vector<AttendanceFact> history = {
        fact(1, 10, 100, 7, "e:anouk"),
        fact(2, 10, 100, 8, "e:bram"),
        fact(3, 10, 100, 8, "e:cor", Attendance::no_show),
        fact(4, 10, 100, 7, "e:dirk", Attendance::unknown, RegistrationStatus::cancelled),
        fact(5, 20, 200, 7, "e:anouk"),
        fact(6, 20, 200, 8, "e:cor"),
        fact(7, 30, 300, 8, "e:bram", Attendance::unknown)};
    const std::set<std::int64_t> erase = {1, 2, 3, 4};
    const auto plan = plan_erasure(history, erase);
    // Anouk's second visit stays returning; Bram's upcoming registration will be returning
    // when he comes; Cor was a no-show at the erased event, so he is new at the second.
    EXPECT_EQ(plan.mark_seen_before, (std::vector<std::int64_t>{5, 7}));
    const auto later = after(history, erase, plan);
    for (const std::int64_t event : {10, 20, 30}) {
        const auto before = summarize_attendance(of_event(history, event), history);
        const auto now = summarize_attendance(of_event(later, event), later);
        ASSERT_EQ(before.by_group.size(), now.by_group.size()) << event;
        for (const auto& [group, counts] : before.by_group) {
            expect_same_counts(counts, now.by_group.at(group));
        }
        expect_same_counts(before.total, now.total);
    }
    expect_same_counts(summarize_attendance(history, history).total,
                       summarize_attendance(later, later).total);
}

TEST(Anonymisation, ReturningVisitorsOfErasedEventsStayReturningWhenErasedAgain) {
    const std::vector<AttendanceFact> history = {fact(1, 10, 100, 7, "e:anouk"),
                                                 fact(2, 20, 200, 7, "e:anouk"),
                                                 fact(3, 30, 300, 7, "e:anouk")};
    auto plan = plan_erasure(history, {1});
    auto later = after(history, {1}, plan);
    plan = plan_erasure(later, {2});
    later = after(later, {2}, plan);
    const auto summary = summarize_attendance(later, later);
    EXPECT_EQ(summary.total.new_visitors, 1);
    EXPECT_EQ(summary.total.returning_visitors, 2);
    ASSERT_EQ(plan.counts.size(), 1u);
    EXPECT_TRUE(plan.counts[0].fact.seen_before);
}

TEST(Anonymisation, CountsHoldNoKeysAndMergePeopleOfOneKind) {
    const std::vector<AttendanceFact> history = {
        fact(1, 10, 100, 7, "e:a"), fact(2, 10, 100, 7, "e:b"), fact(3, 10, 100, 8, "n:c")};
    const auto plan = plan_erasure(history, {1, 2, 3});
    ASSERT_EQ(plan.counts.size(), 2u);
    EXPECT_EQ(plan.counts[0].people, 2);
    EXPECT_EQ(plan.counts[1].people, 1);
    std::vector<AttendanceFact> facts;
    append_anonymous_facts(facts, plan.counts[0]);
    ASSERT_EQ(facts.size(), 2u);
    EXPECT_TRUE(facts[0].visitor_key.empty());
    EXPECT_EQ(facts[0].registration_id, 0);
}

TEST(SmallNumbers, HidesCountsBelowTheThresholdButNotZero) {
    const SmallNumberPolicy policy;
    EXPECT_EQ(shown_count(0, policy), (ShownCount{ShownCount::Kind::exact, 0}));
    EXPECT_EQ(shown_count(1, policy), (ShownCount{ShownCount::Kind::fewer_than, 5}));
    EXPECT_EQ(shown_count(4, policy), (ShownCount{ShownCount::Kind::fewer_than, 5}));
    EXPECT_EQ(shown_count(5, policy), (ShownCount{ShownCount::Kind::exact, 5}));
    EXPECT_EQ(shown_count(2, {1}), (ShownCount{ShownCount::Kind::exact, 2}));
    EXPECT_EQ(shown_count(9, {10}), (ShownCount{ShownCount::Kind::fewer_than, 10}));
}

TEST(SmallNumbers, WithholdsASecondGroupSoTheTotalGivesNothingAway) {
    const auto shown = shown_counts({3, 0, 12, 8}, SmallNumberPolicy{});
    EXPECT_EQ(shown.groups[0].kind, ShownCount::Kind::fewer_than);
    EXPECT_EQ(shown.groups[1], (ShownCount{ShownCount::Kind::exact, 0}));
    EXPECT_EQ(shown.groups[2], (ShownCount{ShownCount::Kind::exact, 12}));
    EXPECT_EQ(shown.groups[3].kind, ShownCount::Kind::withheld);
    EXPECT_EQ(shown.total, (ShownCount{ShownCount::Kind::exact, 23}));

    // Two hidden groups already hide each other; a small total is hidden itself.
    const auto two = shown_counts({3, 2, 12}, SmallNumberPolicy{});
    EXPECT_EQ(two.groups[2], (ShownCount{ShownCount::Kind::exact, 12}));
    const auto small = shown_counts({3, 0}, SmallNumberPolicy{});
    EXPECT_EQ(small.total.kind, ShownCount::Kind::fewer_than);
}

}  // namespace
}  // namespace kc::domain
