#include "domain/retention.hpp"

namespace kc::domain {

namespace {

int days_in_month(int year, int month) {
    const int next_year = month == 12 ? year + 1 : year;
    const int next_month = month == 12 ? 1 : month + 1;
    return static_cast<int>(time::days_from_civil(next_year, next_month, 1) -
                            time::days_from_civil(year, month, 1));
}

}  // namespace

time::Timestamp add_months(time::Timestamp instant, int months) {
    time::LocalDateTime local = time::to_amsterdam(instant);
    // Months counted from year 0, so that negative steps work the same way.
    const int total = local.year * 12 + (local.month - 1) + months;
    local.year = total / 12;
    local.month = total % 12 + 1;
    if (local.day > days_in_month(local.year, local.month)) {
        local.day = days_in_month(local.year, local.month);
    }
    return time::from_amsterdam(local);
}

time::Timestamp erasure_due_at(time::Timestamp event_ends_at, const RetentionPolicy& policy) {
    return add_months(event_ends_at, policy.months);
}

bool is_erasure_due(time::Timestamp event_ends_at, const RetentionPolicy& policy,
                    time::Timestamp now) {
    return erasure_due_at(event_ends_at, policy) <= now;
}

time::Timestamp audit_erasure_cutoff(time::Timestamp now, const RetentionPolicy& policy) {
    return add_months(now, -policy.audit_months);
}

}  // namespace kc::domain
