// The organisers' overview of their Werkplaats's events, and creating, editing,
// publishing and cancelling events and assigning their hosts.
#include <algorithm>

#include "app/accounts.hpp"
#include "app/events.hpp"
#include "core/text.hpp"
#include "web/components.hpp"
#include "web/event_form.hpp"
#include "web/mail/mail_messages.hpp"
#include "web/paging_view.hpp"
#include "web/view_helpers.hpp"

namespace kc::web {

namespace {

// Events per list and page on the dashboard.
constexpr std::size_t dashboard_per_page = 25;

using app::Role;
using kainjow::mustache::data;

class EventPages final : public Component {
  public:
    explicit EventPages(Site& site) : site_(site), mail_(site) {}

    void add_routes(Routes& routes) override {
        routes.members("GET", "/beheer", Role::host, bind_handler(this, &EventPages::dashboard));
        routes.members("GET", "/beheer/events/nieuw", Role::organiser,
                       bind_handler(this, &EventPages::event_new_form));
        routes.members("POST", "/beheer/events/nieuw", Role::organiser,
                       bind_handler(this, &EventPages::event_create));
        routes.members("GET", "/beheer/events/{id}/bewerken", Role::organiser,
                       bind_handler(this, &EventPages::event_edit_form));
        routes.members("POST", "/beheer/events/{id}/bewerken", Role::organiser,
                       bind_handler(this, &EventPages::event_update));
        routes.members("POST", "/beheer/events/{id}/status", Role::organiser,
                       bind_handler(this, &EventPages::event_status_change));
        routes.members("GET", "/beheer/events/{id}/gastheren", Role::organiser,
                       bind_handler(this, &EventPages::hosts_form));
        routes.members("POST", "/beheer/events/{id}/gastheren", Role::organiser,
                       bind_handler(this, &EventPages::hosts_submit));
    }

  private:
    void dashboard(const VisitPtr& visit, const Access& access);
    void event_new_form(const VisitPtr& visit, const Access& access);
    void event_create(const VisitPtr& visit, const Access& access);
    void event_edit_form(const VisitPtr& visit, const Access& access);
    void event_update(const VisitPtr& visit, const Access& access);
    void event_status_change(const VisitPtr& visit, const Access& access);
    void hosts_form(const VisitPtr& visit, const Access& access);
    void hosts_submit(const VisitPtr& visit, const Access& access);
    Response event_form_page(const VisitPtr& visit, const Access& access, std::int64_t event_id,
                             const FormData& values, const FieldErrors& errors);

    Site& site_;
    MailWriter mail_;
};

void EventPages::dashboard(const VisitPtr& visit, const Access& access) {
    auto& queries = site_.store().read();
    app::EventFilter filter;
    filter.werkplaats_id = access.werkplaats_id();
    const time::Timestamp now = site_.now();
    const bool is_organiser = access.has_role(app::Role::organiser);
    // A host sees only the events an organiser assigned them to.
    if (!is_organiser) filter.hosted_by = access.user.id;
    // Every event still to come (drafts too) a page at a time, the latest past ones below
    // them with their own pages, so the dashboard stays small after years of cafés.
    auto upcoming_filter = filter;
    upcoming_filter.ends_from = now;
    auto past_filter = filter;
    past_filter.ends_before = now;
    const auto page = page_request(*visit, dashboard_per_page, dashboard_per_page);
    const auto upcoming_events =
        queries.event_page(upcoming_filter, page, app::EventOrder::earliest_first);
    const auto past_events = queries.event_page(past_filter, page, app::EventOrder::latest_first);
    data upcoming(data::type::list);
    for (const auto& event : upcoming_events.items) {
        data summary = site_.event_summary(visit, event);
        summary.set("can_publish", event.status == domain::EventStatus::draft);
        summary.set("can_cancel", event.status == domain::EventStatus::published &&
                                      event.details.starts_at > now);
        upcoming.push_back(summary);
    }
    data past(data::type::list);
    for (const auto& event : past_events.items) past.push_back(site_.event_summary(visit, event));
    data values(data::type::object);
    values.set("upcoming", upcoming);
    values.set("has_upcoming", !upcoming.is_empty_list());
    values.set("past", past);
    values.set("paging",
               pagination_data(*visit, std::max(upcoming_events.total, past_events.total), page));
    values.set("is_organiser", is_organiser);
    values.set("is_admin", access.has_role(app::Role::admin));
    values.set("can_switch", access.active_memberships > 1);
    values.set("werkplaats", access.werkplaats->name);
    site_.finish(visit, site_.page(visit, "dashboard", values, visit->text("dashboard.title")));
}

Response EventPages::event_form_page(const VisitPtr& visit, const Access& access,
                                     std::int64_t event_id, const FormData& form,
                                     const FieldErrors& errors) {
    data values =
        event_form_data(form, site_.store().read().partners(access.werkplaats_id()), *visit->texts);
    const bool is_new = event_id == 0;
    values.set("is_new", is_new);
    values.set("action", is_new ? std::string("/beheer/events/nieuw")
                                : "/beheer/events/" + std::to_string(event_id) + "/bewerken");
    set_field_errors(values, errors, *visit->texts);
    const std::string title =
        visit->text(is_new ? "event_form.new_title" : "event_form.edit_title");
    return site_.page(visit, "event_form", values, title, errors.empty() ? 200 : 422);
}

void EventPages::event_new_form(const VisitPtr& visit, const Access& access) {
    FormData defaults;
    defaults.add("type", "kenniscafe");
    defaults.add("start_time", "16:00");
    defaults.add("end_time", "18:00");
    site_.finish(visit, event_form_page(visit, access, 0, defaults, {}));
}

void EventPages::event_edit_form(const VisitPtr& visit, const Access& access) {
    const auto& event = access.event();
    site_.finish(visit, event_form_page(visit, access, event.id, event_to_form(event), {}));
}

void EventPages::event_create(const VisitPtr& visit, const Access& access) {
    auto parsed = parse_event_form(visit->form);
    if (!parsed.errors.empty()) {
        return site_.finish(visit, event_form_page(visit, access, 0, visit->form, parsed.errors));
    }
    site_.write(
        visit,
        [werkplaats_id = access.werkplaats_id(), details = std::move(parsed.details),
         now = site_.now()](app::Transaction& tx) {
            return app::create_event(tx, werkplaats_id, details, now);
        },
        [this, visit, &access](const app::EventChangeOutcome& outcome) {
            if (outcome.result != app::EventChangeResult::done) {
                return event_form_page(visit, access, 0, visit->form, outcome.errors);
            }
            return site_.redirect("/beheer?opgeslagen=" + std::to_string(outcome.event_id));
        });
}

void EventPages::event_update(const VisitPtr& visit, const Access& access) {
    const std::int64_t event_id = access.event().id;
    auto parsed = parse_event_form(visit->form);
    if (!parsed.errors.empty()) {
        return site_.finish(visit,
                            event_form_page(visit, access, event_id, visit->form, parsed.errors));
    }
    site_.write(
        visit,
        [this, werkplaats_id = access.werkplaats_id(), event_id,
         details = std::move(parsed.details), now = site_.now()](app::Transaction& tx) {
            // A larger capacity lets waiting people in; they hear so in the same transaction.
            auto outcome = app::update_event(tx, werkplaats_id, event_id, details, now);
            queue_promotion_mails(tx, mail_, outcome.promoted_ids, now);
            return outcome;
        },
        [this, visit, &access, event_id](const app::EventChangeOutcome& outcome) {
            switch (outcome.result) {
                case app::EventChangeResult::done:
                    return site_.redirect("/beheer?opgeslagen=" + std::to_string(event_id));
                case app::EventChangeResult::invalid:
                    return event_form_page(visit, access, event_id, visit->form, outcome.errors);
                default:
                    return site_.error_page(visit, 404, "error.event_not_found");
            }
        });
}

void EventPages::event_status_change(const VisitPtr& visit, const Access& access) {
    const auto status = domain::event_status_from_slug(visit->form.get("status"));
    if (!status) return site_.respond_error(visit, 400, "error.bad_form");
    site_.write(
        visit,
        [werkplaats_id = access.werkplaats_id(), event_id = access.event().id, status = *status,
         now = site_.now()](app::Transaction& tx) {
            return app::change_event_status(tx, werkplaats_id, event_id, status, now);
        },
        [this, visit](const app::EventChangeOutcome& outcome) {
            switch (outcome.result) {
                case app::EventChangeResult::done:
                    return site_.redirect("/beheer");
                case app::EventChangeResult::not_allowed:
                    return site_.error_page(visit, 409, "error.status_not_allowed");
                default:
                    return site_.error_page(visit, 404, "error.event_not_found");
            }
        });
}

void EventPages::hosts_form(const VisitPtr& visit, const Access& access) {
    const auto& event = access.event();
    auto& queries = site_.store().read();
    const auto assigned = queries.event_hosts(event.id);
    data members(data::type::list);
    for (const auto& member : queries.members(access.werkplaats_id())) {
        if (member.membership.disabled) continue;
        data item(data::type::object);
        item.set("id", std::to_string(member.user.id));
        item.set("name", member.user.name);
        item.set("role", visit->text("role." + std::string(app::to_slug(member.membership.role))));
        item.set("checked",
                 std::find(assigned.begin(), assigned.end(), member.user.id) != assigned.end());
        members.push_back(item);
    }
    data values = site_.event_summary(visit, event);
    values.set("members", members);
    site_.finish(visit, site_.page(visit, "event_hosts", values,
                                   visit->text("hosts.title") + ": " + event.details.title));
}

void EventPages::hosts_submit(const VisitPtr& visit, const Access& access) {
    std::vector<std::int64_t> user_ids;
    for (const auto& value : visit->form.get_all("host")) {
        const auto id = text::parse_integer(value, 1, INT64_MAX);
        if (!id) return site_.respond_error(visit, 400, "error.bad_form");
        user_ids.push_back(*id);
    }
    site_.write(
        visit,
        [actor = access.actor(), event_id = access.event().id, user_ids](app::Transaction& tx) {
            return app::assign_event_hosts(tx, actor, event_id, user_ids);
        },
        [this, visit](app::AccountResult result) {
            if (result != app::AccountResult::done)
                return site_.error_page(visit, 400, "error.bad_form");
            return site_.redirect("/beheer?opgeslagen=hosts");
        });
}

}  // namespace

std::unique_ptr<Component> make_event_pages(Site& site) {
    return std::make_unique<EventPages>(site);
}

}  // namespace kc::web
