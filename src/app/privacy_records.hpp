#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "core/time.hpp"
#include "domain/retention.hpp"
#include "domain/small_numbers.hpp"

namespace kc::app {

// A Werkplaats's privacy settings: how long it keeps personal data, how small a public
// count may be, and what its privacy page says about who is responsible.
struct PrivacySettings {
    std::int64_t werkplaats_id = 0;
    domain::RetentionPolicy retention;
    domain::SmallNumberPolicy small_numbers;
    // The controller ("verwerkingsverantwoordelijke"): the organisation responsible.
    std::string controller_name;
    // Where people send requests to see or erase their data.
    std::string contact_email;
    std::string contact_address;     // postal address, may be empty
    time::Timestamp updated_at = 0;  // 0: never saved, the defaults apply
};

// What a participant can consent to on the registration form.
enum class ConsentKind { photos, contact };

std::string_view to_slug(ConsentKind kind);
std::optional<ConsentKind> consent_kind_from_slug(std::string_view slug);

// One consent given or withdrawn, with the version of the text the person saw.
struct ConsentRecord {
    std::int64_t id = 0;
    std::int64_t registration_id = 0;
    ConsentKind kind = ConsentKind::photos;
    bool given = false;  // false: withdrawn
    std::string text_version;
    time::Timestamp recorded_at = 0;
};

enum class ActorKind { account, api_token, participant, system };

// Who did something to personal data, as the audit log records it. `name` is the display name at
// the time, so the log stays readable after an account is renamed or removed.
struct AuditActor {
    ActorKind kind = ActorKind::system;
    std::optional<std::int64_t> account_id;
    std::optional<std::int64_t> api_token_id;
    std::string name;

    static AuditActor account(std::int64_t account_id, std::string name);
    static AuditActor api_token(std::int64_t account_id, std::int64_t token_id, std::string name);
    // The person themselves, through their personal link.
    static AuditActor participant();
    // The server on its own (the daily purge) or the command line.
    static AuditActor system(std::string name = "systeem");
};

std::string_view to_slug(ActorKind kind);
std::optional<ActorKind> actor_kind_from_slug(std::string_view slug);

// What was done to personal data. New actions go at the end; a slug this version does
// not know reads as `other`.
enum class AuditAction {
    viewed_checkin_list,
    viewed_registrations,
    viewed_personal_data,
    exported,
    changed_registration,
    erased,
    purged,
    consent_given,
    consent_withdrawn,
    settings_changed,
    other,
};

std::string_view to_slug(AuditAction action);
AuditAction audit_action_from_slug(std::string_view slug);

struct AuditEntry {
    std::int64_t id = 0;
    std::int64_t werkplaats_id = 0;
    time::Timestamp at = 0;
    AuditActor actor;
    AuditAction action = AuditAction::other;
    std::optional<std::int64_t> event_id;
    // Empty once the registration is erased.
    std::optional<std::int64_t> registration_id;
    // Plain words or numbers ("3 aanmeldingen"); never a participant's personal data.
    std::string detail;
};

// An event that still holds registrations, as the retention overview lists it.
struct EventWithRegistrations {
    std::int64_t event_id = 0;
    std::string title;
    time::Timestamp starts_at = 0;
    time::Timestamp ends_at = 0;
    int registrations = 0;
};

}  // namespace kc::app
