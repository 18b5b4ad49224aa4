/* Tables shared by the HSDS export and import: the paroer taxonomy's
 * dimensions, the Open Eligibility and esd terms, municipality look-ups by
 * name, language names. */
#include "hsds_internal.h"
#include "overview_municipalities.h"
#include <string.h>

const unsigned char pr_hsds_ns[16] = {0x99, 0x79, 0x70, 0x7d, 0x53, 0x7d, 0x50, 0x04,
                                      0xbc, 0x6a, 0x25, 0x6c, 0xa9, 0x00, 0x61, 0x6d};

const pr_hsds_dim_info pr_hsds_dims[PR_HD_COUNT] = {
    [PR_HD_ID] = {"paroer_id", -1, "libparoer id", "id i libparoer"},
    [PR_HD_KIND] = {"kind", PAROER_VOCAB_OFFER_KIND, "Kind of offer", "Tilbudstype"},
    [PR_HD_NEED] = {"need", PAROER_VOCAB_NEED, "Need served", "Behov, tilbuddet dækker"},
    [PR_HD_RELATION] = {"relation", PAROER_VOCAB_RELATION, "Eligible relation to the cared-for person",
                        "Relation til den nærtstående"},
    [PR_HD_CONDITION] = {"condition", PAROER_VOCAB_CONDITION, "Situation of the cared-for person",
                         "Den nærtståendes situation"},
    [PR_HD_CARED_MIN] = {"cared_for_age_min", -1, "Lowest age of the cared-for person",
                         "Den nærtståendes laveste alder"},
    [PR_HD_CARED_MAX] = {"cared_for_age_max", -1, "Highest age of the cared-for person",
                         "Den nærtståendes højeste alder"},
    [PR_HD_REQUIRES] = {"requires", PAROER_VOCAB_FLAG, "Required circumstance", "Krav"},
    [PR_HD_BEREAVED] = {"bereaved", PAROER_VOCAB_BEREAVEMENT, "For bereaved relatives", "For efterladte"},
    [PR_HD_MODE] = {"mode", PAROER_VOCAB_MODE, "How it is given", "Form"},
    [PR_HD_SLOT] = {"slot", PAROER_VOCAB_SLOT, "When it is given", "Tidspunkt"},
    [PR_HD_ACCESS] = {"access", PAROER_VOCAB_ACCESS, "How to get access", "Adgang"},
    [PR_HD_STATUS] = {"status", PAROER_VOCAB_STATUS, "Status", "Status"},
    [PR_HD_VALID_FROM] = {"valid_from", -1, "First valid day", "Gælder fra"},
    [PR_HD_VALID_TO] = {"valid_to", -1, "Last valid day", "Gælder til"},
    [PR_HD_LEGAL_BASIS] = {"legal_basis", -1, "Legal basis", "Lovgrundlag"},
    [PR_HD_EXTERNAL_CODE] = {"external_code", -1, "External code", "Ekstern kode"},
    [PR_HD_CAPACITY] = {"capacity", -1, "Places", "Pladser"},
    [PR_HD_COST] = {"cost", -1, "Free or paid", "Gratis eller betaling"},
    [PR_HD_NATIONWIDE] = {"nationwide", -1, "Available in the whole country", "Landsdækkende"},
    [PR_HD_PROVIDER_KIND] = {"provider_kind", PAROER_VOCAB_PROVIDER_KIND, "Kind of provider", "Udbydertype"},
    [PR_HD_AREA] = {"area", PAROER_VOCAB_AREA, "Administrative area", "Forvaltningsområde"},
};

int pr_hsds_dim_find(const char *s, size_t len)
{
    for (int i = 0; i < PR_HD_COUNT; i++)
        if (strlen(pr_hsds_dims[i].name) == len && memcmp(pr_hsds_dims[i].name, s, len) == 0) return i;
    return -1;
}

/* Open Eligibility 2.0 (taxonomies/openeligibility_taxonomy.xml) and the esd
 * Services List 2015 (taxonomies/esd_services_list_2015.csv). The first term
 * of a kind is the one the export writes; every row is read on import. */
const pr_hsds_ext_term pr_hsds_ext_terms[] = {
    {PR_HSDS_OE, "1286", "Relief for Caregivers", PAROER_KIND_RESPITE_AWAY},
    {PR_HSDS_ESD, "227", "Respite care for adults", PAROER_KIND_RESPITE_AWAY},
    {PR_HSDS_ESD, "260", "Respite care for children and young people", PAROER_KIND_RESPITE_AWAY},
    {PR_HSDS_ESD, "229", "Shared care for adults", PAROER_KIND_RESPITE_AWAY},
    {PR_HSDS_OE, "1304", "Counseling", PAROER_KIND_COUNSELLING},
    {PR_HSDS_ESD, "163", "Counselling", PAROER_KIND_COUNSELLING},
    {PR_HSDS_ESD, "328", "Bereavement support", PAROER_KIND_COUNSELLING},
    {PR_HSDS_OE, "1288", "Bereavement", PAROER_KIND_COUNSELLING},
    {PR_HSDS_OE, "1312", "Support Groups", PAROER_KIND_PEER_GROUP},
    {PR_HSDS_ESD, "298", "Carers support groups", PAROER_KIND_PEER_GROUP},
    {PR_HSDS_OE, "1310", "Peer Support", PAROER_KIND_PEER_GROUP},
    {PR_HSDS_ESD, "1437", "Carers allowance", PAROER_KIND_FINANCIAL_SUPPORT},
    {PR_HSDS_ESD, "162", "Advocacy for carers", PAROER_KIND_INVOLVEMENT},
    {PR_HSDS_OE, "20073", "Caregivers", -1},
    {PR_HSDS_ESD, "225", "Adult carers", -1},
    {PR_HSDS_ESD, "300", "Young carers support", -1},
};
const size_t pr_hsds_n_ext_terms = sizeof pr_hsds_ext_terms / sizeof pr_hsds_ext_terms[0];

/* The names are those of the national overview's table (lib/overview_municipalities.h,
 * generated from data/municipalities.csv). */
const char *pr_hsds_muni_name(int32_t code)
{
    size_t lo = 0, hi = PR_OV_N_MUNICIPALITIES;
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        if (pr_ov_municipalities[mid].code == code) return pr_ov_municipalities[mid].name;
        if (pr_ov_municipalities[mid].code < code) lo = mid + 1;
        else hi = mid;
    }
    return NULL;
}

static int eq_ci(const char *a, size_t n, const char *b)
{
    return strlen(b) == n && pr_ascii_ieq(a, b, n);
}

int32_t pr_hsds_muni_by_name(const char *s, size_t len)
{
    while (len && s[len - 1] == ' ') len--;
    while (len && *s == ' ') s++, len--;
    static const char suffix[] = " kommune";
    size_t sl = sizeof suffix - 1;
    if (len > sl && eq_ci(s + len - sl, sl, suffix)) len -= sl;
    for (int pass = 0; pass < 2; pass++) {
        for (size_t i = 0; i < PR_OV_N_MUNICIPALITIES; i++)
            if (eq_ci(s, len, pr_ov_municipalities[i].name)) return pr_ov_municipalities[i].code;
        /* "Københavns Kommune", "Frederiksbergs": a genitive s. */
        if (len > 1 && (s[len - 1] == 's' || s[len - 1] == 'S')) len--;
        else break;
    }
    return -1;
}

const char *pr_hsds_language_name(const char *code)
{
    static const char *const names[][2] = {
        {"da", "Dansk"}, {"en", "English"}, {"de", "Deutsch"}, {"sv", "Svenska"}, {"no", "Norsk"},
        {"nb", "Norsk bokmål"}, {"fo", "Føroyskt"}, {"kl", "Kalaallisut"}, {"ar", "العربية"},
        {"tr", "Türkçe"}, {"pl", "Polski"}, {"uk", "Українська"}, {"so", "Soomaali"}, {"ur", "اردو"},
        {"fa", "فارسی"}, {"ro", "Română"}, {"lt", "Lietuvių"}, {"es", "Español"}, {"fr", "Français"}};
    for (size_t i = 0; i < PR_COUNT_OF(names); i++)
        if (strcmp(code, names[i][0]) == 0) return names[i][1];
    return NULL;
}
