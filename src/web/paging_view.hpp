#pragma once
#include <boost/json.hpp>
#include <kainjow/mustache.hpp>
#include "app/paging.hpp"
#include "web/visit.hpp"
namespace kc::web {
app::PageRequest page_request(const Visit& visit, std::size_t default_size, std::size_t max_size);
kainjow::mustache::data pagination_data(const Visit&, std::size_t total, const app::PageRequest&);
boost::json::object api_page(boost::json::array items, std::size_t total, const app::PageRequest&, const Visit&);
}
