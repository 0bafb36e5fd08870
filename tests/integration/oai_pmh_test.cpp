// The OAI-PMH endpoint through the real `kenniscafe serve` binary, as a harvester sees it: a
// library of more records than one page harvested through resumption tokens, a deleted record,
// the protocol's errors, the same request as a POST form, and nothing of another Werkplaats.
// Every answer is checked for well-formed XML with xmllint (libxml2-utils) when it is there.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <regex>
#include <set>

#include "app/privacy.hpp"
#include "app/werkplaats_settings.hpp"
#include "http_client.hpp"
#include "server_process.hpp"
#include "storage/sqlite/sqlite_store.hpp"
#include "test_support.hpp"

namespace kc {
namespace {

using testing::ServerProcess;

constexpr std::size_t library_size = 230;                // three pages of at most 100
constexpr time::Timestamp first_change = 1'600'000'000;  // 2020-09-13T12:26:40Z
constexpr std::string_view host = "kenniscafe.example.nl";

std::string identifier(std::int64_t id) {
    return "oai:" + std::string(host) + ":publication/" + std::to_string(id);
}

// Every match of the regex's first group.
std::vector<std::string> all(const std::string& text, const std::string& pattern) {
    const std::regex re(pattern);
    std::vector<std::string> found;
    for (auto it = std::sregex_iterator(text.begin(), text.end(), re); it != std::sregex_iterator();
         ++it) {
        found.push_back((*it)[1].str());
    }
    return found;
}

std::vector<std::string> error_codes(const std::string& xml) {
    return all(xml, "<error code=\"([a-zA-Z]+)\">");
}

class OaiPmhTest : public ::testing::Test {
  protected:
    void SetUp() override {
        storage::sqlite::SqliteStore store(database());
        store.write_and_wait([&](app::Transaction& tx) {
            a_ = app::create_werkplaats(tx, "zhz", "Werkplaats Sociaal Domein Zuid-Holland Zuid");
            b_ = app::create_werkplaats(tx, "rdam", "Werkplaats Rotterdam");
            auto privacy = app::privacy_settings(tx, a_);
            privacy.controller_name = "Werkplaats Sociaal Domein Zuid-Holland Zuid";
            privacy.contact_email = "kennis@zhz.example.nl";
            tx.save_privacy_settings(privacy);
            const auto theme_a = tx.insert_theme(theme(a_, "Jongeren en schulden"));
            const auto theme_b = tx.insert_theme(theme(b_, "Een thema van Rotterdam"));
            for (std::size_t i = 0; i < library_size; ++i) {
                auto p = publication(a_, i);
                // A theme of another Werkplaats never shows, even when a record points at it.
                if (i == 0) p.theme_ids = {theme_a, theme_b};
                a_ids_.push_back(tx.insert_publication(p));
            }
            tx.delete_publication(a_ids_[5], first_change + 1'000'000);
            for (std::size_t i = 0; i < 3; ++i) {
                b_ids_.push_back(tx.insert_publication(publication(b_, i)));
            }
        });
    }

    static domain::Theme theme(std::int64_t werkplaats, const std::string& title) {
        domain::Theme t{};
        t.werkplaats_id = werkplaats;
        t.title = title;
        t.status = domain::ThemeStatus::adopted;
        t.source = domain::ThemeSource::organiser;
        t.proposed_at = first_change;
        t.status_changed_at = first_change;
        return t;
    }

    static domain::Publication publication(std::int64_t werkplaats, std::size_t i) {
        domain::Publication p;
        p.werkplaats_id = werkplaats;
        p.title = "Handreiking " + std::to_string(i) + " over schulden & <wonen>";
        p.kind = i % 2 ? domain::PublicationKind::report : domain::PublicationKind::guide;
        p.authors = {"Anna de Vries", "Karim El Amrani"};
        p.published_on = {2020, 1 + static_cast<int>(i % 12), 1};
        p.summary = "Wat werkt bij jongeren met schulden.";
        p.link = "https://elders.example.org/stuk/" + std::to_string(i);
        // One change an hour, in the order of insertion.
        p.created_at = first_change + static_cast<time::Timestamp>(i) * 3'600;
        p.updated_at = p.created_at;
        return p;
    }

    std::string database() const { return dir_.file("oai.db"); }

    void start() {
        server_ = std::make_unique<ServerProcess>(
            database(), dir_.file("server.log"),
            testing::ServerSettings{{"--public-url", "https://" + std::string(host)}});
        ASSERT_NE(server_->port(), 0);
    }

    // A GET of the site's endpoint; the answer must be well-formed XML.
    testing::HttpReply get(const std::string& query, const std::string& site = "/w/zhz") {
        return checked(testing::http_request(server_->port(), "GET", site + "/oai?" + query));
    }

    testing::HttpReply checked(testing::HttpReply reply) {
        EXPECT_EQ(reply.header("content-type"), "text/xml; charset=utf-8");
        if (std::system("command -v xmllint >/dev/null 2>&1") == 0) {
            const auto file = dir_.file("answer.xml");
            std::ofstream(file, std::ios::binary) << reply.body;
            EXPECT_EQ(testing::run("xmllint --noout " + file).first, 0) << reply.body;
        }
        return reply;
    }

    testing::TempDir dir_;
    std::unique_ptr<ServerProcess> server_;
    std::int64_t a_ = 0, b_ = 0;
    std::vector<std::int64_t> a_ids_, b_ids_;
};

TEST_F(OaiPmhTest, HarvestsEveryRecordThroughResumptionTokensAndSeesTheDeletedOne) {
    start();
    std::vector<std::string> harvested;
    std::vector<std::string> cursors;
    std::string query = "verb=ListRecords&metadataPrefix=oai_dc";
    for (int page = 0; page < 5; ++page) {
        const auto reply = get(query);
        ASSERT_EQ(reply.status, 200);
        ASSERT_TRUE(error_codes(reply.body).empty()) << reply.body;
        const auto ids = all(reply.body, "<header[^>]*><identifier>([^<]+)</identifier>");
        harvested.insert(harvested.end(), ids.begin(), ids.end());
        const std::regex token_re(
            "<resumptionToken completeListSize=\"(\\d+)\" "
            "cursor=\"(\\d+)\">([^<]*)</resumptionToken>");
        std::smatch token;
        ASSERT_TRUE(std::regex_search(reply.body, token, token_re)) << reply.body;
        EXPECT_EQ(token[1].str(), std::to_string(library_size));
        cursors.push_back(token[2].str());
        if (token[3].str().empty()) break;
        query = "verb=ListRecords&resumptionToken=" + token[3].str();
    }
    EXPECT_EQ(cursors, (std::vector<std::string>{"0", "100", "200"}));
    ASSERT_EQ(harvested.size(), library_size);
    // In the order of change: the deleted one changed last.
    EXPECT_EQ(harvested.front(), identifier(a_ids_[0]));
    EXPECT_EQ(harvested.back(), identifier(a_ids_[5]));
    EXPECT_EQ(std::set<std::string>(harvested.begin(), harvested.end()).size(), library_size);
    for (const auto id : b_ids_) {
        EXPECT_EQ(std::count(harvested.begin(), harvested.end(), identifier(id)), 0);
    }

    const auto deleted =
        get("verb=GetRecord&metadataPrefix=oai_dc&identifier=" + identifier(a_ids_[5]));
    EXPECT_NE(deleted.body.find("<header status=\"deleted\"><identifier>" + identifier(a_ids_[5])),
              std::string::npos)
        << deleted.body;
    EXPECT_EQ(deleted.body.find("<metadata>"), std::string::npos);
}

TEST_F(OaiPmhTest, ARecordCarriesEscapedDublinCoreOfItsOwnWerkplaatsOnly) {
    start();
    const auto reply =
        get("verb=GetRecord&metadataPrefix=oai_dc&identifier=" + identifier(a_ids_[0]));
    ASSERT_EQ(reply.status, 200);
    const auto& xml = reply.body;
    EXPECT_NE(xml.find("<dc:title>Handreiking 0 over schulden &amp; &lt;wonen&gt;</dc:title>"),
              std::string::npos)
        << xml;
    EXPECT_NE(xml.find("<dc:creator>Anna de Vries</dc:creator>\n<dc:creator>Karim El Amrani"),
              std::string::npos);
    EXPECT_NE(xml.find("<dc:subject>Jongeren en schulden</dc:subject>"), std::string::npos);
    EXPECT_EQ(xml.find("Een thema van Rotterdam"), std::string::npos);
    EXPECT_NE(xml.find("<dc:publisher>Werkplaats Sociaal Domein Zuid-Holland Zuid</dc:publisher>"),
              std::string::npos);
    EXPECT_NE(xml.find("<dc:type>info:eu-repo/semantics/other</dc:type>"), std::string::npos);
    EXPECT_NE(xml.find("<dc:identifier>https://" + std::string(host) + "/w/zhz/library/" +
                       std::to_string(a_ids_[0]) + "</dc:identifier>"),
              std::string::npos);
    EXPECT_NE(xml.find("<dc:language>nl</dc:language>"), std::string::npos);

    // Another Werkplaats's publication does not exist here, and its own site lists only its own.
    const auto foreign =
        get("verb=GetRecord&metadataPrefix=oai_dc&identifier=" + identifier(b_ids_[0]));
    EXPECT_EQ(error_codes(foreign.body), std::vector<std::string>{"idDoesNotExist"});
    const auto other_site = get("verb=ListIdentifiers&metadataPrefix=oai_dc", "/w/rdam");
    EXPECT_EQ(all(other_site.body, "<identifier>([^<]+)</identifier>").size(), 3u);
    EXPECT_EQ(other_site.body.find("resumptionToken"), std::string::npos);
    EXPECT_NE(other_site.body.find(identifier(b_ids_[2])), std::string::npos);
}

TEST_F(OaiPmhTest, IdentifyAndFormatsDescribeTheRepository) {
    start();
    const auto identify = get("verb=Identify");
    EXPECT_NE(identify.body.find("<baseURL>https://" + std::string(host) + "/w/zhz/oai</baseURL>"),
              std::string::npos)
        << identify.body;
    EXPECT_NE(identify.body.find("<adminEmail>kennis@zhz.example.nl</adminEmail>"),
              std::string::npos);
    EXPECT_NE(identify.body.find("<earliestDatestamp>2020-09-13T12:26:40Z</earliestDatestamp>"),
              std::string::npos);
    EXPECT_NE(identify.body.find("<deletedRecord>persistent</deletedRecord>"), std::string::npos);
    EXPECT_NE(
        identify.body.find("<repositoryIdentifier>kenniscafe.example.nl</repositoryIdentifier>"),
        std::string::npos);
    const auto formats = get("verb=ListMetadataFormats&identifier=" + identifier(a_ids_[1]));
    EXPECT_NE(formats.body.find("<metadataPrefix>oai_dc</metadataPrefix>"), std::string::npos);
}

TEST_F(OaiPmhTest, SelectsByDateAndAnswersAPostFormLikeAGet) {
    start();
    // Publications 10 to 12 changed between these instants (one an hour from first_change).
    const std::string form =
        "verb=ListIdentifiers&metadataPrefix=oai_dc&from=2020-09-13T22:26:40Z"
        "&until=2020-09-14T00:26:40Z";
    const auto by_get = get(form);
    const auto by_post = checked(testing::http_request(
        server_->port(), "POST", "/w/zhz/oai", form,
        {"Content-Type: application/x-www-form-urlencoded", "Origin: https://elders.example.org"}));
    ASSERT_EQ(by_post.status, 200);
    const auto ids = all(by_post.body, "<identifier>([^<]+)</identifier>");
    EXPECT_EQ(ids, (std::vector<std::string>{identifier(a_ids_[10]), identifier(a_ids_[11]),
                                             identifier(a_ids_[12])}));
    EXPECT_EQ(all(by_get.body, "<identifier>([^<]+)</identifier>"), ids);
    EXPECT_EQ(by_post.body.find("<metadata>"), std::string::npos);
}

TEST_F(OaiPmhTest, AnswersEachProtocolErrorAsXml) {
    start();
    const std::vector<std::pair<std::string, std::string>> cases = {
        {"", "badVerb"},
        {"verb=Harvest", "badVerb"},
        {"verb=Identify&verb=Identify", "badVerb"},
        {"verb=ListRecords", "badArgument"},
        {"verb=Identify&metadataPrefix=oai_dc", "badArgument"},
        {"verb=ListRecords&metadataPrefix=oai_dc&from=2021-01-01&until=2020-01-01", "badArgument"},
        {"verb=ListRecords&metadataPrefix=oai_dc&from=2021-13-01", "badArgument"},
        {"verb=ListRecords&metadataPrefix=oai_dc&from=2020-01-01&until=2021-01-01T00:00:00Z",
         "badArgument"},
        {"verb=ListRecords&metadataPrefix=%zz", "badArgument"},
        {"verb=ListRecords&metadataPrefix=marc21", "cannotDisseminateFormat"},
        {"verb=ListRecords&resumptionToken=bm9uc2Vuc2U", "badResumptionToken"},
        {"verb=ListRecords&metadataPrefix=oai_dc&until=2019-01-01", "noRecordsMatch"},
        {"verb=ListSets", "noSetHierarchy"},
        {"verb=ListRecords&metadataPrefix=oai_dc&set=guide", "noSetHierarchy"},
        {"verb=GetRecord&metadataPrefix=oai_dc&identifier=oai:elders.example.org:publication/1",
         "idDoesNotExist"},
        {"verb=ListMetadataFormats&identifier=" + identifier(999'999), "idDoesNotExist"},
    };
    for (const auto& [query, code] : cases) {
        const auto reply = get(query);
        EXPECT_EQ(reply.status, 200) << query;
        const auto codes = error_codes(reply.body);
        ASSERT_FALSE(codes.empty()) << query << "\n" << reply.body;
        EXPECT_EQ(codes.front(), code) << query << "\n" << reply.body;
        // The errors are worded for people, in Dutch.
        EXPECT_EQ(reply.body.find(">oai."), std::string::npos) << reply.body;
    }

    // A token from this server, edited by one character, is refused as a whole.
    const auto first = get("verb=ListIdentifiers&metadataPrefix=oai_dc");
    const auto token = all(first.body, "<resumptionToken[^>]*>([^<]+)</resumptionToken>");
    ASSERT_EQ(token.size(), 1u);
    std::string edited = token[0];
    edited[edited.size() / 2] = edited[edited.size() / 2] == 'A' ? 'B' : 'A';
    EXPECT_EQ(error_codes(get("verb=ListIdentifiers&resumptionToken=" + edited).body),
              std::vector<std::string>{"badResumptionToken"});
    // A token of one Werkplaats's list read at another's site gives only that site's records.
    const auto elsewhere = get("verb=ListIdentifiers&resumptionToken=" + token[0], "/w/rdam");
    EXPECT_EQ(error_codes(elsewhere.body), std::vector<std::string>{"noRecordsMatch"});

    // A POST that is not a form.
    const auto not_a_form = checked(testing::http_request(server_->port(), "POST", "/w/zhz/oai",
                                                          "{\"verb\":\"Identify\"}",
                                                          {"Content-Type: application/json"}));
    EXPECT_EQ(error_codes(not_a_form.body), std::vector<std::string>{"badArgument"});
}

}  // namespace
}  // namespace kc
