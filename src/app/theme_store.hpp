#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "app/paging.hpp"
#include "core/time.hpp"
#include "domain/theme.hpp"

namespace kc::app {

// Which themes a list shows; the Werkplaats is always named.
struct ThemeFilter {
    std::int64_t werkplaats_id = 0;
    std::optional<domain::ThemeStatus> status;
    std::optional<std::int64_t> event_id;
};

// The theme-agenda reads; `Queries` extends this (src/storage/sqlite/sqlite_themes.cpp).
class ThemeQueries {
  public:
    virtual ~ThemeQueries() = default;

    virtual std::optional<domain::Theme> theme(std::int64_t id) = 0;
    // Most supported first, then newest first.
    virtual Page<domain::Theme> themes(const ThemeFilter& filter, const PageRequest& page) = 0;
};

// The theme-agenda writes; `Transaction` extends this.
class ThemeWrites {
  public:
    virtual ~ThemeWrites() = default;

    // Returns the new id; the theme's own id and supporters are ignored.
    virtual std::int64_t insert_theme(const domain::Theme& theme) = 0;
    // Everything but the proposal time and the supporters.
    virtual void update_theme(const domain::Theme& theme) = 0;
    // False when this supporter already supported the theme; the count then stays as it is.
    virtual bool add_theme_support(std::int64_t theme_id, const std::string& supporter_key,
                                   time::Timestamp at) = 0;
    // The café a theme is scheduled for belongs to the theme; nullopt unlinks it.
    virtual void set_event_theme(std::int64_t event_id, std::optional<std::int64_t> theme_id) = 0;
};

}  // namespace kc::app
