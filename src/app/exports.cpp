#include "app/exports.hpp"

#include <map>

#include "app/privacy.hpp"
#include "core/text.hpp"

namespace kc::app {

namespace {

constexpr time::Timestamp day = 86'400;

// Midnight at the start of a date typed as "YYYY-MM-DD", Amsterdam time.
std::optional<time::Timestamp> start_of(std::string_view date, std::string_view field,
                                        FieldErrors& errors) {
    const std::string typed = text::trim(date);
    if (typed.empty()) {
        errors.push_back({std::string(field), "export.error.date_missing"});
        return std::nullopt;
    }
    auto parsed = typed.size() == 10 ? time::parse_iso8601(typed + "T00:00") : std::nullopt;
    if (!parsed) errors.push_back({std::string(field), "error.invalid_date"});
    return parsed;
}

std::map<std::int64_t, std::string> group_names(Queries& queries, std::int64_t werkplaats_id) {
    std::map<std::int64_t, std::string> names;
    for (auto& group : queries.groups(werkplaats_id)) names[group.id] = std::move(group.name);
    return names;
}

int each_of_event(Queries& queries, const domain::Event& event,
                  const std::map<std::int64_t, std::string>& groups,
                  const RegistrationVisitor& visit) {
    const auto registrations = queries.registrations(event.id);
    for (const auto& registration : registrations) {
        const auto group = groups.find(registration.form.group_id);
        visit(event, registration, group == groups.end() ? std::string_view() : group->second);
    }
    return static_cast<int>(registrations.size());
}

}  // namespace

PeriodOutcome read_period(std::string_view from, std::string_view to) {
    PeriodOutcome outcome;
    const auto first = start_of(from, "van", outcome.errors);
    const auto last = start_of(to, "tot", outcome.errors);
    if (first && last && *first > *last) {
        outcome.errors.push_back({"tot", "export.error.to_before_from"});
    }
    if (!outcome.errors.empty()) return outcome;
    outcome.result = ExportResult::done;
    outcome.period = {text::trim(from), text::trim(to), *first,
                      // The last day itself is included; a day is 23 or 25 hours long when the
                      // clocks change, so midnight is found again rather than added up.
                      time::from_amsterdam([&] {
                          auto next = time::to_amsterdam(*last + day + day / 2);
                          next.hour = next.minute = next.second = 0;
                          return next;
                      }())};
    return outcome;
}

int each_registration(Queries& queries, const EventScope& scope, const RegistrationVisitor& visit) {
    const auto event = event_in_scope(queries, scope);
    if (!event) return 0;
    return each_of_event(queries, *event, group_names(queries, scope.werkplaats_id), visit);
}

int each_registration(Queries& queries, std::int64_t werkplaats_id, const ExportPeriod& period,
                      const RegistrationVisitor& visit) {
    EventFilter filter;
    filter.werkplaats_id = werkplaats_id;
    filter.starts_from = period.starts_from;
    filter.starts_before = period.starts_before;
    const auto groups = group_names(queries, werkplaats_id);
    int count = 0;
    for (const auto& event : queries.events(filter)) {
        count += each_of_event(queries, event, groups, visit);
    }
    return count;
}

void record_export(Transaction& tx, std::int64_t werkplaats_id, const AuditActor& actor,
                   const ExportRecord& record, time::Timestamp now) {
    std::string detail = record.subject;
    if (record.period) detail += " " + record.period->from + " t/m " + record.period->to;
    detail += ", " + record.format + ", " + std::to_string(record.rows) +
              (record.rows == 1 ? " rij" : " rijen");
    record_audit(tx, werkplaats_id, actor, AuditAction::exported, record.event_id, std::nullopt,
                 std::move(detail), now);
}

}  // namespace kc::app
