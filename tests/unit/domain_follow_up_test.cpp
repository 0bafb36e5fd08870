#include <gtest/gtest.h>

#include "domain/action.hpp"
#include "domain/event.hpp"
#include "domain/harvest.hpp"
#include "domain/world_cafe.hpp"
#include "field_error_checks.hpp"

namespace kc::domain {
namespace {

using test_support::has_error;

Event cafe_event() {
    Event event;
    event.id = 7;
    event.details.title = "Jongeren en schulden";
    event.details.programme = {{"16:00", "Welkom", WorkForm::talk},
                               {"16:30", "Wereldcafé", WorkForm::world_cafe}};
    return event;
}

WorldCafe two_tables() {
    WorldCafe cafe;
    cafe.event_id = 7;
    cafe.round_questions = {"Wat werkt?", "Wat mist?"};
    cafe.tables = {{1, "Oranje", 6, std::nullopt, {}}, {2, "Blauw", 6, std::nullopt, {}}};
    return cafe;
}

HarvestItem item(std::string text, HarvestOrigin origin = {}) {
    HarvestItem result;
    result.event_id = 7;
    result.text = std::move(text);
    result.origin = std::move(origin);
    return result;
}

TEST(HarvestKinds, HaveStableSlugsAndOnlyQuotesStayInside) {
    EXPECT_EQ(all_harvest_kinds().size(), 5u);
    for (const auto kind : all_harvest_kinds()) {
        EXPECT_EQ(harvest_kind_from_slug(to_slug(kind)), kind);
        EXPECT_EQ(is_public(kind), kind != HarvestKind::quote);
    }
    EXPECT_EQ(to_slug(HarvestKind::solution_direction), "solution_direction");
    EXPECT_FALSE(harvest_kind_from_slug("Quote"));
    EXPECT_FALSE(harvest_kind_from_slug(""));
}

TEST(HarvestValidation, AcceptsTheWholeCafeATableInARoundOrAProgrammeItem) {
    const auto event = cafe_event();
    const auto cafe = two_tables();
    EXPECT_TRUE(validate(item("Schaamte houdt jongeren stil"), event, &cafe).empty());
    EXPECT_TRUE(validate(item("Vraag eerder hulp", {"Blauw", 2, ""}), event, &cafe).empty());
    EXPECT_TRUE(
        validate(item("Een wijkteam per school", {"", 0, "Welkom"}), event, nullptr).empty());
    EXPECT_TRUE(item("x").origin.is_whole_cafe());
}

TEST(HarvestValidation, RefusesAnEmptyOrOverlongText) {
    const auto event = cafe_event();
    EXPECT_TRUE(has_error(validate(item("  "), event, nullptr), "text", "error.required"));
    EXPECT_TRUE(has_error(validate(item(std::string(HarvestLimits::text + 1, 'a')), event, nullptr),
                          "text", "error.too_long"));
    EXPECT_TRUE(validate(item(std::string(HarvestLimits::text, 'a')), event, nullptr).empty());
    EXPECT_TRUE(has_error(validate(item("a\x01"), event, nullptr), "text", "error.invalid_text"));
}

TEST(HarvestValidation, RefusesAnOriginTheCafeDoesNotHave) {
    const auto event = cafe_event();
    const auto cafe = two_tables();
    EXPECT_TRUE(has_error(validate(item("x", {"Groen", 1, ""}), event, &cafe), "table",
                          "follow_up.error.unknown_table"));
    EXPECT_TRUE(has_error(validate(item("x", {"Oranje", 3, ""}), event, &cafe), "round",
                          "follow_up.error.round_range"));
    EXPECT_TRUE(has_error(validate(item("x", {"Oranje", 0, ""}), event, &cafe), "round",
                          "follow_up.error.round_range"));
    EXPECT_TRUE(has_error(validate(item("x", {"", 1, ""}), event, &cafe), "table",
                          "follow_up.error.round_needs_table"));
    EXPECT_TRUE(has_error(validate(item("x", {"Oranje", 1, ""}), event, nullptr), "table",
                          "follow_up.error.unknown_table"));
    EXPECT_TRUE(has_error(validate(item("x", {"Oranje", 1, "Welkom"}), event, &cafe),
                          "programme_item", "follow_up.error.table_or_programme"));
    EXPECT_TRUE(has_error(validate(item("x", {"", 0, "Pauze"}), event, &cafe), "programme_item",
                          "error.choose_option"));
}

TEST(HarvestValidation, ALinkNameIsOptionalButBounded) {
    EXPECT_TRUE(validate_link_name("").empty());
    EXPECT_TRUE(validate_link_name("Tafel Oranje, Sanne").empty());
    EXPECT_TRUE(has_error(validate_link_name(std::string(HarvestLimits::link_name + 1, 'x')),
                          "name", "error.too_long"));
}

ActionDraft draft() {
    return {"Folder over schulden in eenvoudige taal", "Gemeente Rotterdam", "", "2019-03-01"};
}

TEST(ActionStatuses, HaveStableSlugsAndTwoOfThemFinish) {
    for (const auto status : all_action_statuses()) {
        EXPECT_EQ(action_status_from_slug(to_slug(status)), status);
    }
    EXPECT_EQ(to_slug(ActionStatus::in_progress), "in_progress");
    EXPECT_FALSE(action_status_from_slug("closed"));
    EXPECT_TRUE(is_finished(ActionStatus::done));
    EXPECT_TRUE(is_finished(ActionStatus::dropped));
    EXPECT_FALSE(is_finished(ActionStatus::in_progress));
}

TEST(ActionValidation, NeedsADescriptionAnOwnerAndARealDueDay) {
    EXPECT_TRUE(validate(draft()).empty());
    auto bad = draft();
    bad.description = "";
    bad.owner = std::string(ActionLimits::owner + 1, 'o');
    bad.due_on = "2019-02-30";
    const auto errors = validate(bad);
    EXPECT_TRUE(has_error(errors, "description", "error.required"));
    EXPECT_TRUE(has_error(errors, "owner", "error.too_long"));
    EXPECT_TRUE(has_error(errors, "due_on", "error.invalid_date"));
    bad = draft();
    bad.due_on = "";
    EXPECT_TRUE(has_error(validate(bad), "due_on", "error.required"));
    bad.due_on = "1-3-2019";
    EXPECT_TRUE(has_error(validate(bad), "due_on", "error.invalid_date"));
}

TEST(ActionDays, AreParsedStrictlyAndTodayIsAmsterdamsDay) {
    EXPECT_EQ(parse_day("2024-02-29"), "2024-02-29");
    EXPECT_FALSE(parse_day("2023-02-29"));
    EXPECT_FALSE(parse_day("2023-13-01"));
    EXPECT_FALSE(parse_day("2023-1-01x"));
    EXPECT_FALSE(parse_day("0999-01-01"));
    EXPECT_FALSE(parse_day("2023-01-01T10:00"));
    // 23:30 UTC on 31 December is already 1 January in Amsterdam.
    EXPECT_EQ(day_of(*time::parse_iso8601("2018-12-31T23:30:00Z")), "2019-01-01");
}

TEST(ActionOverdue, MeansDueBeforeTodayAndNotFinished) {
    Action action;
    action.draft = draft();
    EXPECT_FALSE(is_overdue(action, "2019-03-01"));
    EXPECT_TRUE(is_overdue(action, "2019-03-02"));
    action.status = ActionStatus::in_progress;
    EXPECT_TRUE(is_overdue(action, "2020-01-01"));
    action.status = ActionStatus::done;
    EXPECT_FALSE(is_overdue(action, "2020-01-01"));
    action.status = ActionStatus::dropped;
    EXPECT_FALSE(is_overdue(action, "2020-01-01"));
}

TEST(ActionTransitions, MoveForwardFreelyAndExplainDroppingAndReopening) {
    using enum ActionStatus;
    EXPECT_EQ(check_transition(open, in_progress, ""), TransitionCheck::allowed);
    EXPECT_EQ(check_transition(open, done, ""), TransitionCheck::allowed);
    EXPECT_EQ(check_transition(in_progress, done, ""), TransitionCheck::allowed);
    EXPECT_EQ(check_transition(open, dropped, ""), TransitionCheck::needs_update);
    EXPECT_EQ(check_transition(open, dropped, "Geen budget"), TransitionCheck::allowed);
    EXPECT_EQ(check_transition(in_progress, in_progress, " "), TransitionCheck::needs_update);
    EXPECT_EQ(check_transition(in_progress, in_progress, "Eerste gesprek gevoerd"),
              TransitionCheck::allowed);
    EXPECT_EQ(check_transition(in_progress, open, "terug"), TransitionCheck::not_allowed);
    EXPECT_EQ(check_transition(done, dropped, "toch niet"), TransitionCheck::not_allowed);
    EXPECT_EQ(check_transition(dropped, done, "toch wel"), TransitionCheck::not_allowed);
}

TEST(ActionTransitions, AReopenedActionNeedsAReason) {
    using enum ActionStatus;
    EXPECT_TRUE(is_reopening(done, open));
    EXPECT_TRUE(is_reopening(dropped, in_progress));
    EXPECT_FALSE(is_reopening(open, in_progress));
    EXPECT_FALSE(is_reopening(done, done));
    EXPECT_EQ(check_transition(done, open, ""), TransitionCheck::needs_update);
    EXPECT_EQ(check_transition(done, in_progress, "De folder moet opnieuw"),
              TransitionCheck::allowed);
    EXPECT_TRUE(has_error(validate_change(done, open, ""), "update",
                          "follow_up.error.action_update_needed"));
    EXPECT_TRUE(has_error(validate_change(done, dropped, "x"), "status",
                          "follow_up.error.action_transition"));
    EXPECT_TRUE(has_error(validate_change(open, done, std::string(ActionLimits::update + 1, 'u')),
                          "update", "error.too_long"));
    EXPECT_TRUE(validate_change(open, done, "Klaar").empty());
}

}  // namespace
}  // namespace kc::domain
