// The library's JSON API (docs/api.md): a public ranked search and, with an organiser's
// token, adding a publication.
#include <boost/json.hpp>

#include "core/text.hpp"
#include "web/json_answers.hpp"
#include "web/json_body.hpp"
#include "web/library/library_pages.hpp"
#include "web/library/library_views.hpp"
#include "web/paging_view.hpp"
#include "web/view_helpers.hpp"

namespace kc::web {

namespace {

namespace json = boost::json;

using validation::Presence;

constexpr std::size_t api_page_size = 20;
constexpr std::size_t api_max_page_size = 100;

// A member that must be a list when present, each item of which `take` turns into a value;
// adds `error_key` for the field when it is something else.
template <typename T, typename Take>
std::vector<T> list_member(const json::object& body, std::string_view name, const char* error_key,
                           FieldErrors& errors, Take take) {
    std::vector<T> values;
    const auto* value = body.if_contains(name);
    if (!value || value->is_null()) return values;
    const auto* list = value->if_array();
    bool good = list != nullptr;
    for (std::size_t i = 0; good && i < list->size(); ++i) {
        auto taken = take((*list)[i]);
        good = taken.has_value();
        if (good) values.push_back(std::move(*taken));
    }
    if (good) return values;
    errors.push_back({std::string(name), error_key});
    return {};
}

std::optional<std::int64_t> positive_id(const json::value& item) {
    if (!item.is_int64() || item.get_int64() <= 0) return std::nullopt;
    return item.get_int64();
}

std::optional<std::string> trimmed_text(const json::value& item) {
    if (!item.is_string()) return std::nullopt;
    return text::trim(std::string_view(item.get_string()));
}

// The 422 answer, naming the theme, café and werkteam ids that are not the Werkplaats's.
Response refusal(const Visit& visit, const app::LibraryOutcome& outcome) {
    auto body = json::parse(error_json("invalid", visit.text("error.check_fields"), outcome.errors,
                                       *visit.texts))
                    .as_object();
    const auto name = [&](const char* member, const std::vector<std::int64_t>& ids) {
        if (!ids.empty()) body[member] = json::value_from(ids);
    };
    name("unknown_themes", outcome.unknown_themes);
    name("unknown_events", outcome.unknown_events);
    name("unknown_werkteams", outcome.unknown_werkteams);
    return json_text_response(422, json::serialize(body));
}

}  // namespace

void LibraryPages::api_search(const VisitPtr& visit) {
    const std::int64_t werkplaats_id = visit->site ? visit->site->id : 0;
    app::LibrarySearch search;
    search.werkplaats_id = werkplaats_id;
    const auto query = FormData::parse(visit->request.query).value_or(FormData{});
    search.words = query.get("q").substr(0, 200);
    FieldErrors errors;
    if (query.has("kind") && !query.get("kind").empty()) {
        search.kind = domain::publication_kind_from_slug(query.get("kind"));
        if (!search.kind) errors.push_back({"kind", "library.error.kind"});
    }
    const auto id_filter = [&](const char* name, std::optional<std::int64_t>& filter) {
        if (!query.has(name) || query.get(name).empty()) return;
        filter = text::parse_integer(query.get(name), 1, INT64_MAX);
        if (!filter) errors.push_back({name, "library.error.id_list"});
    };
    id_filter("theme", search.theme_id);
    id_filter("werkteam", search.werkteam_id);
    if (query.has("year") && !query.get("year").empty()) {
        const auto year = text::parse_integer(query.get("year"), 1000, 9999);
        if (year) search.year = static_cast<int>(*year);
        if (!year) errors.push_back({"year", "library.error.year"});
    }
    if (!errors.empty()) {
        return site_.finish(visit,
                            json_error(*visit, 422, "invalid", "error.check_fields", errors));
    }
    const auto request = page_request(*visit, api_page_size, api_max_page_size);
    const auto found = site_.store().read().search_publications(search, request);
    json::array items;
    const std::string base = site_.site_url(*visit);
    for (const auto& hit : found.items) {
        const auto& p = hit.publication;
        items.push_back(json::object{
            {"id", p.id},
            {"title", p.title},
            {"kind", domain::to_slug(p.kind)},
            {"published_on", domain::format_calendar_date(p.published_on)},
            {"snippet", hit.snippet.empty() ? p.summary : snippet_text(hit.snippet)},
            {"snippet_html", snippet_html(hit.snippet)},
            {"url", base + app::publication_path(p.id)},
        });
    }
    site_.finish(
        visit, json_text_response(
                   200, json::serialize(api_page(std::move(items), found.total, request, *visit))));
}

void LibraryPages::api_create(const VisitPtr& visit, const Access& access) {
    std::string problem;
    const auto body = read_json_body(*visit, problem);
    if (!body) return site_.finish(visit, body_refusal(*visit, problem));
    FieldErrors errors;
    domain::Publication p;
    p.title = text::trim(string_member(*body, "title", Presence::required, errors));
    const std::string kind = string_member(*body, "kind", Presence::required, errors);
    if (const auto parsed = domain::publication_kind_from_slug(kind)) {
        p.kind = *parsed;
    } else if (!kind.empty()) {
        errors.push_back({"kind", "library.error.kind"});
    }
    p.summary = text::trim(string_member(*body, "summary", Presence::optional, errors));
    p.body = text::trim(string_member(*body, "body", Presence::optional, errors));
    p.link = text::trim(string_member(*body, "link", Presence::optional, errors));
    const std::string date = string_member(*body, "published_on", Presence::required, errors);
    p.published_on = domain::parse_calendar_date(date).value_or(domain::CalendarDate{0, 0, 0});
    p.authors =
        list_member<std::string>(*body, "authors", "library.error.text_list", errors, trimmed_text);
    p.theme_ids =
        list_member<std::int64_t>(*body, "themes", "library.error.id_list", errors, positive_id);
    p.event_ids =
        list_member<std::int64_t>(*body, "events", "library.error.id_list", errors, positive_id);
    p.werkteam_ids =
        list_member<std::int64_t>(*body, "werkteams", "library.error.id_list", errors, positive_id);
    if (!errors.empty()) {
        app::LibraryOutcome outcome;
        outcome.errors = app::with_validation(std::move(errors), p);
        return site_.finish(visit, refusal(*visit, outcome));
    }
    site_.write(
        visit,
        [werkplaats_id = access.werkplaats_id(), p, now = site_.now()](app::Transaction& tx) {
            return app::create_publication(tx, werkplaats_id, p, std::nullopt, now);
        },
        [visit](const app::LibraryOutcome& outcome) {
            if (outcome.result != app::LibraryResult::done) {
                return refusal(*visit, outcome);
            }
            return json_text_response(
                201, json::serialize(json::object{{"id", outcome.publication_id}}));
        });
}

}  // namespace kc::web
