#include "web/library/library_views.hpp"

#include <boost/json.hpp>

#include "app/library.hpp"
#include "reports/svg_chart.hpp"
#include "web/view_helpers.hpp"

namespace kc::web {

std::string snippet_html(const std::vector<app::SnippetPart>& parts) {
    std::string html;
    for (const auto& part : parts) {
        if (part.highlighted) html += "<mark>";
        html += reports::xml_escape(part.text);
        if (part.highlighted) html += "</mark>";
    }
    return html;
}

std::string snippet_text(const std::vector<app::SnippetPart>& parts) {
    std::string text;
    for (const auto& part : parts) text += part.text;
    return text;
}

std::string_view schema_type(domain::PublicationKind kind) {
    using domain::PublicationKind;
    switch (kind) {
        case PublicationKind::guide:
            return "HowTo";
        case PublicationKind::research_article:
            return "ScholarlyArticle";
        case PublicationKind::advisory_report:
        case PublicationKind::report:
            return "Report";
        case PublicationKind::blog:
            return "BlogPosting";
        case PublicationKind::column:
            return "OpinionNewsArticle";
        case PublicationKind::case_collection:
            return "Collection";
        case PublicationKind::magazine:
            return "PublicationIssue";
    }
    return "CreativeWork";
}

std::string publication_json_ld(const domain::Publication& publication,
                                const PublicationLinks& links) {
    namespace json = boost::json;
    json::object ld;
    ld["@context"] = "https://schema.org";
    ld["@type"] = schema_type(publication.kind);
    ld["name"] = publication.title;
    ld["genre"] = links.kind_name;
    json::array authors;
    for (const auto& author : publication.authors) {
        authors.push_back(json::object{{"@type", "Person"}, {"name", author}});
    }
    if (!authors.empty()) ld["author"] = std::move(authors);
    ld["datePublished"] = domain::format_calendar_date(publication.published_on);
    if (!publication.summary.empty()) ld["abstract"] = publication.summary;
    ld["inLanguage"] = "nl";
    ld["url"] = links.page_url;
    if (!publication.link.empty()) ld["sameAs"] = publication.link;
    if (!links.publisher.empty()) {
        ld["publisher"] = json::object{{"@type", "Organization"}, {"name", links.publisher}};
    }
    json::array about;
    for (const auto& theme : links.themes) {
        about.push_back(json::object{{"@type", "Thing"}, {"name", theme}});
    }
    if (!about.empty()) ld["about"] = std::move(about);
    if (publication.file && !links.file_url.empty()) {
        ld["encoding"] = json::object{{"@type", "MediaObject"},
                                      {"contentUrl", links.file_url},
                                      {"encodingFormat", publication.file->media_type},
                                      {"contentSize", std::to_string(publication.file->size)}};
    }
    return json_for_script(json::serialize(ld));
}

kainjow::mustache::data publication_links(const Visit& visit,
                                          const std::vector<app::LibraryHit>& hits) {
    kainjow::mustache::data list(kainjow::mustache::data::type::list);
    for (const auto& hit : hits) {
        kainjow::mustache::data item(kainjow::mustache::data::type::object);
        item.set("path", app::publication_path(hit.publication.id));
        item.set("title", hit.publication.title);
        item.set("kind",
                 visit.text("library.kind." + std::string(domain::to_slug(hit.publication.kind))));
        list.push_back(item);
    }
    return list;
}

}  // namespace kc::web
