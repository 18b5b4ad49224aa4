/* words.c - labels, match reasons, exclusion rules and check names in words
 * (Danish by default, English with --lang en). */
#include "cli.h"

#include <string.h>

const char *cli_label(int32_t list, int32_t value, int32_t lang)
{
    const char *s = paroer_vocab_label(list, value, lang);
    if (!s) s = paroer_vocab_code(list, value);
    return s ? s : "?";
}

const char *cli_lc_first(const char *s, char *buf, size_t size)
{
    if (!size) return "";
    snprintf(buf, size, "%s", s ? s : "");
    unsigned char *p = (unsigned char *)buf;
    /* Keep acronyms ("ADHD ...") as they are: only a capital followed by a
     * lower-case letter (or the end) is lowered. */
    if (p[0] >= 'A' && p[0] <= 'Z') {
        if (!(p[1] >= 'A' && p[1] <= 'Z')) p[0] = (unsigned char)(p[0] - 'A' + 'a');
    } else if (p[0] == 0xC3 && p[1] >= 0x80 && p[1] <= 0x9E && p[1] != 0x97) {
        p[1] = (unsigned char)(p[1] + 0x20); /* Latin-1 capitals: Æ Ø Å É ... */
    }
    return buf;
}

const char *cli_label_lc(int32_t list, int32_t value, int32_t lang, char *buf, size_t size)
{
    return cli_lc_first(cli_label(list, value, lang), buf, size);
}

const char *cli_join_mask(int32_t list, uint32_t mask, int32_t lang, int lower, const char *last_sep,
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
        const char *label = lower ? cli_label_lc(list, i, lang, tmp, sizeof tmp) : cli_label(list, i, lang);
        const char *sep = done == 0 ? "" : (done == total - 1 ? last_sep : ", ");
        int w = snprintf(buf + len, size - len, "%s%s", sep, label);
        if (w < 0 || (size_t)w >= size - len) break;
        len += (size_t)w;
        done++;
    }
    return buf;
}

const char *cli_reason_words(const char *code, int32_t lang, char *buf, size_t size)
{
    const char *colon = strchr(code, ':');
    char tmp[160];
    if (colon) {
        size_t plen = (size_t)(colon - code);
        const char *value = colon + 1;
        struct { const char *prefix; int32_t list; const char *da, *en; } table[] = {
            {"need", PAROER_VOCAB_NEED, "dækker dit behov: %s", "serves your need: %s"},
            {"condition", PAROER_VOCAB_CONDITION, "målrettet pårørende til mennesker med %s",
             "aimed at relatives of people with %s"},
            {"relation", PAROER_VOCAB_RELATION, "målrettet dig som %s", "aimed at you as %s"},
            {"requires", PAROER_VOCAB_FLAG, "for pårørende, hvor det gælder: %s", "for relatives where this holds: %s"},
        };
        for (size_t i = 0; i < sizeof table / sizeof table[0]; i++) {
            if (strlen(table[i].prefix) != plen || strncmp(code, table[i].prefix, plen)) continue;
            int32_t v;
            if (paroer_vocab_parse(&v, table[i].list, value, strlen(value)) != PAROER_OK) break;
            cli_label_lc(table[i].list, v, lang, tmp, sizeof tmp);
            snprintf(buf, size, tr(lang, table[i].da, table[i].en), tmp);
            return buf;
        }
        if (!strcmp(code, "strain:high")) {
            snprintf(buf, size, "%s", tr(lang, "du har en stor plejeopgave, så aflastning og rådgivning vægtes højere",
                                         "you carry a heavy load of care, so respite and counselling rank higher"));
            return buf;
        }
    } else if (!strcmp(code, "waitlist")) {
        snprintf(buf, size, "%s", tr(lang, "der er venteliste", "there is a waiting list"));
        return buf;
    } else if (!strcmp(code, "stale")) {
        snprintf(buf, size, "%s", tr(lang, "oplysningerne er ikke bekræftet i over et år",
                                     "the details have not been confirmed for over a year"));
        return buf;
    } else if (!strcmp(code, "bereaved")) {
        snprintf(buf, size, "%s", tr(lang, "for efterladte", "for bereaved relatives"));
        return buf;
    }
    snprintf(buf, size, "%s", code); /* a reason a newer library added */
    return buf;
}

const char *cli_rule_words(int32_t rule, int32_t flag, const paroer_offer *offer, int32_t lang, char *buf,
                           size_t size)
{
    const char *s = NULL;
    char tmp[160];
    switch (rule) {
    case PAROER_RULE_PAUSED: s = tr(lang, "tilbuddet er sat på pause", "the offer is paused"); break;
    case PAROER_RULE_INACTIVE: s = tr(lang, "tilbuddet kører ikke på datoen", "the offer is not running on the date"); break;
    case PAROER_RULE_AREA: s = tr(lang, "tilbuddet gives ikke i din kommune", "the offer is not available in your municipality"); break;
    case PAROER_RULE_RELATIVE_AGE: s = tr(lang, "din alder er uden for målgruppen", "your age is outside the target group"); break;
    case PAROER_RULE_RELATION: s = tr(lang, "tilbuddet er for pårørende med en anden relation", "the offer is for relatives with another relation"); break;
    case PAROER_RULE_CONDITION: s = tr(lang, "tilbuddet er for pårørende til mennesker med en anden sygdom eller situation",
                                       "the offer is for relatives of people with another condition"); break;
    case PAROER_RULE_CARED_FOR_AGE: s = tr(lang, "din nærtståendes alder er uden for målgruppen",
                                           "the age of the person you care for is outside the target group"); break;
    case PAROER_RULE_REQUIRES:
        snprintf(buf, size, tr(lang, "tilbuddet kræver: %s", "the offer requires: %s"),
                 cli_label_lc(PAROER_VOCAB_FLAG, flag, lang, tmp, sizeof tmp));
        return buf;
    case PAROER_RULE_BEREAVED: {
        int32_t b = offer ? paroer_target_bereaved(paroer_offer_target(offer)) : -1;
        if (b == PAROER_BEREAVEMENT_ONLY) s = tr(lang, "tilbuddet er kun for efterladte", "the offer is for the bereaved only");
        else s = tr(lang, "tilbuddet er ikke for efterladte", "the offer is not for the bereaved");
        break;
    }
    case PAROER_RULE_MODE: s = tr(lang, "tilbuddet gives ikke på en måde, du har valgt", "the offer is not given in a way you chose"); break;
    case PAROER_RULE_SLOT: s = tr(lang, "tilbuddet ligger ikke på et tidspunkt, hvor du kan", "the offer is not at a time you can"); break;
    case PAROER_RULE_LANGUAGE: s = tr(lang, "tilbuddet gives ikke på dit sprog", "the offer is not in your language"); break;
    case PAROER_RULE_NEED: s = tr(lang, "tilbuddet dækker ingen af dine behov", "the offer serves none of your needs"); break;
    default: {
        const char *code = paroer_match_rule_code(rule, flag);
        s = code ? code : "?";
        break;
    }
    }
    snprintf(buf, size, "%s", s);
    return buf;
}

const char *cli_check_name(const char *code, int32_t lang)
{
    const char *s = paroer_check_title(code, lang);
    return s ? s : code;
}

const char *cli_status_word(int32_t status, int32_t lang)
{
    const char *s = paroer_check_status_label(status, lang);
    return s ? s : "?";
}

const char *cli_reasons_sentence(const char *const *codes, size_t n, int32_t lang, char *buf, size_t size)
{
    /* Reasons of one kind are said once: "dækker dine behov: a og b". */
    static const struct { const char *prefix; int32_t list; const char *da1, *da2, *en1, *en2; } groups[] = {
        {"need", PAROER_VOCAB_NEED, "dækker dit behov: %s", "dækker dine behov: %s", "serves your need: %s",
         "serves your needs: %s"},
        {"condition", PAROER_VOCAB_CONDITION, "målrettet pårørende til mennesker med %s",
         "målrettet pårørende til mennesker med %s", "aimed at relatives of people with %s",
         "aimed at relatives of people with %s"},
        {"relation", PAROER_VOCAB_RELATION, "målrettet dig som %s", "målrettet dig som %s", "aimed at you as %s",
         "aimed at you as %s"},
        {"requires", PAROER_VOCAB_FLAG, "for pårørende, hvor det gælder: %s", "for pårørende, hvor det gælder: %s",
         "for relatives where this holds: %s", "for relatives where this holds: %s"},
    };
    enum { NG = sizeof groups / sizeof groups[0] };
    uint32_t masks[NG] = {0};
    int used[64] = {0};
    for (size_t i = 0; i < n && i < 64; i++) {
        if (!codes[i]) continue;
        const char *colon = strchr(codes[i], ':');
        if (!colon) continue;
        for (size_t g = 0; g < NG; g++) {
            size_t plen = strlen(groups[g].prefix);
            int32_t v;
            if ((size_t)(colon - codes[i]) == plen && !strncmp(codes[i], groups[g].prefix, plen) &&
                paroer_vocab_parse(&v, groups[g].list, colon + 1, strlen(colon + 1)) == PAROER_OK && v < 32) {
                masks[g] |= 1u << v;
                used[i] = 1;
            }
        }
    }
    size_t len = 0;
    buf[0] = '\0';
#define APPEND(...)                                                                 \
    do {                                                                            \
        int w_ = snprintf(buf + len, size - len, __VA_ARGS__);                      \
        if (w_ > 0) len = (size_t)w_ < size - len ? len + (size_t)w_ : size - 1;    \
    } while (0)
    for (size_t g = 0; g < NG; g++) {
        if (!masks[g]) continue;
        char list[1024];
        int many = (masks[g] & (masks[g] - 1)) != 0;
        const char *sep = g == 1 ? tr(lang, " eller ", " or ") : ", ";
        cli_join_mask(groups[g].list, masks[g], lang, 1, sep, list, sizeof list);
        if (len) APPEND("; ");
        APPEND(lang == PAROER_LANG_EN ? (many ? groups[g].en2 : groups[g].en1) : (many ? groups[g].da2 : groups[g].da1),
               list);
    }
    for (size_t i = 0; i < n; i++) {
        if ((i < 64 && used[i]) || !codes[i]) continue;
        char one[512];
        if (len) APPEND("; ");
        APPEND("%s", cli_reason_words(codes[i], lang, one, sizeof one));
    }
#undef APPEND
    return buf;
}
