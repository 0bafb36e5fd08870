#include <gtest/gtest.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <memory>
#include <regex>
#include <sstream>
#include <string>
#include <vector>

#include "reports/cards_pdf.hpp"

namespace kc::reports {
namespace {

const CardTexts dutch{"Ronde", "Tafel", "Gastheer of gastvrouw",
                      "Er is nog niets om af te drukken.", "Scan: je tafel op je telefoon"};

constexpr double a4_width = 595.28;
constexpr double a4_height = 841.89;

// The number of page objects in the PDF's page tree; cairo writes them uncompressed.
int page_count(const std::string& pdf) {
    int pages = 0;
    const std::string page_type = "/Type /Page";
    for (std::size_t at = pdf.find(page_type); at != std::string::npos;
         at = pdf.find(page_type, at + 1)) {
        if (pdf.compare(at, page_type.size() + 1, page_type + "s") != 0) ++pages;
    }
    return pages;
}

void expect_complete_pdf(const std::string& pdf) {
    EXPECT_TRUE(pdf.starts_with("%PDF-")) << pdf.substr(0, 20);
    const std::size_t end = pdf.rfind("%%EOF");
    ASSERT_NE(end, std::string::npos);
    EXPECT_EQ(pdf.find_first_not_of("\r\n", end + 5), std::string::npos) << "bytes after %%EOF";
    EXPECT_NE(pdf.find("startxref"), std::string::npos);
}

bool has_poppler() { return std::system("command -v pdftotext > /dev/null 2>&1") == 0; }

// What a shell command prints.
std::string command_output(const std::string& command) {
    std::string output;
    if (const std::unique_ptr<FILE, int (*)(FILE*)> pipe(popen(command.c_str(), "r"), pclose);
        pipe) {
        char buffer[4096];
        for (std::size_t read; (read = std::fread(buffer, 1, sizeof buffer, pipe.get())) > 0;)
            output.append(buffer, read);
    }
    return output;
}

// The output of `pdftotext OPTIONS file.pdf -` for the PDF, from a temporary file.
std::string run_pdftotext(const std::string& pdf, const std::string& options) {
    static std::atomic<int> counter = 0;
    const std::filesystem::path file =
        std::filesystem::path(testing::TempDir()) /
        ("cards-" + std::to_string(::getpid()) + "-" + std::to_string(counter++) + ".pdf");
    std::ofstream(file, std::ios::binary) << pdf;
    const std::string command =
        "pdftotext -enc UTF-8 " + options + " '" + file.string() + "' - 2>&1";
    const std::string output = command_output(command);
    std::filesystem::remove(file);
    return output;
}

// Every run of white space, line breaks and no-break spaces included, as one space and
// none at either end, so wrapped text can be compared with the text that went in.
std::string normalised(const std::string& text) {
    const std::string spaced = std::regex_replace(text, std::regex("\u00A0"), " ");
    const std::string single = std::regex_replace(spaced, std::regex("\\s+"), " ");
    const std::size_t start = single.find_first_not_of(' ');
    if (start == std::string::npos) return "";
    return single.substr(start, single.find_last_not_of(' ') + 1 - start);
}

// The text of each page, normalised; pdftotext ends every page with a form feed.
std::vector<std::string> page_texts(const std::string& pdf) {
    const std::string text = run_pdftotext(pdf, "");
    std::vector<std::string> pages;
    std::size_t start = 0;
    for (std::size_t feed = text.find('\f'); feed != std::string::npos;
         feed = text.find('\f', start)) {
        pages.push_back(normalised(text.substr(start, feed - start)));
        start = feed + 1;
    }
    return pages;
}

// Text without hyphens: pdftotext joins a word that a line break split after a hyphen
// ("Vries-" and "Ünal" come out as "VriesÜnal"), so texts that may wrap at a hyphen
// are compared without any.
std::string without_hyphens(const std::string& text) {
    return std::regex_replace(text, std::regex("-"), "");
}

// The normalised text of one route card: `place` 0 to 3 counts the cards on `page`
// (from 1) left to right, top to bottom.
std::string route_card_text(const std::string& pdf, int page, int place) {
    const int left = place % 2 * static_cast<int>(a4_width / 2);
    const int top = place / 2 * static_cast<int>(a4_height / 2);
    return normalised(
        run_pdftotext(pdf, "-f " + std::to_string(page) + " -l " + std::to_string(page) + " -x " +
                               std::to_string(left) + " -y " + std::to_string(top) + " -W " +
                               std::to_string(static_cast<int>(a4_width / 2)) + " -H " +
                               std::to_string(static_cast<int>(a4_height / 2))));
}

struct WordBox {
    double left, top, right, bottom;
    std::string word;
};

// Where pdftotext finds each word on the paper, in points from the top left corner.
std::vector<WordBox> word_boxes(const std::string& pdf) {
    const std::string html = run_pdftotext(pdf, "-bbox");
    const std::regex word(
        R"re(<word xMin="([0-9.]+)" yMin="([0-9.]+)" xMax="([0-9.]+)" yMax="([0-9.]+)">([^<]*)</word>)re");
    std::vector<WordBox> boxes;
    for (auto match = std::sregex_iterator(html.begin(), html.end(), word);
         match != std::sregex_iterator(); ++match) {
        boxes.push_back({std::stod((*match)[1]), std::stod((*match)[2]), std::stod((*match)[3]),
                         std::stod((*match)[4]), (*match)[5]});
    }
    return boxes;
}

std::vector<std::string> numbered_names(int count) {
    std::vector<std::string> names;
    for (int number = 1; number <= count; ++number)
        names.push_back("Deelnemer Nummer " + std::to_string(number));
    return names;
}

std::vector<TableCard> three_tables() {
    return {
        {"Oranje",
         "Zoë de Vries-Ünal",
         {{1,
           "Wat maakt een café tot een plek voor één idee?",
           {"Zoë de Vries-Ünal", "Bram Jansen", "Ayşe Özdemir"}},
          {2, "Wie ontbreekt er nog aan tafel?", {"Zoë de Vries-Ünal", "Chloé Maës"}}}},
        {"Blauw",
         "",
         {{1, "Wat maakt een café tot een plek voor één idee?", {"Daan Bakker", "Eline Smit"}},
          {2, "", {"Ayşe Özdemir", "Daan Bakker"}}}},
        {"Groen", "Fatima el Amrani", {{1, "", {"Fatima el Amrani"}}, {2, "", {}}}},
    };
}

TEST(TableCardsPdf, IsACompletePdfWithOnePagePerTableInDejaVuSans) {
    const std::string pdf = table_cards_pdf("Kenniscafé Zuid", three_tables(), dutch);
    expect_complete_pdf(pdf);
    EXPECT_EQ(page_count(pdf), 3);
    EXPECT_NE(pdf.find("DejaVuSans"), std::string::npos) << "the font is embedded";
}

TEST(TableCardsPdf, ShowTableHostQuestionsAndNamesWithTheirAccents) {
    if (!has_poppler()) GTEST_SKIP() << "pdftotext (poppler-utils) is not installed";
    const auto pages = page_texts(table_cards_pdf("Kenniscafé Zuid", three_tables(), dutch));
    ASSERT_EQ(pages.size(), 3u);
    for (const std::string expected :
         {"Kenniscafé Zuid", "Tafel Oranje", "Gastheer of gastvrouw Zoë de Vries-Ünal", "Ronde 1",
          "Wat maakt een café tot een plek voor één idee?",
          "Zoë de Vries-Ünal, Bram Jansen, Ayşe Özdemir", "Ronde 2",
          "Wie ontbreekt er nog aan tafel?", "Zoë de Vries-Ünal, Chloé Maës"}) {
        EXPECT_NE(pages[0].find(expected), std::string::npos) << expected << " in " << pages[0];
    }
    EXPECT_NE(pages[1].find("Tafel Blauw"), std::string::npos) << pages[1];
    EXPECT_EQ(pages[1].find("Gastheer"), std::string::npos)
        << "a table without a host says nothing about one";
    EXPECT_NE(pages[1].find("Ayşe Özdemir, Daan Bakker"), std::string::npos) << pages[1];
    EXPECT_NE(pages[2].find("Tafel Groen"), std::string::npos) << pages[2];
    EXPECT_NE(pages[2].find("Fatima el Amrani"), std::string::npos) << pages[2];
}

TEST(TableCardsPdf, ATableWithVeryManyNamesContinuesOnTheNextPageUnderItsName) {
    const auto names = numbered_names(150);
    const std::vector<TableCard> cards = {
        {"Oranje", "Gert", {{1, "Eerste vraag", names}, {2, "Tweede vraag", names}}},
        {"Blauw", "", {{1, "", {"Daan Bakker"}}}}};
    const std::string pdf = table_cards_pdf("Groot café", cards, dutch);
    expect_complete_pdf(pdf);
    const int pages_of_oranje = page_count(pdf) - 1;
    EXPECT_GE(pages_of_oranje, 2);

    if (!has_poppler()) GTEST_SKIP() << "pdftotext (poppler-utils) is not installed";
    const auto pages = page_texts(pdf);
    ASSERT_EQ(pages.size(), static_cast<std::size_t>(pages_of_oranje + 1));
    // Every further page of the table starts with its name; without those headings the
    // pages read as one text in which no name is missing.
    const std::string continuation_heading = "Groot café Tafel Oranje ";
    std::string oranje = pages.front();
    for (int page = 1; page < pages_of_oranje; ++page) {
        const std::string& text = pages[static_cast<std::size_t>(page)];
        ASSERT_TRUE(text.starts_with(continuation_heading)) << text.substr(0, 100);
        oranje += " " + text.substr(continuation_heading.size());
    }
    std::string all_names;
    for (const std::string& name : names) all_names += (all_names.empty() ? "" : ", ") + name;
    EXPECT_NE(oranje.find("Ronde 1 Eerste vraag " + all_names + " Ronde 2"), std::string::npos)
        << oranje;
    EXPECT_TRUE(oranje.ends_with("Ronde 2 Tweede vraag " + all_names)) << oranje;
    EXPECT_NE(pages.back().find("Tafel Blauw"), std::string::npos)
        << "the next table starts on a page of its own";
    EXPECT_EQ(pages.back().find("Oranje"), std::string::npos);
}

TEST(TableCardsPdf, LongQuestionsAndNamesWrapWithinTheMargins) {
    if (!has_poppler()) GTEST_SKIP() << "pdftotext (poppler-utils) is not installed";
    const std::string question =
        "Hoe zorgen we er samen voor dat bewoners, ambtenaren, studenten en onderzoekers in de "
        "wijk Feijenoord "
        "elkaar vaker ontmoeten, ook buiten de vergaderzaal, en wat is daarvoor nodig van de "
        "gemeente, van de "
        "hogeschool en van de bewonersorganisaties die er al jaren actief zijn?";
    const std::string long_name =
        "Maria-Magdalena Adelheid Wilhelmina van Oldenbarnevelt tot Haersolte-Ruyschenberg";
    const std::string table = "Tafel met een bijzonder lange naam over duurzaamheid en energie";
    const std::string unbroken = std::string(120, 'x');
    const std::string pdf = table_cards_pdf(
        "Café", {{table, long_name, {{1, question, {long_name, unbroken}}}}}, dutch);
    expect_complete_pdf(pdf);

    const std::string text = run_pdftotext(pdf, "");
    EXPECT_EQ(text.find(question), std::string::npos)
        << "the question is wrapped over several lines";
    const auto pages = page_texts(pdf);
    ASSERT_EQ(pages.size(), 1u) << "a long table name shrinks to leave room for the rest";
    EXPECT_NE(pages[0].find(question), std::string::npos) << pages[0];
    EXPECT_NE(pages[0].find(table), std::string::npos) << pages[0];
    EXPECT_NE(without_hyphens(pages[0]).find(without_hyphens(long_name)), std::string::npos)
        << pages[0];

    const auto boxes = word_boxes(pdf);
    ASSERT_GT(boxes.size(), 50u);
    for (const WordBox& box : boxes) {
        EXPECT_GE(box.left, 40) << box.word;
        EXPECT_LE(box.right, a4_width - 40) << box.word;
        EXPECT_LE(box.bottom, a4_height - 40) << box.word;
    }
}

std::vector<RouteCard> route_cards(int count) {
    std::vector<RouteCard> cards;
    const std::vector<std::string> tables = {"Oranje", "Blauw", "Groen"};
    for (int person = 1; person <= count; ++person) {
        RouteCard card{"Deelnemer " + std::to_string(person), {}};
        for (int round = 1; round <= 3; ++round) {
            card.steps.push_back(
                {round, tables[static_cast<std::size_t>(person + round) % tables.size()]});
        }
        cards.push_back(card);
    }
    cards.front().person = "Zoë de Vries-Ünal";
    return cards;
}

TEST(RouteCardsPdf, PutsFourCardsOnEveryA4Page) {
    for (const int cards : {1, 4, 5, 8, 9}) {
        const std::string pdf = route_cards_pdf("Kenniscafé", route_cards(cards), dutch);
        expect_complete_pdf(pdf);
        EXPECT_EQ(page_count(pdf), (cards + 3) / 4) << cards << " cards";
    }
}

TEST(RouteCardsPdf, ShowThePersonTheEventAndTheirTableEveryRoundOnTheirOwnCard) {
    if (!has_poppler()) GTEST_SKIP() << "pdftotext (poppler-utils) is not installed";
    const auto cards = route_cards(9);
    const std::string pdf = route_cards_pdf("Kenniscafé Zuid", cards, dutch);
    for (std::size_t index = 0; index < cards.size(); ++index) {
        std::string route = cards[index].person + " Kenniscafé Zuid";
        for (const RouteStep& step : cards[index].steps) {
            route += " Ronde " + std::to_string(step.round) + ": Tafel " + step.table_name;
        }
        const std::string card =
            route_card_text(pdf, static_cast<int>(index / 4 + 1), static_cast<int>(index % 4));
        EXPECT_EQ(without_hyphens(card), without_hyphens(route)) << "card " << index;
    }
}

// What a phone camera reads on the first page: the PDF rendered at print resolution by
// pdftoppm and scanned by zbarimg, one decoded text per code.
std::vector<std::string> scanned_codes(const std::string& pdf) {
    const std::filesystem::path base =
        std::filesystem::path(testing::TempDir()) / ("qr-" + std::to_string(::getpid()));
    std::ofstream(base.string() + ".pdf", std::ios::binary) << pdf;
    const std::string command = "pdftoppm -r 200 -png -f 1 -l 1 -singlefile '" + base.string() +
                                ".pdf' '" + base.string() + "' && zbarimg --raw -q 2>/dev/null '" +
                                base.string() + ".png'";
    const std::string output = command_output(command);
    std::filesystem::remove(base.string() + ".pdf");
    std::filesystem::remove(base.string() + ".png");
    std::vector<std::string> codes;
    std::istringstream lines(output);
    for (std::string line; std::getline(lines, line);) {
        if (!line.empty()) codes.push_back(line);
    }
    std::sort(codes.begin(), codes.end());
    return codes;
}

TEST(RouteCardsPdf, AQrCodeOnEachCardLeadsToThePersonalPage) {
    if (!has_poppler() || std::system("command -v zbarimg > /dev/null 2>&1") != 0) {
        GTEST_SKIP() << "pdftoppm (poppler-utils) or zbarimg (zbar-tools) is not installed";
    }
    auto cards = route_cards(4);
    std::vector<std::string> links;
    for (std::size_t i = 0; i < cards.size(); ++i) {
        cards[i].link = "https://kenniscafe.example.nl/aanmelding/token-" + std::to_string(i) +
                        "-Xq9vT2mLp0aZ4sWb";
        links.push_back(cards[i].link);
    }
    const std::string pdf = route_cards_pdf("Kenniscafé Zuid", cards, dutch);
    EXPECT_EQ(scanned_codes(pdf), links);
    EXPECT_NE(normalised(run_pdftotext(pdf, "")).find("Scan: je tafel op je telefoon"),
              std::string::npos);
}

TEST(RouteCardsPdf, LongNamesAndManyRoundsStayOnTheirCard) {
    if (!has_poppler()) GTEST_SKIP() << "pdftotext (poppler-utils) is not installed";
    RouteCard crowded{
        "Maria-Magdalena Adelheid Wilhelmina van Oldenbarnevelt tot Haersolte-Ruyschenberg", {}};
    for (int round = 1; round <= 8; ++round) {
        crowded.steps.push_back(
            {round, "Duurzaamheid en energie in de wijk, tafel nummer " + std::to_string(round)});
    }
    const std::vector<RouteCard> cards(4, crowded);
    const std::string pdf =
        route_cards_pdf("Kenniscafé over de toekomst van de wijk Feijenoord", cards, dutch);

    for (int place = 0; place < 4; ++place) {
        const std::string card = route_card_text(pdf, 1, place);
        EXPECT_NE(without_hyphens(card).find(without_hyphens(crowded.person)), std::string::npos)
            << card;
        EXPECT_NE(card.find("Ronde 8: Tafel Duurzaamheid en energie in de wijk, tafel nummer 8"),
                  std::string::npos)
            << "the last line still fits, smaller: " << card;
    }

    const auto boxes = word_boxes(pdf);
    ASSERT_GT(boxes.size(), 100u);
    for (const WordBox& box : boxes) {
        const bool crosses_vertical_cut = box.left < a4_width / 2 && box.right > a4_width / 2;
        const bool crosses_horizontal_cut = box.top < a4_height / 2 && box.bottom > a4_height / 2;
        EXPECT_FALSE(crosses_vertical_cut || crosses_horizontal_cut)
            << box.word << " at " << box.left << "," << box.top;
        EXPECT_GE(box.left, 0) << box.word;
        EXPECT_LE(box.right, a4_width) << box.word;
        EXPECT_LE(box.bottom, a4_height) << box.word;
    }
}

TEST(CardsPdf, WithoutCardsThereIsOnePageSayingThereIsNothingToPrint) {
    for (const std::string& pdf :
         {table_cards_pdf("Leeg café", {}, dutch), route_cards_pdf("Leeg café", {}, dutch)}) {
        expect_complete_pdf(pdf);
        EXPECT_EQ(page_count(pdf), 1);
        if (!has_poppler()) continue;
        const auto pages = page_texts(pdf);
        ASSERT_EQ(pages.size(), 1u);
        EXPECT_NE(pages[0].find("Leeg café Er is nog niets om af te drukken."), std::string::npos)
            << pages[0];
    }
}

TEST(CardsPdf, DamagedTextStillPrintsWhatCanBeRead) {
    const std::string pdf = route_cards_pdf("Caf\xE9", {{"Zo\xEB Jansen", {{1, "Oranje"}}}}, dutch);
    expect_complete_pdf(pdf);
    EXPECT_EQ(page_count(pdf), 1);
    if (!has_poppler()) GTEST_SKIP() << "pdftotext (poppler-utils) is not installed";
    EXPECT_NE(normalised(run_pdftotext(pdf, "")).find("Jansen Caf"), std::string::npos);
}

}  // namespace
}  // namespace kc::reports
