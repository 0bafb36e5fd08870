#include <gtest/gtest.h>

#include "core/text.hpp"
#include "domain/theme.hpp"
#include "field_error_checks.hpp"

namespace kc::domain {
namespace {

Theme proposal(std::string title) {
    Theme theme;
    theme.title = std::move(title);
    theme.place = "IJsselmonde";
    return theme;
}

using test_support::has_error;

TEST(ThemeValidation, AcceptsAProposalWithATitleOnly) {
    EXPECT_TRUE(validate(proposal("Jongeren met schulden")).empty());
}

TEST(ThemeValidation, RefusesAnEmptyOrOverlongTitleAndBrokenText) {
    EXPECT_TRUE(has_error(validate(proposal("  ")), "title", "error.required"));
    EXPECT_TRUE(has_error(validate(proposal(std::string(ThemeLimits::title + 1, 'a'))), "title",
                          "error.too_long"));
    auto broken = proposal("Schulden");
    broken.place = "\xff\xfe";
    EXPECT_TRUE(has_error(validate(broken), "place", "error.invalid_text"));
}

TEST(ThemeValidation, ADeclinedThemeNeedsItsReasonAndAScheduledOneItsCafe) {
    auto declined = proposal("Eenzaamheid");
    declined.status = ThemeStatus::declined;
    EXPECT_TRUE(has_error(validate(declined), "decline_reason", "error.required"));
    declined.decline_reason = "Dit thema kwam in mei al aan bod.";
    EXPECT_TRUE(validate(declined).empty());

    auto scheduled = proposal("Eenzaamheid");
    scheduled.status = ThemeStatus::scheduled;
    EXPECT_TRUE(has_error(validate(scheduled), "event_id", "theme.error.event_required"));
    scheduled.event_id = 7;
    EXPECT_TRUE(validate(scheduled).empty());
}

TEST(ThemeStatusSlugs, RoundTripAndRefuseUnknownNames) {
    for (const auto status : all_theme_statuses()) {
        EXPECT_EQ(theme_status_from_slug(to_slug(status)), status);
    }
    EXPECT_EQ(all_theme_statuses().size(), 4U);
    EXPECT_FALSE(theme_status_from_slug("Proposed").has_value());
    EXPECT_EQ(theme_source_from_slug("evaluation"), ThemeSource::evaluation);
}

TEST(ThemeMoves, EveryOtherStatusIsAMoveButTheSameIsNot) {
    EXPECT_TRUE(is_allowed_move(ThemeStatus::proposed, ThemeStatus::adopted));
    EXPECT_TRUE(is_allowed_move(ThemeStatus::declined, ThemeStatus::proposed));
    EXPECT_FALSE(is_allowed_move(ThemeStatus::adopted, ThemeStatus::adopted));
}

TEST(ThemeTitleFromText, TakesTheFirstLineTrimmed) {
    EXPECT_EQ(theme_title_from_text("  Schulden bij jongeren \nen verder nog iets"),
              "Schulden bij jongeren");
    EXPECT_EQ(theme_title_from_text(" \n "), "");
}

TEST(ThemeTitleFromText, CutsALongTextAtAWordWithinTheLimit) {
    std::string text;
    while (text.size() < 400) text += "armoede ";
    const auto title = theme_title_from_text(text);
    EXPECT_LE(text::code_point_count(title), ThemeLimits::title);
    EXPECT_GT(text::code_point_count(title), ThemeLimits::title - 10);
    EXPECT_EQ(title.substr(title.size() - 7), "armoede");
}

TEST(ThemeTitleFromText, CountsCodePointsNotBytes) {
    std::string text;
    for (int i = 0; i < 140; ++i) text += "é";
    EXPECT_EQ(theme_title_from_text(text), text);
}

}  // namespace
}  // namespace kc::domain
