/* KL code mappings (FSIII interventions, FFB target groups), compiled in. */
#include "model.h"
#include <string.h>

typedef struct pr_kl_entry {
    const char *system, *code, *label;
    int32_t list;
    const char *value, *note;
} pr_kl_entry;

#include "kl_codes_table.h"

size_t paroer_kl_count(void) { return PR_COUNT_OF(kl_entries); }

static const pr_kl_entry *entry(size_t i) { return i < PR_COUNT_OF(kl_entries) ? &kl_entries[i] : NULL; }

const char *paroer_kl_system(size_t i) { const pr_kl_entry *e = entry(i); return e ? e->system : NULL; }
const char *paroer_kl_code(size_t i) { const pr_kl_entry *e = entry(i); return e ? e->code : NULL; }
const char *paroer_kl_label(size_t i) { const pr_kl_entry *e = entry(i); return e ? e->label : NULL; }
const char *paroer_kl_note(size_t i) { const pr_kl_entry *e = entry(i); return e ? e->note : NULL; }
int32_t paroer_kl_list(size_t i) { const pr_kl_entry *e = entry(i); return e ? e->list : -1; }

int32_t paroer_kl_value(size_t i)
{
    const pr_kl_entry *e = entry(i);
    int32_t v;
    if (!e || paroer_vocab_parse(&v, e->list, e->value, strlen(e->value)) != PAROER_OK) return -1;
    return v;
}

size_t paroer_kl_lookup(const char *system, const char *code, size_t *out, size_t cap)
{
    if (!system || !code) return 0;
    size_t n = 0;
    for (size_t i = 0; i < PR_COUNT_OF(kl_entries); i++) {
        if (strcmp(kl_entries[i].system, system) || strcmp(kl_entries[i].code, code)) continue;
        if (out && n < cap) out[n] = i;
        n++;
    }
    return n;
}

size_t paroer_kl_codes_for(int32_t list, int32_t value, size_t *out, size_t cap)
{
    size_t n = 0;
    for (size_t i = 0; i < PR_COUNT_OF(kl_entries); i++) {
        if (kl_entries[i].list != list || paroer_kl_value(i) != value) continue;
        if (out && n < cap) out[n] = i;
        n++;
    }
    return n;
}
