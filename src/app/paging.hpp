#pragma once
#include <cstddef>
#include <vector>
namespace kc::app {
struct PageRequest { std::size_t number = 1; std::size_t size = 25; std::size_t offset() const { return (number - 1) * size; } };
template <typename T> struct Page { std::vector<T> items; std::size_t total = 0; PageRequest request; std::size_t page_count() const; bool has_next() const; };
}
namespace kc::app {
template <typename T> std::size_t Page<T>::page_count() const { return request.size == 0 ? 0 : (total + request.size - 1) / request.size; }
template <typename T> bool Page<T>::has_next() const { return request.number < page_count(); }
}
