#include "app/demo_follow_up.hpp"

#include <map>
#include <stdexcept>

#include "app/follow_up.hpp"

namespace kc::app {

namespace {

using domain::ActionStatus;
using domain::HarvestKind;

struct DemoItem {
    HarvestKind kind;
    const char* text;
    domain::HarvestOrigin origin;
};

// A status change some days after the café.
struct DemoUpdate {
    int days_after;
    ActionStatus status;
    const char* text;
};

struct DemoAction {
    const char* description;
    const char* owner;
    const char* contact;
    // Due this many days after the café; a negative number counts from `now` instead, for an
    // action that still runs.
    int due_days;
    std::vector<DemoUpdate> updates;
};

struct DemoFollowUp {
    const char* cafe;
    std::vector<DemoItem> harvest;
    std::vector<DemoAction> actions;
};

std::vector<DemoFollowUp> demo_follow_ups() {
    using enum HarvestKind;
    using enum ActionStatus;
    return {
        {"Het omgekeerde keukentafelgesprek",
         {{insight,
           "Met de bewoner zelf aan tafel komen formele en informele hulp sneller in beweging.",
           {"", 0, "Twee praktijkcasussen aan tafel"}},
          {solution_direction,
           "Deelnemers belden tijdens het café al iemand uit hun netwerk. Zet dat netwerk "
           "bewust in bij een vastgelopen vraag.",
           {"", 0, "Twee praktijkcasussen aan tafel"}},
          {open_question,
           "Hoe helpen we een gezin waarvan de kinderen hier geboren zijn, maar nog geen "
           "Nederlands paspoort hebben?",
           {}},
          {quote, "Zo zou elk keukentafelgesprek moeten gaan.", {"", 0, "Wat nemen we mee?"}}},
         {{"Een woningcorporatie uit het netwerk van een deelnemer in contact brengen met de "
           "bewoner zonder huis",
           "Wijkteam Feijenoord",
           "Erna de Vos",
           28,
           {{5, in_progress, "Eerste gesprek met de corporatie gevoerd."},
            {30, done, "De bewoner heeft een tijdelijke woning."}}}}},
        {"Samenwerking mbo en hbo in de (wijk)praktijk",
         {{insight,
           "Rotterdamse wijkteams staan nog niet open voor mbo'ers, in andere gemeenten wel.",
           {"", 0, "Stellingen over mbo en hbo"}},
          {recommendation,
           "Nodig het mbo uit bij het overleg van gemeente en hogescholen over sociaal werk.",
           {"", 0, "Debat"}},
          {open_question,
           "Waarom zijn er zo weinig vacatures en stageplekken voor mbo'ers in het sociaal werk?",
           {}}},
         {{"Mbo-scholen uitnodigen voor het overleg over sociaal werk",
           "Hogeschool Rotterdam",
           "Toby Witte",
           90,
           {{120, done, "Het Albeda College schuift sinds het voorjaar aan."}}},
          {"Een stageplek voor een mbo-student in een Rotterdams wijkteam regelen",
           "Gemeente Rotterdam",
           "",
           240,
           {{60, in_progress,
             "Twee wijkteams willen meedoen; de begeleiding is nog niet rond."}}}}},
        {"Verbondenheid en veerkracht",
         {{recommendation,
           "Maak in het wijkteam tijd voor ontmoeting, juist als de druk hoog is.",
           {"", 0, "Gesprek aan tafels"}},
          {insight,
           "Persoonlijke verhalen over eenzaamheid openen het gesprek sneller dan cijfers.",
           {"", 0, "Persoonlijke verhalen over eenzaamheid"}}},
         {{"Binnen een maand een vervolg organiseren over ontmoeten",
           "Hogeschool Rotterdam",
           "",
           40,
           {{10, in_progress, "Datum en zaal zijn gekozen."},
            {42, done, "Het vervolg was op 17 januari, over intergenerationele problematiek."}}}}},
        {"Intergenerationele problematiek",
         {{recommendation,
           "Geef professionals ruimte om hulp persoonlijk te maken en nazorg te bieden.",
           {"", 0, "Wereldcafé in drie rondes"}},
          {solution_direction,
           "Zoek ook wat goed gaat in een gezin en bouw daarop voort.",
           {"", 0, "Wereldcafé in drie rondes"}},
          {insight,
           "Gezinnen herkennen een patroon dat van ouder op kind gaat vaak zelf niet.",
           {"", 0, "Wereldcafé in drie rondes"}},
          {open_question,
           "Hoe ziet beleid eruit dat oorzaken aanpakt en niet alleen problemen?",
           {"", 0, "Wereldcafé in drie rondes"}}},
         {{"Met drie wijkteams een leergemeenschap over intergenerationele overdracht starten",
           "Hogeschool Rotterdam",
           "Erfan Pourmohammadi",
           180,
           {{45, in_progress, "Twee wijkteams doen mee, een derde denkt erover na."},
            {200, done, "De leergemeenschap komt elke zes weken bij elkaar."}}},
          {"Een handreiking voor wijkteams om patronen in gezinnen te herkennen",
           "Hogeschool Rotterdam",
           "",
           365,
           {}}}},
        {"Voorkomen huisuitzettingen",
         {{insight,
           "Na een vriendelijke brief van de deurwaarder vóór de incasso is in twee van de drie "
           "gevallen geen dossier meer nodig.",
           {"", 0, "Twee afstudeeronderzoeken"}},
          {recommendation,
           "Maak een huisbezoek verplicht, voor de deurwaarder en ook voor de woningcorporatie.",
           {"", 0, "Gesprek met de wethouder"}},
          {solution_direction, "Laat het wijkteam eerder meedoen in het minnelijke traject.", {}},
          {open_question,
           "Hoe delen instanties een signaal van huurachterstand zonder de privacyregels te "
           "overtreden?",
           {}},
          {quote, "Ik had de brief wel, maar ik begreep niet wat ik moest doen.", {}}},
         {{"Afspraken over het melden van huurachterstand voor alle corporaties gelijk maken",
           "Gemeente Rotterdam",
           "",
           200,
           {{30, in_progress, "Eerste overleg met de vier grootste corporaties."}}},
          {"Een folder over de brief van de deurwaarder in eenvoudige taal",
           "Woningcorporatie Zuid",
           "",
           120,
           {{90, dropped,
             "De corporatie schrijft de brief zelf opnieuw; een folder is niet meer "
             "nodig."}}},
          {"Uitzoeken hoe het wijkteam eerder kan aansluiten bij het minnelijke traject",
           "Wijkteam Feijenoord",
           "",
           -60,
           {{60, in_progress, "Proef in Feijenoord loopt."}}}}},
    };
}

void expect_done(const FollowUpOutcome& outcome, const char* what) {
    if (outcome.status != FollowUpStatus::done) {
        throw std::logic_error(std::string("demo follow-up refused: ") + what);
    }
}

}  // namespace

void load_demo_follow_up(Transaction& tx, std::int64_t werkplaats_id, time::Timestamp now) {
    EventFilter filter;
    filter.werkplaats_id = werkplaats_id;
    std::map<std::string, domain::Event> cafes;
    for (auto& event : tx.events(filter)) cafes.emplace(event.details.title, std::move(event));
    const Recorder organiser{{std::nullopt, std::nullopt, "Demi Organisator"}};
    constexpr time::Timestamp day = 86'400;
    for (const auto& follow_up : demo_follow_ups()) {
        const auto found = cafes.find(follow_up.cafe);
        if (found == cafes.end()) continue;
        const auto& event = found->second;
        const EventScope scope{werkplaats_id, event.id};
        const time::Timestamp held = event.details.ends_at;
        for (const auto& demo : follow_up.harvest) {
            domain::HarvestItem item;
            item.kind = demo.kind;
            item.text = demo.text;
            item.origin = demo.origin;
            expect_done(add_harvest_item(tx, scope, item, organiser, held), demo.text);
        }
        for (const auto& demo : follow_up.actions) {
            const time::Timestamp due =
                demo.due_days < 0 ? now - demo.due_days * day : held + demo.due_days * day;
            const auto created = create_action(
                tx, scope, {demo.description, demo.owner, demo.contact, domain::day_of(due)},
                organiser.author.name, held + day);
            expect_done(created, demo.description);
            for (const auto& update : demo.updates) {
                expect_done(
                    change_action_status(tx, werkplaats_id, created.id, update.status, update.text,
                                         organiser.author.name, held + update.days_after * day),
                    update.text);
            }
        }
    }
}

}  // namespace kc::app
