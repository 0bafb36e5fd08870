#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "app/privacy_records.hpp"
#include "domain/anonymisation.hpp"
#include "domain/registration.hpp"

namespace kc::app {

// The privacy reads; `Queries` extends this, so every backend implements them
// (src/storage/sqlite/sqlite_privacy.cpp). Same threading contract as `Queries`.
class PrivacyQueries {
  public:
    virtual ~PrivacyQueries() = default;

    // Nullopt when the Werkplaats never saved its settings (the defaults apply).
    virtual std::optional<PrivacySettings> privacy_settings(std::int64_t werkplaats_id) = 0;
    // Registrations with this normalised e-mail address at any event of the Werkplaats,
    // earliest event first.
    virtual std::vector<domain::Registration> registrations_by_email(
        std::int64_t werkplaats_id, const std::string& email_normalized) = 0;
    // A registration's consents given and withdrawn, oldest first.
    virtual std::vector<ConsentRecord> consent_records(std::int64_t registration_id) = 0;
    // The events of a Werkplaats that hold at least one registration, earliest end first.
    virtual std::vector<EventWithRegistrations> events_with_registrations(
        std::int64_t werkplaats_id) = 0;
    // Audit-log entries, newest first, only those with an id below `before_id` if given.
    virtual std::vector<AuditEntry> audit_entries(std::int64_t werkplaats_id,
                                                  std::optional<std::int64_t> before_id,
                                                  int limit) = 0;
    // How many audit-log entries of a Werkplaats were written before `cutoff`.
    virtual int count_audit_entries_before(std::int64_t werkplaats_id, time::Timestamp cutoff) = 0;
};

// The privacy writes; `Transaction` extends this.
class PrivacyWrites {
  public:
    virtual ~PrivacyWrites() = default;

    virtual void save_privacy_settings(const PrivacySettings& settings) = 0;
    virtual void insert_consent_record(const ConsentRecord& record) = 0;
    // Sets the registration's current consent (its consent_photos or consent_contact).
    virtual void update_consent(std::int64_t registration_id, ConsentKind kind, bool given) = 0;
    // Adds to the stored anonymous counts (merging with a row of the same kind).
    virtual void add_anonymous_counts(const std::vector<domain::AnonymousCount>& counts) = 0;
    virtual void mark_seen_before(const std::vector<std::int64_t>& registration_ids) = 0;
    // Deletes registrations and everything that is about them only: their world-café
    // seats and consent records. A table they hosted keeps its place without a host,
    // audit entries lose the link, and their events keep their registered, waitlisted
    // and checked-in counters (now held by the anonymous counts).
    virtual void delete_registrations(const std::vector<std::int64_t>& registration_ids) = 0;
    virtual void insert_audit_entry(const AuditEntry& entry) = 0;
    // Deletes a Werkplaats's audit entries written before `cutoff`; returns how many.
    virtual int delete_audit_entries_before(std::int64_t werkplaats_id, time::Timestamp cutoff) = 0;
};

}  // namespace kc::app
