#pragma once

#include <kainjow/mustache.hpp>
#include <string>
#include <string_view>
#include <vector>

#include "app/library_store.hpp"
#include "domain/publication.hpp"
#include "web/visit.hpp"

namespace kc::web {

// A search result's snippet as HTML: every piece escaped, the matched words in <mark>.
std::string snippet_html(const std::vector<app::SnippetPart>& parts);
// The same snippet as plain text, for the API.
std::string snippet_text(const std::vector<app::SnippetPart>& parts);

// The schema.org type of a kind of publication ("ScholarlyArticle", "Report", ...).
std::string_view schema_type(domain::PublicationKind kind);

// What a publication's JSON-LD says besides the publication itself.
struct PublicationLinks {
    std::string page_url;  // the publication's public page
    std::string file_url;  // its PDF, or empty
    std::string publisher;
    std::string kind_name;  // "Handreiking"
    std::vector<std::string> themes;
};

// The schema.org JSON-LD of a publication's page (a CreativeWork of the kind's type with
// name, authors as Person, datePublished, abstract, inLanguage nl, about its themes, url and
// its PDF as encoding), escaped so that no text in it can end the <script> element.
std::string publication_json_ld(const domain::Publication& publication,
                                const PublicationLinks& links);

// Publications as links for another page (a theme's, a café's): {path, title, kind} each,
// the path without the site's prefix.
kainjow::mustache::data publication_links(const Visit& visit,
                                          const std::vector<app::LibraryHit>& hits);

}  // namespace kc::web
