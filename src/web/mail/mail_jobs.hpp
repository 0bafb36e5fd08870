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

// Whether the digest of the week of `now` is due: from Monday 08:00 Amsterdam time on.
bool action_digest_due(time::Timestamp now);

// Per Werkplaats and contact address, one mail listing the actions past their date and not
// finished. Once a week: the first call in a week (weeks start on Monday) queues the digests
// and records the week, later calls in that week queue nothing, even for actions that fell
// overdue since. Contacts that are not an e-mail address (a name, a phone number) are skipped.
int queue_action_digests(app::Store& store, const MailWriter& writer, time::Timestamp now);

// Registers the three jobs: reminders and invitations every hour, the digest on Monday
// morning (Amsterdam time), or at the first start after it when the server was down then.
void add_mail_jobs(app::Scheduler& scheduler, Site& site);

}  // namespace kc::web
