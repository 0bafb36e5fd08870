#include "web/follow_up/follow_up_views.hpp"

#include <map>

#include "core/text.hpp"
#include "web/paging_view.hpp"
#include "web/view_helpers.hpp"

namespace kc::web::follow_up {

namespace {

using kainjow::mustache::data;

constexpr std::string_view table_prefix = "table:";
constexpr std::string_view programme_prefix = "programme:";

data option(const std::string& value, const std::string& label, bool selected) {
    data item(data::type::object);
    item.set("value", value);
    item.set("label", label);
    item.set("selected", selected);
    return item;
}

std::string kind_text(const Visit& visit, domain::HarvestKind kind) {
    return visit.text("follow_up.kind." + std::string(domain::to_slug(kind)));
}

std::string status_text(const Visit& visit, domain::ActionStatus status) {
    return visit.text("follow_up.status." + std::string(domain::to_slug(status)));
}

}  // namespace

std::string origin_text(const Visit& visit, const domain::HarvestOrigin& origin) {
    if (!origin.table.empty()) {
        return visit.text("follow_up.origin_table") + " " + origin.table + ", " +
               visit.text("follow_up.origin_round", origin.round);
    }
    if (!origin.programme_item.empty()) {
        return visit.text("follow_up.origin_programme") + " " + origin.programme_item;
    }
    return visit.text("follow_up.origin_whole");
}

data item_data(const Visit& visit, const domain::HarvestItem& item, bool editable) {
    data values(data::type::object);
    values.set("id", std::to_string(item.id));
    values.set("kind", std::string(domain::to_slug(item.kind)));
    values.set("kind_text", kind_text(visit, item.kind));
    values.set("text", item.text);
    values.set("origin", origin_text(visit, item.origin));
    set_if_present(values, "author", item.author.name);
    values.set("editable", editable);
    return values;
}

data items_by_kind(const Visit& visit, const std::vector<domain::HarvestItem>& items,
                   const std::function<bool(const domain::HarvestItem&)>& editable) {
    data groups(data::type::list);
    std::size_t at = 0;
    while (at < items.size()) {
        const auto kind = items[at].kind;
        data list(data::type::list);
        for (; at < items.size() && items[at].kind == kind; ++at) {
            list.push_back(item_data(visit, items[at], editable(items[at])));
        }
        data group(data::type::object);
        group.set("kind_text", kind_text(visit, kind));
        group.set("items", list);
        groups.push_back(group);
    }
    return groups;
}

data harvest_form_data(const Visit& visit, const domain::Event& event,
                       const std::optional<domain::WorldCafe>& cafe,
                       const domain::HarvestItem& values, bool include_quotes) {
    data form(data::type::object);
    data kinds(data::type::list);
    for (const auto kind : domain::all_harvest_kinds()) {
        if (!include_quotes && !domain::is_public(kind)) continue;
        kinds.push_back(option(std::string(domain::to_slug(kind)), kind_text(visit, kind),
                               kind == values.kind));
    }
    form.set("kinds", kinds);
    form.set("text", values.text);
    const auto& origin = values.origin;
    data origins(data::type::list);
    origins.push_back(option("", visit.text("follow_up.origin_whole"), origin.is_whole_cafe()));
    if (cafe) {
        for (const auto& table : cafe->tables) {
            origins.push_back(option(std::string(table_prefix) + table.name,
                                     visit.text("follow_up.origin_table") + " " + table.name,
                                     origin.table == table.name));
        }
    }
    for (const auto& item : event.details.programme) {
        origins.push_back(
            option(std::string(programme_prefix) + item.title,
                   visit.text("follow_up.origin_programme") + " " + item.time + " " + item.title,
                   origin.programme_item == item.title));
    }
    form.set("origins", origins);
    data rounds(data::type::list);
    rounds.push_back(option("", visit.text("follow_up.no_round"), origin.round == 0));
    for (int round = 1; cafe && round <= cafe->rounds(); ++round) {
        rounds.push_back(option(std::to_string(round), visit.text("follow_up.origin_round", round),
                                origin.round == round));
    }
    form.set("rounds", rounds);
    form.set("has_rounds", cafe && cafe->rounds() > 0);
    return form;
}

domain::HarvestItem harvest_item_from_form(const FormData& form, FieldErrors& errors) {
    domain::HarvestItem item;
    if (const auto kind = domain::harvest_kind_from_slug(form.get("kind"))) {
        item.kind = *kind;
    } else {
        errors.push_back({"kind", "error.choose_option"});
    }
    item.text = form.get("text");
    const std::string origin = form.get("origin");
    if (origin.starts_with(table_prefix)) {
        item.origin.table = origin.substr(table_prefix.size());
    } else if (origin.starts_with(programme_prefix)) {
        item.origin.programme_item = origin.substr(programme_prefix.size());
    } else if (!origin.empty()) {
        errors.push_back({"origin", "error.choose_option"});
    }
    const std::string round = text::trim(form.get("round"));
    if (!round.empty()) {
        if (const auto number = text::parse_integer(round, 1, 100)) {
            item.origin.round = static_cast<int>(*number);
        } else {
            errors.push_back({"round", "error.choose_option"});
        }
    }
    return item;
}

data action_data(const Visit& visit, const domain::Action& action, const ActionView& view) {
    data values(data::type::object);
    values.set("id", std::to_string(action.id));
    values.set("event_id", std::to_string(action.event_id));
    values.set("description", action.draft.description);
    values.set("owner", action.draft.owner);
    if (view.show_contact) set_if_present(values, "contact", action.draft.contact);
    values.set("due_on", action.draft.due_on);
    if (const auto due = time::parse_iso8601(action.draft.due_on + "T12:00")) {
        values.set("due_text", long_date(*due, *visit.texts));
    }
    values.set("status", std::string(domain::to_slug(action.status)));
    values.set("status_text", status_text(visit, action.status));
    values.set("is_overdue", domain::is_overdue(action, view.today));
    data history(data::type::list);
    const auto& updates = action.history;
    const std::size_t first = view.history_limit != 0 && updates.size() > view.history_limit
                                  ? updates.size() - view.history_limit
                                  : 0;
    for (std::size_t index = updates.size(); index-- > first;) {
        const auto& update = updates[index];
        data entry(data::type::object);
        entry.set("date", long_date(update.at, *visit.texts));
        entry.set("datetime", time::format_iso8601_amsterdam(update.at));
        entry.set("status_text", status_text(visit, update.status));
        entry.set("status", std::string(domain::to_slug(update.status)));
        set_if_present(entry, "text", update.text);
        history.push_back(entry);
    }
    values.set("history", history);
    if (first > 0) {
        values.set("earlier_updates",
                   visit.text("follow_up.earlier_updates", static_cast<long long>(first)));
    }
    return values;
}

data status_options(const Visit& visit, std::optional<domain::ActionStatus> selected,
                    const std::string& any_label) {
    data options(data::type::list);
    if (!any_label.empty()) options.push_back(option("", any_label, !selected));
    for (const auto status : domain::all_action_statuses()) {
        options.push_back(option(std::string(domain::to_slug(status)), status_text(visit, status),
                                 selected == status));
    }
    return options;
}

domain::ActionDraft action_draft_from_form(const FormData& form) {
    return {form.get("description"), form.get("owner"), form.get("contact"), form.get("due_on")};
}

app::ActionFilter action_filter_from_query(const FormData& query, std::int64_t werkplaats_id,
                                           const std::string& today) {
    app::ActionFilter filter;
    filter.werkplaats_id = werkplaats_id;
    filter.status = domain::action_status_from_slug(query.get("status"));
    filter.owner = text::trim(query.get("organisatie"));
    if (query.get("te_laat") == "1") filter.overdue_on = today;
    return filter;
}

void set_action_list(const Visit& visit, app::Queries& queries, data& values,
                     const app::ActionFilter& filter, const app::Page<domain::Action>& page,
                     const ActionView& view, const std::string& filter_action) {
    // A page shows a few cafés' actions: each café's title is read once.
    std::map<std::int64_t, std::string> event_titles;
    data list(data::type::list);
    for (const auto& action : page.items) {
        auto [title, fresh] = event_titles.try_emplace(action.event_id);
        if (fresh) {
            const auto event = queries.event(action.event_id);
            title->second = event ? event->details.title : std::string();
        }
        data item = action_data(visit, action, view);
        item.set("event_title", title->second);
        list.push_back(item);
    }
    values.set("actions", list);
    values.set("has_actions", page.total > 0);
    values.set("total_text",
               visit.text("follow_up.action_count", static_cast<long long>(page.total)));
    values.set("paging", pagination_data(visit, page.total, page.request));
    values.set("status_options",
               status_options(visit, filter.status, visit.text("follow_up.any_status")));
    data owners(data::type::list);
    for (const auto& owner : queries.action_owners(filter.werkplaats_id)) {
        data choice(data::type::object);
        choice.set("value", owner);
        choice.set("selected", owner == filter.owner);
        owners.push_back(choice);
    }
    values.set("owners", owners);
    values.set("overdue_checked", filter.overdue_on.has_value());
    values.set("filter_action", filter_action);
}

FormData query_of(const Visit& visit) {
    return FormData::parse(visit.request.query).value_or(FormData{});
}

}  // namespace kc::web::follow_up
