#include "app/werkplaats_settings.hpp"

#include <algorithm>
#include <set>

#include "core/text.hpp"
#include "core/validation.hpp"

namespace kc::app {

SettingsOutcome save_groups(Transaction& tx, std::int64_t werkplaats_id,
                            const std::vector<GroupEdit>& edits) {
    SettingsOutcome outcome;
    const auto existing = tx.groups(werkplaats_id);
    if (edits.size() > max_groups)
        outcome.errors.push_back({"groups", "error.too_many", max_groups});
    std::set<std::string> slugs;
    for (std::size_t i = 0; i < edits.size(); ++i) {
        const std::string field = "groups[" + std::to_string(i) + "]";
        const std::string name = text::trim(edits[i].name);
        validation::check_text(outcome.errors, field, name, validation::Presence::required,
                               max_group_name);
        if (!name.empty() && !slugs.insert(text::slugify(name)).second) {
            outcome.errors.push_back({field, "error.duplicate_group"});
        }
        if (text::slugify(name).empty() && !name.empty())
            outcome.errors.push_back({field, "error.invalid_text"});
        const bool known =
            edits[i].id == 0 || std::any_of(existing.begin(), existing.end(),
                                            [&](const auto& g) { return g.id == edits[i].id; });
        if (!known) outcome.errors.push_back({field, "error.bad_form"});
    }
    // Every existing group must stay in the list: groups are renamed, never dropped.
    for (const auto& group : existing) {
        const bool kept = std::any_of(edits.begin(), edits.end(),
                                      [&](const auto& e) { return e.id == group.id; });
        if (!kept) outcome.errors.push_back({"groups", "error.bad_form"});
    }
    if (!outcome.errors.empty()) return outcome;
    for (std::size_t i = 0; i < edits.size(); ++i) {
        const std::string name = text::trim(edits[i].name);
        domain::StakeholderGroup group{edits[i].id, text::slugify(name), name, static_cast<int>(i),
                                       edits[i].is_resident};
        // Slugs are unique per Werkplaats, so renames first move out of each other's way.
        if (group.id != 0)
            tx.update_group({group.id, "tmp-" + std::to_string(group.id), name, group.position,
                             group.is_resident});
    }
    for (std::size_t i = 0; i < edits.size(); ++i) {
        const std::string name = text::trim(edits[i].name);
        domain::StakeholderGroup group{edits[i].id, text::slugify(name), name, static_cast<int>(i),
                                       edits[i].is_resident};
        if (group.id == 0) {
            tx.insert_group(werkplaats_id, group);
        } else {
            tx.update_group(group);
        }
    }
    outcome.saved = true;
    return outcome;
}

SettingsOutcome add_partner(Transaction& tx, std::int64_t werkplaats_id, const std::string& name,
                            const std::string& website) {
    SettingsOutcome outcome;
    const std::string clean_name = text::trim(name);
    const std::string clean_website = text::trim(website);
    validation::check_text(outcome.errors, "partner_name", clean_name,
                           validation::Presence::required, 150);
    validation::check_text(outcome.errors, "partner_website", clean_website,
                           validation::Presence::optional, 300);
    if (!clean_website.empty() && clean_website.rfind("https://", 0) != 0 &&
        clean_website.rfind("http://", 0) != 0) {
        outcome.errors.push_back({"partner_website", "error.invalid_url"});
    }
    for (const auto& partner : tx.partners(werkplaats_id)) {
        if (text::ascii_lower(partner.name) == text::ascii_lower(clean_name)) {
            outcome.errors.push_back({"partner_name", "error.duplicate_partner"});
        }
    }
    if (!outcome.errors.empty()) return outcome;
    tx.insert_partner({0, werkplaats_id, clean_name, clean_website});
    outcome.saved = true;
    return outcome;
}

std::int64_t create_werkplaats(Transaction& tx, const std::string& slug, const std::string& name) {
    const auto id = tx.insert_werkplaats(slug, name);
    int position = 0;
    for (const auto& group : domain::default_stakeholder_groups()) {
        tx.insert_group(id,
                        {0, text::slugify(group.name), group.name, position++, group.is_resident});
    }
    return id;
}

}  // namespace kc::app
