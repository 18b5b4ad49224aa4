/* report.c - the coverage report (paroer_report_html(), report.h): the
 * coverage of a municipality as ONE self-contained HTML page for a municipal
 * leader (Danish by default).
 *
 * The page needs nothing from the network or the disk: CSS is inline, the
 * charts are inline SVG, there are no fonts, images or external scripts, and
 * a Content-Security-Policy forbids fetching anything. One small inline
 * script at the very end marks the page as rendered (tests/report/ checks it).
 * Every string that comes from a catalog is HTML-escaped (pr_html_text());
 * every number is written without the C locale (html_write.h). */
#include "coverage_impl.h"
#include "html_write.h"
#include "report_internal.h"

#include <stdio.h>
#include <string.h>

typedef struct rep {
    pr_html *b;
    const paroer_report_options *o;
    const paroer_catalog *cat;
    const paroer_coverage *cov;
    const paroer_allocator *alloc;
    int32_t lang;
    unsigned min_cell;
} rep;

#define T(da, en) pr_tr(r->lang, da, en)

/* ---- small formatters ------------------------------------------------------ */

static const char *fmt_int(uint64_t v, int32_t lang, char buf[32])
{
    return pr_fmt_int(buf, 32, v, lang);
}

/* A share with one decimal ("42,5 %"), as in the CLI's text. */
static const char *pct1(double share, int32_t lang, char buf[32])
{
    return pr_fmt_pct(buf, 32, share, 1, lang);
}

static const char *pct0(double share, int32_t lang, char buf[32])
{
    return pr_fmt_pct(buf, 32, share, 0, lang);
}

static const char *long_date(int32_t date, int32_t lang, char *buf, size_t size)
{
    return pr_fmt_date(buf, size, date, lang);
}

static const char *check_title(const char *code, int32_t lang)
{
    const char *s = paroer_check_title(code, lang);
    return s ? s : code;
}

static const char *status_label(int32_t st, int32_t lang)
{
    const char *s = paroer_check_status_label(st, lang);
    return s ? s : "?";
}

static size_t live_offers(const paroer_catalog *cat, int32_t municipality, int32_t date)
{
    size_t n = 0;
    for (size_t i = 0; i < paroer_catalog_offer_count(cat); i++)
        if (paroer_offer_is_live(paroer_catalog_offer(cat, i), municipality, date)) n++;
    return n;
}

static const paroer_goal *find_goal(const paroer_catalog *cat, const char *policy_id, const char *goal_id)
{
    const paroer_policy *p = policy_id ? paroer_catalog_find_policy(cat, policy_id) : NULL;
    if (!p || !goal_id) return NULL;
    for (size_t i = 0; i < paroer_policy_goal_count(p); i++) {
        const paroer_goal *g = paroer_policy_goal(p, i);
        if (!strcmp(paroer_goal_id(g), goal_id)) return g;
    }
    return NULL;
}

static const char *breakdown_label(int32_t breakdown, int32_t code, int32_t lang, char *buf, size_t size)
{
    switch (breakdown) {
    case PAROER_BREAKDOWN_MUNICIPALITY: {
        const char *name = paroer_municipality_name(code);
        if (name) snprintf(buf, size, "%s", name);
        else snprintf(buf, size, "%03d", (int)code);
        return buf;
    }
    case PAROER_BREAKDOWN_CONDITION: snprintf(buf, size, "%s", pr_rw_label(PAROER_VOCAB_CONDITION, code, lang)); return buf;
    case PAROER_BREAKDOWN_RELATION: snprintf(buf, size, "%s", pr_rw_label(PAROER_VOCAB_RELATION, code, lang)); return buf;
    case PAROER_BREAKDOWN_AGE_BAND: snprintf(buf, size, "%s", pr_rw_label(PAROER_VOCAB_AGE_BAND, code, lang)); return buf;
    default: snprintf(buf, size, "%d", (int)code); return buf;
    }
}

/* @p s cut to at most @p max characters (code points), with an ellipsis. */
static const char *short_label(const char *s, size_t max, char *buf, size_t size)
{
    size_t chars = 0, i = 0;
    for (; s[i]; i++) {
        if (((unsigned char)s[i] & 0xC0) == 0x80) continue;
        if (++chars > max) break;
    }
    if (!s[i] || i + 4 > size) {
        snprintf(buf, size, "%s", s);
        return buf;
    }
    /* back to the last space, so a word is not cut */
    size_t cut = i;
    while (cut > i / 2 && s[cut] != ' ') cut--;
    if (s[cut] != ' ') cut = i;
    snprintf(buf, size, "%.*s\xE2\x80\xA6", (int)cut, s);
    return buf;
}

static int pr_popcount32(uint32_t m)
{
    int n = 0;
    for (; m; m &= m - 1) n++;
    return n;
}

/* Heat colour of a share: red (nothing) through amber to green (all). */
static const char *heat_class(double share)
{
    if (share <= 0.0) return "h0";
    if (share < 0.5) return "h1";
    if (share < 1.0) return "h2";
    return "h3";
}

/* ---- page frame ------------------------------------------------------------- */

static const char css[] =
    ":root{--ink:#1d2733;--muted:#5b6877;--line:#d9e0e7;--bg:#f4f6f8;--card:#fff;--brand:#123a5a;"
    "--accent:#1f6fa8;--pass:#1a7f4b;--warn:#b26a00;--fail:#b3261e;--h0:#e8796b;--h1:#f6b26b;--h2:#ffe08a;"
    "--h3:#7cc48f}"
    "*{box-sizing:border-box}"
    "body{margin:0;background:var(--bg);color:var(--ink);font:15px/1.5 system-ui,-apple-system,'Segoe UI',"
    "Roboto,'Helvetica Neue',Arial,sans-serif}"
    "header.top{background:var(--brand);color:#fff;padding:28px 0 24px}"
    ".wrap{max-width:1120px;margin:0 auto;padding:0 24px}"
    "header.top h1{margin:0 0 4px;font-size:28px;line-height:1.2;font-weight:650}"
    "header.top p{margin:2px 0;color:#d5e3ef}"
    "header.top .meta{font-size:13px;color:#a9c2d8}"
    "main.wrap{padding:22px 24px 40px}"
    "section{background:var(--card);border:1px solid var(--line);border-radius:10px;padding:20px 24px;"
    "margin:18px 0}"
    "section h2{margin:0 0 6px;font-size:20px;color:var(--brand)}"
    "section h3{margin:18px 0 6px;font-size:16px}"
    "p.lead{margin:0 0 14px;color:var(--muted)}"
    ".cards{display:grid;grid-template-columns:repeat(auto-fit,minmax(150px,1fr));gap:12px;margin:4px 0 0}"
    ".card{background:var(--card);border:1px solid var(--line);border-radius:10px;padding:14px 16px}"
    ".card .v{font-size:28px;font-weight:700;color:var(--brand);line-height:1.1}"
    ".card .k{font-size:13px;color:var(--muted)}"
    ".badge{display:inline-block;min-width:92px;text-align:center;padding:2px 10px;border-radius:999px;"
    "font-size:12px;font-weight:700;letter-spacing:.02em;color:#fff;text-transform:uppercase}"
    ".b-pass{background:var(--pass)}.b-warn{background:var(--warn)}.b-fail{background:var(--fail)}"
    ".b-none{background:#8a96a3}"
    "ul.checks{list-style:none;margin:0;padding:0}"
    "ul.checks li{display:grid;grid-template-columns:110px 1fr;gap:12px;padding:10px 0;"
    "border-top:1px solid var(--line)}"
    "ul.checks li:first-child{border-top:0}"
    ".checks .name{font-weight:600}.checks .detail{color:var(--muted);font-size:14px}"
    "code{font-family:ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;font-size:12px;color:var(--muted)}"
    "table{border-collapse:collapse}"
    "table.heat{width:100%;table-layout:fixed;font-size:13px}"
    "table.heat th{font-weight:600;padding:4px;vertical-align:bottom}"
    "table.heat thead th{height:150px;white-space:nowrap}"
    "table.heat thead th div{writing-mode:vertical-rl;transform:rotate(180deg);margin:0 auto;text-align:left}"
    "table.heat col.rowhead{width:220px}table.heat tbody th{text-align:left;font-weight:500;line-height:1.25;vertical-align:middle}"
    "table.heat td{text-align:center;padding:0;height:30px;border:2px solid #fff;font-variant-numeric:tabular-nums}"
    ".h0{background:var(--h0)}.h1{background:var(--h1)}.h2{background:var(--h2)}.h3{background:var(--h3)}"
    ".legend{display:flex;flex-wrap:wrap;gap:14px;margin:10px 0 0;font-size:13px;color:var(--muted)}"
    ".legend span i{display:inline-block;width:14px;height:14px;border-radius:3px;vertical-align:-2px;"
    "margin-right:5px}"
    "details{margin:8px 0}summary{cursor:pointer;color:var(--accent);font-weight:600}"
    ".need{border-top:1px solid var(--line);padding:10px 0}"
    ".need:first-of-type{border-top:0}"
    ".need h3{margin:0 0 4px;display:flex;justify-content:space-between;gap:10px}"
    ".need h3 small{font-weight:400;color:var(--muted)}"
    ".need ul{margin:4px 0 0;padding-left:20px}"
    ".need.ok h3{color:var(--pass)}"
    ".meter{height:8px;background:#eef1f4;border-radius:4px;overflow:hidden;margin:2px 0 6px}"
    ".meter b{display:block;height:100%;background:var(--fail)}"
    ".goal{border-top:1px solid var(--line);padding:12px 0}"
    ".goal:first-of-type{border-top:0}"
    ".goal .t{font-weight:600}.goal .c{color:var(--muted);font-size:13px}"
    ".chips{display:flex;flex-wrap:wrap;gap:6px;margin-top:6px}"
    ".chip{background:#eaf2f9;color:#17496f;border-radius:6px;padding:2px 8px;font-size:13px}"
    ".cols{display:grid;grid-template-columns:repeat(auto-fit,minmax(480px,1fr));gap:8px 28px}"
    "table.data{width:100%;font-size:14px}"
    "table.data th,table.data td{text-align:left;padding:6px 8px;border-bottom:1px solid var(--line)}"
    "table.data td.n{text-align:right;font-variant-numeric:tabular-nums}"
    "svg text{font-family:inherit}"
    ".note{font-size:13px;color:var(--muted)}"
    "footer{color:var(--muted);font-size:13px;padding:0 0 30px}"
    "p.explain{margin:12px 2px 0;color:var(--muted);font-size:14px;max-width:60em}"
    ".scroll{overflow-x:auto}.scroll table.heat{min-width:760px}"
    "p.swipe{display:none;margin:4px 0;color:var(--muted);font-size:13px}"
    "@media (max-width:800px){p.swipe{display:block}}"
    "ul.conds{display:flex;flex-wrap:wrap;gap:4px 6px;list-style:none;padding:0;margin:4px 0 6px}"
    "ul.conds li{background:#fdecea;color:#7a1c15;border-radius:6px;padding:1px 8px;font-size:13px}"
    ".need>ul>li,.need details>ul>li{margin:4px 0}"
    "details.band{margin:6px 0}details.band summary{padding:4px 0}"
    "@media (max-width:640px){.wrap{padding:0 12px}main.wrap{padding:12px 12px 30px}"
    "section{padding:14px 14px;border-radius:8px}header.top h1{font-size:22px}"
    "ul.checks li{grid-template-columns:1fr;gap:4px}.badge{min-width:0}"
    ".cols{grid-template-columns:1fr}.card .v{font-size:22px}"
    "table.heat col.rowhead{width:150px}}"
    "@media print{body{background:#fff;font-size:11pt}header.top{background:#fff;color:#000;padding:0 0 8px;"
    "border-bottom:2px solid #000}header.top p,header.top .meta{color:#333}"
    "section{break-before:page;break-inside:auto;border:0;padding:0;margin:0}"
    "details>summary{display:none}details::details-content{content-visibility:visible;display:block}"
    ".scroll{overflow:visible}.scroll table.heat{min-width:0}table.heat td{border-width:1px}p.swipe{display:none}"
    "*{-webkit-print-color-adjust:exact;print-color-adjust:exact}footer{padding-top:12px}}";

static void page_head(rep *r, const char *title)
{
    pr_html *b = r->b;
    pr_html_printf(b, "<!DOCTYPE html>\n<html lang=\"%s\">\n<head>\n<meta charset=\"utf-8\">\n",
              r->lang == PAROER_LANG_EN ? "en" : "da");
    pr_html_put(b, "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
    /* Nothing may be fetched: only the inline style and script run. */
    pr_html_put(b, "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; "
              "style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:\">\n");
    pr_html_printf(b, "<meta name=\"generator\" content=\"paroer %s\">\n", paroer_version());
    pr_html_put(b, "<title>");
    pr_html_text(b, title);
    pr_html_put(b, "</title>\n<style>");
    pr_html_put(b, css);
    pr_html_put(b, "</style>\n</head>\n<body>\n");
}

static void page_foot(rep *r)
{
    pr_html *b = r->b;
    pr_html_put(b, "</main>\n<footer><div class=\"wrap\">");
    pr_html_printf(b, "%s libparoer %s. ", T("Lavet med", "Made with"), paroer_version());
    pr_html_put(b, T("Rapporten indeholder ingen personoplysninger: befolkningstal er samlet, og små grupper er skjult.",
                "The report holds no personal data: population figures are aggregated and small groups are hidden."));
    pr_html_put(b, "</div></footer>\n");
    pr_html_put(b, "<div id=\"paroer-ready\" hidden></div>\n");
    pr_html_put(b, "<script>(function(){var m=document.getElementById('paroer-ready');"
              "m.setAttribute('data-ready','yes');"
              "m.setAttribute('data-sections',String(document.querySelectorAll('main section').length));})();"
              "</script>\n</body>\n</html>\n");
}

/* ---- key figures -------------------------------------------------------------- */

static void card(rep *r, const char *value, const char *key)
{
    pr_html_put(r->b, "<div class=\"card\"><div class=\"v\">");
    pr_html_text(r->b, value);
    pr_html_put(r->b, "</div><div class=\"k\">");
    pr_html_text(r->b, key);
    pr_html_put(r->b, "</div></div>");
}

static void key_figures(rep *r)
{
    const paroer_coverage *cov = r->cov;
    char v[64], t1[32], t2[32], k[200];
    pr_html_put(r->b, "<div class=\"cards\" id=\"key-figures\">");
    if (paroer_coverage_has_matrix(cov)) {
        int32_t m = paroer_coverage_municipality(cov);
        card(r, pct1(paroer_coverage_overall(cov), r->lang, v),
             T("af målgrupper og behov har et tilbud", "of target groups and needs have an offer"));
        snprintf(v, sizeof v, "%s", fmt_int(live_offers(r->cat, m, paroer_coverage_date(cov)), r->lang, t1));
        card(r, v, T("tilbud gælder i kommunen", "offers are live in the municipality"));
        size_t goals = 0, realised = 0;
        for (size_t i = 0; i < paroer_coverage_goal_count(cov); i++) {
            if (paroer_coverage_goal_organisational(cov, i) == 1) continue;
            goals++;
            if (paroer_coverage_goal_realised_count(cov, i)) realised++;
        }
        if (paroer_coverage_policy_id(cov)) {
            snprintf(v, sizeof v, T("%zu af %zu", "%zu of %zu"), realised, goals);
            card(r, v, T("politikmål har et tilbud", "policy goals have an offer"));
        } else {
            card(r, T("Ingen", "None"), T("pårørendepolitik i kataloget", "relatives' policy in the catalog"));
        }
        size_t st[3] = {0, 0, 0};
        for (size_t i = 0; i < paroer_coverage_check_count(cov); i++) {
            int32_t s = paroer_coverage_check_status(cov, i);
            if (s >= 0 && s <= 2) st[s]++;
        }
        snprintf(v, sizeof v, "%zu / %zu", st[0], paroer_coverage_check_count(cov));
        snprintf(k, sizeof k, T("tjek opfyldt (advarsel: %zu, ikke opfyldt: %zu)", "checks pass (warn: %zu, fail: %zu)"),
                 st[1], st[2]);
        card(r, v, k);
    }
    if (paroer_coverage_has_population(cov)) {
        uint64_t n = paroer_coverage_pop_relatives(cov);
        double d = n ? (double)n : 1.0;
        if (paroer_coverage_pop_suppressed(cov) == 1) {
            card(r, T("Skjult", "Hidden"), T("for få pårørende til at vise tal", "too few relatives to show figures"));
        } else if (paroer_coverage_pop_unknown_relatives(cov) > 0) {
            /* Unknown facts (`?`): the share lies between what is certain and what is possible. */
            char lo[32], hi[32];
            snprintf(v, sizeof v, T("%s\xE2\x80\x93%s", "%s\xE2\x80\x93%s"),
                     pct0((double)paroer_coverage_pop_reached(cov) / d, r->lang, lo),
                     pct0((double)paroer_coverage_pop_reached_possible(cov) / d, r->lang, hi));
            snprintf(k, sizeof k, T("af de pårørende har mindst ét tilbud (mellem %s og %s: nogle oplysninger mangler)",
                                    "of the relatives have at least one offer (between %s and %s: some facts are unknown)"),
                     lo, hi);
            card(r, v, k);
            snprintf(v, sizeof v, "%s\xE2\x80\x93%s", pct0((double)paroer_coverage_pop_needs_met(cov) / d, r->lang, lo),
                     pct0((double)paroer_coverage_pop_needs_met_possible(cov) / d, r->lang, hi));
            snprintf(k, sizeof k, T("får dækket alle deres behov (mellem %s og %s)", "have every need met (between %s and %s)"),
                     lo, hi);
            card(r, v, k);
        } else {
            card(r, pct0((double)paroer_coverage_pop_reached(cov) / d, r->lang, v),
                 T("af de pårørende har mindst ét tilbud", "of the relatives have at least one offer"));
            card(r, pct0((double)paroer_coverage_pop_needs_met(cov) / d, r->lang, v),
                 T("får dækket alle deres behov", "have every need met"));
        }
        if (!paroer_coverage_has_matrix(cov)) card(r, fmt_int(n, r->lang, t2), T("pårørende i befolkningen", "relatives in the population"));
    }
    pr_html_put(r->b, "</div>\n");
    if (paroer_coverage_has_matrix(cov)) {
        /* What the headline share means, in words. */
        size_t cells = paroer_coverage_cell_count(cov) * (size_t)paroer_vocab_count(PAROER_VOCAB_NEED);
        size_t gaps = paroer_coverage_gap_count(cov);
        char n1[32], n2[32], p1[32];
        pr_html_put(r->b, "<p class=\"explain\" id=\"share-meaning\">");
        pr_html_printf(r->b, T("%s betyder: for %s af de %s kombinationer af en pårørendegruppe (alder, relation og den "
                               "nærtståendes sygdom) og et behov findes mindst ét tilbud i kommunen. Tallet siger, hvor "
                               "bredt tilbuddene dækker \xE2\x80\x93 ikke hvor mange pårørende der får hjælp.",
                               "%s means: for %s of the %s combinations of a group of relatives (age, relation and the "
                               "condition of the person cared for) and a need, the municipality has at least one offer. "
                               "It says how widely the offers reach \xE2\x80\x93 not how many relatives get help."),
                       pct1(paroer_coverage_overall(cov), r->lang, p1), fmt_int(cells - gaps, r->lang, n1),
                       fmt_int(cells, r->lang, n2));
        if (paroer_coverage_has_population(cov))
            pr_html_put(r->b, T(" Det står under »Når tilbuddene ud til de pårørende?«.",
                                " That is under \xE2\x80\x9C" "Do the offers reach the relatives?\xE2\x80\x9D."));
        pr_html_put(r->b, "</p>\n");
    }
}

/* ---- checks ---------------------------------------------------------------- */

static int id_char(unsigned char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '_' ||
           c == '.';
}

/* Before a name that begins with the word just written ("handleplan" before
 * »Handleplan (anden)«, "pårørendepolitik" before »Pårørendepolitik for …«),
 * takes that word back: the name says it. Letters compare without case
 * (ASCII), and the name's word must end there. */
static void drop_repeated_word(pr_html *t, const char *name)
{
    if (t->len < 2 || t->data[t->len - 1] != ' ') return;
    size_t end = t->len - 1, start = end;
    while (start > 0 && t->data[start - 1] != ' ') start--;
    const size_t n = end - start;
    if (n == 0 || !pr_ascii_ieq(t->data + start, name, n)) return;
    const unsigned char after = (unsigned char)name[n];
    if ((after >= 'a' && after <= 'z') || (after >= 'A' && after <= 'Z') || after >= 0x80) return;
    t->len = start;
    t->data[t->len] = '\0';
}

/* A check's detail for people: ids of offers and policies become their names,
 * ISO dates become "31. oktober 2026", quotes become »…«, and the sentence
 * starts with a capital and ends with a full stop. The library's detail
 * (with the ids) stays in the tooltip. */
static void human_detail(rep *r, const char *detail)
{
    pr_html *b = r->b;
    pr_html t;
    pr_html_init(&t, r->alloc);
    const char *p = detail ? detail : "";
    int quote = 0;
    while (*p) {
        if (!id_char((unsigned char)*p)) {
            if (*p == '"') {
                if (quote % 2 == 0) drop_repeated_word(&t, p + 1);
                pr_html_put(&t, quote++ % 2 ? "\xC2\xAB" : "\xC2\xBB");
            }
            else pr_html_putn(&t, p, 1);
            p++;
            continue;
        }
        const char *e = p;
        while (*e && id_char((unsigned char)*e)) e++;
        size_t n = (size_t)(e - p);
        while (n && p[n - 1] == '.') n--; /* a full stop after an id */
        char tok[256];
        if (n == 0 || n >= sizeof tok) {
            pr_html_putn(&t, p, (size_t)(e - p));
            p = e;
            continue;
        }
        memcpy(tok, p, n);
        tok[n] = '\0';
        int32_t d;
        size_t skip = 0;
        const paroer_offer *of = NULL;
        const paroer_policy *pol = NULL;
        if (n == 10 && paroer_date_parse(&d, tok, n) == PAROER_OK) {
            pr_html_date(&t, d, r->lang);
        } else if (strchr(tok, '-') && (of = paroer_catalog_find_offer(r->cat, tok)) != NULL) {
            drop_repeated_word(&t, paroer_offer_name(of));
            pr_html_put(&t, "\xC2\xBB");
            pr_html_put(&t, paroer_offer_name(of));
            pr_html_put(&t, "\xC2\xAB");
        } else if (strchr(tok, '-') && (pol = paroer_catalog_find_policy(r->cat, tok)) != NULL) {
            const char *title = paroer_policy_title(pol);
            drop_repeated_word(&t, title);
            pr_html_put(&t, "\xC2\xBB");
            pr_html_put(&t, title);
            pr_html_put(&t, "\xC2\xAB");
            /* "… (Title)" right after the id says the title twice. */
            size_t tl = strlen(title);
            if (e[0] == ' ' && e[1] == '(' && !strncmp(e + 2, title, tl) && e[2 + tl] == ')') skip = 3 + tl;
        } else {
            pr_html_putn(&t, tok, n);
        }
        p += n;
        if (p < e) pr_html_putn(&t, p, (size_t)(e - p)); /* the full stops */
        p = e + skip;
    }
    if (t.failed) b->failed = 1;
    const char *text = t.data ? t.data : "";
    char first[8];
    size_t k = 0;
    /* The first letter in upper case (ASCII or a Latin-1 letter in UTF-8);
     * the first character is taken whole, whatever its length (»). */
    const unsigned char c0 = (unsigned char)text[0];
    k = c0 >= 0xF0 ? 4 : c0 >= 0xE0 ? 3 : c0 >= 0xC0 ? 2 : c0 ? 1 : 0;
    for (size_t i = 1; i < k; i++)
        if (!text[i]) k = i;
    memcpy(first, text, k);
    first[k] = '\0';
    char up[8];
    pr_html_text(b, pr_rw_uc_first(first, up, sizeof up));
    pr_html_text(b, text + k);
    size_t len = strlen(text);
    if (len && text[len - 1] != '.' && text[len - 1] != '!' && text[len - 1] != '?') pr_html_put(b, ".");
    pr_html_free(&t);
}

static void section_checks(rep *r)
{
    pr_html *b = r->b;
    static const char *const cls[] = {"b-pass", "b-warn", "b-fail"};
    pr_html_put(b, "<section id=\"checks\"><h2>");
    pr_html_put(b, T("Tjek af lovkrav og politik", "Checks of statutory duties and policy"));
    pr_html_put(b, "</h2><p class=\"lead\">");
    pr_html_put(b, T("Seks faste tjek: om kommunen lever op til lovens krav og sin egen pårørendepolitik.",
                "Six fixed checks: whether the municipality meets the law and its own relatives' policy."));
    pr_html_put(b, "</p><ul class=\"checks\">");
    for (size_t i = 0; i < paroer_coverage_check_count(r->cov); i++) {
        int32_t st = paroer_coverage_check_status(r->cov, i);
        const char *code = paroer_coverage_check_code(r->cov, i);
        const char *detail = paroer_coverage_check_detail(r->cov, i, r->lang);
        pr_html_printf(b, "<li data-check=\"%s\" data-status=\"%s\" title=\"", code,
                  paroer_check_status_code(st) ? paroer_check_status_code(st) : "?");
        pr_html_text(b, code);
        pr_html_put(b, ": ");
        pr_html_text(b, detail);
        pr_html_printf(b, "\"><span><span class=\"badge %s\">", st >= 0 && st <= 2 ? cls[st] : "b-none");
        pr_html_text(b, status_label(st, r->lang));
        pr_html_put(b, "</span></span><span><span class=\"name\">");
        pr_html_text(b, check_title(code, r->lang));
        pr_html_put(b, "</span><br><span class=\"detail\">");
        human_detail(r, detail);
        pr_html_put(b, "</span></span></li>");
    }
    pr_html_put(b, "</ul></section>\n");
}

/* ---- heat map -------------------------------------------------------------- */

/* One heat map: conditions × needs for relatives in age band @p band, or of
 * every age when @p band is -1 (then a cell is the share of the 26 groups of
 * age band × relation that have an offer, which averages to the bars). */
static void heat_table(rep *r, int32_t band)
{
    pr_html *b = r->b;
    int32_t nneed = paroer_vocab_count(PAROER_VOCAB_NEED), ncond = paroer_vocab_count(PAROER_VOCAB_CONDITION),
            nrel = paroer_vocab_count(PAROER_VOCAB_RELATION), nband = paroer_vocab_count(PAROER_VOCAB_AGE_BAND);
    int32_t b0 = band < 0 ? 0 : band, b1 = band < 0 ? nband - 1 : band;
    char lc[160];
    /* On a phone the table scrolls sideways, which nothing else would tell. */
    pr_html_put(b, "<p class=\"swipe\">");
    pr_html_put(b, T("Tabellen er bredere end skærmen: skub den til siden for at se alle behov.",
                     "The table is wider than the screen: swipe it sideways to see every need."));
    pr_html_put(b, "</p>");
    pr_html_printf(b, "<div class=\"scroll\"><table class=\"heat\" data-band=\"%s\"><colgroup><col class=\"rowhead\">"
                   "</colgroup><thead><tr><th></th>", band < 0 ? "all" : paroer_vocab_code(PAROER_VOCAB_AGE_BAND, band));
    for (int32_t n = 0; n < nneed; n++) {
        pr_html_put(b, "<th scope=\"col\"><div>");
        pr_html_text(b, pr_rw_label(PAROER_VOCAB_NEED, n, r->lang));
        pr_html_put(b, "</div></th>");
    }
    pr_html_put(b, "</tr></thead><tbody>");
    int groups = 0;
    for (int32_t bd = b0; bd <= b1; bd++)
        for (int32_t rl = 0; rl < nrel; rl++) groups += pr_rw_cell_exists(bd, rl);
    for (int32_t c = 0; c < ncond; c++) {
        pr_html_put(b, "<tr><th scope=\"row\">");
        pr_html_text(b, pr_rw_label(PAROER_VOCAB_CONDITION, c, r->lang));
        pr_html_put(b, "</th>");
        for (int32_t n = 0; n < nneed; n++) {
            int covered = 0;
            pr_html missing;
            pr_html_init(&missing, r->alloc);
            for (int32_t bd = b0; bd <= b1; bd++)
                for (int32_t rl = 0; rl < nrel; rl++) {
                    if (!pr_rw_cell_exists(bd, rl)) continue;
                    if (paroer_coverage_covered(r->cov, bd, rl, c, n) == 1) covered++;
                    else if (band >= 0) {
                        if (missing.len) pr_html_put(&missing, ", ");
                        pr_html_put(&missing, pr_rw_label_lc(PAROER_VOCAB_RELATION, rl, r->lang, lc, sizeof lc));
                    }
                }
            double share = groups ? (double)covered / groups : 0.0;
            pr_html_printf(b, "<td class=\"%s\" title=\"", heat_class(share));
            pr_html_text(b, pr_rw_label(PAROER_VOCAB_CONDITION, c, r->lang));
            pr_html_put(b, " \xC2\xB7 ");
            pr_html_text(b, pr_rw_label(PAROER_VOCAB_NEED, n, r->lang));
            pr_html_put(b, ": ");
            if (band < 0) {
                pr_html_printf(b, T("%d af %d grupper (alder og relation) har et tilbud",
                                    "%d of %d groups (age and relation) have an offer"), covered, groups);
                pr_html_put(b, "\">");
                pr_html_pct(b, share, 0, r->lang);
                pr_html_put(b, "</td>");
            } else {
                if (missing.len) {
                    pr_html_text(b, T("intet tilbud for ", "no offer for "));
                    pr_html_text(b, missing.data);
                } else {
                    pr_html_text(b, T("dækket for alle relationer", "covered for every relation"));
                }
                pr_html_printf(b, "\">%d/%d</td>", covered, groups);
            }
            if (missing.failed) b->failed = 1;
            pr_html_free(&missing);
        }
        pr_html_put(b, "</tr>");
    }
    pr_html_put(b, "</tbody></table></div>");
}

static void section_heatmap(rep *r)
{
    pr_html *b = r->b;
    char ages[32];
    int32_t band = r->o->age_band;
    pr_html_put(b, "<section id=\"heatmap\"><h2>");
    pr_html_put(b, T("Behov og sygdomme: hvor er der et tilbud?", "Needs and conditions: where is there an offer?"));
    pr_html_put(b, "</h2><p class=\"lead\">");
    pr_html_put(b, T("Pårørende i alle aldre. Hvert felt viser, hvor stor en del af grupperne af alder og relation "
                     "(fx søskende på 18–29 år) der har et tilbud, som dækker behovet for pårørende til en person med "
                     "sygdommen. Tallene svarer til søjlerne under »Dækning i tal«. Hold musen over et felt for detaljer.",
                     "Relatives of every age. Each cell shows the share of the groups of age and relation "
                     "(e.g. siblings aged 18–29) that have an offer serving the need for relatives of a person with "
                     "the condition. The figures agree with the bars under \xE2\x80\x9C" "Coverage in figures\xE2\x80\x9D. "
                     "Hover over a cell for details."));
    pr_html_put(b, "</p>");
    heat_table(r, -1);
    pr_html_put(b, "<div class=\"legend\">");
    pr_html_printf(b, "<span><i class=\"h3\"></i>%s</span>", T("alle grupper", "every group"));
    pr_html_printf(b, "<span><i class=\"h2\"></i>%s</span>", T("de fleste", "most"));
    pr_html_printf(b, "<span><i class=\"h1\"></i>%s</span>", T("under halvdelen", "less than half"));
    pr_html_printf(b, "<span><i class=\"h0\"></i>%s</span>", T("ingen: et hul", "none: a gap"));
    pr_html_put(b, "</div><h3>");
    pr_html_put(b, T("Aldersgruppe for aldersgruppe", "Age band by age band"));
    pr_html_put(b, "</h3><p class=\"note\">");
    pr_html_put(b, T("Hvert felt viser, for hvor mange slags relationer der er et tilbud (fx 4/6).",
                     "Each cell shows for how many kinds of relation there is an offer (e.g. 4/6)."));
    pr_html_put(b, "</p>");
    for (int32_t ob = 0; ob < paroer_vocab_count(PAROER_VOCAB_AGE_BAND); ob++) {
        pr_html_printf(b, "<details class=\"band\"%s><summary>", ob == band ? " open" : "");
        pr_html_text(b, pr_rw_label(PAROER_VOCAB_AGE_BAND, ob, r->lang));
        pr_html_put(b, " \xC2\xB7 ");
        pr_html_printf(b, T("pårørende på %s år", "relatives aged %s"), pr_rw_band_ages(ob, ages, sizeof ages));
        pr_html_put(b, "</summary>");
        heat_table(r, ob);
        pr_html_put(b, "</details>");
    }
    pr_html_put(b, "</section>\n");
}

/* ---- bar charts (inline SVG) --------------------------------------------------- */

typedef struct bar_row {
    char label[200];
    double v[2];               /* shares 0..1; v[1] < 0 when there is one series */
    int suppressed;
    char note[64];             /* right-hand text, e.g. "12" relatives */
} bar_row;

static void svg_bars(rep *r, const char *aria, const bar_row *rows, size_t n, int series, const char *const *names)
{
    pr_html *b = r->b;
    /* 620 units wide: drawn at about 500 px in a column, the 14-unit text stays readable. */
    const int label_w = 310, bar_w = series == 2 ? 170 : 220, row_h = series == 2 ? 34 : 26,
              top = series == 2 ? 28 : 4, width = series == 2 ? 700 : 620;
    int h = top + (int)n * row_h + 6;
    char p[32], lab[256];
    pr_html_printf(b, "<svg class=\"bars\" viewBox=\"0 0 %d %d\" width=\"100%%\" role=\"img\" aria-label=\"", width, h);
    pr_html_text(b, aria);
    pr_html_put(b, "\" xmlns=\"http://www.w3.org/2000/svg\">");
    static const char *const fill[] = {"#1f6fa8", "#8fc1e3"};
    if (series == 2) {
        for (int s = 0; s < 2; s++) {
            int x = label_w + s * 160;
            pr_html_printf(b, "<rect x=\"%d\" y=\"6\" width=\"13\" height=\"13\" rx=\"2\" fill=\"%s\"/>", x, fill[s]);
            pr_html_printf(b, "<text x=\"%d\" y=\"17\" font-size=\"13\" fill=\"#5b6877\">", x + 18);
            pr_html_text(b, names[s]);
            pr_html_put(b, "</text>");
        }
    }
    for (size_t i = 0; i < n; i++) {
        int y = top + (int)i * row_h;
        pr_html_printf(b, "<text x=\"%d\" y=\"%d\" font-size=\"13\" text-anchor=\"end\" fill=\"#1d2733\">", label_w - 10,
                  y + row_h / 2 + 4);
        pr_html_text(b, short_label(rows[i].label, 42, lab, sizeof lab));
        pr_html_put(b, "<title>");
        pr_html_text(b, rows[i].label);
        pr_html_put(b, "</title></text>");
        pr_html_printf(b, "<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" rx=\"3\" fill=\"#eef1f4\"/>", label_w, y + 3,
                  bar_w, row_h - 6);
        if (rows[i].suppressed) {
            pr_html_printf(b, "<text x=\"%d\" y=\"%d\" font-size=\"13\" fill=\"#5b6877\" font-style=\"italic\">", label_w + 8,
                      y + row_h / 2 + 4);
            pr_html_text(b, rows[i].note);
            pr_html_put(b, "</text>");
            continue;
        }
        int bh = series == 2 ? (row_h - 8) / 2 : row_h - 8;
        for (int s = 0; s < series; s++) {
            double v = rows[i].v[s] < 0 ? 0 : rows[i].v[s] > 1 ? 1 : rows[i].v[s];
            pr_html_printf(b, "<rect x=\"%d\" y=\"%d\" width=\"", label_w, y + 4 + s * bh);
            pr_html_fixed(b, v * bar_w, 1);
            pr_html_printf(b, "\" height=\"%d\" rx=\"2\" fill=\"%s\"><title>", bh, fill[s]);
            pr_html_text(b, rows[i].label);
            pr_html_printf(b, ": %s</title></rect>", pct1(v, r->lang, p));
        }
        pr_html_printf(b, "<text x=\"%d\" y=\"%d\" font-size=\"13\" fill=\"#1d2733\">%s", label_w + bar_w + 8,
                  y + row_h / 2 + 4,
                  series == 2 ? pct0(rows[i].v[0], r->lang, p) : pct1(rows[i].v[0] < 0 ? 0 : rows[i].v[0], r->lang, p));
        if (series == 2) pr_html_printf(b, " / %s", pct0(rows[i].v[1], r->lang, p));
        if (rows[i].note[0]) {
            pr_html_put(b, "  ");
            pr_html_text(b, rows[i].note);
        }
        pr_html_put(b, "</text>");
    }
    pr_html_put(b, "</svg>");
}

static void share_chart(rep *r, int32_t list, const char *title)
{
    int32_t n = paroer_vocab_count(list);
    bar_row *rows = pr_calloc(r->alloc, (size_t)n, sizeof *rows);
    if (!rows) { r->b->failed = 1; return; }
    for (int32_t v = 0; v < n; v++) {
        snprintf(rows[v].label, sizeof rows[v].label, "%s", pr_rw_label(list, v, r->lang));
        rows[v].v[0] = paroer_coverage_share(r->cov, list, v);
        rows[v].v[1] = -1;
    }
    pr_html_put(r->b, "<div><h3>");
    pr_html_text(r->b, title);
    pr_html_put(r->b, "</h3>");
    svg_bars(r, title, rows, (size_t)n, 1, NULL);
    pr_html_put(r->b, "</div>");
    pr_free(r->alloc, rows);
}

static void section_shares(rep *r)
{
    pr_html *b = r->b;
    pr_html_put(b, "<section id=\"shares\"><h2>");
    pr_html_put(b, T("Dækning i tal", "Coverage in figures"));
    pr_html_put(b, "</h2><p class=\"lead\">");
    pr_html_put(b, T("Andelen af kombinationer af alder, relation og sygdom, hvor et tilbud i kommunen dækker behovet.",
                "The share of combinations of age, relation and condition where an offer in the municipality serves the need."));
    pr_html_put(b, "</p><div class=\"cols\">");
    share_chart(r, PAROER_VOCAB_NEED, T("Efter behov", "By need"));
    share_chart(r, PAROER_VOCAB_CONDITION, T("Efter sygdom eller situation", "By condition"));
    share_chart(r, PAROER_VOCAB_RELATION, T("Efter relation", "By relation"));
    share_chart(r, PAROER_VOCAB_AGE_BAND, T("Efter alder", "By age band"));
    pr_html_put(b, "</div></section>\n");
}

/* ---- gaps in plain words --------------------------------------------------------- */

static void section_gaps(rep *r)
{
    pr_html *b = r->b;
    paroer_gap_summary *g = NULL;
    paroer_gap_summary_options go;
    char n1[32], n2[32];
    paroer_gap_summary_options_init(&go, PAROER_GAP_SUMMARY_OPTIONS_VERSION);
    go.allocator = r->alloc;
    if (paroer_gap_summary_new(&g, r->cov, &go) != PAROER_OK) { b->failed = 1; return; }
    size_t cells = paroer_gap_summary_cells(g), count = paroer_gap_summary_count(g);
    pr_html_put(b, "<section id=\"gaps\"><h2>");
    pr_html_put(b, T("Huller: hvem står uden tilbud?", "Gaps: who has no offer?"));
    pr_html_put(b, "</h2><p class=\"lead\">");
    size_t total = paroer_coverage_gap_count(r->cov);
    pr_html_printf(b, T("%s af %s kombinationer af målgruppe og behov har intet tilbud. Her er de samlet, behov for behov.",
                   "%s of %s combinations of target group and need have no offer. Here they are, need by need."),
              fmt_int(total, r->lang, n1), fmt_int(cells * (size_t)paroer_vocab_count(PAROER_VOCAB_NEED), r->lang, n2));
    pr_html_put(b, "</p>");
    for (int32_t n = 0; n < paroer_vocab_count(PAROER_VOCAB_NEED); n++) {
        size_t gp = 0;
        paroer_gap_summary_need_gaps(g, n, &gp);
        double share = cells ? (double)gp / (double)cells : 0;
        pr_html_printf(b, "<div class=\"need%s\" data-need=\"%s\"><h3><span>", gp ? "" : " ok",
                  paroer_vocab_code(PAROER_VOCAB_NEED, n));
        pr_html_text(b, pr_rw_label(PAROER_VOCAB_NEED, n, r->lang));
        pr_html_put(b, "</span><small>");
        if (!gp) pr_html_put(b, T("dækket for alle", "covered for everyone"));
        else pr_html_printf(b, T("%s af %s uden tilbud", "%s of %s without an offer"), fmt_int(gp, r->lang, n1),
                       fmt_int(cells, r->lang, n2));
        pr_html_put(b, "</small></h3>");
        if (!gp) { pr_html_put(b, "</div>"); continue; }
        pr_html_put(b, "<div class=\"meter\"><b style=\"width:");
        pr_html_fixed(b, share * 100.0, 1);
        pr_html_put(b, "%\"></b></div>");
        size_t shown = 0, items = 0;
        for (size_t i = 0; i < count; i++) {
            int32_t need;
            paroer_gap_summary_item(g, i, &need, NULL, NULL, NULL, NULL, NULL);
            items += need == n;
        }
        pr_html_put(b, "<ul>");
        for (size_t i = 0; i < count; i++) {
            int32_t need;
            paroer_gap_summary_item(g, i, &need, NULL, NULL, NULL, NULL, NULL);
            if (need != n) continue;
            if (shown == 4 && items > 5) {
                pr_html_printf(b, "</ul><details><summary>%s %zu %s</summary><ul>", T("Vis", "Show"), items - shown,
                          T("flere", "more"));
            }
            uint32_t conds;
            int all;
            paroer_gap_summary_item(g, i, NULL, NULL, NULL, &conds, &all, NULL);
            /* Up to two conditions read well in the sentence; more go in a list under it. */
            if (!all && pr_popcount32(conds) < 3) all = 1;
            pr_html_put(b, "<li>");
            pr_html_text(b, paroer_gap_summary_text(g, i, r->lang, all ? PAROER_GAP_TEXT_SENTENCE : PAROER_GAP_TEXT_HEADING));
            if (!all) {
                /* The conditions under the statement, one short item each. */
                pr_html_put(b, "<ul class=\"conds\">");
                for (int32_t c = 0; c < paroer_vocab_count(PAROER_VOCAB_CONDITION) && c < 32; c++) {
                    if (!((conds >> c) & 1u)) continue;
                    pr_html_put(b, "<li>");
                    pr_html_text(b, pr_rw_label(PAROER_VOCAB_CONDITION, c, r->lang));
                    pr_html_put(b, "</li>");
                }
                pr_html_put(b, "</ul>");
            }
            pr_html_put(b, "</li>");
            shown++;
        }
        pr_html_put(b, "</ul>");
        if (shown > 4 && items > 5) pr_html_put(b, "</details>");
        pr_html_put(b, "</div>");
    }
    /* The bereaved have their own list: offers for them are not in the matrix. */
    int any = 0;
    for (int32_t n = 0; n < paroer_vocab_count(PAROER_VOCAB_NEED); n++) {
        size_t k = paroer_coverage_bereavement_count(r->cov, n);
        if (!k) continue;
        if (!any) {
            pr_html_put(b, "<h3>");
            pr_html_put(b, T("Tilbud til efterladte", "Offers for the bereaved"));
            pr_html_put(b, "</h3><table class=\"data\"><tbody>");
        }
        any = 1;
        pr_html_put(b, "<tr><th>");
        pr_html_text(b, pr_rw_label(PAROER_VOCAB_NEED, n, r->lang));
        pr_html_put(b, "</th><td>");
        for (size_t j = 0; j < k; j++) {
            const char *id = paroer_coverage_bereavement_offer(r->cov, n, j);
            const paroer_offer *of = paroer_catalog_find_offer(r->cat, id);
            if (j) pr_html_put(b, "; ");
            pr_html_text(b, of ? paroer_offer_name(of) : id);
        }
        pr_html_put(b, "</td></tr>");
    }
    if (any) pr_html_put(b, "</tbody></table>");
    else {
        pr_html_put(b, "<h3>");
        pr_html_put(b, T("Tilbud til efterladte", "Offers for the bereaved"));
        pr_html_put(b, "</h3><p>");
        pr_html_put(b, T("Ingen tilbud tager imod efterladte pårørende.", "No offer takes bereaved relatives."));
        pr_html_put(b, "</p>");
    }
    pr_html_put(b, "</section>\n");
    paroer_gap_summary_free(g);
}

/* ---- policy ------------------------------------------------------------------ */

static void section_policy(rep *r)
{
    pr_html *b = r->b;
    const char *pid = paroer_coverage_policy_id(r->cov);
    pr_html_put(b, "<section id=\"policy\"><h2>");
    pr_html_put(b, T("Pårørendepolitikkens mål", "The goals of the relatives' policy"));
    pr_html_put(b, "</h2>");
    if (!pid) {
        pr_html_put(b, "<p class=\"lead\">");
        pr_html_put(b, T("Kataloget har ingen pårørendepolitik for kommunen.", "The catalog has no relatives' policy for the municipality."));
        pr_html_put(b, "</p></section>\n");
        return;
    }
    const paroer_policy *pol = paroer_catalog_find_policy(r->cat, pid);
    pr_html_put(b, "<p class=\"lead\">");
    pr_html_text(b, pol ? paroer_policy_title(pol) : pid);
    char d[64];
    if (pol && paroer_policy_adopted(pol) != PAROER_DATE_NONE) {
        pr_html_printf(b, ", %s ", T("vedtaget", "adopted"));
        pr_html_text(b, long_date(paroer_policy_adopted(pol), r->lang, d, sizeof d));
    }
    pr_html_put(b, ". ");
    pr_html_put(b, T("Et mål er realiseret af et tilbud, når tilbuddet dækker et af målets behov for målets målgruppe og gælder i kommunen.",
                "A goal is realised by an offer when the offer serves one of the goal's needs for its target group and is live in the municipality."));
    pr_html_put(b, "</p>");
    size_t n = paroer_coverage_goal_count(r->cov), org = 0;
    for (size_t i = 0; i < n; i++) {
        if (paroer_coverage_goal_organisational(r->cov, i) == 1) { org++; continue; }
        const char *gid = paroer_coverage_goal_id(r->cov, i);
        const paroer_goal *g = find_goal(r->cat, pid, gid);
        size_t k = paroer_coverage_goal_realised_count(r->cov, i);
        pr_html_printf(b, "<div class=\"goal\" data-goal=\"");
        pr_html_text(b, gid);
        pr_html_printf(b, "\" data-realised=\"%zu\"><span class=\"badge %s\">", k, k ? "b-pass" : "b-fail");
        if (k) pr_html_printf(b, T("%zu tilbud", k == 1 ? "%zu offer" : "%zu offers"), k);
        else pr_html_put(b, T("Intet tilbud", "No offer"));
        pr_html_put(b, "</span> <span class=\"t\">");
        pr_html_text(b, g ? paroer_goal_title(g) : gid);
        pr_html_put(b, "</span>");
        if (g) {
            pr_html_put(b, " <span class=\"c\">(");
            pr_html_text(b, pr_rw_label(PAROER_VOCAB_GOAL_CATEGORY, paroer_goal_category(g), r->lang));
            pr_html_put(b, ")</span>");
        }
        if (k) {
            pr_html_put(b, "<div class=\"chips\">");
            for (size_t j = 0; j < k; j++) {
                const char *oid = paroer_coverage_goal_realised_by(r->cov, i, j);
                const paroer_offer *of = paroer_catalog_find_offer(r->cat, oid);
                pr_html_put(b, "<span class=\"chip\" title=\"");
                pr_html_text(b, oid);
                pr_html_put(b, "\">");
                pr_html_text(b, of ? paroer_offer_name(of) : oid);
                pr_html_put(b, "</span>");
            }
            pr_html_put(b, "</div>");
        } else {
            pr_html_put(b, "<div class=\"c\">");
            pr_html_put(b, T("Ingen af kommunens tilbud realiserer målet: målet har ingen handling bag sig.",
                        "None of the municipality's offers realises this goal: it has no action behind it."));
            pr_html_put(b, "</div>");
        }
        pr_html_put(b, "</div>");
    }
    if (org) {
        pr_html_put(b, "<h3>");
        pr_html_put(b, T("Organisatoriske mål", "Organisational goals"));
        pr_html_put(b, "</h3><p class=\"note\">");
        pr_html_put(b, T("Mål om fx samarbejde på tværs kan ikke realiseres af et tilbud og følges op på anden vis.",
                    "Goals such as collaboration across departments cannot be realised by an offer and are followed up otherwise."));
        pr_html_put(b, "</p><ul>");
        for (size_t i = 0; i < n; i++) {
            if (paroer_coverage_goal_organisational(r->cov, i) != 1) continue;
            const char *gid = paroer_coverage_goal_id(r->cov, i);
            const paroer_goal *g = find_goal(r->cat, pid, gid);
            pr_html_put(b, "<li>");
            pr_html_text(b, g ? paroer_goal_title(g) : gid);
            pr_html_put(b, "</li>");
        }
        pr_html_put(b, "</ul>");
    }
    pr_html_put(b, "</section>\n");
}

/* ---- population reach ------------------------------------------------------------- */

static void population_chart(rep *r, int32_t breakdown, const char *title, unsigned min_cell)
{
    size_t n = paroer_coverage_breakdown_count(r->cov, breakdown);
    if (!n) return;
    bar_row *rows = pr_calloc(r->alloc, n, sizeof *rows);
    if (!rows) { r->b->failed = 1; return; }
    size_t k = 0;
    char num[32];
    for (size_t i = 0; i < n; i++) {
        int32_t code;
        uint64_t rel, reached, met;
        int shown = paroer_coverage_breakdown_cell(r->cov, breakdown, i, &code, &rel, &reached, &met);
        if (shown < 0) continue;
        bar_row *row = &rows[k++];
        breakdown_label(breakdown, code, r->lang, row->label, sizeof row->label);
        if (!shown) {
            row->suppressed = 1;
            snprintf(row->note, sizeof row->note, T("skjult: færre end %u pårørende", "hidden: fewer than %u relatives"),
                     min_cell);
            continue;
        }
        double d = rel ? (double)rel : 1.0;
        row->v[0] = (double)reached / d;
        row->v[1] = (double)met / d;
        snprintf(row->note, sizeof row->note, T("(%s pårørende)", "(%s relatives)"), fmt_int(rel, r->lang, num));
    }
    const char *names[2] = {T("har mindst ét tilbud", "reached by an offer"), T("alle behov dækket", "every need met")};
    pr_html_put(r->b, "<div><h3>");
    pr_html_text(r->b, title);
    pr_html_put(r->b, "</h3>");
    svg_bars(r, title, rows, k, 2, names);
    pr_html_put(r->b, "</div>");
    pr_free(r->alloc, rows);
}

static void section_population(rep *r)
{
    pr_html *b = r->b;
    const paroer_coverage *cov = r->cov;
    unsigned min_cell = r->min_cell;
    char n1[32], n2[32], n3[32];
    pr_html_put(b, "<section id=\"population\"><h2>");
    pr_html_put(b, T("Når tilbuddene ud til de pårørende?", "Do the offers reach the relatives?"));
    pr_html_put(b, "</h2><p class=\"lead\">");
    pr_html_printf(b, T("%s pårørende i befolkningen", "%s relatives in the population"),
              fmt_int(paroer_coverage_pop_relatives(cov), r->lang, n1));
    if (paroer_coverage_pop_rejected_rows(cov))
        pr_html_printf(b, T(" (%s rækker i filen var fejlbehæftede og er udeladt)", " (%s rows of the file were bad and left out)"),
                  fmt_int(paroer_coverage_pop_rejected_rows(cov), r->lang, n2));
    pr_html_printf(b, T(". Hver pårørende er matchet mod alle tilbud. Grupper med færre end %u pårørende er skjult, "
                   "så ingen familie kan genkendes.",
                   ". Every relative is matched against every offer. Groups of fewer than %u relatives are hidden, "
                   "so no family can be recognised."),
              min_cell);
    pr_html_put(b, "</p><div class=\"cols\">");
    if (paroer_coverage_municipality(cov) < 0)
        population_chart(r, PAROER_BREAKDOWN_MUNICIPALITY, T("Efter kommune", "By municipality"), min_cell);
    population_chart(r, PAROER_BREAKDOWN_AGE_BAND, T("Efter alder", "By age band"), min_cell);
    population_chart(r, PAROER_BREAKDOWN_RELATION, T("Efter relation", "By relation"), min_cell);
    population_chart(r, PAROER_BREAKDOWN_CONDITION, T("Efter sygdom eller situation", "By condition"), min_cell);
    pr_html_put(b, "</div>");

    size_t nu = paroer_coverage_unmet_count(cov);
    pr_html_put(b, "<h3>");
    pr_html_put(b, T("De hyppigste udækkede behov", "The most common unmet needs"));
    pr_html_put(b, "</h3>");
    if (!nu) {
        pr_html_put(b, "<p class=\"note\">");
        pr_html_printf(b, T("Ingen udækkede behov med mindst %u pårørende.", "No unmet need shared by at least %u relatives."),
                  min_cell);
        pr_html_put(b, "</p>");
    } else {
        pr_html_printf(b, "<table class=\"data\"><thead><tr><th>%s</th><th>%s</th><th>%s</th></tr></thead><tbody>",
                  T("Behov", "Need"), T("Sygdom eller situation", "Condition"), T("Pårørende", "Relatives"));
        for (size_t i = 0; i < nu; i++) {
            int32_t need, cond;
            uint64_t k;
            if (paroer_coverage_unmet(cov, i, &need, &cond, &k) != PAROER_OK) continue;
            pr_html_put(b, "<tr><td>");
            pr_html_text(b, pr_rw_label(PAROER_VOCAB_NEED, need, r->lang));
            pr_html_put(b, "</td><td>");
            pr_html_text(b, pr_rw_label(PAROER_VOCAB_CONDITION, cond, r->lang));
            pr_html_printf(b, "</td><td class=\"n\">%s</td></tr>", fmt_int(k, r->lang, n1));
        }
        pr_html_put(b, "</tbody></table>");
    }
    size_t na = paroer_coverage_allocation_count(cov);
    if (na) {
        pr_html_put(b, "<h3>");
        pr_html_put(b, T("Pladser i tilbud med begrænset kapacitet", "Places in offers with a limited capacity"));
        pr_html_put(b, "</h3><p class=\"note\">");
        pr_html_put(b, T("Pladserne er fordelt til de hårdest belastede først (døende nærtstående, derefter flest timers omsorg om ugen).",
                    "Places go to the heaviest strain first (a dying person cared for, then the most hours of care a week)."));
        pr_html_printf(b, "</p><table class=\"data\"><thead><tr><th>%s</th><th>%s</th><th>%s</th><th>%s</th></tr></thead><tbody>",
                  T("Tilbud", "Offer"), T("Pladser", "Places"), T("Fik plads", "Served"), T("På venteliste", "Wait-listed"));
        for (size_t i = 0; i < na; i++) {
            const char *id;
            int64_t capy;
            uint64_t served, wait;
            if (paroer_coverage_allocation(cov, i, &id, &capy, &served, &wait) != PAROER_OK) continue;
            const paroer_offer *of = paroer_catalog_find_offer(r->cat, id);
            pr_html_put(b, "<tr><td>");
            pr_html_text(b, of ? paroer_offer_name(of) : id);
            pr_html_printf(b, "</td><td class=\"n\">%s</td><td class=\"n\">%s</td>", fmt_int(capy > 0 ? (uint64_t)capy : 0, r->lang, n3),
                      fmt_int(served, r->lang, n1));
            pr_html_printf(b, "<td class=\"n\">%s</td></tr>", fmt_int(wait, r->lang, n2));
        }
        pr_html_put(b, "</tbody></table>");
    }
    pr_html_put(b, "</section>\n");
}

/* ---- the page ---------------------------------------------------------------- */

int paroer_report_options_init(paroer_report_options *opts, uint32_t version)
{
    if (!opts) return pr_error(PAROER_EINVALID, "options are NULL");
    if (version != 1) return pr_error(PAROER_EINVALID, "unknown report options version %u", (unsigned)version);
    memset(opts, 0, sizeof *opts);
    opts->version = version;
    opts->lang = PAROER_LANG_DA;
    opts->age_band = PAROER_AGE_BAND_ADULT;
    return PAROER_OK;
}

static void page(rep *r)
{
    pr_html *b = r->b;
    const paroer_coverage *cov = r->cov;
    char title[300];
    int32_t m = paroer_coverage_municipality(cov);
    const char *mname = m >= 0 ? paroer_municipality_name(m) : NULL;
    if (m >= 0 && mname)
        snprintf(title, sizeof title, T("Pårørendetilbud i %s Kommune", "Offers for relatives in %s Municipality"), mname);
    else if (m >= 0)
        snprintf(title, sizeof title, T("Pårørendetilbud i kommune %03d", "Offers for relatives in municipality %03d"), (int)m);
    else
        snprintf(title, sizeof title, "%s", T("Pårørendetilbud i hele landet", "Offers for relatives in all of Denmark"));

    page_head(r, title);
    pr_html_put(b, "<header class=\"top\"><div class=\"wrap\"><h1>");
    pr_html_text(b, title);
    pr_html_put(b, "</h1><p>");
    pr_html_put(b, m >= 0 ? T("Dækningsrapport", "Coverage report") : T("Rækkevidde i befolkningen", "Reach in the population"));
    pr_html_printf(b, " %s ", T("pr.", "as of"));
    pr_html_date(b, paroer_coverage_date(cov), r->lang);
    pr_html_put(b, "</p><p class=\"meta\">");
    if (r->o->source_count) {
        pr_html_put(b, T("Kataloger", "Catalogs"));
        pr_html_put(b, ": ");
        for (size_t i = 0; i < r->o->source_count; i++) {
            if (i) pr_html_put(b, ", ");
            pr_html_text(b, r->o->sources[i]);
        }
        pr_html_put(b, " \xC2\xB7 ");
    }
    pr_html_printf(b, "%zu %s", paroer_catalog_offer_count(r->cat), T("tilbud i alt", "offers in all"));
    if (r->o->population_name) {
        pr_html_put(b, " \xC2\xB7 ");
        pr_html_put(b, T("Befolkning", "Population"));
        pr_html_put(b, ": ");
        pr_html_text(b, r->o->population_name);
    }
    pr_html_put(b, "</p></div></header>\n<main class=\"wrap\">\n");
    key_figures(r);
    if (paroer_coverage_has_matrix(cov)) {
        section_checks(r);
        section_heatmap(r);
        section_gaps(r);
        section_policy(r);
        section_shares(r);
    }
    if (paroer_coverage_has_population(cov)) section_population(r);
    if (paroer_coverage_has_matrix(cov)) {
        pr_html_put(b, "<section id=\"method\"><h2>");
        pr_html_put(b, T("Sådan læses rapporten", "How to read the report"));
        pr_html_put(b, "</h2><p class=\"note\">");
        pr_html_put(b, T("Målgrupperne er alle kombinationer af den pårørendes alder (fem aldersgrupper), relation (seks) og "
                     "den nærtståendes sygdom eller situation (elleve) – i alt 286, da børn og unge under 18 ikke er "
                     "ægtefæller eller forældre. Hver målgruppe krydses med elleve behov. En kombination er dækket, når "
                     "mindst ét tilbud, der gælder i kommunen på datoen, dækker behovet og er rettet mod målgruppen. "
                     "Tilbud alene for efterladte tælles for sig.",
                     "The target groups are every combination of the relative's age (five bands), relation (six) and "
                     "the condition of the person cared for (eleven) – 286 in all, as children under 18 are not spouses "
                     "or parents. Each is crossed with eleven needs. A combination is covered when at least one offer "
                     "live in the municipality on the date serves the need and targets the group. Offers for the "
                     "bereaved only are counted apart."));
        pr_html_put(b, "</p></section>\n");
    }
    page_foot(r);
}

int paroer_report_html(const paroer_coverage *cov, const paroer_catalog *catalog,
                       const paroer_report_options *opts, char **out, size_t *len)
{
    if (out) *out = NULL;
    if (len) *len = 0;
    if (!cov || !catalog || !out) return pr_error(PAROER_EINVALID, "paroer_report_html: NULL argument");
    paroer_report_options defaults;
    paroer_report_options_init(&defaults, PAROER_REPORT_OPTIONS_VERSION);
    if (!opts) opts = &defaults;
    if (opts->version != 1)
        return pr_error(PAROER_EINVALID, "unknown report options version %u", (unsigned)opts->version);
    if (opts->lang != PAROER_LANG_DA && opts->lang != PAROER_LANG_EN)
        return pr_error(PAROER_EINVALID, "unknown language %d", (int)opts->lang);
    if (!paroer_vocab_code(PAROER_VOCAB_AGE_BAND, opts->age_band))
        return pr_error(PAROER_EINVALID, "unknown age band %d", (int)opts->age_band);
    if (opts->source_count && !opts->sources) return pr_error(PAROER_EINVALID, "sources is NULL");
    paroer_allocator a;
    pr_alloc_resolve(&a, opts->allocator);
    pr_html b;
    pr_html_init(&b, opts->allocator ? &a : NULL);
    rep rr = {&b, opts, catalog, cov, opts->allocator ? &a : NULL, opts->lang,
              cov->min_cell ? cov->min_cell : PAROER_COVERAGE_MIN_CELL_DEFAULT};
    page(&rr);
    return pr_html_take(&b, out, len);
}
