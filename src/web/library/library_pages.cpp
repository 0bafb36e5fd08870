// The knowledge library's pages. The public side searches a Werkplaats's publications
// (Dutch stemming, ranked, highlighted) and shows each with its JSON-LD and its PDF; the
// organisers' side adds, changes and deletes them. Deleting keeps a tombstone for harvesters,
// so a deleted publication's page answers 410 Gone.
#include "web/library/library_pages.hpp"

#include "core/text.hpp"
#include "web/components.hpp"
#include "web/library/library_views.hpp"
#include "web/paging_view.hpp"
#include "web/view_helpers.hpp"

namespace kc::web {

namespace {

using app::Role;
using kainjow::mustache::data;

const std::string manage_path = "/beheer/bibliotheek";

// A search page lists ten results, at most fifty; an organiser's list a few more.
constexpr std::size_t search_page_size = 10;
constexpr std::size_t manage_page_size = 25;
constexpr std::size_t max_page_size = 50;
// Themes and werkteams offered to choose from in a form or filter; a Werkplaats has a few
// dozen of each.
constexpr std::size_t link_choices = 100;
// Cafés offered to link a publication to: those of the last years and the coming ones.
constexpr time::Timestamp event_choice_window = 3 * 366 * 24 * 3600;

std::string kind_name(const Visit& visit, domain::PublicationKind kind) {
    return visit.text("library.kind." + std::string(domain::to_slug(kind)));
}

// A publication's public page under a site's prefix ("" or "/w/{slug}").
std::string publication_path(const std::string& site_prefix, std::int64_t id) {
    return site_prefix + app::publication_path(id);
}

std::vector<domain::Theme> themes_of(app::Queries& queries, std::int64_t werkplaats_id) {
    app::ThemeFilter filter;
    filter.werkplaats_id = werkplaats_id;
    return queries.themes(filter, app::PageRequest{1, link_choices}).items;
}

std::vector<domain::Werkteam> werkteams_of(app::Queries& queries, std::int64_t werkplaats_id) {
    return queries.werkteams({werkplaats_id, std::nullopt}, app::PageRequest{1, link_choices})
        .items;
}

// The records a publication links to by `ids` that `lookup` finds in its own Werkplaats, for
// its page and its JSON-LD.
template <typename Lookup>
auto linked_records(const std::vector<std::int64_t>& ids, std::int64_t werkplaats_id,
                    Lookup lookup) {
    std::vector<typename decltype(lookup(std::int64_t{}))::value_type> records;
    for (const auto id : ids) {
        if (auto record = lookup(id); record && record->werkplaats_id == werkplaats_id) {
            records.push_back(std::move(*record));
        }
    }
    return records;
}

data kind_options(const Visit& visit, const std::string& selected) {
    data kinds(data::type::list);
    for (const auto kind : domain::all_publication_kinds) {
        data option(data::type::object);
        option.set("slug", std::string(domain::to_slug(kind)));
        option.set("name", kind_name(visit, kind));
        option.set("selected", selected == domain::to_slug(kind));
        kinds.push_back(option);
    }
    return kinds;
}

// Themes or werkteams to choose from, with `name_of` giving what a person reads.
template <typename Record, typename NameOf>
data choice_options(const std::vector<Record>& records, const std::vector<std::int64_t>& selected,
                    NameOf name_of) {
    data options(data::type::list);
    for (const auto& record : records) {
        data option(data::type::object);
        option.set("id", std::to_string(record.id));
        option.set("title", name_of(record));
        option.set("selected",
                   std::find(selected.begin(), selected.end(), record.id) != selected.end());
        options.push_back(option);
    }
    return options;
}

data theme_options(const std::vector<domain::Theme>& themes,
                   const std::vector<std::int64_t>& selected) {
    return choice_options(themes, selected, [](const domain::Theme& theme) { return theme.title; });
}

data werkteam_options(const std::vector<domain::Werkteam>& werkteams,
                      const std::vector<std::int64_t>& selected) {
    return choice_options(werkteams, selected,
                          [](const domain::Werkteam& werkteam) { return werkteam.name; });
}

std::vector<std::int64_t> chosen(const std::optional<std::int64_t>& id) {
    return id ? std::vector{*id} : std::vector<std::int64_t>{};
}

// The search a visitor asked for with ?q=&kind=&theme=&werkteam=&year=; unknown values are
// ignored.
app::LibrarySearch search_of(const Visit& visit, std::int64_t werkplaats_id) {
    const auto query = FormData::parse(visit.request.query).value_or(FormData{});
    app::LibrarySearch search;
    search.werkplaats_id = werkplaats_id;
    // A search is a few words; a longer text is cut rather than refused, since it only
    // narrows what is found.
    search.words = query.get("q").substr(0, 200);
    search.kind = domain::publication_kind_from_slug(query.get("kind"));
    search.theme_id = text::parse_integer(query.get("theme"), 1, INT64_MAX);
    search.werkteam_id = text::parse_integer(query.get("werkteam"), 1, INT64_MAX);
    if (const auto year = text::parse_integer(query.get("year"), 1000, 9999)) {
        search.year = static_cast<int>(*year);
    }
    return search;
}

std::string joined(const std::vector<std::string>& names) {
    std::string text;
    for (const auto& name : names) {
        if (!text.empty()) text += ", ";
        text += name;
    }
    return text;
}

// One result of a search as template data, linking to the public site with that prefix.
data hit_data(const Visit& visit, const std::string& site_prefix, const app::LibraryHit& hit) {
    const auto& p = hit.publication;
    data item(data::type::object);
    item.set("id", std::to_string(p.id));
    item.set("href", publication_path(site_prefix, p.id));
    item.set("title", p.title);
    item.set("kind", kind_name(visit, p.kind));
    item.set("date", domain::format_calendar_date(p.published_on));
    set_if_present(item, "authors", joined(p.authors));
    const std::string snippet = snippet_html(hit.snippet);
    // Without search words there is no snippet; the summary tells what it is about.
    if (!snippet.empty()) {
        item.set("snippet_html", snippet);
    } else {
        set_if_present(item, "summary", p.summary);
    }
    item.set("has_file", p.file.has_value());
    return item;
}

std::vector<std::int64_t> ids_of(const std::vector<std::string>& values, FieldErrors& errors,
                                 const char* field) {
    std::vector<std::int64_t> ids;
    for (const auto& value : values) {
        if (const auto id = text::parse_integer(value, 1, INT64_MAX)) {
            ids.push_back(*id);
        } else {
            errors.push_back({field, "library.error.unknown_" + std::string(field)});
            break;
        }
    }
    return ids;
}

// The fields of the publication form: texts, kind, date, authors one per line, themes and
// cafés as ids, and the uploaded file if one was chosen.
PublicationForm read_form(const Visit& visit) {
    const FormData& form = visit.form;
    PublicationForm result;
    auto& p = result.publication;
    p.title = text::trim(form.get("title"));
    result.kind = form.get("kind");
    if (const auto kind = domain::publication_kind_from_slug(result.kind)) {
        p.kind = *kind;
    } else {
        result.errors.push_back({"kind", "library.error.kind"});
    }
    result.published_on = text::trim(form.get("published_on"));
    // An unreadable date stays impossible, which validation reports.
    p.published_on =
        domain::parse_calendar_date(result.published_on).value_or(domain::CalendarDate{0, 0, 0});
    const std::string authors = form.get("authors");
    for (std::size_t start = 0; start <= authors.size();) {
        auto end = authors.find('\n', start);
        if (end == std::string::npos) end = authors.size();
        auto author = text::trim(std::string_view(authors).substr(start, end - start));
        if (!author.empty()) p.authors.push_back(std::move(author));
        start = end + 1;
    }
    p.summary = text::trim(form.get("summary"));
    p.body = text::trim(form.get("body"));
    p.link = text::trim(form.get("link"));
    p.theme_ids = ids_of(form.get_all("themes"), result.errors, "themes");
    p.event_ids = ids_of(form.get_all("events"), result.errors, "events");
    p.werkteam_ids = ids_of(form.get_all("werkteams"), result.errors, "werkteams");
    for (const auto& file : visit.files) {
        // A file input left empty still sends a part, without a name or bytes.
        if (file.field == "file" && !(file.file_name.empty() && file.bytes.empty())) {
            result.file = app::FileUpload{file.bytes, file.file_name};
        }
    }
    return result;
}

PublicationForm form_of(const domain::Publication& publication) {
    PublicationForm form;
    form.publication = publication;
    form.kind = domain::to_slug(publication.kind);
    form.published_on = domain::format_calendar_date(publication.published_on);
    return form;
}

}  // namespace

bool is_library_upload_path(std::string_view path) {
    return path.starts_with(manage_path + "/") && !path.ends_with("/verwijderen");
}

void LibraryPages::add_routes(Routes& routes) {
    routes.open("GET", "/library", bind_handler(this, &LibraryPages::search_page));
    routes.open("GET", "/library/{id}", bind_handler(this, &LibraryPages::publication_page));
    routes.open("GET", "/library/{id}/bestand", bind_handler(this, &LibraryPages::file_download));

    const std::string one = manage_path + "/{publication}";
    routes.members("GET", manage_path, Role::organiser,
                   bind_handler(this, &LibraryPages::manage_page));
    routes.members("GET", manage_path + "/nieuw", Role::organiser,
                   bind_handler(this, &LibraryPages::new_page));
    routes.members("POST", manage_path + "/nieuw", Role::organiser,
                   bind_handler(this, &LibraryPages::save_submit));
    routes.members("GET", one, Role::organiser, bind_handler(this, &LibraryPages::edit_page));
    routes.members("POST", one, Role::organiser, bind_handler(this, &LibraryPages::save_submit));
    routes.members("GET", one + "/verwijderen", Role::organiser,
                   bind_handler(this, &LibraryPages::delete_page));
    routes.members("POST", one + "/verwijderen", Role::organiser,
                   bind_handler(this, &LibraryPages::delete_submit));

    routes.open("GET", "/api/v1/library", bind_handler(this, &LibraryPages::api_search));
    routes.members("POST", "/api/v1/library", Role::organiser,
                   bind_handler(this, &LibraryPages::api_create));
}

std::optional<domain::Publication> LibraryPages::site_publication(const Visit& visit) {
    auto publication = site_.store().read().publication(visit.params.id("id"));
    if (!publication || !visit.site || publication->werkplaats_id != visit.site->id) {
        return std::nullopt;
    }
    return publication;
}

void LibraryPages::search_page(const VisitPtr& visit) {
    auto& queries = site_.store().read();
    const std::int64_t werkplaats_id = visit->site ? visit->site->id : 0;
    const auto search = search_of(*visit, werkplaats_id);
    const auto request = page_request(*visit, search_page_size, max_page_size);
    const auto found = queries.search_publications(search, request);

    data values(data::type::object);
    values.set("q", search.words);
    values.set("has_words", !text::trim(search.words).empty());
    values.set("kinds",
               kind_options(*visit, search.kind ? std::string(domain::to_slug(*search.kind))
                                                : std::string()));
    values.set("themes", theme_options(themes_of(queries, werkplaats_id), chosen(search.theme_id)));
    const auto werkteams = werkteams_of(queries, werkplaats_id);
    values.set("werkteams", werkteam_options(werkteams, chosen(search.werkteam_id)));
    values.set("has_werkteams", !werkteams.empty());
    data years(data::type::list);
    for (const int year : queries.publication_years(werkplaats_id)) {
        data option(data::type::object);
        option.set("year", std::to_string(year));
        option.set("selected", search.year == year);
        years.push_back(option);
    }
    values.set("years", years);
    data hits(data::type::list);
    for (const auto& hit : found.items) hits.push_back(hit_data(*visit, visit->site_prefix, hit));
    values.set("hits", hits);
    values.set("has_hits", !found.items.empty());
    values.set("found_text", visit->text("library.found", static_cast<long long>(found.total)));
    values.set("paging", pagination_data(*visit, found.total, request));
    site_.finish(visit, site_.page(visit, "library_search", values, visit->text("library.title"),
                                   200, Forms::none));
}

void LibraryPages::publication_page(const VisitPtr& visit) {
    const auto publication = site_publication(*visit);
    if (!publication) return site_.respond_error(visit, 404, "library.error.not_found");
    if (publication->deleted_at) return site_.respond_error(visit, 410, "library.error.gone");
    auto& queries = site_.store().read();
    const auto& p = *publication;
    const std::string page_url = site_.site_url(*visit) + app::publication_path(p.id);

    data values(data::type::object);
    values.set("title", p.title);
    values.set("kind", kind_name(*visit, p.kind));
    values.set("date", domain::format_calendar_date(p.published_on));
    set_if_present(values, "authors", joined(p.authors));
    set_if_present(values, "summary", p.summary);
    set_if_present(values, "body", p.body);
    set_if_present(values, "link", p.link);
    if (p.file) {
        values.set("file_href", publication_path(visit->site_prefix, p.id) + "/bestand");
        values.set("file_size", visit->text("library.file_size",
                                            std::max<long long>(1, (p.file->size + 1023) / 1024)));
    }
    const auto themes = linked_records(p.theme_ids, p.werkplaats_id,
                                       [&](std::int64_t id) { return queries.theme(id); });
    PublicationLinks links;
    for (const auto& theme : themes) links.themes.push_back(theme.title);
    values.set("themes", theme_options(themes, {}));
    values.set("has_themes", !themes.empty());
    const auto werkteams = linked_records(p.werkteam_ids, p.werkplaats_id,
                                          [&](std::int64_t id) { return queries.werkteam(id); });
    values.set("werkteams", werkteam_options(werkteams, {}));
    values.set("has_werkteams", !werkteams.empty());
    data cafes(data::type::list);
    for (const auto event_id : p.event_ids) {
        if (const auto event = site_.public_event(*visit, event_id)) {
            cafes.push_back(site_.event_summary(visit, *event));
        }
    }
    values.set("has_cafes", !cafes.is_empty_list());
    values.set("cafes", cafes);
    links.page_url = page_url;
    if (p.file) links.file_url = page_url + "/bestand";
    links.kind_name = kind_name(*visit, p.kind);
    if (const auto werkplaats = queries.werkplaats(p.werkplaats_id)) {
        links.publisher = werkplaats->name;
    }
    values.set("json_ld", publication_json_ld(p, links));
    site_.finish(visit,
                 site_.page(visit, "library_publication", values, p.title, 200, Forms::none));
}

void LibraryPages::file_download(const VisitPtr& visit) {
    const auto publication = site_publication(*visit);
    if (!publication) return site_.respond_error(visit, 404, "library.error.not_found");
    if (publication->deleted_at) return site_.respond_error(visit, 410, "library.error.gone");
    auto bytes = publication->file ? site_.store().read().publication_file_bytes(publication->id)
                                   : std::nullopt;
    if (!bytes) return site_.respond_error(visit, 404, "library.error.no_file_here");
    Response response;
    response.content_type = publication->file->media_type;
    response.body = std::move(*bytes);
    // The stored name is already reduced to safe characters; it is quoted all the same.
    response.add_header(
        "Content-Disposition",
        "inline; filename=\"" + domain::safe_file_name(publication->file->original_name) + "\"");
    response.add_header("Cache-Control", "public, max-age=3600");
    site_.finish(visit, std::move(response));
}

void LibraryPages::manage_page(const VisitPtr& visit, const Access& access) {
    auto search = search_of(*visit, access.werkplaats_id());
    const auto request = page_request(*visit, manage_page_size, max_page_size);
    const auto found = site_.store().read().search_publications(search, request);
    data values(data::type::object);
    values.set("q", search.words);
    data rows(data::type::list);
    // The organiser's Werkplaats need not be the site this page came to.
    const std::string prefix = site_.site_prefix_for(*visit, access.werkplaats_id());
    values.set("public_library", prefix + "/library");
    for (const auto& hit : found.items) {
        data row = hit_data(*visit, prefix, hit);
        row.set("edit_href", manage_path + "/" + std::to_string(hit.publication.id));
        rows.push_back(row);
    }
    values.set("publications", rows);
    values.set("has_publications", !found.items.empty());
    values.set("found_text", visit->text("library.found", static_cast<long long>(found.total)));
    values.set("paging", pagination_data(*visit, found.total, request));
    site_.finish(visit,
                 site_.page(visit, "library_manage", values, visit->text("library.manage_title")));
}

void LibraryPages::new_page(const VisitPtr& visit, const Access& access) {
    PublicationForm form;
    form.kind = domain::to_slug(domain::PublicationKind::report);
    site_.finish(visit, form_response(visit, access, form, 200));
}

void LibraryPages::edit_page(const VisitPtr& visit, const Access& access) {
    site_.finish(visit, form_response(visit, access, form_of(access.publication()), 200));
}

Response LibraryPages::form_response(const VisitPtr& visit, const Access& access,
                                     const PublicationForm& form, int status) {
    auto& queries = site_.store().read();
    const auto& p = form.publication;
    const bool editing = access.publication_in_path.has_value();
    data values(data::type::object);
    values.set("action", editing ? manage_path + "/" + std::to_string(access.publication().id)
                                 : manage_path + "/nieuw");
    values.set("editing", editing);
    if (editing) {
        values.set("id", std::to_string(access.publication().id));
        values.set("public_href",
                   publication_path(site_.site_prefix_for(*visit, access.werkplaats_id()),
                                    access.publication().id));
        if (const auto& file = access.publication().file) {
            values.set("current_file", file->original_name);
        }
    }
    values.set("value_title", p.title);
    values.set("value_published_on", form.published_on);
    std::string authors;
    for (const auto& author : p.authors) authors += author + "\n";
    values.set("value_authors", authors);
    values.set("value_summary", p.summary);
    values.set("value_body", p.body);
    values.set("value_link", p.link);
    values.set("kinds", kind_options(*visit, form.kind));
    const auto themes = themes_of(queries, access.werkplaats_id());
    values.set("themes", theme_options(themes, p.theme_ids));
    values.set("has_themes", !themes.empty());
    const auto werkteams = werkteams_of(queries, access.werkplaats_id());
    values.set("werkteams", werkteam_options(werkteams, p.werkteam_ids));
    values.set("has_werkteams", !werkteams.empty());

    app::EventFilter filter;
    filter.werkplaats_id = access.werkplaats_id();
    filter.starts_from = site_.now() - event_choice_window;
    data events(data::type::list);
    for (const auto& event : queries.events(filter)) {
        data option(data::type::object);
        option.set("id", std::to_string(event.id));
        option.set("title", event.details.title + " (" +
                                time::format_date_input(event.details.starts_at) + ")");
        option.set("selected", std::find(p.event_ids.begin(), p.event_ids.end(), event.id) !=
                                   p.event_ids.end());
        events.push_back(option);
    }
    values.set("events", events);
    values.set("has_events", !events.is_empty_list());
    values.set("max_mb", std::to_string(domain::PublicationLimits::file_bytes / (1024 * 1024)));
    set_field_errors(values, form.errors, *visit->texts);
    return site_.page(visit, "library_form", values,
                      visit->text(editing ? "library.edit_title" : "library.new_title"), status);
}

Response LibraryPages::form_outcome(const VisitPtr& visit, const Access& access,
                                    PublicationForm form, const app::LibraryOutcome& outcome) {
    switch (outcome.result) {
        case app::LibraryResult::done:
            return site_.redirect(manage_path + "/" + std::to_string(outcome.publication_id) +
                                  "?opgeslagen=1");
        case app::LibraryResult::invalid:
            form.errors = outcome.errors;
            // A browser never sends a chosen file twice: say so when the form comes back.
            if (form.file) form.errors.push_back({"file", "library.error.choose_file_again"});
            return form_response(visit, access, form, 422);
        case app::LibraryResult::not_found:
            break;
    }
    return site_.error_page(visit, 404, "library.error.not_found");
}

void LibraryPages::save_submit(const VisitPtr& visit, const Access& access) {
    auto form = read_form(*visit);
    const bool editing = access.publication_in_path.has_value();
    if (editing) form.publication.id = access.publication().id;
    if (!form.errors.empty()) {
        form.errors = app::with_validation(std::move(form.errors), form.publication);
        return site_.finish(visit, form_response(visit, access, form, 422));
    }
    site_.write(
        visit,
        [werkplaats_id = access.werkplaats_id(), editing, publication = form.publication,
         file = form.file, now = site_.now()](app::Transaction& tx) {
            return editing ? app::update_publication(tx, werkplaats_id, publication, file, now)
                           : app::create_publication(tx, werkplaats_id, publication, file, now);
        },
        [this, visit, &access, form](const app::LibraryOutcome& outcome) {
            return form_outcome(visit, access, form, outcome);
        });
}

void LibraryPages::delete_page(const VisitPtr& visit, const Access& access) {
    data values(data::type::object);
    values.set("id", std::to_string(access.publication().id));
    values.set("title", access.publication().title);
    site_.finish(visit,
                 site_.page(visit, "library_delete", values, visit->text("library.delete_title")));
}

void LibraryPages::delete_submit(const VisitPtr& visit, const Access& access) {
    site_.write(
        visit,
        [werkplaats_id = access.werkplaats_id(), id = access.publication().id, now = site_.now()](
            app::Transaction& tx) { return app::delete_publication(tx, werkplaats_id, id, now); },
        [this, visit](const app::LibraryOutcome& outcome) {
            if (outcome.result != app::LibraryResult::done) {
                return site_.error_page(visit, 404, "library.error.not_found");
            }
            return site_.redirect(manage_path + "?verwijderd=1");
        });
}

std::unique_ptr<Component> make_library_pages(Site& site) {
    return std::make_unique<LibraryPages>(site);
}

}  // namespace kc::web
