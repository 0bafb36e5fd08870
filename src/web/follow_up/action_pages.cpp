// Actions ("doorpakken"): per café on /beheer/events/{id}/acties, across all cafés on the
// action board /beheer/acties, and for scripts under /api/v1 (docs/api.md). Organisers only:
// an action commits a partner organisation, which is not a table host's call.
#include <algorithm>
#include <boost/json.hpp>

#include "app/follow_up.hpp"
#include "app/theme_store.hpp"
#include "core/text.hpp"
#include "core/validation.hpp"
#include "web/follow_up/follow_up_parts.hpp"
#include "web/follow_up/follow_up_views.hpp"
#include "web/json_answers.hpp"
#include "web/json_body.hpp"
#include "web/paging_view.hpp"
#include "web/view_helpers.hpp"

namespace kc::web::follow_up {

namespace {

using app::Role;
using kainjow::mustache::data;
namespace json = boost::json;

constexpr std::size_t actions_per_page = 25;
constexpr std::size_t max_actions_per_page = 100;
// The café page shows each action's latest updates; the public page has the rest.
constexpr std::size_t history_on_lists = 10;

std::string actions_path(std::int64_t event_id) {
    return "/beheer/events/" + std::to_string(event_id) + "/acties";
}

// A status change as posted, kept to show it again beside its action when it is refused.
struct StatusForm {
    std::int64_t action_id = 0;
    std::string status;
    std::string update;
    FieldErrors errors;
};

json::object action_json(const domain::Action& action, std::string_view today) {
    json::array history;
    for (const auto& update : action.history) {
        history.push_back(json::object{{"at", time::format_iso8601_amsterdam(update.at)},
                                       {"status", domain::to_slug(update.status)},
                                       {"update", update.text}});
    }
    return json::object{{"id", action.id},
                        {"event_id", action.event_id},
                        {"description", action.draft.description},
                        {"owner", action.draft.owner},
                        {"contact", action.draft.contact},
                        {"due_on", action.draft.due_on},
                        {"status", domain::to_slug(action.status)},
                        {"overdue", domain::is_overdue(action, today)},
                        {"created_at", time::format_iso8601_amsterdam(action.created_at)},
                        {"updated_at", time::format_iso8601_amsterdam(action.updated_at)},
                        {"history", std::move(history)}};
}

Response json_response(int status, const json::value& body) {
    return json_text_response(status, json::serialize(body));
}

// The JSON answer to a status change.
Response status_change_answer(const Visit& visit, const app::FollowUpOutcome& outcome,
                              std::string_view status) {
    switch (outcome.status) {
        case app::FollowUpStatus::done:
            return json_response(200, json::object{{"id", outcome.id}, {"status", status}});
        case app::FollowUpStatus::invalid:
            return json_error(visit, 422, "invalid", "error.check_fields", outcome.errors);
        case app::FollowUpStatus::not_allowed:
            return json_error(visit, 409, "conflict", "follow_up.error.action_transition",
                              outcome.errors);
        case app::FollowUpStatus::not_found:
            break;
    }
    return json_error(visit, 404, "not_found", "error.not_found");
}

class ActionPages final : public Component {
  public:
    explicit ActionPages(Site& site) : site_(site) {}

    void add_routes(Routes& routes) override {
        const std::string actions = "/beheer/events/{id}/acties";
        routes.members("GET", actions, Role::organiser, bind_handler(this, &ActionPages::page));
        routes.members("POST", actions, Role::organiser, bind_handler(this, &ActionPages::create));
        routes.members("POST", actions + "/status", Role::organiser,
                       bind_handler(this, &ActionPages::change_status));
        routes.members("GET", "/beheer/acties", Role::organiser,
                       bind_handler(this, &ActionPages::board));
        routes.members("GET", "/api/v1/actions", Role::organiser,
                       bind_handler(this, &ActionPages::api_list));
        routes.members("POST", "/api/v1/events/{id}/actions", Role::organiser,
                       bind_handler(this, &ActionPages::api_create));
        routes.members("PATCH", "/api/v1/actions/{action}", Role::organiser,
                       bind_handler(this, &ActionPages::api_change));
    }

  private:
    void page(const VisitPtr& visit, const Access& access);
    Response page_response(const VisitPtr& visit, const Access& access,
                           const domain::ActionDraft& draft, const FieldErrors& errors,
                           const StatusForm& status_form);
    void create(const VisitPtr& visit, const Access& access);
    void change_status(const VisitPtr& visit, const Access& access);
    void board(const VisitPtr& visit, const Access& access);
    void api_list(const VisitPtr& visit, const Access& access);
    void api_create(const VisitPtr& visit, const Access& access);
    void api_change(const VisitPtr& visit, const Access& access);
    // The organisations to suggest as owners: the partners, then owners named before.
    data owner_suggestions(std::int64_t werkplaats_id);

    std::string today() const { return domain::day_of(site_.now()); }

    Site& site_;
};

data ActionPages::owner_suggestions(std::int64_t werkplaats_id) {
    auto& queries = site_.store().read();
    std::vector<std::string> names;
    for (const auto& partner : queries.partners(werkplaats_id)) names.push_back(partner.name);
    for (auto& owner : queries.action_owners(werkplaats_id)) {
        if (std::find(names.begin(), names.end(), owner) == names.end()) names.push_back(owner);
    }
    data list(data::type::list);
    for (auto& name : names) list.push_back(data(std::move(name)));
    return list;
}

void ActionPages::page(const VisitPtr& visit, const Access& access) {
    site_.finish(visit, page_response(visit, access, {}, {}, {}));
}

Response ActionPages::page_response(const VisitPtr& visit, const Access& access,
                                    const domain::ActionDraft& draft, const FieldErrors& errors,
                                    const StatusForm& status_form) {
    const auto& event = access.event();
    data values = site_.event_summary(visit, event);
    app::ActionFilter filter;
    filter.werkplaats_id = access.werkplaats_id();
    filter.event_id = event.id;
    const auto request = page_request(*visit, actions_per_page, max_actions_per_page);
    const auto page = site_.store().read().actions(filter, request);
    const ActionView view{today(), history_on_lists, true};
    data list(data::type::list);
    for (const auto& action : page.items) {
        data item = action_data(*visit, action, view);
        const bool refused_here = status_form.action_id == action.id;
        const auto chosen = refused_here ? domain::action_status_from_slug(status_form.status)
                                         : std::optional(action.status);
        item.set("status_options", status_options(*visit, chosen));
        if (refused_here) item.set("update_value", status_form.update);
        // Always set, so an action's card never shows the new-action form's errors.
        set_field_errors(item, refused_here ? status_form.errors : FieldErrors{}, *visit->texts);
        list.push_back(item);
    }
    values.set("actions", list);
    values.set("has_actions", page.total > 0);
    values.set("paging", pagination_data(*visit, page.total, request));
    values.set("owners", owner_suggestions(access.werkplaats_id()));
    data form(data::type::object);
    form.set("description", draft.description);
    form.set("owner", draft.owner);
    form.set("contact", draft.contact);
    form.set("due_on", draft.due_on);
    values.set("form", form);
    set_field_errors(values, errors, *visit->texts);
    const bool refused = !errors.empty() || !status_form.errors.empty();
    return site_.page(visit, "follow_up_actions", values,
                      visit->text("follow_up.actions_title") + ": " + event.details.title,
                      refused ? 422 : 200);
}

void ActionPages::create(const VisitPtr& visit, const Access& access) {
    const auto draft = action_draft_from_form(visit->form);
    site_.write(
        visit,
        [scope = access.event_scope(), draft, by = access.user.name, now = site_.now()](
            app::Transaction& tx) { return app::create_action(tx, scope, draft, by, now); },
        [this, visit, &access, draft](const app::FollowUpOutcome& outcome) {
            if (outcome.status == app::FollowUpStatus::invalid) {
                return page_response(visit, access, draft, outcome.errors, {});
            }
            if (outcome.status != app::FollowUpStatus::done) {
                return site_.error_page(visit, 404, "error.event_not_found");
            }
            return site_.redirect(actions_path(access.event().id) + "#actie-" +
                                  std::to_string(outcome.id));
        });
}

void ActionPages::change_status(const VisitPtr& visit, const Access& access) {
    StatusForm form;
    form.action_id = text::parse_integer(visit->form.get("action"), 1, INT64_MAX).value_or(0);
    form.status = visit->form.get("status");
    form.update = visit->form.get("update");
    const auto status = domain::action_status_from_slug(form.status);
    // An action of another café is not found here, even within the Werkplaats.
    const auto action =
        app::action_in_werkplaats(site_.store().read(), access.werkplaats_id(), form.action_id);
    if (!action || action->event_id != access.event().id) {
        return site_.respond_error(visit, 404, "error.not_found");
    }
    if (!status) {
        form.errors.push_back({"status", "error.choose_option"});
        return site_.finish(visit, page_response(visit, access, {}, {}, form));
    }
    site_.write(
        visit,
        [werkplaats_id = access.werkplaats_id(), form, status = *status, by = access.user.name,
         now = site_.now()](app::Transaction& tx) {
            return app::change_action_status(tx, werkplaats_id, form.action_id, status, form.update,
                                             by, now);
        },
        [this, visit, &access, form](const app::FollowUpOutcome& outcome) {
            if (outcome.status == app::FollowUpStatus::done) {
                return site_.redirect(actions_path(access.event().id) + "#actie-" +
                                      std::to_string(outcome.id));
            }
            if (outcome.status == app::FollowUpStatus::not_found) {
                return site_.error_page(visit, 404, "error.not_found");
            }
            auto refused = form;
            refused.errors = outcome.errors;
            return page_response(visit, access, {}, {}, refused);
        });
}

void ActionPages::board(const VisitPtr& visit, const Access& access) {
    auto& queries = site_.store().read();
    const auto query = query_of(*visit);
    auto filter = action_filter_from_query(query, access.werkplaats_id(), today());
    data theme_options(data::type::list);
    // The themes cafés took up, in the agenda's order and bounded; a theme id from the query
    // filters only when it is one of them, so another Werkplaats's theme filters nothing.
    app::ThemeFilter theme_filter;
    theme_filter.werkplaats_id = access.werkplaats_id();
    theme_filter.status = domain::ThemeStatus::scheduled;
    const auto themes = queries.themes(theme_filter, {1, 200});
    const auto wanted_theme = text::parse_integer(query.get("thema"), 1, INT64_MAX);
    for (const auto& theme : themes.items) {
        data choice(data::type::object);
        choice.set("value", std::to_string(theme.id));
        choice.set("label", theme.title);
        const bool chosen = wanted_theme && *wanted_theme == theme.id;
        choice.set("selected", chosen);
        if (chosen) filter.theme_id = theme.id;
        theme_options.push_back(choice);
    }
    const auto request = page_request(*visit, actions_per_page, max_actions_per_page);
    const auto page = queries.actions(filter, request);
    data values(data::type::object);
    set_action_list(*visit, queries, values, filter, page, {today(), 1, true}, "/beheer/acties");
    values.set("themes", theme_options);
    values.set("has_themes", !theme_options.is_empty_list());
    site_.finish(visit, site_.page(visit, "follow_up_board", values,
                                   visit->text("follow_up.board_title"), 200, Forms::none));
}

void ActionPages::api_list(const VisitPtr& visit, const Access& access) {
    const auto query = query_of(*visit);
    app::ActionFilter filter;
    filter.werkplaats_id = access.werkplaats_id();
    FieldErrors errors;
    if (const auto status = query.get("status"); !status.empty()) {
        filter.status = domain::action_status_from_slug(status);
        if (!filter.status) errors.push_back({"status", "follow_up.error.status_unknown"});
    }
    const auto overdue = query.get("overdue");
    if (overdue == "1" || overdue == "true") {
        filter.overdue_on = today();
    } else if (!overdue.empty() && overdue != "0" && overdue != "false") {
        errors.push_back({"overdue", "follow_up.error.overdue_flag"});
    }
    if (!errors.empty()) {
        return site_.finish(visit,
                            json_error(*visit, 422, "invalid", "error.check_fields", errors));
    }
    const auto request = page_request(*visit, actions_per_page, max_actions_per_page);
    const auto page = site_.store().read().actions(filter, request);
    json::array items;
    for (const auto& action : page.items) items.push_back(action_json(action, today()));
    site_.finish(visit,
                 json_response(200, api_page(std::move(items), page.total, request, *visit)));
}

void ActionPages::api_create(const VisitPtr& visit, const Access& access) {
    std::string problem;
    const auto body = read_json_body(*visit, problem);
    if (!body) return site_.finish(visit, body_refusal(*visit, problem));
    FieldErrors errors;
    domain::ActionDraft draft;
    draft.description = string_member(*body, "description", validation::Presence::required, errors);
    draft.owner = string_member(*body, "owner", validation::Presence::required, errors);
    draft.contact = string_member(*body, "contact", validation::Presence::optional, errors);
    draft.due_on = string_member(*body, "due_on", validation::Presence::required, errors);
    if (!errors.empty()) {
        return site_.finish(visit,
                            json_error(*visit, 422, "invalid", "error.check_fields", errors));
    }
    site_.write(
        visit,
        [scope = access.event_scope(), draft, by = access.user.name, now = site_.now()](
            app::Transaction& tx) { return app::create_action(tx, scope, draft, by, now); },
        [visit](const app::FollowUpOutcome& outcome) {
            switch (outcome.status) {
                case app::FollowUpStatus::done:
                    return json_response(201, json::object{{"id", outcome.id}, {"status", "open"}});
                case app::FollowUpStatus::invalid:
                    return json_error(*visit, 422, "invalid", "error.check_fields", outcome.errors);
                default:
                    return json_error(*visit, 404, "not_found", "error.event_not_found");
            }
        });
}

void ActionPages::api_change(const VisitPtr& visit, const Access& access) {
    std::string problem;
    const auto body = read_json_body(*visit, problem);
    if (!body) return site_.finish(visit, body_refusal(*visit, problem));
    FieldErrors errors;
    const std::string slug = string_member(*body, "status", validation::Presence::required, errors);
    const std::string update =
        string_member(*body, "update", validation::Presence::optional, errors);
    const auto status = domain::action_status_from_slug(slug);
    if (!slug.empty() && !status) errors.push_back({"status", "follow_up.error.status_unknown"});
    if (!errors.empty()) {
        return site_.finish(visit,
                            json_error(*visit, 422, "invalid", "error.check_fields", errors));
    }
    site_.write(
        visit,
        [werkplaats_id = access.werkplaats_id(), id = access.action().id, status = *status, update,
         by = access.user.name, now = site_.now()](app::Transaction& tx) {
            return app::change_action_status(tx, werkplaats_id, id, status, update, by, now);
        },
        [visit, slug](const app::FollowUpOutcome& outcome) {
            return status_change_answer(*visit, outcome, slug);
        });
}

}  // namespace

std::unique_ptr<Component> make_action_pages(Site& site) {
    return std::make_unique<ActionPages>(site);
}

}  // namespace kc::web::follow_up
