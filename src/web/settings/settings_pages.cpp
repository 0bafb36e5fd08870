// The Werkplaats's settings: its stakeholder groups (admins) and its partner
// organisations (organisers).
#include <algorithm>

#include "app/werkplaats_settings.hpp"
#include "core/text.hpp"
#include "web/components.hpp"
#include "web/form_data.hpp"
#include "web/view_helpers.hpp"

namespace kc::web {

namespace {

using kainjow::mustache::data;

// The group rows as the admin sent them, in the order of their position numbers.
std::vector<app::GroupEdit> group_edits_from(const FormData& form) {
    struct Row {
        long long position;
        std::size_t row;
        app::GroupEdit edit;
    };
    std::vector<Row> rows;
    for (std::size_t row = 1; row <= app::max_groups + 1 && form.has(row_field("group_name", row));
         ++row) {
        app::GroupEdit edit;
        edit.id =
            text::parse_integer(form.get(row_field("group_id", row)), 0, INT64_MAX).value_or(-1);
        edit.name = form.get(row_field("group_name", row));
        edit.is_resident = form.get(row_field("group_resident", row)) == "ja";
        // An empty new row is simply not used.
        if (edit.id == 0 && text::trim(edit.name).empty()) continue;
        const auto position =
            text::parse_integer(form.get(row_field("group_position", row)), 0, 1000)
                .value_or(static_cast<long long>(row));
        rows.push_back({position, row, edit});
    }
    std::stable_sort(rows.begin(), rows.end(),
                     [](const Row& a, const Row& b) { return a.position < b.position; });
    std::vector<app::GroupEdit> edits;
    for (auto& row : rows) edits.push_back(std::move(row.edit));
    return edits;
}

std::vector<app::GroupEdit> stored_groups(app::Queries& queries, std::int64_t werkplaats_id) {
    std::vector<app::GroupEdit> groups;
    for (const auto& group : queries.groups(werkplaats_id)) {
        groups.push_back({group.id, group.name, group.is_resident});
    }
    return groups;
}

class SettingsPages final : public Component {
  public:
    explicit SettingsPages(Site& site) : site_(site) {}

    void add_routes(Routes& routes) override {
        routes.members("GET", "/beheer/instellingen", app::Role::organiser,
                       bind_handler(this, &SettingsPages::settings_page));
        routes.members("POST", "/beheer/instellingen/groepen", app::Role::admin,
                       bind_handler(this, &SettingsPages::groups_submit));
        routes.members("POST", "/beheer/instellingen/partners", app::Role::organiser,
                       bind_handler(this, &SettingsPages::partner_submit));
    }

  private:
    void settings_page(const VisitPtr& visit, const Access& access);
    void groups_submit(const VisitPtr& visit, const Access& access);
    void partner_submit(const VisitPtr& visit, const Access& access);
    Response settings_page_for(const VisitPtr& visit, const Access& access,
                               const std::vector<app::GroupEdit>& groups,
                               const FormData& partner_form, const FieldErrors& errors, int status);

    Site& site_;
};

Response SettingsPages::settings_page_for(const VisitPtr& visit, const Access& access,
                                          const std::vector<app::GroupEdit>& groups,
                                          const FormData& partner_form, const FieldErrors& errors,
                                          int status) {
    auto& queries = site_.store().read();
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
    values.set("is_admin", access.has_role(app::Role::admin));
    data partners(data::type::list);
    for (const auto& partner : queries.partners(access.werkplaats_id())) {
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
    return site_.page(visit, "settings", values, visit->text("settings.title"), status);
}

void SettingsPages::settings_page(const VisitPtr& visit, const Access& access) {
    site_.finish(visit,
                 settings_page_for(visit, access,
                                   stored_groups(site_.store().read(), access.werkplaats_id()),
                                   FormData{}, {}, 200));
}

void SettingsPages::groups_submit(const VisitPtr& visit, const Access& access) {
    auto edits = group_edits_from(visit->form);
    site_.write(
        visit,
        [werkplaats_id = access.werkplaats_id(), edits](app::Transaction& tx) {
            return app::save_groups(tx, werkplaats_id, edits);
        },
        [this, visit, &access, edits](const app::SettingsOutcome& outcome) {
            if (!outcome.saved) {
                return settings_page_for(visit, access, edits, FormData{}, outcome.errors, 422);
            }
            return site_.redirect("/beheer/instellingen?opgeslagen=ja");
        });
}

void SettingsPages::partner_submit(const VisitPtr& visit, const Access& access) {
    site_.write(
        visit,
        [werkplaats_id = access.werkplaats_id(), name = visit->form.get("partner_name"),
         website = visit->form.get("partner_website")](app::Transaction& tx) {
            return app::add_partner(tx, werkplaats_id, name, website);
        },
        [this, visit, &access](const app::SettingsOutcome& outcome) {
            if (outcome.saved) return site_.redirect("/beheer/instellingen?opgeslagen=ja#partners");
            return settings_page_for(visit, access,
                                     stored_groups(site_.store().read(), access.werkplaats_id()),
                                     visit->form, outcome.errors, 422);
        });
}

}  // namespace

std::unique_ptr<Component> make_settings_pages(Site& site) {
    return std::make_unique<SettingsPages>(site);
}

}  // namespace kc::web
