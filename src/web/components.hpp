#pragma once

#include <memory>

#include "web/routes.hpp"
#include "web/site.hpp"

namespace kc::web {

// The capabilities of the site, one folder each. Each owns its routes, handlers and
// templates; WebApp only mounts them.
std::unique_ptr<Component> make_public_site(Site& site);         // public/
std::unique_ptr<Component> make_registration_pages(Site& site);  // registration/
std::unique_ptr<Component> make_account_pages(Site& site);       // accounts/
std::unique_ptr<Component> make_event_pages(Site& site);         // events/
std::unique_ptr<Component> make_door_pages(Site& site);          // door/
std::unique_ptr<Component> make_world_cafe_pages(Site& site);    // world_cafe/
std::unique_ptr<Component> make_settings_pages(Site& site);      // settings/
std::unique_ptr<Component> make_privacy_pages(Site& site);       // privacy/
std::unique_ptr<Component> make_api(Site& site);                 // api/
std::unique_ptr<Component> make_live_pages(Site& site);          // live/
std::unique_ptr<Component> make_theme_pages(Site& site);         // themes/
std::unique_ptr<Component> make_follow_up(Site& site);           // follow_up/

}  // namespace kc::web
