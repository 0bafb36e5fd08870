// A café's harvest: organisers and the event's hosts record it on /beheer/events/{id}/oogst;
// a table host without an account does it from a phone through a harvest link
// (/oogst/{token}), which opens that one café's harvest and only the items it wrote.
#include "app/follow_up.hpp"
#include "core/text.hpp"
#include "reports/qr_code.hpp"
#include "web/follow_up/follow_up_parts.hpp"
#include "web/follow_up/follow_up_views.hpp"
#include "web/follow_up/live_harvest.hpp"
#include "web/paging_view.hpp"
#include "web/view_helpers.hpp"

namespace kc::web::follow_up {

namespace {

using app::Role;
using kainjow::mustache::data;

// A café's harvest page offers at most this many live questions to take results from.
constexpr std::size_t live_questions_offered = 100;
// A café's harvest page lists this many items at a time: a big world café on one page.
constexpr std::size_t items_per_page = 100;
constexpr std::size_t max_items_per_page = 200;

std::string harvest_path(std::int64_t event_id) {
    return "/beheer/events/" + std::to_string(event_id) + "/oogst";
}

std::optional<std::int64_t> id_field(const FormData& form, std::string_view name) {
    const auto id = text::parse_integer(form.get(name), 1, INT64_MAX);
    return id ? std::optional<std::int64_t>(*id) : std::nullopt;
}

// What a harvest form posts, and what the page shows in its form again.
struct HarvestForm {
    domain::HarvestItem item;
    std::int64_t editing_id = 0;
    FieldErrors errors;
};

HarvestForm with_errors(HarvestForm form, const FieldErrors& errors) {
    form.errors = errors;
    return form;
}

HarvestForm read_harvest_form(const FormData& form) {
    HarvestForm read;
    read.item = harvest_item_from_form(form, read.errors);
    read.editing_id = id_field(form, "item").value_or(0);
    return read;
}

// A harvest link just made: its token exists only in this answer.
struct NewLink {
    std::string url;
    std::string name;
};

class HarvestPages final : public Component {
  public:
    explicit HarvestPages(Site& site) : site_(site) {}

    void add_routes(Routes& routes) override {
        const std::string harvest = "/beheer/events/{id}/oogst";
        routes.members("GET", harvest, Role::host, bind_handler(this, &HarvestPages::page));
        routes.members("POST", harvest, Role::host, bind_handler(this, &HarvestPages::add));
        routes.members("POST", harvest + "/wijzigen", Role::host,
                       bind_handler(this, &HarvestPages::update));
        routes.members("POST", harvest + "/verwijderen", Role::host,
                       bind_handler(this, &HarvestPages::remove));
        routes.members("POST", harvest + "/live", Role::host,
                       bind_handler(this, &HarvestPages::live_take));
        routes.members("POST", harvest + "/links", Role::organiser,
                       bind_handler(this, &HarvestPages::link_create));
        routes.members("POST", harvest + "/links/intrekken", Role::organiser,
                       bind_handler(this, &HarvestPages::link_revoke));
        routes.open("GET", "/oogst/{token}", bind_handler(this, &HarvestPages::host_page));
        routes.open("POST", "/oogst/{token}", bind_handler(this, &HarvestPages::host_add));
        routes.open("POST", "/oogst/{token}/wijzigen",
                    bind_handler(this, &HarvestPages::host_update));
        routes.open("POST", "/oogst/{token}/verwijderen",
                    bind_handler(this, &HarvestPages::host_remove));
    }

  private:
    void page(const VisitPtr& visit, const Access& access);
    Response page_response(const VisitPtr& visit, const Access& access, const HarvestForm& form,
                           const std::optional<NewLink>& new_link = std::nullopt);
    void add(const VisitPtr& visit, const Access& access);
    void update(const VisitPtr& visit, const Access& access);
    void remove(const VisitPtr& visit, const Access& access);
    void live_take(const VisitPtr& visit, const Access& access);
    data live_questions_data(std::int64_t event_id);
    void link_create(const VisitPtr& visit, const Access& access);
    void link_revoke(const VisitPtr& visit, const Access& access);
    data links_data(const VisitPtr& visit, std::int64_t event_id);

    void host_page(const VisitPtr& visit);
    Response host_response(const VisitPtr& visit, const app::HarvestLinkAccess& link,
                           const HarvestForm& form);
    void host_add(const VisitPtr& visit);
    void host_update(const VisitPtr& visit);
    void host_remove(const VisitPtr& visit);
    // The link of the path, or an answer that it does not work (anymore).
    std::optional<app::HarvestLinkAccess> link_of(const VisitPtr& visit);

    // Runs `change(tx, link)` for the path's harvest link, checked again inside the
    // transaction since it may have been revoked meanwhile, and answers like write_item; a
    // refused form comes back as typed.
    template <typename Change>
    void host_write(const VisitPtr& visit, const HarvestForm& form, Change change) {
        const auto link = link_of(visit);
        if (!link) return;
        if (!form.errors.empty()) return site_.finish(visit, host_response(visit, *link, form));
        const std::string token = visit->params.get("token");
        write_item(
            visit,
            [token, change = std::move(change)](app::Transaction& tx) {
                const auto current = app::harvest_link_access(tx, token);
                if (!current) {
                    return app::FollowUpOutcome{app::FollowUpStatus::not_found, {}, 0, {}};
                }
                return change(tx, *current);
            },
            "/oogst/" + token,
            [this, visit, link = *link, form](const FieldErrors& errors) {
                return host_response(visit, link, with_errors(form, errors));
            });
    }

    // The form values of the item `?bewerk=` names, if `editable` lets this caller change it.
    HarvestForm editing_form(const VisitPtr& visit, std::int64_t event_id,
                             const std::function<bool(const domain::HarvestItem&)>& editable);
    // Sets the harvest form, the item list and its paging on a page.
    // `base` is where the page's forms post to.
    void set_harvest(const VisitPtr& visit, data& values, const std::string& base,
                     const domain::Event& event, const HarvestForm& form,
                     const app::HarvestFilter& filter);

    // Runs an item write and answers: back to `back` when done, the page with the form
    // again when invalid, 404 when the item is not (this caller's) to change.
    template <typename Job, typename Again>
    void write_item(const VisitPtr& visit, Job job, std::string back, Again again) {
        site_.write(visit, std::move(job),
                    [this, visit, back = std::move(back),
                     again = std::move(again)](const app::FollowUpOutcome& outcome) {
                        if (outcome.status == app::FollowUpStatus::invalid) {
                            return again(outcome.errors);
                        }
                        if (outcome.status != app::FollowUpStatus::done) {
                            return site_.error_page(visit, 404, "error.not_found");
                        }
                        return site_.redirect(back);
                    });
    }

    Site& site_;
};

HarvestForm HarvestPages::editing_form(
    const VisitPtr& visit, std::int64_t event_id,
    const std::function<bool(const domain::HarvestItem&)>& editable) {
    HarvestForm form;
    const auto wanted = id_field(query_of(*visit), "bewerk");
    if (!wanted) return form;
    const auto item = site_.store().read().harvest_item(*wanted);
    if (item && item->event_id == event_id && editable(*item)) {
        form.item = *item;
        form.editing_id = item->id;
    }
    return form;
}

void HarvestPages::set_harvest(const VisitPtr& visit, data& values, const std::string& base,
                               const domain::Event& event, const HarvestForm& form,
                               const app::HarvestFilter& filter) {
    auto& queries = site_.store().read();
    values.set("item_base", base);
    const auto request = page_request(*visit, items_per_page, max_items_per_page);
    const auto page = queries.harvest_items(filter, request);
    // Whoever reaches a harvest page may change what it lists: an organiser or the event's
    // host everything, a link only its own items, which are all its page lists.
    values.set("groups",
               items_by_kind(*visit, page.items, [](const domain::HarvestItem&) { return true; }));
    values.set("has_items", page.total > 0);
    values.set("item_count",
               visit->text("follow_up.item_count", static_cast<long long>(page.total)));
    values.set("paging", pagination_data(*visit, page.total, request));
    values.set("form",
               harvest_form_data(*visit, event, queries.world_cafe(event.id), form.item, true));
    values.set("editing", form.editing_id != 0);
    values.set("editing_id", std::to_string(form.editing_id));
    // The form has one choice for where an item came from, a table or a programme item.
    FieldErrors errors = form.errors;
    for (auto& error : errors) {
        if (error.field == "table" || error.field == "programme_item") error.field = "origin";
    }
    set_field_errors(values, errors, *visit->texts);
}

void HarvestPages::page(const VisitPtr& visit, const Access& access) {
    const auto everything = [](const domain::HarvestItem&) { return true; };
    site_.finish(visit,
                 page_response(visit, access, editing_form(visit, access.event().id, everything)));
}

Response HarvestPages::page_response(const VisitPtr& visit, const Access& access,
                                     const HarvestForm& form,
                                     const std::optional<NewLink>& new_link) {
    const auto& event = access.event();
    data values = site_.event_summary(visit, event);
    app::HarvestFilter filter;
    filter.event_id = event.id;
    const auto query = query_of(*visit);
    filter.kind = domain::harvest_kind_from_slug(query.get("soort"));
    set_harvest(visit, values, harvest_path(event.id), event, form, filter);
    data kind_filter(data::type::list);
    for (const auto kind : domain::all_harvest_kinds()) {
        data choice(data::type::object);
        choice.set("value", std::string(domain::to_slug(kind)));
        choice.set("label", visit->text("follow_up.kind." + std::string(domain::to_slug(kind))));
        choice.set("selected", filter.kind == kind);
        kind_filter.push_back(choice);
    }
    values.set("kind_filter", kind_filter);
    const auto live_questions = live_questions_data(event.id);
    values.set("has_live_questions", !live_questions.is_empty_list());
    values.set("live_questions", live_questions);
    const bool organiser = access.has_role(Role::organiser);
    values.set("can_manage_links", organiser);
    if (organiser) {
        const auto links = links_data(visit, event.id);
        values.set("has_links", !links.is_empty_list());
        values.set("links", links);
    }
    if (new_link) {
        data link(data::type::object);
        link.set("url", new_link->url);
        set_if_present(link, "name", new_link->name);
        link.set("qr", reports::qr_svg(reports::encode_qr(new_link->url),
                                       visit->text("follow_up.link_qr_label")));
        values.set("new_link", link);
    }
    return site_.page(visit, "follow_up_harvest", values,
                      visit->text("follow_up.harvest_title") + ": " + event.details.title,
                      form.errors.empty() ? 200 : 422);
}

data HarvestPages::links_data(const VisitPtr& visit, std::int64_t event_id) {
    data links(data::type::list);
    for (const auto& link : site_.store().read().harvest_links(event_id)) {
        data item(data::type::object);
        item.set("id", std::to_string(link.id));
        item.set("name", link.name.empty() ? visit->text("follow_up.link_unnamed") : link.name);
        item.set("created", long_date(link.created_at, *visit->texts));
        item.set("is_active", !link.revoked_at);
        links.push_back(item);
    }
    return links;
}

void HarvestPages::add(const VisitPtr& visit, const Access& access) {
    auto form = read_harvest_form(visit->form);
    if (!form.errors.empty()) return site_.finish(visit, page_response(visit, access, form));
    const app::Recorder recorder{{access.user.id, std::nullopt, access.user.name}};
    write_item(
        visit,
        [scope = access.event_scope(), item = form.item, recorder, now = site_.now()](
            app::Transaction& tx) { return app::add_harvest_item(tx, scope, item, recorder, now); },
        harvest_path(access.event().id),
        [this, visit, &access, form](const FieldErrors& errors) {
            return page_response(visit, access, with_errors(form, errors));
        });
}

void HarvestPages::update(const VisitPtr& visit, const Access& access) {
    auto form = read_harvest_form(visit->form);
    if (!form.errors.empty()) return site_.finish(visit, page_response(visit, access, form));
    const app::Recorder recorder{{access.user.id, std::nullopt, access.user.name}};
    write_item(
        visit,
        [scope = access.event_scope(), item = form.item, id = form.editing_id, recorder,
         now = site_.now()](app::Transaction& tx) {
            return app::update_harvest_item(tx, scope, id, item, recorder, now);
        },
        harvest_path(access.event().id),
        [this, visit, &access, form](const FieldErrors& errors) {
            return page_response(visit, access, with_errors(form, errors));
        });
}

void HarvestPages::remove(const VisitPtr& visit, const Access& access) {
    const app::Recorder recorder{{access.user.id, std::nullopt, access.user.name}};
    write_item(
        visit,
        [scope = access.event_scope(), id = id_field(visit->form, "item").value_or(0), recorder](
            app::Transaction& tx) { return app::delete_harvest_item(tx, scope, id, recorder); },
        harvest_path(access.event().id),
        [this, visit, &access](const FieldErrors& errors) {
            return page_response(visit, access, with_errors({}, errors));
        });
}

data HarvestPages::live_questions_data(std::int64_t event_id) {
    auto& queries = site_.store().read();
    data list(data::type::list);
    std::size_t offered = 0;
    for (const auto& session : queries.live_sessions(event_id)) {
        for (const auto& question : queries.live_questions(session.id)) {
            if (question.state == app::LiveQuestionState::waiting) continue;
            if (++offered > live_questions_offered) return list;
            data item(data::type::object);
            item.set("id", std::to_string(question.id));
            item.set("prompt", question.settings.prompt);
            item.set("session", session.title);
            list.push_back(item);
        }
    }
    return list;
}

void HarvestPages::live_take(const VisitPtr& visit, const Access& access) {
    const app::Recorder recorder{{access.user.id, std::nullopt, access.user.name}};
    write_item(
        visit,
        [scope = access.event_scope(), id = id_field(visit->form, "question").value_or(0),
         texts = visit->texts, recorder, now = site_.now()](app::Transaction& tx) {
            const auto result = stored_result(tx, scope.event_id, id);
            if (!result || result->question.state == app::LiveQuestionState::waiting) {
                return app::FollowUpOutcome{app::FollowUpStatus::invalid,
                                            {{"live", "follow_up.error.live_question"}},
                                            0,
                                            {}};
            }
            domain::HarvestItem item;
            item.text = live_result_text(*texts, result->question, result->results);
            return app::add_harvest_item(tx, scope, item, recorder, now);
        },
        harvest_path(access.event().id),
        [this, visit, &access](const FieldErrors& errors) {
            return page_response(visit, access, with_errors({}, errors));
        });
}

void HarvestPages::link_create(const VisitPtr& visit, const Access& access) {
    const std::string name = visit->form.get("name");
    site_.write(
        visit,
        [scope = access.event_scope(), name, user = access.user.id, now = site_.now()](
            app::Transaction& tx) { return app::create_harvest_link(tx, scope, name, user, now); },
        [this, visit, &access, name](const app::FollowUpOutcome& outcome) {
            if (outcome.status == app::FollowUpStatus::invalid) {
                return page_response(visit, access, with_errors({}, outcome.errors));
            }
            if (outcome.status != app::FollowUpStatus::done) {
                return site_.error_page(visit, 404, "error.not_found");
            }
            return page_response(
                visit, access, {},
                NewLink{site_.public_base_url() + "/oogst/" + outcome.token, text::trim(name)});
        });
}

void HarvestPages::link_revoke(const VisitPtr& visit, const Access& access) {
    write_item(
        visit,
        [scope = access.event_scope(), id = id_field(visit->form, "link").value_or(0),
         now = site_.now()](app::Transaction& tx) {
            return app::revoke_harvest_link(tx, scope, id, now);
        },
        harvest_path(access.event().id),
        [this, visit, &access](const FieldErrors& errors) {
            return page_response(visit, access, with_errors({}, errors));
        });
}

std::optional<app::HarvestLinkAccess> HarvestPages::link_of(const VisitPtr& visit) {
    auto link = app::harvest_link_access(site_.store().read(), visit->params.get("token"));
    if (!link) site_.respond_error(visit, 404, "follow_up.link_gone");
    return link;
}

void HarvestPages::host_page(const VisitPtr& visit) {
    const auto link = link_of(visit);
    if (!link) return;
    const auto own = [id = link->link.id](const domain::HarvestItem& item) {
        return item.author.link_id == id;
    };
    site_.finish(visit, host_response(visit, *link, editing_form(visit, link->event.id, own)));
}

Response HarvestPages::host_response(const VisitPtr& visit, const app::HarvestLinkAccess& link,
                                     const HarvestForm& form) {
    data values = site_.event_summary(visit, link.event);
    set_if_present(values, "host_name", link.link.name);
    values.set("token", visit->params.get("token"));
    app::HarvestFilter filter;
    filter.event_id = link.event.id;
    filter.link_id = link.link.id;
    set_harvest(visit, values, "/oogst/" + visit->params.get("token"), link.event, form, filter);
    return site_.page(visit, "follow_up_host", values,
                      visit->text("follow_up.harvest_title") + ": " + link.event.details.title,
                      form.errors.empty() ? 200 : 422);
}

void HarvestPages::host_add(const VisitPtr& visit) {
    const auto form = read_harvest_form(visit->form);
    host_write(visit, form,
               [item = form.item, now = site_.now()](app::Transaction& tx,
                                                     const app::HarvestLinkAccess& link) {
                   return app::add_harvest_item(tx, link.scope(), item, link.recorder(), now);
               });
}

void HarvestPages::host_update(const VisitPtr& visit) {
    const auto form = read_harvest_form(visit->form);
    host_write(visit, form,
               [item = form.item, id = form.editing_id, now = site_.now()](
                   app::Transaction& tx, const app::HarvestLinkAccess& link) {
                   return app::update_harvest_item(tx, link.scope(), id, item, link.recorder(),
                                                   now);
               });
}

void HarvestPages::host_remove(const VisitPtr& visit) {
    host_write(visit, {},
               [id = id_field(visit->form, "item").value_or(0)](
                   app::Transaction& tx, const app::HarvestLinkAccess& link) {
                   return app::delete_harvest_item(tx, link.scope(), id, link.recorder());
               });
}

}  // namespace

std::unique_ptr<Component> make_harvest_pages(Site& site) {
    return std::make_unique<HarvestPages>(site);
}

}  // namespace kc::web::follow_up
