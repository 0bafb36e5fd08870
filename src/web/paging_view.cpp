// STAND-IN for the lead's contract.
#include "web/paging_view.hpp"

#include <algorithm>

#include "core/text.hpp"
#include "web/form_data.hpp"

namespace kc::web {

namespace {
FormData query_of(const Visit& visit) {
    return FormData::parse(visit.request.query).value_or(FormData{});
}
std::string link_to(const Visit& visit, std::size_t page, std::size_t limit) {
    std::string query;
    for (const auto& [name, value] : query_of(visit).fields()) {
        if (name == "page" || name == "limit") continue;
        query += name + "=" + percent_encode(value) + "&";
    }
    return visit.site_prefix + visit.request.path + "?" + query + "page=" + std::to_string(page) +
           "&limit=" + std::to_string(limit);
}
}  // namespace

app::PageRequest page_request(const Visit& visit, std::size_t default_size, std::size_t max_size) {
    const auto query = query_of(visit);
    app::PageRequest request;
    request.size = default_size;
    if (const auto page = text::parse_integer(query.get("page"), 1, 1'000'000)) {
        request.number = static_cast<std::size_t>(*page);
    }
    if (const auto limit = text::parse_integer(query.get("limit"), 1, 1'000'000)) {
        request.size = std::min<std::size_t>(static_cast<std::size_t>(*limit), max_size);
    }
    return request;
}

kainjow::mustache::data pagination_data(const Visit& visit, std::size_t total,
                                        const app::PageRequest& request) {
    kainjow::mustache::data data(kainjow::mustache::data::type::object);
    const std::size_t pages = (total + request.size - 1) / request.size;
    data.set("page_text", "Pagina " + std::to_string(request.number) + " van " +
                              std::to_string(std::max<std::size_t>(pages, 1)));
    if (request.number > 1) data.set("previous", link_to(visit, request.number - 1, request.size));
    if (request.number < pages) data.set("next", link_to(visit, request.number + 1, request.size));
    return data;
}

boost::json::object api_page(boost::json::array items, std::size_t total,
                             const app::PageRequest& request, const Visit& visit) {
    boost::json::object page;
    page["items"] = std::move(items);
    page["total"] = total;
    page["page"] = request.number;
    page["limit"] = request.size;
    if (request.number * request.size < total) {
        page["next"] = link_to(visit, request.number + 1, request.size);
    } else {
        page["next"] = nullptr;
    }
    return page;
}

}  // namespace kc::web
