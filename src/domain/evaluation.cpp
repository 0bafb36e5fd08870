#include "domain/evaluation.hpp"

#include "core/validation.hpp"

namespace kc::domain {

using validation::Lines;
using validation::Presence;

std::string_view to_slug(ComeAgain answer) {
    switch (answer) {
        case ComeAgain::unanswered:
            return "unanswered";
        case ComeAgain::yes:
            return "yes";
        case ComeAgain::maybe:
            return "maybe";
        case ComeAgain::no:
            return "no";
    }
    return {};
}

std::optional<ComeAgain> come_again_from_slug(std::string_view slug) {
    for (const auto answer :
         {ComeAgain::unanswered, ComeAgain::yes, ComeAgain::maybe, ComeAgain::no}) {
        if (to_slug(answer) == slug) return answer;
    }
    return std::nullopt;
}

bool is_open_for_evaluation(const Event& event, time::Timestamp now) {
    return (event.status == EventStatus::published || event.status == EventStatus::held) &&
           event.details.starts_at <= now;
}

FieldErrors validate(const EvaluationAnswer& answer, bool group_known) {
    FieldErrors errors;
    if (answer.rating < EvaluationLimits::min_rating ||
        answer.rating > EvaluationLimits::max_rating) {
        errors.push_back({"rating", "evaluation.error_rating"});
    }
    validation::check_text(errors, "takeaway", answer.takeaway, Presence::optional,
                           EvaluationLimits::takeaway, Lines::multiple);
    validation::check_text(errors, "next_theme", answer.next_theme, Presence::optional,
                           EvaluationLimits::next_theme, Lines::multiple);
    validation::check_text(errors, "remark", answer.remark, Presence::optional,
                           EvaluationLimits::remark, Lines::multiple);
    if (answer.group_id != 0 && !group_known) errors.push_back({"group", "error.choose_group"});
    return errors;
}

namespace {

std::optional<double> average(long long stars, int count) {
    if (count == 0) return std::nullopt;
    return static_cast<double>(stars) / count;
}

}  // namespace

EvaluationSummary summarise(const std::vector<EvaluationTally>& tallies,
                            const std::vector<StakeholderGroup>& groups,
                            const SmallNumberPolicy& policy) {
    EvaluationSummary summary;
    // Per group in the Werkplaats's order, and last the answers without a group (or with a
    // group that has since gone).
    const std::size_t unknown = groups.size();
    std::vector<int> counts(groups.size() + 1, 0);
    std::vector<long long> stars(groups.size() + 1, 0);
    long long all_stars = 0;
    for (const auto& tally : tallies) {
        if (tally.count <= 0 || tally.rating < EvaluationLimits::min_rating ||
            tally.rating > EvaluationLimits::max_rating) {
            continue;
        }
        summary.count += tally.count;
        all_stars += static_cast<long long>(tally.rating) * tally.count;
        summary.ratings[static_cast<std::size_t>(tally.rating - 1)] += tally.count;
        switch (tally.come_again) {
            case ComeAgain::yes:
                summary.come_again_yes += tally.count;
                break;
            case ComeAgain::maybe:
                summary.come_again_maybe += tally.count;
                break;
            case ComeAgain::no:
                summary.come_again_no += tally.count;
                break;
            case ComeAgain::unanswered:
                summary.come_again_unanswered += tally.count;
                break;
        }
        std::size_t slot = unknown;
        for (std::size_t i = 0; i < groups.size(); ++i) {
            if (groups[i].id == tally.group_id) slot = i;
        }
        counts[slot] += tally.count;
        stars[slot] += static_cast<long long>(tally.rating) * tally.count;
    }
    summary.average_rating = average(all_stars, summary.count);
    const ShownCounts shown = shown_counts(counts, policy);
    for (std::size_t i = 0; i < counts.size(); ++i) {
        if (counts[i] == 0) continue;
        GroupEvaluation group;
        if (i != unknown) {
            group.group_id = groups[i].id;
            group.name = groups[i].name;
        }
        group.answers = shown.groups[i];
        if (group.answers.kind == ShownCount::Kind::exact) {
            group.average_rating = average(stars[i], counts[i]);
        }
        summary.groups.push_back(std::move(group));
    }
    return summary;
}

}  // namespace kc::domain
