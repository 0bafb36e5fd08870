// The report model, its HTML and the organiser's Markdown: a fixed café in, a fixed
// structure out (golden), sections without data left out, small groups hidden, and nothing
// an organiser types able to run in a reader's browser.
#include <gtest/gtest.h>

#include <sstream>

#include "core/text.hpp"
#include "reports/markdown.hpp"
#include "reports/report_html.hpp"
#include "reports/report_model.hpp"

namespace kc::reports {
namespace {

// Words as their catalogue keys, so the golden output shows which text goes where.
class KeyWords final : public Words {
  public:
    std::string text(std::string_view key, long long number) const override {
        std::string text = "[" + std::string(key);
        if (number != 0) text += " " + std::to_string(number);
        return text + "]";
    }
    std::string date(time::Timestamp instant) const override {
        return "[date " + time::format_date_input(instant) + "]";
    }
};

time::Timestamp amsterdam(int year, int month, int day, int hour, int minute) {
    return time::from_amsterdam({year, month, day, hour, minute, 0});
}

app::ReportSources cafe_sources() {
    app::ReportSources sources;
    sources.werkplaats = {1, "zhz", "Werkplaats Zuid-Holland Zuid", ""};
    auto& event = sources.event;
    event.id = 7;
    event.werkplaats_id = 1;
    event.status = domain::EventStatus::held;
    event.details.title = "Voorkomen huisuitzettingen";
    event.details.theme = "Wonen en schulden";
    event.details.starts_at = amsterdam(2019, 5, 23, 16, 0);
    event.details.ends_at = amsterdam(2019, 5, 23, 18, 0);
    event.details.location_name = "Hogeschool Inholland";
    event.details.location_address = "Posthumalaan 90, Rotterdam";
    event.details.speakers = {{"Saskia Bakker", "lector"}};
    event.details.programme = {{"16:00", "Woordwolk", domain::WorkForm::live_poll},
                               {"16:15", "Twee onderzoeken", domain::WorkForm::talk}};
    sources.partners = {"Hogeschool Inholland", "Gemeente Rotterdam"};
    sources.groups = {{11, "bewoners", "Bewoners", 0, true},
                      {12, "professionals", "Professionals", 1, false},
                      {13, "studenten", "Studenten", 2, false}};
    sources.attendance.by_group[11].checked_in = 12;
    sources.attendance.by_group[12].checked_in = 9;
    sources.attendance.by_group[13].checked_in = 2;
    sources.attendance.total.checked_in = 23;
    sources.small_numbers.threshold = 5;
    sources.texts.event_id = 7;
    sources.texts.introduction = "Een **huisuitzetting** raakt een gezin.";
    sources.texts.account = "We begonnen met een woordwolk.";
    sources.texts.published_at = 100;

    app::LiveResult cloud;
    cloud.question.settings.kind = domain::live::QuestionKind::word_cloud;
    cloud.question.settings.prompt = "Waar denk je aan?";
    cloud.results.kind = domain::live::QuestionKind::word_cloud;
    cloud.results.respondents = 14;
    cloud.results.words = {{"schulden", 9, {}}, {"schaamte", 4, {}}};
    app::LiveResult open;  // open answers stay out of a report
    open.question.settings.kind = domain::live::QuestionKind::open;
    open.results.kind = domain::live::QuestionKind::open;
    open.results.respondents = 3;
    app::LiveResult unanswered;  // and so does a question nobody answered
    unanswered.question.settings.kind = domain::live::QuestionKind::choice;
    unanswered.results.kind = domain::live::QuestionKind::choice;
    sources.live = {cloud, open, unanswered};

    domain::HarvestItem insight;
    insight.kind = domain::HarvestKind::insight;
    insight.text = "Vroeg contact werkt.";
    domain::HarvestItem question = insight;
    question.kind = domain::HarvestKind::open_question;
    question.text = "Wie belt als eerste?";
    sources.harvest = {question, insight};

    domain::Action action;
    action.draft = {"Huurders eerder bellen", "Woningcorporatie Zuid", "Jan (intern)",
                    "2019-09-01"};
    action.status = domain::ActionStatus::in_progress;
    sources.actions = {action};

    domain::Experience named;
    named.quote = "Ik weet nu wie ik kan bellen.";
    named.attribution = domain::Attribution::named;
    named.name = "Fatima";
    named.role = "bewoner";
    domain::Experience anonymous;
    anonymous.quote = "Heel leerzaam.";
    sources.experiences = {named, anonymous};

    domain::Publication publication;
    publication.title = "Vroeg erop af";
    publication.kind = domain::PublicationKind::research_article;
    publication.authors = {"Saskia Bakker", "Joost de Vries"};
    publication.published_on = {2019, 6, 1};
    publication.link = "https://example.org/vroeg";
    sources.publications = {publication};
    return sources;
}

// The report's structure as lines, one value per line, for the golden comparison.
std::string outline(const Report& report) {
    std::ostringstream out;
    out << "title: " << report.title << "\ntheme: " << report.theme << "\nwhen: " << report.when
        << "\nplace: " << report.place << "\n";
    for (const auto& partner : report.partners) out << "partner: " << partner << "\n";
    for (const auto& speaker : report.speakers) out << "speaker: " << speaker << "\n";
    for (const auto& line : report.programme) {
        out << "programme: " << line.time << " | " << line.title << " | " << line.work_form << "\n";
    }
    out << "introduction: " << report.introduction << "\naccount: " << report.account << "\n";
    if (report.attendance) {
        for (const auto& row : report.attendance->groups) {
            out << "attendance: " << row.label << " = " << count_text(row.count, KeyWords())
                << "\n";
        }
        out << "attendance total = " << count_text(report.attendance->total, KeyWords()) << "\n";
    }
    for (const auto& section : report.live) {
        out << "live: " << section.result.question.settings.prompt << " ("
            << section.result.results.respondents << ")\n";
    }
    for (const auto& part : report.harvest) {
        for (const auto& item : part.items)
            out << "harvest: " << part.kind << " | " << item << "\n";
    }
    for (const auto& action : report.actions) {
        out << "action: " << action.description << " | " << action.owner << " | " << action.due_on
            << " | " << action.status << "\n";
    }
    for (const auto& experience : report.experiences) {
        out << "experience: " << experience.quote << " | " << experience.signature << "\n";
    }
    for (const auto& publication : report.publications) {
        out << "publication: " << publication.title << " | " << publication.kind << " | "
            << publication.authors << " | " << publication.year << " | " << publication.link
            << "\n";
    }
    out << "published: " << (report.published ? "yes" : "no") << "\n";
    return out.str();
}

TEST(ReportModel, BuildsTheCafesReportInItsFixedStructure) {
    const Report report = build_report(cafe_sources(), KeyWords());
    EXPECT_EQ(outline(report),
              "title: Voorkomen huisuitzettingen\n"
              "theme: Wonen en schulden\n"
              "when: [date 2019-05-23], 16:00 – 18:00\n"
              "place: Hogeschool Inholland, Posthumalaan 90, Rotterdam\n"
              "partner: Hogeschool Inholland\n"
              "partner: Gemeente Rotterdam\n"
              "speaker: Saskia Bakker, lector\n"
              "programme: 16:00 | Woordwolk | [work_form.live-peiling]\n"
              "programme: 16:15 | Twee onderzoeken | [work_form.lezing]\n"
              "introduction: Een **huisuitzetting** raakt een gezin.\n"
              "account: We begonnen met een woordwolk.\n"
              "attendance: Bewoners = 12\n"
              // With one group hidden and the total shown, the next smallest is withheld too,
              // or the total would give the hidden one away.
              "attendance: Professionals = [evaluation.withheld]\n"
              "attendance: Studenten = [privacy.fewer_than 5]\n"
              "attendance total = 23\n"
              "live: Waar denk je aan? (14)\n"
              "harvest: [follow_up.kind.insight] | Vroeg contact werkt.\n"
              "harvest: [follow_up.kind.open_question] | Wie belt als eerste?\n"
              "action: Huurders eerder bellen | Woningcorporatie Zuid | [date 2019-09-01] | "
              "[follow_up.status.in_progress]\n"
              "experience: Ik weet nu wie ik kan bellen. | Fatima, bewoner\n"
              "experience: Heel leerzaam. | [experience.anonymous]\n"
              "publication: Vroeg erop af | [library.kind.research_article] | Saskia Bakker, "
              "Joost de Vries | 2019 | https://example.org/vroeg\n"
              "published: yes\n");
}

TEST(ReportModel, TheHtmlHasEverySectionWithDataAndNeverTheContactOfAnAction) {
    const Report report = build_report(cafe_sources(), KeyWords());
    const std::string html = report_html(report, KeyWords(), 2, "r");
    for (const char* heading :
         {"[report.programme]", "[report.introduction]", "[report.account]", "[report.attendance]",
          "[report.live]", "[report.harvest]", "[report.actions]", "[report.experiences]",
          "[report.publications]"}) {
        EXPECT_NE(html.find(std::string(heading) + "</h2>"), std::string::npos) << heading;
    }
    EXPECT_NE(html.find("<strong>huisuitzetting</strong>"), std::string::npos);
    EXPECT_NE(html.find("<svg"), std::string::npos);
    EXPECT_NE(html.find("<td>[privacy.fewer_than 5]</td>"), std::string::npos);
    EXPECT_EQ(html.find("Jan (intern)"), std::string::npos);
    EXPECT_EQ(html.find("<h1"), std::string::npos);
}

TEST(ReportModel, SectionsWithoutDataAreLeftOutAltogether) {
    app::ReportSources bare = cafe_sources();
    bare.event.details.programme.clear();
    bare.texts = {};
    bare.attendance = {};
    bare.live.clear();
    bare.harvest.clear();
    bare.actions.clear();
    bare.experiences.clear();
    bare.publications.clear();
    const Report report = build_report(bare, KeyWords());
    EXPECT_FALSE(report.attendance);
    const std::string html = report_html(report, KeyWords(), 2, "r");
    EXPECT_EQ(html.find("<section"), std::string::npos) << html;
    EXPECT_EQ(html.find("<h2"), std::string::npos);
    EXPECT_NE(html.find("[report.theme]"), std::string::npos) << "the café's facts stay";
}

// A statement answered through the live engine's own tally, asked by group as the report
// asks it: residents 12, professionals 8, students 2, one visitor without a group.
app::LiveResult statement_answered_by_group() {
    domain::live::QuestionSettings question;
    question.kind = domain::live::QuestionKind::statement;
    question.prompt = "Bel huurders eerder.";
    domain::live::Tally tally(question, {11, 12, 13});
    const domain::live::WordFilter no_filter("");
    std::int64_t participant = 0;
    const auto answer = [&](std::int64_t group, int level, int times) {
        for (int i = 0; i < times; ++i) {
            ++participant;
            tally.record(participant, group, {.number = level}, participant, 0, no_filter);
        }
    };
    answer(11, 4, 7);
    answer(11, 2, 5);
    answer(12, 4, 6);
    answer(12, 5, 2);
    answer(13, 5, 2);
    answer(0, 4, 1);
    domain::live::ResultOptions options;
    options.by_group = true;
    options.small_numbers.threshold = 5;
    app::LiveResult live;
    live.question.settings = question;
    live.results = tally.results(options);
    live.group_names = {"Bewoners", "Professionals", "Studenten"};
    return live;
}

std::string group_table_text(const LiveGroupTable& table) {
    std::ostringstream out;
    out << "|";
    for (const auto& group : table.groups) out << " " << group << " |";
    out << "\n";
    for (const auto& row : table.rows) {
        out << row.label << " |";
        for (const auto& count : row.counts) out << " " << count << " |";
        out << " " << row.total << "\n";
    }
    return out.str();
}

TEST(ReportModel, LiveResultsAreShownByTheGroupsThatAnsweredWithSmallNumbersHidden) {
    auto sources = cafe_sources();
    sources.live = {statement_answered_by_group()};
    const Report report = build_report(sources, KeyWords());
    ASSERT_EQ(report.live.size(), 1u);
    EXPECT_EQ(report.live[0].result.results.respondents, 23);
    // Two students answered, fewer than the threshold: their column would say nothing but
    // "fewer than 5", so it is left out with a note (they count in the totals). On "eens" one
    // visitor without a group is hidden inside the shown total of 14, so the professionals' 6 is
    // withheld too, or 14 - 7 - 6 would give that one person away.
    EXPECT_EQ(group_table_text(live_group_table(report.live[0], KeyWords())),
              "| Bewoners | Professionals |\n"
              "helemaal oneens | 0 | 0 | 0\n"
              "oneens | 5 | 0 | 5\n"
              "neutraal | 0 | 0 | 0\n"
              "eens | 7 | [evaluation.withheld] | 14\n"
              "helemaal eens | 0 | [privacy.fewer_than 5] | [privacy.fewer_than 5]\n");
    EXPECT_EQ(live_group_table(report.live[0], KeyWords()).note,
              "[report.small_groups_left_out 5]");

    const std::string html = report_html(report, KeyWords(), 2, "r");
    EXPECT_NE(html.find("<caption>Bel huurders eerder.</caption>"), std::string::npos) << html;
    EXPECT_NE(html.find("<th scope=\"col\">[report.answer]</th><th scope=\"col\">Bewoners</th>"
                        "<th scope=\"col\">Professionals</th><th scope=\"col\">[report.total]"),
              std::string::npos)
        << html;
    // The attendance table lists every group; the live table only those that answered.
    const auto live_table = html.substr(html.find("<caption>Bel huurders eerder.</caption>"));
    EXPECT_EQ(live_table.find("Studenten"), std::string::npos);
    EXPECT_NE(html.find("<td>[evaluation.withheld]</td>"), std::string::npos);
    EXPECT_NE(html.find("<p class=\"hint\">[report.small_groups_left_out 5]</p>"),
              std::string::npos);
}

TEST(ReportModel, LiveResultsWithoutAnyGroupStatedAreShownInTotalOnly) {
    auto live = statement_answered_by_group();
    domain::live::QuestionSettings question = live.question.settings;
    domain::live::Tally tally(question, {11, 12, 13});
    for (std::int64_t participant = 1; participant <= 9; ++participant) {
        tally.record(participant, 0, {.number = 3}, participant, 0, domain::live::WordFilter(""));
    }
    domain::live::ResultOptions options;
    options.by_group = true;
    live.results = tally.results(options);
    auto sources = cafe_sources();
    sources.live = {live};
    const Report report = build_report(sources, KeyWords());
    ASSERT_EQ(report.live.size(), 1u);
    EXPECT_TRUE(report.live[0].result.group_names.empty());
    EXPECT_TRUE(live_group_table(report.live[0], KeyWords()).rows.empty());
    const std::string html = report_html(report, KeyWords(), 2, "r");
    EXPECT_EQ(html.find("<caption>Bel huurders eerder.</caption>"), std::string::npos);
    EXPECT_NE(html.find("<svg"), std::string::npos);
}

TEST(ReportModel, TheMagazineAddsUpTheCafesAndHidesSmallGroupsInTheSum) {
    MagazineSources sources;
    sources.werkplaats = {1, "zhz", "Werkplaats Zuid-Holland Zuid", ""};
    sources.contact.controller_name = "Hogeschool Rotterdam";
    sources.contact.contact_email = "werkplaats@example.nl";
    sources.from = "2019-01-01";
    sources.to = "2019-12-31";
    auto first = cafe_sources();
    auto second = cafe_sources();
    second.event.id = 8;
    second.event.details.title = "Tweede café";
    second.attendance.by_group[13].checked_in = 1;
    second.attendance.total.checked_in = 22;
    sources.cafes = {first, second};
    const Magazine magazine = build_magazine(sources, KeyWords());
    EXPECT_EQ(magazine.summary,
              "45 [report.visitors] [report.at] [report.number_2] [report.cafes]");
    ASSERT_EQ(magazine.by_group.groups.size(), 3u);
    EXPECT_EQ(count_text(magazine.by_group.groups[0].count, KeyWords()), "24");
    EXPECT_EQ(count_text(magazine.by_group.groups[2].count, KeyWords()), "[privacy.fewer_than 5]");
    ASSERT_EQ(magazine.by_cafe.size(), 2u);
    EXPECT_EQ(magazine.by_cafe[1].label, "Tweede café");
    EXPECT_EQ(magazine.chapters.size(), 2u);
    EXPECT_EQ(magazine.period, "[date 2019-01-01] – [date 2019-12-31]");
    const std::string html = magazine_html(magazine, KeyWords());
    EXPECT_TRUE(html.starts_with("<!DOCTYPE html>"));
    EXPECT_NE(html.find("href=\"#cafe-8\""), std::string::npos);
    EXPECT_NE(html.find("werkplaats@example.nl"), std::string::npos);
    EXPECT_EQ(html.find("<script"), std::string::npos);
}

TEST(Markdown, RawHtmlNeverComesThrough) {
    const std::string html = markdown_html(
        "Hallo <script>alert(1)</script> daar\n\n<div onclick=\"x()\">blok</div>\n\n"
        "<img src=x onerror=alert(1)>",
        0);
    EXPECT_EQ(html.find("<script"), std::string::npos) << html;
    EXPECT_EQ(html.find("onclick"), std::string::npos) << html;
    EXPECT_EQ(html.find("onerror"), std::string::npos) << html;
    EXPECT_EQ(html.find("<div"), std::string::npos) << html;
    EXPECT_NE(html.find("Hallo"), std::string::npos);
}

TEST(Markdown, ScriptLinksLoseTheirAddress) {
    for (const char* markdown :
         {"[klik](javascript:alert(1))", "[klik](JAVASCRIPT:alert(1))", "[klik](vbscript:x)",
          "[klik](data:text/html;base64,PHNjcmlwdD4=)", "<javascript:alert(1)>"}) {
        // The link stays as text (the autolink shows its address as words), never as an
        // address a browser would follow.
        const std::string html = text::ascii_lower(markdown_html(markdown, 0));
        EXPECT_NE(html.find("href=\"\""), std::string::npos) << html;
        for (const char* scheme : {"href=\"javascript", "href=\"vbscript", "href=\"data"}) {
            EXPECT_EQ(html.find(scheme), std::string::npos) << html;
        }
        for (const auto& block : markdown_blocks(markdown)) {
            EXPECT_EQ(block.markup.find(" ("), std::string::npos) << block.markup;
        }
    }
    EXPECT_NE(markdown_html("[site](https://example.org/a?b=1&c=2)", 0)
                  .find("href=\"https://example.org/a?b=1&amp;c=2\""),
              std::string::npos);
}

TEST(Markdown, HeadingsMoveDownBelowThePagesOwn) {
    EXPECT_EQ(markdown_html("# Kop\n\nTekst", 2), "<h3>Kop</h3>\n<p>Tekst</p>\n");
    EXPECT_EQ(markdown_html("#### Diep", 4), "<h6>Diep</h6>\n");
}

TEST(Markdown, BlocksForPrintKeepListsQuotesAndLinkAddresses) {
    const auto blocks = markdown_blocks(
        "Een *schuin* & **vet** woord.\n\n- een\n- twee\n\n3. drie\n\n> gezegd\n\n"
        "[site](https://example.org) <b>weg</b>");
    ASSERT_EQ(blocks.size(), 6u);
    EXPECT_EQ(blocks[0].kind, MarkdownBlock::Kind::paragraph);
    EXPECT_EQ(blocks[0].markup, "Een <i>schuin</i> &amp; <b>vet</b> woord.");
    EXPECT_EQ(blocks[1].kind, MarkdownBlock::Kind::item);
    EXPECT_EQ(blocks[1].marker, "•");
    EXPECT_EQ(blocks[2].markup, "twee");
    EXPECT_EQ(blocks[3].marker, "3.");
    EXPECT_EQ(blocks[4].kind, MarkdownBlock::Kind::quote);
    EXPECT_EQ(blocks[5].markup, "<u>site</u> (https://example.org) weg");
}

}  // namespace
}  // namespace kc::reports
