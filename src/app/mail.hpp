#pragma once

// The outbox as use cases: queueing a mail in the transaction of what causes it, the
// delivery rhythm (retries with backoff, giving up, trying again when the server is back),
// an organiser's "try again", and the AVG's retention of sent mail.
//
// A mail is queued complete (subject, text, HTML, attachments) inside the write that
// causes it, so a registration and its confirmation are stored together or not at all, and
// no page waits for a mail server. Delivery runs on the scheduler's thread: it reads due
// mails, hands each to a `MailSender` outside the store's writer, and records the outcome
// in a short write of its own.

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>

#include "app/store.hpp"

namespace kc::app {

std::string_view to_slug(MailKind kind);
std::string_view to_slug(MailState state);
std::optional<MailState> mail_state_from_slug(std::string_view slug);
std::optional<MailKind> mail_kind_from_slug(std::string_view slug);

// How long sent and failed mails stay in the outbox, for the organiser to see what went
// out; the retention purge deletes them after that, with the addresses they hold.
constexpr time::Timestamp mail_retention_seconds = 30 * 24 * 3600;

enum class QueueResult { queued, already_queued, no_address };

// Queues a mail (see OutgoingMail) due now. A recipient address that is missing or does
// not look like one is not queued (no_address): a walk-in has none.
QueueResult queue_mail(Transaction& tx, OutgoingMail mail, time::Timestamp now);

// ---- Delivery ---------------------------------------------------------------------

enum class DeliveryResult {
    sent,
    temporary_failure,  // no connection, a 4xx, a refused login: try again later
    permanent_failure,  // the server refused this recipient or message for good (5xx)
};

struct DeliveryReport {
    DeliveryResult result = DeliveryResult::temporary_failure;
    std::string error;  // short, for the organiser's list
};

// Sends one mail; called on the scheduler's thread, outside the store's writer.
using MailSender = std::function<DeliveryReport(const OutboxMail&)>;

// The wait after the n-th failed attempt: 1 minute, doubling to at most an hour.
time::Timestamp retry_delay(int failed_attempts);
// After this many failed attempts (about two days of retrying) a mail has failed for good.
constexpr int max_delivery_attempts = 53;

// An attempt at its scheduled time counts towards giving up; an early one, made to see
// whether the server is back, only records what happened.
enum class AttemptKind { scheduled, early };

// Records the outcome of one attempt, if the mail still waits (it may have been erased).
void record_delivery(Transaction& tx, std::int64_t mail_id, const DeliveryReport& report,
                     AttemptKind kind, time::Timestamp now);

// The delivery job. Each run sends the due mails, stopping at the first temporary failure
// (the server is down: the others would fail alike). When nothing is due but mail waits,
// it tries the first waiting mail early, at most once every `probe_seconds`. Whenever a
// mail goes through, the server is evidently up, and the mail put off after earlier
// failures goes out in the same run rather than waiting up to an hour for its turn.
class MailCourier {
  public:
    struct RunReport {
        int sent = 0;
        int failed = 0;  // attempts that did not go through
    };

    MailCourier(Store& store, MailSender sender, time::Timestamp probe_seconds = 60,
                std::size_t batch = 50);
    RunReport run(time::Timestamp now);

  private:
    // Sends `mails`; false when a temporary failure stopped it.
    bool deliver(const std::vector<OutboxMail>& mails, AttemptKind kind, time::Timestamp now,
                 RunReport& report);

    Store& store_;
    MailSender sender_;
    time::Timestamp probe_seconds_;
    std::size_t batch_;
    std::optional<time::Timestamp> last_probe_;
};

// ---- The organiser's outbox -------------------------------------------------------

enum class RetryResult { retried, not_found, not_failed };

// Puts a failed mail of the Werkplaats back in the queue, due now, with a fresh count of
// attempts.
RetryResult retry_mail(Transaction& tx, std::int64_t werkplaats_id, std::int64_t mail_id,
                       time::Timestamp now);

}  // namespace kc::app
