#pragma once

// The timed mails: the reminder the day before a café, the evaluation invitation after
// it, and the weekly digest of overdue actions. Each job reads what is due and queues the
// mails in one write; idempotency keys make a job that runs twice (a restart, a clock that
// jumps) queue nothing twice. Delivery itself is app::MailCourier's job.

#include "app/scheduler.hpp"
#include "app/store.hpp"
#include "web/mail/mail_messages.hpp"

namespace kc::web {

// Reminders to everyone with a place at a published café that starts within a day,
// unless they registered inside that day (their confirmation is fresh) or it starts within
// two hours (too late to be of use). Returns how many were queued.
int queue_reminders(app::Store& store, const MailWriter& writer, time::Timestamp now);

// Invitations to evaluate a café that ended in the last three days, to everyone with a
// place who was not marked absent and has not evaluated yet.
int queue_evaluation_invitations(app::Store& store, const MailWriter& writer, time::Timestamp now);

// Per Werkplaats and contact address, one mail listing the actions past their date and not
// finished; at most one per address a week. Contacts that are not an e-mail address
// (a name, a phone number) are skipped.
int queue_action_digests(app::Store& store, const MailWriter& writer, time::Timestamp now);

// Registers the three jobs: reminders and invitations every hour, the digest on Monday
// morning (Amsterdam time).
void add_mail_jobs(app::Scheduler& scheduler, Site& site);

}  // namespace kc::web
