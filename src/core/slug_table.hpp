#pragma once

#include <array>
#include <cstddef>
#include <optional>
#include <string_view>
#include <utility>
#include <vector>

namespace kc {

// The stable names of an enum's values, as storage, URLs, JSON and translation keys use them.
// One table per enum, so that the name and the value cannot drift apart between the two
// directions.
template <typename Enum, std::size_t count>
struct SlugTable {
    std::array<std::pair<Enum, std::string_view>, count> entries;

    // Empty for a value the table does not list.
    constexpr std::string_view slug(Enum value) const {
        for (const auto& [candidate, name] : entries) {
            if (candidate == value) return name;
        }
        return {};
    }

    constexpr std::optional<Enum> value(std::string_view slug) const {
        for (const auto& [candidate, name] : entries) {
            if (name == slug) return candidate;
        }
        return std::nullopt;
    }

    // Every value, in the table's order.
    std::vector<Enum> values() const {
        std::vector<Enum> result;
        for (const auto& entry : entries) result.push_back(entry.first);
        return result;
    }
};

}  // namespace kc
