#include "web/mail/mail_messages.hpp"

#include <utility>

#include "app/mail.hpp"
#include "app/security.hpp"
#include "reports/ical.hpp"
#include "web/site.hpp"
#include "web/view_helpers.hpp"

namespace kc::web {

namespace {

using kainjow::mustache::data;

// What a mail says, before it becomes text and HTML.
struct MailContent {
    std::string subject;
    std::string greeting;
    std::vector<std::string> paragraphs;
    std::vector<std::string> items;  // a list after the paragraphs (the overdue actions)
    std::string link_label;          // the one thing to do, as a button in HTML
    std::string link_url;
    std::vector<std::string> after;  // paragraphs after the link
    std::string sender;              // the Werkplaats, under the closing
};

// Replaces each "{name}" in a text from the catalogue by its value.
std::string fill(std::string text,
                 std::initializer_list<std::pair<std::string_view, std::string>> values) {
    for (const auto& [name, value] : values) {
        const std::string placeholder = "{" + std::string(name) + "}";
        for (auto at = text.find(placeholder); at != std::string::npos;
             at = text.find(placeholder, at + value.size())) {
            text.replace(at, placeholder.size(), value);
        }
    }
    return text;
}

std::string plain_text(const MailContent& content, const Catalogue& texts) {
    std::string out = content.greeting + "\n\n";
    for (const auto& paragraph : content.paragraphs) out += paragraph + "\n\n";
    for (const auto& item : content.items) out += "- " + item + "\n";
    if (!content.items.empty()) out += "\n";
    if (!content.link_url.empty()) out += content.link_label + ":\n" + content.link_url + "\n\n";
    for (const auto& paragraph : content.after) out += paragraph + "\n\n";
    out += texts.text("mail.closing") + "\n" + content.sender + "\n";
    return out;
}

data html_data(const MailContent& content, const Catalogue& texts) {
    data values(data::type::object);
    values.set("subject", content.subject);
    values.set("greeting", content.greeting);
    const auto list = [](const std::vector<std::string>& lines) {
        data items(data::type::list);
        for (const auto& line : lines) {
            data item(data::type::object);
            item.set("text", line);
            items.push_back(item);
        }
        return items;
    };
    values.set("paragraphs", list(content.paragraphs));
    values.set("items", list(content.items));
    values.set("has_items", !content.items.empty());
    values.set("after", list(content.after));
    if (!content.link_url.empty()) {
        values.set("link_label", content.link_label);
        values.set("link_url", content.link_url);
    }
    values.set("closing", texts.text("mail.closing"));
    values.set("sender", content.sender);
    return values;
}

std::string greeting(const Catalogue& texts, const std::string& name) {
    return name.empty() ? texts.text("mail.greeting_plain")
                        : fill(texts.text("mail.greeting"), {{"name", name}});
}

// Everything about one registration at one café, common to the four mails about it.
struct CafeMail {
    const Catalogue& texts;
    MailContent content;
    app::OutgoingMail mail;
    std::string event_url;
};

CafeMail cafe_mail(Site& site, const MailWriter& writer, app::Queries& queries,
                   const domain::Event& event, const domain::Registration& registration,
                   app::MailKind kind) {
    const Catalogue& texts = site.translations()[Language::nl];
    CafeMail cafe{texts, {}, {}, ""};
    const auto werkplaats = queries.werkplaats(event.werkplaats_id);
    cafe.content.greeting = greeting(texts, registration.form.name);
    cafe.content.sender = werkplaats ? werkplaats->name : "";
    cafe.event_url =
        writer.werkplaats_url(queries, event.werkplaats_id) + "/events/" + std::to_string(event.id);
    cafe.mail.werkplaats_id = event.werkplaats_id;
    cafe.mail.kind = kind;
    cafe.mail.recipient_email = registration.form.email;
    cafe.mail.recipient_name = registration.form.name;
    cafe.mail.registration_id = registration.id;
    cafe.mail.idempotency_key =
        std::string(app::to_slug(kind)) + ":registration:" + std::to_string(registration.id);
    return cafe;
}

// When and where, as two lines of a mail.
std::vector<std::string> when_and_where(const Catalogue& texts, const domain::Event& event) {
    std::vector<std::string> lines{
        fill(texts.text("mail.when"),
             {{"date", long_date(event.details.starts_at, texts)},
              {"time", time_range(event.details.starts_at, event.details.ends_at)}})};
    std::string place = event.details.location_name;
    if (!event.details.location_address.empty()) {
        place += (place.empty() ? "" : ", ") + event.details.location_address;
    }
    if (!place.empty()) lines.push_back(fill(texts.text("mail.where"), {{"place", place}}));
    return lines;
}

app::OutgoingMail finish(Site& site, CafeMail cafe) {
    cafe.mail.subject = cafe.content.subject;
    cafe.mail.text = plain_text(cafe.content, cafe.texts);
    cafe.mail.html = site.templates().render("mail_message", html_data(cafe.content, cafe.texts),
                                             cafe.texts.as_template_data());
    return std::move(cafe.mail);
}

app::MailAttachment calendar_file(Site& site, const domain::Event& event,
                                  const std::string& event_url, time::Timestamp now) {
    return {"kenniscafe.ics", "text/calendar; method=PUBLISH; charset=UTF-8",
            reports::ical_calendar({reports::ical_event_link(event, event_url)}, site.public_host(),
                                   now, event.details.title)};
}

}  // namespace

std::string MailWriter::werkplaats_url(app::Queries& queries, std::int64_t werkplaats_id) const {
    const std::string base = site_.public_base_url();
    const auto werkplaats = queries.werkplaats(werkplaats_id);
    if (!werkplaats) return base;
    if (!werkplaats->host_name.empty()) {
        return base.substr(0, base.find("://") + 3) + werkplaats->host_name;
    }
    return base + "/w/" + werkplaats->slug;
}

app::OutgoingMail MailWriter::registration(app::Queries& queries, const domain::Event& event,
                                           const domain::Registration& registration,
                                           time::Timestamp now) const {
    if (registration.status == domain::RegistrationStatus::waitlisted) {
        return place_mail(queries, event, registration, app::MailKind::registration,
                          "mail.waitlisted", Calendar::without, now);
    }
    return place_mail(queries, event, registration, app::MailKind::registration,
                      "mail.registration", Calendar::attached, now);
}

app::OutgoingMail MailWriter::promotion(app::Queries& queries, const domain::Event& event,
                                        const domain::Registration& registration,
                                        time::Timestamp now) const {
    return place_mail(queries, event, registration, app::MailKind::promotion, "mail.promotion",
                      Calendar::attached, now);
}

app::OutgoingMail MailWriter::reminder(app::Queries& queries, const domain::Event& event,
                                       const domain::Registration& registration,
                                       time::Timestamp now) const {
    return place_mail(queries, event, registration, app::MailKind::reminder, "mail.reminder",
                      Calendar::attached, now);
}

app::OutgoingMail MailWriter::place_mail(app::Queries& queries, const domain::Event& event,
                                         const domain::Registration& registration,
                                         app::MailKind kind, std::string_view texts_key,
                                         Calendar calendar, time::Timestamp now) const {
    auto cafe = cafe_mail(site_, *this, queries, event, registration, kind);
    const auto& texts = cafe.texts;
    const std::string key(texts_key);
    cafe.content.subject = fill(texts.text(key + "_subject"), {{"title", event.details.title}});
    cafe.content.paragraphs.push_back(
        fill(texts.text(key + "_text"), {{"title", event.details.title}}));
    for (auto& line : when_and_where(texts, event)) cafe.content.paragraphs.push_back(line);
    if (calendar == Calendar::attached) {
        cafe.content.paragraphs.push_back(texts.text("mail.calendar_text"));
        cafe.mail.attachments.push_back(calendar_file(site_, event, cafe.event_url, now));
    }
    cafe.content.link_label = texts.text("mail.personal_link_label");
    cafe.content.link_url = site_.public_base_url() + "/aanmelding/" + registration.cancel_token;
    cafe.content.after.push_back(texts.text("mail.personal_link_text"));
    return finish(site_, std::move(cafe));
}

app::OutgoingMail MailWriter::evaluation(app::Queries& queries, const domain::Event& event,
                                         const domain::Registration& registration) const {
    auto cafe = cafe_mail(site_, *this, queries, event, registration, app::MailKind::evaluation);
    const auto& texts = cafe.texts;
    cafe.content.subject =
        fill(texts.text("mail.evaluation_subject"), {{"title", event.details.title}});
    cafe.content.paragraphs.push_back(
        fill(texts.text("mail.evaluation_text"), {{"title", event.details.title}}));
    cafe.content.link_label = texts.text("mail.evaluation_label");
    // The personal link lets the evaluation know the participant's group, and only once.
    cafe.content.link_url = cafe.event_url + "/evaluatie?aanmelding=" + registration.cancel_token;
    return finish(site_, std::move(cafe));
}

app::OutgoingMail MailWriter::action_digest(app::Queries& queries, std::int64_t werkplaats_id,
                                            const std::string& email,
                                            const std::vector<domain::Action>& actions,
                                            const std::string& week) const {
    const Catalogue& texts = site_.translations()[Language::nl];
    const auto werkplaats = queries.werkplaats(werkplaats_id);
    const std::string werkplaats_name = werkplaats ? werkplaats->name : "";
    CafeMail digest{texts, {}, {}, ""};
    digest.content.greeting = texts.text("mail.greeting_plain");
    digest.content.sender = werkplaats_name;
    digest.content.subject =
        texts.text("mail.digest_subject", static_cast<long long>(actions.size()));
    digest.content.paragraphs.push_back(
        fill(texts.text("mail.digest_text"), {{"werkplaats", werkplaats_name}}));
    for (const auto& action : actions) {
        digest.content.items.push_back(
            fill(texts.text("mail.digest_item"), {{"description", action.draft.description},
                                                  {"owner", action.draft.owner},
                                                  {"date", action.draft.due_on}}));
    }
    digest.content.link_label = texts.text("mail.digest_label");
    digest.content.link_url = werkplaats_url(queries, werkplaats_id) + "/actions";
    digest.mail.werkplaats_id = werkplaats_id;
    digest.mail.kind = app::MailKind::action_digest;
    digest.mail.recipient_email = email;
    digest.mail.idempotency_key =
        "action_digest:" + std::to_string(werkplaats_id) + ":" + week + ":" + email;
    return finish(site_, std::move(digest));
}

app::OutgoingMail MailWriter::invite(app::Queries& queries, std::int64_t werkplaats_id,
                                     const std::string& email, const std::string& name,
                                     const std::string& link) const {
    const Catalogue& texts = site_.translations()[Language::nl];
    const auto werkplaats = queries.werkplaats(werkplaats_id);
    const std::string werkplaats_name = werkplaats ? werkplaats->name : "";
    CafeMail invite{texts, {}, {}, ""};
    invite.content.greeting = greeting(texts, name);
    invite.content.sender = werkplaats_name;
    invite.content.subject =
        fill(texts.text("mail.invite_subject"), {{"werkplaats", werkplaats_name}});
    invite.content.paragraphs.push_back(
        fill(texts.text("mail.invite_text"), {{"werkplaats", werkplaats_name}}));
    invite.content.link_label = texts.text("mail.invite_label");
    invite.content.link_url = link;
    invite.mail.werkplaats_id = werkplaats_id;
    invite.mail.kind = app::MailKind::invite;
    invite.mail.recipient_email = email;
    invite.mail.recipient_name = name;
    // Only the link's digest, like the stored link: the key must not hold the token itself.
    const std::string token = link.substr(link.rfind('/') + 1);
    invite.mail.idempotency_key = "invite:" + app::security::token_digest(token);
    return finish(site_, std::move(invite));
}

void queue_promotion_mails(app::Transaction& tx, const MailWriter& writer,
                           const std::vector<std::int64_t>& registration_ids, time::Timestamp now) {
    for (const auto id : registration_ids) {
        const auto registration = tx.registration(id);
        if (!registration || registration->form.email.empty()) continue;
        const auto event = tx.event(registration->event_id);
        if (!event) continue;
        app::queue_mail(tx, writer.promotion(tx, *event, *registration, now), now);
    }
}

app::RegisterOutcome register_and_confirm(app::Transaction& tx, const MailWriter& writer,
                                          std::int64_t event_id,
                                          const domain::RegistrationForm& form,
                                          time::Timestamp now) {
    auto outcome = app::register_participant(tx, event_id, form, now);
    const auto& registration = outcome.registration;
    if (registration && !registration->form.email.empty()) {
        if (const auto event = tx.event(registration->event_id)) {
            app::queue_mail(tx, writer.registration(tx, *event, *registration, now), now);
        }
    }
    return outcome;
}

app::CancelOutcome cancel_and_promote(app::Transaction& tx, const MailWriter& writer,
                                      const std::string& cancel_token, time::Timestamp now) {
    auto outcome = app::cancel_registration(tx, cancel_token, now);
    queue_promotion_mails(tx, writer, outcome.promoted_ids, now);
    return outcome;
}

}  // namespace kc::web
