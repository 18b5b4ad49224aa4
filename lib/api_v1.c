/* The API fixes before 1.0 (docs/abi.md, "Naming and the status channel"):
 * status-only variants of accessors that returned data and status in one
 * value, the builder's functions under one prefix, creators with options,
 * and offers that know their catalog. Each is built on the released
 * function it complements, which keeps working unchanged. */
#include "model.h"
#include "report_internal.h"

#include <string.h>

/* ---- status-only variants (name: the accessor's name + _get) ------------------- */

int paroer_coverage_covered_get(const paroer_coverage *cov, int32_t age_band, int32_t relation, int32_t condition,
                                int32_t need, int *covered)
{
    if (covered) *covered = 0;
    if (!cov || !covered) return pr_error(PAROER_EINVALID, "paroer_coverage_covered_get: NULL argument");
    if (paroer_coverage_has_matrix(cov) != 1)
        return pr_error(PAROER_EINVALID, "the coverage has no matrix (no municipality was given)");
    if (!paroer_vocab_code(PAROER_VOCAB_AGE_BAND, age_band) || !paroer_vocab_code(PAROER_VOCAB_RELATION, relation) ||
        !paroer_vocab_code(PAROER_VOCAB_CONDITION, condition) || !paroer_vocab_code(PAROER_VOCAB_NEED, need))
        return pr_error(PAROER_EINVALID, "a code is out of range");
    if (!pr_rw_cell_exists(age_band, relation))
        return pr_error(PAROER_ENOTFOUND, "no such cell: relatives under 18 are not spouses or parents");
    int c = paroer_coverage_covered(cov, age_band, relation, condition, need);
    if (c < 0) return pr_error(PAROER_EINVALID, "no such cell");
    *covered = c;
    return PAROER_OK;
}

int paroer_coverage_breakdown_cell_get(const paroer_coverage *cov, int32_t breakdown, size_t i, int *reported,
                                       int32_t *code, uint64_t *relatives, uint64_t *reached, uint64_t *needs_met)
{
    if (reported) *reported = 0;
    int rc = paroer_coverage_breakdown_cell(cov, breakdown, i, code, relatives, reached, needs_met);
    if (rc < 0) return rc; /* the error record is set */
    if (reported) *reported = rc;
    return PAROER_OK;
}

int paroer_diagnostic_code_get(const paroer_diagnostics *d, size_t i, int *code)
{
    if (code) *code = 0;
    if (!d || !code || i >= paroer_diagnostics_count(d))
        return pr_error(PAROER_EINVALID, "diagnostic index out of range");
    *code = paroer_diagnostic_code(d, i);
    return PAROER_OK;
}

int paroer_provider_index_get(const paroer_provider *p, size_t *index)
{
    if (index) *index = 0;
    if (!p || !index) return pr_error(PAROER_EINVALID, "paroer_provider_index_get: NULL argument");
    *index = paroer_provider_index(p);
    return PAROER_OK;
}

/* ---- offers know their catalog -------------------------------------------------------- */

const paroer_catalog *paroer_offer_catalog(const paroer_offer *o)
{
    return o ? o->catalog : NULL;
}

int paroer_offer_provider_get(const paroer_offer *o, const paroer_provider **provider)
{
    if (provider) *provider = NULL;
    if (!o || !provider || !o->catalog) return pr_error(PAROER_EINVALID, "paroer_offer_provider_get: NULL argument");
    *provider = paroer_offer_provider(o, o->catalog);
    return PAROER_OK;
}

/* ---- the builder under one prefix ------------------------------------------------- */

int paroer_builder_new(paroer_catalog_builder **out, const paroer_load_options *opts)
{
    return paroer_catalog_builder_new(out, opts);
}

void paroer_builder_free(paroer_catalog_builder *b)
{
    paroer_catalog_builder_free(b);
}

int paroer_builder_finish(paroer_catalog_builder *b, paroer_catalog **out)
{
    return paroer_catalog_builder_finish(b, out);
}

/* ---- creators with options -------------------------------------------------------- */

int paroer_diagnostics_options_init(paroer_diagnostics_options *opts, uint32_t version)
{
    if (!opts) return pr_error(PAROER_EINVALID, "options are NULL");
    if (version != 1) return pr_error(PAROER_EINVALID, "unknown diagnostics options version %u", (unsigned)version);
    memset(opts, 0, sizeof *opts);
    opts->version = version;
    return PAROER_OK;
}

int paroer_diagnostics_new_with_options(paroer_diagnostics **out, const paroer_diagnostics_options *opts)
{
    if (out) *out = NULL;
    if (opts && opts->version != 1)
        return pr_error(PAROER_EINVALID, "unknown diagnostics options version %u", (unsigned)opts->version);
    return paroer_diagnostics_new(out, opts ? opts->allocator : NULL);
}

int paroer_relative_options_init(paroer_relative_options *opts, uint32_t version)
{
    if (!opts) return pr_error(PAROER_EINVALID, "options are NULL");
    if (version != 1) return pr_error(PAROER_EINVALID, "unknown relative options version %u", (unsigned)version);
    memset(opts, 0, sizeof *opts);
    opts->version = version;
    return PAROER_OK;
}

int paroer_relative_new_with_options(paroer_relative **out, const char *id, int32_t age, int32_t municipality,
                                     const paroer_relative_options *opts)
{
    if (out) *out = NULL;
    if (opts && opts->version != 1)
        return pr_error(PAROER_EINVALID, "unknown relative options version %u", (unsigned)opts->version);
    return paroer_relative_new(out, id, age, municipality, opts ? opts->allocator : NULL);
}
