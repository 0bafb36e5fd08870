#pragma once

// The mails the platform sends, written in Dutch at B1 level from the "mail." texts: a
// plain-text part and an HTML part (templates/mail_message.mustache) with the same
// content, links to the Werkplaats's own site, and a calendar file where a café is the
// subject. Each builder returns a mail complete for app::queue_mail; the queue_* helpers
// do that inside the write transaction of what causes the mail.

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "app/registrations.hpp"
#include "app/store.hpp"
#include "domain/action.hpp"
#include "domain/event.hpp"
#include "domain/registration.hpp"

namespace kc::web {

class Site;

class MailWriter {
  public:
    explicit MailWriter(Site& site) : site_(site) {}

    // The confirmation after registering: a place (with the café in the calendar file) or
    // a spot on the waiting list, and the personal link to see or cancel it.
    app::OutgoingMail registration(app::Queries& queries, const domain::Event& event,
                                   const domain::Registration& registration,
                                   time::Timestamp now) const;
    app::OutgoingMail promotion(app::Queries& queries, const domain::Event& event,
                                const domain::Registration& registration,
                                time::Timestamp now) const;
    app::OutgoingMail reminder(app::Queries& queries, const domain::Event& event,
                               const domain::Registration& registration, time::Timestamp now) const;
    app::OutgoingMail evaluation(app::Queries& queries, const domain::Event& event,
                                 const domain::Registration& registration) const;
    // The overdue actions that name `email` as their contact; `week` ("2026-11-30", the
    // Monday) makes the mail one per week.
    app::OutgoingMail action_digest(app::Queries& queries, std::int64_t werkplaats_id,
                                    const std::string& email,
                                    const std::vector<domain::Action>& actions,
                                    const std::string& week) const;
    app::OutgoingMail invite(app::Queries& queries, std::int64_t werkplaats_id,
                             const std::string& email, const std::string& name,
                             const std::string& link) const;

    // The address of a Werkplaats's public site: its own host name, else /w/{slug}.
    std::string werkplaats_url(app::Queries& queries, std::int64_t werkplaats_id) const;

  private:
    enum class Calendar { attached, without };

    // A mail about someone's place at a café: texts `texts_key`_subject and _text, when and
    // where, the calendar file, and the personal link.
    app::OutgoingMail place_mail(app::Queries& queries, const domain::Event& event,
                                 const domain::Registration& registration, app::MailKind kind,
                                 std::string_view texts_key, Calendar calendar,
                                 time::Timestamp now) const;

    Site& site_;
};

// Queues the notice to everyone who just moved up from a waiting list.
void queue_promotion_mails(app::Transaction& tx, const MailWriter& writer,
                           const std::vector<std::int64_t>& registration_ids, time::Timestamp now);

// app::register_participant, and the confirmation queued in the same transaction when the
// participant gave an e-mail address (the form page and the API both register this way).
app::RegisterOutcome register_and_confirm(app::Transaction& tx, const MailWriter& writer,
                                          std::int64_t event_id,
                                          const domain::RegistrationForm& form,
                                          time::Timestamp now);
// app::cancel_registration, and the notice to whoever took the freed place.
app::CancelOutcome cancel_and_promote(app::Transaction& tx, const MailWriter& writer,
                                      const std::string& cancel_token, time::Timestamp now);

}  // namespace kc::web
