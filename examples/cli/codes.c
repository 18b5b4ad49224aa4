/* codes.c - `paroer codes [LIST]`: the vocabulary with its labels. */
#include "cli.h"

#include <jansson.h>
#include <stdlib.h>
#include <string.h>

static json_t *list_json(int32_t list)
{
    json_t *arr = json_array();
    if (!arr) return NULL;
    for (int32_t v = 0; v < paroer_vocab_count(list); v++) {
        json_t *e = json_pack("{s:s, s:i, s:s, s:s}", "code", paroer_vocab_code(list, v), "value", (int)v, "da",
                              cli_label(list, v, PAROER_LANG_DA), "en", cli_label(list, v, PAROER_LANG_EN));
        if (!e) { json_decref(arr); return NULL; }
        if (list == PAROER_VOCAB_OFFER_KIND) {
            json_t *needs = json_array();
            uint32_t m = paroer_kind_default_needs(v);
            for (int32_t k = 0; needs && k < paroer_vocab_count(PAROER_VOCAB_NEED); k++)
                if (m & (1u << k)) json_array_append_new(needs, json_string(paroer_vocab_code(PAROER_VOCAB_NEED, k)));
            json_object_set_new(e, "needs", needs ? needs : json_null());
        } else if (list == PAROER_VOCAB_AGE_BAND) {
            int32_t lo, hi;
            if (paroer_age_band_range(v, &lo, &hi) == PAROER_OK) {
                json_object_set_new(e, "min", json_integer(lo));
                json_object_set_new(e, "max", hi == INT32_MAX ? json_null() : json_integer(hi));
            }
        }
        json_array_append_new(arr, e);
    }
    return arr;
}

static void list_text(int32_t list, int32_t lang)
{
    int32_t n = paroer_vocab_count(list);
    printf("%s (%d)\n", paroer_vocab_list_name(list), (int)n);
    for (int32_t v = 0; v < n; v++) {
        printf("  %2d  %-22s %s", (int)v, paroer_vocab_code(list, v), cli_label(list, v, lang));
        if (list == PAROER_VOCAB_OFFER_KIND) {
            char buf[400];
            printf("  [%s: %s]", tr(lang, "dækker", "serves"),
                   cli_join_mask(PAROER_VOCAB_NEED, paroer_kind_default_needs(v), lang, 1, ", ",
                                 buf, sizeof buf));
        }
        putchar('\n');
    }
}

int cli_codes(const cli_opts *o)
{
    if (o->nargs > 1) return cli_usage_error(o->cmd, "expected at most one LIST, got %zu", o->nargs);
    int32_t only = -1;
    if (o->nargs == 1 && paroer_vocab_list_parse(&only, o->args[0]) != PAROER_OK) {
        fprintf(stderr, "paroer codes: unknown list '%s'; the lists are:", o->args[0]);
        for (int32_t i = 0; i < paroer_vocab_list_count(); i++) fprintf(stderr, " %s", paroer_vocab_list_name(i));
        fputc('\n', stderr);
        return CLI_USAGE;
    }
    int32_t first = only >= 0 ? only : 0, last = only >= 0 ? only + 1 : paroer_vocab_list_count();
    if (o->format == CLI_JSON) {
        json_t *root = json_object();
        for (int32_t l = first; root && l < last; l++) {
            json_t *arr = list_json(l);
            if (!arr || json_object_set_new(root, paroer_vocab_list_name(l), arr)) { json_decref(root); root = NULL; }
        }
        char *text = root ? json_dumps(root, JSON_PRESERVE_ORDER | JSON_COMPACT) : NULL;
        json_decref(root);
        if (!text) { cli_error("out of memory"); return CLI_INTERNAL; }
        puts(text);
        free(text);
        return CLI_OK;
    }
    for (int32_t l = first; l < last; l++) {
        if (l > first) putchar('\n');
        list_text(l, o->lang);
    }
    return CLI_OK;
}
