#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "domain/oai_pmh.hpp"

namespace kc::domain::oai {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;

constexpr time::Timestamp now = 1'700'000'000;  // 2023-11-14T22:13:20Z

Repository repository() {
    Repository r;
    r.name = "Werkplaats Sociaal Domein Rotterdam";
    r.base_url = "https://kenniscafe.example.nl/oai";
    r.host = "kenniscafe.example.nl";
    r.admin_email = "info@example.nl";
    r.earliest_datestamp = 1'546'300'800;  // 2019-01-01
    return r;
}

// The codes of a refused request, in order.
std::vector<ErrorCode> codes(const ParsedRequest& parsed) {
    std::vector<ErrorCode> result;
    for (const auto& e : parsed.errors) result.push_back(e.code);
    return result;
}

ParsedRequest parse(const Arguments& arguments) { return parse_request(arguments); }

Resumption sample_resumption() {
    Resumption r;
    r.verb = Verb::list_records;
    r.selection = {"oai_dc", 1'546'300'800, 1'577'836'799};
    r.after = {1'560'000'000, 42};
    r.cursor = 100;
    r.complete_list_size = 250;
    return r;
}

Publication sample_publication() {
    Publication p;
    p.id = 7;
    p.werkplaats_id = 1;
    p.title = "Schulden & jongeren <een handreiking>";
    p.kind = PublicationKind::guide;
    p.authors = {"Anna de Vries", "Karim El Amrani"};
    p.published_on = {2019, 3, 1};
    p.summary = "Wat werkt bij jongeren met schulden.";
    return p;
}

// ---- Verbs and their arguments ------------------------------------------------------------

TEST(OaiRequest, AcceptsEachVerbWithItsArguments) {
    EXPECT_EQ(parse({{"verb", "Identify"}}).request->verb, Verb::identify);
    EXPECT_EQ(parse({{"verb", "ListMetadataFormats"}}).request->verb, Verb::list_metadata_formats);
    const auto get = parse({{"verb", "GetRecord"},
                            {"identifier", "oai:kenniscafe.example.nl:publication/3"},
                            {"metadataPrefix", "oai_dc"}});
    ASSERT_TRUE(get.request);
    EXPECT_EQ(get.request->identifier, "oai:kenniscafe.example.nl:publication/3");
    const auto list = parse({{"verb", "ListIdentifiers"},
                             {"metadataPrefix", "oai_dc"},
                             {"from", "2019-01-01"},
                             {"until", "2019-12-31"}});
    ASSERT_TRUE(list.request);
    EXPECT_EQ(list.request->selection.from, 1'546'300'800);
    // A day as the upper bound reaches its last second.
    EXPECT_EQ(list.request->selection.until, 1'577'836'799);
    EXPECT_EQ(list.echo.size(), 4u);
}

TEST(OaiRequest, AMissingUnknownOrRepeatedVerbIsBadVerbWithoutEcho) {
    for (const Arguments& arguments :
         {Arguments{}, Arguments{{"verb", "ListEverything"}}, Arguments{{"verb", "identify"}},
          Arguments{{"verb", "Identify"}, {"verb", "Identify"}},
          Arguments{{"metadataPrefix", "oai_dc"}}}) {
        const auto parsed = parse(arguments);
        EXPECT_FALSE(parsed.request);
        EXPECT_EQ(codes(parsed), std::vector{ErrorCode::bad_verb});
        EXPECT_TRUE(parsed.echo.empty());
    }
}

TEST(OaiRequest, UnknownRepeatedEmptyOrMissingArgumentsAreBadArguments) {
    const auto unknown = parse({{"verb", "Identify"}, {"metadataPrefix", "oai_dc"}});
    EXPECT_EQ(codes(unknown), std::vector{ErrorCode::bad_argument});
    EXPECT_EQ(unknown.errors[0].argument, "metadataPrefix");
    EXPECT_TRUE(unknown.echo.empty());

    const auto repeated = parse(
        {{"verb", "ListRecords"}, {"metadataPrefix", "oai_dc"}, {"metadataPrefix", "oai_dc"}});
    EXPECT_EQ(codes(repeated), std::vector{ErrorCode::bad_argument});
    EXPECT_EQ(repeated.errors[0].message_key, "oai.repeated_argument");

    const auto empty = parse({{"verb", "ListRecords"}, {"metadataPrefix", ""}});
    EXPECT_EQ(codes(empty), std::vector{ErrorCode::bad_argument});

    const auto missing = parse({{"verb", "ListRecords"}});
    EXPECT_EQ(codes(missing), std::vector{ErrorCode::bad_argument});
    EXPECT_EQ(missing.errors[0].argument, "metadataPrefix");

    const auto no_identifier = parse({{"verb", "GetRecord"}, {"metadataPrefix", "oai_dc"}});
    EXPECT_EQ(codes(no_identifier), std::vector{ErrorCode::bad_argument});
    EXPECT_EQ(no_identifier.errors[0].argument, "identifier");

    // ListSets takes no set, GetRecord no dates.
    EXPECT_EQ(codes(parse({{"verb", "ListSets"}, {"set", "guide"}})),
              std::vector{ErrorCode::bad_argument});
    EXPECT_EQ(codes(parse({{"verb", "GetRecord"},
                           {"identifier", "oai:kenniscafe.example.nl:publication/3"},
                           {"metadataPrefix", "oai_dc"},
                           {"from", "2019-01-01"}})),
              std::vector{ErrorCode::bad_argument});
}

TEST(OaiRequest, RefusesMalformedAndImpossibleDates) {
    for (const std::string date :
         {"2019-1-01", "2019-02-30", "2019-01-01T10:00:00", "2019-01-01T25:00:00Z",
          "2019-01-01T10:00Z", "2019-01-01 10:00:00Z", "19-01-01", "2019-01-01T10:00:00+01:00",
          "２019-01-01", "2019-13-01"}) {
        const auto parsed =
            parse({{"verb", "ListRecords"}, {"metadataPrefix", "oai_dc"}, {"from", date}});
        EXPECT_EQ(codes(parsed), std::vector{ErrorCode::bad_argument}) << date;
        EXPECT_EQ(parsed.errors[0].message_key, "oai.bad_date");
    }
    const auto seconds = parse(
        {{"verb", "ListRecords"}, {"metadataPrefix", "oai_dc"}, {"from", "2019-03-01T09:30:15Z"}});
    ASSERT_TRUE(seconds.request);
    EXPECT_EQ(seconds.request->selection.from, 1'551'432'615);
}

TEST(OaiRequest, BoundsMustShareTheirGranularityAndBeInOrder) {
    const auto mixed = parse({{"verb", "ListRecords"},
                              {"metadataPrefix", "oai_dc"},
                              {"from", "2019-01-01"},
                              {"until", "2019-12-31T00:00:00Z"}});
    EXPECT_EQ(codes(mixed), std::vector{ErrorCode::bad_argument});
    EXPECT_EQ(mixed.errors[0].message_key, "oai.mixed_granularity");

    const auto reversed = parse({{"verb", "ListRecords"},
                                 {"metadataPrefix", "oai_dc"},
                                 {"from", "2020-01-01"},
                                 {"until", "2019-12-31"}});
    EXPECT_EQ(codes(reversed), std::vector{ErrorCode::bad_argument});
    EXPECT_EQ(reversed.errors[0].message_key, "oai.from_after_until");

    // The same day as both bounds is that whole day.
    const auto one_day = parse({{"verb", "ListRecords"},
                                {"metadataPrefix", "oai_dc"},
                                {"from", "2019-12-31"},
                                {"until", "2019-12-31"}});
    ASSERT_TRUE(one_day.request);
    EXPECT_EQ(*one_day.request->selection.until - *one_day.request->selection.from, 86'399);
}

TEST(OaiRequest, AnUnknownFormatCannotBeDisseminatedAndIsEchoed) {
    const auto parsed = parse({{"verb", "ListRecords"}, {"metadataPrefix", "marc21"}});
    EXPECT_EQ(codes(parsed), std::vector{ErrorCode::cannot_disseminate_format});
    EXPECT_EQ(parsed.echo.size(), 2u);
    const auto get = parse({{"verb", "GetRecord"},
                            {"identifier", "oai:kenniscafe.example.nl:publication/3"},
                            {"metadataPrefix", "oai_DC"}});
    EXPECT_EQ(codes(get), std::vector{ErrorCode::cannot_disseminate_format});
}

TEST(OaiRequest, ThereIsNoSetHierarchy) {
    const auto sets = parse({{"verb", "ListSets"}});
    EXPECT_EQ(codes(sets), std::vector{ErrorCode::no_set_hierarchy});
    EXPECT_EQ(sets.echo.size(), 1u);
    EXPECT_EQ(
        codes(parse({{"verb", "ListRecords"}, {"metadataPrefix", "oai_dc"}, {"set", "guide"}})),
        std::vector{ErrorCode::no_set_hierarchy});
}

// ---- Resumption tokens --------------------------------------------------------------------

TEST(OaiResumption, ATokenCarriesTheCursorAndTheOriginalArguments) {
    const auto original = sample_resumption();
    const auto token = encode_token(original);
    EXPECT_EQ(token.find_first_not_of("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"
                                      "0123456789-_"),
              std::string::npos);
    EXPECT_EQ(decode_token(token), original);

    Resumption open_ended = original;
    open_ended.selection.from.reset();
    open_ended.selection.until.reset();
    open_ended.verb = Verb::list_identifiers;
    EXPECT_EQ(decode_token(encode_token(open_ended)), open_ended);

    const auto parsed = parse({{"verb", "ListRecords"}, {"resumptionToken", token}});
    ASSERT_TRUE(parsed.request);
    EXPECT_EQ(parsed.request->resumption, original);
    EXPECT_EQ(parsed.request->selection, original.selection);
}

TEST(OaiResumption, AnEditedOrCutTokenIsRefused) {
    const auto token = encode_token(sample_resumption());
    std::vector<std::string> bad = {"",
                                    "abc",
                                    token.substr(0, token.size() - 1),
                                    token + "A",
                                    token + "=",
                                    "x" + token,
                                    std::string(700, 'A')};
    for (std::size_t i = 0; i < token.size(); ++i) {
        std::string edited = token;
        edited[i] = edited[i] == 'A' ? 'B' : 'A';
        bad.push_back(edited);
    }
    for (const auto& candidate : bad) EXPECT_FALSE(decode_token(candidate)) << candidate;

    // A token for another verb, with more arguments, or for ListSets is refused too.
    const auto wrong_verb = parse({{"verb", "ListIdentifiers"}, {"resumptionToken", token}});
    EXPECT_EQ(codes(wrong_verb), std::vector{ErrorCode::bad_resumption_token});
    const auto exclusive =
        parse({{"verb", "ListRecords"}, {"resumptionToken", token}, {"metadataPrefix", "oai_dc"}});
    EXPECT_EQ(codes(exclusive), std::vector{ErrorCode::bad_argument});
    EXPECT_EQ(codes(parse({{"verb", "ListSets"}, {"resumptionToken", token}})),
              std::vector{ErrorCode::bad_resumption_token});
    EXPECT_EQ(codes(parse({{"verb", "ListRecords"}, {"resumptionToken", "garbage"}})),
              std::vector{ErrorCode::bad_resumption_token});
}

TEST(OaiResumption, ATokenWithConsistentChecksumButImpossibleContentIsRefused) {
    // Bounds in the wrong order cannot come from this server.
    Resumption reversed = sample_resumption();
    reversed.selection.from = 2'000'000'000;
    EXPECT_FALSE(decode_token(encode_token(reversed)));
    Resumption other_format = sample_resumption();
    other_format.selection.metadata_prefix = "marc21";
    EXPECT_FALSE(decode_token(encode_token(other_format)));
    Resumption get_record = sample_resumption();
    get_record.verb = Verb::get_record;
    EXPECT_FALSE(decode_token(encode_token(get_record)));
}

// ---- Identifiers and datestamps -----------------------------------------------------------

TEST(OaiIdentifier, OnlyThisRepositorysPublicationIdentifiersAreRead) {
    EXPECT_EQ(identifier_of("kenniscafe.example.nl", 12),
              "oai:kenniscafe.example.nl:publication/12");
    EXPECT_EQ(
        publication_id_of("oai:kenniscafe.example.nl:publication/12", "kenniscafe.example.nl"), 12);
    for (const std::string other :
         {"oai:elders.example.nl:publication/12", "oai:kenniscafe.example.nl:publication/012",
          "oai:kenniscafe.example.nl:publication/-1", "oai:kenniscafe.example.nl:publication/",
          "oai:kenniscafe.example.nl:publication/1a", "oai:kenniscafe.example.nl:event/12",
          "oai:kenniscafe.example.nl:publication/99999999999999999999", "12"}) {
        EXPECT_FALSE(publication_id_of(other, "kenniscafe.example.nl")) << other;
    }
}

TEST(OaiDatestamp, FormatsAndParsesUtcSeconds) {
    EXPECT_EQ(format_datestamp(1'551'432'615), "2019-03-01T09:30:15Z");
    EXPECT_EQ(parse_datestamp("2019-03-01T09:30:15Z", false), 1'551'432'615);
    EXPECT_EQ(parse_datestamp("2019-03-01", false), 1'551'398'400);
    EXPECT_EQ(parse_datestamp("2019-03-01", true), 1'551'484'799);
    EXPECT_FALSE(parse_datestamp("1969-12-31", false));
}

// ---- Answers ------------------------------------------------------------------------------

TEST(OaiAnswer, IdentifyDescribesTheRepository) {
    const auto xml = identify_response(repository(), {{"verb", "Identify"}}, now);
    EXPECT_THAT(xml, HasSubstr("<?xml version=\"1.0\" encoding=\"UTF-8\"?>"));
    EXPECT_THAT(xml, HasSubstr("<OAI-PMH xmlns=\"http://www.openarchives.org/OAI/2.0/\""));
    EXPECT_THAT(xml, HasSubstr("xsi:schemaLocation=\"http://www.openarchives.org/OAI/2.0/ "
                               "http://www.openarchives.org/OAI/2.0/OAI-PMH.xsd\""));
    EXPECT_THAT(xml, HasSubstr("<responseDate>2023-11-14T22:13:20Z</responseDate>"));
    EXPECT_THAT(
        xml, HasSubstr("<request verb=\"Identify\">https://kenniscafe.example.nl/oai</request>"));
    EXPECT_THAT(xml, HasSubstr("<protocolVersion>2.0</protocolVersion>"));
    EXPECT_THAT(xml, HasSubstr("<adminEmail>info@example.nl</adminEmail>"));
    EXPECT_THAT(xml, HasSubstr("<earliestDatestamp>2019-01-01T00:00:00Z</earliestDatestamp>"));
    EXPECT_THAT(xml, HasSubstr("<deletedRecord>persistent</deletedRecord>"));
    EXPECT_THAT(xml, HasSubstr("<granularity>YYYY-MM-DDThh:mm:ssZ</granularity>"));
    EXPECT_THAT(xml,
                HasSubstr("<repositoryIdentifier>kenniscafe.example.nl</repositoryIdentifier>"));
    EXPECT_THAT(
        xml,
        HasSubstr("<sampleIdentifier>oai:kenniscafe.example.nl:publication/1</sampleIdentifier>"));
    // An address the oai-identifier scheme does not accept gets no such description.
    Repository local = repository();
    local.host = "127.0.0.1";
    EXPECT_THAT(identify_response(local, {{"verb", "Identify"}}, now),
                Not(HasSubstr("oai-identifier")));
}

TEST(OaiAnswer, MetadataFormatsNameDublinCore) {
    const auto formats =
        metadata_formats_response(repository(), {{"verb", "ListMetadataFormats"}}, now);
    EXPECT_THAT(formats, HasSubstr("<metadataPrefix>oai_dc</metadataPrefix>"));
    EXPECT_THAT(formats,
                HasSubstr("<schema>http://www.openarchives.org/OAI/2.0/oai_dc.xsd</schema>"));
    EXPECT_THAT(formats, HasSubstr("<metadataNamespace>http://www.openarchives.org/OAI/2.0/oai_dc/"
                                   "</metadataNamespace>"));
}

TEST(OaiAnswer, RecordsCarryDublinCoreAndDeletedOnesOnlyTheirHeader) {
    const auto publication = sample_publication();
    Record live{7, 1'551'432'615,
                dublin_core(publication, {"https://kenniscafe.example.nl/library/7",
                                          "Werkplaats Sociaal Domein",
                                          {"Schulden", "Jongeren"}})};
    Record gone{9, 1'551'500'000, std::nullopt};
    const Arguments echo = {{"verb", "ListRecords"}, {"metadataPrefix", "oai_dc"}};
    const auto xml = records_response(Verb::list_records, repository(), echo, {live, gone},
                                      ResumptionElement{"TOKEN", 250, 0}, now);
    EXPECT_THAT(xml, HasSubstr("<ListRecords>"));
    EXPECT_THAT(xml, HasSubstr("<request verb=\"ListRecords\" metadataPrefix=\"oai_dc\">"));
    EXPECT_THAT(xml,
                HasSubstr("<header><identifier>oai:kenniscafe.example.nl:publication/7"
                          "</identifier>\n<datestamp>2019-03-01T09:30:15Z</datestamp>\n</header>"));
    EXPECT_THAT(xml,
                HasSubstr("<oai_dc:dc xmlns:oai_dc=\"http://www.openarchives.org/OAI/2.0/oai_dc/\" "
                          "xmlns:dc=\"http://purl.org/dc/elements/1.1/\""));
    EXPECT_THAT(xml, HasSubstr("xsi:schemaLocation=\"http://www.openarchives.org/OAI/2.0/oai_dc/ "
                               "http://www.openarchives.org/OAI/2.0/oai_dc.xsd\""));
    EXPECT_THAT(xml,
                HasSubstr("<dc:title>Schulden &amp; jongeren &lt;een handreiking&gt;</dc:title>"));
    EXPECT_THAT(xml, HasSubstr("<dc:creator>Anna de Vries</dc:creator>\n"
                               "<dc:creator>Karim El Amrani</dc:creator>"));
    EXPECT_THAT(xml,
                HasSubstr("<dc:subject>Schulden</dc:subject>\n<dc:subject>Jongeren</dc:subject>"));
    EXPECT_THAT(xml,
                HasSubstr("<dc:description>Wat werkt bij jongeren met schulden.</dc:description>"));
    EXPECT_THAT(xml, HasSubstr("<dc:publisher>Werkplaats Sociaal Domein</dc:publisher>"));
    EXPECT_THAT(xml, HasSubstr("<dc:date>2019-03-01</dc:date>"));
    EXPECT_THAT(
        xml, HasSubstr("<dc:type>info:eu-repo/semantics/other</dc:type>\n<dc:type>Text</dc:type>"));
    EXPECT_THAT(xml, HasSubstr("<dc:format>text/html</dc:format>"));
    EXPECT_THAT(
        xml, HasSubstr("<dc:identifier>https://kenniscafe.example.nl/library/7</dc:identifier>"));
    EXPECT_THAT(xml, HasSubstr("<dc:language>nl</dc:language>"));
    // The deleted record: a header marked deleted and no metadata.
    EXPECT_THAT(xml,
                HasSubstr("<record><header status=\"deleted\"><identifier>"
                          "oai:kenniscafe.example.nl:publication/9</identifier>\n"
                          "<datestamp>2019-03-02T04:13:20Z</datestamp>\n</header>\n</record>"));
    EXPECT_THAT(xml, HasSubstr("<resumptionToken completeListSize=\"250\" cursor=\"0\">TOKEN"
                               "</resumptionToken>"));
}

TEST(OaiAnswer, ListIdentifiersGivesHeadersAndTheLastPageAnEmptyToken) {
    Record gone{9, 1'551'500'000, std::nullopt};
    const auto xml =
        records_response(Verb::list_identifiers, repository(), {{"verb", "ListIdentifiers"}},
                         {gone}, ResumptionElement{"", 101, 100}, now);
    EXPECT_THAT(xml, HasSubstr("<ListIdentifiers>\n<header status=\"deleted\">"));
    EXPECT_THAT(xml, Not(HasSubstr("<record>")));
    EXPECT_THAT(xml, HasSubstr("<resumptionToken completeListSize=\"101\" cursor=\"100\">"
                               "</resumptionToken>"));
    // A list that fits one page has no token at all.
    EXPECT_THAT(
        records_response(Verb::list_identifiers, repository(), {}, {gone}, std::nullopt, now),
        Not(HasSubstr("resumptionToken")));
}

TEST(OaiAnswer, GetRecordHoldsOneRecordWithoutToken) {
    Record live{7, 1'551'432'615, dublin_core(sample_publication(), {"https://x.nl/7", "W", {}})};
    const auto xml = records_response(Verb::get_record, repository(), {{"verb", "GetRecord"}},
                                      {live}, std::nullopt, now);
    EXPECT_THAT(xml, HasSubstr("<GetRecord>\n<record><header><identifier>"));
    EXPECT_THAT(xml, HasSubstr("</metadata>\n</record>\n</GetRecord>"));
}

TEST(OaiAnswer, ErrorsCarryTheirCodesAndTheRequestOnlyWhenValid) {
    const auto refused = parse({{"verb", "ListRecords"}, {"from", "gisteren"}});
    std::vector<ErrorText> texts;
    for (const auto& e : refused.errors)
        texts.push_back({e.code, e.message_key + " " + e.argument});
    const auto xml = error_response(repository(), refused.echo, texts, now);
    EXPECT_THAT(xml, HasSubstr("<request>https://kenniscafe.example.nl/oai</request>"));
    EXPECT_THAT(
        xml, HasSubstr("<error code=\"badArgument\">oai.missing_argument metadataPrefix</error>"));
    EXPECT_THAT(xml, HasSubstr("<error code=\"badArgument\">oai.bad_date from</error>"));
    EXPECT_THAT(xml, Not(HasSubstr("<ListRecords>")));

    const auto no_match =
        error_response(repository(), {{"verb", "ListRecords"}, {"metadataPrefix", "oai_dc"}},
                       {{ErrorCode::no_records_match, "Geen publicaties"}}, now);
    EXPECT_THAT(no_match, HasSubstr("<request verb=\"ListRecords\" metadataPrefix=\"oai_dc\">"));
    EXPECT_THAT(no_match, HasSubstr("<error code=\"noRecordsMatch\">Geen publicaties</error>"));
}

TEST(OaiAnswer, EveryErrorCodeIsSpelledAsTheProtocolDoes) {
    EXPECT_EQ(to_name(ErrorCode::bad_argument), "badArgument");
    EXPECT_EQ(to_name(ErrorCode::bad_resumption_token), "badResumptionToken");
    EXPECT_EQ(to_name(ErrorCode::bad_verb), "badVerb");
    EXPECT_EQ(to_name(ErrorCode::cannot_disseminate_format), "cannotDisseminateFormat");
    EXPECT_EQ(to_name(ErrorCode::id_does_not_exist), "idDoesNotExist");
    EXPECT_EQ(to_name(ErrorCode::no_records_match), "noRecordsMatch");
    EXPECT_EQ(to_name(ErrorCode::no_metadata_formats), "noMetadataFormats");
    EXPECT_EQ(to_name(ErrorCode::no_set_hierarchy), "noSetHierarchy");
}

// ---- Dublin Core and XML text -------------------------------------------------------------

TEST(OaiDublinCore, KindsMapToRepositoryTypesAndFilesToTheirFormat) {
    EXPECT_EQ(dc_types(PublicationKind::research_article)[0], "info:eu-repo/semantics/article");
    EXPECT_EQ(dc_types(PublicationKind::advisory_report)[0], "info:eu-repo/semantics/report");
    EXPECT_EQ(dc_types(PublicationKind::report)[0], "info:eu-repo/semantics/report");
    EXPECT_EQ(dc_types(PublicationKind::column)[0],
              "info:eu-repo/semantics/contributionToPeriodical");
    for (const auto kind : all_publication_kinds) EXPECT_EQ(dc_types(kind).back(), "Text");

    auto publication = sample_publication();
    publication.file = PublicationFile{"application/pdf", 1000, "gids.pdf", "ab"};
    publication.link = "https://elders.example.org/gids";
    const auto dc = dublin_core(publication, {"https://x.nl/7", "W", {}});
    EXPECT_EQ(dc.format, "application/pdf");
    EXPECT_EQ(dc.identifiers,
              (std::vector<std::string>{"https://x.nl/7", "https://elders.example.org/gids"}));
    EXPECT_EQ(dc.language, "nl");
}

TEST(OaiXmlText, EscapesMarkupAndDropsWhatXmlCannotHold) {
    EXPECT_EQ(xml_text("a & b < c > d \" e ' f"), "a &amp; b &lt; c &gt; d &quot; e &apos; f");
    EXPECT_EQ(xml_text(std::string("nul\0bel\x07", 8) + "esc\x1b"), "nulbelesc");
    EXPECT_EQ(xml_text("del\x7f next-line\xc2\x85 nbsp\xc2\xa0"), "del next-line nbsp\xc2\xa0");
    EXPECT_EQ(xml_text("regel\neen\ttab"), "regel&#10;een&#9;tab");
    EXPECT_EQ(xml_text("caf\xc3\xa9 \xe2\x82\xac"), "caf\xc3\xa9 \xe2\x82\xac");
    // Broken UTF-8, and U+FFFE, which XML 1.0 excludes.
    EXPECT_EQ(xml_text("a\xc3\x28z\xef\xbf\xbe!"), "a(z!");
}

}  // namespace
}  // namespace kc::domain::oai
