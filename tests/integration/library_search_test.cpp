// The library's storage on SQLite: Dutch full-text search with stemming and ranking over a
// small corpus written for this test, filters and paging, hostile queries, tombstones and
// the change list harvesters walk.
#include <gtest/gtest.h>

#include <algorithm>

#include "app/library.hpp"
#include "app/werkteams.hpp"
#include "storage/sqlite/sqlite_store.hpp"
#include "test_support.hpp"

namespace kc {
namespace {

using domain::PublicationKind;

constexpr time::Timestamp now = 1'700'000'000;

const std::string minimal_pdf = "%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n%%EOF\n";

class LibrarySearchTest : public ::testing::Test {
  protected:
    void SetUp() override {
        store_ = std::make_unique<storage::sqlite::SqliteStore>(dir_.file("kenniscafe.db"));
        store_->write_and_wait([this](app::Transaction& tx) {
            werkplaats_ = tx.insert_werkplaats("zhz", "Werkplaats Zuid-Holland Zuid");
            other_ = tx.insert_werkplaats("ander", "Andere Werkplaats");
            debts_theme_ = theme(tx, werkplaats_, "Schulden");
            housing_theme_ = theme(tx, werkplaats_, "Wonen");
            other_theme_ = theme(tx, other_, "Eenzaamheid");
        });
        // The corpus: a title match must beat a body match; stems must meet.
        schuld_title_ =
            add(PublicationKind::guide, "Vroeg erbij bij schuld", {2019, 3, 7},
                "Wat wijkteams doen als een rekening blijft liggen.",
                "Een gids voor wijkteams over signalen en samenwerking.", {debts_theme_});
        schuld_body_ = add(PublicationKind::report, "Verslag van het kenniscafé in Dordrecht",
                           {2018, 10, 18}, "Bewoners en professionals spraken elkaar.",
                           "Veel jongeren hebben schulden. De gemeente wil eerder helpen, "
                           "voordat de schulden groot worden.",
                           {debts_theme_});
        eviction_ =
            add(PublicationKind::advisory_report, "Advies: huisuitzettingen voorkomen",
                {2020, 5, 23}, "Samen met corporaties en de gemeente.",
                "Elke huisuitzetting die we voorkomen, scheelt leed en geld.", {housing_theme_});
        loneliness_ = add(PublicationKind::column, "Eenzaam in de wijk", {2020, 1, 9},
                          "Over ouderen die weinig mensen zien.",
                          "Een column over mantelzorg en eenzaamheid.", {});
        // Another Werkplaats's publication with the same words is never found here.
        store_->write_and_wait([this](app::Transaction& tx) {
            domain::Publication foreign = publication(PublicationKind::guide, "Schuld elders",
                                                      {2019, 1, 1}, "", "schulden schuld", {});
            const auto outcome = app::create_publication(tx, other_, foreign, std::nullopt, now);
            ASSERT_EQ(outcome.result, app::LibraryResult::done);
        });
    }

    static std::int64_t theme(app::Transaction& tx, std::int64_t werkplaats_id,
                              const std::string& title) {
        domain::Theme theme{};
        theme.werkplaats_id = werkplaats_id;
        theme.title = title;
        theme.status = domain::ThemeStatus::adopted;
        theme.source = domain::ThemeSource::organiser;
        theme.proposed_at = now;
        theme.status_changed_at = now;
        return tx.insert_theme(theme);
    }

    static domain::Publication publication(PublicationKind kind, const std::string& title,
                                           domain::CalendarDate date, const std::string& summary,
                                           const std::string& body,
                                           std::vector<std::int64_t> themes) {
        domain::Publication p;
        p.title = title;
        p.kind = kind;
        p.authors = {"Saskia Bakker"};
        p.published_on = date;
        p.summary = summary;
        p.body = body;
        p.theme_ids = std::move(themes);
        return p;
    }

    std::int64_t add(PublicationKind kind, const std::string& title, domain::CalendarDate date,
                     const std::string& summary, const std::string& body,
                     std::vector<std::int64_t> themes) {
        std::int64_t id = 0;
        store_->write_and_wait([&](app::Transaction& tx) {
            const auto outcome = app::create_publication(
                tx, werkplaats_, publication(kind, title, date, summary, body, std::move(themes)),
                std::nullopt, now + static_cast<time::Timestamp>(++added_));
            ASSERT_EQ(outcome.result, app::LibraryResult::done);
            id = outcome.publication_id;
        });
        return id;
    }

    app::Page<app::LibraryHit> search(const std::string& words, app::PageRequest page = {}) {
        app::LibrarySearch search;
        search.werkplaats_id = werkplaats_;
        search.words = words;
        return store_->read().search_publications(search, page);
    }

    static std::vector<std::int64_t> ids(const app::Page<app::LibraryHit>& page) {
        std::vector<std::int64_t> found;
        for (const auto& hit : page.items) found.push_back(hit.publication.id);
        return found;
    }

    testing::TempDir dir_;
    std::unique_ptr<app::Store> store_;
    std::int64_t werkplaats_ = 0, other_ = 0;
    std::int64_t debts_theme_ = 0, housing_theme_ = 0, other_theme_ = 0;
    std::int64_t schuld_title_ = 0, schuld_body_ = 0, eviction_ = 0, loneliness_ = 0;
    int added_ = 0;
};

TEST_F(LibrarySearchTest, APluralFindsTheSingularAndBack) {
    // "schulden" stems to the same term as "schuld": both publications are found either way.
    for (const char* words : {"schulden", "schuld", "SCHULDEN"}) {
        const auto found = search(words);
        EXPECT_EQ(found.total, 2u) << words;
        EXPECT_EQ(ids(found), (std::vector{schuld_title_, schuld_body_})) << words;
    }
    EXPECT_EQ(ids(search("huisuitzettingen")), std::vector{eviction_});
    EXPECT_EQ(ids(search("huisuitzetting")), std::vector{eviction_});
    // Diacritics do not matter either way.
    EXPECT_EQ(ids(search("eenzaámheid")), std::vector{loneliness_});
}

TEST_F(LibrarySearchTest, ATitleMatchRanksAboveABodyMatch) {
    const auto found = search("schulden");
    ASSERT_EQ(found.items.size(), 2u);
    EXPECT_EQ(found.items[0].publication.id, schuld_title_);
    EXPECT_LT(found.items[0].rank, found.items[1].rank);
}

TEST_F(LibrarySearchTest, EveryWordMustOccur) {
    EXPECT_EQ(ids(search("schulden jongeren")), std::vector{schuld_body_});
    EXPECT_TRUE(search("schulden olifant").items.empty());
}

TEST_F(LibrarySearchTest, SnippetsMarkTheMatchedWords) {
    const auto found = search("jongeren");
    ASSERT_EQ(found.items.size(), 1u);
    const auto& snippet = found.items[0].snippet;
    const auto marked = std::find_if(snippet.begin(), snippet.end(),
                                     [](const app::SnippetPart& part) { return part.highlighted; });
    ASSERT_NE(marked, snippet.end());
    EXPECT_EQ(marked->text, "jongeren");
    // Lists carry no body; the snippet is all they show of it.
    EXPECT_TRUE(found.items[0].publication.body.empty());
}

TEST_F(LibrarySearchTest, HostileQueriesNeverFail) {
    for (const char* words :
         {"\"schulden", "schuld*", "NEAR(schuld jongeren)", "-schulden", "schulden)", "((", "\"\"",
          "schulden AND OR NOT", "title:schuld", "^schuld", "{title body}: schuld", "'; DROP TABLE",
          "***", "\xe2\x80\xa6", "schuld\"\"jongeren"}) {
        EXPECT_NO_THROW(search(words)) << words;
    }
    // Operators are plain words: "NEAR(schuld jongeren)" looks for the three words.
    EXPECT_TRUE(search("NEAR(schuld jongeren)").items.empty());
    EXPECT_EQ(ids(search("-schulden")).size(), 2u);
    EXPECT_EQ(ids(search("schuld*")).size(), 2u);
}

TEST_F(LibrarySearchTest, FiltersByKindThemeAndYearAndPages) {
    app::LibrarySearch filtered;
    filtered.werkplaats_id = werkplaats_;
    filtered.kind = PublicationKind::report;
    EXPECT_EQ(ids(store_->read().search_publications(filtered, {})), std::vector{schuld_body_});
    filtered.kind.reset();
    filtered.theme_id = debts_theme_;
    filtered.words = "schulden";
    EXPECT_EQ(store_->read().search_publications(filtered, {}).total, 2u);
    filtered.year = 2019;
    EXPECT_EQ(ids(store_->read().search_publications(filtered, {})), std::vector{schuld_title_});
    filtered.theme_id = other_theme_;
    EXPECT_TRUE(store_->read().search_publications(filtered, {}).items.empty());

    // Without words: newest first, two to a page, with the total of all pages.
    const auto first = search("", {1, 2});
    EXPECT_EQ(first.total, 4u);
    EXPECT_EQ(ids(first), (std::vector{eviction_, loneliness_}));
    EXPECT_EQ(ids(search("", {2, 2})), (std::vector{schuld_title_, schuld_body_}));
    EXPECT_TRUE(search("", {3, 2}).items.empty());
    EXPECT_EQ(store_->read().publication_years(werkplaats_), (std::vector{2020, 2019, 2018}));
}

TEST_F(LibrarySearchTest, AnEditIsSearchableAndADeletionLeavesOnlyATombstone) {
    store_->write_and_wait([this](app::Transaction& tx) {
        auto edited = *tx.publication(loneliness_);
        edited.title = "Eenzaam en schulden";
        ASSERT_EQ(app::update_publication(tx, werkplaats_, edited, std::nullopt, now + 100).result,
                  app::LibraryResult::done);
        ASSERT_EQ(app::delete_publication(tx, werkplaats_, schuld_body_, now + 200).result,
                  app::LibraryResult::done);
    });
    auto found = ids(search("schulden"));
    std::sort(found.begin(), found.end());
    EXPECT_EQ(found, (std::vector{schuld_title_, loneliness_}));
    EXPECT_TRUE(search("jongeren").items.empty());
    const auto tombstone = store_->read().publication(schuld_body_);
    ASSERT_TRUE(tombstone);
    EXPECT_EQ(tombstone->deleted_at, now + 200);
    EXPECT_TRUE(tombstone->title.empty());
    EXPECT_TRUE(tombstone->body.empty());
    EXPECT_TRUE(tombstone->theme_ids.empty());
    // Deleting or changing it again is not possible: it is gone for the use cases.
    store_->write_and_wait([this](app::Transaction& tx) {
        EXPECT_EQ(app::delete_publication(tx, werkplaats_, schuld_body_, now + 300).result,
                  app::LibraryResult::not_found);
    });
}

TEST_F(LibrarySearchTest, ChangesAreListedInOrderWithACursorAndTombstones) {
    store_->write_and_wait([this](app::Transaction& tx) {
        app::delete_publication(tx, werkplaats_, schuld_title_, now + 50);
    });
    auto& queries = store_->read();
    EXPECT_EQ(queries.earliest_publication_change(werkplaats_), now + 2);
    EXPECT_FALSE(queries.earliest_publication_change(999));

    const auto first =
        queries.publication_changes(werkplaats_, std::nullopt, std::nullopt, std::nullopt, 2);
    ASSERT_EQ(first.size(), 2u);
    EXPECT_EQ(first[0].publication.id, schuld_body_);
    EXPECT_EQ(first[1].publication.id, eviction_);
    const auto rest = queries.publication_changes(werkplaats_, std::nullopt, std::nullopt,
                                                  first.back().cursor(), 10);
    ASSERT_EQ(rest.size(), 2u);
    EXPECT_EQ(rest[0].publication.id, loneliness_);
    EXPECT_EQ(rest[1].publication.id, schuld_title_);
    EXPECT_TRUE(rest[1].deleted());
    EXPECT_EQ(rest[1].updated_at, now + 50);
    EXPECT_FALSE(rest[0].deleted());
    EXPECT_EQ(rest[0].publication.title, "Eenzaam in de wijk");

    // A window: from and until are inclusive.
    const auto window =
        queries.publication_changes(werkplaats_, now + 3, now + 4, std::nullopt, 10);
    ASSERT_EQ(window.size(), 2u);
    EXPECT_EQ(window[0].publication.id, eviction_);
    EXPECT_EQ(window[1].publication.id, loneliness_);
    // Another Werkplaats's changes are its own.
    EXPECT_EQ(
        queries.publication_changes(other_, std::nullopt, std::nullopt, std::nullopt, 10).size(),
        1u);
    // The counts of the same lists, for a harvester's completeListSize.
    EXPECT_EQ(queries.count_publication_changes(werkplaats_, std::nullopt, std::nullopt), 4u);
    EXPECT_EQ(queries.count_publication_changes(werkplaats_, now + 3, now + 4), 2u);
    EXPECT_EQ(queries.count_publication_changes(werkplaats_, now + 50, std::nullopt), 1u);
    EXPECT_EQ(queries.count_publication_changes(other_, std::nullopt, std::nullopt), 1u);
}

TEST_F(LibrarySearchTest, AFileIsStoredCheckedAndGoneWithItsPublication) {
    std::int64_t id = 0;
    store_->write_and_wait([&](app::Transaction& tx) {
        auto p = publication(PublicationKind::magazine, "Magazine 2019", {2019, 12, 1}, "", "", {});
        // A PNG renamed to .pdf is refused by its content.
        auto refused = app::create_publication(
            tx, werkplaats_, p, app::FileUpload{"\x89PNG\r\n\x1a\n....", "magazine.pdf"}, now);
        ASSERT_EQ(refused.result, app::LibraryResult::invalid);
        EXPECT_EQ(refused.errors.at(0).message_key, "library.error.not_pdf");
        const auto outcome = app::create_publication(
            tx, werkplaats_, p, app::FileUpload{minimal_pdf, "C:\\Stukken\\Magazine 2019.pdf"},
            now);
        ASSERT_EQ(outcome.result, app::LibraryResult::done);
        id = outcome.publication_id;
    });
    const auto stored = store_->read().publication(id);
    ASSERT_TRUE(stored && stored->file);
    EXPECT_EQ(stored->file->media_type, "application/pdf");
    EXPECT_EQ(stored->file->size, static_cast<std::int64_t>(minimal_pdf.size()));
    EXPECT_EQ(stored->file->original_name, "magazine-2019.pdf");
    EXPECT_EQ(stored->file->sha256.size(), 64u);
    EXPECT_EQ(store_->read().publication_file_bytes(id), minimal_pdf);

    store_->write_and_wait(
        [&](app::Transaction& tx) { app::delete_publication(tx, werkplaats_, id, now + 9); });
    EXPECT_FALSE(store_->read().publication_file_bytes(id));
    EXPECT_FALSE(store_->read().publication(id)->file);
}

TEST_F(LibrarySearchTest, ThemesAndCafesMustBeTheWerkplaatssOwn) {
    store_->write_and_wait([this](app::Transaction& tx) {
        auto p = publication(PublicationKind::blog, "Blog", {2021, 2, 2}, "", "tekst",
                             {housing_theme_, other_theme_, 424242});
        p.event_ids = {777};
        const auto outcome = app::create_publication(tx, werkplaats_, p, std::nullopt, now);
        EXPECT_EQ(outcome.result, app::LibraryResult::invalid);
        EXPECT_EQ(outcome.unknown_themes, (std::vector<std::int64_t>{other_theme_, 424242}));
        EXPECT_EQ(outcome.unknown_events, std::vector<std::int64_t>{777});
        // Another Werkplaats cannot change or delete this one's publication.
        auto edited = *tx.publication(eviction_);
        EXPECT_EQ(app::update_publication(tx, other_, edited, std::nullopt, now).result,
                  app::LibraryResult::not_found);
        EXPECT_EQ(app::delete_publication(tx, other_, eviction_, now).result,
                  app::LibraryResult::not_found);
    });
    EXPECT_EQ(store_->read().publication(eviction_)->theme_ids, std::vector{housing_theme_});
}

TEST_F(LibrarySearchTest, WerkteamsMustBeTheWerkplaatssOwnAndNarrowTheSearch) {
    std::int64_t team = 0;
    std::int64_t foreign_team = 0;
    store_->write_and_wait([&](app::Transaction& tx) {
        const auto werkteam = [&](std::int64_t werkplaats_id, const std::string& name) {
            domain::Werkteam w;
            w.name = name;
            w.started_on = "2018-01-15";
            return app::create_werkteam(tx, werkplaats_id, w, now).id;
        };
        team = werkteam(werkplaats_, "Werkteam Schulden");
        foreign_team = werkteam(other_, "Werkteam elders");
        auto p = *tx.publication(schuld_title_);
        p.werkteam_ids = {team, team};
        EXPECT_EQ(app::update_publication(tx, werkplaats_, p, std::nullopt, now).result,
                  app::LibraryResult::done);
        auto blog = publication(PublicationKind::blog, "Blog", {2021, 2, 2}, "", "tekst", {});
        blog.werkteam_ids = {foreign_team, 515151};
        const auto refused = app::create_publication(tx, werkplaats_, blog, std::nullopt, now);
        EXPECT_EQ(refused.result, app::LibraryResult::invalid);
        EXPECT_EQ(refused.unknown_werkteams, (std::vector<std::int64_t>{foreign_team, 515151}));
    });
    // Stored once, however often the form named it.
    EXPECT_EQ(store_->read().publication(schuld_title_)->werkteam_ids, std::vector{team});

    app::LibrarySearch search;
    search.werkplaats_id = werkplaats_;
    search.werkteam_id = team;
    auto found = store_->read().search_publications(search, {1, 10});
    ASSERT_EQ(found.total, 1u);
    EXPECT_EQ(found.items[0].publication.id, schuld_title_);
    // With words too, and words that the team's publication lacks find nothing.
    search.words = "schulden";
    EXPECT_EQ(store_->read().search_publications(search, {1, 10}).total, 1u);
    search.words = "huisuitzetting";
    EXPECT_EQ(store_->read().search_publications(search, {1, 10}).total, 0u);
    search.words.clear();
    search.werkteam_id = foreign_team;
    EXPECT_EQ(store_->read().search_publications(search, {1, 10}).total, 0u);
}

}  // namespace
}  // namespace kc
