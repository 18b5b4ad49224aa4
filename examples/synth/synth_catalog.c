/*
 * synth_catalog.c - a synthetic national catalog in the contract's catalog
 * format (docs/contract.md section 2): providers, offers for every municipality plus
 * nationwide offers, and relatives' policies for about half the municipalities.
 *
 * Offers come from templates modelled on real offer kinds (REFERENCE §4 and
 * data/dk-offers.json); every municipality gets the statutory schemes and a
 * random draw from the optional templates.  All names carry "(syntetisk)" on
 * providers, every description says the offer is synthetic, and every address
 * uses the reserved .example domain, so no synthetic offer can be mistaken
 * for a real one.  See docs/synthetic.md.
 */
#include "synth.h"

#include <string.h>

/* ---- vocabulary ---------------------------------------------------------- */

enum { C_FRAILTY, C_DEMENTIA, C_PHYS_ILL, C_PHYS_DIS, C_CANCER, C_BRAIN, C_MENTAL,
       C_SUBST, C_COGN, C_NEURO, C_SOCIAL, N_COND };
static const char *const cond_code[N_COND] = {
    "frailty", "dementia", "physical_illness", "physical_disability", "cancer", "brain_injury",
    "mental_illness", "substance_abuse", "cognitive_disability", "neurodevelopmental", "social_problems"};
static const char *const cond_da[N_COND] = {
    "alderssvækkelse", "demens", "kronisk sygdom", "fysisk handicap", "kræft", "erhvervet hjerneskade",
    "psykisk sygdom", "misbrug", "udviklingshæmning", "autisme eller ADHD", "sociale udfordringer"};

enum { R_SPOUSE, R_CHILD, R_PARENT, R_SIBLING, R_OTHER, R_FRIEND, N_REL };
static const char *const rel_code[N_REL] = {
    "spouse_partner", "son_daughter", "parent", "sibling", "other_family", "friend_neighbour"};

enum { N_RESPITE, N_PRACTICAL, N_INFO, N_EDU, N_PEER, N_COUNSEL, N_OWNHEALTH, N_FIN, N_WORK,
       N_NETWORK, N_INVOLVE, N_NEED };
static const char *const need_code[N_NEED] = {
    "respite", "practical_help", "information", "education", "peer_support", "counselling",
    "own_health", "financial", "work_life", "network", "involvement"};

enum { K_RESPITE_HOME, K_RESPITE_AWAY, K_ACTIVITY, K_COUNSEL, K_HEALTH, K_PEER, K_CAFE, K_COURSE,
       K_INFO, K_FIN, K_LEAVE, K_INVOLVE, N_KIND };
static const char *const kind_code[N_KIND] = {
    "respite_home", "respite_away", "activity_break", "counselling", "health_promotion", "peer_group",
    "cafe_network", "course", "information", "financial_support", "leave", "involvement"};
static const char *const kind_slug[N_KIND] = {
    "respite-home", "respite-away", "activity-break", "counselling", "health-promotion", "peer-group",
    "cafe-network", "course", "information", "financial-support", "leave", "involvement"};

#define BIT(i) (1u << (i))
static const unsigned kind_needs[N_KIND] = {
    BIT(N_RESPITE) | BIT(N_PRACTICAL), BIT(N_RESPITE) | BIT(N_PRACTICAL),
    BIT(N_RESPITE) | BIT(N_OWNHEALTH) | BIT(N_NETWORK), BIT(N_COUNSEL) | BIT(N_INFO),
    BIT(N_OWNHEALTH), BIT(N_PEER) | BIT(N_NETWORK), BIT(N_NETWORK) | BIT(N_PEER),
    BIT(N_EDU) | BIT(N_INFO), BIT(N_INFO), BIT(N_FIN) | BIT(N_WORK), BIT(N_WORK), BIT(N_INVOLVE)};

enum { M_IN_PERSON, M_ONLINE, M_PHONE, M_HOME, N_MODE };
static const char *const mode_code[N_MODE] = {"in_person", "online", "phone", "home"};
#define MODES_ALL (BIT(M_IN_PERSON) | BIT(M_ONLINE) | BIT(M_PHONE) | BIT(M_HOME))

enum { S_DAY, S_EVENING, S_WEEKEND, N_SLOT };
static const char *const slot_code[N_SLOT] = {"weekday_day", "weekday_evening", "weekend"};

enum { A_DEFAULT, A_OPEN, A_REGISTRATION, A_REFERRAL, A_ASSESSMENT };
static const char *const access_code[] = {NULL, "open", "registration", "referral", "assessment"};

enum { Q_COHAB, Q_HOME, Q_TERMINAL, Q_EMPLOYED, N_REQ };
static const char *const req_code[N_REQ] = {"cohabiting", "cared_at_home", "terminal", "employed"};

enum { B_NO, B_ALSO, B_ONLY };
static const char *const bereaved_code[] = {"no", "also", "only"};

/* FSIII intervention codes (KL Fælles Sprog III, OID 1.2.208.176.2.21; REFERENCE §2.1). */
#define FSIII_SYSTEM "urn:oid:1.2.208.176.2.21"
#define FSIII_AEL_AFLOESNING "649b3428-4018-47da-bb36-1f2bfab3c8c1"  /* Afløsning i hjemmet (ÆL) */
#define FSIII_AEL_AFLASTNING "ceb5a58a-06ff-49c6-9da2-f65fc63847f6"  /* Aflastningsophold uden for hjemmet (ÆL) */
#define FSIII_H31 "406a5834-76fc-42fb-a1d5-c471e39f9ef0"            /* H3.1 Aflastningsophold uden for hjemmet */
#define FSIII_H32 "06ebbe96-1f58-4f77-b06e-217ac754c597"            /* H3.2 Afløsning i hjemmet */

/* ---- templates ----------------------------------------------------------- */

/* Provider roles within a municipality. */
enum { P_OMSORG, P_SOCIAL, P_BOERN, P_SUNDHED, P_CIVIL, P_PRIVATE, N_ROLE };

/* How a template chooses conditions. */
enum { CM_FIXED, CM_ONE, CM_SOME };

typedef struct target {
    int age_min, age_max;     /* -1 = open */
    unsigned relations;       /* 0 = any */
    unsigned conditions;      /* 0 = any */
    int cared_min, cared_max; /* -1 = open */
    unsigned requires;
    int bereaved;
} target;

#define OPEN_TARGET {-1, -1, 0, 0, -1, -1, 0, B_NO}

/* Template flags. */
enum {
    TF_GROUP = 1,      /* meets on a schedule (groups, cafés, courses) */
    TF_CAPACITY = 2,   /* often has a capacity */
    TF_PRICE = 4,      /* sometimes costs money */
    TF_ADULT = 8,      /* relative_age min 18 on most draws */
    TF_NARROW = 16,    /* sometimes restricts relations to a subset */
    TF_VEJLEDER = 32,  /* municipal counselling: municipal only where there is a pårørendevejleder */
    TF_STATUTORY = 64, /* a scheme the municipality must offer: never paused, expired or not yet started */
};

typedef struct tmpl {
    int kind;
    const char *name;        /* Danish; "%s" is replaced by the condition phrase */
    int role;
    int access;
    unsigned modes;          /* 0 = omit (in_person) */
    unsigned slots;          /* 0 = omit (flexible) */
    int cond_mode;
    unsigned conds;          /* the conditions (CM_FIXED) or the pool (CM_ONE/CM_SOME) */
    target t;
    unsigned needs;          /* 0 = the kind's default */
    const char *legal;       /* ';'-separated legal bases, or NULL */
    const char *fsiii;       /* FSIII code, or NULL */
    unsigned flags;
    uint32_t weight;         /* draw weight in the optional pool */
} tmpl;

#define D BIT(S_DAY)
#define E BIT(S_EVENING)
#define W BIT(S_WEEKEND)
#define IP BIT(M_IN_PERSON)
#define ON BIT(M_ONLINE)
#define PH BIT(M_PHONE)
#define HO BIT(M_HOME)
#define CB(c) BIT(C_##c)
#define RB(r) BIT(R_##r)

/* The schemes every municipality must offer (REFERENCE §1.1-1.5). */
static const tmpl statutory[] = {
    {K_RESPITE_HOME, "Afløsning i hjemmet", P_OMSORG, A_ASSESSMENT, HO, D, CM_FIXED, 0,
     {-1, -1, 0, 0, 67, -1, 0, B_NO}, 0, "aeldreloven-16", FSIII_AEL_AFLOESNING, 0, 0},
    {K_RESPITE_AWAY, "Aflastningsophold og daghjem", P_OMSORG, A_ASSESSMENT, IP, D, CM_FIXED, 0,
     {-1, -1, 0, 0, 67, -1, 0, B_NO}, 0, "aeldreloven-16", FSIII_AEL_AFLASTNING, TF_CAPACITY | TF_PRICE, 0},
    {K_RESPITE_HOME, "Afløsning i hjemmet til voksne med nedsat funktionsevne", P_SOCIAL, A_ASSESSMENT, HO, D,
     CM_FIXED, 0, {-1, -1, 0, 0, 18, 66, 0, B_NO}, 0, "serviceloven-84", FSIII_H32, 0, 0},
    {K_RESPITE_AWAY, "Aflastningsophold for voksne med nedsat funktionsevne", P_SOCIAL, A_ASSESSMENT, IP, 0,
     CM_FIXED, 0, {-1, -1, 0, 0, 18, 66, 0, B_NO}, 0, "serviceloven-84", FSIII_H31, TF_CAPACITY, 0},
    {K_RESPITE_AWAY, "Aflastning for familier med et barn med handicap", P_BOERN, A_ASSESSMENT, IP, 0, CM_FIXED,
     BIT(C_PHYS_DIS) | BIT(C_COGN) | BIT(C_NEURO) | BIT(C_PHYS_ILL), {-1, -1, RB(PARENT), 0, -1, 17, 0, B_NO},
     0, "barnets-lov-32;barnets-lov-90", FSIII_H31, 0, 0},
    {K_FIN, "Plejevederlag ved pasning af døende", P_OMSORG, A_ASSESSMENT, MODES_ALL, 0, CM_FIXED, 0,
     {-1, -1, 0, 0, -1, -1, BIT(Q_TERMINAL) | BIT(Q_HOME), B_NO}, 0, "aeldreloven-24", NULL, 0, 0},
    {K_FIN, "Ansættelse til pasning af nærtstående med handicap eller alvorlig sygdom", P_OMSORG, A_ASSESSMENT,
     MODES_ALL, 0, CM_FIXED,
     BIT(C_DEMENTIA) | BIT(C_PHYS_ILL) | BIT(C_PHYS_DIS) | BIT(C_CANCER) | BIT(C_BRAIN) | BIT(C_COGN) | BIT(C_NEURO),
     {-1, -1, 0, 0, -1, -1, BIT(Q_HOME), B_NO}, 0, "aeldreloven-kapitel-7", NULL, 0, 0},
    {K_FIN, "Dækning af merudgifter ved forsørgelse af et barn med handicap", P_BOERN, A_ASSESSMENT, MODES_ALL, 0,
     CM_FIXED, BIT(C_PHYS_DIS) | BIT(C_COGN) | BIT(C_NEURO) | BIT(C_PHYS_ILL),
     {-1, -1, RB(PARENT), 0, -1, 17, 0, B_NO}, BIT(N_FIN), "barnets-lov-86", NULL, 0, 0},
    {K_FIN, "Tabt arbejdsfortjeneste ved pasning af et barn med handicap", P_BOERN, A_ASSESSMENT, MODES_ALL, 0,
     CM_FIXED, BIT(C_PHYS_DIS) | BIT(C_COGN) | BIT(C_NEURO) | BIT(C_PHYS_ILL),
     {-1, -1, RB(PARENT), 0, -1, 17, BIT(Q_EMPLOYED) | BIT(Q_HOME), B_NO}, 0, "barnets-lov-87", NULL, 0, 0},
};
#define N_STATUTORY (sizeof statutory / sizeof statutory[0])

/* Offered only where the municipality has a pårørendevejleder (40 of 98). */
static const tmpl vejleder = {
    K_COUNSEL, "Pårørendevejleder", P_OMSORG, A_OPEN, IP | PH | ON, D | E, CM_FIXED, 0, OPEN_TARGET, 0, NULL, NULL,
    TF_ADULT, 0};

/* The optional pool; kinds and weights after REFERENCE §4 and seed 000 (see docs). */
static const tmpl pool[] = {
    /* courses and information: offered by almost every municipality */
    {K_COURSE, "Pårørendekursus om %s", P_OMSORG, A_REGISTRATION, IP, D | E, CM_ONE,
     CB(DEMENTIA) | CB(BRAIN) | CB(PHYS_ILL) | CB(CANCER), OPEN_TARGET, 0, NULL, NULL,
     TF_GROUP | TF_CAPACITY | TF_ADULT | TF_NARROW, 40},
    {K_COURSE, "Lær at tackle hverdagen som pårørende", P_SUNDHED, A_REGISTRATION, IP, E, CM_FIXED, 0,
     OPEN_TARGET, 0, "sundhedsloven-119", NULL, TF_GROUP | TF_CAPACITY | TF_ADULT, 20},
    {K_COURSE, "Psykoedukation for pårørende til mennesker med psykisk sygdom", P_SOCIAL, A_REGISTRATION, IP, E,
     CM_FIXED, CB(MENTAL), OPEN_TARGET, 0, NULL, NULL, TF_GROUP | TF_CAPACITY | TF_ADULT, 12},
    {K_COURSE, "Forældrekursus: når dit barn har %s", P_BOERN, A_REGISTRATION, IP, E, CM_ONE,
     CB(NEURO) | CB(COGN) | CB(PHYS_DIS), {-1, -1, RB(PARENT), 0, -1, 17, 0, B_NO}, 0, NULL, NULL,
     TF_GROUP | TF_CAPACITY, 8},
    {K_INFO, "Temaaften for pårørende til mennesker med %s", P_OMSORG, A_OPEN, IP, E, CM_ONE,
     CB(DEMENTIA) | CB(FRAILTY) | CB(PHYS_ILL) | CB(CANCER) | CB(BRAIN) | CB(MENTAL), OPEN_TARGET, 0, NULL, NULL,
     TF_GROUP | TF_ADULT, 30},
    {K_INFO, "Information og vejledning om rettigheder som pårørende", P_OMSORG, A_OPEN, IP | PH | ON, 0,
     CM_FIXED, 0, OPEN_TARGET, 0, NULL, NULL, TF_ADULT, 15},
    {K_INFO, "Informationsmøde for pårørende til beboere på plejecenter", P_OMSORG, A_OPEN, IP, E, CM_FIXED,
     CB(FRAILTY) | CB(DEMENTIA), {-1, -1, 0, 0, 65, -1, 0, B_NO}, 0, NULL, NULL, TF_GROUP | TF_ADULT, 10},
    /* peer groups */
    {K_PEER, "Pårørendegruppe for ægtefæller til mennesker med %s", P_OMSORG, A_REGISTRATION, IP, D, CM_ONE,
     CB(DEMENTIA) | CB(BRAIN) | CB(PHYS_ILL) | CB(CANCER), {18, -1, RB(SPOUSE), 0, -1, -1, 0, B_NO}, 0, NULL,
     NULL, TF_GROUP | TF_CAPACITY, 18},
    {K_PEER, "Samtalegruppe for voksne børn af forældre med %s", P_OMSORG, A_REGISTRATION, IP, E, CM_ONE,
     CB(DEMENTIA) | CB(FRAILTY) | CB(CANCER) | CB(MENTAL), {18, -1, RB(CHILD), 0, -1, -1, 0, B_NO}, 0, NULL, NULL,
     TF_GROUP | TF_CAPACITY, 12},
    {K_PEER, "Pårørendegruppe for pårørende til mennesker med %s", P_SOCIAL, A_REGISTRATION, IP, E, CM_ONE,
     CB(MENTAL) | CB(SUBST) | CB(BRAIN) | CB(CANCER) | CB(PHYS_ILL) | CB(COGN), OPEN_TARGET, 0, NULL, NULL,
     TF_GROUP | TF_CAPACITY | TF_ADULT | TF_NARROW, 16},
    {K_PEER, "Søskendegruppe for børn med en bror eller søster med handicap eller sygdom", P_BOERN, A_REFERRAL,
     IP, D, CM_FIXED, CB(PHYS_DIS) | CB(COGN) | CB(NEURO) | CB(PHYS_ILL) | CB(CANCER),
     {8, 17, RB(SIBLING), 0, -1, 17, 0, B_NO}, 0, "barnets-lov-30", NULL, TF_GROUP | TF_CAPACITY, 6},
    {K_PEER, "Gruppe for børn og unge med en alvorligt syg forælder", P_BOERN, A_REFERRAL, IP, D, CM_SOME,
     CB(CANCER) | CB(MENTAL) | CB(SUBST) | CB(PHYS_ILL) | CB(BRAIN), {7, 17, RB(CHILD), 0, -1, -1, 0, B_NO}, 0,
     "barnets-lov-30", NULL, TF_GROUP | TF_CAPACITY, 6},
    {K_PEER, "Sorggruppe for efterladte", P_CIVIL, A_REGISTRATION, IP, E, CM_FIXED, 0,
     {18, -1, 0, 0, -1, -1, 0, B_ONLY}, 0, NULL, NULL, TF_GROUP | TF_CAPACITY | TF_NARROW, 8},
    /* cafés and networks */
    {K_CAFE, "Demenscafé", P_OMSORG, A_OPEN, IP, D, CM_FIXED, CB(DEMENTIA), OPEN_TARGET, 0, NULL, NULL,
     TF_GROUP | TF_ADULT, 18},
    {K_CAFE, "Pårørendecafé", P_CIVIL, A_OPEN, IP, E, CM_FIXED, 0, OPEN_TARGET, 0, NULL, NULL, TF_GROUP | TF_ADULT, 10},
    {K_CAFE, "Netværksgruppe for pårørende til mennesker med %s", P_CIVIL, A_OPEN, IP, E | W, CM_ONE,
     CB(BRAIN) | CB(MENTAL) | CB(COGN) | CB(NEURO) | CB(PHYS_DIS), OPEN_TARGET, 0, NULL, NULL, TF_GROUP, 8},
    /* counselling: municipal only where there is a pårørendevejleder, else civil society */
    {K_COUNSEL, "Demenskoordinator: rådgivning til pårørende", P_OMSORG, A_OPEN, IP | PH | HO, D, CM_FIXED,
     CB(DEMENTIA), OPEN_TARGET, 0, NULL, NULL, TF_VEJLEDER, 14},
    {K_COUNSEL, "Rådgivning for pårørende til mennesker med erhvervet hjerneskade", P_SOCIAL, A_OPEN, IP | PH, D,
     CM_FIXED, CB(BRAIN), OPEN_TARGET, 0, NULL, NULL, TF_VEJLEDER, 6},
    {K_COUNSEL, "Rådgivning for pårørende til mennesker med misbrug", P_SOCIAL, A_OPEN, IP | PH, D | E, CM_FIXED,
     CB(SUBST), OPEN_TARGET, 0, NULL, NULL, TF_VEJLEDER | TF_ADULT, 6},
    {K_COUNSEL, "Familiesamtaler, når en forælder er alvorligt syg", P_BOERN, A_REFERRAL, IP, D, CM_FIXED,
     CB(CANCER) | CB(PHYS_ILL) | CB(MENTAL), {-1, 17, RB(CHILD), 0, -1, -1, 0, B_ALSO}, 0, NULL, NULL,
     TF_VEJLEDER, 4},
    /* own health: in fewer than half the municipalities */
    {K_HEALTH, "Stresshåndtering for pårørende", P_SUNDHED, A_REGISTRATION, IP, E, CM_FIXED, 0, OPEN_TARGET, 0,
     "sundhedsloven-119", NULL, TF_GROUP | TF_CAPACITY | TF_ADULT, 10},
    {K_HEALTH, "Psykologsamtaler til nære pårørende", P_SUNDHED, A_REFERRAL, IP, D, CM_FIXED, 0, OPEN_TARGET, 0,
     "sundhedsloven-119", NULL, TF_ADULT | TF_CAPACITY, 6},
    {K_HEALTH, "Motion og fællesskab for pårørende", P_SUNDHED, A_OPEN, IP, D, CM_FIXED, 0, OPEN_TARGET,
     BIT(N_OWNHEALTH) | BIT(N_NETWORK), "sundhedsloven-119", NULL, TF_GROUP | TF_ADULT, 5},
    /* breaks */
    {K_ACTIVITY, "Pusterum: ferieophold for pårørende og nærtstående med %s", P_CIVIL, A_REGISTRATION, IP, W,
     CM_ONE, CB(DEMENTIA) | CB(BRAIN) | CB(PHYS_DIS), OPEN_TARGET, 0, NULL, NULL, TF_CAPACITY | TF_PRICE, 6},
    {K_ACTIVITY, "Aktivitetsdag for ægtepar, hvor den ene har demens", P_OMSORG, A_REGISTRATION, IP, D, CM_FIXED,
     CB(DEMENTIA), {-1, -1, RB(SPOUSE), 0, -1, -1, 0, B_NO}, 0, NULL, NULL, TF_GROUP | TF_CAPACITY, 5},
    /* involvement: only where the municipality has a panel */
    {K_INVOLVE, "Pårørendepanel", P_OMSORG, A_REGISTRATION, IP, E, CM_FIXED, 0, OPEN_TARGET, 0, NULL, NULL,
     TF_GROUP | TF_ADULT, 6},
    {K_INVOLVE, "Pårørenderåd på plejecentre", P_OMSORG, A_OPEN, IP, E, CM_FIXED, 0,
     {-1, -1, 0, 0, 65, -1, 0, B_NO}, 0, NULL, NULL, TF_GROUP | TF_ADULT, 4},
    /* more respite */
    {K_RESPITE_AWAY, "Weekendaflastning for pårørende til mennesker med demens", P_OMSORG, A_ASSESSMENT, IP, W,
     CM_FIXED, CB(DEMENTIA), {-1, -1, 0, 0, 60, -1, 0, B_NO}, 0, "aeldreloven-16", FSIII_AEL_AFLASTNING,
     TF_CAPACITY, 6},
    {K_RESPITE_HOME, "Vågetjeneste", P_CIVIL, A_REGISTRATION, HO, E | W, CM_FIXED, 0,
     {-1, -1, 0, 0, -1, -1, BIT(Q_TERMINAL), B_NO}, 0, NULL, NULL, 0, 5},
    {K_RESPITE_HOME, "Afløsning i hjemmet ved privat leverandør", P_PRIVATE, A_ASSESSMENT, HO, D | E, CM_FIXED, 0,
     {-1, -1, 0, 0, 67, -1, 0, B_NO}, 0, "aeldreloven-16", FSIII_AEL_AFLOESNING, 0, 5},
    /* leave */
    {K_LEAVE, "Vejledning om orlov og fleksible ordninger for pårørende i job", P_OMSORG, A_OPEN, PH | ON, 0,
     CM_FIXED, 0, {18, -1, 0, 0, -1, -1, BIT(Q_EMPLOYED), B_NO}, 0, NULL, NULL, 0, 3},
};
#define N_POOL (sizeof pool / sizeof pool[0])

/* National providers (all synthetic stand-ins). */
enum { NP_LINE, NP_DEMENS, NP_KRAEFT, NP_PSYK, NP_HJERNE, NP_SORG, NP_UNGE, NP_VAAGE, NP_SPROG,
       NP_HANDICAP, NP_OFFENTLIG, NP_REGION, N_NPROV };
static const struct {
    const char *id, *name, *kind, *area;
} nprov[N_NPROV] = {
    {"syn-dk-paaroerendeforening", "Landsforening for pårørende (syntetisk)", "civil_society", "cross_cutting"},
    {"syn-dk-demensforening", "Landsforening om demens (syntetisk)", "civil_society", "elderly"},
    {"syn-dk-kraeftforening", "Landsforening om kræft (syntetisk)", "civil_society", "health"},
    {"syn-dk-psykiatriforening", "Landsforening for pårørende i psykiatrien (syntetisk)", "civil_society", "social"},
    {"syn-dk-hjerneskadeforening", "Landsforening om hjerneskade (syntetisk)", "civil_society", "health"},
    {"syn-dk-sorgcenter", "Nationalt sorgcenter (syntetisk)", "civil_society", "cross_cutting"},
    {"syn-dk-ungeforening", "Forening for unge pårørende (syntetisk)", "civil_society", "children_family"},
    {"syn-dk-vaagetjeneste", "Frivillig vågetjeneste (syntetisk)", "civil_society", "health"},
    {"syn-dk-flersproget-raadgivning", "Flersproget pårørenderådgivning (syntetisk)", "civil_society", "cross_cutting"},
    {"syn-dk-handicapforening", "Landsforening om handicap (syntetisk)", "civil_society", "social"},
    {"syn-dk-offentlig", "Offentlig ordning, fx Udbetaling Danmark (syntetisk)", "municipal", "employment"},
    {"syn-dk-regionerne", "Regionerne, sygesikring (syntetisk)", "regional", "health"},
};

typedef struct ntmpl {
    tmpl t;
    int provider;          /* NP_* */
    const char *languages; /* ';'-separated, NULL = default */
} ntmpl;

/* A target as one macro argument (braces would split it). */
#define TG(...) {__VA_ARGS__}
#define NT(kind, name, access, modes, slots, cm, conds, tgt, needs, legal, flags, prov, langs) \
    {{kind, name, P_CIVIL, access, modes, slots, cm, conds, tgt, needs, legal, NULL, flags, 1}, prov, langs}

/* Nationwide templates, cycled until 50 offers exist; "%s" ones take the next condition in turn. */
static const ntmpl national[] = {
    NT(K_COUNSEL, "Pårørendelinjen: telefonrådgivning", A_OPEN, PH, D | E, CM_FIXED, 0, OPEN_TARGET, 0, NULL, 0,
       NP_LINE, NULL),
    NT(K_COUNSEL, "Rådgivningslinje for pårørende til mennesker med %s", A_OPEN, PH | ON, D | E, CM_ONE,
       CB(DEMENTIA) | CB(CANCER) | CB(MENTAL) | CB(BRAIN) | CB(SUBST) | CB(NEURO) | CB(COGN), OPEN_TARGET, 0, NULL,
       0, -1, NULL),
    NT(K_PEER, "Online samtalegruppe for pårørende til mennesker med %s", A_REGISTRATION, ON, E, CM_ONE,
       CB(DEMENTIA) | CB(CANCER) | CB(MENTAL) | CB(BRAIN) | CB(SUBST), OPEN_TARGET, 0, NULL, TF_ADULT | TF_CAPACITY,
       -1, NULL),
    NT(K_COURSE, "Lær at tackle hverdagen som pårørende – online", A_REGISTRATION, ON, E, CM_FIXED, 0,
       TG(18, -1, 0, 0, -1, -1, 0, B_NO), 0, NULL, TF_CAPACITY, NP_LINE, NULL),
    NT(K_PEER, "Online gruppeforløb for unge med en forælder med %s", A_REGISTRATION, ON, E, CM_ONE,
       CB(CANCER) | CB(MENTAL) | CB(SUBST), TG(15, 25, RB(CHILD), 0, -1, -1, 0, B_NO), 0, NULL, TF_CAPACITY,
       NP_UNGE, NULL),
    NT(K_COUNSEL, "Sorgrådgivning for børn og unge", A_OPEN, IP | ON | PH, 0, CM_FIXED, 0,
       TG(-1, 27, RB(CHILD) | RB(SIBLING), 0, -1, -1, 0, B_ALSO), 0, NULL, 0, NP_SORG, NULL),
    NT(K_PEER, "Sorggrupper for efterladte ægtefæller", A_REGISTRATION, IP | ON, E, CM_FIXED, 0,
       TG(18, -1, RB(SPOUSE), 0, -1, -1, 0, B_ONLY), 0, NULL, TF_CAPACITY, NP_SORG, NULL),
    NT(K_LEAVE, "Omsorgsdage: op til fem dages fravær om året", A_OPEN, MODES_ALL, 0, CM_FIXED, 0,
       TG(18, -1, RB(SPOUSE) | RB(CHILD) | RB(PARENT), 0, -1, -1, BIT(Q_EMPLOYED), B_NO), 0, "fravaersloven", 0,
       NP_OFFENTLIG, NULL),
    NT(K_LEAVE, "Dagpenge ved pasning af et alvorligt sygt barn", A_ASSESSMENT, MODES_ALL, 0, CM_FIXED,
       CB(CANCER) | CB(PHYS_ILL), TG(18, -1, RB(PARENT), 0, -1, 17, BIT(Q_EMPLOYED), B_NO),
       BIT(N_WORK) | BIT(N_FIN), "barselsloven-26", 0, NP_OFFENTLIG, NULL),
    NT(K_LEAVE, "Ret til fravær fra arbejdet under plejevederlag", A_OPEN, MODES_ALL, 0, CM_FIXED, 0,
       TG(18, -1, 0, 0, -1, -1, BIT(Q_EMPLOYED) | BIT(Q_TERMINAL), B_NO), 0, "fravaersloven-3", 0, NP_OFFENTLIG,
       NULL),
    NT(K_HEALTH, "Psykologhjælp med tilskud til pårørende", A_REFERRAL, IP, D, CM_FIXED,
       CB(MENTAL) | CB(CANCER) | CB(PHYS_DIS) | CB(PHYS_ILL) | CB(BRAIN), OPEN_TARGET, BIT(N_OWNHEALTH) | BIT(N_COUNSEL),
       NULL, 0, NP_REGION, NULL),
    NT(K_RESPITE_HOME, "Frivillig vågetjeneste ved alvorligt syge og døende", A_REGISTRATION, HO, E | W, CM_FIXED,
       0, TG(-1, -1, 0, 0, -1, -1, BIT(Q_TERMINAL), B_NO), 0, NULL, 0, NP_VAAGE, NULL),
    NT(K_ACTIVITY, "Ungecamp for unge pårørende til en forælder med %s", A_REGISTRATION, IP, W, CM_ONE,
       CB(DEMENTIA) | CB(CANCER) | CB(MENTAL), TG(15, 29, RB(CHILD), 0, -1, -1, 0, B_NO), 0, NULL,
       TF_CAPACITY | TF_PRICE, NP_UNGE, NULL),
    NT(K_INFO, "Viden og materiale om at være pårørende til et menneske med %s", A_OPEN, ON, 0, CM_ONE,
       CB(DEMENTIA) | CB(CANCER) | CB(MENTAL) | CB(BRAIN) | CB(FRAILTY) | CB(SUBST) | CB(NEURO), OPEN_TARGET, 0, NULL, 0,
       -1, NULL),
    NT(K_CAFE, "Online netværk for pårørende til mennesker med %s", A_OPEN, ON, E | W, CM_ONE,
       CB(BRAIN) | CB(NEURO) | CB(COGN) | CB(PHYS_DIS), OPEN_TARGET, 0, NULL, 0, -1, NULL),
    NT(K_COUNSEL, "Pårørenderådgivning på arabisk", A_OPEN, PH | ON, D | E, CM_FIXED, 0, OPEN_TARGET, 0, NULL,
       TF_ADULT, NP_SPROG, "da;ar"),
    NT(K_COUNSEL, "Pårørenderådgivning på tyrkisk", A_OPEN, PH | ON, D | E, CM_FIXED, 0, OPEN_TARGET, 0, NULL,
       TF_ADULT, NP_SPROG, "da;tr"),
    NT(K_COUNSEL, "Pårørenderådgivning på ukrainsk og engelsk", A_OPEN, PH | ON, D | E, CM_FIXED, 0, OPEN_TARGET, 0,
       NULL, TF_ADULT, NP_SPROG, "uk;en"),
    NT(K_COURSE, "Familiekursus for familier med et barn med %s", A_REGISTRATION, IP, W, CM_ONE,
       CB(PHYS_ILL) | CB(NEURO) | CB(COGN) | CB(PHYS_DIS), TG(-1, -1, RB(PARENT) | RB(SIBLING), 0, -1, 17, 0, B_NO), 0,
       NULL, TF_CAPACITY, NP_HANDICAP, NULL),
};
#define N_NATIONAL (sizeof national / sizeof national[0])
#define N_NATIONAL_OFFERS 50

/* The civil-society national provider that fits a condition. */
static int nprov_for(unsigned conds)
{
    if (conds & BIT(C_DEMENTIA)) return NP_DEMENS;
    if (conds & BIT(C_CANCER)) return NP_KRAEFT;
    if (conds & (BIT(C_MENTAL) | BIT(C_SUBST))) return NP_PSYK;
    if (conds & BIT(C_BRAIN)) return NP_HJERNE;
    if (conds & (BIT(C_NEURO) | BIT(C_COGN) | BIT(C_PHYS_DIS))) return NP_HANDICAP;
    return NP_LINE;
}

/* ---- policies ------------------------------------------------------------ */

enum { G_RECOGNITION, G_COLLABORATION, G_ACCESS, G_CROSS, G_RESPITE, G_ECONOMY, G_PREVENTION, G_NETWORK,
       G_INVOLVEMENT, G_CHILDREN, N_GOALCAT };
static const struct {
    const char *code, *slug, *title;
    unsigned needs, kinds;  /* both 0 = organisational goal */
    int child;              /* target relative_age max 17 instead of min 18 */
    uint32_t ppm;           /* share of policies with such a goal */
} goalcat[N_GOALCAT] = {
    {"recognition", "anerkendelse", "Pårørende skal opleve at blive set, hørt og anerkendt", 0, 0, 0, 600000},
    {"collaboration", "samarbejde", "Pårørende som samarbejdspartnere", 0, 0, 0, 900000},
    {"access_information", "adgang", "Let adgang til støtte, vejledning og information",
     BIT(N_INFO) | BIT(N_COUNSEL), 0, 0, 700000},
    {"cross_sector", "paa-tvaers", "Sammenhængende indsats på tværs af forvaltninger og sektorer", 0, 0, 0, 500000},
    {"respite_support", "aflastning", "Praktisk hjælp og pauser tilpasset den enkeltes behov",
     BIT(N_RESPITE) | BIT(N_PRACTICAL), 0, 0, 600000},
    {"economy_leave", "oekonomi", "Økonomisk støtte og fleksible orlovsordninger", BIT(N_FIN) | BIT(N_WORK), 0, 0,
     300000},
    {"prevention_health", "forebyggelse", "Forebyggelse, så pårørende bevarer eget helbred og trivsel",
     BIT(N_OWNHEALTH), 0, 0, 220000},
    {"network", "netvaerk", "Netværk og fællesskab med andre pårørende", BIT(N_NETWORK) | BIT(N_PEER), 0, 0, 500000},
    {"user_involvement", "inddragelse", "Pårørendes inddragelse i udviklingen af kommunens tilbud", 0,
     BIT(K_INVOLVE), 0, 600000},
    {"children_youth", "boern-unge", "Børn og unge som pårørende mødes tidligt og får støtte",
     BIT(N_COUNSEL) | BIT(N_PEER) | BIT(N_INFO), 0, 1, 400000},
};

/* ---- the plan: what each municipality gets ------------------------------- */

typedef struct muni_plan {
    int n_offers;   /* optional offers (statutory ones come on top) */
    int n_civil;    /* local civil-society providers, 1-3 */
    int has_private, has_vejleder, has_health, has_panel, has_policy;
} muni_plan;

/* Sets mark[i] = 1 for exactly k of the n entries (a partial Fisher-Yates shuffle), 0 for the rest. */
static void choose_k(synth_rng *g, size_t n, size_t k, int *mark)
{
    size_t idx[SYNTH_MAX_MUNICIPALITIES];
    for (size_t i = 0; i < n; i++) {
        idx[i] = i;
        mark[i] = 0;
    }
    for (size_t i = 0; i < k && i < n; i++) {
        size_t j = i + synth_rng_below(g, (uint32_t)(n - i));
        size_t t = idx[i];
        idx[i] = idx[j];
        idx[j] = t;
        mark[idx[i]] = 1;
    }
}

static size_t scaled(size_t n, size_t num, size_t den)
{
    return (n * num + den / 2) / den;
}

/* ---- writing helpers ----------------------------------------------------- */

typedef struct writer {
    synth_out *o;
    synth_rng *g;
    const synth_catalog_opts *opt;
    int first; /* first element of the current array */
} writer;

static void key(synth_out *o, const char *k)
{
    synth_out_char(o, ',');
    synth_out_json_str(o, k);
    synth_out_char(o, ':');
}

static void str_list(synth_out *o, unsigned mask, const char *const *codes, size_t n)
{
    int first = 1;
    synth_out_char(o, '[');
    for (size_t i = 0; i < n; i++)
        if (mask & BIT(i)) {
            if (!first)
                synth_out_char(o, ',');
            synth_out_json_str(o, codes[i]);
            first = 0;
        }
    synth_out_char(o, ']');
}

/* Writes a ';'-separated string as a JSON array of strings. */
static void semi_list(synth_out *o, const char *s)
{
    synth_out_char(o, '[');
    while (*s) {
        const char *e = strchr(s, ';');
        size_t n = e ? (size_t)(e - s) : strlen(s);
        char tmp[64];
        if (n >= sizeof tmp)
            n = sizeof tmp - 1;
        memcpy(tmp, s, n);
        tmp[n] = '\0';
        synth_out_json_str(o, tmp);
        s += n;
        if (*s == ';') {
            s++;
            synth_out_char(o, ',');
        }
    }
    synth_out_char(o, ']');
}

static int target_empty(const target *t)
{
    return t->age_min < 0 && t->age_max < 0 && !t->relations && !t->conditions && t->cared_min < 0 &&
           t->cared_max < 0 && !t->requires && t->bereaved == B_NO;
}

/* Writes ,"target":{...}, leaving out what is open. */
static void write_target(synth_out *o, const target *t, int explicit_bereaved_no)
{
    synth_out_str(o, ",\"target\":{");
    int n = 0;
#define SEP() do { if (n++) synth_out_char(o, ','); } while (0)
    if (t->age_min >= 0 || t->age_max >= 0) {
        SEP();
        synth_out_str(o, "\"relative_age\":{");
        if (t->age_min >= 0) { synth_out_str(o, "\"min\":"); synth_out_uint(o, (uint64_t)t->age_min); }
        if (t->age_max >= 0) {
            if (t->age_min >= 0) synth_out_char(o, ',');
            synth_out_str(o, "\"max\":");
            synth_out_uint(o, (uint64_t)t->age_max);
        }
        synth_out_char(o, '}');
    }
    if (t->relations) { SEP(); synth_out_str(o, "\"relations\":"); str_list(o, t->relations, rel_code, N_REL); }
    if (t->conditions) { SEP(); synth_out_str(o, "\"conditions\":"); str_list(o, t->conditions, cond_code, N_COND); }
    if (t->cared_min >= 0 || t->cared_max >= 0) {
        SEP();
        synth_out_str(o, "\"cared_for_age\":{");
        if (t->cared_min >= 0) { synth_out_str(o, "\"min\":"); synth_out_uint(o, (uint64_t)t->cared_min); }
        if (t->cared_max >= 0) {
            if (t->cared_min >= 0) synth_out_char(o, ',');
            synth_out_str(o, "\"max\":");
            synth_out_uint(o, (uint64_t)t->cared_max);
        }
        synth_out_char(o, '}');
    }
    if (t->requires) { SEP(); synth_out_str(o, "\"requires\":"); str_list(o, t->requires, req_code, N_REQ); }
    if (t->bereaved != B_NO || explicit_bereaved_no) {
        SEP();
        synth_out_str(o, "\"bereaved\":");
        synth_out_json_str(o, bereaved_code[t->bereaved]);
    }
#undef SEP
    synth_out_char(o, '}');
}

/* Replaces the first "%s" in fmt by phrase. */
static void subst(char *out, size_t cap, const char *fmt, const char *phrase)
{
    const char *p = strstr(fmt, "%s");
    if (!p) {
        snprintf(out, cap, "%s", fmt);
        return;
    }
    snprintf(out, cap, "%.*s%s%s", (int)(p - fmt), fmt, phrase, p + 2);
}

static void cond_phrase(char *out, size_t cap, unsigned conds)
{
    int idx[N_COND], n = 0;
    for (int c = 0; c < N_COND; c++)
        if (conds & BIT(c))
            idx[n++] = c;
    if (n == 0)
        snprintf(out, cap, "sygdom eller handicap");
    else if (n == 1)
        snprintf(out, cap, "%s", cond_da[idx[0]]);
    else if (n == 2)
        snprintf(out, cap, "%s eller %s", cond_da[idx[0]], cond_da[idx[1]]);
    else
        snprintf(out, cap, "%s, %s m.fl.", cond_da[idx[0]], cond_da[idx[1]]);
}

static unsigned pick_bits(synth_rng *g, unsigned pool_mask, int how_many)
{
    int idx[32], n = 0;
    for (int i = 0; i < 32; i++)
        if (pool_mask & BIT(i))
            idx[n++] = i;
    unsigned out = 0;
    for (int k = 0; k < how_many && n > 0; k++) {
        int j = (int)synth_rng_below(g, (uint32_t)n);
        out |= BIT(idx[j]);
        idx[j] = idx[--n];
    }
    return out;
}

static void write_date_field(synth_out *o, const char *k, int32_t days)
{
    key(o, k);
    synth_out_date(o, days, 1);
}

/* Everything an offer needs beyond its template. */
typedef struct offer_ctx {
    const char *id;
    const char *provider_id;
    int municipality;     /* 0 = nationwide */
    const char *host;     /* "k306.example" */
    const char *languages;
} offer_ctx;

static void write_offer(writer *w, const tmpl *t, const offer_ctx *cx, int cond_turn)
{
    synth_out *o = w->o;
    synth_rng *g = w->g;
    const int32_t as_of = w->opt->as_of;
    target tg = t->t;

    /* conditions */
    unsigned conds = t->conds;
    if (t->cond_mode == CM_ONE) {
        if (cond_turn >= 0) { /* nationwide: take the conditions in turn */
            int idx[N_COND], n = 0;
            for (int c = 0; c < N_COND; c++)
                if (t->conds & BIT(c))
                    idx[n++] = c;
            conds = BIT(idx[cond_turn % n]);
        } else {
            conds = pick_bits(g, t->conds, 1);
        }
    } else if (t->cond_mode == CM_SOME) {
        conds = pick_bits(g, t->conds, synth_rng_range(g, 1, 3));
    }
    tg.conditions = conds;
    if ((t->flags & TF_ADULT) && tg.age_min < 0 && synth_rng_chance(g, 700000))
        tg.age_min = 18;
    if ((t->flags & TF_NARROW) && !tg.relations && synth_rng_chance(g, 300000)) {
        static const unsigned subsets[] = {
            RB(SPOUSE) | RB(CHILD), RB(SPOUSE), RB(CHILD) | RB(OTHER) | RB(FRIEND),
            RB(SPOUSE) | RB(CHILD) | RB(PARENT) | RB(SIBLING)};
        tg.relations = subsets[synth_rng_below(g, 4)];
    }

    char name[256], phrase[128];
    cond_phrase(phrase, sizeof phrase, conds);
    subst(name, sizeof name, t->name, phrase);

    synth_out_str(o, w->first ? "\n  {" : ",\n  {");
    w->first = 0;
    synth_out_str(o, "\"id\":");
    synth_out_json_str(o, cx->id);
    key(o, "name");
    synth_out_json_str(o, name);
    key(o, "description");
    synth_out_str(o, "\"Syntetisk tilbud genereret af paroer-synth (seed ");
    synth_out_uint(o, w->opt->seed);
    synth_out_str(o, "); ikke et rigtigt tilbud.\"");
    key(o, "provider");
    synth_out_json_str(o, cx->provider_id);
    key(o, "kind");
    synth_out_json_str(o, kind_code[t->kind]);
    if (t->needs) {
        key(o, "needs");
        str_list(o, t->needs, need_code, N_NEED);
    } else if (synth_rng_chance(g, 500000)) { /* half spell out the default needs */
        key(o, "needs");
        str_list(o, kind_needs[t->kind], need_code, N_NEED);
    }
    if (cx->municipality) {
        key(o, "municipalities");
        synth_out_char(o, '[');
        synth_out_uint(o, (uint64_t)cx->municipality);
        synth_out_char(o, ']');
        if (synth_rng_chance(g, 200000))
            synth_out_str(o, ",\"nationwide\":false");
    } else {
        synth_out_str(o, ",\"nationwide\":true");
    }
    if (!target_empty(&tg))
        write_target(o, &tg, synth_rng_chance(g, 100000));

    unsigned modes = t->modes;
    if ((modes == IP) && synth_rng_chance(g, 150000))
        modes |= ON;
    if (modes) {
        key(o, "modes");
        str_list(o, modes, mode_code, N_MODE);
    }
    if (t->slots) {
        key(o, "slots");
        str_list(o, t->slots, slot_code, N_SLOT);
    }
    if (t->flags & TF_GROUP) {
        static const char *const days[] = {"MO", "TU", "WE", "TH", "FR"};
        key(o, "schedule");
        char rr[64];
        /* one draw per statement: the order of evaluating arguments is unspecified in C */
        const int monthly = synth_rng_chance(g, 600000);
        const int nth = monthly ? synth_rng_range(g, 1, 4) : synth_rng_range(g, 1, 2);
        const char *day = days[synth_rng_below(g, 5)];
        if (monthly)
            snprintf(rr, sizeof rr, "FREQ=MONTHLY;BYDAY=%d%s", nth, day);
        else
            snprintf(rr, sizeof rr, "FREQ=WEEKLY;INTERVAL=%d;BYDAY=%s", nth, day);
        synth_out_json_str(o, rr);
    }
    if (t->access != A_DEFAULT && !(t->access == A_OPEN && synth_rng_chance(g, 300000))) {
        key(o, "access");
        synth_out_json_str(o, access_code[t->access]);
    }
    if ((t->flags & TF_PRICE) && synth_rng_chance(g, 350000)) {
        synth_out_str(o, ",\"cost\":{\"free\":false,\"price_dkk\":");
        synth_out_uint(o, (uint64_t)(synth_rng_range(g, 4, 60) * 50));
        synth_out_char(o, '}');
    } else if (synth_rng_chance(g, 400000)) {
        synth_out_str(o, ",\"cost\":{\"free\":true,\"price_dkk\":null}");
    }
    /* languages: mostly Danish only */
    if (cx->languages) {
        key(o, "languages");
        semi_list(o, cx->languages);
    } else {
        uint32_t r = synth_rng_below(g, 1000);
        if (r < 50) {
            synth_out_str(o, ",\"languages\":[\"da\",\"en\"]");
        } else if (r < 75) {
            static const char *const other[] = {"ar", "tr", "uk", "pl", "so", "fa", "ur", "de"};
            synth_out_str(o, ",\"languages\":[\"da\",");
            synth_out_json_str(o, other[synth_rng_below(g, 8)]);
            synth_out_char(o, ']');
        } else if (r < 200) {
            synth_out_str(o, ",\"languages\":[\"da\"]");
        }
    }
    /* capacity on about a fifth of the offers */
    if (synth_rng_chance(g, (t->flags & TF_CAPACITY) ? 420000 : 60000)) {
        key(o, "capacity");
        synth_out_uint(o, (uint64_t)(t->kind == K_RESPITE_AWAY ? synth_rng_range(g, 4, 24) : synth_rng_range(g, 6, 40)));
    }
    /* status: mostly active */
    {
        uint32_t r = synth_rng_below(g, 1000);
        if (r < 80)
            synth_out_str(o, ",\"status\":\"waitlist\"");
        else if (r < 120 && !(t->flags & TF_STATUTORY))
            synth_out_str(o, ",\"status\":\"paused\"");
        else if (r < 500)
            synth_out_str(o, ",\"status\":\"active\"");
    }
    /* validity: some expired, some not yet started */
    {
        int32_t from = -1, to = -1;
        uint32_t r = synth_rng_below(g, 1000);
        const int live = (t->flags & TF_STATUTORY) != 0;
        if (r < 30 && !live)
            from = as_of + synth_rng_range(g, 15, 300);            /* future */
        else if (r < 830)
            from = as_of - synth_rng_range(g, 30, 6 * 365);
        uint32_t s = synth_rng_below(g, 1000);
        if (s < 60 && !live) {                                      /* expired */
            to = as_of - synth_rng_range(g, 10, 400);
            if (from >= 0 && from > to)
                from = to - synth_rng_range(g, 60, 900);
        } else if (s < 250) {
            to = as_of + synth_rng_range(g, 30, 900);
            if (from >= 0 && from > to)
                to = from + synth_rng_range(g, 90, 700);
        }
        if (from >= 0)
            write_date_field(o, "valid_from", from);
        if (to >= 0)
            write_date_field(o, "valid_to", to);
        else if (synth_rng_chance(g, 300000))
            synth_out_str(o, ",\"valid_to\":null");
    }
    if (t->legal) {
        key(o, "legal_basis");
        semi_list(o, t->legal);
    }
    synth_out_str(o, ",\"contact\":{\"email\":\"paaroerende@");
    synth_out_str(o, cx->host);
    synth_out_str(o, "\",\"url\":\"https://");
    synth_out_str(o, cx->host);
    synth_out_str(o, "/paaroerende\"}");
    key(o, "source");
    synth_out_str(o, "\"https://");
    synth_out_str(o, cx->host);
    synth_out_str(o, "/paaroerende/");
    synth_out_str(o, cx->id);
    synth_out_char(o, '"');
    /* verified: most within the year, a third older (stale) */
    {
        uint32_t r = synth_rng_below(g, 1000);
        if (r < 620)
            write_date_field(o, "verified", as_of - synth_rng_range(g, 0, 330));
        else if (r < 920)
            write_date_field(o, "verified", as_of - synth_rng_range(g, 400, 1500));
    }
    if (t->fsiii && cx->municipality) {
        synth_out_str(o, ",\"codes\":[{\"system\":\"" FSIII_SYSTEM "\",\"code\":\"");
        synth_out_str(o, t->fsiii);
        synth_out_str(o, "\"}]");
    }
    synth_out_char(o, '}');
}

/* ---- providers ----------------------------------------------------------- */

static const char *const role_slug[N_ROLE] = {"omsorg", "social", "boern", "sundhed", "frivillig", "privat"};
static const char *const role_area[N_ROLE] = {"elderly", "social", "children_family", "health", "cross_cutting",
                                              "elderly"};
static const char *const role_unit[N_ROLE] = {
    "Center for Omsorg og Pleje", "Center for Social og Handicap", "Børn og Familie", "Sundhed og Forebyggelse",
    NULL, NULL};
static const char *const civil_names[3] = {"Frivilligcenter", "Pårørendeforening", "Lokalforening om demens"};

static void kommune_name(char *out, size_t cap, const synth_municipality *m)
{
    if (m->code == 101)
        snprintf(out, cap, "Københavns Kommune");
    else if (m->code == 400)
        snprintf(out, cap, "Bornholms Regionskommune");
    else
        snprintf(out, cap, "%s Kommune", m->name);
}

static void provider_id(char *out, size_t cap, int code, int role, int k)
{
    if (role == P_CIVIL)
        snprintf(out, cap, "syn-%d-%s-%d", code, role_slug[role], k + 1);
    else
        snprintf(out, cap, "syn-%d-%s", code, role_slug[role]);
}

static void write_provider(synth_out *o, int *first, const char *id, const char *name, const char *kind,
                           const char *area)
{
    synth_out_str(o, *first ? "\n  {" : ",\n  {");
    *first = 0;
    synth_out_str(o, "\"id\":");
    synth_out_json_str(o, id);
    key(o, "name");
    synth_out_json_str(o, name);
    key(o, "kind");
    synth_out_json_str(o, kind);
    key(o, "area");
    synth_out_json_str(o, area);
    synth_out_char(o, '}');
}

/* ---- policies ------------------------------------------------------------ */

static void write_policy(writer *w, const synth_municipality *m, int *first)
{
    synth_out *o = w->o;
    synth_rng *g = w->g;
    const int32_t as_of = w->opt->as_of;
    char buf[256], kn[96];
    kommune_name(kn, sizeof kn, m);

    synth_out_str(o, *first ? "\n  {" : ",\n  {");
    *first = 0;
    snprintf(buf, sizeof buf, "syn-%d-politik", m->code);
    synth_out_str(o, "\"id\":");
    synth_out_json_str(o, buf);
    key(o, "municipality");
    synth_out_uint(o, (uint64_t)m->code);
    snprintf(buf, sizeof buf, "Pårørendepolitik for %s (syntetisk)", kn);
    key(o, "title");
    synth_out_json_str(o, buf);
    int32_t adopted = as_of - synth_rng_range(g, 60, 2400);
    write_date_field(o, "adopted", adopted);
    {
        uint32_t r = synth_rng_below(g, 1000);
        if (r < 100)
            write_date_field(o, "valid_to", as_of - synth_rng_range(g, 10, 300)); /* expired policy */
        else if (r < 300)
            write_date_field(o, "valid_to", as_of + synth_rng_range(g, 100, 1500));
        else
            synth_out_str(o, ",\"valid_to\":null");
    }
    {
        uint32_t r = synth_rng_below(g, 10);
        synth_out_str(o, r < 6 ? ",\"areas\":[\"cross_cutting\"]"
                         : r < 8 ? ",\"areas\":[\"elderly\"]" : ",\"areas\":[\"elderly\",\"health\"]");
    }
    synth_out_str(o, ",\"source\":\"https://k");
    synth_out_uint(o, (uint64_t)m->code);
    synth_out_str(o, ".example/politik/paaroerendepolitik\"");

    /* goals */
    int has[N_GOALCAT] = {0}, n_goals = 0;
    for (int c = 0; c < N_GOALCAT; c++)
        if (synth_rng_chance(g, goalcat[c].ppm)) {
            has[c] = 1;
            n_goals++;
        }
    static const int fallback[] = {G_COLLABORATION, G_ACCESS, G_RESPITE};
    for (int i = 0; n_goals < 3 && i < 3; i++)
        if (!has[fallback[i]]) {
            has[fallback[i]] = 1;
            n_goals++;
        }
    synth_out_str(o, ",\"goals\":[");
    int k = 0;
    for (int c = 0; c < N_GOALCAT; c++) {
        if (!has[c])
            continue;
        int copies = (c == G_CHILDREN && synth_rng_chance(g, 300000)) ? 2 : 1;
        for (int copy = 0; copy < copies; copy++) {
            k++;
            if (k > 1)
                synth_out_char(o, ',');
            snprintf(buf, sizeof buf, "syn-%d-g%d-%s", m->code, k, goalcat[c].slug);
            synth_out_str(o, "\n    {\"id\":");
            synth_out_json_str(o, buf);
            key(o, "title");
            synth_out_json_str(o, copy ? "Opmærksomhed på søskende til børn med alvorlig sygdom eller handicap"
                                       : goalcat[c].title);
            key(o, "category");
            synth_out_json_str(o, goalcat[c].code);
            if (goalcat[c].needs || goalcat[c].kinds) {
                target tg = OPEN_TARGET;
                if (goalcat[c].child) {
                    tg.age_max = 17;
                    if (copy) {
                        tg.relations = RB(SIBLING);
                        tg.cared_max = 17;
                    }
                } else if (synth_rng_chance(g, 800000)) {
                    tg.age_min = 18;
                }
                if (!goalcat[c].child && synth_rng_chance(g, 150000))
                    tg.conditions = BIT(synth_rng_chance(g, 600000) ? C_DEMENTIA : C_MENTAL);
                if (!target_empty(&tg))
                    write_target(o, &tg, 0);
                key(o, "needs");
                str_list(o, copy ? (BIT(N_PEER) | BIT(N_COUNSEL)) : goalcat[c].needs, need_code, N_NEED);
                key(o, "kinds");
                str_list(o, goalcat[c].kinds, kind_code, N_KIND);
            }
            synth_out_char(o, '}');
        }
    }
    synth_out_str(o, "]");

    /* action plans: none on a tenth, else 1-3 every second year */
    uint32_t r = synth_rng_below(g, 100);
    int plans = r < 10 ? 0 : r < 50 ? 1 : r < 85 ? 2 : 3;
    synth_out_str(o, ",\"action_plans\":[");
    int32_t due = adopted + synth_rng_range(g, 120, 730);
    for (int i = 0; i < plans; i++) {
        int y, mo, d;
        synth_civil_from_days(due, &y, &mo, &d);
        if (i)
            synth_out_char(o, ',');
        snprintf(buf, sizeof buf, "Handleplan %d", y);
        synth_out_str(o, "{\"title\":");
        synth_out_json_str(o, buf);
        write_date_field(o, "due", due);
        key(o, "adopted");
        if (due < as_of - 30 && synth_rng_chance(g, 700000))
            synth_out_date(o, due - synth_rng_range(g, 0, 60), 1);
        else
            synth_out_str(o, "null");
        synth_out_char(o, '}');
        due += 730;
    }
    synth_out_str(o, "]}");
}

/* ---- the catalog --------------------------------------------------------- */

int synth_write_catalog(synth_out *o, const synth_municipalities *ms, const synth_catalog_opts *opt)
{
    static muni_plan plan[SYNTH_MAX_MUNICIPALITIES];
    const size_t n = ms->n;
    synth_rng gp, go, gpol;
    synth_rng_seed(&gp, opt->seed, 10);   /* the plan */
    synth_rng_seed(&go, opt->seed, 11);   /* the offers */
    synth_rng_seed(&gpol, opt->seed, 12); /* the policies */

    memset(plan, 0, sizeof plan);
    for (size_t i = 0; i < n; i++) {
        /* 30-60 offers in all, skewed up (the larger of two draws; the largest cities 55-60) */
        int a = synth_rng_range(&gp, 30, 60);
        int b = synth_rng_range(&gp, 30, 60);
        plan[i].n_offers = ms->m[i].weight >= 150000 ? 55 + a % 6 : (a > b ? a : b);
        plan[i].n_offers -= (int)N_STATUTORY;
        plan[i].n_civil = synth_rng_range(&gp, 1, 3);
        plan[i].has_private = synth_rng_chance(&gp, 250000);
    }
    int mark[SYNTH_MAX_MUNICIPALITIES];
    /* 40 of 98 have a pårørendevejleder (Ældre Sagen 2025, seed 000) */
    choose_k(&gp, n, scaled(n, 40, 98), mark);
    for (size_t i = 0; i < n; i++)
        plan[i].has_vejleder = mark[i];
    /* health-promoting offers in fewer than half (seed 000): 45 % */
    choose_k(&gp, n, scaled(n, 45, 100), mark);
    for (size_t i = 0; i < n; i++)
        plan[i].has_health = mark[i];
    /* a relatives' panel in about a third (assumption) */
    choose_k(&gp, n, scaled(n, 35, 100), mark);
    for (size_t i = 0; i < n; i++)
        plan[i].has_panel = mark[i];
    /* a policy in the catalog for half of them (see docs) */
    choose_k(&gp, n, scaled(n, 1, 2), mark);
    for (size_t i = 0; i < n; i++)
        plan[i].has_policy = mark[i];

    synth_out_str(o, "{\n \"format\": \"paroer-catalog\",\n \"version\": 1,\n \"providers\": [");
    int first = 1;
    char id[96], name[192], kn[96];
    for (size_t i = 0; i < n; i++) {
        const synth_municipality *m = &ms->m[i];
        kommune_name(kn, sizeof kn, m);
        for (int role = 0; role < N_ROLE; role++) {
            if (role == P_CIVIL) {
                for (int k = 0; k < plan[i].n_civil; k++) {
                    provider_id(id, sizeof id, m->code, role, k);
                    snprintf(name, sizeof name, "%s %s (syntetisk)", civil_names[k], m->name);
                    write_provider(o, &first, id, name, "civil_society", role_area[role]);
                }
            } else if (role == P_PRIVATE) {
                if (plan[i].has_private) {
                    provider_id(id, sizeof id, m->code, role, 0);
                    snprintf(name, sizeof name, "Privat leverandør af afløsning, %s (syntetisk)", m->name);
                    write_provider(o, &first, id, name, "private", role_area[role]);
                }
            } else {
                provider_id(id, sizeof id, m->code, role, 0);
                snprintf(name, sizeof name, "%s, %s (syntetisk)", kn, role_unit[role]);
                write_provider(o, &first, id, name, "municipal", role_area[role]);
            }
        }
    }
    for (int p = 0; p < N_NPROV; p++)
        write_provider(o, &first, nprov[p].id, nprov[p].name, nprov[p].kind, nprov[p].area);
    synth_out_str(o, "\n ],\n \"offers\": [");

    writer w = {o, &go, opt, 1};
    uint32_t weights[N_POOL];
    for (size_t i = 0; i < n && !o->err; i++) {
        const synth_municipality *m = &ms->m[i];
        const muni_plan *pl = &plan[i];
        char host[32];
        snprintf(host, sizeof host, "k%d.example", m->code);
        int seq = 0;
        offer_ctx cx = {id, name, m->code, host, NULL};
        /* the statutory schemes, and the vejleder where there is one */
        for (size_t s = 0; s < N_STATUTORY; s++) {
            tmpl t = statutory[s];
            t.flags |= TF_STATUTORY;
            snprintf(id, sizeof id, "syn-%d-%03d-%s", m->code, ++seq, kind_slug[t.kind]);
            provider_id(name, sizeof name, m->code, t.role, 0);
            write_offer(&w, &t, &cx, -1);
        }
        if (pl->has_vejleder) {
            snprintf(id, sizeof id, "syn-%d-%03d-%s", m->code, ++seq, kind_slug[vejleder.kind]);
            provider_id(name, sizeof name, m->code, vejleder.role, 0);
            write_offer(&w, &vejleder, &cx, -1);
        }
        /* the optional pool, with what this municipality does not have weighted out */
        for (size_t t = 0; t < N_POOL; t++) {
            weights[t] = pool[t].weight;
            if (pool[t].kind == K_HEALTH && !pl->has_health)
                weights[t] = 0;
            if (pool[t].kind == K_INVOLVE && !pl->has_panel)
                weights[t] = 0;
            if (pool[t].role == P_PRIVATE && !pl->has_private)
                weights[t] = 0;
        }
        for (int k = seq; k < pl->n_offers + (int)N_STATUTORY; k++) {
            tmpl t = pool[synth_rng_pick(&go, weights, N_POOL)];
            int civil_k = (int)synth_rng_below(&go, (uint32_t)pl->n_civil);
            if ((t.flags & TF_VEJLEDER) && !pl->has_vejleder)
                t.role = P_CIVIL; /* no municipal counselling without a vejleder */
            if (t.role == P_OMSORG && t.kind == K_CAFE && synth_rng_chance(&go, 500000))
                t.role = P_CIVIL; /* half the dementia cafés are run by volunteers */
            snprintf(id, sizeof id, "syn-%d-%03d-%s", m->code, ++seq, kind_slug[t.kind]);
            provider_id(name, sizeof name, m->code, t.role, civil_k);
            write_offer(&w, &t, &cx, -1);
        }
    }
    /* nationwide offers */
    int turn[N_NATIONAL] = {0};
    for (int k = 0; k < N_NATIONAL_OFFERS && !o->err; k++) {
        size_t ti = (size_t)k % N_NATIONAL;
        const ntmpl *nt = &national[ti];
        int ct = turn[ti]++;
        int prov = nt->provider;
        if (prov < 0) { /* the association that fits the condition taken this turn */
            int idx[N_COND], c = 0;
            for (int j = 0; j < N_COND; j++)
                if (nt->t.conds & BIT(j))
                    idx[c++] = j;
            prov = nprov_for(BIT(idx[ct % c]));
        }
        snprintf(id, sizeof id, "syn-dk-%03d-%s", k + 1, kind_slug[nt->t.kind]);
        offer_ctx cx = {id, nprov[prov].id, 0, "paaroerende.example", nt->languages};
        write_offer(&w, &nt->t, &cx, nt->t.cond_mode == CM_ONE ? ct : -1);
    }
    synth_out_str(o, "\n ],\n \"policies\": [");
    writer wp = {o, &gpol, opt, 1};
    first = 1;
    for (size_t i = 0; i < n && !o->err; i++)
        if (plan[i].has_policy)
            write_policy(&wp, &ms->m[i], &first);
    synth_out_str(o, "\n ]\n}\n");
    return 0;
}
