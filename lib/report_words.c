/* The words of the report: labels inside sentences, age ranges, and the
 * titles of the checks and their statuses (paroer_check_title(),
 * paroer_check_status_label()). */
#include "report_internal.h"

#include <stdio.h>
#include <string.h>

const char *pr_rw_label(int32_t list, int32_t value, int32_t lang)
{
    const char *s = paroer_vocab_label(list, value, lang);
    if (!s) s = paroer_vocab_code(list, value);
    return s ? s : "?";
}

const char *pr_rw_lc_first(const char *s, char *buf, size_t size)
{
    if (!size) return "";
    snprintf(buf, size, "%s", s ? s : "");
    unsigned char *p = (unsigned char *)buf;
    /* Only a capital followed by a lower-case letter (or the end) is lowered. */
    if (p[0] >= 'A' && p[0] <= 'Z') {
        if (!(p[1] >= 'A' && p[1] <= 'Z')) p[0] = (unsigned char)(p[0] - 'A' + 'a');
    } else if (p[0] == 0xC3 && p[1] >= 0x80 && p[1] <= 0x9E && p[1] != 0x97) {
        p[1] = (unsigned char)(p[1] + 0x20); /* Latin-1 capitals: Æ Ø Å É ... */
    }
    return buf;
}

const char *pr_rw_uc_first(const char *s, char *buf, size_t size)
{
    if (!size) return "";
    snprintf(buf, size, "%s", s ? s : "");
    unsigned char *p = (unsigned char *)buf;
    if (p[0] >= 'a' && p[0] <= 'z') p[0] = (unsigned char)(p[0] - 'a' + 'A');
    else if (p[0] == 0xC3 && p[1] >= 0xA0 && p[1] <= 0xBE && p[1] != 0xB7) p[1] = (unsigned char)(p[1] - 0x20);
    return buf;
}

const char *pr_rw_label_lc(int32_t list, int32_t value, int32_t lang, char *buf, size_t size)
{
    return pr_rw_lc_first(pr_rw_label(list, value, lang), buf, size);
}

const char *pr_rw_join_mask(int32_t list, uint32_t mask, int32_t lang, int lower, const char *last_sep,
                            char *buf, size_t size)
{
    if (!size) return "";
    buf[0] = '\0';
    int32_t n = paroer_vocab_count(list);
    int total = 0, done = 0;
    for (int32_t i = 0; i < n && i < 32; i++) total += (int)((mask >> i) & 1u);
    size_t len = 0;
    for (int32_t i = 0; i < n && i < 32; i++) {
        if (!((mask >> i) & 1u)) continue;
        char tmp[160];
        const char *label = lower ? pr_rw_label_lc(list, i, lang, tmp, sizeof tmp) : pr_rw_label(list, i, lang);
        const char *sep = done == 0 ? "" : (done == total - 1 ? last_sep : ", ");
        int w = snprintf(buf + len, size - len, "%s%s", sep, label);
        if (w < 0 || (size_t)w >= size - len) break;
        len += (size_t)w;
        done++;
    }
    return buf;
}

const char *pr_rw_band_ages(int32_t band, char *buf, size_t size)
{
    int32_t lo = 0, hi = 0;
    if (paroer_age_band_range(band, &lo, &hi) != PAROER_OK) snprintf(buf, size, "?");
    else if (hi == INT32_MAX) snprintf(buf, size, "%d+", (int)lo);
    else snprintf(buf, size, "%d\xE2\x80\x93%d", (int)lo, (int)hi);
    return buf;
}

const char *pr_rw_bands_ages(uint32_t bands, int32_t lang, char *buf, size_t size)
{
    int32_t nband = paroer_vocab_count(PAROER_VOCAB_AGE_BAND);
    size_t len = 0;
    int runs = 0, total = 0;
    if (!size) return "";
    buf[0] = '\0';
    for (int32_t b = 0; b < nband; b++)
        if (((bands >> b) & 1u) && !(b > 0 && ((bands >> (b - 1)) & 1u))) total++;
    for (int32_t b = 0; b < nband; b++) {
        if (!((bands >> b) & 1u) || (b > 0 && ((bands >> (b - 1)) & 1u))) continue;
        int32_t e = b;
        while (e + 1 < nband && ((bands >> (e + 1)) & 1u)) e++;
        int32_t lo, hi, lo2, hi2;
        paroer_age_band_range(b, &lo, &hi2);
        paroer_age_band_range(e, &lo2, &hi);
        const char *sep = runs == 0 ? "" : (runs == total - 1 ? pr_tr(lang, " og ", " and ") : ", ");
        int w = hi == INT32_MAX ? snprintf(buf + len, size - len, "%s%d+", sep, (int)lo)
                                : snprintf(buf + len, size - len, "%s%d\xE2\x80\x93%d", sep, (int)lo, (int)hi);
        if (w < 0 || (size_t)w >= size - len) break;
        len += (size_t)w;
        runs++;
        b = e;
    }
    return buf;
}

int pr_rw_cell_exists(int32_t band, int32_t rel)
{
    if (band <= PAROER_AGE_BAND_YOUTH && (rel == PAROER_RELATION_SPOUSE_PARTNER || rel == PAROER_RELATION_PARENT))
        return 0;
    return 1;
}

const char *paroer_check_title(const char *code, int32_t lang)
{
    static const struct { const char *code, *da, *en; } names[] = {
        {"respite_offered", "Afløsning og aflastning tilbydes (Ældreloven § 16)", "Respite care is offered (Ældreloven § 16)"},
        {"policy_present", "Kommunen har en pårørendepolitik", "The municipality has a relatives' policy"},
        {"policy_current", "Pårørendepolitikken er gældende", "The policy is in force"},
        {"action_plan_due", "Handleplanen er vedtaget til tiden", "The action plan is adopted on time"},
        {"children_as_relatives", "Børn og unge som pårørende er tænkt med", "Children and young people as relatives are covered"},
        {"counsellor_present", "Der er en kommunal pårørendevejleder", "There is a municipal relatives' counsellor"},
    };
    if (!code || (lang != PAROER_LANG_DA && lang != PAROER_LANG_EN)) return NULL;
    for (size_t i = 0; i < PR_COUNT_OF(names); i++)
        if (!strcmp(code, names[i].code)) return pr_tr(lang, names[i].da, names[i].en);
    return NULL;
}

const char *paroer_check_status_label(int32_t status, int32_t lang)
{
    if (lang != PAROER_LANG_DA && lang != PAROER_LANG_EN) return NULL;
    switch (status) {
    case PAROER_CHECK_PASS: return pr_tr(lang, "Opfyldt", "Pass");
    case PAROER_CHECK_WARN: return pr_tr(lang, "Advarsel", "Warning");
    case PAROER_CHECK_FAIL: return pr_tr(lang, "Ikke opfyldt", "Fail");
    default: return NULL;
    }
}
