#pragma once

#include <boost/json/array.hpp>
#include <boost/json/object.hpp>
#include <cstddef>
#include <kainjow/mustache.hpp>

#include "app/paging.hpp"
#include "web/visit.hpp"

namespace kc::web {

// The page a visitor asked for with `?page=` and `?limit=`. A missing or malformed value
// gives the first page or the default size; a size above `max_size` is brought down to it,
// so no request can make a page unbounded.
app::PageRequest page_request(const Visit& visit, std::size_t default_size, std::size_t max_size);

// Template data for the `{{> pagination}}` partial: "Vorige · Pagina 2 van 7 · Volgende",
// whose links keep the visit's other query parameters. Empty (and so hidden) when the list
// fits on one page.
kainjow::mustache::data pagination_data(const Visit& visit, std::size_t total,
                                        const app::PageRequest& page);

// The envelope of every API list: {"items": [...], "total": N, "page": P, "limit": L,
// "next": the path of the next page or null}.
boost::json::object api_page(boost::json::array items, std::size_t total,
                             const app::PageRequest& page, const Visit& visit);

}  // namespace kc::web
