/* The in-memory data model behind the opaque handles of catalog.h and
 * relative.h. A catalog is built once (lib/builder.c) and then never changes:
 * all its strings and arrays live in one arena, and every code list is a bit
 * mask (bit n = code n of the list), so matching is a handful of AND
 * operations per offer. */
#ifndef PR_MODEL_H
#define PR_MODEL_H

#include "internal.h"

#define PR_AGE_MIN 0
#define PR_AGE_MAX INT32_MAX     /* an open upper bound */
#define PR_MUNI_MAX 1000         /* municipality codes are 1..999 */
#define PR_NONE UINT32_MAX       /* "no index" */
/* Limits of the model, each a validation error naming it (docs/formats.md). */
#define PR_MAX_LANGUAGES 65535   /* distinct language tags of a catalog (16-bit ids) */

/* Counts of each code list (the public headers avoid compile-time counts). */
enum {
    PR_N_CONDITION = 11, PR_N_RELATION = 6, PR_N_AGE_BAND = 5, PR_N_FLAG = 5, PR_N_BEREAVEMENT = 3,
    PR_N_NEED = 11, PR_N_KIND = 12, PR_N_MODE = 4, PR_N_SLOT = 3, PR_N_ACCESS = 4,
    PR_N_PROVIDER_KIND = 4, PR_N_AREA = 6, PR_N_STATUS = 3, PR_N_GOAL_CATEGORY = 10,
    PR_N_VOCAB = 14
};
#define PR_ALL(n) ((uint32_t)((1u << (n)) - 1u))

typedef struct pr_range { int32_t min, max; } pr_range;  /* inclusive; open = 0 / INT32_MAX */

/* An offer's or a goal's target group. An empty mask means "any". */
typedef struct paroer_target {
    pr_range relative_age;
    pr_range cared_for_age;
    uint32_t relations;   /* paroer_relation bits; 0 = any */
    uint32_t conditions;  /* paroer_condition bits; 0 = any */
    uint32_t requires;    /* paroer_flag bits (never BEREAVED) */
    int32_t bereaved;     /* paroer_bereavement; default NO */
} paroer_target;

typedef struct pr_code { const char *system; const char *code; } pr_code;

struct paroer_provider {
    uint32_t index;
    const char *id, *name;
    int32_t kind;         /* paroer_provider_kind */
    int32_t area;         /* paroer_area or -1 */
};

struct paroer_offer {
    uint32_t index;       /* position in catalog->offers */
    const char *id, *name;
    const char *description, *schedule, *source;          /* NULL when absent */
    const char *contact_phone, *contact_email, *contact_url;
    const char *provider_id;                               /* as written; NULL when absent */
    uint32_t provider;    /* index into catalog->providers, or PR_NONE */
    int32_t kind, access, status;
    int32_t nationwide;   /* 0/1 */
    uint32_t needs;       /* served needs (kind defaults when not given) */
    uint32_t modes;       /* default in_person */
    uint32_t slots;       /* 0 = flexible (any slot) */
    paroer_target target;
    const uint16_t *municipalities; uint32_t n_municipalities;
    const uint16_t *languages; uint32_t n_languages;       /* ids into catalog->languages */
    int64_t capacity;     /* -1 = unlimited */
    int32_t cost_free;    /* -1 unknown, 0, 1 */
    double price_dkk;     /* NaN when unknown/null */
    int32_t valid_from, valid_to, verified;                /* PAROER_DATE_NONE when absent */
    const char *const *legal_basis; uint32_t n_legal_basis;
    const pr_code *codes; uint32_t n_codes;
    const struct paroer_catalog *catalog; /* the catalog the offer is in (set by the builder's finish) */
};

struct paroer_goal {
    uint32_t index;       /* position within its policy */
    const struct paroer_policy *policy;
    const char *id, *title;
    int32_t category;
    paroer_target target;
    uint32_t needs;       /* paroer_need bits */
    uint32_t kinds;       /* paroer_offer_kind bits */
};

typedef struct pr_action_plan { const char *title; int32_t due, adopted; } pr_action_plan;

struct paroer_policy {
    uint32_t index;
    const char *id, *title, *source;
    int32_t municipality;
    int32_t adopted, valid_to;   /* PAROER_DATE_NONE when absent */
    uint32_t areas;              /* paroer_area bits */
    const struct paroer_goal *goals; uint32_t n_goals;
    const pr_action_plan *action_plans; uint32_t n_action_plans;
};

struct paroer_catalog {
    paroer_allocator alloc;
    pr_arena arena;                 /* owns every string and array below */
    int32_t municipality;           /* the (first) document's municipality, or -1 */
    const struct paroer_provider *providers; uint32_t n_providers;
    const struct paroer_offer *offers; uint32_t n_offers;
    const struct paroer_policy *policies; uint32_t n_policies;
    const char *const *languages; uint32_t n_languages;  /* interned language codes */
    uint16_t lang_da;               /* id of "da" (always interned) */
    /* indexes, built once */
    pr_strmap offer_ids, provider_ids, policy_ids;
    /* offers by municipality: offers of municipality m are
     * muni_offers[muni_start[m] .. muni_start[m+1]) (CSR layout), ascending. */
    const uint32_t *muni_start;     /* PR_MUNI_MAX + 1 entries */
    const uint32_t *muni_offers;
    const uint32_t *nationwide; uint32_t n_nationwide;
    size_t memory_bytes;            /* bytes obtained from the allocator, for reports */
};

/* Unknown facts of a relation (contract 3a), besides its paroer_flag bits. */
#define PR_RU_CONDITIONS (1u << 8)
#define PR_RU_CFA (1u << 9)

typedef struct pr_relation {
    int32_t relation;     /* paroer_relation */
    uint32_t conditions;  /* paroer_condition bits */
    int32_t cared_for_age;/* -1 missing (passes every range); see unknown */
    double hours_per_week;/* 0 when not given */
    uint32_t flags;       /* paroer_flag bits known true (COHABITING, CARED_AT_HOME, TERMINAL, BEREAVED) */
    uint32_t unknown;     /* paroer_flag bits unknown, PR_RU_CONDITIONS, PR_RU_CFA */
} pr_relation;

struct paroer_relative {
    paroer_allocator alloc;
    char *id;
    int32_t age;          /* the lower end of the age range */
    int32_t age_max;      /* == age when the age is known */
    int32_t municipality;
    int32_t employed;     /* 0/1; see employed_unknown */
    int32_t employed_unknown;
    pr_relation *relations; size_t n_relations, cap_relations;
    uint32_t needs, modes, slots;   /* 0 = not given */
    char **languages; size_t n_languages, cap_languages;  /* empty = ["da"] */
};

/* Helpers over the model (lib/catalog.c). */
int pr_target_overlaps(const paroer_target *a, const paroer_target *b);
int pr_range_overlaps(pr_range a, pr_range b);
/* Looks a language code up in the catalog's table; PR_NONE when absent. */
uint32_t pr_catalog_language_id(const struct paroer_catalog *c, const char *code, size_t len);

#endif
