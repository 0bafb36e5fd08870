#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace kc::web {

// The value of one cookie from a Cookie header, or nullopt.
std::optional<std::string> cookie_value(std::string_view cookie_header, std::string_view name);

enum class CookieLifetime { session, year };

// A Set-Cookie value: HttpOnly and SameSite=Lax always, Secure when served over
// HTTPS, so scripts cannot read it and other sites cannot post with it.
std::string set_cookie(std::string_view name, std::string_view value, CookieLifetime lifetime,
                       bool secure);
std::string clear_cookie(std::string_view name, bool secure);

}  // namespace kc::web
