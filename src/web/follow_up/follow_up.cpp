// Harvest and follow-up ("doorpakken"): one component of three parts (see follow_up_parts.hpp).
#include "web/components.hpp"
#include "web/follow_up/follow_up_parts.hpp"

namespace kc::web {

namespace {

class FollowUp final : public Component {
  public:
    explicit FollowUp(Site& site) {
        parts_.push_back(follow_up::make_harvest_pages(site));
        parts_.push_back(follow_up::make_action_pages(site));
        parts_.push_back(follow_up::make_public_follow_up(site));
    }
    void add_routes(Routes& routes) override {
        for (const auto& part : parts_) part->add_routes(routes);
    }

  private:
    std::vector<std::unique_ptr<Component>> parts_;
};

}  // namespace

std::unique_ptr<Component> make_follow_up(Site& site) { return std::make_unique<FollowUp>(site); }

}  // namespace kc::web
