#include "mail/outbox_sender.hpp"

namespace kc::mail {

Message outbox_message(const app::OutboxMail& mail, const MailSettings& settings) {
    Message message;
    message.from = settings.from;
    message.to = {mail.mail.recipient_name, mail.mail.recipient_email};
    message.subject = mail.mail.subject;
    message.text = mail.mail.text;
    message.html = mail.mail.html;
    for (const auto& attachment : mail.mail.attachments) {
        message.attachments.push_back(
            {attachment.filename, attachment.content_type, attachment.content});
    }
    message.message_id = "outbox-" + std::to_string(mail.id) + "." +
                         std::to_string(mail.created_at) + "@" + settings.host;
    message.date = mail.created_at;
    return message;
}

app::MailSender smtp_sender(MailSettings settings) {
    return [settings = std::move(settings)](const app::OutboxMail& mail) -> app::DeliveryReport {
        const auto message = build_message(outbox_message(mail, settings));
        if (!message) {
            return {app::DeliveryResult::permanent_failure, "ongeldig e-mailadres"};
        }
        const SmtpOutcome outcome =
            send_mail(settings.smtp, settings.from.email, mail.mail.recipient_email, *message);
        switch (outcome.result) {
            case SmtpResult::sent:
                return {app::DeliveryResult::sent, ""};
            case SmtpResult::permanent_failure:
                return {app::DeliveryResult::permanent_failure, outcome.error};
            case SmtpResult::temporary_failure:
                break;
        }
        return {app::DeliveryResult::temporary_failure, outcome.error};
    };
}

}  // namespace kc::mail
