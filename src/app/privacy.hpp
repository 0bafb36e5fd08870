#pragma once

// The AVG (GDPR) as use cases: retention and the daily purge, a person's rights (see,
// erase), consents, the audit log and each Werkplaats's privacy settings.
//
// For the web layer: every function that takes a Werkplaats id only touches that
// Werkplaats. Reads take `Queries&` (any thread); writes take `Transaction&` and run inside
// `Store::write`. A page that shows personal data to an organiser records that with
// record_audit in a write of its own (AuditAction::viewed_*), since reads cannot write.
// Outcomes are values; FieldErrors carry catalogue keys (i18n "privacy.*" and "error.*").

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "app/store.hpp"
#include "domain/world_cafe.hpp"

namespace kc::app {

// The version of the consent texts on the registration form (i18n "field.consent_*"),
// stored with every consent. Change it whenever those texts change.
inline constexpr std::string_view consent_text_version = "2025-1";

// ---- Settings ---------------------------------------------------------------------

// The stored settings, or the defaults for a Werkplaats that never saved any.
PrivacySettings privacy_settings(Queries& queries, std::int64_t werkplaats_id);

// What an admin fills in; numbers as typed, so that bad input gets a message.
struct PrivacySettingsForm {
    std::string retention_months;
    std::string audit_retention_months;
    std::string small_number_threshold;
    std::string controller_name;
    std::string contact_email;
    std::string contact_address;
};

// The form filled with the current settings.
PrivacySettingsForm settings_form(const PrivacySettings& settings);

enum class PrivacyResult { done, invalid, not_found };

struct PrivacySettingsOutcome {
    PrivacyResult result = PrivacyResult::invalid;
    FieldErrors errors;  // fields named as in PrivacySettingsForm
    PrivacySettings settings;
};

// Validates and saves: retention 1..120 months, audit retention 1..120 months, threshold
// 1..50, controller name and contact e-mail required. Records the change in the audit log.
PrivacySettingsOutcome save_privacy_settings(Transaction& tx, std::int64_t werkplaats_id,
                                             const PrivacySettingsForm& form,
                                             const AuditActor& actor, time::Timestamp now);

// ---- Retention --------------------------------------------------------------------

// One event that still holds registrations, and when they go.
struct RetentionItem {
    std::int64_t event_id = 0;
    std::string title;
    time::Timestamp event_starts_at = 0;
    time::Timestamp event_ends_at = 0;
    time::Timestamp erase_at = 0;
    int registrations = 0;
    bool due = false;  // erase_at has passed: the next purge erases them
};

// What a Werkplaats holds and when it goes: for the privacy page and `--dry-run`.
struct RetentionOverview {
    Werkplaats werkplaats;
    PrivacySettings settings;
    std::vector<RetentionItem> events;  // earliest erase_at first
    int due_registrations = 0;
    int due_audit_entries = 0;
    time::Timestamp audit_cutoff = 0;  // audit entries before this are due
};

RetentionOverview retention_overview(Queries& queries, const Werkplaats& werkplaats,
                                     time::Timestamp now);

// The overview of every Werkplaats, or of one when `werkplaats_id` is given.
std::vector<RetentionOverview> retention_overviews(Queries& queries, time::Timestamp now,
                                                   std::optional<std::int64_t> werkplaats_id = {});

struct PurgeReport {
    struct PerWerkplaats {
        Werkplaats werkplaats;
        std::vector<RetentionItem> events;  // the events whose registrations were erased
        int registrations = 0;
        int audit_entries = 0;
        int werkteam_emails = 0;
        int mails = 0;  // sent and failed mails past their retention
    };
    std::vector<PerWerkplaats> werkplaatsen;
    int registrations = 0;
    int audit_entries = 0;
    int werkteam_emails = 0;
    int mails = 0;
};

// The daily job: per Werkplaats, erases the registrations of every event whose retention
// has passed (keeping anonymous counts, so every statistic stays the same), the audit
// entries older than their own period and the e-mail addresses of the members of werkteams
// that ended longer than the retention period ago, the sent and failed mails older than
// mail_retention_seconds, and logs each erased event. Harmless to
// repeat.
PurgeReport purge_expired(Transaction& tx, time::Timestamp now,
                          std::optional<std::int64_t> werkplaats_id = {});

// ---- A person's rights ------------------------------------------------------------

// How far a personal link reaches. The e-mail address on a registration is not checked
// (nobody confirms it yet), so `same_email` lets whoever registers with someone's address
// see and erase that person's other registrations; use it once addresses are confirmed.
enum class Reach { this_registration, same_email };

struct PersonalRegistration {
    domain::Registration registration;
    std::string event_title;
    time::Timestamp event_starts_at = 0;
    std::string group_name;
    std::vector<domain::RouteStep> world_cafe_route;  // their seats, round by round
    std::vector<ConsentRecord> consents;              // oldest first
    time::Timestamp erase_at = 0;                     // when the purge erases it
};

// Everything stored about one person in one Werkplaats, for a readable page and as JSON.
struct PersonalData {
    Werkplaats werkplaats;
    std::string email;                                // normalised; empty when none was given
    std::vector<PersonalRegistration> registrations;  // earliest event first
    // Places in werkteams under the same address; only an organiser's search by address
    // looks for them, since a personal link belongs to one registration.
    std::vector<WerkteamMembership> werkteams;
    std::string controller_name;  // who to ask about it
    std::string contact_email;
};

// By a personal link's token; nullopt when no registration has it.
std::optional<PersonalData> personal_data_by_token(Queries& queries, const std::string& token,
                                                   Reach reach);

// For organisers: everything registered with this e-mail address at any event of the
// Werkplaats, and the person's places in its werkteams (nothing when the address is not
// valid or unknown).
PersonalData personal_data_by_email(Queries& queries, std::int64_t werkplaats_id,
                                    const std::string& email);

enum class ErasureResult { erased, not_found };

struct ErasureOutcome {
    // The registrations that moved up from a waiting list into a freed place, to tell them
    // by mail.
    std::vector<std::int64_t> promoted_ids;
    ErasureResult result = ErasureResult::not_found;
    int registrations = 0;
    int promoted = 0;  // moved up from a waiting list into a freed place
    int werkteam_memberships = 0;
};

// Erases a person's registrations: one not yet started is cancelled first (the waiting
// list moves up), then all are deleted with their seats and consents, leaving anonymous
// counts, so every statistic stays the same. Logged in the audit log (without who it was).
ErasureOutcome erase_by_token(Transaction& tx, const std::string& token, Reach reach,
                              time::Timestamp now);
// The same for an organiser's search by address; it also takes the person out of the
// Werkplaats's werkteams (a meeting's attendance stays, being counts per group).
ErasureOutcome erase_by_email(Transaction& tx, std::int64_t werkplaats_id, const std::string& email,
                              const AuditActor& actor, time::Timestamp now);

// ---- Consent ----------------------------------------------------------------------

// Records the consents a new registration gives (register_participant calls this).
void record_registration_consents(Transaction& tx, const domain::Registration& registration,
                                  time::Timestamp now);

enum class ConsentResult { changed, unchanged, not_found };

// Gives or withdraws one consent by a personal link's token, as easily as either:
// recorded with the text version and the time, and the registration's state updated.
ConsentResult give_consent(Transaction& tx, const std::string& token, ConsentKind kind,
                           time::Timestamp now);
ConsentResult withdraw_consent(Transaction& tx, const std::string& token, ConsentKind kind,
                               time::Timestamp now);

// ---- Audit log --------------------------------------------------------------------

// Records that `actor` did `action` to personal data. `detail` must not hold a
// participant's personal data (write "3 aanmeldingen", not a name).
void record_audit(Transaction& tx, std::int64_t werkplaats_id, const AuditActor& actor,
                  AuditAction action, std::optional<std::int64_t> event_id,
                  std::optional<std::int64_t> registration_id, std::string detail,
                  time::Timestamp now);

struct AuditPage {
    std::vector<AuditEntry> entries;          // newest first
    std::optional<std::int64_t> next_before;  // pass as `before_id` for the next page
};

constexpr int default_audit_page_size = 50;

// For admins: one page of a Werkplaats's audit log. `page_size` is kept within 1..500.
AuditPage audit_log(Queries& queries, std::int64_t werkplaats_id,
                    std::optional<std::int64_t> before_id = {},
                    int page_size = default_audit_page_size);

}  // namespace kc::app
