/*
 * synth_population.c - a synthetic population of relatives (pårørende) as the
 * contract's population CSV (docs/contract.md section 5).
 *
 * Every probability below is in parts per million (ppm) and every figure it is
 * calibrated to is listed, with its source, in docs/synthetic.md.  Figures
 * marked "assumption" there have no published source and are the model's own.
 */
#include "synth.h"

#include <stdlib.h>
#include <string.h>

/* ---- vocabulary (contract section 1; order = output order in lists) ------ */

enum { C_FRAILTY, C_DEMENTIA, C_PHYS_ILL, C_PHYS_DIS, C_CANCER, C_BRAIN, C_MENTAL,
       C_SUBST, C_COGN, C_NEURO, C_SOCIAL, N_COND };
static const char *const cond_code[N_COND] = {
    "frailty", "dementia", "physical_illness", "physical_disability", "cancer", "brain_injury",
    "mental_illness", "substance_abuse", "cognitive_disability", "neurodevelopmental", "social_problems"};

enum { R_SPOUSE, R_CHILD, R_PARENT, R_SIBLING, R_OTHER, R_FRIEND, N_REL };
static const char *const rel_code[N_REL] = {
    "spouse_partner", "son_daughter", "parent", "sibling", "other_family", "friend_neighbour"};

enum { N_RESPITE, N_PRACTICAL, N_INFO, N_EDU, N_PEER, N_COUNSEL, N_OWNHEALTH, N_FIN, N_WORK,
       N_NETWORK, N_INVOLVE, N_NEED };
static const char *const need_code[N_NEED] = {
    "respite", "practical_help", "information", "education", "peer_support", "counselling",
    "own_health", "financial", "work_life", "network", "involvement"};

enum { M_IN_PERSON, M_ONLINE, M_PHONE, M_HOME, N_MODE };
static const char *const mode_code[N_MODE] = {"in_person", "online", "phone", "home"};

enum { S_DAY, S_EVENING, S_WEEKEND, N_SLOT };
static const char *const slot_code[N_SLOT] = {"weekday_day", "weekday_evening", "weekend"};

#define BIT(i) (1u << (i))

/* ---- calibration tables -------------------------------------------------- */

/*
 * Adults by age band: Statistics Denmark, FOLK1A, all Denmark, 2025Q4 (sum over
 * marital status), times an age propensity to be a relative (assumption, peaked
 * at 50-59: "the typical helper is aged 50-59", Ældre Sagen 2021, REFERENCE §2.4).
 */
static const struct {
    int lo, hi;
    uint32_t residents;
    uint32_t propensity; /* percent */
} adult_bands[] = {
    {18, 24, 522801, 60},  {25, 29, 406292, 70},  {30, 34, 418015, 80},  {35, 39, 379910, 85},
    {40, 44, 338651, 95},  {45, 49, 362917, 110}, {50, 54, 396597, 130}, {55, 59, 401276, 135},
    {60, 64, 388673, 125}, {65, 69, 332708, 115}, {70, 74, 295561, 110}, {75, 79, 282244, 100},
    {80, 84, 204002, 85},  {85, 89, 103486, 70},  {90, 94, 38418, 50},   {95, 100, 10494, 30},
};
#define N_BANDS (sizeof adult_bands / sizeof adult_bands[0])

/* Share of relatives who are children (7-17): ~78,000 of 2.1 M, REFERENCE §2.7. */
#define PPM_CHILD 37000u
/* Involved among adult relatives: 31 of 45 % (VIVE 2025, seed 003). */
#define PPM_INVOLVED 688889u
/* Involved among child relatives (assumption). */
#define PPM_CHILD_INVOLVED 600000u
/* Bereaved among relational (not involved) adult relatives (assumption, ~4 % of all). */
#define PPM_BEREAVED_RELATIONAL 130000u
/* Involved relatives who help more than one person: 34 % (VIVE 2025, seed 003). */
#define PPM_MULTI 340000u
/*
 * Hours bands among involved adults, chosen so that over all relatives 12 % give
 * more than 10 h and 5 % more than 20 h a week (VIVE 2025, seed 003), after the
 * children (who rarely pass 10 h) are mixed in.
 */
static const uint32_t hours_band_adult[3] = {820790, 103840, 75370}; /* 1-10, 11-20, 21+ */
static const uint32_t hours_band_child[3] = {950000, 50000, 0};
static const uint32_t hours_1_10[10] = {22, 18, 14, 11, 9, 8, 6, 5, 4, 3};

/* Primary relation by the relative's age (assumption; see docs/synthetic.md). */
static const uint32_t rel_by_age[5][N_REL] = {
    /* spouse child parent sibling other friend */
    {0, 650, 0, 300, 50, 0},     /* < 18 */
    {80, 400, 40, 140, 160, 180}, /* 18-29 */
    {180, 300, 240, 80, 100, 100}, /* 30-44 */
    {200, 480, 100, 70, 60, 90},  /* 45-66 */
    {550, 60, 60, 120, 70, 140},  /* 67+ */
};
/* Primary relation of heavy carers (> 20 h a week) aged 18+ (assumption). */
static const uint32_t rel_heavy[N_REL] = {450, 250, 250, 20, 20, 10};

/* Conditions by the cared-for person's age (assumption, per mille). */
static const uint32_t cond_by_age[4][N_COND] = {
    /* frail dem  ill  dis canc brain ment subst cogn neuro soc */
    {0,    0,   200, 120, 80,  30,  100, 0,   150, 300, 20}, /* < 18 */
    {0,    20,  220, 80,  140, 70,  220, 100, 60,  50,  40}, /* 18-64 */
    {200,  140, 300, 40,  170, 60,  50,  20,  0,   0,   0},  /* 65-79 */
    {460,  240, 160, 30,  70,  20,  10,  0,   0,   0,   0},  /* 80+ */
};
#define PPM_SECOND_CONDITION 200000u
#define PPM_UNKNOWN_CARED_AGE 30000u

/* Employment by age (assumption), ppm. */
static uint32_t employment_ppm(int age)
{
    if (age < 18) return 0;
    if (age < 25) return 550000;
    if (age < 30) return 750000;
    if (age < 60) return 820000;
    if (age < 65) return 650000;
    if (age < 67) return 350000;
    if (age < 70) return 150000;
    return 30000;
}

/* ---- one relative -------------------------------------------------------- */

#define MAX_REL 4

typedef struct relation {
    int rel;
    unsigned conds;
    int cared_age;   /* -1 = unknown */
    int hours;
    int cohabiting, at_home, terminal, bereaved;
} relation;

typedef struct relative {
    int age;
    size_t muni;
    int employed;
    int n;
    relation r[MAX_REL];
    unsigned needs, modes, slots;
} relative;

static int clampi(int v, int lo, int hi)
{
    return v < lo ? lo : v > hi ? hi : v;
}

static int age_row(int age)
{
    return age < 18 ? 0 : age < 30 ? 1 : age < 45 ? 2 : age < 67 ? 3 : 4;
}

static int cared_age_for(synth_rng *g, int rel, int age)
{
    int a;
    switch (rel) {
    case R_SPOUSE: a = age + synth_rng_range(g, -6, 8); a = a < 18 ? 18 : a; break;
    case R_CHILD:  a = age + (age < 18 ? synth_rng_range(g, 22, 40) : synth_rng_range(g, 24, 38)); break;
    case R_PARENT: a = age - synth_rng_range(g, 22, 38); break;
    case R_SIBLING: a = age + synth_rng_range(g, -10, 10); break;
    case R_OTHER:
        a = synth_rng_chance(g, 500000) ? age + synth_rng_range(g, 45, 60) : age + synth_rng_range(g, -20, 20);
        break;
    default: a = age + synth_rng_range(g, -10, 25); a = a < 18 ? 18 : a; break;
    }
    return clampi(a, 0, 104);
}

static unsigned draw_conditions(synth_rng *g, int cared_age)
{
    const uint32_t *w = cond_by_age[cared_age < 18 ? 0 : cared_age < 65 ? 1 : cared_age < 80 ? 2 : 3];
    unsigned c = BIT(synth_rng_pick(g, w, N_COND));
    if (synth_rng_chance(g, PPM_SECOND_CONDITION))
        for (int tries = 0; tries < 4; tries++) {
            unsigned d = BIT(synth_rng_pick(g, w, N_COND));
            if (!(c & d)) {
                c |= d;
                break;
            }
        }
    return c;
}

static void relation_flags(synth_rng *g, relation *r, int age)
{
    const int ca = r->cared_age;
    uint32_t p;
    switch (r->rel) {
    case R_SPOUSE: p = 900000; break;
    case R_PARENT: p = ca < 18 ? 920000 : 250000; break;
    case R_CHILD: p = age < 18 ? 850000 : 70000; break;
    case R_SIBLING: p = age < 18 ? 850000 : 40000; break;
    case R_OTHER: p = 60000; break;
    default: p = 20000; break;
    }
    r->cohabiting = synth_rng_chance(g, p);
    if (r->cohabiting)
        r->at_home = 1;
    else if (ca >= 80)
        r->at_home = synth_rng_chance(g, (r->conds & BIT(C_DEMENTIA)) ? 650000 : 800000);
    else if (ca >= 65)
        r->at_home = synth_rng_chance(g, 920000);
    else
        r->at_home = synth_rng_chance(g, ca < 18 ? 970000 : 960000);
    p = (r->conds & BIT(C_CANCER)) ? 180000 : ca >= 80 ? 40000 : 15000;
    r->terminal = synth_rng_chance(g, p);
}

static int draw_hours(synth_rng *g, const uint32_t band[3])
{
    switch (synth_rng_pick(g, band, 3)) {
    case 0: return 1 + (int)synth_rng_pick(g, hours_1_10, 10);
    case 1: return synth_rng_range(g, 11, 20);
    default: {
        uint32_t r = synth_rng_below(g, 100);
        return r < 60 ? synth_rng_range(g, 21, 30) : r < 85 ? synth_rng_range(g, 31, 40) : synth_rng_range(g, 41, 60);
    }
    }
}

static int any_cond(const relative *p, int c)
{
    for (int i = 0; i < p->n; i++)
        if (!p->r[i].bereaved && (p->r[i].conds & BIT(c)))
            return 1;
    return 0;
}

static void draw_needs(synth_rng *g, relative *p, int child, int involved, int bereaved_only, int total)
{
    unsigned n = 0;
#define MAYBE(need, ppm) do { if (synth_rng_chance(g, (ppm))) n |= BIT(need); } while (0)
    if (bereaved_only) {
        MAYBE(N_COUNSEL, 500000); MAYBE(N_PEER, 400000); MAYBE(N_OWNHEALTH, 150000); MAYBE(N_INFO, 100000);
    } else if (child) {
        MAYBE(N_COUNSEL, 400000); MAYBE(N_PEER, 400000); MAYBE(N_INFO, 300000); MAYBE(N_NETWORK, 150000);
    } else if (!involved) {
        if (!synth_rng_chance(g, 400000)) {
            MAYBE(N_INFO, 300000); MAYBE(N_NETWORK, 150000); MAYBE(N_PEER, 100000); MAYBE(N_COUNSEL, 100000);
        }
    } else {
        int terminal = 0, parent_of_disabled_child = 0;
        for (int i = 0; i < p->n; i++) {
            terminal |= p->r[i].terminal;
            parent_of_disabled_child |= p->r[i].rel == R_PARENT && p->r[i].cared_age >= 0 &&
                                        p->r[i].cared_age < 18 &&
                                        (p->r[i].conds & (BIT(C_PHYS_DIS) | BIT(C_COGN) | BIT(C_NEURO)));
        }
        MAYBE(N_INFO, 380000);                                    /* 38 % do not know their rights */
        if (synth_rng_chance(g, any_cond(p, C_SUBST) ? 470000 : 250000)) { /* mental health hit */
            MAYBE(N_COUNSEL, 600000);
            MAYBE(N_OWNHEALTH, 600000);
            if (!(n & (BIT(N_COUNSEL) | BIT(N_OWNHEALTH))))
                n |= BIT(N_COUNSEL);
        }
        MAYBE(N_RESPITE, terminal ? 800000 : total > 20 ? 700000 : total > 10 ? 450000 : 120000);
        MAYBE(N_PRACTICAL, total > 20 ? 450000 : total > 10 ? 300000 : 100000);
        MAYBE(N_EDU, (any_cond(p, C_DEMENTIA) || any_cond(p, C_BRAIN) || any_cond(p, C_MENTAL)) ? 250000 : 80000);
        MAYBE(N_PEER, any_cond(p, C_DEMENTIA) ? 250000 : 150000);
        MAYBE(N_FIN, terminal ? 400000 : any_cond(p, C_COGN) ? 210000 : parent_of_disabled_child ? 250000 : 60000);
        if (p->employed)
            MAYBE(N_WORK, 370000);                                /* 37 % used holidays to help */
        MAYBE(N_NETWORK, 120000);
        MAYBE(N_INVOLVE, 80000);
    }
#undef MAYBE
    p->needs = n;
}

static void draw_modes_slots(synth_rng *g, relative *p, int total)
{
    unsigned m = 0, s = 0;
    if (!synth_rng_chance(g, 300000)) {
        if (synth_rng_chance(g, 750000)) m |= BIT(M_IN_PERSON);
        if (synth_rng_chance(g, p->age < 40 ? 600000 : p->age < 67 ? 400000 : 150000)) m |= BIT(M_ONLINE);
        if (synth_rng_chance(g, p->age >= 60 ? 450000 : 200000)) m |= BIT(M_PHONE);
        if (synth_rng_chance(g, total > 20 ? 500000 : 80000)) m |= BIT(M_HOME);
        if (!m)
            m = BIT(M_IN_PERSON);
    }
    if (!synth_rng_chance(g, 350000)) {
        if (p->age < 18) {
            if (synth_rng_chance(g, 500000)) s |= BIT(S_DAY);
            if (synth_rng_chance(g, 500000)) s |= BIT(S_EVENING);
            if (synth_rng_chance(g, 300000)) s |= BIT(S_WEEKEND);
        } else if (p->employed) {
            if (synth_rng_chance(g, 150000)) s |= BIT(S_DAY);
            if (synth_rng_chance(g, 750000)) s |= BIT(S_EVENING);
            if (synth_rng_chance(g, 550000)) s |= BIT(S_WEEKEND);
        } else {
            if (synth_rng_chance(g, 850000)) s |= BIT(S_DAY);
            if (synth_rng_chance(g, 250000)) s |= BIT(S_EVENING);
            if (synth_rng_chance(g, 250000)) s |= BIT(S_WEEKEND);
        }
        if (!s)
            s = BIT(p->age >= 18 && p->employed ? S_EVENING : S_DAY);
    }
    p->modes = m;
    p->slots = s;
}

typedef struct pop_model {
    uint32_t age_w[N_BANDS];
    uint64_t *muni_cum; /* cumulative weights, for a binary search */
    uint64_t muni_total;
    size_t n_muni;
} pop_model;

static size_t pick_muni(synth_rng *g, const pop_model *pm)
{
    uint64_t x = synth_rng_next(g) % pm->muni_total;
    size_t lo = 0, hi = pm->n_muni - 1;
    while (lo < hi) { /* first index with cum > x */
        size_t mid = lo + (hi - lo) / 2;
        if (pm->muni_cum[mid] > x)
            hi = mid;
        else
            lo = mid + 1;
    }
    return lo;
}

static void gen_relative(synth_rng *g, const pop_model *pm, relative *p)
{
    memset(p, 0, sizeof *p);
    const int child = synth_rng_chance(g, PPM_CHILD);
    if (child) {
        p->age = synth_rng_range(g, 7, 17);
    } else {
        size_t b = synth_rng_pick(g, pm->age_w, N_BANDS);
        p->age = synth_rng_range(g, adult_bands[b].lo, adult_bands[b].hi);
    }
    p->muni = pick_muni(g, pm);

    const int involved = synth_rng_chance(g, child ? PPM_CHILD_INVOLVED : PPM_INVOLVED);
    const int bereaved_only = !involved && !child && synth_rng_chance(g, PPM_BEREAVED_RELATIONAL);
    int total = 0;
    p->n = 1;
    if (involved) {
        total = draw_hours(g, child ? hours_band_child : hours_band_adult);
        if (synth_rng_chance(g, PPM_MULTI)) {
            uint32_t k = synth_rng_below(g, 100);
            p->n = k < 78 ? 2 : k < 96 ? 3 : 4;
            if (total < p->n)
                total = p->n;
        }
    }

    /* relations */
    int has_spouse = 0;
    for (int i = 0; i < p->n; i++) {
        relation *r = &p->r[i];
        const uint32_t *w = (i == 0 && total > 20 && !child) ? rel_heavy : rel_by_age[age_row(p->age)];
        r->rel = (int)synth_rng_pick(g, w, N_REL);
        for (int tries = 0; r->rel == R_SPOUSE && has_spouse && tries < 3; tries++)
            r->rel = (int)synth_rng_pick(g, w, N_REL);
        if (r->rel == R_SPOUSE && has_spouse)
            r->rel = R_OTHER;
        has_spouse |= r->rel == R_SPOUSE;
        r->cared_age = cared_age_for(g, r->rel, p->age);
        r->conds = draw_conditions(g, r->cared_age);
        r->bereaved = bereaved_only || (i > 0 && synth_rng_chance(g, 40000));
        if (r->bereaved) {
            r->cohabiting = r->at_home = r->terminal = 0;
        } else {
            relation_flags(g, r, p->age);
        }
        if (synth_rng_chance(g, PPM_UNKNOWN_CARED_AGE))
            r->cared_age = -1;
    }

    /* hours: secondary relations get a small part, the first one the rest */
    int rest = total;
    for (int i = 1; i < p->n; i++) {
        relation *r = &p->r[i];
        if (r->bereaved || rest <= 1) {
            r->hours = 0;
            continue;
        }
        int cap = rest / (2 * p->n);
        r->hours = 1 + (cap > 1 ? (int)synth_rng_below(g, (uint32_t)cap) : 0);
        rest -= r->hours;
    }
    p->r[0].hours = p->r[0].bereaved ? 0 : rest;

    /* the relative */
    uint32_t emp = employment_ppm(p->age);
    if (total > 20)
        emp = emp / 10 * 6;
    else if (total > 10)
        emp = emp / 100 * 85;
    p->employed = synth_rng_chance(g, emp);
    draw_needs(g, p, child, involved, bereaved_only, total);
    draw_modes_slots(g, p, total);
}

/* ---- CSV ----------------------------------------------------------------- */

static size_t list_into(char *buf, unsigned mask, const char *const *codes, size_t n)
{
    size_t len = 0;
    for (size_t i = 0; i < n; i++)
        if (mask & BIT(i)) {
            size_t l = strlen(codes[i]);
            if (len)
                buf[len++] = ';';
            memcpy(buf + len, codes[i], l);
            len += l;
        }
    return len;
}

static void write_bool(synth_out *o, int b)
{
    synth_out_char(o, ',');
    synth_out_char(o, b ? '1' : '0');
}

int synth_write_population(synth_out *o, const synth_municipalities *ms, const synth_population_opts *opt)
{
    pop_model pm;
    memset(&pm, 0, sizeof pm);
    for (size_t b = 0; b < N_BANDS; b++)
        pm.age_w[b] = adult_bands[b].residents / 100 * adult_bands[b].propensity;
    pm.n_muni = ms->n;
    pm.muni_cum = malloc(ms->n * sizeof *pm.muni_cum);
    if (!pm.muni_cum) {
        fprintf(stderr, "paroer-synth: out of memory\n");
        return SYNTH_EIO;
    }
    for (size_t i = 0; i < ms->n; i++) {
        pm.muni_total += ms->m[i].weight;
        pm.muni_cum[i] = pm.muni_total;
    }

    synth_rng g;
    synth_rng_seed(&g, opt->seed, 2);
    synth_out_str(o, "id,age,municipality,employed,relation,conditions,cared_for_age,hours_per_week,"
                     "cohabiting,cared_at_home,terminal,bereaved,needs,modes,slots\n");
    char head[64], tail[512];
    relative p;
    for (uint64_t id = 1; id <= opt->relatives && !o->err; id++) {
        gen_relative(&g, &pm, &p);
        /* "r-ID,AGE,MUNI,EMPLOYED," - the same on every row of this relative */
        size_t hl = 0;
        {
            char num[24];
            size_t i = sizeof num;
            uint64_t v = id;
            do { num[--i] = (char)('0' + v % 10); v /= 10; } while (v);
            head[hl++] = 'r';
            head[hl++] = '-';
            memcpy(head + hl, num + i, sizeof num - i);
            hl += sizeof num - i;
            head[hl++] = ',';
            if (p.age >= 100) head[hl++] = (char)('0' + p.age / 100);
            if (p.age >= 10) head[hl++] = (char)('0' + p.age / 10 % 10);
            head[hl++] = (char)('0' + p.age % 10);
            head[hl++] = ',';
            int c = ms->m[p.muni].code;
            head[hl++] = (char)('0' + c / 100);
            head[hl++] = (char)('0' + c / 10 % 10);
            head[hl++] = (char)('0' + c % 10);
            head[hl++] = ',';
            head[hl++] = p.employed ? '1' : '0';
            head[hl++] = ',';
        }
        /* ",NEEDS,MODES,SLOTS\n" */
        size_t tl = 0;
        tail[tl++] = ',';
        tl += list_into(tail + tl, p.needs, need_code, N_NEED);
        tail[tl++] = ',';
        tl += list_into(tail + tl, p.modes, mode_code, N_MODE);
        tail[tl++] = ',';
        tl += list_into(tail + tl, p.slots, slot_code, N_SLOT);
        tail[tl++] = '\n';
        for (int i = 0; i < p.n; i++) {
            const relation *r = &p.r[i];
            char conds[256];
            synth_out_mem(o, head, hl);
            synth_out_str(o, rel_code[r->rel]);
            synth_out_char(o, ',');
            synth_out_mem(o, conds, list_into(conds, r->conds, cond_code, N_COND));
            synth_out_char(o, ',');
            if (r->cared_age >= 0)
                synth_out_uint(o, (uint64_t)r->cared_age);
            synth_out_char(o, ',');
            synth_out_uint(o, (uint64_t)r->hours);
            write_bool(o, r->cohabiting);
            write_bool(o, r->at_home);
            write_bool(o, r->terminal);
            write_bool(o, r->bereaved);
            synth_out_mem(o, tail, tl);
        }
    }
    free(pm.muni_cum);
    return 0;
}
