/* What the HSDS export (lib/hsds_export.c) and import (lib/hsds_import.c,
 * lib/hsds_csv.c) share: SHA-1 and UUIDv5 for deterministic ids, the
 * municipality names of service_areas, and the `paroer` taxonomy — the
 * attribute link types that carry what HSDS has no field for (docs/hsds.md). */
#ifndef PR_HSDS_INTERNAL_H
#define PR_HSDS_INTERNAL_H

#include "builder.h"
#include "load_common.h"
#include <paroer/hsds.h>

/* ---- SHA-1 and UUIDv5 (lib/hsds_sha1.c) ------------------------------------ */
typedef struct pr_sha1 {
    uint32_t h[5];
    uint64_t bytes;
    unsigned char buf[64];
    size_t fill;
} pr_sha1;
void pr_sha1_init(pr_sha1 *s);
void pr_sha1_update(pr_sha1 *s, const void *data, size_t len);
void pr_sha1_final(pr_sha1 *s, unsigned char out[20]);
/* The UUID of version 5 of the name made of parts[0..n) in namespace ns. */
void pr_uuid5_parts(const unsigned char ns[16], const char *const *parts, const size_t *lens, size_t n,
                    unsigned char out[16]);
/* As text: 36 lowercase characters and a NUL. */
void pr_uuid5(const unsigned char ns[16], const char *name, size_t len, char out[37]);
void pr_uuid_format(const unsigned char u[16], char out[37]);
/* Parses the 8-4-4-4-12 form (either case); 0 or -1. */
int pr_uuid_parse(const char *s, size_t len, unsigned char out[16]);

/* The namespace of every id the export derives: uuid5(URL namespace, "urn:paroer:hsds"). */
extern const unsigned char pr_hsds_ns[16];

/* ---- municipalities (lib/hsds_common.c) ----------------------------------- */
/* The name of a municipality, or NULL. */
const char *pr_hsds_muni_name(int32_t code);
/* The code of a municipality named s[0..len) ("Odsherred", "Odsherred Kommune",
 * "Københavns Kommune"; case-insensitive for ASCII), or -1. */
int32_t pr_hsds_muni_by_name(const char *s, size_t len);

/* ---- the paroer taxonomy ---------------------------------------------------- */
/* Attribute link types ("dimensions") of the paroer taxonomy. A coded
 * dimension's term code is "<dimension>:<code>" ("need:respite"); a valued
 * one's term code is the dimension and the attribute's value holds the value
 * ("valid_from" with value "2025-01-01"). */
typedef enum pr_hsds_dim {
    PR_HD_ID, PR_HD_KIND, PR_HD_NEED, PR_HD_RELATION, PR_HD_CONDITION, PR_HD_CARED_MIN, PR_HD_CARED_MAX,
    PR_HD_REQUIRES, PR_HD_BEREAVED, PR_HD_MODE, PR_HD_SLOT, PR_HD_ACCESS, PR_HD_STATUS, PR_HD_VALID_FROM,
    PR_HD_VALID_TO, PR_HD_LEGAL_BASIS, PR_HD_EXTERNAL_CODE, PR_HD_CAPACITY, PR_HD_COST, PR_HD_NATIONWIDE,
    PR_HD_PROVIDER_KIND, PR_HD_AREA, PR_HD_COUNT
} pr_hsds_dim;
typedef struct pr_hsds_dim_info {
    const char *name;     /* link_type and term code prefix */
    int32_t list;         /* vocabulary list of a coded dimension, or -1 */
    const char *en, *da;  /* what it means, for term names and descriptions */
} pr_hsds_dim_info;
extern const pr_hsds_dim_info pr_hsds_dims[PR_HD_COUNT];
/* The dimension named s[0..len), or -1. */
int pr_hsds_dim_find(const char *s, size_t len);

#define PR_HSDS_TAXONOMY "paroer"
#define PR_HSDS_TAXONOMY_URI "https://paroer.dk/hsds/taxonomy"
#define PR_HSDS_EXT "x-paroer"
#define PR_HSDS_OE "openeligibility"
#define PR_HSDS_ESD "esd"

/* Terms of Open Eligibility and the esd Services List that an offer kind
 * goes to on export and comes from on import. */
typedef struct pr_hsds_ext_term {
    const char *taxonomy;  /* PR_HSDS_OE or PR_HSDS_ESD */
    const char *code, *name;
    int32_t kind;          /* what it imports as, or -1 (says "carers" but no kind) */
} pr_hsds_ext_term;
extern const pr_hsds_ext_term pr_hsds_ext_terms[];
extern const size_t pr_hsds_n_ext_terms;

/* Names of a few languages for languages[].name ("da" -> "Dansk"), or NULL. */
const char *pr_hsds_language_name(const char *code);

/* Policies carried in the export's extension, loaded through the catalog
 * loader's own code (lib/load_catalog.c). `v` is the array; `path` its
 * field path. Returns 0 or PAROER_ENOMEM. */
int pr_load_policies_json(paroer_catalog_builder *b, const json_t *v, const pr_jpath *path, int strict);
/* One provider object of the contract (section 2) through the same code. */
int pr_load_provider_json(paroer_catalog_builder *b, const json_t *v, const pr_jpath *path, int strict);

/* ---- the importer's state, shared with the data-package reader ------------- */
typedef struct pr_hsds_im pr_hsds_im;
/* Reads one tree of HSDS (lib/hsds_import.c) as document `name`, with
 * `locate` resolving field paths of the tree to positions. */
void pr_hsds_read_tree(pr_hsds_im *I, const json_t *root, const char *name, pr_locate_fn locate, void *ctx);
paroer_catalog_builder *pr_hsds_builder(pr_hsds_im *I);
const paroer_allocator *pr_hsds_alloc(pr_hsds_im *I);
/* Maps the services joined from tabular JSON (lib/hsds_csv.c). */
void pr_hsds_read_tabular_services(pr_hsds_im *I, const json_t *services);
void pr_hsds_fail(pr_hsds_im *I, int code);   /* PAROER_ENOMEM: stop */
/* lib/hsds_csv.c: 1 when `path` is a directory holding datapackage.json or services.csv. */
int pr_hsds_is_package(const char *path);
/* The tabular form given as one JSON object of tables ({"services.csv": [rows], ...},
 * the specification's tabular.json), inside the open document. */
void pr_hsds_read_tabular_json(pr_hsds_im *I, const json_t *root);
/* Reads the tabular form in directory `dir` into services and maps them. */
void pr_hsds_read_package(pr_hsds_im *I, const char *dir, const paroer_allocator *a);

#endif
