#include "domain/stakeholder_group.hpp"

namespace kc::domain {

std::vector<GroupTemplate> default_stakeholder_groups() {
    return {
        {"Gemeente", false}, {"Uitvoeringspraktijk", false},
        {"Bewoner", true},   {"Docent(onderzoeker)", false},
        {"Student", false},  {"Sociaal ondernemer", false},
        {"Markt", false},    {"Beroepsvereniging", false},
        {"Anders", false},
    };
}

}  // namespace kc::domain
