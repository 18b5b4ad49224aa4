/* The contract's code lists (section 1) with Danish and English labels.
 * The order of each table IS the numeric value of the public enums in
 * include/paroer/vocab.h: append only, never reorder. */
#include "model.h"
#include <string.h>

typedef struct pr_code_entry { const char *code, *da, *en; } pr_code_entry;

static const pr_code_entry condition_codes[] = {
    {"frailty", "Alderssvækkelse", "Frailty in old age"},
    {"dementia", "Demens", "Dementia"},
    {"physical_illness", "Fysisk eller kronisk sygdom", "Physical or chronic illness"},
    {"physical_disability", "Fysisk funktionsnedsættelse", "Physical disability"},
    {"cancer", "Kræft", "Cancer"},
    {"brain_injury", "Erhvervet hjerneskade", "Acquired brain injury"},
    {"mental_illness", "Psykisk sygdom", "Mental illness"},
    {"substance_abuse", "Misbrug", "Substance abuse"},
    {"cognitive_disability", "Udviklingshæmning / kognitivt handicap", "Intellectual or cognitive disability"},
    {"neurodevelopmental", "Autisme, ADHD m.fl.", "Autism, ADHD and other neurodevelopmental conditions"},
    {"social_problems", "Sociale udfordringer", "Social problems"},
};
static const pr_code_entry relation_codes[] = {
    {"spouse_partner", "Ægtefælle eller partner", "Spouse or partner"},
    {"son_daughter", "Søn eller datter", "Son or daughter"},
    {"parent", "Forælder", "Parent"},
    {"sibling", "Søskende", "Sibling"},
    {"other_family", "Anden familie", "Other family"},
    {"friend_neighbour", "Ven, nabo eller anden nær omsorgsperson", "Friend, neighbour or other close carer"},
};
static const pr_code_entry age_band_codes[] = {
    {"child", "Barn (0–12 år)", "Child (0–12)"},
    {"youth", "Ung (13–17 år)", "Youth (13–17)"},
    {"young_adult", "Ung voksen (18–29 år)", "Young adult (18–29)"},
    {"adult", "Voksen (30–64 år)", "Adult (30–64)"},
    {"senior", "Ældre (65+ år)", "Senior (65+)"},
};
static const pr_code_entry flag_codes[] = {
    {"cohabiting", "Bor sammen", "Living together"},
    {"cared_at_home", "Bor i eget hjem", "Cared for at home"},
    {"terminal", "Døende", "Terminally ill"},
    {"bereaved", "Efterladt", "Bereaved"},
    {"employed", "I arbejde", "In work"},
};
static const pr_code_entry bereavement_codes[] = {
    {"no", "Ikke efterladte", "Not bereaved"},
    {"also", "Også efterladte", "Also bereaved"},
    {"only", "Kun efterladte", "Bereaved only"},
};
static const pr_code_entry need_codes[] = {
    {"respite", "Pause og aflastning", "Respite"},
    {"practical_help", "Praktisk hjælp", "Practical help"},
    {"information", "Viden og information", "Information"},
    {"education", "Undervisning og kursus", "Education"},
    {"peer_support", "Møde med andre pårørende", "Peer support"},
    {"counselling", "Rådgivning og samtaler", "Counselling"},
    {"own_health", "Egen sundhed", "Own health"},
    {"financial", "Økonomisk støtte", "Financial support"},
    {"work_life", "Balance mellem arbejde og omsorg", "Work-life balance"},
    {"network", "Netværk og fællesskab", "Network"},
    {"involvement", "Inddragelse", "Involvement"},
};
static const pr_code_entry offer_kind_codes[] = {
    {"respite_home", "Afløsning i hjemmet", "Respite care at home"},
    {"respite_away", "Aflastning", "Respite care away from home"},
    {"activity_break", "Ferie, aktiviteter og pusterum", "Breaks and activities"},
    {"counselling", "Rådgivning og samtaler", "Counselling"},
    {"health_promotion", "Tilbud om egen sundhed", "Health promotion"},
    {"peer_group", "Pårørendegruppe", "Peer group"},
    {"cafe_network", "Café og netværk", "Café and network"},
    {"course", "Kursus og undervisning", "Course"},
    {"information", "Information", "Information"},
    {"financial_support", "Økonomisk støtte", "Financial support"},
    {"leave", "Orlov og fleksible ordninger", "Leave"},
    {"involvement", "Pårørendeinddragelse", "Involvement"},
};
static const pr_code_entry mode_codes[] = {
    {"in_person", "Fremmøde", "In person"},
    {"online", "Online", "Online"},
    {"phone", "Telefon", "Phone"},
    {"home", "I eget hjem", "At home"},
};
static const pr_code_entry slot_codes[] = {
    {"weekday_day", "Hverdage i dagtimerne", "Weekday daytime"},
    {"weekday_evening", "Hverdagsaftener", "Weekday evening"},
    {"weekend", "Weekend", "Weekend"},
};
static const pr_code_entry access_codes[] = {
    {"open", "Mød bare op", "Open"},
    {"registration", "Tilmelding", "Registration"},
    {"referral", "Henvisning", "Referral"},
    {"assessment", "Visitation", "Assessment"},
};
static const pr_code_entry provider_kind_codes[] = {
    {"municipal", "Kommunal", "Municipal"},
    {"regional", "Regional", "Regional"},
    {"civil_society", "Civilsamfund", "Civil society"},
    {"private", "Privat", "Private"},
};
static const pr_code_entry area_codes[] = {
    {"elderly", "Ældreområdet", "Elderly care"},
    {"health", "Sundhedsområdet", "Health"},
    {"social", "Voksensocialområdet", "Adult social services"},
    {"children_family", "Børne- og familieområdet", "Children and families"},
    {"employment", "Beskæftigelsesområdet", "Employment"},
    {"cross_cutting", "Tværgående", "Cross-cutting"},
};
static const pr_code_entry status_codes[] = {
    {"active", "Aktiv", "Active"},
    {"waitlist", "Venteliste", "Waiting list"},
    {"paused", "Sat på pause", "Paused"},
};
static const pr_code_entry goal_category_codes[] = {
    {"recognition", "Anerkendelse", "Recognition"},
    {"collaboration", "Samarbejde", "Collaboration"},
    {"access_information", "Adgang til information", "Access to information"},
    {"cross_sector", "Tværsektorielt samarbejde", "Cross-sector collaboration"},
    {"respite_support", "Aflastning og støtte", "Respite and support"},
    {"economy_leave", "Økonomi og orlov", "Finances and leave"},
    {"prevention_health", "Forebyggelse og sundhed", "Prevention and health"},
    {"network", "Netværk", "Network"},
    {"user_involvement", "Brugerinddragelse", "User involvement"},
    {"children_youth", "Børn og unge som pårørende", "Children and young people"},
};

typedef struct pr_list { const char *name; const pr_code_entry *codes; int32_t count; } pr_list;
static const pr_list lists[] = {
    {"condition", condition_codes, (int32_t)PR_COUNT_OF(condition_codes)},
    {"relation", relation_codes, (int32_t)PR_COUNT_OF(relation_codes)},
    {"age_band", age_band_codes, (int32_t)PR_COUNT_OF(age_band_codes)},
    {"flag", flag_codes, (int32_t)PR_COUNT_OF(flag_codes)},
    {"bereavement", bereavement_codes, (int32_t)PR_COUNT_OF(bereavement_codes)},
    {"need", need_codes, (int32_t)PR_COUNT_OF(need_codes)},
    {"offer_kind", offer_kind_codes, (int32_t)PR_COUNT_OF(offer_kind_codes)},
    {"mode", mode_codes, (int32_t)PR_COUNT_OF(mode_codes)},
    {"slot", slot_codes, (int32_t)PR_COUNT_OF(slot_codes)},
    {"access", access_codes, (int32_t)PR_COUNT_OF(access_codes)},
    {"provider_kind", provider_kind_codes, (int32_t)PR_COUNT_OF(provider_kind_codes)},
    {"area", area_codes, (int32_t)PR_COUNT_OF(area_codes)},
    {"status", status_codes, (int32_t)PR_COUNT_OF(status_codes)},
    {"goal_category", goal_category_codes, (int32_t)PR_COUNT_OF(goal_category_codes)},
};
