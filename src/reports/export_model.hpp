#pragma once

// The registrations export as a table, from plain values: which columns a file has, what
// each cell of a registration holds, and the writers (CSV in export_csv.hpp, XLSX in
// export_xlsx.hpp) that take the rows one at a time. A row only points into the event and
// registration it shows, so a period of years of cafés is never copied into a second table.

#include <string>
#include <string_view>
#include <vector>

#include "core/time.hpp"
#include "domain/event.hpp"
#include "domain/registration.hpp"

namespace kc::reports {

// One registration as an export shows it; the values it points to outlive the row.
struct RegistrationRow {
    const domain::Event& event;
    const domain::Registration& registration;
    std::string_view group;  // the stakeholder group's name, empty when it is unknown
};

enum class ExportColumn {
    event_title,
    event_date,
    name,
    email,
    group,
    organisation,
    status,
    attendance,
    walk_in,
    registered_at,
    checked_in_at,
    consent_photos,
    consent_contact,
    dietary,
    accessibility,
};

// How headings and values read: Dutch words for people who open the file in a
// spreadsheet, or stable English keys and slugs for scripts of the API.
enum class Labels { dutch, slugs };

// Whether a file covers one café (its title and date are in the file name) or a period,
// where every row names its café.
enum class ExportSpan { one_event, period };

// Dietary and accessibility notes are health data: only an organiser preparing a café needs
// them, so they go only into that café's own export, never into a period's or the API's.
enum class Notes { included, left_out };

struct ExportLayout {
    std::vector<ExportColumn> columns;
    Labels labels = Labels::dutch;
};

// What an organiser downloads from the site.
ExportLayout organiser_layout(ExportSpan span, Notes notes);
// What the API gives: name, group, organisation, status and attendance.
ExportLayout api_layout();

std::string_view heading(ExportColumn column, Labels labels);

// A cell's value: text, a calendar date, a moment (date and time), or nothing. Times are
// shown as Amsterdam wall-clock time.
struct ExportCell {
    enum class Kind { text, date, date_time, empty };
    Kind kind = Kind::empty;
    std::string_view text;
    time::Timestamp at = 0;
};

ExportCell cell(const RegistrationRow& row, ExportColumn column, Labels labels);

// "Aangemeld", "Wachtlijst", "Afgemeld"; "Aanwezig", "Niet gekomen", "Nog niet bekend".
std::string_view dutch_label(domain::RegistrationStatus status);
std::string_view dutch_label(domain::Attendance attendance);

// A column's width in a spreadsheet, in characters, so that typical values fit.
double column_width(ExportColumn column);

// A writer takes the rows one at a time and gives the whole file at the end.
class ExportWriter {
  public:
    virtual ~ExportWriter() = default;
    virtual void add(const RegistrationRow& row) = 0;
    // The file's bytes; the writer is spent afterwards.
    virtual std::string finish() = 0;
    // The rows added so far.
    int rows() const { return rows_; }

  protected:
    int rows_ = 0;
};

}  // namespace kc::reports
