#pragma once

// What participants think of a café afterwards: a short evaluation form and its summary.
// Pure: the storage and the pages live in app/ and web/.

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/field_error.hpp"
#include "core/time.hpp"
#include "domain/event.hpp"
#include "domain/small_numbers.hpp"
#include "domain/stakeholder_group.hpp"

namespace kc::domain {

// "Would you come again?" Not answering is allowed and counted apart.
enum class ComeAgain { unanswered, yes, maybe, no };

std::string_view to_slug(ComeAgain answer);
std::optional<ComeAgain> come_again_from_slug(std::string_view slug);

// The rating is a whole number of stars from 1 (bad) to 5 (very good): five faces or
// stars are what people know from elsewhere, read without numbers, and fit one line of an
// old phone. It is the only required question; everything else may stay empty.
struct EvaluationLimits {
    static constexpr int min_rating = 1;
    static constexpr int max_rating = 5;
    static constexpr std::size_t takeaway = 1'000;
    static constexpr std::size_t next_theme = 300;
    static constexpr std::size_t remark = 2'000;
};

// What a participant fills in. `group_id` is 0 when the group is unknown: the evaluation
// came without a personal link and the person left it open.
struct EvaluationAnswer {
    int rating = 0;
    std::string takeaway;
    std::string next_theme;
    ComeAgain come_again = ComeAgain::unanswered;
    std::string remark;
    std::int64_t group_id = 0;
};

// One evaluation as stored. It is anonymous unless it came through a personal link, which
// ties it to a registration (so that a person evaluates once); the tie goes when the
// registration is erased, the answer stays.
struct Evaluation {
    std::int64_t id = 0;
    std::int64_t event_id = 0;
    std::optional<std::int64_t> registration_id;
    EvaluationAnswer answer;
    time::Timestamp submitted_at = 0;
};

// Whether a café takes evaluations and experiences: published or held (not a draft, not
// cancelled) and begun. A café is evaluated from its start, so that a QR code on the last
// slide works before it ends.
bool is_open_for_evaluation(const Event& event, time::Timestamp now);

// Checks an answer; empty when it is acceptable. `group_known` says whether a non-zero
// group_id names a group of the event's Werkplaats. Fields: "rating", "takeaway",
// "next_theme", "come_again" (never wrong once parsed), "remark", "group".
FieldErrors validate(const EvaluationAnswer& answer, bool group_known);

// How many evaluations of one café share a group, a rating and a come-again answer: what
// the storage counts, so a summary needs no more rows than these, however many came in.
struct EvaluationTally {
    std::int64_t group_id = 0;  // 0: no group given
    int rating = 0;
    ComeAgain come_again = ComeAgain::unanswered;
    int count = 0;
};

// One stakeholder group's part of a summary. `answers` follows the small-number policy;
// the average is there only when the count itself is shown.
struct GroupEvaluation {
    std::int64_t group_id = 0;  // 0: no group given
    std::string name;           // empty for "no group given"
    ShownCount answers;
    std::optional<double> average_rating;
};

// The results of one café for its organisers.
struct EvaluationSummary {
    int count = 0;
    std::optional<double> average_rating;  // none without answers
    // How many gave 1, 2, ... 5 stars.
    std::array<int, EvaluationLimits::max_rating> ratings{};
    int come_again_yes = 0;
    int come_again_maybe = 0;
    int come_again_no = 0;
    int come_again_unanswered = 0;
    // The Werkplaats's groups in their order, then "no group given"; groups without
    // answers are left out.
    std::vector<GroupEvaluation> groups;
};

// Sums the tallies of one café. A group with fewer answers than the threshold shows as
// "fewer than N" without an average, and the rule of shown_counts keeps it from being
// worked out from the total.
EvaluationSummary summarise(const std::vector<EvaluationTally>& tallies,
                            const std::vector<StakeholderGroup>& groups,
                            const SmallNumberPolicy& policy);

}  // namespace kc::domain
