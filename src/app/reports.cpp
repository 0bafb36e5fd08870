#include "app/reports.hpp"

#include <algorithm>

#include "app/privacy.hpp"
#include "core/validation.hpp"
#include "domain/action.hpp"
#include "domain/experience.hpp"

namespace kc::app {

namespace {

bool is_public_status(domain::EventStatus status) {
    return status == domain::EventStatus::published || status == domain::EventStatus::held;
}

// The stored texts of the café, or empty ones for a café whose organiser wrote nothing yet.
ReportTexts texts_of(Queries& queries, std::int64_t event_id) {
    auto texts = queries.report_texts(event_id);
    if (texts) return *texts;
    ReportTexts empty;
    empty.event_id = event_id;
    return empty;
}

// Midnight in Amsterdam at the start of a "YYYY-MM-DD" day that parse_day accepted.
time::Timestamp start_of_day(const std::string& day) {
    time::LocalDateTime local;
    local.year = std::stoi(day.substr(0, 4));
    local.month = std::stoi(day.substr(5, 2));
    local.day = std::stoi(day.substr(8, 2));
    return time::from_amsterdam(local);
}

}  // namespace

ReportOutcome save_report_texts(Transaction& tx, const EventScope& scope, const ReportForm& form,
                                time::Timestamp now) {
    if (!event_in_scope(tx, scope)) return {ReportResult::not_found, {}};
    ReportOutcome outcome;
    using validation::Lines;
    using validation::Presence;
    validation::check_text(outcome.errors, "introduction", form.introduction, Presence::optional,
                           ReportLimits::introduction, Lines::multiple);
    validation::check_text(outcome.errors, "account", form.account, Presence::optional,
                           ReportLimits::account, Lines::multiple);
    if (!outcome.errors.empty()) {
        outcome.result = ReportResult::invalid;
        return outcome;
    }
    ReportTexts texts = texts_of(tx, scope.event_id);
    texts.introduction = form.introduction;
    texts.account = form.account;
    texts.updated_at = now;
    tx.save_report_texts(texts);
    outcome.result = ReportResult::done;
    return outcome;
}

ReportOutcome set_report_publication(Transaction& tx, const EventScope& scope,
                                     Publication publication, time::Timestamp now) {
    const auto event = event_in_scope(tx, scope);
    if (!event) return {ReportResult::not_found, {}};
    ReportTexts texts = texts_of(tx, scope.event_id);
    if (publication == Publication::published) {
        if (!is_public_status(event->status)) {
            return {ReportResult::invalid, {{"publish", "report.error.not_public_event", 0}}};
        }
        if (!texts.published_at) texts.published_at = now;
    } else {
        texts.published_at.reset();
    }
    texts.updated_at = now;
    tx.save_report_texts(texts);
    return {ReportResult::done, {}};
}

bool is_report_public(Queries& queries, const domain::Event& event) {
    if (!is_public_status(event.status)) return false;
    const auto texts = queries.report_texts(event.id);
    return texts && texts->is_published();
}

std::optional<ReportSources> gather_report(Queries& queries, const EventScope& scope) {
    auto event = event_in_scope(queries, scope);
    if (!event) return std::nullopt;
    auto werkplaats = queries.werkplaats(scope.werkplaats_id);
    if (!werkplaats) return std::nullopt;
    ReportSources sources;
    sources.werkplaats = std::move(*werkplaats);
    sources.event = std::move(*event);
    const auto& details = sources.event.details;
    for (const auto& partner : queries.partners(scope.werkplaats_id)) {
        if (std::find(details.partner_ids.begin(), details.partner_ids.end(), partner.id) !=
            details.partner_ids.end()) {
            sources.partners.push_back(partner.name);
        }
    }
    sources.groups = queries.groups(scope.werkplaats_id);
    sources.attendance = domain::summarize_event_attendance(
        queries.attendance_facts(scope.werkplaats_id), scope.event_id);
    sources.small_numbers = privacy_settings(queries, scope.werkplaats_id).small_numbers;
    sources.texts = texts_of(queries, scope.event_id);

    HarvestFilter harvest;
    harvest.event_id = scope.event_id;
    harvest.public_only = true;
    sources.harvest =
        queries.harvest_items(harvest, {1, domain::HarvestLimits::items_per_event}).items;
    ActionFilter actions;
    actions.werkplaats_id = scope.werkplaats_id;
    actions.event_id = scope.event_id;
    sources.actions = queries.actions(actions, {1, ReportLimits::actions}).items;
    ExperienceFilter experiences;
    experiences.event_id = scope.event_id;
    experiences.status = domain::ExperienceStatus::published;
    // A café collects at most a few dozen experiences; this bound only keeps a report finite.
    constexpr std::size_t experiences_shown = 200;
    for (auto& experience : queries.experiences(experiences, {1, experiences_shown}).items) {
        if (domain::is_public(experience)) sources.experiences.push_back(std::move(experience));
    }
    // Newest first in the store; a report tells the café's story in order.
    std::reverse(sources.experiences.begin(), sources.experiences.end());
    LibrarySearch search;
    search.werkplaats_id = scope.werkplaats_id;
    search.event_id = scope.event_id;
    for (auto& hit : queries.search_publications(search, {1, ReportLimits::publications}).items) {
        sources.publications.push_back(std::move(hit.publication));
    }
    return sources;
}

std::vector<domain::Event> magazine_events(Queries& queries, std::int64_t werkplaats_id,
                                           const std::string& from, const std::string& to,
                                           time::Timestamp now) {
    EventFilter filter;
    filter.werkplaats_id = werkplaats_id;
    filter.starts_from = start_of_day(from);
    // Up to and including the last day: a day and a half after its start lies past its end
    // whatever the clock does that night, and the day check drops what falls on the next one.
    filter.starts_before = start_of_day(to) + 36 * 3600;
    std::vector<domain::Event> events;
    for (auto& event : queries.events(filter)) {
        if (domain::day_of(event.details.starts_at) > to) continue;
        const bool took_place =
            event.status == domain::EventStatus::held ||
            (event.status == domain::EventStatus::published && event.details.starts_at <= now);
        if (took_place) events.push_back(std::move(event));
    }
    return events;
}

FieldErrors validate(const MagazinePeriod& period) {
    FieldErrors errors;
    const auto from = domain::parse_day(period.from);
    const auto to = domain::parse_day(period.to);
    if (!from) errors.push_back({"from", "report.error.bad_date", 0});
    if (!to) errors.push_back({"to", "report.error.bad_date", 0});
    if (from && to) {
        if (*to < *from) {
            errors.push_back({"to", "report.error.period_reversed", 0});
        } else if (start_of_day(*to) - start_of_day(*from) >
                   static_cast<time::Timestamp>(ReportLimits::magazine_days) * 24 * 3600) {
            errors.push_back({"to", "report.error.period_too_long", ReportLimits::magazine_days});
        }
    }
    return errors;
}

}  // namespace kc::app
