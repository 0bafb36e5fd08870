#include <gtest/gtest.h>

#include "domain/attendance_statistics.hpp"
#include "domain/event.hpp"
#include "domain/registration.hpp"
#include "field_error_checks.hpp"

namespace kc::domain {
namespace {

EventDetails valid_event() {
    EventDetails details;
    details.title = "Voorkomen huisuitzettingen";
    details.location_name = "Hogeschool Inholland";
    details.starts_at = *time::parse_iso8601("2019-05-23T16:00");
    details.ends_at = *time::parse_iso8601("2019-05-23T18:00");
    details.capacity = 40;
    details.programme = {{"16:00", "Woordwolk", WorkForm::live_poll}};
    return details;
}

using test_support::has_error;

TEST(EventValidation, AcceptsACompleteEvent) { EXPECT_TRUE(validate(valid_event()).empty()); }

TEST(EventValidation, RefusesMissingAndOverlongFields) {
    auto details = valid_event();
    details.title = "   ";
    details.location_name = std::string(151, 'x');
    const auto errors = validate(details);
    EXPECT_TRUE(has_error(errors, "title", "error.required"));
    EXPECT_TRUE(has_error(errors, "location_name", "error.too_long"));
}

TEST(EventValidation, RefusesAnEndBeforeTheStart) {
    auto details = valid_event();
    details.ends_at = details.starts_at - 60;
    EXPECT_TRUE(has_error(validate(details), "ends_at", "error.ends_before_start"));
}

TEST(EventValidation, ChecksProgrammeTimes) {
    auto details = valid_event();
    details.programme.push_back({"25:00", "Te laat", WorkForm::talk});
    EXPECT_TRUE(has_error(validate(details), "programme[1].time", "error.invalid_time"));
}

TEST(EventSlugs, RoundTrip) {
    for (const auto type : all_event_types()) EXPECT_EQ(event_type_from_slug(to_slug(type)), type);
    for (const auto form : all_work_forms()) EXPECT_EQ(work_form_from_slug(to_slug(form)), form);
    EXPECT_FALSE(event_type_from_slug("feest"));
}

TEST(RegistrationValidation, NeedsANameAndAGroup) {
    RegistrationForm form;
    const auto errors = validate(form, false);
    EXPECT_TRUE(has_error(errors, "name", "error.required"));
    EXPECT_TRUE(has_error(errors, "group", "error.choose_group"));
}

TEST(RegistrationValidation, EmailIsOptionalButMustBeValid) {
    RegistrationForm form;
    form.name = "Anouk de Boer";
    EXPECT_TRUE(validate(form, true).empty());
    form.email = "anouk@";
    EXPECT_TRUE(has_error(validate(form, true), "email", "error.invalid_email"));
}

TEST(RegistrationValidation, RefusesOverlongNamesInsteadOfCuttingThem) {
    RegistrationForm form;
    form.name = std::string(101, 'a');
    EXPECT_TRUE(has_error(validate(form, true), "name", "error.too_long"));
}

TEST(WaitingList, FullEventsPutNewcomersOnTheList) {
    EXPECT_EQ(place_for_new_registration(29, 30), RegistrationStatus::registered);
    EXPECT_EQ(place_for_new_registration(30, 30), RegistrationStatus::waitlisted);
    EXPECT_EQ(place_for_new_registration(5000, 0), RegistrationStatus::registered);
}

TEST(WaitingList, PromotesOnlyAsManyAsThereAreFreePlaces) {
    EXPECT_EQ(promotions_available(29, 30, 5), 1);
    EXPECT_EQ(promotions_available(30, 30, 5), 0);
    EXPECT_EQ(promotions_available(10, 30, 3), 3);
    EXPECT_EQ(promotions_available(10, 0, 3), 3);
}

TEST(OpenForRegistration, OnlyPublishedEventsThatHaveNotStarted) {
    Event event;
    event.details = valid_event();
    event.status = EventStatus::published;
    EXPECT_TRUE(is_open_for_registration(event, event.details.starts_at - 1));
    EXPECT_FALSE(is_open_for_registration(event, event.details.starts_at));
    event.status = EventStatus::draft;
    EXPECT_FALSE(is_open_for_registration(event, event.details.starts_at - 1));
}

AttendanceFact present(std::int64_t event_id, time::Timestamp starts, std::int64_t group,
                       std::string who) {
    return {event_id, starts,        group, RegistrationStatus::registered, Attendance::checked_in,
            false,    std::move(who)};
}

TEST(AttendanceStatistics, CountsPerGroupAndTellsNewFromReturning) {
    const std::vector<AttendanceFact> first = {present(1, 100, 7, "e:a"),
                                               present(1, 100, 8, "e:b")};
    std::vector<AttendanceFact> second = {present(2, 200, 7, "e:a"), present(2, 200, 7, "e:c")};
    second.push_back(
        {2, 200, 8, RegistrationStatus::registered, Attendance::no_show, false, "e:d"});
    second.push_back(
        {2, 200, 8, RegistrationStatus::waitlisted, Attendance::unknown, false, "e:e"});
    second.push_back(
        {2, 200, 8, RegistrationStatus::registered, Attendance::checked_in, true, "n:walk"});
    std::vector<AttendanceFact> history = first;
    history.insert(history.end(), second.begin(), second.end());

    const auto summary = summarize_attendance(second, history);
    EXPECT_EQ(summary.by_group.at(7).checked_in, 2);
    EXPECT_EQ(summary.by_group.at(7).returning_visitors, 1);
    EXPECT_EQ(summary.by_group.at(7).new_visitors, 1);
    EXPECT_EQ(summary.by_group.at(8).no_show, 1);
    EXPECT_EQ(summary.by_group.at(8).waitlisted, 1);
    EXPECT_EQ(summary.by_group.at(8).walk_in, 1);
    EXPECT_EQ(summary.total.checked_in, 3);
    EXPECT_EQ(summary.total.registered, 4);

    // Over the whole period the first visit counts as new, the second as returning.
    const auto period = summarize_attendance(history, history);
    EXPECT_EQ(period.total.checked_in, 5);
    EXPECT_EQ(period.total.returning_visitors, 1);
}

TEST(AttendanceStatistics, VisitorKeyPrefersEmail) {
    EXPECT_EQ(visitor_key(std::string("a@b.nl"), "Anouk"), "e:a@b.nl");
    EXPECT_EQ(visitor_key(std::nullopt, "  Anouk "), "n:anouk");
}

}  // namespace
}  // namespace kc::domain
