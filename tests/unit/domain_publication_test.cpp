#include <gtest/gtest.h>

#include "domain/publication.hpp"
#include "field_error_checks.hpp"

namespace kc::domain {
namespace {

Publication valid_publication() {
    Publication publication;
    publication.title = "Handreiking vroegsignalering schulden";
    publication.kind = PublicationKind::guide;
    publication.authors = {"Fatima el Amrani", "Joost de Vries"};
    publication.published_on = {2019, 3, 7};
    publication.summary = "Wat wijkteams doen als de huur niet betaald wordt.";
    publication.body = "Een gids voor wijkteams.";
    return publication;
}

using test_support::has_error;

TEST(PublicationKinds, EveryKindHasASlugThatReadsBack) {
    for (const auto kind : all_publication_kinds) {
        EXPECT_EQ(publication_kind_from_slug(to_slug(kind)), kind);
    }
    EXPECT_EQ(to_slug(PublicationKind::research_article), "research_article");
    EXPECT_FALSE(publication_kind_from_slug("novel"));
    EXPECT_FALSE(publication_kind_from_slug(""));
}

TEST(CalendarDates, ParseOnlyRealDays) {
    EXPECT_EQ(parse_calendar_date("2019-03-07"), (CalendarDate{2019, 3, 7}));
    EXPECT_EQ(parse_calendar_date("2020-02-29"), (CalendarDate{2020, 2, 29}));
    EXPECT_FALSE(parse_calendar_date("2019-02-29"));
    EXPECT_FALSE(parse_calendar_date("2019-13-01"));
    EXPECT_FALSE(parse_calendar_date("2019-3-7"));
    EXPECT_FALSE(parse_calendar_date("07-03-2019"));
    EXPECT_FALSE(parse_calendar_date("2019-03-07x"));
    EXPECT_EQ(format_calendar_date({2019, 3, 7}), "2019-03-07");
}

TEST(PublicationValidation, AcceptsACompletePublication) {
    EXPECT_TRUE(validate(valid_publication()).empty());
}

TEST(PublicationValidation, NeedsAFileALinkOrABody) {
    auto publication = valid_publication();
    publication.body = "  \n ";
    EXPECT_TRUE(has_error(validate(publication), "body", "library.error.nothing_to_read"));
    publication.link = "https://www.example.nl/rapport";
    EXPECT_TRUE(validate(publication).empty());
    publication.link.clear();
    publication.file = PublicationFile{"application/pdf", 1000, "rapport.pdf", "ab"};
    EXPECT_TRUE(validate(publication).empty());
}

TEST(PublicationValidation, RefusesMissingTitleOverlongTextsAndBadDates) {
    auto publication = valid_publication();
    publication.title = " ";
    publication.summary = std::string(PublicationLimits::summary + 1, 'x');
    publication.published_on = {2019, 2, 30};
    const auto errors = validate(publication);
    EXPECT_TRUE(has_error(errors, "title", "error.required"));
    EXPECT_TRUE(has_error(errors, "summary", "error.too_long"));
    EXPECT_TRUE(has_error(errors, "published_on", "library.error.date"));
}

TEST(PublicationValidation, RefusesEmptyOrTooManyAuthors) {
    auto publication = valid_publication();
    publication.authors = {"Anna", ""};
    EXPECT_TRUE(has_error(validate(publication), "authors", "error.required"));
    publication.authors.assign(PublicationLimits::authors + 1, "Anna");
    EXPECT_TRUE(has_error(validate(publication), "authors", "library.error.too_many_authors"));
}

TEST(PublicationValidation, AcceptsOnlyWebLinks) {
    auto publication = valid_publication();
    for (const char* bad :
         {"javascript:alert(1)", "ftp://example.nl/a.pdf", "https://", "https://exa mple.nl",
          "http://user@evil.example/", "//example.nl", "https://example.nl/\"onmouseover"}) {
        publication.link = bad;
        EXPECT_TRUE(has_error(validate(publication), "link", "library.error.link")) << bad;
    }
    publication.link = "http://www.werkplaatssociaaldomein.nl/kennis?id=3#deel-2";
    EXPECT_TRUE(validate(publication).empty());
}

TEST(PublicationValidation, RefusesTooManyThemes) {
    auto publication = valid_publication();
    publication.theme_ids.assign(PublicationLimits::themes + 1, 1);
    EXPECT_TRUE(has_error(validate(publication), "themes", "library.error.too_many"));
}

TEST(PdfCheck, RecognisesAPdfByItsContentOnly) {
    EXPECT_EQ(check_pdf("%PDF-1.4\n1 0 obj\n<<>>\nendobj\n%%EOF\n"), FileCheck::pdf);
    EXPECT_EQ(check_pdf(""), FileCheck::empty);
    // A PNG renamed to .pdf still starts with the PNG signature.
    EXPECT_EQ(check_pdf(std::string("\x89PNG\r\n\x1a\n%%EOF", 13)), FileCheck::not_pdf);
    // A PDF cut off in transfer has no end marker.
    EXPECT_EQ(check_pdf("%PDF-1.7\n" + std::string(5000, 'x')), FileCheck::not_pdf);
    // The end marker must be near the end, not only somewhere.
    EXPECT_EQ(check_pdf("%PDF-1.7\n%%EOF" + std::string(5000, 'x')), FileCheck::not_pdf);
    std::string large = "%PDF-1.7\n";
    large.resize(PublicationLimits::file_bytes + 1, ' ');
    large.replace(large.size() - 6, 5, "%%EOF");
    EXPECT_EQ(check_pdf(large), FileCheck::too_large);
}

TEST(SafeFileNames, KeepOnlyHarmlessCharacters) {
    EXPECT_EQ(safe_file_name("Rapport Schulden 2019.pdf"), "rapport-schulden-2019.pdf");
    EXPECT_EQ(safe_file_name("C:\\Users\\an\\Eénzaamheid.PDF"), "eenzaamheid.pdf");
    EXPECT_EQ(safe_file_name("../../etc/passwd"), "passwd.pdf");
    EXPECT_EQ(safe_file_name("\"; filename=evil.exe"), "filename-evil-exe.pdf");
    EXPECT_EQ(safe_file_name("€€€"), "publicatie.pdf");
    EXPECT_EQ(safe_file_name(""), "publicatie.pdf");
    EXPECT_LE(safe_file_name(std::string(500, 'a')).size(), PublicationLimits::file_name + 4);
}

}  // namespace
}  // namespace kc::domain
