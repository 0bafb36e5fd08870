#include "domain/live_question.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <cmath>
#include <numbers>
#include <numeric>
#include <utility>

#include "core/text.hpp"

namespace kc::domain::live {

namespace {

constexpr std::array all_kinds = {
    QuestionKind::word_cloud, QuestionKind::choice, QuestionKind::statement, QuestionKind::scale,
    QuestionKind::quiz,       QuestionKind::open,   QuestionKind::qa,        QuestionKind::ranking,
};

constexpr int statement_levels = 5;

bool uses_options(QuestionKind kind) {
    return kind == QuestionKind::choice || kind == QuestionKind::quiz ||
           kind == QuestionKind::ranking;
}

// The one text rule for every field and answer: clean UTF-8 of at most `limit` code points.
bool fits(std::string_view text, std::size_t limit, bool allow_newlines) {
    return text::is_clean_utf8(text, allow_newlines) && text::code_point_count(text) <= limit;
}

// Adds at most one error for a single-line text: missing (when `required_key` is given),
// not clean UTF-8, or longer than `limit`.
void check_text(FieldErrors& errors, const std::string& field, std::string_view value,
                std::size_t limit, std::string_view required_key, std::string_view too_long_key) {
    if (!required_key.empty() && text::trim(value).empty()) {
        errors.push_back({field, std::string(required_key)});
    } else if (!text::is_clean_utf8(value, false)) {
        errors.push_back({field, "live.error.invalid_text"});
    } else if (text::code_point_count(value) > limit) {
        errors.push_back({field, std::string(too_long_key), static_cast<long long>(limit)});
    }
}

bool is_space(char32_t code_point) {
    return code_point == ' ' || code_point == '\t' || code_point == '\n' || code_point == '\r' ||
           code_point == '\f' || code_point == '\v' || code_point == 0xA0;
}

// Latin-1 letters (U+00C0 .. U+00FF) without their accents and in lower case; the letters
// that are not an accented base letter (æ, ð, ø, þ, ß) are only lower-cased. The two
// non-letters × and ÷ stay themselves.
char32_t folded_latin1(char32_t code_point) {
    static constexpr std::array<char32_t, 64> fold = {
        'a',  'a', 'a', 'a', 'a', 'a', 0xE6, 'c',  'e',  'e', 'e', 'e', 'i', 'i', 'i',  'i',
        0xF0, 'n', 'o', 'o', 'o', 'o', 'o',  0xD7, 0xF8, 'u', 'u', 'u', 'u', 'y', 0xFE, 0xDF,
        'a',  'a', 'a', 'a', 'a', 'a', 0xE6, 'c',  'e',  'e', 'e', 'e', 'i', 'i', 'i',  'i',
        0xF0, 'n', 'o', 'o', 'o', 'o', 'o',  0xF7, 0xF8, 'u', 'u', 'u', 'u', 'y', 0xFE, 'y',
    };
    return fold[code_point - 0xC0];
}

// Latin Extended-A (U+0100 .. U+017F) in lower case, accents kept: most capitals sit on
// an even code point before their small letter, but between ĸ and ŉ they sit on the odd one.
char32_t lower_latin_extended_a(char32_t code_point) {
    if (code_point == 0x130) return 'i';   // İ
    if (code_point == 0x178) return 0xFF;  // Ÿ -> ÿ
    if (code_point == 0x131 || code_point == 0x138 || code_point == 0x149 || code_point == 0x17F) {
        return code_point;  // ı, ĸ, ŉ, ſ have no capital in this block
    }
    const bool capital_on_odd = (code_point >= 0x139 && code_point <= 0x148) ||
                                (code_point >= 0x179 && code_point <= 0x17E);
    const bool is_odd = code_point % 2 == 1;
    return is_odd == capital_on_odd ? code_point + 1 : code_point;
}

char32_t folded(char32_t code_point) {
    if (code_point >= 'A' && code_point <= 'Z') return code_point - 'A' + 'a';
    if (code_point >= 0xC0 && code_point <= 0xFF) return folded_latin1(code_point);
    if (code_point >= 0x100 && code_point <= 0x17F) return lower_latin_extended_a(code_point);
    return code_point;
}

// Trims and collapses inner whitespace to one space, optionally folding every code point;
// bytes that are not well-formed UTF-8 are copied as they are.
std::string normalised(std::string_view text, bool fold) {
    std::string result;
    result.reserve(text.size());
    bool pending_space = false;
    for (std::size_t at = 0; at < text.size();) {
        const auto [code_point, length] = text::decode_code_point(text, at);
        if (length == 0) {
            result.push_back(text[at]);
            ++at;
            continue;
        }
        at += length;
        if (is_space(code_point)) {
            pending_space = !result.empty();
            continue;
        }
        if (pending_space) result.push_back(' ');
        pending_space = false;
        text::append_utf8(result, fold ? folded(code_point) : code_point);
    }
    return result;
}

// The words of a normalised text, split at anything that is not an ASCII letter or digit
// (multi-byte letters stay inside their word).
std::vector<std::string_view> words_of(std::string_view text) {
    std::vector<std::string_view> words;
    std::size_t start = 0;
    for (std::size_t at = 0; at <= text.size(); ++at) {
        const unsigned char c = at < text.size() ? static_cast<unsigned char>(text[at]) : ' ';
        const bool in_word = c >= 0x80 || std::isalnum(c);
        if (in_word) continue;
        if (at > start) words.push_back(text.substr(start, at - start));
        start = at + 1;
    }
    return words;
}

bool has_duplicates(std::vector<int> values) {
    std::sort(values.begin(), values.end());
    return std::adjacent_find(values.begin(), values.end()) != values.end();
}

bool all_within(const std::vector<int>& values, std::size_t size) {
    return std::all_of(values.begin(), values.end(),
                       [size](int value) { return value >= 0 && std::cmp_less(value, size); });
}

}  // namespace

std::string_view to_slug(QuestionKind kind) {
    switch (kind) {
        case QuestionKind::word_cloud:
            return "word_cloud";
        case QuestionKind::choice:
            return "choice";
        case QuestionKind::statement:
            return "statement";
        case QuestionKind::scale:
            return "scale";
        case QuestionKind::quiz:
            return "quiz";
        case QuestionKind::open:
            return "open";
        case QuestionKind::qa:
            return "qa";
        case QuestionKind::ranking:
            return "ranking";
    }
    return {};
}

std::optional<QuestionKind> question_kind_from_slug(std::string_view slug) {
    for (const auto kind : all_kinds) {
        if (to_slug(kind) == slug) return kind;
    }
    return std::nullopt;
}

bool has_one_answer_per_participant(QuestionKind kind) {
    return kind != QuestionKind::open && kind != QuestionKind::qa;
}

FieldErrors validate(const QuestionSettings& question) {
    using Limits = QuestionLimits;
    FieldErrors errors;
    check_text(errors, "prompt", question.prompt, Limits::prompt, "live.error.prompt_required",
               "live.error.prompt_too_long");
    if (uses_options(question.kind)) {
        const std::size_t count = question.options.size();
        if (count < Limits::min_options || count > Limits::max_options) {
            errors.push_back({"options", "live.error.options_count", Limits::max_options});
        }
        std::set<std::string> seen;
        for (std::size_t i = 0; i < count; ++i) {
            const std::string field = "options[" + std::to_string(i) + "]";
            const std::size_t before = errors.size();
            check_text(errors, field, question.options[i], Limits::option,
                       "live.error.option_required", "live.error.option_too_long");
            // Two options that differ only in case or accents cannot be told apart on a phone.
            if (errors.size() == before && !seen.insert(word_key(question.options[i])).second) {
                errors.push_back({field, "live.error.option_duplicate"});
            }
        }
    }
    if (question.kind == QuestionKind::quiz) {
        if (question.correct_option < 0 ||
            !std::cmp_less(question.correct_option, question.options.size())) {
            errors.push_back({"correct_option", "live.error.correct_option"});
        }
        if (question.time_limit_seconds < Limits::min_quiz_seconds ||
            question.time_limit_seconds > Limits::max_quiz_seconds) {
            errors.push_back(
                {"time_limit_seconds", "live.error.quiz_seconds", Limits::max_quiz_seconds});
        }
    }
    if (question.kind == QuestionKind::scale) {
        const auto in_range = [](int value) {
            return value >= Limits::min_scale && value <= Limits::max_scale;
        };
        if (!in_range(question.scale_min)) {
            errors.push_back({"scale_min", "live.error.scale_range", Limits::min_scale});
        } else if (!in_range(question.scale_max)) {
            errors.push_back({"scale_max", "live.error.scale_range", Limits::max_scale});
        } else if (question.scale_max <= question.scale_min ||
                   question.scale_max - question.scale_min + 1 > Limits::max_scale_steps) {
            errors.push_back({"scale_max", "live.error.scale_range", Limits::max_scale_steps});
        }
        check_text(errors, "scale_min_label", question.scale_min_label, Limits::scale_label, {},
                   "live.error.scale_label_too_long");
        check_text(errors, "scale_max_label", question.scale_max_label, Limits::scale_label, {},
                   "live.error.scale_label_too_long");
    }
    if (question.kind == QuestionKind::word_cloud &&
        (question.words_per_participant < 1 ||
         question.words_per_participant > Limits::max_words)) {
        errors.push_back(
            {"words_per_participant", "live.error.words_per_participant", Limits::max_words});
    }
    return errors;
}

std::string word_key(std::string_view word) { return normalised(word, true); }

WordFilter::WordFilter(std::string_view list) {
    std::size_t start = 0;
    for (std::size_t at = 0; at <= list.size(); ++at) {
        if (at < list.size() && list[at] != '\n' && list[at] != ',') continue;
        std::string key = word_key(list.substr(start, at - start));
        if (!key.empty()) keys_.insert(std::move(key));
        start = at + 1;
    }
}

bool WordFilter::blocks(std::string_view text) const {
    // Words of five letters or more are also caught inside longer words; shorter ones
    // would catch too many innocent words ("kut" in "kutzooi" is let through with
    // "lul" in "lullig" and "kut" in "beschuit").
    constexpr std::size_t letters_caught_inside_words = 5;
    const std::string key = word_key(text);
    const std::vector<std::string_view> words = words_of(key);
    std::string joined;
    for (const std::string_view word : words) joined += " " + std::string(word);
    joined += " ";
    for (const std::string& listed : keys_) {
        // A listed phrase of several words matches those words in a row.
        if (joined.find(" " + listed + " ") != std::string::npos) return true;
        if (text::code_point_count(listed) < letters_caught_inside_words) continue;
        if (key.find(listed) != std::string::npos) return true;
    }
    return false;
}

std::string WordFilter::to_text() const {
    std::string text;
    for (const std::string& key : keys_) {
        if (!text.empty()) text += '\n';
        text += key;
    }
    return text;
}

std::string_view default_dutch_word_filter() {
    // "kanker" and "tyfus" are also the names of illnesses: an organiser of a session on
    // health takes them off the list.
    return "flikker\n"
           "godverdomme\n"
           "hoer\n"
           "kanker\n"
           "kankerlijer\n"
           "klootzak\n"
           "kolere\n"
           "kut\n"
           "kutwijf\n"
           "lul\n"
           "mongool\n"
           "nikker\n"
           "slet\n"
           "tering\n"
           "teringlijer\n"
           "tyfus\n"
           "tyfuslijer\n";
}

int quiz_points(bool correct, std::int64_t elapsed_ms, int time_limit_seconds) {
    constexpr double most = 1000;
    constexpr double least = 500;
    const std::int64_t limit_ms = std::int64_t{time_limit_seconds} * 1000;
    if (!correct || elapsed_ms > limit_ms) return 0;
    if (limit_ms <= 0) return static_cast<int>(most);
    const double share =
        static_cast<double>(std::max<std::int64_t>(elapsed_ms, 0)) / static_cast<double>(limit_ms);
    return static_cast<int>(std::lround(most - (most - least) * share));
}

Tally::Tally(QuestionSettings question, std::vector<std::int64_t> group_ids)
    : question_(std::move(question)), group_ids_(std::move(group_ids)) {
    const std::size_t columns = group_ids_.size() + 1;
    respondent_counts_.assign(columns, 0);
    std::size_t rows = 0;
    switch (question_.kind) {
        case QuestionKind::choice:
        case QuestionKind::quiz:
            rows = question_.options.size();
            break;
        case QuestionKind::statement:
            rows = statement_levels;
            break;
        case QuestionKind::scale:
            rows = static_cast<std::size_t>(
                std::max(question_.scale_max - question_.scale_min + 1, 0));
            break;
        case QuestionKind::ranking:
            ranking_points_.assign(question_.options.size(), 0);
            break;
        case QuestionKind::word_cloud:
        case QuestionKind::open:
        case QuestionKind::qa:
            break;
    }
    option_counts_.assign(rows, std::vector<int>(columns, 0));
}

std::optional<AnswerValue> Tally::checked(const AnswerValue& value) const {
    const std::size_t option_count = question_.options.size();
    const std::vector<int>& picked = value.options;
    switch (question_.kind) {
        case QuestionKind::choice:
            if (picked.empty() || (!question_.multiple && picked.size() != 1) ||
                !all_within(picked, option_count) || has_duplicates(picked)) {
                return std::nullopt;
            }
            return AnswerValue{.options = picked};
        case QuestionKind::quiz:
            if (picked.size() != 1 || !all_within(picked, option_count)) return std::nullopt;
            return AnswerValue{.options = picked};
        case QuestionKind::ranking:
            if (picked.size() != option_count || !all_within(picked, option_count) ||
                has_duplicates(picked)) {
                return std::nullopt;
            }
            return AnswerValue{.options = picked};
        case QuestionKind::statement:
            if (!value.number || *value.number < 1 || *value.number > statement_levels) {
                return std::nullopt;
            }
            return AnswerValue{.number = value.number};
        case QuestionKind::scale:
            if (!value.number || *value.number < question_.scale_min ||
                *value.number > question_.scale_max) {
                return std::nullopt;
            }
            return AnswerValue{.number = value.number};
        case QuestionKind::word_cloud: {
            const int allowed =
                std::clamp(question_.words_per_participant, 1, QuestionLimits::max_words);
            if (value.words.empty() || std::cmp_greater(value.words.size(), allowed)) {
                return std::nullopt;
            }
            AnswerValue words;
            std::set<std::string> keys;
            for (const std::string& word : value.words) {
                std::string spelling = normalised(word, false);
                if (spelling.empty() || !fits(spelling, QuestionLimits::word, false)) {
                    return std::nullopt;
                }
                if (keys.insert(word_key(spelling)).second) {
                    words.words.push_back(std::move(spelling));
                }
            }
            return words;
        }
        case QuestionKind::open:
        case QuestionKind::qa:
            break;
    }
    return std::nullopt;
}

AnswerCheck Tally::record(std::int64_t participant_id, std::int64_t group_id,
                          const AnswerValue& value, std::int64_t entry_id, std::int64_t elapsed_ms,
                          const WordFilter& filter) {
    if (question_.kind == QuestionKind::qa && value.upvote) {
        if (!value.text.empty()) return AnswerCheck::invalid;
        return toggle_vote(participant_id, *value.upvote);
    }
    if (!has_one_answer_per_participant(question_.kind)) {
        if (value.upvote) return AnswerCheck::invalid;
        return add_entry(participant_id, group_id, value, entry_id, filter);
    }
    std::optional<AnswerValue> accepted = checked(value);
    if (!accepted) return AnswerCheck::invalid;
    const auto earlier = answers_.find(participant_id);
    Answer answer{.group_id = group_id, .value = std::move(*accepted)};
    if (question_.kind == QuestionKind::quiz) {
        if (earlier != answers_.end()) return AnswerCheck::already_final;
        if (elapsed_ms > std::int64_t{question_.time_limit_seconds} * 1000) {
            return AnswerCheck::too_late;
        }
        const bool correct = answer.value.options.front() == question_.correct_option;
        answer.points = quiz_points(correct, elapsed_ms, question_.time_limit_seconds);
    }
    answer.hidden = std::any_of(answer.value.words.begin(), answer.value.words.end(),
                                [&filter](const std::string& word) { return filter.blocks(word); });
    if (earlier != answers_.end()) count(earlier->second, -1);
    count(answer, +1);
    const bool hidden = answer.hidden;
    answers_.insert_or_assign(participant_id, std::move(answer));
    return hidden ? AnswerCheck::filtered : AnswerCheck::accepted;
}

AnswerCheck Tally::add_entry(std::int64_t participant_id, std::int64_t group_id,
                             const AnswerValue& value, std::int64_t entry_id,
                             const WordFilter& filter) {
    std::string text = text::trim(value.text);
    if (text.empty() || !fits(text, QuestionLimits::text, true) ||
        entry_positions_.contains(entry_id)) {
        return AnswerCheck::invalid;
    }
    const bool blocked = filter.blocks(text);
    Entry entry{.id = entry_id,
                .participant_id = participant_id,
                .group_id = group_id,
                .text = std::move(text)};
    if (blocked) {
        entry.status = Entry::Status::hidden;
    } else if (question_.approve_first) {
        entry.status = Entry::Status::pending;
    }
    entry_positions_.emplace(entry_id, entries_.size());
    entries_.push_back(std::move(entry));
    return blocked ? AnswerCheck::filtered : AnswerCheck::accepted;
}

AnswerCheck Tally::toggle_vote(std::int64_t participant_id, std::int64_t entry_id) {
    const auto position = entry_positions_.find(entry_id);
    // Only what participants can see on the screen can be voted for.
    if (position == entry_positions_.end() ||
        entries_[position->second].status != Entry::Status::shown) {
        return AnswerCheck::invalid;
    }
    std::set<std::int64_t>& voters = entries_[position->second].voters;
    if (voters.erase(participant_id) == 0) voters.insert(participant_id);
    return AnswerCheck::accepted;
}

void Tally::count(const Answer& answer, int sign) {
    // A filtered answer is kept for the participant's phone but counts nowhere.
    if (answer.hidden) return;
    const std::size_t column = column_of(answer.group_id);
    respondent_counts_[column] += sign;
    const AnswerValue& value = answer.value;
    switch (question_.kind) {
        case QuestionKind::choice:
        case QuestionKind::quiz:
            for (const int option : value.options) option_counts_[option][column] += sign;
            break;
        case QuestionKind::statement:
            option_counts_[*value.number - 1][column] += sign;
            break;
        case QuestionKind::scale:
            option_counts_[*value.number - question_.scale_min][column] += sign;
            break;
        case QuestionKind::ranking: {
            const auto options = static_cast<long long>(value.options.size());
            for (std::size_t position = 0; position < value.options.size(); ++position) {
                ranking_points_[value.options[position]] +=
                    sign * (options - static_cast<long long>(position));
            }
            break;
        }
        case QuestionKind::word_cloud:
            for (const std::string& word : value.words) {
                std::string key = word_key(word);
                const std::string target = resolved(key);
                word_columns(target)[column] += sign;
                // The spellings of a merged word were dropped with the merge, so only a word
                // counted under its own key has a spelling to count.
                if (target != key) continue;
                std::vector<Spelling>& spellings = word_spellings_[target];
                const auto same =
                    std::find_if(spellings.begin(), spellings.end(),
                                 [&word](const Spelling& s) { return s.text == word; });
                if (same != spellings.end()) {
                    same->count += sign;
                } else {
                    spellings.push_back({word, sign});
                }
            }
            break;
        case QuestionKind::open:
        case QuestionKind::qa:
            break;
    }
}

std::size_t Tally::column_of(std::int64_t group_id) const {
    const auto found = std::find(group_ids_.begin(), group_ids_.end(), group_id);
    // An unknown group is treated like no group: counted in the total only.
    if (group_id == 0 || found == group_ids_.end()) return 0;
    return static_cast<std::size_t>(found - group_ids_.begin()) + 1;
}

std::vector<int>& Tally::word_columns(const std::string& key) {
    std::vector<int>& columns = word_counts_[key];
    columns.resize(group_ids_.size() + 1, 0);
    return columns;
}

std::string Tally::resolved(std::string key) const {
    for (auto next = merged_into_.find(key); next != merged_into_.end();
         next = merged_into_.find(key)) {
        key = next->second;
    }
    return key;
}

std::string Tally::spelling_of(const std::string& key) const {
    const auto spellings = word_spellings_.find(key);
    if (spellings == word_spellings_.end() || spellings->second.empty()) return key;
    // max_element keeps the first of equal elements, so a tie goes to the earliest spelling.
    return std::max_element(spellings->second.begin(), spellings->second.end(),
                            [](const Spelling& a, const Spelling& b) { return a.count < b.count; })
        ->text;
}

std::optional<AnswerValue> Tally::answer_of(std::int64_t participant_id) const {
    const auto answer = answers_.find(participant_id);
    if (answer == answers_.end()) return std::nullopt;
    return answer->second.value;
}

int Tally::points_of(std::int64_t participant_id) const {
    const auto answer = answers_.find(participant_id);
    return answer == answers_.end() ? 0 : answer->second.points;
}

void Tally::hide_word(std::string_view word) { hidden_words_.insert(resolved(word_key(word))); }

void Tally::show_word(std::string_view word) { hidden_words_.erase(resolved(word_key(word))); }

void Tally::merge_words(std::string_view from, std::string_view into) {
    const std::string from_key = resolved(word_key(from));
    const std::string into_key = resolved(word_key(into));
    // Both keys are resolved, so `into_key` is never merged itself and no cycle can form.
    if (from_key.empty() || into_key.empty() || from_key == into_key) return;
    merged_into_[from_key] = into_key;
    std::vector<int>& target = word_columns(into_key);
    if (const auto counts = word_counts_.find(from_key); counts != word_counts_.end()) {
        for (std::size_t column = 0; column < target.size(); ++column) {
            target[column] += counts->second[column];
        }
        word_counts_.erase(counts);
    }
    // The merged word is shown as the presenter's choice spells it, so the spellings of
    // `from` go; `into` itself is the spelling when nobody has used it yet.
    word_spellings_.erase(from_key);
    std::vector<Spelling>& spellings = word_spellings_[into_key];
    if (spellings.empty()) spellings.push_back({normalised(into, false), 0});
    hidden_words_.erase(from_key);
}

bool Tally::set_entry_status(std::int64_t entry_id, Entry::Status status) {
    const auto position = entry_positions_.find(entry_id);
    if (position == entry_positions_.end()) return false;
    entries_[position->second].status = status;
    return true;
}

GroupCounts Tally::shown_groups(const std::vector<int>& columns,
                                const ResultOptions& options) const {
    // Those without a group go last into shown_counts as a column of their own: the total
    // includes them, and a small count of them must not be worked out from the rest either.
    std::vector<int> groups(columns.begin() + 1, columns.end());
    groups.push_back(columns.front());
    ShownCounts shown = shown_counts(groups, options.small_numbers);
    shown.groups.pop_back();
    return {std::move(shown.groups), shown.total};
}

Results Tally::entry_results(const ResultOptions& options) const {
    Results results{.kind = question_.kind};
    std::map<std::int64_t, std::int64_t> respondent_groups;  // participant -> group
    for (const Entry& entry : entries_) {
        if (entry.status == Entry::Status::pending) ++results.pending_entries;
        if (entry.status == Entry::Status::shown) {
            respondent_groups.emplace(entry.participant_id, entry.group_id);
        }
        const bool visible = entry.status == Entry::Status::shown ||
                             (entry.status == Entry::Status::pending && options.include_pending);
        if (visible) results.entries.push_back(entry);
    }
    if (question_.kind == QuestionKind::qa) {
        std::stable_sort(results.entries.begin(), results.entries.end(),
                         [](const Entry& a, const Entry& b) {
                             if (a.voters.size() != b.voters.size()) {
                                 return a.voters.size() > b.voters.size();
                             }
                             return a.id < b.id;
                         });
    }
    results.respondents = static_cast<int>(respondent_groups.size());
    if (options.by_group) {
        std::vector<int> columns(group_ids_.size() + 1, 0);
        for (const auto& [participant, group] : respondent_groups) ++columns[column_of(group)];
        results.respondents_by_group = shown_groups(columns, options);
    }
    return results;
}

Results Tally::word_results(const ResultOptions& options) const {
    Results results{.kind = question_.kind};
    std::vector<std::pair<std::string, WordResult>> by_key;
    for (const auto& [key, columns] : word_counts_) {
        const int total = std::accumulate(columns.begin(), columns.end(), 0);
        if (total <= 0 || hidden_words_.contains(key)) continue;
        WordResult word{.text = spelling_of(key), .count = total};
        if (options.by_group) word.groups = shown_groups(columns, options);
        by_key.emplace_back(key, std::move(word));
    }
    // word_counts_ is ordered by key, so a stable sort leaves equal counts alphabetical.
    std::stable_sort(by_key.begin(), by_key.end(),
                     [](const auto& a, const auto& b) { return a.second.count > b.second.count; });
    for (auto& [key, word] : by_key) results.words.push_back(std::move(word));
    return results;
}

Results Tally::results(const ResultOptions& options) const {
    if (!has_one_answer_per_participant(question_.kind)) return entry_results(options);
    Results results = question_.kind == QuestionKind::word_cloud ? word_results(options)
                                                                 : Results{.kind = question_.kind};
    results.respondents = std::accumulate(respondent_counts_.begin(), respondent_counts_.end(), 0);
    if (options.by_group) results.respondents_by_group = shown_groups(respondent_counts_, options);

    const auto label_of_row = [this](std::size_t row) {
        switch (question_.kind) {
            case QuestionKind::statement:
                return std::to_string(row + 1);
            case QuestionKind::scale:
                return std::to_string(question_.scale_min + static_cast<int>(row));
            default:
                return question_.options[row];
        }
    };
    for (std::size_t row = 0; row < option_counts_.size(); ++row) {
        const std::vector<int>& columns = option_counts_[row];
        OptionResult option{.label = label_of_row(row),
                            .count = std::accumulate(columns.begin(), columns.end(), 0)};
        option.correct = question_.kind == QuestionKind::quiz && options.reveal_correct &&
                         std::cmp_equal(row, question_.correct_option);
        if (options.by_group) option.groups = shown_groups(columns, options);
        results.options.push_back(std::move(option));
    }

    const bool averaged =
        question_.kind == QuestionKind::statement || question_.kind == QuestionKind::scale;
    if (averaged && results.respondents > 0) {
        const int first = question_.kind == QuestionKind::statement ? 1 : question_.scale_min;
        double sum = 0;
        for (std::size_t row = 0; row < results.options.size(); ++row) {
            sum +=
                static_cast<double>(results.options[row].count) * (first + static_cast<int>(row));
        }
        results.average = sum / results.respondents;
    }

    if (question_.kind == QuestionKind::ranking) {
        for (std::size_t option = 0; option < ranking_points_.size(); ++option) {
            results.options.push_back(
                {.label = question_.options[option],
                 .score = results.respondents > 0
                              ? static_cast<double>(ranking_points_[option]) / results.respondents
                              : 0});
        }
        std::stable_sort(
            results.options.begin(), results.options.end(),
            [](const OptionResult& a, const OptionResult& b) { return a.score > b.score; });
    }
    return results;
}

std::vector<LeaderboardRow> leaderboard(std::vector<LeaderboardRow> totals, std::size_t limit) {
    // Only the first rows are shown, of a room of thousands, several times a second.
    const auto shown = std::min(limit, totals.size());
    std::partial_sort(totals.begin(), totals.begin() + static_cast<std::ptrdiff_t>(shown),
                      totals.end(), [](const LeaderboardRow& a, const LeaderboardRow& b) {
                          if (a.points != b.points) return a.points > b.points;
                          return a.participant_id < b.participant_id;
                      });
    totals.resize(shown);
    return totals;
}

namespace {

// The sizes are chosen for an 800 x 450 box (a 16:9 beamer) and scale with the box.
constexpr double reference_width = 800;
constexpr double reference_height = 450;
constexpr double smallest_font = 14;
constexpr double largest_font = 64;
constexpr std::size_t most_words = 60;
// Sans-serif glyphs average about 0.55 em; the text's textLength makes this exact.
constexpr double glyph_width = 0.55;
// Of a line of text, 0.8 em lies above the baseline and 0.2 em below it.
constexpr double ascent = 0.8;
constexpr double descent = 0.2;
// Space kept around every word so that neighbours do not touch.
constexpr double padding = 2;
// The spiral widens by this much per turn; smaller finds tighter spots but takes longer.
constexpr double spiral_gap_per_turn = 6;
constexpr double spiral_step_radians = 0.1;

struct Box {
    double left = 0;
    double top = 0;
    double right = 0;
    double bottom = 0;

    bool overlaps(const Box& other) const {
        return left < other.right && other.left < right && top < other.bottom && other.top < bottom;
    }
};

Box box_of(const PlacedWord& word) {
    return {word.x - word.width / 2 - padding, word.y - ascent * word.font_size - padding,
            word.x + word.width / 2 + padding, word.y + descent * word.font_size + padding};
}

// Tries the box's centre and then points on a spiral, stretched to the box's shape, until
// the word fits without touching the words already placed.
bool place(PlacedWord& word, const std::vector<PlacedWord>& placed, double width, double height) {
    const double aspect = width / height;
    // Once the spiral's ellipse encloses the whole box, no further point can lie in it.
    const double last_radius = height / std::sqrt(2.0) + largest_font;
    const double centre_offset = (ascent - descent) / 2 * word.font_size;
    for (double angle = 0;; angle += spiral_step_radians) {
        const double radius = spiral_gap_per_turn * angle / (2 * std::numbers::pi);
        if (radius > last_radius) return false;
        word.x = width / 2 + aspect * radius * std::cos(angle);
        word.y = height / 2 + centre_offset + radius * std::sin(angle);
        const Box box = box_of(word);
        const bool inside = box.left + padding >= 0 && box.top + padding >= 0 &&
                            box.right - padding <= width && box.bottom - padding <= height;
        if (!inside) continue;
        const bool free =
            std::none_of(placed.begin(), placed.end(),
                         [&box](const PlacedWord& other) { return box.overlaps(box_of(other)); });
        if (free) return true;
    }
}

}  // namespace

std::vector<PlacedWord> layout_word_cloud(const std::vector<WordResult>& words, double width,
                                          double height) {
    std::vector<PlacedWord> placed;
    if (words.empty() || width <= 0 || height <= 0) return placed;
    const double size_scale = std::min(width / reference_width, height / reference_height);
    const double min_font = smallest_font * size_scale;
    const double max_font = largest_font * size_scale;
    int most_mentions = 1;
    for (const WordResult& word : words) most_mentions = std::max(most_mentions, word.count);
    for (std::size_t i = 0; i < words.size() && i < most_words; ++i) {
        const WordResult& word = words[i];
        const auto characters = static_cast<double>(text::code_point_count(word.text));
        if (word.count <= 0 || characters == 0) continue;
        const double share = std::sqrt(static_cast<double>(word.count) / most_mentions);
        // A long word is set smaller rather than left out, as long as it stays legible.
        const double fitting = (width - 2 * padding) / (characters * glyph_width);
        const double font_size = std::min(min_font + (max_font - min_font) * share, fitting);
        if (font_size < min_font) continue;
        PlacedWord candidate{.text = word.text,
                             .count = word.count,
                             .font_size = font_size,
                             .width = characters * glyph_width * font_size};
        if (place(candidate, placed, width, height)) placed.push_back(std::move(candidate));
    }
    return placed;
}

}  // namespace kc::domain::live
