#pragma once
// STAND-IN for the lead's contract.
#include <string>
#include "app/paging.hpp"
#include "domain/theme.hpp"
namespace kc::app {
struct ThemeFilter { std::int64_t werkplaats_id = 0; std::optional<domain::ThemeStatus> status; std::optional<std::int64_t> event_id; };
class ThemeQueries { public: virtual ~ThemeQueries() = default; virtual std::optional<domain::Theme> theme(std::int64_t id) = 0; virtual Page<domain::Theme> themes(const ThemeFilter& f, const PageRequest&) = 0; };
class ThemeWrites { public: virtual ~ThemeWrites() = default; virtual std::int64_t insert_theme(const domain::Theme&) = 0; };
}
