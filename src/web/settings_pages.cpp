// The Werkplaats's settings: its stakeholder groups (admins) and its partner
// organisations (organisers).
#include <algorithm>

#include "app/werkplaats_settings.hpp"
#include "core/text.hpp"
#include "web/view_helpers.hpp"
#include "web/web_app.hpp"

namespace kc::web {

namespace {

using kainjow::mustache::data;

std::string row_field(const char* name, std::size_t row) { return std::string(name) + "_" + std::to_string(row); }

// The group rows as the admin sent them, in the order of their position numbers.
std::vector<app::GroupEdit> group_edits_from(const FormData& form) {
    struct Row {
        long long position;
        std::size_t row;
        app::GroupEdit edit;
    };
    std::vector<Row> rows;
    for (std::size_t row = 1; row <= app::max_groups + 1 && form.has(row_field("group_name", row)); ++row) {
        app::GroupEdit edit;
        edit.id = text::parse_integer(form.get(row_field("group_id", row)), 0, INT64_MAX).value_or(-1);
        edit.name = form.get(row_field("group_name", row));
        edit.is_resident = form.get(row_field("group_resident", row)) == "ja";
        // An empty new row is simply not used.
        if (edit.id == 0 && text::trim(edit.name).empty()) continue;
        const auto position = text::parse_integer(form.get(row_field("group_position", row)), 0, 1000)
                                  .value_or(static_cast<long long>(row));
        rows.push_back({position, row, edit});
    }
    std::stable_sort(rows.begin(), rows.end(), [](const Row& a, const Row& b) { return a.position < b.position; });
    std::vector<app::GroupEdit> edits;
    for (auto& row : rows) edits.push_back(std::move(row.edit));
    return edits;
}

}  // namespace

Response WebApp::settings_page_for(const VisitPtr& visit, const std::vector<app::GroupEdit>& groups,
                                   const FormData& partner_form, const FieldErrors& errors, int status) {
    auto& queries = store_.read();
    data values(data::type::object);
    data rows(data::type::list);
    std::size_t row = 0;
    for (const auto& group : groups) {
        ++row;
        data item(data::type::object);
        item.set("row", std::to_string(row));
        item.set("id", std::to_string(group.id));
        item.set("name", group.name);
        item.set("position", std::to_string(row));
        item.set("is_resident", group.is_resident);
        rows.push_back(item);
    }
    data empty(data::type::object);
    empty.set("row", std::to_string(row + 1));
    empty.set("id", std::string("0"));
    empty.set("position", std::to_string(row + 1));
    empty.set("is_new", true);
    rows.push_back(empty);
    values.set("groups", rows);
    values.set("is_admin", visit->user->role == app::Role::admin);
    data partners(data::type::list);
    for (const auto& partner : queries.partners(visit->user->werkplaats_id)) {
        data item(data::type::object);
        item.set("name", partner.name);
        set_if_present(item, "website", partner.website);
        partners.push_back(item);
    }
    values.set("partners", partners);
    values.set("value_partner_name", partner_form.get("partner_name"));
    values.set("value_partner_website", partner_form.get("partner_website"));
    const auto query = FormData::parse(visit->request.query).value_or(FormData{});
    if (query.get("opgeslagen") == "ja") values.set("saved", true);
    set_field_errors(values, errors, *visit->texts);
    return page(visit, "settings", values, visit->text("settings.title"), status);
}

void WebApp::settings_page(const VisitPtr& visit) {
    if (!require_role(visit, app::Role::organiser)) return;
    std::vector<app::GroupEdit> groups;
    for (const auto& group : store_.read().groups(visit->user->werkplaats_id)) {
        groups.push_back({group.id, group.name, group.is_resident});
    }
    finish(visit, settings_page_for(visit, groups, FormData{}, {}, 200));
}

void WebApp::groups_submit(const VisitPtr& visit) {
    const auto form = authorised_form(visit, app::Role::admin);
    if (!form) return;
    auto edits = group_edits_from(*form);
    auto outcome = std::make_shared<app::SettingsOutcome>();
    const auto werkplaats_id = visit->user->werkplaats_id;
    write_then(
        visit, [outcome, werkplaats_id, edits](app::Transaction& tx) { *outcome = app::save_groups(tx, werkplaats_id, edits); },
        [this, visit, outcome, edits]() {
            if (!outcome->saved) return settings_page_for(visit, edits, FormData{}, outcome->errors, 422);
            return redirect("/beheer/instellingen?opgeslagen=ja");
        });
}

void WebApp::partner_submit(const VisitPtr& visit) {
    const auto form = authorised_form(visit, app::Role::organiser);
    if (!form) return;
    auto outcome = std::make_shared<app::SettingsOutcome>();
    const auto werkplaats_id = visit->user->werkplaats_id;
    write_then(
        visit,
        [outcome, werkplaats_id, name = form->get("partner_name"), website = form->get("partner_website")](
            app::Transaction& tx) { *outcome = app::add_partner(tx, werkplaats_id, name, website); },
        [this, visit, outcome, form = *form]() {
            if (outcome->saved) return redirect("/beheer/instellingen?opgeslagen=ja#partners");
            std::vector<app::GroupEdit> groups;
            for (const auto& group : store_.read().groups(visit->user->werkplaats_id)) {
                groups.push_back({group.id, group.name, group.is_resident});
            }
            return settings_page_for(visit, groups, form, outcome->errors, 422);
        });
}

}  // namespace kc::web
