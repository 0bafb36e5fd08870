// The organiser's outbox: the Werkplaats's mails that wait, went out or failed, with the
// last error and a way to try a failed one again. Only organisers, and only their own
// Werkplaats's mails: the list and the retry both read within access.werkplaats_id().

#include "app/mail.hpp"
#include "core/text.hpp"
#include "web/components.hpp"
#include "web/paging_view.hpp"
#include "web/view_helpers.hpp"

namespace kc::web {

namespace {

using kainjow::mustache::data;

constexpr std::size_t mails_per_page = 25;
constexpr std::size_t max_mails_per_page = 100;

std::string moment(time::Timestamp at, const Catalogue& texts) {
    return long_date(at, texts) + " " + time::format_time_input(at);
}

data mail_row(const app::OutboxMail& mail, const Catalogue& texts) {
    data row(data::type::object);
    row.set("id", std::to_string(mail.id));
    row.set("recipient", mail.mail.recipient_name.empty()
                             ? mail.mail.recipient_email
                             : mail.mail.recipient_name + " <" + mail.mail.recipient_email + ">");
    row.set("subject", mail.mail.subject);
    row.set("kind", texts.text("mail.kind." + std::string(app::to_slug(mail.mail.kind))));
    row.set("created", moment(mail.created_at, texts));
    row.set("attempts", std::to_string(mail.attempts));
    row.set("next_attempt", moment(mail.next_attempt_at, texts));
    row.set("sent_at", mail.sent_at ? moment(*mail.sent_at, texts) : std::string());
    set_if_present(row, "last_error", mail.last_error);
    return row;
}

class MailPages final : public Component {
  public:
    explicit MailPages(Site& site) : site_(site) {}

    void add_routes(Routes& routes) override {
        routes.members("GET", "/beheer/mail", app::Role::organiser,
                       bind_handler(this, &MailPages::outbox));
        routes.members("POST", "/beheer/mail/opnieuw", app::Role::organiser,
                       bind_handler(this, &MailPages::retry));
    }

  private:
    void outbox(const VisitPtr& visit, const Access& access);
    void retry(const VisitPtr& visit, const Access& access);
    Response outbox_page(const VisitPtr& visit, const Access& access, app::MailState state,
                         const std::string& notice, int status);

    Site& site_;
};

Response MailPages::outbox_page(const VisitPtr& visit, const Access& access, app::MailState state,
                                const std::string& notice, int status) {
    auto& queries = site_.store().read();
    const auto& texts = *visit->texts;
    const app::MailCounts counts = queries.mail_counts(access.werkplaats_id());
    data values(data::type::object);
    values.set("no_server", site_.config().smtp_server.empty());
    set_if_present(values, "notice", notice);
    data tabs(data::type::list);
    for (const auto& [tab_state, count] : {std::pair{app::MailState::waiting, counts.waiting},
                                           std::pair{app::MailState::sent, counts.sent},
                                           std::pair{app::MailState::failed, counts.failed}}) {
        data tab(data::type::object);
        const std::string slug(app::to_slug(tab_state));
        tab.set("slug", slug);
        tab.set("label", texts.text("mail.page." + slug, count));
        tab.set("current", tab_state == state);
        tabs.push_back(tab);
    }
    values.set("tabs", tabs);
    const auto page = queries.outbox_page(access.werkplaats_id(), state,
                                          page_request(*visit, mails_per_page, max_mails_per_page));
    data rows(data::type::list);
    for (const auto& mail : page.items) rows.push_back(mail_row(mail, texts));
    values.set("mails", rows);
    values.set("has_mails", !page.items.empty());
    values.set("is_waiting", state == app::MailState::waiting);
    values.set("is_sent", state == app::MailState::sent);
    values.set("is_failed", state == app::MailState::failed);
    values.set("state_label", texts.text("mail.page." + std::string(app::to_slug(state)),
                                         static_cast<long long>(page.total)));
    values.set("paging", pagination_data(*visit, page.total, page.request));
    return site_.page(visit, "mail_outbox", values, texts.text("mail.page.title"), status);
}

void MailPages::outbox(const VisitPtr& visit, const Access& access) {
    const auto query = FormData::parse(visit->request.query).value_or(FormData{});
    const auto state =
        app::mail_state_from_slug(query.get("staat")).value_or(app::MailState::waiting);
    const std::string notice = query.get("opnieuw") == "ja" ? visit->text("mail.page.retried") : "";
    site_.finish(visit, outbox_page(visit, access, state, notice, 200));
}

void MailPages::retry(const VisitPtr& visit, const Access& access) {
    const auto mail_id = text::parse_integer(visit->form.get("mail"), 1, INT64_MAX);
    if (!mail_id) return site_.respond_error(visit, 404, "error.not_found");
    site_.write(
        visit,
        [werkplaats_id = access.werkplaats_id(), mail_id = *mail_id, now = site_.now()](
            app::Transaction& tx) { return app::retry_mail(tx, werkplaats_id, mail_id, now); },
        [this, visit, &access](app::RetryResult result) {
            switch (result) {
                case app::RetryResult::retried:
                    return site_.redirect("/beheer/mail?staat=waiting&opnieuw=ja");
                case app::RetryResult::not_failed:
                    return outbox_page(visit, access, app::MailState::failed,
                                       visit->text("mail.page.not_failed"), 409);
                case app::RetryResult::not_found:
                    break;
            }
            return site_.error_page(visit, 404, "error.not_found");
        });
}

}  // namespace

std::unique_ptr<Component> make_mail_pages(Site& site) { return std::make_unique<MailPages>(site); }

}  // namespace kc::web
