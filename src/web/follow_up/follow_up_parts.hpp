#pragma once

#include <memory>

#include "web/routes.hpp"
#include "web/site.hpp"

// The three parts of harvest and follow-up, mounted together by make_follow_up().
namespace kc::web::follow_up {

// The café's harvest for organisers and hosts, harvest links, and the host's phone page.
std::unique_ptr<Component> make_harvest_pages(Site& site);
// The café's actions, the action board and the actions API.
std::unique_ptr<Component> make_action_pages(Site& site);
// What the public sees: /actions and a café's follow-up page.
std::unique_ptr<Component> make_public_follow_up(Site& site);

}  // namespace kc::web::follow_up
