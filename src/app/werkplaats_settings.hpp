#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "app/store.hpp"

namespace kc::app {

// One row of the stakeholder-group list as an admin edits it; id 0 adds a group.
struct GroupEdit {
    std::int64_t id = 0;
    std::string name;
    bool is_resident = false;
};

struct SettingsOutcome {
    bool saved = false;
    FieldErrors errors;
};

constexpr std::size_t max_group_name = 60;
constexpr std::size_t max_groups = 30;

// Renames, reorders (in the order given) and adds stakeholder groups. Groups are
// never deleted, because registrations and statistics refer to them. Names must be
// unique within the Werkplaats.
SettingsOutcome save_groups(Transaction& tx, std::int64_t werkplaats_id,
                            const std::vector<GroupEdit>& edits);

// Adds a partner organisation to the Werkplaats.
SettingsOutcome add_partner(Transaction& tx, std::int64_t werkplaats_id, const std::string& name,
                            const std::string& website);

// Creates a Werkplaats with the default stakeholder groups; returns its id.
std::int64_t create_werkplaats(Transaction& tx, const std::string& slug, const std::string& name);

}  // namespace kc::app
