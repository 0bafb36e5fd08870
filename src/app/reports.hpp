#pragma once

// A café's report and the magazine of a period as use cases: the organiser's texts (an
// introduction and an account, Markdown), publishing the report, and gathering everything a
// report shows from the store. Every function takes the Werkplaats and touches only its
// events; another Werkplaats's café is simply not found.

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "app/privacy_records.hpp"
#include "app/scope.hpp"
#include "app/store.hpp"
#include "domain/live_question.hpp"

namespace kc::app {

struct ReportLimits {
    // About twenty pages of text each: room for a long account, and a bound on one page.
    static constexpr std::size_t introduction = 20'000;
    static constexpr std::size_t account = 40'000;
    // The publications of one café a report lists.
    static constexpr std::size_t publications = 50;
    // The actions of one café a report lists.
    static constexpr std::size_t actions = 100;
    // A magazine spans at most this many days, and so at most a few dozen cafés.
    static constexpr int magazine_days = 3 * 366;
};

enum class ReportResult { done, invalid, not_found };

struct ReportOutcome {
    ReportResult result = ReportResult::not_found;
    FieldErrors errors;  // fields "introduction" and "account", catalogue keys
};

// What the organiser's form sends.
struct ReportForm {
    std::string introduction;
    std::string account;
};

// Saves the texts of a café of the scope; keeps whether it is published.
ReportOutcome save_report_texts(Transaction& tx, const EventScope& scope, const ReportForm& form,
                                time::Timestamp now);

// Whether the public may read the report of a café of the scope. Only a café the public sees
// (published or held) can have a public report; `invalid` for a draft or cancelled one.
enum class Publication { published, draft };
ReportOutcome set_report_publication(Transaction& tx, const EventScope& scope,
                                     Publication publication, time::Timestamp now);

// Whether the public may read the event's report: the event is public and the report published.
bool is_report_public(Queries& queries, const domain::Event& event);

// One live question of the café with its results as the live engine replays them.
struct LiveResult {
    LiveQuestion question;
    domain::live::Results results;
    std::vector<std::string> group_names;  // in the order of the results' group counts
};

// Everything one report shows, as stored. Only what the public may see is gathered: harvest
// items of public kinds, experiences with consent that are not hidden, actions without their
// contacts' use, publications that are not deleted.
struct ReportSources {
    Werkplaats werkplaats;
    domain::Event event;
    std::vector<std::string> partners;
    std::vector<domain::StakeholderGroup> groups;
    domain::AttendanceSummary attendance;
    domain::SmallNumberPolicy small_numbers;
    ReportTexts texts;  // empty texts when the organiser wrote none
    std::vector<LiveResult> live;
    std::vector<domain::HarvestItem> harvest;
    std::vector<domain::Action> actions;
    std::vector<domain::Experience> experiences;
    std::vector<domain::Publication> publications;
};

// Gathers the report of an event of the Werkplaats, except its live results: replaying those
// is the live engine's work (src/web/reports/report_sources.hpp adds them).
std::optional<ReportSources> gather_report(Queries& queries, const EventScope& scope);

// The cafés a magazine of the Werkplaats covers: those that started from `from` up to and
// including the day `to` ("YYYY-MM-DD", Amsterdam) and that took place (held, or published and
// already started at `now`), earliest first.
std::vector<domain::Event> magazine_events(Queries& queries, std::int64_t werkplaats_id,
                                           const std::string& from, const std::string& to,
                                           time::Timestamp now);

// A period as typed on the command line or a form; errors under "from" and "to".
struct MagazinePeriod {
    std::string from;
    std::string to;
};
FieldErrors validate(const MagazinePeriod& period);

}  // namespace kc::app
