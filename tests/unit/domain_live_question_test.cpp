#include <gtest/gtest.h>

#include <algorithm>

#include "domain/live_question.hpp"

namespace kc::domain::live {
namespace {

constexpr std::int64_t students = 11;
constexpr std::int64_t residents = 22;
constexpr std::int64_t no_group = 0;

const WordFilter no_filter;

QuestionSettings choice_question(bool multiple = false) {
    QuestionSettings question;
    question.kind = QuestionKind::choice;
    question.prompt = "Wat helpt het meest?";
    question.options = {"Schuldhulp", "Buurtteam", "Wetswijziging"};
    question.multiple = multiple;
    return question;
}

QuestionSettings question_of(QuestionKind kind) {
    QuestionSettings question = choice_question();
    question.kind = kind;
    question.correct_option = 1;
    return question;
}

AnswerValue picked(std::vector<int> options) { return {.options = std::move(options)}; }
AnswerValue number(int value) { return {.number = value}; }
AnswerValue words(std::vector<std::string> list) { return {.words = std::move(list)}; }
AnswerValue text(std::string value) { return {.text = std::move(value)}; }
AnswerValue upvote(std::int64_t entry) { return {.upvote = entry}; }

AnswerCheck answer(Tally& tally, std::int64_t participant, const AnswerValue& value,
                   std::int64_t group = no_group, std::int64_t elapsed_ms = 0) {
    return tally.record(participant, group, value, participant * 100, elapsed_ms, no_filter);
}

std::vector<int> counts(const Results& results) {
    std::vector<int> found;
    for (const OptionResult& option : results.options) found.push_back(option.count);
    return found;
}

bool has_error(const FieldErrors& errors, const std::string& field, const std::string& key) {
    return std::any_of(errors.begin(), errors.end(), [&](const FieldError& error) {
        return error.field == field && error.message_key == key;
    });
}

TEST(LiveQuestionKind, SlugsRoundTripAndNameTheEnum) {
    for (const auto kind : {QuestionKind::word_cloud, QuestionKind::choice, QuestionKind::statement,
                            QuestionKind::scale, QuestionKind::quiz, QuestionKind::open,
                            QuestionKind::qa, QuestionKind::ranking}) {
        EXPECT_EQ(question_kind_from_slug(to_slug(kind)), kind);
    }
    EXPECT_EQ(to_slug(QuestionKind::word_cloud), "word_cloud");
    EXPECT_FALSE(question_kind_from_slug("poll"));
}

TEST(LiveQuestionKind, OnlyOpenAndQaAddAnEntryPerAnswer) {
    EXPECT_FALSE(has_one_answer_per_participant(QuestionKind::open));
    EXPECT_FALSE(has_one_answer_per_participant(QuestionKind::qa));
    EXPECT_TRUE(has_one_answer_per_participant(QuestionKind::quiz));
    EXPECT_TRUE(has_one_answer_per_participant(QuestionKind::word_cloud));
}

TEST(LiveValidation, AcceptsAPreparedQuestionOfEveryKind) {
    for (const auto kind : {QuestionKind::word_cloud, QuestionKind::choice, QuestionKind::statement,
                            QuestionKind::scale, QuestionKind::quiz, QuestionKind::open,
                            QuestionKind::qa, QuestionKind::ranking}) {
        EXPECT_TRUE(validate(question_of(kind)).empty()) << to_slug(kind);
    }
}

TEST(LiveValidation, RefusesAMissingOrOverlongPromptAndBrokenText) {
    QuestionSettings question = choice_question();
    question.prompt = "  ";
    EXPECT_TRUE(has_error(validate(question), "prompt", "live.error.prompt_required"));
    question.prompt = std::string(301, 'x');
    const FieldErrors errors = validate(question);
    ASSERT_TRUE(has_error(errors, "prompt", "live.error.prompt_too_long"));
    EXPECT_EQ(errors.front().limit, 300);
    question.prompt = "kapot \xC3";
    EXPECT_TRUE(has_error(validate(question), "prompt", "live.error.invalid_text"));
}

TEST(LiveValidation, ChecksTheNumberAndLengthOfOptions) {
    QuestionSettings question = choice_question();
    question.options = {"Alleen"};
    EXPECT_TRUE(has_error(validate(question), "options", "live.error.options_count"));
    question.options = std::vector<std::string>(13, "x");
    EXPECT_TRUE(has_error(validate(question), "options", "live.error.options_count"));
    question.options = {"Ja", std::string(121, 'n'), " "};
    const FieldErrors errors = validate(question);
    EXPECT_TRUE(has_error(errors, "options[1]", "live.error.option_too_long"));
    EXPECT_TRUE(has_error(errors, "options[2]", "live.error.option_required"));
    question.options = {"Één", "een"};
    EXPECT_TRUE(has_error(validate(question), "options[1]", "live.error.option_duplicate"));
}

TEST(LiveValidation, ChecksTheQuizAnswerAndTime) {
    QuestionSettings question = question_of(QuestionKind::quiz);
    question.correct_option = 3;
    question.time_limit_seconds = 4;
    const FieldErrors errors = validate(question);
    EXPECT_TRUE(has_error(errors, "correct_option", "live.error.correct_option"));
    EXPECT_TRUE(has_error(errors, "time_limit_seconds", "live.error.quiz_seconds"));
}

TEST(LiveValidation, ChecksTheScaleRangeAndLabels) {
    QuestionSettings question = question_of(QuestionKind::scale);
    question.scale_min = 5;
    question.scale_max = 5;
    EXPECT_TRUE(has_error(validate(question), "scale_max", "live.error.scale_range"));
    question.scale_min = 0;
    question.scale_max = 21;  // 22 steps
    EXPECT_TRUE(has_error(validate(question), "scale_max", "live.error.scale_range"));
    question.scale_min = -11;
    EXPECT_TRUE(has_error(validate(question), "scale_min", "live.error.scale_range"));
    question.scale_min = 1;
    question.scale_max = 10;
    question.scale_max_label = std::string(61, 'x');
    EXPECT_TRUE(
        has_error(validate(question), "scale_max_label", "live.error.scale_label_too_long"));
}

TEST(LiveValidation, AllowsOneToFiveWordsPerParticipant) {
    QuestionSettings question = question_of(QuestionKind::word_cloud);
    question.words_per_participant = 6;
    EXPECT_TRUE(
        has_error(validate(question), "words_per_participant", "live.error.words_per_participant"));
    question.words_per_participant = 0;
    EXPECT_FALSE(validate(question).empty());
}

TEST(LiveWordKey, LowerCasesRemovesAccentsAndCollapsesSpaces) {
    EXPECT_EQ(word_key("  ÁRMOEDE  "), "armoede");
    EXPECT_EQ(word_key("Café  Crème\tBrûlée"), "cafe creme brulee");
    EXPECT_EQ(word_key("ÇÑÏÎÖÔÜÛ çñïîöôüû"), "cniioouu cniioouu");
    EXPECT_EQ(word_key("ĲSSELMEER"), "ĳsselmeer");
    EXPECT_EQ(word_key("ŁÓDŹ"), "łodź");
    EXPECT_EQ(word_key("Σοφία"), "Σοφία");
    EXPECT_EQ(word_key(" \t "), "");
}

TEST(LiveWordFilter, BlocksListedWordsAndLongOnesInsideOtherWords) {
    const WordFilter filter("Klootzak, kut\n\n  lul ,");
    EXPECT_TRUE(filter.blocks("wat een KLOOTZAK"));
    EXPECT_TRUE(filter.blocks("klootzakken"));
    EXPECT_TRUE(filter.blocks("Kut!"));
    EXPECT_FALSE(filter.blocks("kutzooi"));
    EXPECT_FALSE(filter.blocks("lullig"));
    EXPECT_FALSE(filter.blocks("armoede"));
    EXPECT_EQ(filter.to_text(), "klootzak\nkut\nlul");
}

TEST(LiveWordFilter, TheDefaultDutchListBlocksCommonSwearWords) {
    const WordFilter filter(default_dutch_word_filter());
    EXPECT_TRUE(filter.blocks("tyfus"));
    EXPECT_TRUE(filter.blocks("Mongool"));
    EXPECT_FALSE(filter.blocks("schuldhulpverlening"));
}

TEST(LiveQuizPoints, GivesAThousandAtOnceAndFiveHundredAtTheLimit) {
    EXPECT_EQ(quiz_points(true, 0, 20), 1000);
    EXPECT_EQ(quiz_points(true, 10'000, 20), 750);
    EXPECT_EQ(quiz_points(true, 20'000, 20), 500);
    EXPECT_EQ(quiz_points(true, 20'001, 20), 0);
    EXPECT_EQ(quiz_points(false, 0, 20), 0);
}

TEST(LiveTally, ChangedAnswerMovesTheCountToTheNewOption) {
    Tally tally(choice_question(), {students, residents});
    EXPECT_EQ(answer(tally, 1, picked({0}), students), AnswerCheck::accepted);
    EXPECT_EQ(answer(tally, 2, picked({0}), students), AnswerCheck::accepted);
    EXPECT_EQ(answer(tally, 1, picked({2}), students), AnswerCheck::accepted);
    const Results results = tally.results({.by_group = true, .small_numbers = {.threshold = 1}});
    EXPECT_EQ(counts(results), (std::vector<int>{1, 0, 1}));
    EXPECT_EQ(results.respondents, 2);
    EXPECT_EQ(results.options[0].groups.by_group[0], (ShownCount{ShownCount::Kind::exact, 1}));
    EXPECT_EQ(results.options[2].groups.by_group[0], (ShownCount{ShownCount::Kind::exact, 1}));
    EXPECT_EQ(tally.answer_of(1), picked({2}));
    EXPECT_FALSE(tally.answer_of(3));
}

TEST(LiveTally, SingleChoiceRefusesTwoOptionsAndMultipleRefusesDuplicates) {
    Tally single(choice_question(), {});
    EXPECT_EQ(answer(single, 1, picked({0, 1})), AnswerCheck::invalid);
    EXPECT_EQ(answer(single, 1, picked({3})), AnswerCheck::invalid);
    EXPECT_EQ(answer(single, 1, picked({})), AnswerCheck::invalid);
    Tally multiple(choice_question(true), {});
    EXPECT_EQ(answer(multiple, 1, picked({0, 0})), AnswerCheck::invalid);
    EXPECT_EQ(answer(multiple, 1, picked({0, 2})), AnswerCheck::accepted);
    EXPECT_EQ(counts(multiple.results({})), (std::vector<int>{1, 0, 1}));
    EXPECT_EQ(multiple.results({}).respondents, 1);
}

TEST(LiveTally, ParticipantsWithoutAGroupCountInTheTotalOnly) {
    Tally tally(choice_question(), {students, residents});
    answer(tally, 1, picked({1}), students);
    answer(tally, 2, picked({1}), students);
    answer(tally, 3, picked({1}), no_group);
    answer(tally, 4, picked({1}), 999);  // a group the session does not know
    const Results results = tally.results({.by_group = true, .small_numbers = {.threshold = 1}});
    const GroupCounts& groups = results.options[1].groups;
    EXPECT_EQ(groups.by_group, (std::vector<ShownCount>{{ShownCount::Kind::exact, 2},
                                                        {ShownCount::Kind::exact, 0}}));
    EXPECT_EQ(groups.total, (ShownCount{ShownCount::Kind::exact, 4}));
    EXPECT_EQ(results.respondents, 4);
    EXPECT_EQ(results.respondents_by_group.total, (ShownCount{ShownCount::Kind::exact, 4}));
}

TEST(LiveTally, SmallGroupCountsAreHiddenSoTheyCannotBeWorkedOut) {
    Tally tally(choice_question(), {students, residents});
    for (std::int64_t participant = 1; participant <= 6; ++participant) {
        answer(tally, participant, picked({1}), students);
    }
    answer(tally, 7, picked({1}), residents);
    const GroupCounts groups = tally.results({.by_group = true}).options[1].groups;
    EXPECT_EQ(groups.total, (ShownCount{ShownCount::Kind::exact, 7}));
    EXPECT_EQ(groups.by_group[1], (ShownCount{ShownCount::Kind::fewer_than, 5}));
    // The students' 6 would give the residents away as 7 - 6.
    EXPECT_EQ(groups.by_group[0].kind, ShownCount::Kind::withheld);
}

TEST(LiveTally, StatementKeepsFiveLevelsAndAnAverage) {
    Tally tally(question_of(QuestionKind::statement), {});
    EXPECT_EQ(answer(tally, 1, number(0)), AnswerCheck::invalid);
    EXPECT_EQ(answer(tally, 1, number(6)), AnswerCheck::invalid);
    EXPECT_EQ(answer(tally, 1, {}), AnswerCheck::invalid);
    answer(tally, 1, number(5));
    answer(tally, 2, number(2));
    const Results results = tally.results({});
    EXPECT_EQ(counts(results), (std::vector<int>{0, 1, 0, 0, 1}));
    ASSERT_TRUE(results.average);
    EXPECT_DOUBLE_EQ(*results.average, 3.5);
}

TEST(LiveTally, ScaleCountsEveryValueFromMinToMax) {
    QuestionSettings question = question_of(QuestionKind::scale);
    question.scale_min = -2;
    question.scale_max = 2;
    Tally tally(question, {});
    EXPECT_EQ(answer(tally, 1, number(3)), AnswerCheck::invalid);
    EXPECT_EQ(answer(tally, 1, number(-3)), AnswerCheck::invalid);
    answer(tally, 1, number(-2));
    answer(tally, 2, number(1));
    answer(tally, 3, number(1));
    const Results results = tally.results({});
    EXPECT_EQ(counts(results), (std::vector<int>{1, 0, 0, 2, 0}));
    EXPECT_EQ(results.options.front().label, "-2");
    EXPECT_DOUBLE_EQ(*results.average, 0);
}

TEST(LiveTally, RankingNeedsEveryOptionOnceAndSortsByScore) {
    Tally tally(question_of(QuestionKind::ranking), {});
    EXPECT_EQ(answer(tally, 1, picked({0, 1})), AnswerCheck::invalid);
    EXPECT_EQ(answer(tally, 1, picked({0, 1, 1})), AnswerCheck::invalid);
    EXPECT_EQ(answer(tally, 1, picked({0, 1, 3})), AnswerCheck::invalid);
    EXPECT_EQ(answer(tally, 1, picked({2, 0, 1})), AnswerCheck::accepted);
    EXPECT_EQ(answer(tally, 2, picked({2, 1, 0})), AnswerCheck::accepted);
    const Results results = tally.results({});
    ASSERT_EQ(results.options.size(), 3u);
    EXPECT_EQ(results.options[0].label, "Wetswijziging");
    EXPECT_DOUBLE_EQ(results.options[0].score, 3);
    EXPECT_DOUBLE_EQ(results.options[1].score, 1.5);  // Schuldhulp, first of a tie
    EXPECT_EQ(results.options[1].label, "Schuldhulp");
    EXPECT_DOUBLE_EQ(results.options[2].score, 1.5);
}

TEST(LiveTally, QuizCountsTheFirstAnswerInTimeAndMarksTheCorrectOptionOnlyWhenRevealed) {
    Tally tally(question_of(QuestionKind::quiz), {});
    EXPECT_EQ(answer(tally, 1, picked({1}), no_group, 10'000), AnswerCheck::accepted);
    EXPECT_EQ(answer(tally, 1, picked({0}), no_group, 11'000), AnswerCheck::already_final);
    EXPECT_EQ(answer(tally, 2, picked({1}), no_group, 20'001), AnswerCheck::too_late);
    EXPECT_EQ(answer(tally, 3, picked({0}), no_group, 1'000), AnswerCheck::accepted);
    EXPECT_EQ(tally.points_of(1), 750);
    EXPECT_EQ(tally.points_of(2), 0);
    EXPECT_EQ(tally.points_of(3), 0);
    EXPECT_EQ(counts(tally.results({})), (std::vector<int>{1, 1, 0}));
    EXPECT_FALSE(tally.results({}).options[1].correct);
    const Results revealed = tally.results({.reveal_correct = true});
    EXPECT_TRUE(revealed.options[1].correct);
    EXPECT_FALSE(revealed.options[0].correct);
}

TEST(LiveTally, WordCloudMergesSpellingsAndShowsTheMostUsedOne) {
    Tally tally(question_of(QuestionKind::word_cloud), {});
    answer(tally, 1, words({"Armoede", "wonen"}));
    answer(tally, 2, words({"armoede "}));
    answer(tally, 3, words({"ÁRMOEDE", "armoede"}));  // once per participant
    answer(tally, 4, words({"armoede"}));
    const Results results = tally.results({});
    ASSERT_EQ(results.words.size(), 2u);
    EXPECT_EQ(results.words[0].text, "armoede");
    EXPECT_EQ(results.words[0].count, 4);
    EXPECT_EQ(results.words[1].text, "wonen");
    EXPECT_EQ(results.respondents, 4);
}

TEST(LiveTally, WordCloudChecksTheNumberAndLengthOfWords) {
    Tally tally(question_of(QuestionKind::word_cloud), {});  // three words each
    EXPECT_EQ(answer(tally, 1, words({"a", "b", "c", "d"})), AnswerCheck::invalid);
    EXPECT_EQ(answer(tally, 1, words({"a", "  "})), AnswerCheck::invalid);
    EXPECT_EQ(answer(tally, 1, words({std::string(41, 'x')})), AnswerCheck::invalid);
    EXPECT_EQ(answer(tally, 1, words({})), AnswerCheck::invalid);
    EXPECT_EQ(answer(tally, 1, words({std::string(20, 'x') + "éééééééééééééééééééé"})),
              AnswerCheck::accepted);
}

TEST(LiveTally, ChangedWordsLeaveTheOldWordsAndTheirGroups) {
    Tally tally(question_of(QuestionKind::word_cloud), {students});
    answer(tally, 1, words({"huur", "armoede"}), students);
    answer(tally, 1, words({"armoede", "schulden"}), students);
    const Results results = tally.results({.by_group = true, .small_numbers = {.threshold = 1}});
    ASSERT_EQ(results.words.size(), 2u);
    EXPECT_EQ(results.words[0].text, "armoede");
    EXPECT_EQ(results.words[1].text, "schulden");
    EXPECT_EQ(results.words[0].groups.by_group[0], (ShownCount{ShownCount::Kind::exact, 1}));
}

TEST(LiveTally, MergedWordsCountTogetherAlsoForLaterAnswers) {
    Tally tally(question_of(QuestionKind::word_cloud), {});
    answer(tally, 1, words({"armoe"}));
    answer(tally, 2, words({"Armoede"}));
    tally.merge_words("armoe", "armoede");
    answer(tally, 3, words({"ARMOE"}));
    Results results = tally.results({});
    ASSERT_EQ(results.words.size(), 1u);
    EXPECT_EQ(results.words[0].text, "Armoede");
    EXPECT_EQ(results.words[0].count, 3);
    // Changing an answer after the merge takes the count from the merged word.
    answer(tally, 1, words({"wonen"}));
    results = tally.results({});
    EXPECT_EQ(results.words[0].count, 2);
}

TEST(LiveTally, MergingIntoAWordNobodyUsedShowsThePresentersSpelling) {
    Tally tally(question_of(QuestionKind::word_cloud), {});
    answer(tally, 1, words({"amoede"}));
    tally.merge_words("amoede", "Armoede");
    tally.merge_words("Armoede", "amoede");  // back again: no loop
    const Results results = tally.results({});
    ASSERT_EQ(results.words.size(), 1u);
    EXPECT_EQ(results.words[0].text, "Armoede");
    EXPECT_EQ(results.words[0].count, 1);
}

TEST(LiveTally, HiddenWordsAreNotInTheResultsUntilShownAgain) {
    Tally tally(question_of(QuestionKind::word_cloud), {});
    answer(tally, 1, words({"armoede", "Jan"}));
    tally.hide_word("JAN");
    EXPECT_EQ(tally.results({}).words.size(), 1u);
    tally.show_word("jan");
    EXPECT_EQ(tally.results({}).words.size(), 2u);
}

TEST(LiveTally, FilteredWordsAreKeptHiddenAndCountNowhere) {
    Tally tally(question_of(QuestionKind::word_cloud), {});
    const WordFilter filter(default_dutch_word_filter());
    EXPECT_EQ(tally.record(1, no_group, words({"armoede", "KANKER"}), 0, 0, filter),
              AnswerCheck::filtered);
    EXPECT_TRUE(tally.answer_of(1));
    const Results results = tally.results({});
    EXPECT_TRUE(results.words.empty());
    EXPECT_EQ(results.respondents, 0);
}

TEST(LiveTally, OpenAnswersAddEntriesThatWaitForApprovalWhenAsked) {
    QuestionSettings question = question_of(QuestionKind::open);
    question.approve_first = true;
    Tally tally(question, {});
    const WordFilter filter("klootzak");
    EXPECT_EQ(tally.record(1, no_group, text("Meer budget"), 10, 0, filter), AnswerCheck::accepted);
    EXPECT_EQ(tally.record(1, no_group, text("En minder regels"), 11, 0, filter),
              AnswerCheck::accepted);
    EXPECT_EQ(tally.record(2, no_group, text("klootzak"), 12, 0, filter), AnswerCheck::filtered);
    EXPECT_EQ(tally.record(2, no_group, text("   "), 13, 0, filter), AnswerCheck::invalid);
    EXPECT_EQ(tally.record(2, no_group, text("dubbel"), 10, 0, filter), AnswerCheck::invalid);
    Results results = tally.results({});
    EXPECT_TRUE(results.entries.empty());
    EXPECT_EQ(results.pending_entries, 2);
    EXPECT_EQ(tally.results({.include_pending = true}).entries.size(), 2u);
    EXPECT_TRUE(tally.set_entry_status(11, Entry::Status::shown));
    EXPECT_FALSE(tally.set_entry_status(99, Entry::Status::shown));
    results = tally.results({});
    ASSERT_EQ(results.entries.size(), 1u);
    EXPECT_EQ(results.entries[0].text, "En minder regels");
    EXPECT_EQ(results.respondents, 1);
}

TEST(LiveTally, QaUpvotesToggleAndSortEntriesByVotes) {
    Tally tally(question_of(QuestionKind::qa), {});
    tally.record(1, no_group, text("Wie betaalt dit?"), 10, 0, no_filter);
    tally.record(2, no_group, text("Hoe lang duurt het?"), 11, 0, no_filter);
    EXPECT_EQ(answer(tally, 3, upvote(99)), AnswerCheck::invalid);
    EXPECT_EQ(answer(tally, 3, upvote(11)), AnswerCheck::accepted);
    EXPECT_EQ(answer(tally, 2, upvote(11)), AnswerCheck::accepted);  // own entry
    EXPECT_EQ(answer(tally, 2, upvote(11)), AnswerCheck::accepted);  // taken back
    EXPECT_EQ(answer(tally, 2, upvote(11)), AnswerCheck::accepted);
    EXPECT_EQ(answer(tally, 1, upvote(10)), AnswerCheck::accepted);
    Results results = tally.results({});
    ASSERT_EQ(results.entries.size(), 2u);
    EXPECT_EQ(results.entries[0].id, 11);
    EXPECT_EQ(results.entries[0].voters.size(), 2u);
    answer(tally, 3, upvote(11));
    results = tally.results({});
    EXPECT_EQ(results.entries[0].id, 10);  // one vote each: the lower id first
    EXPECT_EQ(results.respondents, 2);
}

TEST(LiveTally, CopiesKeepCountingOnTheirOwn) {
    Tally tally(choice_question(), {});
    answer(tally, 1, picked({0}));
    Tally copy = tally;
    answer(copy, 2, picked({0}));
    EXPECT_EQ(tally.results({}).options[0].count, 1);
    EXPECT_EQ(copy.results({}).options[0].count, 2);
}

TEST(LiveLeaderboard, SortsByPointsThenByTheEarlierParticipantAndCuts) {
    const auto rows =
        leaderboard({{3, "Cem", 900}, {2, "Bo", 1500}, {1, "Ada", 900}, {4, "Do", 10}}, 3);
    ASSERT_EQ(rows.size(), 3u);
    EXPECT_EQ(rows[0].name, "Bo");
    EXPECT_EQ(rows[1].name, "Ada");
    EXPECT_EQ(rows[2].name, "Cem");
}

std::vector<WordResult> many_words() {
    std::vector<WordResult> list;
    for (int i = 0; i < 80; ++i) {
        list.push_back({"woord" + std::to_string(i) + (i % 3 == 0 ? "enzovoort" : ""), 80 - i});
    }
    return list;
}

TEST(LiveWordCloudLayout, PlacesWordsInsideTheBoxWithoutOverlap) {
    const auto placed = layout_word_cloud(many_words(), 800, 450);
    ASSERT_GT(placed.size(), 10u);
    EXPECT_LE(placed.size(), 60u);
    EXPECT_EQ(placed[0].text, "woord0enzovoort");
    EXPECT_DOUBLE_EQ(placed[0].font_size, 64);
    for (std::size_t i = 0; i < placed.size(); ++i) {
        const PlacedWord& a = placed[i];
        EXPECT_GE(a.font_size, 14);
        EXPECT_GE(a.x - a.width / 2, 0);
        EXPECT_LE(a.x + a.width / 2, 800);
        EXPECT_GE(a.y - 0.8 * a.font_size, 0);
        EXPECT_LE(a.y + 0.2 * a.font_size, 450);
        for (std::size_t j = 0; j < i; ++j) {
            const PlacedWord& b = placed[j];
            const bool apart = a.x + a.width / 2 <= b.x - b.width / 2 ||
                               b.x + b.width / 2 <= a.x - a.width / 2 ||
                               a.y + 0.2 * a.font_size <= b.y - 0.8 * b.font_size ||
                               b.y + 0.2 * b.font_size <= a.y - 0.8 * a.font_size;
            EXPECT_TRUE(apart) << a.text << " overlaps " << b.text;
        }
    }
}

TEST(LiveWordCloudLayout, GivesTheSameLayoutForTheSameWords) {
    const auto first = layout_word_cloud(many_words(), 800, 450);
    const auto second = layout_word_cloud(many_words(), 800, 450);
    ASSERT_EQ(first.size(), second.size());
    for (std::size_t i = 0; i < first.size(); ++i) {
        EXPECT_EQ(first[i].text, second[i].text);
        EXPECT_DOUBLE_EQ(first[i].x, second[i].x);
        EXPECT_DOUBLE_EQ(first[i].y, second[i].y);
    }
}

TEST(LiveWordCloudLayout, SetsALongSingleWordSmallerSoItFits) {
    const auto placed = layout_word_cloud({{std::string(40, 'w'), 3}}, 800, 450);
    ASSERT_EQ(placed.size(), 1u);
    EXPECT_LE(placed[0].width, 800);
    EXPECT_LT(placed[0].font_size, 64);
    EXPECT_TRUE(layout_word_cloud({}, 800, 450).empty());
}

}  // namespace
}  // namespace kc::domain::live
