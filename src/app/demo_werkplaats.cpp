#include "app/demo_werkplaats.hpp"

#include <array>
#include <chrono>
#include <map>

#include "app/demo_follow_up.hpp"
#include "app/demo_library.hpp"
#include "app/demo_live.hpp"
#include "app/demo_reports.hpp"
#include "app/evaluations.hpp"
#include "app/registrations.hpp"
#include "app/security.hpp"
#include "app/werkplaats_settings.hpp"
#include "app/world_cafe.hpp"
#include "core/text.hpp"

namespace kc::app {

namespace {

using domain::WorkForm;

// Group order of domain::default_stakeholder_groups().
constexpr std::size_t group_count = 9;
using GroupMix = std::array<int, group_count>;

struct DemoCafe {
    const char* title;
    const char* theme;
    int year, month, day;
    const char* location_name;
    const char* location_address;
    std::vector<const char*> partners;
    std::vector<domain::Speaker> speakers;
    std::vector<domain::ProgrammeItem> programme;
    GroupMix present;  // visitors per group; all zero when the magazine gives no figures
};

const char* const first_names[] = {
    "Anouk",   "Bram",  "Chantal", "Daan",    "Esra",  "Fleur", "Gijs",   "Hatice",  "Ilse",
    "Jeroen",  "Karim", "Lotte",   "Mohamed", "Noor",  "Olga",  "Pieter", "Rachida", "Sander",
    "Tamara",  "Umut",  "Vera",    "Wouter",  "Yara",  "Zoë",   "Arjen",  "Bouchra", "Cor",
    "Dewi",    "Emre",  "Femke",   "Gerda",   "Hamza", "Inge",  "Joost",  "Kim",     "Latifa",
    "Maarten", "Nadia", "Orlando", "Priya",   "Ruud",  "Sanne", "Tom",    "Wendy",   "Youssef",
    "Aylin",   "Bas",   "Carmen",  "Dirk",    "Eline"};

const char* const last_names[] = {
    "de Boer",   "Bakker",    "Visser", "Smit",     "Meijer",      "de Groot", "Mulder",
    "Bos",       "Vos",       "Peters", "Hendriks", "van Leeuwen", "Dekker",   "Brouwer",
    "de Wit",    "Dijkstra",  "Kaya",   "Yilmaz",   "El Amrani",   "Jansen",   "Koster",
    "Prins",     "Verhoeven", "Post",   "Kuipers",  "van Dam",     "Sedney",   "Soekhoe",
    "Lambregts", "Willems",   "Blom",   "Huisman",  "Kramer",      "van Wijk", "Molenaar"};

// Organisations typical for each group, in group order.
const char* const organisations[group_count] = {"Gemeente Rotterdam",
                                                "Wijkteam Feijenoord",
                                                "",
                                                "Hogeschool Rotterdam",
                                                "Hogeschool Inholland",
                                                "Stichting Buurtkracht",
                                                "Woningcorporatie Zuid",
                                                "BPSW",
                                                ""};

std::vector<DemoCafe> demo_cafes() {
    const auto item = [](const char* time, const char* title, WorkForm form) {
        return domain::ProgrammeItem{time, title, form};
    };
    return {
        {"Jeugdwet en Jeugdrecht",
         "Jeugd",
         2017,
         4,
         3,
         "Hogeschool Rotterdam",
         "Museumpark 40, Rotterdam",
         {"Hogeschool Rotterdam"},
         {},
         {},
         {}},
        {"Arbeidsparticipatie in het sociaal domein",
         "Participatie",
         2017,
         5,
         29,
         "Hogeschool Rotterdam",
         "Museumpark 40, Rotterdam",
         {"Hogeschool Rotterdam"},
         {},
         {},
         {}},
        {"Beleidsontwikkelingen in het sociaal domein",
         "Maatschappelijke ondersteuning",
         2017,
         10,
         2,
         "Raadszaal gemeente Ridderkerk",
         "Koningsplein 1, Ridderkerk",
         {"Gemeente Ridderkerk"},
         {},
         {},
         {}},
        {"Samenwerken aan Kindveiligheid",
         "Kindveiligheid",
         2018,
         3,
         20,
         "Hogeschool Rotterdam",
         "Museumpark 40, Rotterdam",
         {"Hogeschool Rotterdam"},
         {},
         {},
         {}},
        {"Een nieuw perspectief op de resultaatgerichte bekostiging",
         "Resultaatgerichte bekostiging",
         2018,
         5,
         7,
         "Hogeschool Inholland",
         "Posthumalaan 90, Rotterdam",
         {"Hogeschool Inholland"},
         {},
         {},
         {}},
        {"Sociale rechtvaardigheid en sociaal werk",
         "Sociale rechtvaardigheid",
         2018,
         6,
         26,
         "Hogeschool Rotterdam",
         "Museumpark 40, Rotterdam",
         {"Beroepsvereniging BPSW"},
         {},
         {},
         {}},
        {"Het omgekeerde keukentafelgesprek",
         "Informeel en formeel",
         2018,
         10,
         18,
         "Hogeschool Inholland",
         "Posthumalaan 90, Rotterdam",
         {"Hogeschool Inholland"},
         {{"Guido Walraven", "lector Hogeschool Inholland"},
          {"David ter Avest", "docentonderzoeker"}},
         {item("16:00", "Welkom en inleiding", WorkForm::talk),
          item("16:20", "Beloften van de decentralisaties", WorkForm::talk),
          item("16:50", "Twee praktijkcasussen aan tafel", WorkForm::case_work),
          item("17:40", "Wat nemen we mee?", WorkForm::table_conversations)},
         {3, 4, 5, 4, 3, 2, 0, 0, 0}},
        {"Samenwerking mbo en hbo in de (wijk)praktijk",
         "Onderwijs en wijkpraktijk",
         2018,
         11,
         1,
         "Huis van de Wijk Post West",
         "Rotterdam-West",
         {"Albeda College", "Hogeschool Rotterdam"},
         {{"Toby Witte", "lector Hogeschool Rotterdam"},
          {"Marjolein Masselink", "voorzitter Brede Raad 010"}},
         {item("16:00", "Een gezin met meerdere hulpvragen", WorkForm::case_work),
          item("16:30", "Stellingen over mbo en hbo", WorkForm::statements),
          item("17:15", "Debat", WorkForm::debate)},
         {2, 6, 1, 8, 8, 1, 0, 1, 0}},
        {"Verbondenheid en veerkracht",
         "Ontmoeting en eenzaamheid",
         2018,
         12,
         6,
         "De Kansenfabriek",
         "Schiedam",
         {"Hogeschool Rotterdam"},
         {},
         {item("16:00", "Persoonlijke verhalen over eenzaamheid", WorkForm::personal_stories),
          item("16:45", "Geleide fantasie", WorkForm::guided_fantasy),
          item("17:15", "Gesprek aan tafels", WorkForm::table_conversations),
          item("18:00", "Syrisch buffet", WorkForm::break_time)},
         {6, 12, 7, 4, 8, 3, 2, 1, 1}},
        {"Intergenerationele problematiek",
         "Intergenerationele overdracht",
         2019,
         1,
         17,
         "Hogeschool Rotterdam",
         "Museumpark 40, Rotterdam",
         {"Hogeschool Rotterdam"},
         {{"Erfan Pourmohammadi", "docentonderzoeker Hogeschool Rotterdam"}},
         {item("16:00", "Bevindingen van het werkteam", WorkForm::talk),
          item("16:40", "Wereldcafé in drie rondes", WorkForm::world_cafe)},
         {4, 9, 2, 3, 3, 0, 1, 0, 0}},
        {"Voorkomen huisuitzettingen",
         "Huisuitzettingen en schulden",
         2019,
         5,
         23,
         "Hogeschool Inholland",
         "Posthumalaan 90, Rotterdam",
         {"Hogeschool Inholland", "Gemeente Rotterdam"},
         {},
         {item("16:00", "Woordwolk: waar denk je aan?", WorkForm::live_poll),
          item("16:15", "Twee afstudeeronderzoeken", WorkForm::talk),
          item("17:00", "Online quiz", WorkForm::online_quiz),
          item("17:20", "Gesprek met de wethouder", WorkForm::debate)},
         {5, 6, 3, 3, 3, 1, 1, 0, 0}},
    };
}

// The first Thursday at least `days_ahead` days after `now`, at 16:00 Amsterdam time.
time::Timestamp thursday_afternoon(time::Timestamp now, int days_ahead) {
    time::Timestamp day = now + days_ahead * 86'400;
    while (time::weekday(day, time::amsterdam_offset_seconds(day)) != 4) day += 86'400;
    auto local = time::to_amsterdam(day);
    local.hour = 16;
    local.minute = 0;
    local.second = 0;
    return time::from_amsterdam(local);
}

struct DemoPerson {
    std::string name;
    std::string email;
    std::string organisation;
};

// A fictional person, the same for the same (group, index), so people return.
DemoPerson demo_person(std::size_t group, std::size_t index) {
    const std::size_t seed = group * 7 + index * 13;
    DemoPerson person;
    person.name = std::string(first_names[seed % std::size(first_names)]) + " " +
                  last_names[(seed / 3 + index) % std::size(last_names)];
    person.email = text::slugify(person.name) + "." + std::to_string(group) +
                   std::to_string(index) + "@voorbeeld.nl";
    person.organisation = organisations[group];
    return person;
}

// A world café with a plan on an upcoming café, so that the planner, its cards and the
// participants' routes can be tried right after `make serve`. The first registrations host
// the tables.
void plan_demo_world_cafe(Transaction& tx, std::int64_t werkplaats_id, std::int64_t event_id) {
    domain::WorldCafe cafe;
    cafe.event_id = event_id;
    cafe.round_questions = {"Waar zie jij eenzaamheid tussen jong en oud?",
                            "Wat werkt al om generaties met elkaar te verbinden?",
                            "Wat ga jij morgen anders doen?"};
    const auto registrations = tx.registrations(event_id);
    const char* const table_names[] = {"Oranje", "Blauw", "Groen"};
    for (std::size_t t = 0; t < std::size(table_names); ++t) {
        domain::CafeTable table;
        table.name = table_names[t];
        table.capacity = 6;
        if (t < registrations.size()) table.host_registration_id = registrations[t].id;
        cafe.tables.push_back(table);
    }
    if (!save_world_cafe_setup(tx, werkplaats_id, cafe).done) return;
    const auto event = tx.event(event_id);
    if (!event) return;
    const PlanningInput input = gather_planning_input(tx, *event);
    planner::Options options;
    options.seed = static_cast<std::uint64_t>(event_id);
    options.time_limit = std::chrono::milliseconds(500);
    const PlanningResult result = compute_plan(input, options);
    if (result.planned) apply_plan(tx, input, result);
}

// The theme agenda as a Werkplaats has it after a year: proposals with support, one taken
// up by the first upcoming café, one adopted and waiting for a date, one declined.
void load_demo_themes(Transaction& tx, std::int64_t werkplaats_id, std::int64_t debts_cafe,
                      time::Timestamp now) {
    struct DemoTheme {
        const char* title;
        const char* description;
        const char* place;
        domain::ThemeStatus status;
        domain::ThemeSource source;
        int supporters;
        int days_ago;
        const char* decline_reason;
    };
    const DemoTheme themes[] = {
        {"Jongeren met schulden",
         "Veel jongeren krijgen schulden zodra ze achttien worden. Wat helpt om dat te voorkomen?",
         "IJsselmonde", domain::ThemeStatus::scheduled, domain::ThemeSource::evaluation, 14, 120,
         ""},
        {"Mbo'ers in het wijkteam",
         "Hoe krijgen mbo-professionals een vaste plek in de wijkteams, naast hbo'ers?", "",
         domain::ThemeStatus::adopted, domain::ThemeSource::public_form, 9, 90, ""},
        {"Armoede en gezondheid",
         "Wie weinig geld heeft, is vaker ziek. Wat kunnen wijkteams en huisartsen samen doen?",
         "Dordrecht", domain::ThemeStatus::proposed, domain::ThemeSource::public_form, 6, 30, ""},
        {"Eenzaamheid onder studenten", "", "", domain::ThemeStatus::proposed,
         domain::ThemeSource::evaluation, 4, 21, ""},
        {"Digitale zorg voor ouderen",
         "Steeds meer loopt via apps en websites. Hoe houden we ouderen erbij?", "Ridderkerk",
         domain::ThemeStatus::proposed, domain::ThemeSource::public_form, 2, 12, ""},
        {"Een kenniscafé in Zwijndrecht", "Graag ook eens een kenniscafé buiten Rotterdam.",
         "Zwijndrecht", domain::ThemeStatus::proposed, domain::ThemeSource::public_form, 0, 3, ""},
        {"Huisuitzettingen voorkomen", "", "", domain::ThemeStatus::declined,
         domain::ThemeSource::public_form, 3, 200,
         "Dit thema kwam in 2019 al aan bod, in een kenniscafé en in het werkteam. Wat daar "
         "is opgehaald, staat in de kennisbank."},
    };
    int supporter = 0;
    for (const auto& demo : themes) {
        domain::Theme theme;
        theme.werkplaats_id = werkplaats_id;
        theme.title = demo.title;
        theme.description = demo.description;
        theme.place = demo.place;
        theme.status = demo.status;
        theme.source = demo.source;
        theme.decline_reason = demo.decline_reason;
        if (demo.status == domain::ThemeStatus::scheduled) theme.event_id = debts_cafe;
        theme.proposed_at = now - demo.days_ago * 86'400;
        theme.status_changed_at = now - demo.days_ago * 86'400 / 2;
        const auto theme_id = tx.insert_theme(theme);
        if (theme.event_id) tx.set_event_theme(*theme.event_id, theme_id);
        for (int k = 0; k < demo.supporters; ++k) {
            tx.add_theme_support(theme_id, "demo-supporter-" + std::to_string(++supporter),
                                 theme.proposed_at + k * 3600);
        }
    }
}

// What participants of a described café said afterwards: a few experiences shared with
// consent (written for the demo after the magazine's themes, not quoted from it) and the
// themes they asked for next.
struct DemoFeedback {
    const char* cafe_title;
    std::vector<domain::ExperienceForm> experiences;
    std::vector<const char*> next_themes;
};

std::vector<DemoFeedback> demo_feedback() {
    using domain::Attribution;
    return {
        {"Het omgekeerde keukentafelgesprek",
         {{"Dit keer zaten wij als bewoners zelf aan tafel en luisterden de professionals. Dat "
           "voelde als een echt gesprek.",
           Attribution::named, "Erik", "bewoner van Rotterdam-Zuid", true}},
         {"Mantelzorg naast een baan"}},
        {"Verbondenheid en veerkracht",
         {{"Ik schrijf mijn scriptie over eenzaamheid onder jonge mensen. Na vanmiddag weet ik "
           "welke kant ik op wil met mijn onderzoek.",
           Attribution::anonymous, "", "", true}},
         {"Jongeren met schulden", "Gezond leven voor jongeren",
          "Jongeren met een licht verstandelijke beperking"}},
        {"Intergenerationele problematiek",
         {{"Wat collega's uit andere wijkteams vertelden, gebruik ik nu in mijn gesprekken met "
           "gezinnen. En ik weet wie ik kan bellen.",
           Attribution::named, "Samira", "sociaal werker in een wijkteam", true}},
         {}},
        {"Voorkomen huisuitzettingen",
         {{"Er waren mensen van heel verschillende organisaties. Daardoor hoorde ik vragen waar "
           "ik zelf nooit aan had gedacht. Graag een vervolg.",
           Attribution::named, "Marco", "medewerker woningcorporatie", true},
          {"Waarom raken mensen zonder huurschuld hun huis kwijt? Daar wil ik meer over weten.",
           Attribution::anonymous, "", "", true}},
         {"Een kenniscafé in IJsselmonde"}},
    };
}

// Evaluations from about a third of a held café's visitors, half of them through their
// personal link; the described cafés also get their experiences and next themes.
void add_demo_feedback(Transaction& tx, std::int64_t werkplaats_id, const domain::Event& event) {
    const auto registrations = tx.registrations(event.id);
    if (registrations.empty()) return;
    const DemoFeedback* feedback = nullptr;
    static const auto all_feedback = demo_feedback();
    for (const auto& candidate : all_feedback) {
        if (event.details.title == candidate.cafe_title) feedback = &candidate;
    }
    static const int ratings[] = {5, 4, 4, 5, 3, 4, 5, 4, 2, 4, 5, 3};
    static const domain::ComeAgain come_again[] = {
        domain::ComeAgain::yes, domain::ComeAgain::yes,        domain::ComeAgain::maybe,
        domain::ComeAgain::yes, domain::ComeAgain::unanswered, domain::ComeAgain::no};
    static const char* const takeaways[] = {"Contacten met mensen uit andere organisaties.",
                                            "Dat bewoners zelf vaak al weten wat werkt.",
                                            "Een paar ideeën om morgen op mijn werk te proberen.",
                                            ""};
    const time::Timestamp after = event.details.ends_at + 3600;
    std::size_t next_theme = 0;
    for (std::size_t i = 0; i < registrations.size(); i += 3) {
        const auto& registration = registrations[i];
        domain::EvaluationAnswer answer;
        answer.rating = ratings[i % std::size(ratings)];
        answer.come_again = come_again[i % std::size(come_again)];
        answer.takeaway = takeaways[i % std::size(takeaways)];
        if (feedback && next_theme < feedback->next_themes.size()) {
            answer.next_theme = feedback->next_themes[next_theme++];
        }
        const bool through_link = i % 2 == 0;
        if (!through_link) answer.group_id = registration.form.group_id;
        submit_evaluation(tx, werkplaats_id, event.id, answer,
                          through_link ? registration.cancel_token : std::string(), after);
    }
    if (!feedback) return;
    for (const auto& experience : feedback->experiences) {
        submit_experience(tx, werkplaats_id, event.id, experience, "", after);
    }
}

}  // namespace

bool is_empty(Queries& queries) { return queries.werkplaatsen().empty(); }

void load_demo_werkplaats(Transaction& tx, time::Timestamp now) {
    const auto werkplaats_id =
        create_werkplaats(tx, "zhz", "Werkplaats Sociaal Domein Zuid-Holland Zuid");
    std::vector<std::int64_t> group_ids;
    for (const auto& group : tx.groups(werkplaats_id)) group_ids.push_back(group.id);
    std::map<std::string, std::int64_t> partner_ids;
    for (const char* name : {"Hogeschool Rotterdam", "Hogeschool Inholland", "Gemeente Rotterdam",
                             "Gemeente Ridderkerk", "Gemeente Dordrecht", "Albeda College",
                             "Beroepsvereniging BPSW", "Huis van de Wijk Feijenoord"}) {
        partner_ids[name] = tx.insert_partner({0, werkplaats_id, name, ""});
    }

    // The demo keeps its cafés of 2018 and 2019 for ten years, the longest retention there
    // is, so that a new user sees their check-in lists; a real Werkplaats starts at twelve
    // months.
    PrivacySettings privacy;
    privacy.werkplaats_id = werkplaats_id;
    privacy.retention.months = domain::RetentionPolicy::max_months;
    privacy.controller_name = "Werkplaats Sociaal Domein Zuid-Holland Zuid (demo)";
    privacy.contact_email = "privacy@demo.kenniscafe.nl";
    privacy.updated_at = now;
    tx.save_privacy_settings(privacy);

    const auto organiser_id = tx.insert_user({0, DemoLogin::organiser_email, "Demi Organisator",
                                              security::hash_password(DemoLogin::password)});
    tx.upsert_membership({organiser_id, werkplaats_id, Role::admin, false});
    const auto host_id = tx.insert_user(
        {0, DemoLogin::host_email, "Gijs Gastheer", security::hash_password(DemoLogin::password)});
    tx.upsert_membership({host_id, werkplaats_id, Role::host, false});

    // How often each group's people were used, so later cafés mix new and known faces.
    std::array<std::size_t, group_count> used{};
    for (const auto& cafe : demo_cafes()) {
        domain::EventDetails details;
        details.title = cafe.title;
        details.theme = cafe.theme;
        details.type = domain::EventType::kenniscafe;
        details.starts_at = time::from_amsterdam({cafe.year, cafe.month, cafe.day, 16, 0, 0});
        details.ends_at = details.starts_at + 2 * 3600;
        details.location_name = cafe.location_name;
        details.location_address = cafe.location_address;
        details.capacity = 60;
        for (const char* partner : cafe.partners) {
            if (partner_ids.count(partner)) details.partner_ids.push_back(partner_ids[partner]);
        }
        details.speakers = cafe.speakers;
        details.programme = cafe.programme;
        const auto event_id = tx.insert_event(werkplaats_id, details, domain::EventStatus::held,
                                              details.starts_at - 60 * 86'400);
        for (std::size_t group = 0; group < group_count; ++group) {
            for (int k = 0; k < cafe.present[group]; ++k) {
                // About one in three comes back from an earlier café.
                const std::size_t index =
                    (k % 3 == 2 && used[group] > 2) ? used[group] / 2 : used[group]++;
                DemoPerson person = demo_person(group, index);
                if (tx.active_registration_by_email(event_id,
                                                    *text::normalize_email(person.email))) {
                    person = demo_person(group, used[group]++);
                }
                domain::Registration registration;
                registration.event_id = event_id;
                registration.form = {person.name,         person.email, group_ids[group],
                                     person.organisation, "",           "",
                                     k % 4 != 0,          k % 2 == 0};
                registration.email_normalized = text::normalize_email(person.email);
                registration.status = domain::RegistrationStatus::registered;
                registration.attendance = domain::Attendance::checked_in;
                registration.walk_in = k == 3;
                registration.cancel_token = security::random_token();
                registration.created_at = details.starts_at - 7 * 86'400;
                registration.checked_in_at = details.starts_at;
                tx.insert_registration(registration);
            }
        }
        add_demo_feedback(tx, werkplaats_id, *tx.event(event_id));
    }

    load_demo_follow_up(tx, werkplaats_id, now);
    load_demo_reports(tx, werkplaats_id, now);
    load_demo_live_results(tx, werkplaats_id, now);

    // Upcoming cafés, open for registration: one nearly full, one with room.
    struct Upcoming {
        const char* title;
        const char* theme;
        int days_ahead;
        const char* location_name;
        const char* location_address;
        const char* accessibility;
        int capacity;
        int registrations;
        domain::EventStatus status;
        bool with_world_cafe;
    };
    const Upcoming upcoming[] = {
        {"Jongeren en schulden", "Schulden", 10, "Huis van de Wijk De Larenkamp",
         "Larenkamp 1, Rotterdam-IJsselmonde",
         "Ingang zonder drempels, invalidentoilet op de begane grond, ringleiding in de zaal.", 30,
         26, domain::EventStatus::published, false},
        {"Eenzaamheid tussen generaties", "Ontmoeting", 40, "Bibliotheek Dordrecht",
         "Groenmarkt 153, Dordrecht", "Lift aanwezig. Parkeren voor de deur.", 60, 12,
         domain::EventStatus::published, true},
        {"Mantelzorg en de kostendelersnorm", "Informeel en formeel", 75, "Hogeschool Inholland",
         "Posthumalaan 90, Rotterdam", "", 40, 0, domain::EventStatus::draft, false},
    };
    std::vector<std::int64_t> upcoming_ids;
    for (const auto& cafe : upcoming) {
        domain::EventDetails details;
        details.title = cafe.title;
        details.theme = cafe.theme;
        details.description =
            "Een open en gratis kenniscafé. Bewoners, professionals, studenten en onderzoekers "
            "praten "
            "samen over het thema en zoeken naar wat wél werkt. Iedereen is welkom.";
        details.starts_at = thursday_afternoon(now, cafe.days_ahead);
        details.ends_at = details.starts_at + 2 * 3600;
        details.location_name = cafe.location_name;
        details.location_address = cafe.location_address;
        details.accessibility = cafe.accessibility;
        details.capacity = cafe.capacity;
        details.partner_ids = {partner_ids["Hogeschool Rotterdam"],
                               partner_ids["Gemeente Rotterdam"]};
        details.programme = {{"16:00", "Welkom met koffie en thee", WorkForm::break_time},
                             {"16:15", "Ervaringsverhalen", WorkForm::personal_stories},
                             {"16:45", "Live peiling: wat speelt er bij jou?", WorkForm::live_poll},
                             {"17:00", "Wereldcafé", WorkForm::world_cafe},
                             {"17:45", "Oogst en afsluiting", WorkForm::table_conversations}};
        const auto event_id = tx.insert_event(werkplaats_id, details, cafe.status, now);
        upcoming_ids.push_back(event_id);
        for (int k = 0; k < cafe.registrations; ++k) {
            const std::size_t group = static_cast<std::size_t>(k * 5) % group_count;
            const DemoPerson person = demo_person(group, 200 + static_cast<std::size_t>(k));
            register_participant(tx, event_id,
                                 {person.name, person.email, group_ids[group], person.organisation,
                                  "", "", true, true},
                                 now);
        }
        if (cafe.with_world_cafe) plan_demo_world_cafe(tx, werkplaats_id, event_id);
        // The demo host works the door of every upcoming café.
        tx.set_event_hosts(event_id, {host_id});
    }
    load_demo_themes(tx, werkplaats_id, upcoming_ids.front(), now);
    load_demo_werkteams(tx, werkplaats_id, now);
    load_demo_library(tx, werkplaats_id, now);
}

}  // namespace kc::app
