#pragma once

// A café's report and the magazine of a period as plain values, ready to be set as HTML
// (report_html.hpp) or PDF (report_pdf.hpp). Pure: built from what app::gather_report read,
// with every word taken from a catalogue, so the same model serves Dutch and English and the
// web page, the PDF and the magazine show the same thing. A section without data is left out
// of the model altogether, so no renderer ever prints an empty heading or a placeholder.

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "app/privacy_records.hpp"
#include "app/reports.hpp"
#include "domain/small_numbers.hpp"

namespace kc::reports {

// The words of a report in the reader's language: catalogue texts (i18n keys, "{n}" replaced
// by `number`) and dates written out.
class Words {
  public:
    virtual ~Words() = default;
    virtual std::string text(std::string_view key, long long number = 0) const = 0;
    // "dinsdag 14 maart 2025".
    virtual std::string date(time::Timestamp instant) const = 0;
};

struct ProgrammeLine {
    std::string time;
    std::string title;
    std::string work_form;
};

// One row of an attendance table: a label and the count as the public may see it.
struct CountRow {
    std::string label;
    domain::ShownCount count;
};

// A count as the public may read it: "12", "minder dan 5", or the mark of a withheld one.
std::string count_text(const domain::ShownCount& count, const Words& words);

// Who came, by stakeholder group, with small numbers hidden.
struct AttendanceTable {
    std::vector<CountRow> groups;  // every group of the Werkplaats, in its order
    domain::ShownCount total;
};

struct HarvestSection {
    std::string kind;  // "Inzicht", "Aanbeveling", ...
    std::vector<std::string> items;
};

struct ActionLine {
    std::string description;
    std::string owner;
    std::string due_on;  // written out, or empty
    std::string status;
};

struct ExperienceLine {
    std::string quote;
    std::string signature;  // "Fatima, bewoner van Feijenoord" or "Anoniem"
};

struct PublicationLine {
    std::string title;
    std::string kind;
    std::string authors;  // joined with commas
    int year = 0;
    std::string link;  // an http(s) address, or empty
};

// One live question in a report, its group columns already trimmed (see build_report).
struct LiveSection {
    app::LiveResult result;
    // The small-number threshold when groups with fewer respondents than it were left out of
    // the breakdown (they still count in the totals); 0 when none were.
    int small_groups_below = 0;
};

struct Report {
    std::int64_t event_id = 0;
    std::string title;
    std::string theme;
    std::string when;  // "dinsdag 14 maart 2025, 16:00 – 18:00"
    std::string date;  // "dinsdag 14 maart 2025", for the contents
    std::string place;
    std::vector<std::string> partners;
    std::vector<std::string> speakers;  // "name, role"
    std::vector<ProgrammeLine> programme;
    std::string introduction;  // Markdown
    std::string account;       // Markdown
    std::optional<AttendanceTable> attendance;
    std::vector<LiveSection> live;  // questions that someone answered
    std::vector<HarvestSection> harvest;
    std::vector<ActionLine> actions;
    std::vector<ExperienceLine> experiences;
    std::vector<PublicationLine> publications;
    bool published = false;  // the report, not the café
};

// One of the café's facts as a report lists them under its title.
struct Fact {
    std::string label;
    std::string value;
};

// The facts that are known: theme, when, where, partners and speakers.
std::vector<Fact> facts_of(const Report& report, const Words& words);

// A live question's results by stakeholder group as a table: a row per option with its
// label as the chart writes it, then the count of each group and the total as the public may
// read them. `groups` and every row's `counts` follow the result's group names. Empty when
// the result is in total only (nobody stated a group, or a kind without a breakdown: word
// cloud, ranking). `note` says when small groups were left out.
struct LiveGroupRow {
    std::string label;
    std::vector<std::string> counts;
    std::string total;
};
struct LiveGroupTable {
    std::vector<std::string> groups;
    std::vector<LiveGroupRow> rows;
    std::string note;
};
LiveGroupTable live_group_table(const LiveSection& live, const Words& words);

// The report of one café. Attendance is left out when nobody was present, live questions
// nobody answered and open questions are left out, and so are empty harvest kinds. Live
// results keep the columns of the groups that answered: a group from which nobody answered is left
// out (its zero says nothing and would crowd the chart), and when nobody stated a group at all the
// results are in total only.
Report build_report(const app::ReportSources& sources, const Words& words);

// What a magazine is made of: the Werkplaats, its contact details, the period and the
// organiser's foreword (Markdown), and the cafés in order.
struct MagazineSources {
    app::Werkplaats werkplaats;
    app::PrivacySettings contact;
    std::string site_url;  // the Werkplaats's public site
    std::string from;      // "YYYY-MM-DD"
    std::string to;
    std::string foreword;
    std::vector<app::ReportSources> cafes;
};

struct Magazine {
    std::string title;              // "Magazine Werkplaats Noord"
    std::string period;             // "1 januari 2025 – 31 december 2025"
    std::string summary;            // "136 bezoekers bij vijf cafés"
    std::string foreword;           // Markdown; empty leaves the foreword out
    AttendanceTable by_group;       // all cafés together, small numbers hidden
    std::vector<CountRow> by_cafe;  // the visitors of each café
    std::vector<Report> chapters;
    // The closing page.
    std::string werkplaats;
    std::string organisation;
    std::string email;
    std::string address;
    std::string site_url;
};

Magazine build_magazine(const MagazineSources& sources, const Words& words);

}  // namespace kc::reports
