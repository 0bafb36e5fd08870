#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "app/exports.hpp"
#include "core/time.hpp"
#include "field_error_checks.hpp"
#include "reports/export_csv.hpp"

namespace kc::reports {
namespace {

using test_support::has_error;

constexpr std::string_view bom = "\xEF\xBB\xBF";

domain::Event cafe(std::string title, std::string_view starts) {
    domain::Event event;
    event.id = 9;
    event.details.title = std::move(title);
    event.details.starts_at = *time::parse_iso8601(starts);
    return event;
}

domain::Registration person(std::string name, std::string email, std::string organisation) {
    domain::Registration registration;
    registration.form.name = std::move(name);
    registration.form.email = std::move(email);
    registration.form.organisation = std::move(organisation);
    registration.created_at = *time::parse_iso8601("2026-03-02T09:05");
    return registration;
}

// The lines of a CSV export after its byte order mark, split at CRLF.
std::vector<std::string> lines_of(const std::string& csv) {
    EXPECT_TRUE(csv.starts_with(bom)) << "no byte order mark";
    std::vector<std::string> lines;
    for (std::size_t at = bom.size(); at < csv.size();) {
        const auto end = csv.find("\r\n", at);
        EXPECT_NE(end, std::string::npos) << "the last line has no CRLF";
        if (end == std::string::npos) break;
        lines.push_back(csv.substr(at, end - at));
        at = end + 2;
    }
    return lines;
}

TEST(RegistrationsCsv, StartsWithAByteOrderMarkAndDutchHeadingsAndShowsDutchLabels) {
    const auto event = cafe("Jongeren en schulden", "2026-03-12T16:00");
    auto anouk = person("Anouk de Vries", "anouk@example.nl", "Gemeente Dordrecht");
    anouk.attendance = domain::Attendance::checked_in;
    anouk.checked_in_at = *time::parse_iso8601("2026-03-12T15:55");
    anouk.form.consent_photos = true;
    anouk.form.dietary = "Geen vlees";
    auto bram = person("Bram", "", "");
    bram.status = domain::RegistrationStatus::waitlisted;
    auto chris = person("Chris", "", "");
    chris.status = domain::RegistrationStatus::cancelled;
    chris.attendance = domain::Attendance::no_show;

    CsvExport csv(organiser_layout(ExportSpan::one_event, Notes::included), Separator::comma);
    csv.add({event, anouk, "Gemeente"});
    csv.add({event, bram, "Bewoner"});
    csv.add({event, chris, ""});
    EXPECT_EQ(csv.rows(), 3);
    const auto lines = lines_of(csv.finish());
    ASSERT_EQ(lines.size(), 4u);
    EXPECT_EQ(lines[0],
              "Naam,E-mail,Groep,Organisatie,Status,Aanwezigheid,Inloop,Aangemeld op,"
              "Ingecheckt om,Toestemming foto's,Toestemming contact,Dieetwensen,Toegankelijkheid");
    EXPECT_EQ(lines[1],
              "Anouk de Vries,anouk@example.nl,Gemeente,Gemeente Dordrecht,Aangemeld,Aanwezig,nee,"
              "2026-03-02 09:05,2026-03-12 15:55,ja,nee,Geen vlees,");
    EXPECT_EQ(lines[2],
              "Bram,,Bewoner,,Wachtlijst,Nog niet bekend,nee,2026-03-02 09:05,,nee,nee,,");
    EXPECT_EQ(lines[3], "Chris,,,,Afgemeld,Niet gekomen,nee,2026-03-02 09:05,,nee,nee,,");
}

TEST(RegistrationsCsv, QuotesAsRfc4180AndNeverLetsACellRunAsAFormula) {
    const auto event = cafe("Wonen, zorg en \"welzijn\"", "2026-10-29T16:00");
    const auto tricky = person("=HYPERLINK(\"http://x\")", "+31@example.nl", "-Stichting");
    const auto two_lines = person("@Piet", "", "Regel een\nregel twee");
    const auto tab = person("\tTab", "", "\rTerug");
    CsvExport csv({{ExportColumn::event_title, ExportColumn::name, ExportColumn::email,
                    ExportColumn::organisation},
                   Labels::dutch},
                  Separator::comma);
    csv.add({event, tricky, ""});
    csv.add({event, two_lines, ""});
    csv.add({event, tab, ""});
    const std::string text = csv.finish();
    EXPECT_NE(text.find("\"Wonen, zorg en \"\"welzijn\"\"\","
                        "\"'=HYPERLINK(\"\"http://x\"\")\",'+31@example.nl,'-Stichting\r\n"),
              std::string::npos)
        << text;
    EXPECT_NE(text.find(",'@Piet,,\"Regel een\nregel twee\"\r\n"), std::string::npos) << text;
    EXPECT_NE(text.find(",'\tTab,,\"'\rTerug\"\r\n"), std::string::npos) << text;
}

TEST(RegistrationsCsv, UsesSemicolonsForDutchExcel) {
    const auto event = cafe("Eenzaamheid", "2026-01-15T16:00");
    const auto anouk = person("Jansen, Anouk", "", "Zorg; Welzijn");
    CsvExport csv({{ExportColumn::name, ExportColumn::organisation}, Labels::dutch},
                  Separator::semicolon);
    csv.add({event, anouk, ""});
    const auto lines = lines_of(csv.finish());
    ASSERT_EQ(lines.size(), 2u);
    EXPECT_EQ(lines[0], "Naam;Organisatie");
    EXPECT_EQ(lines[1], "Jansen, Anouk;\"Zorg; Welzijn\"");
}

TEST(RegistrationsCsv, APeriodNamesEveryRowsCafeAndLeavesHealthNotesOut) {
    const auto layout = organiser_layout(ExportSpan::period, Notes::left_out);
    ASSERT_GE(layout.columns.size(), 2u);
    EXPECT_EQ(layout.columns[0], ExportColumn::event_title);
    EXPECT_EQ(layout.columns[1], ExportColumn::event_date);
    for (const auto column : layout.columns) {
        EXPECT_NE(column, ExportColumn::dietary);
        EXPECT_NE(column, ExportColumn::accessibility);
    }
    // A café in summer time: its date is the Amsterdam date, not the UTC one.
    const auto event = cafe("Nachtcafé", "2026-07-01T00:30");
    CsvExport csv(layout, Separator::comma);
    csv.add({event, person("Anouk", "", ""), "Bewoner"});
    const auto lines = lines_of(csv.finish());
    ASSERT_EQ(lines.size(), 2u);
    EXPECT_TRUE(lines[1].starts_with("Nachtcafé,2026-07-01,Anouk,")) << lines[1];
}

TEST(RegistrationsCsv, TheApiGivesStableKeysAndSlugs) {
    const auto event = cafe("Schulden", "2026-02-05T16:00");
    auto anouk = person("Anouk", "anouk@example.nl", "Humanitas");
    anouk.attendance = domain::Attendance::no_show;
    CsvExport csv(api_layout(), Separator::comma);
    csv.add({event, anouk, "Bewoner"});
    const auto lines = lines_of(csv.finish());
    ASSERT_EQ(lines.size(), 2u);
    EXPECT_EQ(lines[0], "name,group,organisation,status,attendance");
    // No e-mail address: the API gives only what its contract names.
    EXPECT_EQ(lines[1], "Anouk,Bewoner,Humanitas,registered,no_show");
}

TEST(ExportPeriod, NeedsTwoRealDatesInOrderAndIncludesTheLastDay) {
    const auto fine = app::read_period("2026-03-29", "2026-03-29");
    ASSERT_EQ(fine.result, app::ExportResult::done);
    // The day the clocks go forward is 23 hours long; the period still ends at midnight.
    EXPECT_EQ(fine.period.starts_from, *time::parse_iso8601("2026-03-29T00:00"));
    EXPECT_EQ(fine.period.starts_before, *time::parse_iso8601("2026-03-30T00:00"));
    EXPECT_EQ(fine.period.starts_before - fine.period.starts_from, 23 * 3600);

    const auto reversed = app::read_period("2026-05-01", "2026-04-30");
    EXPECT_EQ(reversed.result, app::ExportResult::invalid);
    EXPECT_TRUE(has_error(reversed.errors, "tot", "export.error.to_before_from"));

    const auto wrong = app::read_period("31-12-2026", "2026-02-30");
    EXPECT_TRUE(has_error(wrong.errors, "van", "error.invalid_date"));
    EXPECT_TRUE(has_error(wrong.errors, "tot", "error.invalid_date"));

    const auto missing = app::read_period(" ", "");
    EXPECT_TRUE(has_error(missing.errors, "van", "export.error.date_missing"));
    EXPECT_TRUE(has_error(missing.errors, "tot", "export.error.date_missing"));
}

TEST(ExportLabels, AreDutchForEveryStatusAndAttendance) {
    EXPECT_EQ(dutch_label(domain::RegistrationStatus::registered), "Aangemeld");
    EXPECT_EQ(dutch_label(domain::RegistrationStatus::waitlisted), "Wachtlijst");
    EXPECT_EQ(dutch_label(domain::RegistrationStatus::cancelled), "Afgemeld");
    EXPECT_EQ(dutch_label(domain::Attendance::unknown), "Nog niet bekend");
    EXPECT_EQ(dutch_label(domain::Attendance::checked_in), "Aanwezig");
    EXPECT_EQ(dutch_label(domain::Attendance::no_show), "Niet gekomen");
}

}  // namespace
}  // namespace kc::reports
