#include "domain/small_numbers.hpp"

#include <numeric>
#include <optional>

namespace kc::domain {

ShownCount shown_count(int count, const SmallNumberPolicy& policy) {
    if (count > 0 && count < policy.threshold) {
        return {ShownCount::Kind::fewer_than, policy.threshold};
    }
    return {ShownCount::Kind::exact, count};
}

ShownCounts shown_counts(const std::vector<int>& groups, const SmallNumberPolicy& policy) {
    ShownCounts shown;
    int hidden = 0;
    for (const int count : groups) {
        shown.groups.push_back(shown_count(count, policy));
        if (shown.groups.back().kind != ShownCount::Kind::exact) ++hidden;
    }
    shown.total = shown_count(std::accumulate(groups.begin(), groups.end(), 0), policy);
    if (hidden != 1 || shown.total.kind != ShownCount::Kind::exact) return shown;
    std::optional<std::size_t> smallest;
    for (std::size_t i = 0; i < groups.size(); ++i) {
        if (shown.groups[i].kind != ShownCount::Kind::exact || groups[i] == 0) continue;
        if (!smallest || groups[i] < groups[*smallest]) smallest = i;
    }
    if (smallest) shown.groups[*smallest] = {ShownCount::Kind::withheld, 0};
    return shown;
}

}  // namespace kc::domain
