#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "app/paging.hpp"
#include "core/time.hpp"

namespace kc::app {

// What a mail is about, for the organiser's list and for erasure.
enum class MailKind {
    registration,   // confirmation of a registration or a place on the waiting list
    promotion,      // moved up from the waiting list
    reminder,       // the day before the café
    evaluation,     // invitation to the evaluation after the café
    action_digest,  // weekly: the overdue actions of one contact
    invite,         // an account invitation
};

// Waiting: to be sent (again) at next_attempt_at. Sent and failed are final; a failed mail
// goes back to waiting only when an organiser asks for it.
enum class MailState { waiting, sent, failed };

struct MailAttachment {
    std::string filename;
    std::string content_type;
    std::string content;
};

// A mail as a use case queues it: its content is complete, so delivery needs nothing else.
struct OutgoingMail {
    std::int64_t werkplaats_id = 0;
    MailKind kind = MailKind::registration;
    std::string recipient_email;  // normalised
    std::string recipient_name;
    std::string subject;
    std::string text;
    std::string html;
    std::vector<MailAttachment> attachments;
    // Whoever queues the same mail twice (a job that runs again) gives the same key, and
    // the second one is not queued: "reminder:registration:42".
    std::string idempotency_key;
    // The registration the mail is about, if any: erasing it erases the mail.
    std::optional<std::int64_t> registration_id;
};

// A mail in the outbox with its delivery state.
struct OutboxMail {
    std::int64_t id = 0;
    OutgoingMail mail;
    MailState state = MailState::waiting;
    int attempts = 0;
    time::Timestamp next_attempt_at = 0;
    std::string last_error;  // short; empty after success
    time::Timestamp created_at = 0;
    std::optional<time::Timestamp> sent_at;
    // When the mail was sent or given up: the retention purge counts from here.
    std::optional<time::Timestamp> finished_at;
};

struct MailCounts {
    int waiting = 0;
    int sent = 0;
    int failed = 0;
};

// The outbox reads, which `Queries` extends (src/storage/sqlite/sqlite_mail.cpp).
class MailQueries {
  public:
    virtual ~MailQueries() = default;

    virtual std::optional<OutboxMail> outbox_mail(std::int64_t id) = 0;
    // Waiting mails whose next attempt is at or before `now`, the earliest first; with
    // `now` nullopt every waiting mail, earliest next attempt first.
    virtual std::vector<OutboxMail> waiting_mails(std::optional<time::Timestamp> due_at,
                                                  std::size_t limit) = 0;
    // One page of a Werkplaats's mails in one state, newest first.
    virtual Page<OutboxMail> outbox_page(std::int64_t werkplaats_id, MailState state,
                                         const PageRequest& page) = 0;
    virtual MailCounts mail_counts(std::int64_t werkplaats_id) = 0;
};

// The writes that go with `MailQueries`, which `Transaction` extends.
class MailWrites {
  public:
    virtual ~MailWrites() = default;

    // Queues a mail as waiting, due at `now`; nullopt when a mail with the same
    // idempotency key is in the outbox already (nothing is changed then).
    virtual std::optional<std::int64_t> insert_mail(const OutgoingMail& mail,
                                                    time::Timestamp now) = 0;
    // Stores state, attempts, next attempt, last error, sent_at and finished_at as given.
    virtual void update_mail_delivery(const OutboxMail& mail) = 0;
    // Deletes every mail of the Werkplaats to this normalised address; returns how many.
    virtual int delete_mails_to(std::int64_t werkplaats_id, const std::string& email) = 0;
    // Deletes the Werkplaats's sent and failed mails finished before `cutoff`.
    virtual int delete_mails_finished_before(std::int64_t werkplaats_id,
                                             time::Timestamp cutoff) = 0;
    // Records that the timed job `job` runs for `period` (text that sorts in time order, like
    // "2026-11-30"); false when it ran for this period or a later one already.
    virtual bool claim_mail_period(const std::string& job, const std::string& period) = 0;
};

}  // namespace kc::app
