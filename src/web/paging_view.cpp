#include "web/paging_view.hpp"

#include <algorithm>
#include <string>

#include "core/text.hpp"
#include "web/form_data.hpp"

namespace kc::web {

namespace {

using kainjow::mustache::data;

// The largest page number anyone can ask for; beyond it the offset would overflow nothing,
// but no list of a Werkplaats comes near it.
constexpr long long max_page_number = 1'000'000;

// The visit's path and query with page (and limit, when given) replaced.
std::string link_to_page(const Visit& visit, std::size_t number, const app::PageRequest& page,
                         bool with_limit) {
    const auto query = FormData::parse(visit.request.query).value_or(FormData{});
    std::string link = visit.site_prefix + visit.request.path;
    char separator = '?';
    for (const auto& [name, value] : query.fields()) {
        if (name == "page" || name == "limit") continue;
        link += separator + percent_encode(name) + "=" + percent_encode(value);
        separator = '&';
    }
    link += separator + std::string("page=") + std::to_string(number);
    if (with_limit) link += "&limit=" + std::to_string(page.size);
    return link;
}

}  // namespace

app::PageRequest page_request(const Visit& visit, std::size_t default_size, std::size_t max_size) {
    const auto query = FormData::parse(visit.request.query).value_or(FormData{});
    app::PageRequest page;
    page.number = static_cast<std::size_t>(
        text::parse_integer(query.get("page"), 1, max_page_number).value_or(1));
    page.size = static_cast<std::size_t>(
        text::parse_integer(query.get("limit"), 1, static_cast<long long>(max_size))
            .value_or(static_cast<long long>(default_size)));
    return page;
}

data pagination_data(const Visit& visit, std::size_t total, const app::PageRequest& page) {
    const std::size_t pages = page.size == 0 ? 0 : (total + page.size - 1) / page.size;
    if (pages <= 1 && page.number <= 1) return data(false);
    const bool with_limit = visit.request.query.find("limit=") != std::string::npos;
    data values(data::type::object);
    values.set("label", visit.text("paging.label"));
    values.set("position", visit.text("paging.page", static_cast<long long>(page.number)) + " " +
                               visit.text("paging.of") + " " +
                               std::to_string(std::max<std::size_t>(pages, 1)));
    if (page.number > 1) {
        values.set("previous",
                   link_to_page(visit, std::min(page.number - 1, std::max<std::size_t>(pages, 1)),
                                page, with_limit));
        values.set("previous_text", visit.text("paging.previous"));
    }
    if (page.number < pages) {
        values.set("next", link_to_page(visit, page.number + 1, page, with_limit));
        values.set("next_text", visit.text("paging.next"));
    }
    return values;
}

boost::json::object api_page(boost::json::array items, std::size_t total,
                             const app::PageRequest& page, const Visit& visit) {
    boost::json::object envelope;
    const bool has_next = page.offset() + items.size() < total;
    envelope["items"] = std::move(items);
    envelope["total"] = total;
    envelope["page"] = page.number;
    envelope["limit"] = page.size;
    if (has_next) {
        envelope["next"] = link_to_page(visit, page.number + 1, page, true);
    } else {
        envelope["next"] = nullptr;
    }
    return envelope;
}

}  // namespace kc::web
