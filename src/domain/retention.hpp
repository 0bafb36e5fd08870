#pragma once

#include <cstdint>

#include "core/time.hpp"

namespace kc::domain {

// How long a Werkplaats keeps personal data. The defaults are those of a Werkplaats
// that never changed its privacy settings.
struct RetentionPolicy {
    static constexpr int default_months = 12;
    static constexpr int default_audit_months = 24;
    static constexpr int min_months = 1;
    static constexpr int max_months = 120;

    // Months after an event's end until its registrations are erased.
    int months = default_months;
    // Months after an audit-log entry was written until it is erased.
    int audit_months = default_audit_months;
};

// The same wall-clock time `months` calendar months later in Amsterdam; a day that the
// target month lacks becomes its last day (31 March + 1 month = 30 April).
time::Timestamp add_months(time::Timestamp instant, int months);

// When the registrations of an event that ended at `event_ends_at` are due for erasure.
time::Timestamp erasure_due_at(time::Timestamp event_ends_at, const RetentionPolicy& policy);

// Whether an event's registrations must be erased at `now`.
bool is_erasure_due(time::Timestamp event_ends_at, const RetentionPolicy& policy,
                    time::Timestamp now);

// Audit-log entries written before this instant are due for erasure.
time::Timestamp audit_erasure_cutoff(time::Timestamp now, const RetentionPolicy& policy);

}  // namespace kc::domain
