#include "app/mail.hpp"

#include <algorithm>

#include "core/slug_table.hpp"
#include "core/text.hpp"

namespace kc::app {

namespace {

// Errors from a mail server can be long; the organiser's list needs the gist.
constexpr std::size_t max_error_length = 300;

constexpr SlugTable<MailKind, 6> mail_kind_slugs{{{
    {MailKind::registration, "registration"},
    {MailKind::promotion, "promotion"},
    {MailKind::reminder, "reminder"},
    {MailKind::evaluation, "evaluation"},
    {MailKind::action_digest, "action_digest"},
    {MailKind::invite, "invite"},
}}};

constexpr SlugTable<MailState, 3> mail_state_slugs{{{
    {MailState::waiting, "waiting"},
    {MailState::sent, "sent"},
    {MailState::failed, "failed"},
}}};

}  // namespace

std::string_view to_slug(MailKind kind) { return mail_kind_slugs.slug(kind); }

std::string_view to_slug(MailState state) { return mail_state_slugs.slug(state); }

std::optional<MailState> mail_state_from_slug(std::string_view slug) {
    return mail_state_slugs.value(slug);
}

std::optional<MailKind> mail_kind_from_slug(std::string_view slug) {
    return mail_kind_slugs.value(slug);
}

QueueResult queue_mail(Transaction& tx, OutgoingMail mail, time::Timestamp now) {
    const auto address = text::normalize_email(mail.recipient_email);
    if (!address) return QueueResult::no_address;
    mail.recipient_email = *address;
    return tx.insert_mail(mail, now) ? QueueResult::queued : QueueResult::already_queued;
}

time::Timestamp retry_delay(int failed_attempts) {
    const int doublings = std::clamp(failed_attempts - 1, 0, 6);
    return std::min<time::Timestamp>(60 << doublings, 3600);
}

void record_delivery(Transaction& tx, std::int64_t mail_id, const DeliveryReport& report,
                     AttemptKind kind, time::Timestamp now) {
    auto mail = tx.outbox_mail(mail_id);
    if (!mail || mail->state != MailState::waiting) return;
    mail->last_error = report.error.substr(0, max_error_length);
    switch (report.result) {
        case DeliveryResult::sent:
            ++mail->attempts;
            mail->state = MailState::sent;
            mail->sent_at = now;
            mail->finished_at = now;
            mail->last_error.clear();
            break;
        case DeliveryResult::permanent_failure:
            ++mail->attempts;
            mail->state = MailState::failed;
            mail->finished_at = now;
            break;
        case DeliveryResult::temporary_failure:
            if (kind == AttemptKind::early) break;
            ++mail->attempts;
            if (mail->attempts >= max_delivery_attempts) {
                mail->state = MailState::failed;
                mail->finished_at = now;
            } else {
                mail->next_attempt_at = now + retry_delay(mail->attempts);
            }
            break;
    }
    tx.update_mail_delivery(*mail);
}

MailCourier::MailCourier(Store& store, MailSender sender, time::Timestamp probe_seconds,
                         std::size_t batch)
    : store_(store), sender_(std::move(sender)), probe_seconds_(probe_seconds), batch_(batch) {}

bool MailCourier::deliver(const std::vector<OutboxMail>& mails, AttemptKind kind,
                          time::Timestamp now, RunReport& report) {
    for (const auto& mail : mails) {
        const DeliveryReport outcome = sender_(mail);
        store_.write_and_wait(
            [&](Transaction& tx) { record_delivery(tx, mail.id, outcome, kind, now); });
        if (outcome.result == DeliveryResult::sent) {
            ++report.sent;
            continue;
        }
        ++report.failed;
        if (outcome.result == DeliveryResult::temporary_failure) return false;
    }
    return true;
}

MailCourier::RunReport MailCourier::run(time::Timestamp now) {
    RunReport report;
    const auto due = store_.read().waiting_mails(now, batch_);
    if (!due.empty()) {
        if (!deliver(due, AttemptKind::scheduled, now, report) || report.sent == 0) return report;
    } else {
        if (last_probe_ && now - *last_probe_ < probe_seconds_) return report;
        last_probe_ = now;
        const auto first = store_.read().waiting_mails(std::nullopt, 1);
        if (first.empty() || !deliver(first, AttemptKind::early, now, report) || report.sent == 0) {
            return report;
        }
    }
    // The server takes mail: what was put off after earlier failures goes out now too.
    deliver(store_.read().waiting_mails(std::nullopt, batch_), AttemptKind::early, now, report);
    return report;
}

RetryResult retry_mail(Transaction& tx, std::int64_t werkplaats_id, std::int64_t mail_id,
                       time::Timestamp now) {
    auto mail = tx.outbox_mail(mail_id);
    if (!mail || mail->mail.werkplaats_id != werkplaats_id) return RetryResult::not_found;
    if (mail->state != MailState::failed) return RetryResult::not_failed;
    mail->state = MailState::waiting;
    mail->attempts = 0;
    mail->next_attempt_at = now;
    mail->finished_at.reset();
    tx.update_mail_delivery(*mail);
    return RetryResult::retried;
}

}  // namespace kc::app
