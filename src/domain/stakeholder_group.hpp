#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace kc::domain {

// One stakeholder group of a Werkplaats ("Bewoner", "Gemeente", ...). Every
// registration, attendance and live answer can carry one; the mix of groups in a
// room is what a kenniscafé is about.
struct StakeholderGroup {
    std::int64_t id = 0;
    std::string slug;
    std::string name;
    int position = 0;
    // Residents are first-class participants; planners and reports single them out.
    bool is_resident = false;
};

struct GroupTemplate {
    std::string name;
    bool is_resident = false;
};

// The magazine's eight groups plus "Anders", the default list of a new Werkplaats.
std::vector<GroupTemplate> default_stakeholder_groups();

}  // namespace kc::domain
