// The theme agenda: anyone proposes a theme or a place and supports others' proposals,
// without an account; organisers move proposals from proposed to adopted to scheduled (a
// café takes it up) or decline them with a reason the public reads. The public pages, the
// organisers' pages and the JSON API of themes live here.
#include <boost/json.hpp>

#include "app/library.hpp"
#include "app/security.hpp"
#include "app/themes.hpp"
#include "core/text.hpp"
#include "web/components.hpp"
#include "web/cookies.hpp"
#include "web/json_answers.hpp"
#include "web/json_body.hpp"
#include "web/library/library_views.hpp"
#include "web/paging_view.hpp"
#include "web/spam_guard.hpp"
#include "web/view_helpers.hpp"

namespace kc::web {

namespace {

using kainjow::mustache::data;
namespace json = boost::json;
using domain::ThemeStatus;

constexpr std::size_t themes_per_page = 20;
constexpr std::size_t max_themes_per_page = 100;
// The cafés a theme page lists; a theme with more shows the most recent ones.
constexpr std::size_t cafes_per_theme = 20;
// The werkteams, publications and open actions a theme page lists of each kind.
constexpr std::size_t knowledge_per_list = 10;
// The events an organiser can schedule a theme for: upcoming ones, and those of the last
// months (a café may be linked after the fact).
constexpr time::Timestamp schedulable_past_seconds = 180 * 24 * 60 * 60;

// The cookie that lets a browser support each theme once, without an account.
constexpr const char* supporter_cookie = "kc_supporter";

std::int64_t site_id(const Visit& visit) { return visit.site ? visit.site->id : 0; }

std::string status_text(const Visit& visit, ThemeStatus status) {
    return visit.text("theme.status." + std::string(domain::to_slug(status)));
}

// The status a list shows: `?status=` when it names one, else the open proposals.
ThemeStatus listed_status(const Visit& visit) {
    return domain::theme_status_from_slug(query_value(visit.request.query, "status"))
        .value_or(ThemeStatus::proposed);
}

// The tabs of a list of themes, one per status, and what an empty list says.
void set_status_tabs(const Visit& visit, data& values, ThemeStatus shown) {
    data tabs(data::type::list);
    for (const auto tab_status : domain::all_theme_statuses()) {
        const std::string slug(domain::to_slug(tab_status));
        data tab(data::type::object);
        tab.set("slug", slug);
        tab.set("text", visit.text("theme.tab." + slug));
        tab.set("current", tab_status == shown);
        tabs.push_back(tab);
    }
    values.set("tabs", tabs);
    values.set("empty_text", visit.text("theme.empty." + std::string(domain::to_slug(shown))));
}

app::ThemeProposal proposal_from(const FormData& form) {
    return {text::trim(form.get("title")), text::trim(form.get("description")),
            text::trim(form.get("place"))};
}

json::object theme_json(const domain::Theme& theme) {
    json::object object;
    object["id"] = theme.id;
    object["title"] = theme.title;
    object["description"] = theme.description;
    object["place"] = theme.place;
    object["status"] = domain::to_slug(theme.status);
    object["supporters"] = theme.supporters;
    object["proposed_at"] = time::format_iso8601_amsterdam(theme.proposed_at);
    if (theme.event_id) object["event_id"] = *theme.event_id;
    if (theme.status == ThemeStatus::declined) object["decline_reason"] = theme.decline_reason;
    return object;
}

class ThemePages final : public Component {
  public:
    explicit ThemePages(Site& site) : site_(site) {}

    void add_routes(Routes& routes) override {
        routes.open("GET", "/themes", bind_handler(this, &ThemePages::agenda_page));
        routes.open("POST", "/themes", bind_handler(this, &ThemePages::propose_submit));
        routes.open("GET", "/themes/{theme_id}", bind_handler(this, &ThemePages::theme_page));
        routes.open("POST", "/themes/{theme_id}/steun",
                    bind_handler(this, &ThemePages::support_submit));
        routes.members("GET", "/beheer/themas", app::Role::organiser,
                       bind_handler(this, &ThemePages::admin_page));
        routes.members("POST", "/beheer/themas", app::Role::organiser,
                       bind_handler(this, &ThemePages::admin_create));
        routes.members("GET", "/beheer/themas/{theme}", app::Role::organiser,
                       bind_handler(this, &ThemePages::admin_theme_page));
        routes.members("POST", "/beheer/themas/{theme}", app::Role::organiser,
                       bind_handler(this, &ThemePages::admin_edit));
        routes.members("POST", "/beheer/themas/{theme}/status", app::Role::organiser,
                       bind_handler(this, &ThemePages::admin_move));
        routes.open("GET", "/api/v1/themes", bind_handler(this, &ThemePages::api_list));
        routes.open("POST", "/api/v1/themes", bind_handler(this, &ThemePages::api_propose));
        routes.open("POST", "/api/v1/themes/{theme_id}/support",
                    bind_handler(this, &ThemePages::api_support));
    }

  private:
    void agenda_page(const VisitPtr& visit);
    void propose_submit(const VisitPtr& visit);
    void theme_page(const VisitPtr& visit);
    void support_submit(const VisitPtr& visit);
    void admin_page(const VisitPtr& visit, const Access& access);
    void admin_create(const VisitPtr& visit, const Access& access);
    void admin_theme_page(const VisitPtr& visit, const Access& access);
    void admin_edit(const VisitPtr& visit, const Access& access);
    void admin_move(const VisitPtr& visit, const Access& access);
    void api_list(const VisitPtr& visit);
    void api_propose(const VisitPtr& visit);
    void api_support(const VisitPtr& visit);

    Response agenda_response(const VisitPtr& visit, const FormData& form, const FieldErrors& errors,
                             int status);
    Response admin_response(const VisitPtr& visit, const Access& access, const FormData& form,
                            const FieldErrors& errors);
    Response admin_theme_response(const VisitPtr& visit, const Access& access,
                                  const domain::Theme& shown, const FieldErrors& errors);
    // After an organiser's change: back to the theme, or its page again with what was typed
    // and what is wrong.
    Response admin_change_answer(const VisitPtr& visit, const Access& access,
                                 const app::ThemeChangeOutcome& outcome,
                                 const domain::Theme& typed);
    data theme_data(const VisitPtr& visit, const domain::Theme& theme);
    // A page of the themes of the status the visit asks for, with the tabs and the proposal
    // form's values; the public agenda and the organisers' list both show it.
    data theme_list_data(const VisitPtr& visit, std::int64_t werkplaats_id, const FormData& form);
    // The theme of the site named by the path's {theme_id}, or nothing.
    std::optional<domain::Theme> public_theme(const Visit& visit);
    // What else hangs together by the theme: its werkteams, publications and the actions of
    // its cafés that are not finished, each list bounded.
    void set_theme_knowledge(const Visit& visit, const domain::Theme& theme, data& values);
    // The browser's supporter key, made (and set as a cookie on `response`) when it has none.
    std::string supporter_key(const Visit& visit, Response& response);

    Site& site_;
    SpamGuard spam_guard_;
};

std::optional<domain::Theme> ThemePages::public_theme(const Visit& visit) {
    const auto id = text::parse_integer(visit.params.get("theme_id"), 1, INT64_MAX);
    if (!id) return std::nullopt;
    auto theme = site_.store().read().theme(*id);
    if (!theme || theme->werkplaats_id != site_id(visit)) return std::nullopt;
    return theme;
}

void ThemePages::set_theme_knowledge(const Visit& visit, const domain::Theme& theme, data& values) {
    auto& queries = site_.store().read();
    const app::PageRequest first{1, knowledge_per_list};
    const auto werkteams = queries.werkteams({theme.werkplaats_id, theme.id}, first);
    data teams(data::type::list);
    for (const auto& werkteam : werkteams.items) {
        data item(data::type::object);
        item.set("id", std::to_string(werkteam.id));
        item.set("name", werkteam.name);
        teams.push_back(item);
    }
    values.set("werkteams", teams);
    values.set("has_werkteams", !werkteams.items.empty());

    app::LibrarySearch search;
    search.werkplaats_id = theme.werkplaats_id;
    search.theme_id = theme.id;
    const auto publications = queries.search_publications(search, first);
    values.set("publications", publication_links(visit, publications.items));
    values.set("has_publications", !publications.items.empty());
    values.set("more_publications", publications.total > publications.items.size());

    data open_actions(data::type::list);
    for (const auto status : {domain::ActionStatus::open, domain::ActionStatus::in_progress}) {
        app::ActionFilter filter;
        filter.werkplaats_id = theme.werkplaats_id;
        filter.theme_id = theme.id;
        filter.status = status;
        filter.public_only = true;
        for (const auto& action : queries.actions(filter, first).items) {
            data item(data::type::object);
            item.set("description", action.draft.description);
            item.set("owner", action.draft.owner);
            item.set("due_on", action.draft.due_on);
            item.set("status_text",
                     visit.text("follow_up.status." + std::string(domain::to_slug(status))));
            open_actions.push_back(item);
        }
    }
    values.set("has_actions", !open_actions.is_empty_list());
    values.set("actions", open_actions);
}

std::string ThemePages::supporter_key(const Visit& visit, Response& response) {
    const auto existing =
        cookie_value(visit.request.header("cookie").value_or(""), supporter_cookie);
    if (existing && existing->size() >= 16 && existing->size() <= 64 &&
        text::is_clean_utf8(*existing, false)) {
        return *existing;
    }
    std::string key = app::security::random_token(16);
    response.add_header("Set-Cookie", set_cookie(supporter_cookie, key, CookieLifetime::year,
                                                 site_.config().secure_cookies));
    return key;
}

data ThemePages::theme_data(const VisitPtr& visit, const domain::Theme& theme) {
    data item(data::type::object);
    item.set("id", std::to_string(theme.id));
    item.set("title", theme.title);
    set_if_present(item, "description", theme.description);
    set_if_present(item, "place", theme.place);
    item.set("status", std::string(domain::to_slug(theme.status)));
    item.set("status_text", status_text(*visit, theme.status));
    item.set("supporters_text", visit->text("theme.supporters", theme.supporters));
    item.set("proposed_date", long_date(theme.proposed_at, *visit->texts));
    item.set("from_evaluation", theme.source == domain::ThemeSource::evaluation);
    item.set("can_support",
             theme.status == ThemeStatus::proposed || theme.status == ThemeStatus::adopted);
    if (theme.status == ThemeStatus::declined) {
        set_if_present(item, "decline_reason", theme.decline_reason);
    }
    if (theme.event_id) {
        if (const auto event = site_.public_event(*visit, *theme.event_id)) {
            item.set("event_id", std::to_string(event->id));
            item.set("event_title", event->details.title);
            item.set("event_date", long_date(event->details.starts_at, *visit->texts));
        }
    }
    return item;
}

data ThemePages::theme_list_data(const VisitPtr& visit, std::int64_t werkplaats_id,
                                 const FormData& form) {
    const auto shown = listed_status(*visit);
    const auto page = page_request(*visit, themes_per_page, max_themes_per_page);
    const auto themes = site_.store().read().themes({werkplaats_id, shown, {}}, page);
    data list(data::type::list);
    for (const auto& theme : themes.items) {
        data item = theme_data(visit, theme);
        item.set("source_text",
                 visit->text("theme.source." + std::string(domain::to_slug(theme.source))));
        list.push_back(item);
    }
    data values(data::type::object);
    values.set("themes", list);
    values.set("has_themes", !themes.items.empty());
    values.set("paging", pagination_data(*visit, themes.total, page));
    set_status_tabs(*visit, values, shown);
    for (const char* field : {"title", "description", "place"}) {
        values.set(std::string("value_") + field, form.get(field));
    }
    return values;
}

Response ThemePages::agenda_response(const VisitPtr& visit, const FormData& form,
                                     const FieldErrors& errors, int status) {
    data values = theme_list_data(visit, site_id(*visit), form);
    const auto notice = query_value(visit->request.query, "melding");
    if (notice == "voorgesteld" || notice == "gesteund" || notice == "al-gesteund") {
        values.set("notice_text", visit->text("theme.notice." + notice));
    }
    set_field_errors(values, errors, *visit->texts);
    spam_guard_.add_to_form(*visit, values, site_.now());
    return site_.page(visit, "themes", values, visit->text("theme.agenda_title"), status);
}

void ThemePages::agenda_page(const VisitPtr& visit) {
    site_.finish(visit, agenda_response(visit, FormData{}, {}, 200));
}

void ThemePages::propose_submit(const VisitPtr& visit) {
    const auto back = visit->site_prefix + "/themes";
    switch (spam_guard_.check(*visit, site_.now())) {
        case SpamGuard::Verdict::person:
            break;
        case SpamGuard::Verdict::trap:
            return site_.finish(visit, site_.redirect(back + "?melding=voorgesteld"));
        case SpamGuard::Verdict::too_fast:
            return site_.finish(
                visit, agenda_response(visit, visit->form, {{"title", "spam.too_fast"}}, 422));
        case SpamGuard::Verdict::stale:
            return site_.finish(
                visit, agenda_response(visit, visit->form, {{"title", "spam.stale"}}, 422));
        case SpamGuard::Verdict::too_many:
            return site_.finish(
                visit, agenda_response(visit, visit->form, {{"title", "spam.too_many"}}, 429));
    }
    if (!visit->site) return site_.respond_error(visit, 404, "error.not_found");
    site_.write(
        visit,
        [werkplaats_id = visit->site->id, proposal = proposal_from(visit->form),
         now = site_.now()](app::Transaction& tx) {
            return app::propose_theme(tx, werkplaats_id, proposal, domain::ThemeSource::public_form,
                                      now);
        },
        [this, visit, back](const app::ThemeChangeOutcome& outcome) {
            if (outcome.result == app::ThemeChangeResult::done) {
                return site_.redirect(back + "?melding=voorgesteld");
            }
            return agenda_response(visit, visit->form, outcome.errors, 422);
        });
}

void ThemePages::theme_page(const VisitPtr& visit) {
    const auto theme = public_theme(*visit);
    if (!theme) return site_.respond_error(visit, 404, "theme.not_found");
    data values = theme_data(visit, *theme);
    app::EventFilter filter;
    filter.werkplaats_id = theme->werkplaats_id;
    filter.published_only = true;
    filter.theme_id = theme->id;
    const auto cafes = site_.store().read().event_page(filter, {1, cafes_per_theme},
                                                       app::EventOrder::latest_first);
    data list(data::type::list);
    for (const auto& event : cafes.items) list.push_back(site_.event_summary(visit, event));
    values.set("cafes", list);
    values.set("has_cafes", !cafes.items.empty());
    set_theme_knowledge(*visit, *theme, values);
    const auto notice = query_value(visit->request.query, "melding");
    if (notice == "gesteund" || notice == "al-gesteund") {
        values.set("notice_text", visit->text("theme.notice." + notice));
    }
    site_.finish(visit, site_.page(visit, "theme", values, theme->title));
}

void ThemePages::support_submit(const VisitPtr& visit) {
    const auto theme = public_theme(*visit);
    if (!theme) return site_.respond_error(visit, 404, "theme.not_found");
    Response cookie_carrier;
    const auto key = supporter_key(*visit, cookie_carrier);
    // Back to the page the button was on: the agenda or the theme's own page.
    const auto back = local_path(visit->form.get("terug"), visit->site_prefix + "/themes");
    site_.write(
        visit,
        [werkplaats_id = theme->werkplaats_id, theme_id = theme->id, key,
         now = site_.now()](app::Transaction& tx) {
            return app::support_theme(tx, werkplaats_id, theme_id, key, now);
        },
        [this, visit, back, cookie_carrier](app::SupportResult result) {
            if (result == app::SupportResult::not_found) {
                return site_.error_page(visit, 409, "theme.error.closed");
            }
            const char separator = back.find('?') == std::string::npos ? '?' : '&';
            Response response = site_.redirect(
                back + separator +
                "melding=" + (result == app::SupportResult::counted ? "gesteund" : "al-gesteund"));
            for (const auto& header : cookie_carrier.headers) response.headers.push_back(header);
            return response;
        });
}

Response ThemePages::admin_response(const VisitPtr& visit, const Access& access,
                                    const FormData& form, const FieldErrors& errors) {
    data values = theme_list_data(visit, access.werkplaats_id(), form);
    set_field_errors(values, errors, *visit->texts);
    return site_.page(visit, "themes_admin", values, visit->text("theme.admin_title"),
                      errors.empty() ? 200 : 422);
}

void ThemePages::admin_page(const VisitPtr& visit, const Access& access) {
    site_.finish(visit, admin_response(visit, access, FormData{}, {}));
}

void ThemePages::admin_create(const VisitPtr& visit, const Access& access) {
    site_.write(
        visit,
        [werkplaats_id = access.werkplaats_id(), proposal = proposal_from(visit->form),
         now = site_.now()](app::Transaction& tx) {
            return app::propose_theme(tx, werkplaats_id, proposal, domain::ThemeSource::organiser,
                                      now);
        },
        [this, visit, access](const app::ThemeChangeOutcome& outcome) {
            if (outcome.result == app::ThemeChangeResult::done) {
                return site_.redirect("/beheer/themas/" + std::to_string(outcome.theme_id));
            }
            return admin_response(visit, access, visit->form, outcome.errors);
        });
}

Response ThemePages::admin_theme_response(const VisitPtr& visit, const Access& access,
                                          const domain::Theme& shown, const FieldErrors& errors) {
    data values = theme_data(visit, shown);
    values.set("value_title", shown.title);
    values.set("value_description", shown.description);
    values.set("value_place", shown.place);
    values.set("value_decline_reason", shown.decline_reason);
    values.set("source_text",
               visit->text("theme.source." + std::string(domain::to_slug(shown.source))));
    data statuses(data::type::list);
    for (const auto option_status : domain::all_theme_statuses()) {
        data option(data::type::object);
        option.set("slug", std::string(domain::to_slug(option_status)));
        option.set("text", status_text(*visit, option_status));
        option.set("selected", option_status == shown.status);
        statuses.push_back(option);
    }
    values.set("statuses", statuses);
    // The cafés it can be scheduled for: from half a year back onwards, bounded by date.
    app::EventFilter filter;
    filter.werkplaats_id = access.werkplaats_id();
    filter.ends_from = site_.now() - schedulable_past_seconds;
    const auto events = site_.store().read().event_page(filter, {1, max_themes_per_page},
                                                        app::EventOrder::earliest_first);
    data event_options(data::type::list);
    for (const auto& event : events.items) {
        data option(data::type::object);
        option.set("id", std::to_string(event.id));
        option.set("text", event.details.title + " (" +
                               long_date(event.details.starts_at, *visit->texts) + ")");
        option.set("selected", shown.event_id == event.id);
        event_options.push_back(option);
    }
    values.set("events", event_options);
    values.set("has_events", !events.items.empty());
    set_field_errors(values, errors, *visit->texts);
    const auto notice = query_value(visit->request.query, "melding");
    if (notice == "opgeslagen") values.set("notice_text", visit->text("theme.notice.saved"));
    return site_.page(visit, "theme_admin", values, shown.title, errors.empty() ? 200 : 422);
}

Response ThemePages::admin_change_answer(const VisitPtr& visit, const Access& access,
                                         const app::ThemeChangeOutcome& outcome,
                                         const domain::Theme& typed) {
    switch (outcome.result) {
        case app::ThemeChangeResult::done:
            return site_.redirect("/beheer/themas/" + std::to_string(outcome.theme_id) +
                                  "?melding=opgeslagen");
        case app::ThemeChangeResult::not_found:
            return site_.error_page(visit, 404, "theme.not_found");
        case app::ThemeChangeResult::invalid:
            break;
    }
    return admin_theme_response(visit, access, typed, outcome.errors);
}

void ThemePages::admin_theme_page(const VisitPtr& visit, const Access& access) {
    site_.finish(visit, admin_theme_response(visit, access, access.theme(), {}));
}

void ThemePages::admin_edit(const VisitPtr& visit, const Access& access) {
    site_.write(
        visit,
        [werkplaats_id = access.werkplaats_id(), theme_id = access.theme().id,
         text = proposal_from(visit->form)](app::Transaction& tx) {
            return app::edit_theme(tx, werkplaats_id, theme_id, text);
        },
        [this, visit, access](const app::ThemeChangeOutcome& outcome) {
            auto shown = access.theme();
            const auto typed = proposal_from(visit->form);
            shown.title = typed.title;
            shown.description = typed.description;
            shown.place = typed.place;
            return admin_change_answer(visit, access, outcome, shown);
        });
}

void ThemePages::admin_move(const VisitPtr& visit, const Access& access) {
    const auto status = domain::theme_status_from_slug(visit->form.get("status"));
    if (!status) {
        return site_.finish(visit, admin_theme_response(visit, access, access.theme(),
                                                        {{"status", "theme.error.status"}}));
    }
    app::ThemeMove move;
    move.status = *status;
    move.decline_reason = text::trim(visit->form.get("decline_reason"));
    if (const auto event_id = text::parse_integer(visit->form.get("event_id"), 1, INT64_MAX)) {
        move.event_id = *event_id;
    }
    site_.write(
        visit,
        [werkplaats_id = access.werkplaats_id(), theme_id = access.theme().id, move,
         now = site_.now()](app::Transaction& tx) {
            return app::move_theme(tx, werkplaats_id, theme_id, move, now);
        },
        [this, visit, access, move](const app::ThemeChangeOutcome& outcome) {
            auto shown = access.theme();
            shown.status = move.status;
            shown.event_id = move.event_id;
            shown.decline_reason = move.decline_reason;
            return admin_change_answer(visit, access, outcome, shown);
        });
}

void ThemePages::api_list(const VisitPtr& visit) {
    const auto status_slug = query_value(visit->request.query, "status");
    std::optional<ThemeStatus> status;
    if (!status_slug.empty()) {
        status = domain::theme_status_from_slug(status_slug);
        if (!status) {
            return site_.finish(visit, json_error(*visit, 422, "invalid", "theme.error.status",
                                                  {{"status", "theme.error.status"}}));
        }
    }
    const auto page = page_request(*visit, themes_per_page, max_themes_per_page);
    const auto themes = site_.store().read().themes({site_id(*visit), status, {}}, page);
    json::array items;
    for (const auto& theme : themes.items) items.push_back(theme_json(theme));
    site_.finish(visit, json_response(200, api_page(std::move(items), themes.total, page, *visit)));
}

void ThemePages::api_propose(const VisitPtr& visit) {
    std::string problem;
    const auto body = read_json_body(*visit, problem);
    if (!body) return site_.finish(visit, body_refusal(*visit, problem));
    if (!visit->site) {
        return site_.finish(visit, json_error(*visit, 404, "not_found", "error.not_found"));
    }
    FieldErrors errors;
    app::ThemeProposal proposal;
    proposal.title =
        text::trim(string_member(*body, "title", validation::Presence::required, errors));
    proposal.description =
        text::trim(string_member(*body, "description", validation::Presence::optional, errors));
    proposal.place =
        text::trim(string_member(*body, "place", validation::Presence::optional, errors));
    if (!errors.empty()) {
        return site_.finish(visit,
                            json_error(*visit, 422, "invalid", "error.check_fields", errors));
    }
    if (!spam_guard_.count_submission(visit->request.remote_address, site_.now())) {
        return site_.finish(visit, json_error(*visit, 429, "too_many", "spam.too_many"));
    }
    site_.write(
        visit,
        [werkplaats_id = visit->site->id, proposal, now = site_.now()](app::Transaction& tx) {
            return app::propose_theme(tx, werkplaats_id, proposal, domain::ThemeSource::public_form,
                                      now);
        },
        [visit](const app::ThemeChangeOutcome& outcome) {
            if (outcome.result != app::ThemeChangeResult::done) {
                return json_error(*visit, 422, "invalid", "error.check_fields", outcome.errors);
            }
            return json_response(201,
                                 json::object{{"id", outcome.theme_id}, {"status", "proposed"}});
        });
}

void ThemePages::api_support(const VisitPtr& visit) {
    const auto theme = public_theme(*visit);
    if (!theme) return site_.finish(visit, json_error(*visit, 404, "not_found", "theme.not_found"));
    Response cookie_carrier;
    std::string key;
    // A script may name its supporter itself (a kiosk app, say); a browser gets a cookie.
    if (!visit->request.body.empty()) {
        std::string problem;
        const auto body = read_json_body(*visit, problem);
        if (!body) return site_.finish(visit, body_refusal(*visit, problem));
        FieldErrors errors;
        key = string_member(*body, "supporter", validation::Presence::optional, errors);
        if (!key.empty() && (key.size() < 16 || key.size() > 64)) {
            errors.push_back({"supporter", "theme.error.supporter"});
        }
        if (!errors.empty()) {
            return site_.finish(visit,
                                json_error(*visit, 422, "invalid", "error.check_fields", errors));
        }
    }
    if (key.empty()) key = supporter_key(*visit, cookie_carrier);
    site_.write(
        visit,
        [werkplaats_id = theme->werkplaats_id, theme_id = theme->id, key,
         now = site_.now()](app::Transaction& tx) {
            const auto result = app::support_theme(tx, werkplaats_id, theme_id, key, now);
            const auto after = tx.theme(theme_id);
            return std::pair(result, after ? after->supporters : 0);
        },
        [visit, cookie_carrier](const std::pair<app::SupportResult, std::int64_t>& outcome) {
            if (outcome.first == app::SupportResult::not_found) {
                return json_error(*visit, 409, "closed", "theme.error.closed");
            }
            Response response = json_response(
                200, json::object{{"counted", outcome.first == app::SupportResult::counted},
                                  {"supporters", outcome.second}});
            for (const auto& header : cookie_carrier.headers) response.headers.push_back(header);
            return response;
        });
}

}  // namespace

std::unique_ptr<Component> make_theme_pages(Site& site) {
    return std::make_unique<ThemePages>(site);
}

}  // namespace kc::web
