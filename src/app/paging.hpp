#pragma once

#include <cstddef>
#include <vector>

namespace kc::app {

// Which slice of a long list to read: page `number` (from 1) of `size` items. Every list
// that grows with the years (themes, harvest, actions, the library, the agenda) is read a
// page at a time, so that a page stays small after ten years of cafés.
struct PageRequest {
    std::size_t number = 1;
    std::size_t size = 25;

    std::size_t offset() const { return (number > 0 ? number - 1 : 0) * size; }
};

// One page of a list and the size of the whole list.
template <typename T>
struct Page {
    std::vector<T> items;
    std::size_t total = 0;
    PageRequest request;

    std::size_t page_count() const {
        return request.size == 0 ? 0 : (total + request.size - 1) / request.size;
    }
    bool has_next() const { return request.offset() + items.size() < total; }
};

}  // namespace kc::app
