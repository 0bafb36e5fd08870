#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "reports/live_svg.hpp"

namespace kc::reports {
namespace {

using domain::ShownCount;
using domain::live::QuestionKind;
using domain::live::QuestionSettings;
using domain::live::Results;
using domain::live::Tally;
using domain::live::WordFilter;

const WordFilter no_filter;

QuestionSettings question_of(QuestionKind kind) {
    QuestionSettings question;
    question.kind = kind;
    question.prompt = "Wat helpt het meest?";
    question.options = {"Schuldhulp", "Buurtteam <script>alert(1)</script>"};
    question.correct_option = 0;
    return question;
}

bool contains(const std::string& text, const std::string& part) {
    return text.find(part) != std::string::npos;
}

TEST(LiveSvg, ChoiceBarsHaveATitleADescriptionAndEscapedLabels) {
    const QuestionSettings question = question_of(QuestionKind::choice);
    Tally tally(question, {});
    tally.record(1, 0, {.options = {1}}, 0, 0, no_filter);
    const std::string svg = svg_live_results(tally.results({}), question, {}, {.id = "vraag-3"});
    EXPECT_TRUE(svg.starts_with("<svg "));
    EXPECT_TRUE(svg.ends_with("</svg>"));
    EXPECT_TRUE(contains(svg, "role=\"img\""));
    EXPECT_TRUE(contains(svg, "<title id=\"vraag-3-title\">Wat helpt het meest?</title>"));
    EXPECT_TRUE(contains(svg, "<desc id=\"vraag-3-desc\">1 deelnemers."));
    EXPECT_TRUE(contains(svg, "&lt;script&gt;"));
    EXPECT_FALSE(contains(svg, "<script>"));
}

TEST(LiveSvg, QuizMarksTheCorrectOptionInWordsOnlyWhenRevealed) {
    const QuestionSettings question = question_of(QuestionKind::quiz);
    Tally tally(question, {});
    tally.record(1, 0, {.options = {0}}, 0, 1'000, no_filter);
    EXPECT_FALSE(contains(svg_live_results(tally.results({}), question, {}, {}), "✓ juist"));
    const std::string revealed =
        svg_live_results(tally.results({.reveal_correct = true}), question, {}, {});
    EXPECT_TRUE(contains(revealed, "Schuldhulp ✓ juist"));
}

TEST(LiveSvg, StatementShowsTheFiveLevelsInTheChosenLanguage) {
    const QuestionSettings question = question_of(QuestionKind::statement);
    Tally tally(question, {});
    tally.record(1, 0, {.number = 4}, 0, 0, no_filter);
    const std::string dutch = svg_live_results(tally.results({}), question, {}, {});
    EXPECT_TRUE(contains(dutch, "helemaal oneens"));
    EXPECT_TRUE(contains(dutch, "gemiddeld: 4."));
    LiveSvgOptions english;
    english.texts.statement_levels = {"strongly disagree", "disagree", "neutral", "agree",
                                      "strongly agree"};
    EXPECT_TRUE(
        contains(svg_live_results(tally.results({}), question, {}, english), "strongly agree"));
}

TEST(LiveSvg, WordCloudWritesEveryWordWithItsSizeAndLength) {
    QuestionSettings question = question_of(QuestionKind::word_cloud);
    Tally tally(question, {});
    tally.record(1, 0, {.words = {"armoede", "wonen"}}, 0, 0, no_filter);
    tally.record(2, 0, {.words = {"Armoede", "<b>"}}, 0, 0, no_filter);
    const std::string svg = svg_live_results(tally.results({}), question, {}, {});
    EXPECT_TRUE(contains(svg, ">armoede</text>"));
    EXPECT_TRUE(contains(svg, ">wonen</text>"));
    EXPECT_TRUE(contains(svg, ">&lt;b&gt;</text>"));
    EXPECT_TRUE(contains(svg, "font-size=\"64\" textLength="));
    EXPECT_TRUE(contains(svg, "armoede: 2."));
    EXPECT_FALSE(contains(svg, "rotate"));
}

TEST(LiveSvg, AnEmptyWordCloudSaysSo) {
    const QuestionSettings question = question_of(QuestionKind::word_cloud);
    const std::string svg = svg_live_results(Tally(question, {}).results({}), question, {}, {});
    EXPECT_TRUE(contains(svg, "Nog geen woorden"));
}

TEST(LiveSvg, GroupBreakdownWritesSmallNumbersInWords) {
    const QuestionSettings question = question_of(QuestionKind::choice);
    Tally tally(question, {7, 8});
    for (std::int64_t participant = 1; participant <= 6; ++participant) {
        tally.record(participant, 7, {.options = {0}}, 0, 0, no_filter);
    }
    tally.record(9, 8, {.options = {0}}, 0, 0, no_filter);
    const Results results = tally.results({.by_group = true});
    ASSERT_EQ(results.options[0].groups.by_group[1].kind, ShownCount::Kind::fewer_than);
    const std::string svg = svg_live_results(results, question, {"Studenten", "Bewoners"}, {});
    EXPECT_TRUE(contains(svg, ">minder dan 5</text>"));
    EXPECT_TRUE(contains(svg, ">–</text>"));
    EXPECT_TRUE(contains(svg, "Bewoners minder dan 5"));
    EXPECT_TRUE(contains(svg, ">Studenten</text>"));
    EXPECT_TRUE(contains(svg, "totaal 7."));
}

TEST(LiveSvg, OpenQuestionsAndQaHaveNoChart) {
    const QuestionSettings open = question_of(QuestionKind::open);
    EXPECT_TRUE(svg_live_results(Tally(open, {}).results({}), open, {}, {}).empty());
    const QuestionSettings qa = question_of(QuestionKind::qa);
    EXPECT_TRUE(svg_live_results(Tally(qa, {}).results({}), qa, {}, {}).empty());
}

}  // namespace
}  // namespace kc::reports
