// The demo Werkplaats's werkteams: the three teams the magazine describes (informal and formal
// care, loneliness, intergenerational transfer) with fictional members, meetings in several
// learning formats, their products and the cafés that belong to them.
#include <map>

#include "app/demo_werkplaats.hpp"
#include "app/werkteams.hpp"

namespace kc::app {

namespace {

using domain::EventType;
using domain::MemberRole;
using domain::ProductKind;

struct DemoMember {
    const char* name;
    const char* group;
    const char* organisation;
    MemberRole role;
    bool name_public;
};

struct DemoMeeting {
    EventType format;
    const char* held_on;
    const char* place;
    const char* summary;
    std::vector<std::pair<const char*, int>> attendance;
};

struct DemoProduct {
    const char* title;
    ProductKind kind;
    const char* link;
    const char* published_on;
};

struct DemoTeam {
    const char* name;
    const char* description;
    const char* started_on;
    const char* ended_on;  // nullptr: still at work
    std::vector<DemoMember> members;
    std::vector<DemoMeeting> meetings;
    std::vector<DemoProduct> products;
    std::vector<const char*> cafes;  // titles of the demo's events that belong to the team
};

std::vector<DemoTeam> demo_teams() {
    return {
        {"Werkteam Informeel-formeel",
         "Bewoners, beleidsmakers, sociaal werkers, studenten en docentonderzoekers kijken samen "
         "hoe beleid uitpakt bij mensen thuis. Ze beginnen altijd bij een vraag van een bewoner. "
         "Het eerste jaar ging over de kostendelersnorm, het tweede jaar over huisuitzettingen. "
         "Het team draait het keukentafelgesprek om: het gaat zelf op bezoek bij de gemeente en "
         "bij politieke partijen, met een tafelkleed, thee en koekjes.",
         "2017-10-01",
         nullptr,
         {{"Ilse Verhoeven", "Docent(onderzoeker)", "Hogeschool Inholland", MemberRole::trekker,
           true},
          {"Karim Benali", "Gemeente", "Gemeente Rotterdam", MemberRole::member, true},
          {"Joke van Dam", "Bewoner", "", MemberRole::member, false},
          {"Ramon Pinas", "Bewoner", "", MemberRole::member, false},
          {"Naomi de Graaf", "Uitvoeringspraktijk", "Wijkteam Feijenoord", MemberRole::member,
           false},
          {"Lotte Smit", "Student", "Hogeschool Inholland", MemberRole::member, false},
          {"Youssef Amrani", "Sociaal ondernemer", "Stichting Buurtkracht", MemberRole::member,
           true}},
         {{EventType::werkteam_meeting,
           "2017-10-12",
           "Hogeschool Inholland, Rotterdam",
           "Kennismaking. Iedereen vertelde welke vraag van bewoners hem of haar bezighoudt. "
           "De kostendelersnorm kwam het vaakst terug.",
           {{"Bewoner", 3}, {"Docent(onderzoeker)", 2}, {"Gemeente", 1}, {"Student", 2}}},
          {EventType::mirror_meeting,
           "2018-02-08",
           "Stadhuis Rotterdam",
           "Het team schoof aan bij beleidsmakers van de gemeente en liet zien wat de "
           "kostendelersnorm betekent voor mantelzorgers die bij hun ouders intrekken.",
           {{"Bewoner", 4}, {"Gemeente", 5}, {"Docent(onderzoeker)", 2}}},
          {EventType::case_discussion,
           "2018-11-15",
           "Huis van de Wijk Feijenoord",
           "Twee casussen over huisuitzettingen besproken met de mensen om wie het ging erbij. "
           "Er kwamen meteen afspraken uit met een woningcorporatie.",
           {{"Bewoner", 3}, {"Uitvoeringspraktijk", 4}, {"Markt", 1}}},
          {EventType::workshop,
           "2019-04-04",
           "Hogeschool Inholland, Rotterdam",
           "Samen de tekst geschreven van het advies aan de gemeente Rotterdam.",
           {}}},
         {{"Op weg naar samenspel", ProductKind::article,
           "https://www.werkplaatssociaaldomeinzhz.nl/media/"
           "405-David_ter_Avest_-_Op_weg_naar_samenspel.pdf",
           "2018-09-01"},
          {"Flyer Werkteam Informeel-formeel", ProductKind::other,
           "https://www.werkplaatssociaaldomeinzhz.nl/media/"
           "535-Werkplaats_Sociaal_Domein_ZHZ_-_Flyer_Werkteam_IF.pdf",
           "2019-01-15"},
          {"Advies aan de gemeente Rotterdam over informele en formele zorg", ProductKind::advice,
           "", "2019-06-20"}},
         {"Het omgekeerde keukentafelgesprek", "Voorkomen huisuitzettingen",
          "Mantelzorg en de kostendelersnorm"}},
        {"Werkteam Verbondenheid en Veerkracht",
         "Over eenzaamheid, maar dan positief: wat helpt mensen om zich verbonden te voelen? "
         "Studenten, docentonderzoekers en professionals uit Schiedam, Vlaardingen en "
         "Barendrecht werken volgens Design Thinking: op bezoek gaan, interviews houden, "
         "workshops geven en goede voorbeelden verzamelen.",
         "2018-03-01",
         nullptr,
         {{"Marloes Bakker", "Docent(onderzoeker)", "Hogeschool Rotterdam", MemberRole::trekker,
           true},
          {"Patrick Vermeulen", "Uitvoeringspraktijk", "Welzijn Schiedam", MemberRole::member,
           true},
          {"Esra Yildiz", "Uitvoeringspraktijk", "Wijkteam Vlaardingen", MemberRole::member, false},
          {"Tim Hoekstra", "Student", "Hogeschool Rotterdam", MemberRole::member, false},
          {"Femke Jansen", "Gemeente", "Gemeente Barendrecht", MemberRole::member, false}},
         {{EventType::focus_group,
           "2018-04-19",
           "De Kansenfabriek, Schiedam",
           "Inspiratiebezoek en gesprek met bewoners over wanneer je je eenzaam voelt en wat dan "
           "helpt.",
           {{"Bewoner", 6}, {"Uitvoeringspraktijk", 3}, {"Student", 2}}},
          {EventType::workshop,
           "2018-09-27",
           "Bibliotheek Vlaardingen",
           "Met de methode Design Thinking ideeën bedacht om mensen in de wijk te verbinden.",
           {{"Uitvoeringspraktijk", 7}, {"Student", 4}, {"Docent(onderzoeker)", 2}}},
          {EventType::learning_circle,
           "2019-03-14",
           "Hogeschool Rotterdam",
           "Leerkring van professionals: wat werkte er het afgelopen jaar, en wat niet?",
           {{"Uitvoeringspraktijk", 8}, {"Gemeente", 2}}}},
         {{"Verzameling goede voorbeelden tegen eenzaamheid", ProductKind::case_collection, "",
           "2019-05-01"},
          {"Werkvorm: het verbindingsgesprek", ProductKind::method, "", "2019-09-12"}},
         {"Verbondenheid en veerkracht", "Eenzaamheid tussen generaties"}},
        {"Werkteam Intergenerationele overdracht",
         "Hoe doorbreek je problemen die van ouders op kinderen overgaan? Het team verzamelde "
         "literatuur en casussen uit Rotterdam, Vlaardingen en Schiedam, gaf genogramtrainingen "
         "en maakte een handreiking voor sociaal werkers. Sinds 2019 kijkt het vooral naar wat "
         "goed gaat in families, en heet het niet meer 'intergenerationele problematiek'.",
         "2017-11-01",
         "2020-12-31",
         {{"Sanne Koster", "Docent(onderzoeker)", "Hogeschool Rotterdam", MemberRole::trekker,
           false},
          {"Hatice Demir", "Uitvoeringspraktijk", "Wijkteam Schiedam-Noord", MemberRole::member,
           false},
          {"Bas de Wit", "Uitvoeringspraktijk", "Wijkteam Rotterdam-Zuid", MemberRole::member,
           false},
          {"Noor El Idrissi", "Student", "Hogeschool Rotterdam", MemberRole::member, false}},
         {{EventType::case_discussion,
           "2018-03-01",
           "Wijkteam Schiedam-Noord",
           "Casussen uit drie gemeenten naast elkaar gelegd: welke gezinnen komen steeds terug?",
           {{"Uitvoeringspraktijk", 9}, {"Docent(onderzoeker)", 2}}},
          {EventType::workshop,
           "2018-06-07",
           "Hogeschool Rotterdam",
           "Genogramtraining voor medewerkers van wijkteams.",
           {{"Uitvoeringspraktijk", 14}, {"Student", 3}}},
          {EventType::werkteam_meeting,
           "2019-02-21",
           "Hogeschool Rotterdam",
           "Besloten de naam te veranderen in intergenerationele overdracht, om te kijken naar "
           "wat goed gaat.",
           {}}},
         {{"Handreiking intergenerationele overdracht voor sociaal werkers", ProductKind::guide, "",
           "2019-10-01"}},
         {"Intergenerationele problematiek"}},
    };
}

}  // namespace

void load_demo_werkteams(Transaction& tx, std::int64_t werkplaats_id, time::Timestamp now) {
    std::map<std::string, std::int64_t> groups;
    for (const auto& group : tx.groups(werkplaats_id)) groups[group.name] = group.id;
    std::map<std::string, std::int64_t> events;
    EventFilter filter;
    filter.werkplaats_id = werkplaats_id;
    for (const auto& event : tx.events(filter)) events[event.details.title] = event.id;

    for (const auto& team : demo_teams()) {
        domain::Werkteam werkteam;
        werkteam.name = team.name;
        werkteam.description = team.description;
        werkteam.started_on = team.started_on;
        if (team.ended_on) werkteam.ended_on = team.ended_on;
        const auto id = create_werkteam(tx, werkplaats_id, werkteam, now).id;
        for (const auto& member : team.members) {
            add_werkteam_member(tx, werkplaats_id, id,
                                {0, id, member.name, groups[member.group], member.organisation,
                                 member.role, "", member.name_public});
        }
        for (const auto& meeting : team.meetings) {
            domain::WerkteamMeeting stored{
                0, id, meeting.format, meeting.held_on, meeting.place, meeting.summary, {}};
            for (const auto& [group, count] : meeting.attendance) {
                stored.attendance.push_back({groups[group], count});
            }
            add_werkteam_meeting(tx, werkplaats_id, id, stored);
        }
        for (const auto& product : team.products) {
            add_werkteam_product(
                tx, werkplaats_id, id,
                {0, id, product.title, product.kind, product.link, product.published_on});
        }
        for (const char* title : team.cafes) {
            if (const auto found = events.find(title); found != events.end()) {
                link_event(tx, werkplaats_id, id, found->second);
            }
        }
    }
}

}  // namespace kc::app
