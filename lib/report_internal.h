/* report_internal.h - words shared by the report modules (report.c,
 * report_gaps.c, report_words.c) and by other pages built on html_write.h
 * (the national overview). Nothing here is exported. */
#ifndef PR_REPORT_INTERNAL_H
#define PR_REPORT_INTERNAL_H

#include "internal.h"

static inline const char *pr_tr(int32_t lang, const char *da, const char *en)
{
    return lang == PAROER_LANG_EN ? en : da;
}

/* The label of a code (falls back to the code, then "?"); static. */
const char *pr_rw_label(int32_t list, int32_t value, int32_t lang);
/* Copies @p s with its first letter lower-cased (ASCII, or Latin-1 in UTF-8;
 * acronyms such as "ADHD" are kept). */
const char *pr_rw_lc_first(const char *s, char *buf, size_t size);
/* The label with its first letter lower-cased, for use inside a sentence. */
const char *pr_rw_label_lc(int32_t list, int32_t value, int32_t lang, char *buf, size_t size);
/* Copies @p s with its first letter upper-cased (ASCII or Latin-1 in UTF-8). */
const char *pr_rw_uc_first(const char *s, char *buf, size_t size);
/* Joins the labels of the codes set in @p mask: "a, b og c" (last_sep " og "). */
const char *pr_rw_join_mask(int32_t list, uint32_t mask, int32_t lang, int lower, const char *last_sep,
                            char *buf, size_t size);
/* The ages of one band ("0–12", "65+"). */
const char *pr_rw_band_ages(int32_t band, char *buf, size_t size);
/* The ages of a set of bands: "0–17", "18+", "0–12 og 30–64". */
const char *pr_rw_bands_ages(uint32_t bands, int32_t lang, char *buf, size_t size);
/* 1 when relation @p rel exists for age band @p band (no under-18 spouse or parent). */
int pr_rw_cell_exists(int32_t band, int32_t rel);

#endif
