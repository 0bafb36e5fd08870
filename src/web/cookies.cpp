#include "web/cookies.hpp"

namespace kc::web {

std::optional<std::string> cookie_value(std::string_view header, std::string_view name) {
    while (!header.empty()) {
        const auto semicolon = header.find(';');
        std::string_view pair = header.substr(0, semicolon);
        header =
            semicolon == std::string_view::npos ? std::string_view{} : header.substr(semicolon + 1);
        while (!pair.empty() && pair.front() == ' ') pair.remove_prefix(1);
        const auto equals = pair.find('=');
        if (equals == std::string_view::npos) continue;
        if (pair.substr(0, equals) == name) return std::string(pair.substr(equals + 1));
    }
    return std::nullopt;
}

std::string set_cookie(std::string_view name, std::string_view value, CookieLifetime lifetime,
                       bool secure) {
    std::string cookie(name);
    cookie += '=';
    cookie += value;
    cookie += "; Path=/; HttpOnly; SameSite=Lax";
    if (lifetime == CookieLifetime::year) cookie += "; Max-Age=31536000";
    if (secure) cookie += "; Secure";
    return cookie;
}

std::string clear_cookie(std::string_view name, bool secure) {
    std::string cookie(name);
    cookie += "=; Path=/; HttpOnly; SameSite=Lax; Max-Age=0";
    if (secure) cookie += "; Secure";
    return cookie;
}

}  // namespace kc::web
