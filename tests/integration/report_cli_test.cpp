// `kenniscafe report magazine` on the real binary and the demo Werkplaats: the PDF checked
// with poppler (text with its diacritics, A4 pages, embedded fonts, the contents' page numbers,
// one page rendered to PNG), the HTML file, the progress on stderr and bad arguments refused.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <iterator>
#include <regex>
#include <sstream>

#include "server_process.hpp"
#include "test_support.hpp"

namespace kc {
namespace {

using testing::run;

bool has_poppler() { return run("command -v pdftotext pdfinfo pdffonts pdftoppm").first == 0; }

std::string read_file(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

class ReportCli : public ::testing::Test {
  protected:
    void SetUp() override {
        ASSERT_EQ(run(std::string(KC_BINARY) + " demo --db " + db_).first, 0);
        std::ofstream(dir_.file("voorwoord.md")) << "Een woord vooraf over één jaar vol cafés.\n";
    }

    std::pair<int, std::string> magazine(const std::string& arguments) {
        return run(std::string(KC_BINARY) + " report magazine --db " + db_ + " " + arguments);
    }

    testing::TempDir dir_;
    std::string db_ = dir_.file("demo.db");
};

TEST_F(ReportCli, TheMagazinePdfHasRealTextA4PagesEmbeddedFontsAndPageNumbers) {
    if (!has_poppler()) GTEST_SKIP() << "poppler-utils is not installed";
    const std::string pdf = dir_.file("magazine.pdf");
    const auto [code, output] = magazine("--from 2018-09-01 --to 2019-06-30 --format pdf --out " +
                                         pdf + " --foreword " + dir_.file("voorwoord.md"));
    ASSERT_EQ(code, 0) << output;
    // Progress for every café on stderr (the runner merges it into the output).
    EXPECT_NE(output.find("café 5 van 5"), std::string::npos) << output;

    const auto info = run("pdfinfo " + pdf).second;
    EXPECT_TRUE(std::regex_search(info, std::regex("Page size:\\s+595.276 x 841.89 pts \\(A4\\)")))
        << info;
    std::smatch pages;
    ASSERT_TRUE(std::regex_search(info, pages, std::regex("Pages:\\s+(\\d+)")));
    EXPECT_GE(std::stoi(pages[1]), 8) << "cover, foreword, overview, contents, five cafés, close";

    const auto fonts = run("pdffonts " + pdf).second;
    EXPECT_NE(fonts.find("DejaVuSans"), std::string::npos) << fonts;
    // Every font line ends "emb sub uni object ID": all of them embedded.
    std::istringstream lines(fonts);
    std::string line;
    int font_lines = 0;
    while (std::getline(lines, line)) {
        if (line.find("DejaVu") == std::string::npos) continue;
        ++font_lines;
        EXPECT_TRUE(
            std::regex_search(line, std::regex("\\s+yes\\s+yes\\s+(yes|no)\\s+\\d+\\s+\\d+$")))
            << line;
    }
    EXPECT_GT(font_lines, 0);

    const auto text = run("pdftotext -enc UTF-8 " + pdf + " -").second;
    for (const char* expected :
         {"136 bezoekers bij vijf kenniscafés", "één jaar vol cafés",
          "Het omgekeerde keukentafelgesprek", "Voorkomen huisuitzettingen", "Wie waren er?",
          "Inhoud", "Contact", "Wereldcafé", "huisuitzetting raakt een heel gezin",
          // The demo's live statements, with their table by group under the bars.
          "In een wijkteam is duidelijk wie wat doet.", "Antwoord", "Docent(onderzoeker)",
          "helemaal oneens"}) {
        EXPECT_NE(text.find(expected), std::string::npos) << expected;
    }

    // The contents names the page a chapter starts on; that page starts with its title.
    const auto contents_page = [&] {
        std::size_t page = 1;
        for (std::size_t at = 0; at < text.size() && at < text.find("Inhoud\n"); ++at) {
            if (text[at] == '\f') ++page;
        }
        return page;
    }();
    const auto contents = run("pdftotext -enc UTF-8 -layout -f " + std::to_string(contents_page) +
                              " -l " + std::to_string(contents_page) + " " + pdf + " -")
                              .second;
    std::smatch entry;
    ASSERT_TRUE(std::regex_search(contents, entry,
                                  std::regex("Voorkomen huisuitzettingen.*?\\s(\\d+)\\s*\\n")))
        << contents;
    const auto chapter = run("pdftotext -enc UTF-8 -f " + entry[1].str() + " -l " + entry[1].str() +
                             " " + pdf + " -")
                             .second;
    EXPECT_TRUE(chapter.starts_with("Voorkomen huisuitzettingen")) << chapter.substr(0, 200);
    // Its page number stands at its foot.
    EXPECT_NE(chapter.find("\n" + entry[1].str() + "\n"), std::string::npos) << chapter;

    // One page as an image: the PDF renders.
    ASSERT_EQ(
        run("pdftoppm -png -r 50 -f 1 -l 1 -singlefile " + pdf + " " + dir_.file("cover")).first,
        0);
    const std::string png = read_file(dir_.file("cover.png"));
    EXPECT_TRUE(png.starts_with("\x89PNG")) << png.size();
}

TEST_F(ReportCli, TheMagazineAsHtmlIsOneDocumentWithChaptersAndNoScript) {
    const std::string html = dir_.file("magazine.html");
    const auto [code, output] =
        magazine("--from 2018-10-01 --to 2018-12-31 --format html --out " + html);
    ASSERT_EQ(code, 0) << output;
    const std::string document = read_file(html);
    EXPECT_TRUE(document.starts_with("<!DOCTYPE html>"));
    EXPECT_NE(document.find("<html lang=\"nl\">"), std::string::npos);
    EXPECT_NE(document.find("Het omgekeerde keukentafelgesprek"), std::string::npos);
    EXPECT_NE(document.find("Verbondenheid en veerkracht"), std::string::npos);
    EXPECT_EQ(document.find("Voorkomen huisuitzettingen"), std::string::npos) << "after the period";
    EXPECT_NE(document.find("drie kenniscafés"), std::string::npos);
    EXPECT_EQ(document.find("<script"), std::string::npos);
}

TEST_F(ReportCli, BadArgumentsGetAClearMessageAndAnExitCode) {
    const std::string out = " --out " + dir_.file("x.pdf");
    const auto format = magazine("--from 2018-01-01 --to 2019-01-01 --format docx" + out);
    EXPECT_EQ(format.first, 1);
    EXPECT_NE(format.second.find("--format moet pdf of html zijn"), std::string::npos)
        << format.second;
    const auto date = magazine("--from 2018-13-01 --to 2019-01-01 --format pdf" + out);
    EXPECT_EQ(date.first, 1);
    EXPECT_NE(date.second.find("--from moet een datum zijn"), std::string::npos) << date.second;
    const auto reversed = magazine("--from 2019-01-01 --to 2018-01-01 --format pdf" + out);
    EXPECT_EQ(reversed.first, 1);
    EXPECT_NE(reversed.second.find("--to ligt voor --from"), std::string::npos);
    const auto werkplaats =
        magazine("--from 2018-01-01 --to 2019-01-01 --format pdf --werkplaats geen" + out);
    EXPECT_EQ(werkplaats.first, 1);
    EXPECT_NE(werkplaats.second.find("geen Werkplaats met de naam 'geen'"), std::string::npos);
    const auto missing = run(std::string(KC_BINARY) + " report magazine --db " + db_ +
                             " --from 2018-01-01 --format pdf" + out);
    EXPECT_NE(missing.first, 0);
    EXPECT_FALSE(std::filesystem::exists(dir_.file("x.pdf")));
}

}  // namespace
}  // namespace kc
