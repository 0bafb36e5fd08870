#pragma once

// Exports of registrations and attendance: which registrations a café's or a period's
// export holds, the period an organiser asks for, and the audit record every export leaves.
// The files themselves are written by src/reports/export_*.hpp from what these functions
// hand over, one registration at a time.

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>

#include "app/privacy_records.hpp"
#include "app/scope.hpp"
#include "app/store.hpp"
#include "core/field_error.hpp"

namespace kc::app {

// The cafés that start on the days from `from` up to and including `to` ("2026-01-31").
struct ExportPeriod {
    std::string from;
    std::string to;
    time::Timestamp starts_from = 0;
    time::Timestamp starts_before = 0;  // midnight after `to`, Amsterdam time
};

enum class ExportResult { done, invalid };

struct PeriodOutcome {
    ExportResult result = ExportResult::invalid;
    FieldErrors errors;  // fields "van" and "tot"
    ExportPeriod period;
};

// Reads the two dates of the period form: both are needed, each a real date, and the
// first not after the second.
PeriodOutcome read_period(std::string_view from, std::string_view to);

// Receives each registration of an export with its café and the name of its group (empty
// when the group is unknown). The references last only for the call.
using RegistrationVisitor = std::function<void(
    const domain::Event& event, const domain::Registration& registration, std::string_view group)>;

// The registrations of one café, in order of registration, cancelled ones included; none
// when the event is not the scope's. Returns how many were handed over.
int each_registration(Queries& queries, const EventScope& scope, const RegistrationVisitor& visit);

// The registrations of every café of the Werkplaats that starts in the period, café by
// café in order of date. Only one café's registrations are read at a time.
int each_registration(Queries& queries, std::int64_t werkplaats_id, const ExportPeriod& period,
                      const RegistrationVisitor& visit);

// What an export held, for its audit record: never a participant's data.
struct ExportRecord {
    std::string subject = "aanmeldingen";  // or "live-resultaten van sessie 4"
    std::optional<std::int64_t> event_id;  // a café's export
    std::optional<ExportPeriod> period;    // a period's export
    std::string format;                    // "csv", "csv met puntkomma" or "xlsx"
    int rows = 0;
};

// Records the export in the Werkplaats's audit log: for a café its event, for a period
// its dates, and the subject, format and number of rows ("aanmeldingen 2026-01-01 t/m
// 2026-12-31, xlsx, 153 rijen").
void record_export(Transaction& tx, std::int64_t werkplaats_id, const AuditActor& actor,
                   const ExportRecord& record, time::Timestamp now);

}  // namespace kc::app
