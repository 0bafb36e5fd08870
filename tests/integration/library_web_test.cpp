// The knowledge library over real HTTP against the `kenniscafe` binary, with two Werkplaatsen:
// uploads checked by content and size, files served safely, the public search and publication
// pages, the API, and neither Werkplaats seeing or changing the other's publications.
#include <gtest/gtest.h>

#include <boost/json.hpp>
#include <ctime>

#include "app/accounts.hpp"
#include "app/library.hpp"
#include "app/security.hpp"
#include "app/werkplaats_settings.hpp"
#include "app/werkteams.hpp"
#include "http_client.hpp"
#include "server_process.hpp"
#include "storage/sqlite/sqlite_store.hpp"
#include "test_support.hpp"

namespace kc {
namespace {

using testing::http_request;
using testing::HttpReply;

constexpr const char* csrf = "csrf-token-of-this-browser";
constexpr const char* boundary = "----kcbibliotheek";

const std::string good_pdf =
    "%PDF-1.4\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n"
    "2 0 obj\n<< /Type /Pages /Kids [] /Count 0 >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n";

// A browser's multipart form: text fields, then the file (left empty when `file_name` is).
std::string multipart(const std::vector<std::pair<std::string, std::string>>& fields,
                      const std::string& file_name, const std::string& bytes) {
    std::string body;
    for (const auto& [name, value] : fields) {
        body += std::string("--") + boundary + "\r\nContent-Disposition: form-data; name=\"" +
                name + "\"\r\n\r\n" + value + "\r\n";
    }
    body += std::string("--") + boundary +
            "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + file_name +
            "\"\r\nContent-Type: application/pdf\r\n\r\n" + bytes + "\r\n";
    return body + "--" + boundary + "--\r\n";
}

class LibraryWebTest : public ::testing::Test {
  protected:
    void SetUp() override {
        store_ = std::make_unique<storage::sqlite::SqliteStore>(dir_.file("library.db"));
        const time::Timestamp now = std::time(nullptr);
        store_->write_and_wait([&](app::Transaction& tx) {
            a_ = app::create_werkplaats(tx, "zhz", "Werkplaats Zuid-Holland Zuid");
            b_ = app::create_werkplaats(tx, "ander", "Andere Werkplaats");
            const auto member = [&](const char* email, std::int64_t werkplaats, app::Role role) {
                const auto id = tx.insert_user({0, email, email, "-"});
                tx.upsert_membership({id, werkplaats, role, false});
                return id;
            };
            organiser_a_ = member("organisator@a.nl", a_, app::Role::organiser);
            host_a_ = member("gastheer@a.nl", a_, app::Role::host);
            organiser_b_ = member("organisator@b.nl", b_, app::Role::organiser);
            theme_a_ = theme(tx, a_, "Schulden");
            theme_b_ = theme(tx, b_, "Wonen");
            token_a_ = app::create_api_token(tx, {organiser_a_, a_, app::Role::organiser, {}},
                                             "koppeling", app::Role::organiser, 30, now)
                           .token;
            host_token_a_ = app::create_api_token(tx, {host_a_, a_, app::Role::host, {}}, "deur",
                                                  app::Role::host, 30, now)
                                .token;
        });
        // The server runs on the same file; the test keeps writing sessions into it.
        server_ = std::make_unique<testing::ServerProcess>(
            dir_.file("library.db"), dir_.file("server.log"), testing::ServerSettings{{}});
        port_ = server_->port();
        ASSERT_NE(port_, 0);
    }

    static std::int64_t theme(app::Transaction& tx, std::int64_t werkplaats,
                              const std::string& title) {
        domain::Theme theme{};
        theme.werkplaats_id = werkplaats;
        theme.title = title;
        theme.status = domain::ThemeStatus::adopted;
        theme.source = domain::ThemeSource::organiser;
        return tx.insert_theme(theme);
    }

    // A logged-in browser of a member, straight in the store.
    std::string session_of(std::int64_t user_id) {
        const std::string token = app::security::random_token();
        const time::Timestamp now = std::time(nullptr);
        store_->write_and_wait([&](app::Transaction& tx) {
            tx.insert_session({app::security::token_digest(token), user_id, csrf, std::nullopt,
                               now - 60, now + 3600});
        });
        return "Cookie: kc_session=" + token + "; kc_csrf=" + csrf;
    }

    HttpReply upload(const std::string& target, const std::string& cookie,
                     const std::string& file_name, const std::string& bytes,
                     const std::string& title = "Rapport schulden") {
        return http_request(
            port_, "POST", target,
            multipart({{"csrf", csrf},
                       {"title", title},
                       {"kind", "report"},
                       {"published_on", "2019-05-23"},
                       {"authors", "Saskia Bakker\r\nJoost de Vries"},
                       {"summary", "Wat jongeren met schulden nodig hebben."}},
                      file_name, bytes),
            {cookie, std::string("Content-Type: multipart/form-data; boundary=") + boundary});
    }

    HttpReply api_post(const std::string& body, const std::string& token) {
        return http_request(port_, "POST", "/api/v1/library", body,
                            {"Content-Type: application/json", "Authorization: Bearer " + token});
    }

    std::int64_t api_create(const std::string& title, const std::string& body) {
        boost::json::object json{{"title", title},
                                 {"kind", "research_article"},
                                 {"summary", "Een samenvatting."},
                                 {"body", body},
                                 {"published_on", "2020-02-06"},
                                 {"themes", boost::json::array{theme_a_}}};
        const auto reply = api_post(boost::json::serialize(json), token_a_);
        EXPECT_EQ(reply.status, 201) << reply.body;
        return boost::json::parse(reply.body).at("id").as_int64();
    }

    std::size_t publications_stored() {
        app::LibrarySearch search;
        search.werkplaats_id = a_;
        return store_->read().search_publications(search, {}).total;
    }

    testing::TempDir dir_;
    std::unique_ptr<app::Store> store_;
    std::unique_ptr<testing::ServerProcess> server_;
    std::uint16_t port_ = 0;
    std::int64_t a_ = 0, b_ = 0, organiser_a_ = 0, host_a_ = 0, organiser_b_ = 0;
    std::int64_t theme_a_ = 0, theme_b_ = 0;
    std::string token_a_, host_token_a_;
};

TEST_F(LibraryWebTest, UploadsAreCheckedByContentAndSizeAndServedSafely) {
    const std::string cookie = session_of(organiser_a_);
    const auto form = http_request(port_, "GET", "/beheer/bibliotheek/nieuw", "", {cookie});
    ASSERT_EQ(form.status, 200);
    EXPECT_NE(form.body.find("enctype=\"multipart/form-data\""), std::string::npos);

    // A PNG renamed to .pdf: refused by its content, the form comes back with a Dutch message.
    const auto png = upload("/beheer/bibliotheek/nieuw", cookie, "foto.pdf",
                            std::string("\x89PNG\r\n\x1a\n\0\0\0\rIHDR", 16));
    EXPECT_EQ(png.status, 422);
    EXPECT_NE(png.body.find("Dit bestand is geen pdf"), std::string::npos);
    EXPECT_NE(png.body.find("value=\"Rapport schulden\""), std::string::npos);
    // Just over the limit of 20 MB: refused with the limit named.
    std::string large = good_pdf;
    large.insert(large.size() - 7, std::string(domain::PublicationLimits::file_bytes, ' '));
    const auto too_large = upload("/beheer/bibliotheek/nieuw", cookie, "groot.pdf", large);
    EXPECT_EQ(too_large.status, 422);
    EXPECT_NE(too_large.body.find("hooguit 20 MB"), std::string::npos);
    // Far over it, the server refuses before reading the body.
    large.append(2 << 20, ' ');
    EXPECT_EQ(upload("/beheer/bibliotheek/nieuw", cookie, "groter.pdf", large).status, 413);
    // Other forms keep the usual limit of 1 MiB.
    EXPECT_EQ(http_request(port_, "POST", "/beheer/events/nieuw", std::string(2 << 20, 'x'),
                           {cookie, "Content-Type: application/x-www-form-urlencoded"})
                  .status,
              413);
    EXPECT_EQ(publications_stored(), 0u);

    const auto stored = upload("/beheer/bibliotheek/nieuw", cookie,
                               "C:\\Stukken\\Rapport schulden (def).pdf", good_pdf);
    ASSERT_EQ(stored.status, 303) << stored.body;
    const std::string edit = stored.header("location");
    const std::string id = edit.substr(edit.rfind('/') + 1, edit.find('?') - edit.rfind('/') - 1);
    ASSERT_TRUE(edit.starts_with("/beheer/bibliotheek/" + id));

    const auto file = http_request(port_, "GET", "/library/" + id + "/bestand");
    EXPECT_EQ(file.status, 200);
    EXPECT_EQ(file.header("content-type"), "application/pdf");
    EXPECT_EQ(file.header("content-disposition"), "inline; filename=\"rapport-schulden-def.pdf\"");
    EXPECT_EQ(file.header("x-content-type-options"), "nosniff");
    EXPECT_EQ(file.body, good_pdf);
    const auto page = http_request(port_, "GET", "/library/" + id);
    EXPECT_EQ(page.status, 200);
    EXPECT_NE(page.body.find("/library/" + id + "/bestand"), std::string::npos);
    EXPECT_NE(page.body.find("Saskia Bakker, Joost de Vries"), std::string::npos);
    // Another Werkplaats's site does not know it.
    EXPECT_EQ(http_request(port_, "GET", "/w/ander/library/" + id + "/bestand").status, 404);
    EXPECT_EQ(http_request(port_, "GET", "/w/ander/library/" + id).status, 404);

    // Deleted after a confirmation: the page says it is gone, the file is gone.
    const auto confirm =
        http_request(port_, "GET", "/beheer/bibliotheek/" + id + "/verwijderen", "", {cookie});
    EXPECT_EQ(confirm.status, 200);
    EXPECT_NE(confirm.body.find("Weet je zeker"), std::string::npos);
    const auto deleted = http_request(port_, "POST", "/beheer/bibliotheek/" + id + "/verwijderen",
                                      std::string("csrf=") + csrf,
                                      {cookie, "Content-Type: application/x-www-form-urlencoded"});
    EXPECT_EQ(deleted.status, 303);
    EXPECT_EQ(http_request(port_, "GET", "/library/" + id).status, 410);
    EXPECT_EQ(http_request(port_, "GET", "/library/" + id + "/bestand").status, 410);
    EXPECT_FALSE(store_->read().publication_file_bytes(std::stoll(id)));
    EXPECT_EQ(http_request(port_, "GET", "/beheer/bibliotheek/" + id, "", {cookie}).status, 404);
}

TEST_F(LibraryWebTest, AFormWithoutFileLinkOrTextIsRefusedAndEditingKeepsTheFile) {
    const std::string cookie = session_of(organiser_a_);
    const auto empty = upload("/beheer/bibliotheek/nieuw", cookie, "", "");
    EXPECT_EQ(empty.status, 422);
    EXPECT_NE(empty.body.find("Voeg een bestand, een link of een tekst toe"), std::string::npos);

    const auto stored = upload("/beheer/bibliotheek/nieuw", cookie, "a.pdf", good_pdf);
    ASSERT_EQ(stored.status, 303);
    const std::string edit =
        stored.header("location").substr(0, stored.header("location").find('?'));
    // Saved again without choosing a file: the file stays, the title changes.
    const auto changed = upload(edit, cookie, "", "", "Rapport huisuitzettingen");
    EXPECT_EQ(changed.status, 303) << changed.body;
    const auto id = std::stoll(edit.substr(edit.rfind('/') + 1));
    const auto publication = store_->read().publication(id);
    EXPECT_EQ(publication->title, "Rapport huisuitzettingen");
    EXPECT_TRUE(publication->file);
    EXPECT_EQ(store_->read().publication_file_bytes(id), good_pdf);
}

TEST_F(LibraryWebTest, AnotherWerkplaatsOrAHostCannotSeeOrChangeAPublication) {
    const auto id = std::to_string(api_create("Schulden bij jongeren", "Over schulden."));
    const std::string other = session_of(organiser_b_);
    const std::string host = session_of(host_a_);
    for (const auto& [cookie, status] : {std::pair{other, 404}, std::pair{host, 403}}) {
        EXPECT_EQ(http_request(port_, "GET", "/beheer/bibliotheek/" + id, "", {cookie}).status,
                  status);
        const auto changed = upload("/beheer/bibliotheek/" + id, cookie, "", "", "Gekaapt");
        EXPECT_EQ(changed.status, status);
        EXPECT_EQ(http_request(port_, "POST", "/beheer/bibliotheek/" + id + "/verwijderen",
                               std::string("csrf=") + csrf,
                               {cookie, "Content-Type: application/x-www-form-urlencoded"})
                      .status,
                  status);
    }
    EXPECT_EQ(store_->read().publication(std::stoll(id))->title, "Schulden bij jongeren");
    EXPECT_FALSE(store_->read().publication(std::stoll(id))->deleted_at);
    // B's list does not show it either.
    const auto list = http_request(port_, "GET", "/beheer/bibliotheek", "", {other});
    EXPECT_EQ(list.status, 200);
    EXPECT_EQ(list.body.find("Schulden bij jongeren"), std::string::npos);
}

TEST_F(LibraryWebTest, TheApiCreatesAndSearchesRankedWithinTheWerkplaats) {
    const auto in_title = api_create("Jongeren en schulden", "Een verslag.");
    const auto in_body = api_create("Verslag uit Dordrecht", "Veel bewoners hebben een schuld.");

    const auto found = http_request(port_, "GET", "/api/v1/library?q=schulden&limit=1");
    ASSERT_EQ(found.status, 200);
    const auto json = boost::json::parse(found.body).as_object();
    EXPECT_EQ(json.at("total").as_int64(), 2);
    EXPECT_EQ(json.at("limit").as_int64(), 1);
    const auto& items = json.at("items").as_array();
    ASSERT_EQ(items.size(), 1u);
    EXPECT_EQ(items[0].at("id").as_int64(), in_title);
    EXPECT_EQ(items[0].at("kind").as_string(), "research_article");
    EXPECT_NE(items[0].at("snippet").as_string().find("schulden"), std::string::npos);
    EXPECT_TRUE(json.at("next").is_string());
    const auto second = boost::json::parse(
        http_request(port_, "GET", "/api/v1/library?q=schulden&limit=1&page=2").body);
    EXPECT_EQ(second.at("items").as_array()[0].at("id").as_int64(), in_body);
    EXPECT_TRUE(second.at("next").is_null());

    // Filters, and hostile queries answered like any other.
    EXPECT_EQ(
        boost::json::parse(http_request(port_, "GET", "/api/v1/library?q=schulden&kind=blog").body)
            .at("total")
            .as_int64(),
        0);
    EXPECT_EQ(http_request(port_, "GET", "/api/v1/library?q=%22NEAR(schuld%20*%20-").status, 200);
    EXPECT_EQ(http_request(port_, "GET", "/api/v1/library?kind=roman").status, 422);
    // The other Werkplaats's site finds nothing of A's.
    EXPECT_EQ(
        boost::json::parse(http_request(port_, "GET", "/w/ander/api/v1/library?q=schulden").body)
            .at("total")
            .as_int64(),
        0);
}

TEST_F(LibraryWebTest, TheApiRefusesUnknownThemesBadFieldsAndWrongCallers) {
    const std::string foreign_theme =
        R"({"title":"T","kind":"guide","body":"b","published_on":"2019-01-01","themes":[)" +
        std::to_string(theme_b_) + ",999999]}";
    const auto unknown = api_post(foreign_theme, token_a_);
    EXPECT_EQ(unknown.status, 422);
    const auto refusal = boost::json::parse(unknown.body).as_object();
    EXPECT_EQ(refusal.at("unknown_themes"), (boost::json::array{theme_b_, 999999}));
    EXPECT_TRUE(refusal.at("fields").as_object().contains("themes"));

    const auto bad = api_post(
        R"({"title":"","kind":"roman","published_on":"2019-02-30","link":"javascript:x","themes":"1"})",
        token_a_);
    EXPECT_EQ(bad.status, 422);
    const auto fields = boost::json::parse(bad.body).at("fields").as_object();
    for (const char* field : {"title", "kind", "published_on", "link", "themes"}) {
        EXPECT_TRUE(fields.contains(field)) << field << " in " << bad.body;
    }
    EXPECT_EQ(api_post("{}", "").status, 401);
    EXPECT_EQ(api_post(R"({"title":"T"})", host_token_a_).status, 403);
    EXPECT_EQ(publications_stored(), 0u);
}

TEST_F(LibraryWebTest, APublicationOfAWerkteamShowsOnBothPagesAndNarrowsTheSearch) {
    std::int64_t team_a = 0;
    std::int64_t team_b = 0;
    store_->write_and_wait([&](app::Transaction& tx) {
        const auto werkteam = [&](std::int64_t werkplaats, const std::string& name) {
            domain::Werkteam w;
            w.name = name;
            w.started_on = "2018-03-01";
            return app::create_werkteam(tx, werkplaats, w, std::time(nullptr)).id;
        };
        team_a = werkteam(a_, "Werkteam Jongeren en geld");
        team_b = werkteam(b_, "Werkteam elders");
    });
    const auto body = [&](std::int64_t team) {
        return R"({"title":"Handreiking jongeren en schulden","kind":"guide","body":"Tekst.",)"
               R"("published_on":"2021-04-01","werkteams":[)" +
               std::to_string(team) + "]}";
    };
    const auto foreign = api_post(body(team_b), token_a_);
    EXPECT_EQ(foreign.status, 422);
    EXPECT_EQ(boost::json::parse(foreign.body).at("unknown_werkteams"),
              (boost::json::array{team_b}));
    const auto created = api_post(body(team_a), token_a_);
    ASSERT_EQ(created.status, 201) << created.body;
    const auto id = boost::json::parse(created.body).at("id").as_int64();

    const auto team_page = http_request(port_, "GET", "/werkteams/" + std::to_string(team_a));
    ASSERT_EQ(team_page.status, 200);
    EXPECT_NE(team_page.body.find("href=\"/library/" + std::to_string(id) + "\""),
              std::string::npos);
    const auto publication_page = http_request(port_, "GET", "/library/" + std::to_string(id));
    EXPECT_NE(publication_page.body.find("href=\"/werkteams/" + std::to_string(team_a) + "\""),
              std::string::npos);

    const auto total = [&](const std::string& target) {
        return boost::json::parse(http_request(port_, "GET", target).body).at("total").as_int64();
    };
    api_create("Verslag zonder werkteam", "Tekst.");
    EXPECT_EQ(total("/api/v1/library"), 2);
    EXPECT_EQ(total("/api/v1/library?werkteam=" + std::to_string(team_a)), 1);
    EXPECT_EQ(http_request(port_, "GET", "/api/v1/library?werkteam=abc").status, 422);
    const auto search = http_request(port_, "GET", "/library?werkteam=" + std::to_string(team_a));
    EXPECT_NE(search.body.find("Handreiking jongeren"), std::string::npos);
    EXPECT_EQ(search.body.find("Verslag zonder werkteam"), std::string::npos);

    // The organiser's form offers the Werkplaats's own werkteams only.
    const auto form =
        http_request(port_, "GET", "/beheer/bibliotheek/nieuw", "", {session_of(organiser_a_)});
    ASSERT_EQ(form.status, 200);
    EXPECT_NE(form.body.find("name=\"werkteams\" id=\"werkteam-" + std::to_string(team_a)),
              std::string::npos);
    EXPECT_EQ(form.body.find("Werkteam elders"), std::string::npos);
}

TEST_F(LibraryWebTest, PagesEscapeEverythingAndCarryJsonLd) {
    const auto id = api_create("Rapport </script><script>alert(1)</script>",
                               "Tekst met <b>schulden</b> & meer.");
    const auto page = http_request(port_, "GET", "/library/" + std::to_string(id));
    ASSERT_EQ(page.status, 200);
    EXPECT_EQ(page.body.find("<script>alert(1)"), std::string::npos);
    const auto start = page.body.find("<script type=\"application/ld+json\">");
    ASSERT_NE(start, std::string::npos);
    const auto json_start = start + std::string("<script type=\"application/ld+json\">").size();
    const auto end = page.body.find("</script>", json_start);
    const auto ld = boost::json::parse(page.body.substr(json_start, end - json_start));
    EXPECT_EQ(ld.at("@type").as_string(), "ScholarlyArticle");
    EXPECT_EQ(ld.at("name").as_string(), "Rapport </script><script>alert(1)</script>");
    EXPECT_EQ(ld.at("inLanguage").as_string(), "nl");
    EXPECT_EQ(ld.at("datePublished").as_string(), "2020-02-06");
    EXPECT_EQ(ld.at("about").as_array()[0].at("name").as_string(), "Schulden");
    EXPECT_EQ(ld.at("url").as_string(),
              "http://127.0.0.1:" + std::to_string(port_) + "/library/" + std::to_string(id));

    const auto search = http_request(port_, "GET", "/library?q=schulden");
    EXPECT_EQ(search.status, 200);
    EXPECT_NE(search.body.find("&lt;b&gt;<mark>schulden</mark>&lt;/b&gt; &amp; meer"),
              std::string::npos)
        << search.body;
    EXPECT_LT(search.body.size(), 100'000u);
    EXPECT_EQ(http_request(port_, "GET", "/library/999999").status, 404);
}

}  // namespace
}  // namespace kc
