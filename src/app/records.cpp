#include "app/records.hpp"

namespace kc::app {

std::string_view to_slug(Role role) {
    switch (role) {
        case Role::host:
            return "host";
        case Role::organiser:
            return "organiser";
        case Role::admin:
            return "admin";
    }
    return {};
}

std::optional<Role> role_from_slug(std::string_view slug) {
    for (const auto role : {Role::host, Role::organiser, Role::admin}) {
        if (to_slug(role) == slug) return role;
    }
    return std::nullopt;
}

bool has_role(Role role, Role minimum) {
    return static_cast<int>(role) >= static_cast<int>(minimum);
}

}  // namespace kc::app
