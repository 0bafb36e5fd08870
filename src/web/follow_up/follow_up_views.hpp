#pragma once

#include <functional>
#include <kainjow/mustache.hpp>
#include <optional>
#include <string>
#include <vector>

#include "app/follow_up_store.hpp"
#include "app/store.hpp"
#include "domain/action.hpp"
#include "domain/event.hpp"
#include "domain/harvest.hpp"
#include "domain/world_cafe.hpp"
#include "web/form_data.hpp"
#include "web/visit.hpp"

// Template data for the harvest and action pages, built from plain values, and the forms
// read back into domain values. Shared by the organiser's pages, the host's phone page, the
// public pages and the API.
namespace kc::web::follow_up {

// "Tafel Oranje, ronde 2", "Programma: Welkom" or "Het hele café".
std::string origin_text(const Visit& visit, const domain::HarvestOrigin& origin);

// One item as {id, kind, kind_text, text, origin, author, editable}.
kainjow::mustache::data item_data(const Visit& visit, const domain::HarvestItem& item,
                                  bool editable);

// Items grouped by kind, in the order they come (the store sorts by kind):
// [{kind_text, items: [...]}].
kainjow::mustache::data items_by_kind(
    const Visit& visit, const std::vector<domain::HarvestItem>& items,
    const std::function<bool(const domain::HarvestItem&)>& editable);

// The harvest form's fields: the kinds (with `values.kind` chosen), where it came from (the
// café's tables, the programme's items) and the rounds, with the values typed.
kainjow::mustache::data harvest_form_data(const Visit& visit, const domain::Event& event,
                                          const std::optional<domain::WorldCafe>& cafe,
                                          const domain::HarvestItem& values, bool include_quotes);

// Reads kind, text, origin ("", "table:NAME" or "programme:TITLE") and round from a form.
// An unknown kind or a round that is no number adds an error.
domain::HarvestItem harvest_item_from_form(const FormData& form, FieldErrors& errors);

// An action for a page. `history_limit` keeps the latest updates only (0: all); public pages
// leave out the contact.
struct ActionView {
    std::string today;
    std::size_t history_limit = 0;
    bool show_contact = false;
};
kainjow::mustache::data action_data(const Visit& visit, const domain::Action& action,
                                    const ActionView& view);

// The statuses as <option>s, `selected` chosen; `any_label` adds a first empty choice.
kainjow::mustache::data status_options(const Visit& visit,
                                       std::optional<domain::ActionStatus> selected,
                                       const std::string& any_label = "");

domain::ActionDraft action_draft_from_form(const FormData& form);

// The filter of an action list within a Werkplaats from its query: `status`, `organisatie`
// (the owner) and `te_laat=1` (only overdue ones, `today` being "YYYY-MM-DD").
app::ActionFilter action_filter_from_query(const FormData& query, std::int64_t werkplaats_id,
                                           const std::string& today);

// An action list with its filter form (follow_up_filters.mustache) posting to `filter_action`:
// each action with its café's title, the count, the paging and the choices of the filters.
void set_action_list(const Visit& visit, app::Queries& queries, kainjow::mustache::data& values,
                     const app::ActionFilter& filter, const app::Page<domain::Action>& page,
                     const ActionView& view, const std::string& filter_action);

// The form fields of a query string ("?status=open&page=2"), empty when it is malformed.
FormData query_of(const Visit& visit);

}  // namespace kc::web::follow_up
