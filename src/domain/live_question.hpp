#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "core/field_error.hpp"
#include "domain/small_numbers.hpp"

// The questions of a live session and how their answers add up. Pure: the live engine
// (src/live/) feeds answers in as they arrive, the report reads the same results later.
namespace kc::domain::live {

enum class QuestionKind {
    word_cloud,  // up to `words_per_participant` short words each; equal words merge
    choice,      // one option, or several when `multiple`
    statement,   // five points from "helemaal oneens" (1) to "helemaal eens" (5)
    scale,       // a whole number from scale_min to scale_max
    quiz,        // one option; points for correct and fast; locked after the first answer
    open,        // free text; several entries per participant
    qa,          // participants ask questions (entries) and upvote others' entries
    ranking,     // every option in an order of preference, first = most important
};

std::string_view to_slug(QuestionKind kind);
std::optional<QuestionKind> question_kind_from_slug(std::string_view slug);

// True for kinds where a participant has one answer that a new one replaces (until the
// question closes); false for open and qa, where every answer adds an entry.
bool has_one_answer_per_participant(QuestionKind kind);

struct QuestionLimits {
    static constexpr std::size_t prompt = 300;
    static constexpr std::size_t option = 120;
    static constexpr std::size_t min_options = 2;
    static constexpr std::size_t max_options = 12;
    static constexpr std::size_t word = 40;   // one word-cloud entry, in code points
    static constexpr int max_words = 5;       // words_per_participant at most
    static constexpr std::size_t text = 500;  // an open answer or a Q&A question
    static constexpr int min_scale = -10;
    static constexpr int max_scale = 100;
    static constexpr int max_scale_steps = 21;
    static constexpr int min_quiz_seconds = 5;
    static constexpr int max_quiz_seconds = 300;
    static constexpr std::size_t scale_label = 60;
};

// What an organiser prepares. Fields that do not apply to the kind are ignored.
struct QuestionSettings {
    QuestionKind kind = QuestionKind::choice;
    std::string prompt;
    std::vector<std::string> options;  // choice, quiz, ranking
    bool multiple = false;             // choice: several options may be picked
    int scale_min = 1;
    int scale_max = 10;
    std::string scale_min_label;  // e.g. "slecht"; optional
    std::string scale_max_label;  // e.g. "uitstekend"; optional
    int correct_option = -1;      // quiz: index into options
    int time_limit_seconds = 20;  // quiz
    int words_per_participant = 3;
    bool approve_first = false;  // open, qa: entries wait for the presenter's approval
};

// Field errors with catalogue keys under "live.error."; fields are named like the members.
FieldErrors validate(const QuestionSettings& question);

// An answer as a participant sends it, parsed from JSON or a form but not yet checked.
struct AnswerValue {
    std::vector<int> options;            // choice; quiz (one); ranking (every index once)
    std::optional<int> number;           // statement 1..5; scale
    std::vector<std::string> words;      // word cloud
    std::string text;                    // open; qa (a new question)
    std::optional<std::int64_t> upvote;  // qa: the entry voted for (instead of text)

    bool operator==(const AnswerValue&) const = default;
};

enum class AnswerCheck {
    accepted,
    invalid,        // does not fit the question (wrong option, out of range, empty, too long)
    filtered,       // a word-filter hit: stored as hidden, never shown
    already_final,  // quiz: the first answer counts
    too_late,       // quiz: after the time limit
};

// Lower-case, accents removed (é -> e, ë -> e, ĳ stays), inner whitespace collapsed,
// trimmed: the key under which equal words merge in a word cloud.
std::string word_key(std::string_view word);

// A list of words that may not appear on a screen. A text is blocked when one of its
// words (compared by word_key) is on the list, or contains a listed word of five or more
// letters ("kutzooi" for "kut" is not caught, "klootzakken" for "klootzak" is).
class WordFilter {
  public:
    WordFilter() = default;
    // One word per line or separated by commas; blank entries are ignored.
    explicit WordFilter(std::string_view list);
    bool blocks(std::string_view text) const;
    // The list as it was given, normalised: one word per line, sorted.
    std::string to_text() const;

  private:
    std::set<std::string> keys_;
};

// A short default list of Dutch swear words and slurs for a new session.
std::string_view default_dutch_word_filter();

// Quiz points: 0 when wrong or late; otherwise from 1000 (at once) down to 500 (at the
// time limit), linearly in the elapsed time.
int quiz_points(bool correct, std::int64_t elapsed_ms, int time_limit_seconds);

// An entry of an open question or Q&A.
struct Entry {
    std::int64_t id = 0;  // unique within the question, given by the caller
    std::int64_t participant_id = 0;
    std::int64_t group_id = 0;  // 0 = no group stated
    std::string text;
    enum class Status { pending, shown, hidden } status = Status::shown;
    std::set<std::int64_t> voters;  // qa: participants who upvoted
};

// A count by stakeholder group, as the public may see it (small numbers hidden).
struct GroupCounts {
    std::vector<ShownCount> by_group;  // in the order of Tally's group_ids
    ShownCount total;
};

struct OptionResult {
    std::string label;
    int count = 0;         // participants who picked it (choice, quiz, statement, scale)
    double score = 0;      // ranking: average rank points (options - position), higher is better
    bool correct = false;  // quiz, only once revealed
    GroupCounts groups;    // filled when results are asked by group
};

struct WordResult {
    std::string text;  // the spelling used most often, first seen on a tie
    int count = 0;
    GroupCounts groups;
};

struct Results {
    QuestionKind kind = QuestionKind::choice;
    int respondents = 0;  // participants with a shown answer
    // choice, quiz: per option in the prepared order; statement: five levels 1..5;
    // scale: every value from min to max; ranking: sorted by score, best first.
    std::vector<OptionResult> options;
    std::optional<double> average;  // statement, scale
    std::vector<WordResult> words;  // word cloud: most mentioned first, then alphabetical
    std::vector<Entry> entries;     // open: in order; qa: most votes first; shown ones only
    int pending_entries = 0;        // open, qa: waiting for approval
    GroupCounts respondents_by_group;
};

struct ResultOptions {
    bool by_group = false;
    bool reveal_correct = false;      // quiz: mark the correct option
    bool include_pending = false;     // open, qa: the presenter's moderation view
    SmallNumberPolicy small_numbers;  // for the group counts
};

// Everything answered to one question, kept up to date answer by answer so that a
// result costs little to compute however many answers there are.
class Tally {
  public:
    // `group_ids` are the Werkplaats's groups in display order; answers from participants
    // without a group count in the totals but in no group column.
    Tally(QuestionSettings question, std::vector<std::int64_t> group_ids);

    // Checks `value` and, when accepted, records it for the participant: replacing their
    // earlier answer for one-answer kinds, adding an entry (id `entry_id`) for open and qa,
    // toggling their vote for a qa upvote. `elapsed_ms` is the time since the question
    // opened (quiz points). Filtered words and texts are recorded hidden.
    AnswerCheck record(std::int64_t participant_id, std::int64_t group_id, const AnswerValue& value,
                       std::int64_t entry_id, std::int64_t elapsed_ms, const WordFilter& filter);

    // The participant's current answer (one-answer kinds), for a phone that reconnects.
    std::optional<AnswerValue> answer_of(std::int64_t participant_id) const;
    // Quiz points this participant earned on this question.
    int points_of(std::int64_t participant_id) const;

    // Moderation. Word cloud: hide a word (by key) or merge one word into another.
    void hide_word(std::string_view word);
    void show_word(std::string_view word);
    void merge_words(std::string_view from, std::string_view into);
    // Open and qa: approve (show), hide an entry. False when the entry does not exist.
    bool set_entry_status(std::int64_t entry_id, Entry::Status status);

    Results results(const ResultOptions& options) const;
    const QuestionSettings& question() const { return question_; }

  private:
    QuestionSettings question_;
    std::vector<std::int64_t> group_ids_;
    struct Answer {
        std::int64_t group_id = 0;
        AnswerValue value;
        int points = 0;
        bool hidden = false;
    };
    std::map<std::int64_t, Answer> answers_;          // one-answer kinds, by participant
    std::vector<Entry> entries_;                      // open, qa
    std::map<std::string, std::string> merged_into_;  // word key -> word key
    std::set<std::string> hidden_words_;
    // Running counts for choice, quiz, statement and scale, per option or value: [option][group
    // index + 1], index 0 holding those without a group. Word counts are kept by key.
    std::vector<std::vector<int>> option_counts_;
    std::map<std::string, std::map<std::int64_t, int>> word_counts_;  // key -> group -> count
    std::map<std::string, std::map<std::string, int>> word_spellings_;
};

// Total quiz points per participant over a session's quiz questions, highest first, ties
// by who reached it first (lower participant id); at most `limit` rows.
struct LeaderboardRow {
    std::int64_t participant_id = 0;
    std::string name;  // the nickname the participant chose, or "Deelnemer 12"
    int points = 0;
};
std::vector<LeaderboardRow> leaderboard(std::vector<LeaderboardRow> totals, std::size_t limit);

// A word cloud laid out for a width x height box: the most mentioned word in the middle,
// the others on a spiral around it, sizes from min to max by mention count (square root),
// nothing rotated (legible from the back of a room), no overlaps; words that do not fit
// are left out. Widths are estimated from the character count, so the SVG text is given
// textLength to match the estimate.
struct PlacedWord {
    std::string text;
    int count = 0;
    double x = 0;  // centre of the text's baseline
    double y = 0;
    double font_size = 0;
    double width = 0;
};
std::vector<PlacedWord> layout_word_cloud(const std::vector<WordResult>& words, double width,
                                          double height);

}  // namespace kc::domain::live
