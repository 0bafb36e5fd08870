#include <gtest/gtest.h>

#include "domain/evaluation.hpp"
#include "domain/experience.hpp"
#include "field_error_checks.hpp"

namespace kc::domain {
namespace {

using test_support::has_error;

std::vector<StakeholderGroup> groups() {
    return {{11, "gemeente", "Gemeente", 1, false},
            {12, "bewoner", "Bewoner", 2, true},
            {13, "student", "Student", 3, false}};
}

TEST(EvaluationValidation, NeedsOnlyARatingFromOneToFive) {
    EvaluationAnswer answer;
    answer.rating = 4;
    EXPECT_TRUE(validate(answer, true).empty());
    for (const int rating : {0, 6, -1}) {
        answer.rating = rating;
        EXPECT_TRUE(has_error(validate(answer, true), "rating", "evaluation.error_rating"))
            << rating;
    }
}

TEST(EvaluationValidation, RefusesOverlongTextsAndAnUnknownGroup) {
    EvaluationAnswer answer;
    answer.rating = 3;
    answer.takeaway = std::string(EvaluationLimits::takeaway + 1, 'a');
    answer.next_theme = std::string(EvaluationLimits::next_theme + 1, 'b');
    answer.remark = "geen \x01 tekst";
    answer.group_id = 99;
    const auto errors = validate(answer, false);
    EXPECT_TRUE(has_error(errors, "takeaway", "error.too_long"));
    EXPECT_TRUE(has_error(errors, "next_theme", "error.too_long"));
    EXPECT_TRUE(has_error(errors, "remark", "error.invalid_text"));
    EXPECT_TRUE(has_error(errors, "group", "error.choose_group"));
    // No group at all is fine: the form leaves it optional.
    answer = {};
    answer.rating = 3;
    EXPECT_TRUE(validate(answer, false).empty());
}

TEST(EvaluationValidation, ReadsComeAgainBySlug) {
    for (const auto answer :
         {ComeAgain::unanswered, ComeAgain::yes, ComeAgain::maybe, ComeAgain::no}) {
        EXPECT_EQ(come_again_from_slug(to_slug(answer)), answer);
    }
    EXPECT_FALSE(come_again_from_slug("misschien"));
}

TEST(EvaluationSummary, CountsAveragesAndSplitsComeAgain) {
    const std::vector<EvaluationTally> tallies = {{11, 5, ComeAgain::yes, 4},
                                                  {11, 4, ComeAgain::maybe, 2},
                                                  {12, 3, ComeAgain::no, 5},
                                                  {12, 1, ComeAgain::unanswered, 1},
                                                  {0, 2, ComeAgain::yes, 6}};
    const auto summary = summarise(tallies, groups(), SmallNumberPolicy{5});
    EXPECT_EQ(summary.count, 18);
    ASSERT_TRUE(summary.average_rating);
    EXPECT_NEAR(*summary.average_rating, (20.0 + 8 + 15 + 1 + 12) / 18, 1e-9);
    EXPECT_EQ(summary.ratings, (std::array<int, 5>{1, 6, 5, 2, 4}));
    EXPECT_EQ(summary.come_again_yes, 10);
    EXPECT_EQ(summary.come_again_maybe, 2);
    EXPECT_EQ(summary.come_again_no, 5);
    EXPECT_EQ(summary.come_again_unanswered, 1);
    // Students gave nothing and are left out; "no group" comes last.
    ASSERT_EQ(summary.groups.size(), 3u);
    EXPECT_EQ(summary.groups[0].name, "Gemeente");
    EXPECT_EQ(summary.groups[0].answers, (ShownCount{ShownCount::Kind::exact, 6}));
    EXPECT_NEAR(*summary.groups[0].average_rating, 28.0 / 6, 1e-9);
    EXPECT_EQ(summary.groups[1].name, "Bewoner");
    EXPECT_NEAR(*summary.groups[1].average_rating, 16.0 / 6, 1e-9);
    EXPECT_EQ(summary.groups[2].group_id, 0);
    EXPECT_TRUE(summary.groups[2].name.empty());
    EXPECT_EQ(summary.groups[2].answers.value, 6);
}

TEST(EvaluationSummary, HidesASmallGroupAndItsAverageAndKeepsItFromBeingWorkedOut) {
    const std::vector<EvaluationTally> tallies = {
        {11, 4, ComeAgain::yes, 7}, {12, 1, ComeAgain::no, 2}, {13, 5, ComeAgain::yes, 9}};
    const auto summary = summarise(tallies, groups(), SmallNumberPolicy{5});
    ASSERT_EQ(summary.groups.size(), 3u);
    const auto& residents = summary.groups[1];
    EXPECT_EQ(residents.answers, (ShownCount{ShownCount::Kind::fewer_than, 5}));
    EXPECT_FALSE(residents.average_rating);
    // With one group hidden, the smallest other one is withheld too, average and all.
    EXPECT_EQ(summary.groups[0].answers.kind, ShownCount::Kind::withheld);
    EXPECT_FALSE(summary.groups[0].average_rating);
    EXPECT_EQ(summary.groups[2].answers, (ShownCount{ShownCount::Kind::exact, 9}));
    // A threshold of 1 shows everything.
    const auto open = summarise(tallies, groups(), SmallNumberPolicy{1});
    EXPECT_EQ(open.groups[1].answers, (ShownCount{ShownCount::Kind::exact, 2}));
    EXPECT_NEAR(*open.groups[1].average_rating, 1.0, 1e-9);
}

TEST(EvaluationSummary, AnswersOfAGroupThatIsGoneCountAsWithoutGroup) {
    const auto summary = summarise({{77, 3, ComeAgain::yes, 5}}, groups(), SmallNumberPolicy{5});
    ASSERT_EQ(summary.groups.size(), 1u);
    EXPECT_EQ(summary.groups[0].group_id, 0);
    EXPECT_FALSE(summarise({}, groups(), SmallNumberPolicy{5}).average_rating);
}

TEST(Evaluation, OpensWhenAPublishedOrHeldCafeHasBegun) {
    Event event;
    event.details.starts_at = 1000;
    event.details.ends_at = 8200;
    event.status = EventStatus::published;
    EXPECT_FALSE(is_open_for_evaluation(event, 999));
    EXPECT_TRUE(is_open_for_evaluation(event, 1000));
    event.status = EventStatus::held;
    EXPECT_TRUE(is_open_for_evaluation(event, 100'000));
    for (const auto closed : {EventStatus::draft, EventStatus::cancelled}) {
        event.status = closed;
        EXPECT_FALSE(is_open_for_evaluation(event, 100'000));
    }
}

ExperienceForm named_form() {
    ExperienceForm form;
    form.quote = "  Ik hoorde voor het eerst wat de wijkteams echt doen.  ";
    form.attribution = Attribution::named;
    form.name = " Fatima ";
    form.role = "bewoner van Feijenoord";
    form.consent = true;
    return form;
}

TEST(ExperienceValidation, NeedsAQuoteAndConsentAndANameWhenNamed) {
    EXPECT_TRUE(validate(named_form()).empty());
    ExperienceForm form = named_form();
    form.consent = false;
    form.name = "";
    form.quote = "   ";
    const auto errors = validate(form);
    EXPECT_TRUE(has_error(errors, "consent", "experience.error_consent"));
    EXPECT_TRUE(has_error(errors, "name", "error.required"));
    EXPECT_TRUE(has_error(errors, "quote", "error.required"));
    // Anonymous needs no name, and a name typed anyway is not checked or kept.
    form = named_form();
    form.attribution = Attribution::anonymous;
    form.name = std::string(ExperienceLimits::name + 5, 'x');
    EXPECT_TRUE(validate(form).empty());
    form.quote = std::string(ExperienceLimits::quote + 1, 'q');
    EXPECT_TRUE(has_error(validate(form), "quote", "error.too_long"));
}

TEST(Experience, AnAnonymousOneKeepsNothingOfThePersonAndAWithdrawnOneKeepsOnlyTheConsentDates) {
    ExperienceForm form = named_form();
    const ExperienceConsent consent{"ervaring-2026-1", "evaluation_form", 1000, std::nullopt};
    const auto named = experience_from(form, 7, consent);
    EXPECT_EQ(named.quote, "Ik hoorde voor het eerst wat de wijkteams echt doen.");
    EXPECT_EQ(named.name, "Fatima");
    EXPECT_TRUE(is_public(named));
    EXPECT_EQ(signature(named), "Fatima, bewoner van Feijenoord");
    form.attribution = Attribution::anonymous;
    const auto anonymous = experience_from(form, 7, consent);
    EXPECT_TRUE(anonymous.name.empty());
    EXPECT_TRUE(anonymous.role.empty());
    EXPECT_EQ(signature(anonymous), "");

    Experience withdrawn = named;
    withdraw(withdrawn, 2000);
    EXPECT_FALSE(is_public(withdrawn));
    EXPECT_TRUE(withdrawn.quote.empty());
    EXPECT_TRUE(withdrawn.name.empty());
    EXPECT_TRUE(withdrawn.role.empty());
    EXPECT_EQ(withdrawn.consent.given_at, 1000);
    EXPECT_EQ(withdrawn.consent.withdrawn_at, 2000);
    EXPECT_EQ(withdrawn.consent.text_version, "ervaring-2026-1");

    Experience hidden = named;
    hidden.status = ExperienceStatus::hidden;
    EXPECT_FALSE(is_public(hidden));
}

}  // namespace
}  // namespace kc::domain
