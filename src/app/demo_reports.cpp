#include "app/demo_reports.hpp"

#include <stdexcept>

#include "app/reports.hpp"

namespace kc::app {

namespace {

struct DemoReport {
    const char* cafe;
    const char* introduction;
    const char* account;
};

const DemoReport demo_reports[] = {
    {"Het omgekeerde keukentafelgesprek",
     "Sinds de decentralisaties voert de gemeente met inwoners een **keukentafelgesprek** over "
     "hun hulpvraag. In dit café draaiden we het om: wat gebeurt er als de bewoner zelf het "
     "gesprek leidt, en de professionals aanschuiven?",
     "Twee sprekers zetten de beloften van de decentralisaties naast wat bewoners er in de "
     "praktijk van merken. Daarna bespraken we aan tafels twee echte casussen.\n\n"
     "- Aan de ene tafel ging het over een gezin dat de weg naar hulp niet vond.\n"
     "- Aan de andere tafel over een mantelzorger die er alleen voor stond.\n\n"
     "Opvallend: een paar deelnemers belden tijdens het café al iemand uit hun eigen netwerk. "
     "Zo werd het gesprek meteen een begin van een oplossing."},
    {"Samenwerking mbo en hbo in de (wijk)praktijk",
     "In de wijk werken mbo- en hbo-opgeleide professionals naast elkaar. Kennen ze elkaars "
     "sterke kanten? En leren studenten van beide opleidingen al *samen* in de praktijk?",
     "We begonnen met een gezin met meerdere hulpvragen. Studenten van het mbo en het hbo "
     "keken er samen naar en vulden elkaar goed aan.\n\n"
     "Bij de stellingen bleek dat de meeste deelnemers vinden dat stages vaker gezamenlijk "
     "moeten. In het debat daarna ging het over de vraag wie in een wijkteam wat doet."},
    {"Verbondenheid en veerkracht",
     "Eenzaamheid komt in alle leeftijden voor, ook bij jonge mensen en bij nieuwkomers. Wat "
     "helpt mensen om zich weer verbonden te voelen?",
     "Drie mensen vertelden over een periode waarin ze zich eenzaam voelden en wat hen "
     "verder hielp. Een geleide fantasie bracht iedereen daarna bij een eigen moment van "
     "verbondenheid.\n\n"
     "Aan de tafels ging het gesprek verder, en het café eindigde met een buffet dat "
     "nieuwe buurtgenoten hadden gekookt."},
    {"Intergenerationele problematiek",
     "Problemen als armoede of geweld gaan soms over van ouders op kinderen. Het werkteam "
     "onderzocht hoe professionals die keten kunnen helpen doorbreken.",
     "Het werkteam deelde wat het tot nu toe vond. Daarna gingen we in drie rondes van een "
     "wereldcafé aan de slag met de vraag: wat kun jij morgen anders doen?\n\n"
     "1. Eerst: waar zie je het in je eigen werk?\n"
     "2. Dan: wat werkt al?\n"
     "3. En tot slot: wat heb je nodig?"},
    {"Voorkomen huisuitzettingen",
     "Een huisuitzetting raakt een heel gezin. Vaak begint het met een kleine "
     "betalingsachterstand. Hoe kunnen we eerder in beeld zijn?",
     "We begonnen met een woordwolk: waar denk je aan bij een huisuitzetting? Daarna "
     "presenteerden twee studenten hun afstudeeronderzoek over vroeg contact met huurders.\n\n"
     "Meer lezen? Kijk op [de site van de Werkplaats](https://www.werkplaatsensociaaldomein.nl/)."},
};

}  // namespace

void load_demo_reports(Transaction& tx, std::int64_t werkplaats_id, time::Timestamp now) {
    EventFilter filter;
    filter.werkplaats_id = werkplaats_id;
    const auto events = tx.events(filter);
    for (const auto& demo : demo_reports) {
        for (const auto& event : events) {
            if (event.details.title != demo.cafe) continue;
            const EventScope scope{werkplaats_id, event.id};
            const auto saved = save_report_texts(tx, scope, {demo.introduction, demo.account}, now);
            const auto published = set_report_publication(tx, scope, Publication::published, now);
            if (saved.result != ReportResult::done || published.result != ReportResult::done) {
                throw std::logic_error(std::string("demo report refused: ") + demo.cafe);
            }
        }
    }
}

}  // namespace kc::app
