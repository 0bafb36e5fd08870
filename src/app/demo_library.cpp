#include "app/demo_library.hpp"

#include <vector>

#include "app/library.hpp"
#include "core/text.hpp"

namespace kc::app {

namespace {

using domain::PublicationKind;

struct DemoPublication {
    const char* title;
    PublicationKind kind;
    std::vector<const char*> authors;
    domain::CalendarDate published_on;
    const char* summary;
    const char* body;
    const char* link;
    // The café it came from, by title, a word of the theme it belongs to and the werkteam
    // that made it, by name.
    const char* cafe;
    const char* theme_word;
    const char* werkteam;
};

std::vector<DemoPublication> demo_publications() {
    return {
        {"Op weg naar samenspel",
         PublicationKind::report,
         {"Werkteam Informeel en formeel"},
         {2018, 6, 14},
         "Hoe bewoners, vrijwilligers en professionals vanaf het begin samen aan sociale opgaven "
         "werken, en waarom de mix van informeel en formeel steeds opnieuw gezocht moet worden.",
         "Sinds de decentralisaties wil het beleid zorg dicht bij bewoners organiseren. Het "
         "keukentafelgesprek moest daarbij helpen, maar bewoners ervaren het vaak niet als een "
         "gesprek van gelijken.\n\nDit verslag beschrijft hoe het werkteam Informeel en formeel "
         "werkt: vanuit een vraag van een bewoner, met ervaringskennis naast kennis uit beleid, "
         "praktijk en onderzoek. Samenspel vraagt dat iedereen kritisch naar de eigen rol en "
         "positie kijkt.",
         "",
         "Het omgekeerde keukentafelgesprek",
         "formeel",
         "Werkteam Informeel-formeel"},
        {"Ruimte voor ont-moeting",
         PublicationKind::research_article,
         {"Elizabeth van Twist", "Judith van Vliet"},
         {2018, 11, 1},
         "Een werkgroep over de doorontwikkeling van wijkteams beschrijft haar leerproces. De "
         "belangrijkste aanbeveling: maak ruimte voor ontmoeting, ook als de druk hoog is.",
         "Wie tijd maakt voor ontmoeting, leert de taal en het perspectief van de ander kennen. "
         "Zo groeien begrip en vertrouwen tussen professionals, en wordt het makkelijker om "
         "gewoontes los te laten.\n\nHet artikel volgt de werkgroep in 2016 en 2017 en laat zien "
         "hoe ontmoeting rond één thema het professionele handelen verandert. Het werkteam "
         "Verbondenheid en Veerkracht bouwt hierop voort bij de aanpak van eenzaamheid.",
         "",
         "Verbondenheid en veerkracht",
         "eenzaam",
         "Werkteam Verbondenheid en Veerkracht"},
        {"Column: mbo en hbo samen in de wijk",
         PublicationKind::column,
         {"Toby Witte"},
         {2018, 11, 15},
         "Over de samenwerking tussen mbo- en hbo-opgeleide sociaal werkers in de wijkpraktijk, "
         "en wat er nodig is om elkaar te versterken.",
         "",
         "https://www.werkplaatssociaaldomeinzhz.nl/media/534-ColumnTobyWittenovember2018.pdf",
         "Samenwerking mbo en hbo in de (wijk)praktijk",
         "mbo",
         ""},
        {"Handreiking intergenerationele overdracht",
         PublicationKind::guide,
         {"Werkteam Intergenerationele overdracht"},
         {2019, 4, 11},
         "Voor sociaal professionals die gezinnen begeleiden waar problemen van generatie op "
         "generatie overgaan: kijk naar wat goed gaat en bouw daarop voort.",
         "Er bestaat geen kant-en-klare methode om een negatieve spiraal in een gezin te "
         "doorbreken. Wel helpen een stabiele vertrouwensband, oprechte aandacht en het lef om "
         "soms af te wijken van de kaders.\n\nDeze handreiking bundelt literatuur en casussen uit "
         "Rotterdam, Vlaardingen en Schiedam. Ze laat zien hoe je met cliënten werkt aan sterke "
         "kanten en succesvolle factoren, in plaats van alleen aan problemen.",
         "",
         "Intergenerationele problematiek",
         "generatie",
         "Werkteam Intergenerationele overdracht"},
        {"Advies: huisuitzettingen voorkomen in Rotterdam",
         PublicationKind::advisory_report,
         {"Werkteam Informeel en formeel", "Hogeschool Inholland"},
         {2019, 9, 26},
         "Een advies aan de gemeente Rotterdam: signaleer betalingsachterstanden eerder en zoek "
         "bewoners op voordat een huisuitzetting dreigt.",
         "Een huisuitzetting raakt een heel gezin, en kinderen het meest. Vaak gaat er een lange "
         "periode van schulden en achterstanden aan vooraf.\n\nHet werkteam sprak met bewoners, "
         "corporaties, wijkteams en de gemeente. Het advies: deel signalen van huurachterstand "
         "vroeg, maak één contactpersoon verantwoordelijk, en voer het gesprek aan de "
         "keukentafel van de instantie in plaats van alleen bij de bewoner thuis.",
         "",
         "Voorkomen huisuitzettingen",
         "huis",
         ""},
        {"Jongeren en schulden: wat werkt wél?",
         PublicationKind::blog,
         {"Fatma Yilmaz"},
         {2020, 2, 6},
         "Een student sociaal werk over jongeren met geldzorgen, en wat zij nodig hebben om "
         "hulp te vragen.",
         "Veel jongeren hebben schulden voordat ze twintig zijn: een telefoonabonnement, een "
         "zorgrekening, een boete. Ze schamen zich en vragen pas laat om hulp.\n\nIn mijn "
         "afstudeeronderzoek sprak ik met jongeren in IJsselmonde. Wat helpt: iemand die ze al "
         "kennen, uitleg zonder moeilijke woorden, en een plan met kleine stappen.",
         "",
         "",
         "schuld",
         ""},
        {"Casusbundel sociaal werk in de wijk",
         PublicationKind::case_collection,
         {"Judith van Vliet", "David ter Avest"},
         {2019, 8, 29},
         "Twaalf casussen uit de praktijk van wijkteams, voor het onderwijs aan toekomstige "
         "sociaal werkers, met vragen voor de les.",
         "De casussen gaan over eenzaamheid, mantelzorg, schulden en wonen. Bij elke casus staan "
         "vragen die studenten in een groep bespreken, en een reactie van een professional uit "
         "het veld.",
         "",
         "Sociale rechtvaardigheid en sociaal werk",
         "onderwijs",
         ""},
        {"Magazine kenniscafés 2018-2019",
         PublicationKind::magazine,
         {"Werkplaats Sociaal Domein Zuid-Holland Zuid"},
         {2019, 12, 12},
         "Vijf kenniscafés uit najaar 2018 tot en met voorjaar 2019: de thema's, de sprekers, "
         "wat deelnemers meenamen en wat de Werkplaats ermee doet.",
         "Het magazine blikt terug op kenniscafés over het omgekeerde keukentafelgesprek, mbo en "
         "hbo in de wijk, ont-moeten, intergenerationele overdracht en het voorkomen van "
         "huisuitzettingen. Deelnemers vertellen waarom ze kwamen en wat ze anders gaan doen.",
         "",
         "",
         "",
         ""},
        {"Verslag kenniscafé Ont-moeten",
         PublicationKind::report,
         {"Elizabeth van Twist"},
         {2018, 12, 20},
         "Bijna vijftig mensen spraken in De Kansenfabriek in Schiedam over eenzaamheid en wat "
         "helpt om je verbonden te voelen.",
         "Het kenniscafé begon met twee gedichten over verbinding en zorg. Daarna spraken "
         "bewoners, professionals en studenten in kleine groepen over gevoelens van "
         "eenzaamheid, bij jongeren en bij ouderen. Ondanks veel onderzoek neemt eenzaamheid "
         "niet af; een gelijkwaardig gesprek is een begin.",
         "",
         "Verbondenheid en veerkracht",
         "eenzaam",
         "Werkteam Verbondenheid en Veerkracht"},
        {"Mantelzorg en de kostendelersnorm",
         PublicationKind::report,
         {"Werkteam Informeel en formeel"},
         {2018, 9, 27},
         "Wat de kostendelersnorm, de 'mantelzorgboete', betekent voor bewoners die voor een "
         "familielid zorgen en daarvoor samen gaan wonen.",
         "Wie een ouder in huis neemt om voor hem te zorgen, kan er in uitkering op achteruit "
         "gaan. Het werkteam zocht uit hoe dat in de praktijk uitpakt en besprak het met de "
         "instanties zelf.",
         "",
         "Het omgekeerde keukentafelgesprek",
         "mantelzorg",
         ""},
    };
}

}  // namespace

void load_demo_library(Transaction& tx, std::int64_t werkplaats_id, time::Timestamp now) {
    EventFilter filter;
    filter.werkplaats_id = werkplaats_id;
    const auto events = tx.events(filter);
    ThemeFilter theme_filter;
    theme_filter.werkplaats_id = werkplaats_id;
    const auto themes = tx.themes(theme_filter, PageRequest{1, 100}).items;
    const auto werkteams = tx.werkteams({werkplaats_id, std::nullopt}, PageRequest{1, 100}).items;
    time::Timestamp at = now - 86'400;
    for (const auto& demo : demo_publications()) {
        domain::Publication publication;
        publication.title = demo.title;
        publication.kind = demo.kind;
        for (const char* author : demo.authors) publication.authors.emplace_back(author);
        publication.published_on = demo.published_on;
        publication.summary = demo.summary;
        publication.body = demo.body;
        publication.link = demo.link;
        for (const auto& event : events) {
            if (event.details.title == demo.cafe) publication.event_ids.push_back(event.id);
        }
        const std::string word = demo.theme_word;
        for (const auto& theme : themes) {
            if (!word.empty() && text::ascii_lower(theme.title).find(word) != std::string::npos) {
                publication.theme_ids.push_back(theme.id);
            }
        }
        for (const auto& werkteam : werkteams) {
            if (werkteam.name == demo.werkteam) publication.werkteam_ids.push_back(werkteam.id);
        }
        create_publication(tx, werkplaats_id, publication, std::nullopt, ++at);
    }
}

}  // namespace kc::app
