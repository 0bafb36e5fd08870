#include "app/privacy.hpp"

#include <algorithm>
#include <map>
#include <set>

#include "app/evaluations.hpp"
#include "app/mail.hpp"
#include "app/registrations.hpp"
#include "core/text.hpp"
#include "core/validation.hpp"
#include "domain/anonymisation.hpp"

namespace kc::app {

namespace {

constexpr std::size_t max_controller_name = 150;
constexpr std::size_t max_contact_address = 300;
constexpr std::size_t max_email = 254;
constexpr int max_audit_page_size = 500;

std::string registrations_detail(int count) {
    return std::to_string(count) + (count == 1 ? " aanmelding" : " aanmeldingen");
}

// Erases registrations of one Werkplaats so that no statistic changes: the anonymous
// counts and seen-before marks are planned from all its attendance facts, then stored, and
// only then are the registrations deleted.
void erase_registrations(Transaction& tx, std::int64_t werkplaats_id,
                         const std::set<std::int64_t>& ids) {
    if (ids.empty()) return;
    const auto plan = domain::plan_erasure(tx.attendance_facts(werkplaats_id), ids);
    tx.add_anonymous_counts(plan.counts);
    tx.mark_seen_before(plan.mark_seen_before);
    tx.delete_registrations({ids.begin(), ids.end()});
}

std::optional<int> parse_setting(FieldErrors& errors, const std::string& field,
                                 const std::string& value, int min, int max,
                                 const std::string& message_key) {
    const auto number = text::parse_integer(text::trim(value), min, max);
    if (!number) {
        errors.push_back({field, message_key, max});
        return std::nullopt;
    }
    return static_cast<int>(*number);
}

PersonalRegistration personal_registration(Queries& queries, const domain::Registration& r,
                                           const std::vector<domain::StakeholderGroup>& groups,
                                           const PrivacySettings& settings) {
    PersonalRegistration personal;
    personal.registration = r;
    if (const auto event = queries.event(r.event_id)) {
        personal.event_title = event->details.title;
        personal.event_starts_at = event->details.starts_at;
        personal.erase_at = domain::erasure_due_at(event->details.ends_at, settings.retention);
    }
    const auto group = std::find_if(groups.begin(), groups.end(),
                                    [&](const auto& g) { return g.id == r.form.group_id; });
    if (group != groups.end()) personal.group_name = group->name;
    if (const auto cafe = queries.world_cafe(r.event_id)) {
        personal.world_cafe_route = domain::route_of(*cafe, queries.seats_of(r.id), r.id);
    }
    personal.consents = queries.consent_records(r.id);
    return personal;
}

PersonalData personal_data(Queries& queries, const Werkplaats& werkplaats, const std::string& email,
                           const std::vector<domain::Registration>& registrations) {
    const PrivacySettings settings = privacy_settings(queries, werkplaats.id);
    const auto groups = queries.groups(werkplaats.id);
    PersonalData data;
    data.werkplaats = werkplaats;
    data.email = email;
    data.controller_name = settings.controller_name;
    data.contact_email = settings.contact_email;
    for (const auto& registration : registrations) {
        data.registrations.push_back(
            personal_registration(queries, registration, groups, settings));
    }
    return data;
}

// The Werkplaats of a registration's event.
std::optional<Werkplaats> werkplaats_of(Queries& queries, const domain::Registration& r) {
    const auto event = queries.event(r.event_id);
    if (!event) return std::nullopt;
    return queries.werkplaats(event->werkplaats_id);
}

// The registrations a personal link reaches.
std::vector<domain::Registration> reached(Queries& queries, const domain::Registration& r,
                                          std::int64_t werkplaats_id, Reach reach) {
    if (reach == Reach::same_email && r.email_normalized) {
        return queries.registrations_by_email(werkplaats_id, *r.email_normalized);
    }
    return {r};
}

ErasureOutcome erase_person(Transaction& tx, std::int64_t werkplaats_id,
                            const std::vector<domain::Registration>& registrations,
                            const AuditActor& actor, time::Timestamp now) {
    ErasureOutcome outcome;
    if (registrations.empty()) return outcome;
    // A place at an event still to come is given up first, so the waiting list moves up.
    std::map<std::int64_t, int> per_event;
    std::set<std::int64_t> to_promote;
    std::set<std::int64_t> ids;
    for (const auto& registration : registrations) {
        ids.insert(registration.id);
        ++per_event[registration.event_id];
        const auto event = tx.event(registration.event_id);
        if (!event || event->details.starts_at <= now ||
            registration.status == domain::RegistrationStatus::cancelled) {
            continue;
        }
        tx.update_registration_status(registration.id, domain::RegistrationStatus::cancelled, now);
        to_promote.insert(registration.event_id);
    }
    for (const auto event_id : to_promote) {
        const auto promoted = promote_from_waiting_list(tx, event_id, now);
        outcome.promoted_ids.insert(outcome.promoted_ids.end(), promoted.begin(), promoted.end());
    }
    // The mails to them hold their name and address, and go with the registrations.
    std::set<std::string> addresses;
    for (const auto& registration : registrations) {
        if (registration.email_normalized) addresses.insert(*registration.email_normalized);
    }
    for (const auto& address : addresses) tx.delete_mails_to(werkplaats_id, address);
    // A named quote is theirs too; it goes from the public pages with the rest.
    withdraw_experiences_of(tx, {ids.begin(), ids.end()}, now);
    erase_registrations(tx, werkplaats_id, ids);
    for (const auto& [event_id, count] : per_event) {
        record_audit(tx, werkplaats_id, actor, AuditAction::erased, event_id, std::nullopt,
                     registrations_detail(count), now);
    }
    outcome.result = ErasureResult::erased;
    outcome.promoted = static_cast<int>(outcome.promoted_ids.size());
    outcome.registrations = static_cast<int>(ids.size());
    return outcome;
}

ConsentResult set_consent(Transaction& tx, const std::string& token, ConsentKind kind, bool given,
                          time::Timestamp now) {
    const auto registration = tx.registration_by_token(token);
    if (!registration) return ConsentResult::not_found;
    const bool current = kind == ConsentKind::photos ? registration->form.consent_photos
                                                     : registration->form.consent_contact;
    if (current == given) return ConsentResult::unchanged;
    tx.update_consent(registration->id, kind, given);
    tx.insert_consent_record(
        {0, registration->id, kind, given, std::string(consent_text_version), now});
    if (const auto werkplaats = werkplaats_of(tx, *registration)) {
        record_audit(tx, werkplaats->id, AuditActor::participant(),
                     given ? AuditAction::consent_given : AuditAction::consent_withdrawn,
                     registration->event_id, registration->id, std::string(to_slug(kind)), now);
    }
    return ConsentResult::changed;
}

}  // namespace

// ---- Settings ---------------------------------------------------------------------

PrivacySettings privacy_settings(Queries& queries, std::int64_t werkplaats_id) {
    if (auto stored = queries.privacy_settings(werkplaats_id)) return *stored;
    PrivacySettings defaults;
    defaults.werkplaats_id = werkplaats_id;
    return defaults;
}

PrivacySettingsForm settings_form(const PrivacySettings& settings) {
    return {std::to_string(settings.retention.months),
            std::to_string(settings.retention.audit_months),
            std::to_string(settings.small_numbers.threshold),
            settings.controller_name,
            settings.contact_email,
            settings.contact_address};
}

PrivacySettingsOutcome save_privacy_settings(Transaction& tx, std::int64_t werkplaats_id,
                                             const PrivacySettingsForm& form,
                                             const AuditActor& actor, time::Timestamp now) {
    PrivacySettingsOutcome outcome;
    if (!tx.werkplaats(werkplaats_id)) {
        outcome.result = PrivacyResult::not_found;
        return outcome;
    }
    auto& errors = outcome.errors;
    using domain::RetentionPolicy;
    const auto months = parse_setting(errors, "retention_months", form.retention_months,
                                      RetentionPolicy::min_months, RetentionPolicy::max_months,
                                      "privacy.months_range");
    const auto audit_months = parse_setting(
        errors, "audit_retention_months", form.audit_retention_months, RetentionPolicy::min_months,
        RetentionPolicy::max_months, "privacy.months_range");
    const auto threshold =
        parse_setting(errors, "small_number_threshold", form.small_number_threshold,
                      domain::SmallNumberPolicy::min_threshold,
                      domain::SmallNumberPolicy::max_threshold, "privacy.threshold_range");
    const std::string controller = text::trim(form.controller_name);
    const std::string email = text::trim(form.contact_email);
    const std::string address = text::trim(form.contact_address);
    validation::check_text(errors, "controller_name", controller, validation::Presence::required,
                           max_controller_name);
    validation::check_text(errors, "contact_email", email, validation::Presence::required,
                           max_email);
    if (!email.empty() && !text::normalize_email(email)) {
        errors.push_back({"contact_email", "error.invalid_email"});
    }
    validation::check_text(errors, "contact_address", address, validation::Presence::optional,
                           max_contact_address, validation::Lines::multiple);
    if (!errors.empty()) return outcome;

    PrivacySettings& settings = outcome.settings;
    settings.werkplaats_id = werkplaats_id;
    settings.retention.months = *months;
    settings.retention.audit_months = *audit_months;
    settings.small_numbers.threshold = *threshold;
    settings.controller_name = controller;
    settings.contact_email = email;
    settings.contact_address = address;
    settings.updated_at = now;
    tx.save_privacy_settings(settings);
    record_audit(
        tx, werkplaats_id, actor, AuditAction::settings_changed, std::nullopt, std::nullopt,
        "bewaartermijn " + std::to_string(*months) + " maanden, logboek " +
            std::to_string(*audit_months) + " maanden, drempel " + std::to_string(*threshold),
        now);
    outcome.result = PrivacyResult::done;
    return outcome;
}

// ---- Retention --------------------------------------------------------------------

RetentionOverview retention_overview(Queries& queries, const Werkplaats& werkplaats,
                                     time::Timestamp now) {
    RetentionOverview overview;
    overview.werkplaats = werkplaats;
    overview.settings = privacy_settings(queries, werkplaats.id);
    for (const auto& event : queries.events_with_registrations(werkplaats.id)) {
        RetentionItem item{event.event_id,
                           event.title,
                           event.starts_at,
                           event.ends_at,
                           domain::erasure_due_at(event.ends_at, overview.settings.retention),
                           event.registrations,
                           false};
        item.due = item.erase_at <= now;
        if (item.due) overview.due_registrations += item.registrations;
        overview.events.push_back(std::move(item));
    }
    std::stable_sort(overview.events.begin(), overview.events.end(),
                     [](const auto& a, const auto& b) { return a.erase_at < b.erase_at; });
    overview.audit_cutoff = domain::audit_erasure_cutoff(now, overview.settings.retention);
    overview.due_audit_entries =
        queries.count_audit_entries_before(werkplaats.id, overview.audit_cutoff);
    return overview;
}

std::vector<RetentionOverview> retention_overviews(Queries& queries, time::Timestamp now,
                                                   std::optional<std::int64_t> werkplaats_id) {
    std::vector<RetentionOverview> overviews;
    for (const auto& werkplaats : queries.werkplaatsen()) {
        if (werkplaats_id && werkplaats.id != *werkplaats_id) continue;
        overviews.push_back(retention_overview(queries, werkplaats, now));
    }
    return overviews;
}

PurgeReport purge_expired(Transaction& tx, time::Timestamp now,
                          std::optional<std::int64_t> werkplaats_id) {
    PurgeReport report;
    for (const auto& overview : retention_overviews(tx, now, werkplaats_id)) {
        PurgeReport::PerWerkplaats purged;
        purged.werkplaats = overview.werkplaats;
        // Old audit entries first, so that this purge's own entries are kept.
        purged.audit_entries =
            tx.delete_audit_entries_before(overview.werkplaats.id, overview.audit_cutoff);
        std::set<std::int64_t> ids;
        for (const auto& item : overview.events) {
            if (!item.due) continue;
            for (const auto& registration : tx.registrations(item.event_id)) {
                ids.insert(registration.id);
            }
            // Published experiences stay on their consent until it is withdrawn; the
            // hidden and withdrawn ones are needed no longer.
            tx.delete_unpublished_experiences(item.event_id);
            purged.events.push_back(item);
        }
        erase_registrations(tx, overview.werkplaats.id, ids);
        // A werkteam's contact addresses serve the team's work; once it has ended they go
        // after the same period as a café's registrations.
        purged.werkteam_emails = tx.erase_werkteam_member_emails(
            overview.werkplaats.id,
            time::format_date_input(domain::add_months(now, -overview.settings.retention.months)));
        purged.mails =
            tx.delete_mails_finished_before(overview.werkplaats.id, now - mail_retention_seconds);
        for (const auto& item : purged.events) {
            record_audit(tx, overview.werkplaats.id, AuditActor::system(), AuditAction::purged,
                         item.event_id, std::nullopt, registrations_detail(item.registrations),
                         now);
        }
        purged.registrations = static_cast<int>(ids.size());
        report.registrations += purged.registrations;
        report.audit_entries += purged.audit_entries;
        report.werkteam_emails += purged.werkteam_emails;
        report.mails += purged.mails;
        report.werkplaatsen.push_back(std::move(purged));
    }
    return report;
}

// ---- A person's rights ------------------------------------------------------------

std::optional<PersonalData> personal_data_by_token(Queries& queries, const std::string& token,
                                                   Reach reach) {
    const auto registration = queries.registration_by_token(token);
    if (!registration) return std::nullopt;
    const auto werkplaats = werkplaats_of(queries, *registration);
    if (!werkplaats) return std::nullopt;
    return personal_data(queries, *werkplaats, registration->email_normalized.value_or(""),
                         reached(queries, *registration, werkplaats->id, reach));
}

PersonalData personal_data_by_email(Queries& queries, std::int64_t werkplaats_id,
                                    const std::string& email) {
    const auto werkplaats = queries.werkplaats(werkplaats_id).value_or(Werkplaats{});
    const auto normalized = text::normalize_email(email);
    if (!normalized) return personal_data(queries, werkplaats, "", {});
    auto data = personal_data(queries, werkplaats, *normalized,
                              queries.registrations_by_email(werkplaats_id, *normalized));
    data.werkteams = queries.werkteam_memberships_by_email(werkplaats_id, *normalized);
    return data;
}

ErasureOutcome erase_by_token(Transaction& tx, const std::string& token, Reach reach,
                              time::Timestamp now) {
    const auto registration = tx.registration_by_token(token);
    if (!registration) return {};
    const auto werkplaats = werkplaats_of(tx, *registration);
    if (!werkplaats) return {};
    return erase_person(tx, werkplaats->id, reached(tx, *registration, werkplaats->id, reach),
                        AuditActor::participant(), now);
}

ErasureOutcome erase_by_email(Transaction& tx, std::int64_t werkplaats_id, const std::string& email,
                              const AuditActor& actor, time::Timestamp now) {
    const auto normalized = text::normalize_email(email);
    if (!normalized) return {};
    auto outcome = erase_person(tx, werkplaats_id,
                                tx.registrations_by_email(werkplaats_id, *normalized), actor, now);
    for (const auto& membership : tx.werkteam_memberships_by_email(werkplaats_id, *normalized)) {
        tx.delete_werkteam_member(membership.member.werkteam_id, membership.member.id);
        ++outcome.werkteam_memberships;
    }
    // Mail to the address goes too, also when no registration led to it (an invitation, a
    // digest of actions): the address itself is what the organiser was asked to erase.
    const int mails = tx.delete_mails_to(werkplaats_id, *normalized);
    if (outcome.werkteam_memberships > 0 || mails > 0) outcome.result = ErasureResult::erased;
    if (outcome.werkteam_memberships > 0) {
        record_audit(tx, werkplaats_id, actor, AuditAction::erased, std::nullopt, std::nullopt,
                     std::to_string(outcome.werkteam_memberships) +
                         (outcome.werkteam_memberships == 1 ? " werkteamlid" : " werkteamleden"),
                     now);
    }
    return outcome;
}

// ---- Consent ----------------------------------------------------------------------

void record_registration_consents(Transaction& tx, const domain::Registration& registration,
                                  time::Timestamp now) {
    for (const auto& [kind, given] :
         {std::pair{ConsentKind::photos, registration.form.consent_photos},
          std::pair{ConsentKind::contact, registration.form.consent_contact}}) {
        if (!given) continue;
        tx.insert_consent_record(
            {0, registration.id, kind, true, std::string(consent_text_version), now});
    }
}

ConsentResult give_consent(Transaction& tx, const std::string& token, ConsentKind kind,
                           time::Timestamp now) {
    return set_consent(tx, token, kind, true, now);
}

ConsentResult withdraw_consent(Transaction& tx, const std::string& token, ConsentKind kind,
                               time::Timestamp now) {
    return set_consent(tx, token, kind, false, now);
}

// ---- Audit log --------------------------------------------------------------------

void record_audit(Transaction& tx, std::int64_t werkplaats_id, const AuditActor& actor,
                  AuditAction action, std::optional<std::int64_t> event_id,
                  std::optional<std::int64_t> registration_id, std::string detail,
                  time::Timestamp now) {
    AuditEntry entry;
    entry.werkplaats_id = werkplaats_id;
    entry.at = now;
    entry.actor = actor;
    entry.action = action;
    entry.event_id = event_id;
    entry.registration_id = registration_id;
    entry.detail = std::move(detail);
    tx.insert_audit_entry(entry);
}

AuditPage audit_log(Queries& queries, std::int64_t werkplaats_id,
                    std::optional<std::int64_t> before_id, int page_size) {
    page_size = std::clamp(page_size, 1, max_audit_page_size);
    AuditPage page;
    // One more than asked tells whether another page follows.
    page.entries = queries.audit_entries(werkplaats_id, before_id, page_size + 1);
    if (static_cast<int>(page.entries.size()) > page_size) {
        page.entries.resize(static_cast<std::size_t>(page_size));
        page.next_before = page.entries.back().id;
    }
    return page;
}

}  // namespace kc::app
