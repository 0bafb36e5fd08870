#pragma once

#include <memory>
#include <string_view>

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
std::unique_ptr<Component> make_werkteam_pages(Site& site);      // werkteams/ (organisers)
std::unique_ptr<Component> make_public_werkteams(Site& site);    // werkteams/ (public, API)
std::unique_ptr<Component> make_library_pages(Site& site);       // library/
std::unique_ptr<Component> make_oai_endpoint(Site& site);        // library/

// Whether a POST to the path carries the library's PDF upload, and so may be larger.
bool is_library_upload_path(std::string_view path);
std::unique_ptr<Component> make_evaluation_pages(Site& site);  // evaluation/
std::unique_ptr<Component> make_follow_up(Site& site);         // follow_up/
std::unique_ptr<Component> make_export_pages(Site& site);      // exports/
std::unique_ptr<Component> make_report_pages(Site& site);      // reports/
std::unique_ptr<Component> make_mail_pages(Site& site);        // mail/

}  // namespace kc::web
