/* The national overview as one self-contained HTML page for a national reader
 * (contract 6a): key figures beside the 2025 national mapping's, a map-free
 * chart of how many municipalities have each kind and each check, the
 * municipalities without any local offer, the sortable table of every row, and
 * a plain note that a catalog is a sample. Written through the report module's
 * HTML writer (html_write.h): locale-free numbers, escaped text, nothing
 * fetched (a Content-Security-Policy allows only the inline style and script). */
#include "overview_impl.h"
#include "html_write.h"
#include "report_internal.h"
#include <paroer/report.h>
#include <string.h>

#define T(da, en) pr_tr(lang, da, en)

static const char css[] =
    "body{font:15px/1.45 system-ui,-apple-system,'Segoe UI',Roboto,sans-serif;color:#1d2430;margin:0;background:#f6f7f9}"
    ".wrap{max-width:1180px;margin:0 auto;padding:0 20px}header{background:#123a5a;color:#fff;padding:22px 0}"
    "header h1{margin:0 0 4px;font-size:26px}header p{margin:0;opacity:.9}"
    "section{background:#fff;border:1px solid #dde2e8;border-radius:8px;padding:16px 20px;margin:18px 0}"
    "h2{font-size:19px;margin:0 0 10px}.cards{display:flex;flex-wrap:wrap;gap:12px}"
    ".card{flex:1 1 200px;border:1px solid #dde2e8;border-radius:8px;padding:10px 14px;background:#fbfcfd}"
    ".card .v{font-size:26px;font-weight:700;color:#123a5a}.card .k{font-size:13px;color:#4a5565}"
    ".card .m{font-size:12px;color:#6b4e00;margin-top:4px}"
    "table{border-collapse:collapse;width:100%;font-size:13px}th,td{padding:4px 6px;border-bottom:1px solid #e6e9ee;"
    "text-align:left}td.n,th.n{text-align:right;font-variant-numeric:tabular-nums}"
    "table.rows th{cursor:pointer;background:#eef2f6;position:sticky;top:0;user-select:none}"
    "table.rows th[aria-sort=ascending]::after{content:' \\25B2'}table.rows th[aria-sort=descending]::after{content:' \\25BC'}"
    ".st{display:inline-block;min-width:1.4em;text-align:center;border-radius:3px;font-weight:700;color:#fff}"
    ".st.pass{background:#2e7d32}.st.warn{background:#c77c00}.st.fail{background:#b3261e}"
    ".bar{display:flex;height:14px;background:#eef2f6;border-radius:3px;overflow:hidden;min-width:240px}"
    ".bar span{display:block;height:100%}.bar .k{background:#2f6f9f}.bar .pass{background:#2e7d32}"
    ".bar .warn{background:#e0a100}.bar .fail{background:#b3261e}"
    "table.chart td{border:0;padding:3px 6px}table.chart td.l{width:38%}"
    ".note{background:#fff8e1;border-color:#f0d890}.scroll{max-height:720px;overflow:auto}"
    "footer{color:#5a6473;font-size:12px;padding:10px 0 30px}"
    ".legend span{margin-right:14px}";

/* The sortable table: a click on a head sorts by that column (numbers by
 * data-v), a second click reverses. The ready marker is for tests. */
static const char script[] =
    "<script>(function(){var t=document.getElementById('rows');var hs=t.tHead.rows[0].cells;"
    "function key(td){var v=td.getAttribute('data-v');return v===null?td.textContent:parseFloat(v);}"
    "function sortBy(i,dir){var b=t.tBodies[0];var rs=Array.prototype.slice.call(b.rows);"
    "rs.sort(function(x,y){var a=key(x.cells[i]),c=key(y.cells[i]);"
    "var r=(typeof a==='number'&&typeof c==='number')?a-c:String(a).localeCompare(String(c),'da');"
    "return dir*r||(x.rowIndex-y.rowIndex);});"
    "rs.forEach(function(r){b.appendChild(r);});"
    "for(var k=0;k<hs.length;k++)hs[k].removeAttribute('aria-sort');"
    "hs[i].setAttribute('aria-sort',dir>0?'ascending':'descending');}"
    "for(var i=0;i<hs.length;i++)(function(i){hs[i].addEventListener('click',function(){"
    "sortBy(i,hs[i].getAttribute('aria-sort')==='ascending'?-1:1);});})(i);"
    "var m=document.getElementById('paroer-ready');m.setAttribute('data-ready','yes');"
    "m.setAttribute('data-rows',String(t.tBodies[0].rows.length));"
    "sortBy(4,-1);m.setAttribute('data-sorted-first',t.tBodies[0].rows[0].cells[0].textContent);sortBy(0,1);"
    "})();</script>\n";

static void bar(pr_html *h, const char *cls, size_t n, size_t total)
{
    if (!n || !total) return;
    pr_html_printf(h, "<span class=\"%s\" style=\"width:", cls);
    pr_html_fixed(h, 100.0 * (double)n / (double)total, 2);
    pr_html_put(h, "%\"></span>");
}

static void card(pr_html *h, size_t value, const char *key, const char *mapping)
{
    pr_html_put(h, "<div class=\"card\"><div class=\"v\">");
    pr_html_int(h, value, PAROER_LANG_DA);
    pr_html_put(h, "</div><div class=\"k\">");
    pr_html_text(h, key);
    pr_html_put(h, "</div>");
    if (mapping) {
        pr_html_put(h, "<div class=\"m\">");
        pr_html_text(h, mapping);
        pr_html_put(h, "</div>");
    }
    pr_html_put(h, "</div>");
}

static void status_cell(pr_html *h, int32_t st, int32_t lang)
{
    static const char *const cls[] = {"pass", "warn", "fail"};
    static const char *const mark[] = {"\xE2\x9C\x93", "!", "\xE2\x9C\x97"};
    if (st < 0 || st > 2) st = 2;
    pr_html_printf(h, "<td data-v=\"%d\"><span class=\"st %s\" title=\"", (int)st, cls[st]);
    pr_html_text(h, paroer_check_status_label(st, lang));
    pr_html_printf(h, "\">%s</span></td>", mark[st]);
}

int paroer_overview_to_html(const paroer_overview *ov, int32_t lang, char **out, size_t *len)
{
    if (out) *out = NULL;
    if (len) *len = 0;
    if (!ov || !out) return pr_error(PAROER_EINVALID, "overview or out is NULL");
    if (lang != PAROER_LANG_DA && lang != PAROER_LANG_EN) return pr_error(PAROER_EINVALID, "unknown language %d", (int)lang);
    pr_html hb, *h = &hb;
    pr_html_init(h, &ov->alloc);
    const size_t n = ov->n_rows;
    const char *title = T("Landsoverblik over tilbud til pårørende", "National overview of offers for relatives");

    pr_html_printf(h, "<!DOCTYPE html>\n<html lang=\"%s\">\n<head>\n<meta charset=\"utf-8\">\n",
                   lang == PAROER_LANG_EN ? "en" : "da");
    pr_html_put(h, "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
                   "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; "
                   "style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:\">\n");
    pr_html_printf(h, "<meta name=\"generator\" content=\"paroer %s\">\n<title>", paroer_version());
    pr_html_text(h, title);
    pr_html_put(h, "</title>\n<style>");
    pr_html_put(h, css);
    pr_html_put(h, "</style>\n</head>\n<body>\n<header><div class=\"wrap\"><h1>");
    pr_html_text(h, title);
    pr_html_put(h, "</h1><p>");
    pr_html_text(h, T("Beregnet fra kataloget for hver af landets kommuner pr. ", "Computed from the catalog for each of "
                                                                                  "the country's municipalities on "));
    pr_html_date(h, ov->date, lang);
    pr_html_put(h, ". ");
    pr_html_text(h, T("Hvert tal kan spores til et tilbud.", "Every figure can be traced to an offer."));
    pr_html_put(h, "</p></div></header>\n<main class=\"wrap\">\n");

    /* key figures beside the 2025 mapping */
    const size_t counsellor = ov->summary_checks[5][PAROER_CHECK_PASS];
    const size_t respite = ov->summary_checks[0][PAROER_CHECK_PASS];
    const size_t health = ov->by_kind[PAROER_KIND_HEALTH_PROMOTION];
    const size_t policy = ov->summary_checks[1][PAROER_CHECK_PASS];
    pr_html_put(h, "<section id=\"figures\"><h2>");
    pr_html_text(h, T("Nøgletal ved siden af kortlægningen 2025", "Key figures beside the 2025 mapping"));
    pr_html_put(h, "</h2><div class=\"cards\">");
    card(h, n, T("kommuner i overblikket", "municipalities in the overview"),
         T("Kortlægningen 2025: 73 af 98 svarede (74 %)", "2025 mapping: 73 of 98 answered (74%)"));
    card(h, ov->with_local, T("kommuner med mindst ét lokalt tilbud i kataloget", "municipalities with at least one local offer in the catalog"),
         T("Kortlægningen 2025: alle kommuner har mindst ét pårørendetilbud", "2025 mapping: every municipality has at least one offer"));
    card(h, counsellor, T("kommuner med en kommunal pårørendevejleder (rådgivning fra kommunen)", "municipalities with a municipal relatives' counsellor"),
         T("Kortlægningen 2025: 40 kommuner", "2025 mapping: 40 municipalities"));
    card(h, respite, T("kommuner, hvor afløsning eller aflastning tilbydes", "municipalities where respite care is offered"),
         T("Kortlægningen 2025: alle kommuner (lovpligtigt)", "2025 mapping: every municipality (required by law)"));
    card(h, health, T("kommuner med et lokalt tilbud for pårørendes eget helbred", "municipalities with a local offer for relatives' own health"),
         T("Kortlægningen 2025: under halvdelen af kommunerne", "2025 mapping: under half of the municipalities"));
    card(h, policy, T("kommuner med en pårørendepolitik i kataloget", "municipalities with a relatives' policy in the catalog"),
         T("Kortlægningen 2025: tæt på alle kommuner har en", "2025 mapping: close to every municipality has one"));
    pr_html_put(h, "</div></section>\n");

    /* the chart */
    pr_html_put(h, "<section id=\"chart\"><h2>");
    pr_html_text(h, T("Hvor mange kommuner har hver slags tilbud og hvert tjek", "How many municipalities have each kind of offer and each check"));
    pr_html_put(h, "</h2><p>");
    pr_html_text(h, T("Slags: kommuner med et aktuelt lokalt tilbud af den slags (landsdækkende tilbud gælder alle og "
                      "er ikke talt med).", "Kinds: municipalities with a live local offer of that kind (nationwide "
                                            "offers reach everyone and are not counted)."));
    pr_html_put(h, "</p><table class=\"chart\">");
    for (int k = 0; k < PR_N_KIND; k++) {
        pr_html_put(h, "<tr><td class=\"l\">");
        pr_html_text(h, paroer_vocab_label(PAROER_VOCAB_OFFER_KIND, k, lang));
        pr_html_put(h, "</td><td class=\"n\">");
        pr_html_int(h, ov->by_kind[k], lang);
        pr_html_put(h, "</td><td><div class=\"bar\">");
        bar(h, "k", ov->by_kind[k], n);
        pr_html_put(h, "</div></td></tr>");
    }
    pr_html_put(h, "</table><p class=\"legend\">");
    for (int32_t st = 0; st < 3; st++) {
        static const char *const cls[] = {"pass", "warn", "fail"};
        pr_html_printf(h, "<span><span class=\"st %s\">&nbsp;</span> ", cls[st]);
        pr_html_text(h, paroer_check_status_label(st, lang));
        pr_html_put(h, "</span>");
    }
    pr_html_put(h, "</p><table class=\"chart\">");
    for (size_t k = 0; k < PAROER_OVERVIEW_CHECKS; k++) {
        pr_html_put(h, "<tr><td class=\"l\">");
        pr_html_text(h, paroer_check_title(paroer_overview_check_code(k), lang));
        pr_html_put(h, "</td><td class=\"n\">");
        for (int32_t st = 0; st < 3; st++) {
            if (st) pr_html_put(h, " / ");
            pr_html_int(h, ov->summary_checks[k][st], lang);
        }
        pr_html_put(h, "</td><td><div class=\"bar\">");
        bar(h, "pass", ov->summary_checks[k][0], n);
        bar(h, "warn", ov->summary_checks[k][1], n);
        bar(h, "fail", ov->summary_checks[k][2], n);
        pr_html_put(h, "</div></td></tr>");
    }
    pr_html_put(h, "</table></section>\n");

    /* without a local offer */
    size_t none = n - ov->with_local;
    pr_html_put(h, "<section id=\"none\"><h2>");
    pr_html_text(h, T("Kommuner uden noget lokalt tilbud i kataloget", "Municipalities without any local offer in the catalog"));
    pr_html_printf(h, " (%zu)</h2><p>", none);
    int first = 1;
    for (size_t i = 0; i < n; i++) {
        if (ov->rows[i].local_offers) continue;
        if (!first) pr_html_put(h, ", ");
        pr_html_text(h, ov->rows[i].name[0] ? ov->rows[i].name : "?");
        pr_html_printf(h, " (%03d)", (int)ov->rows[i].municipality);
        first = 0;
    }
    if (first) pr_html_text(h, T("Ingen.", "None."));
    else pr_html_put(h, ".");
    pr_html_put(h, " ");
    pr_html_text(h, T("De har stadig de landsdækkende tilbud; at kataloget intet lokalt tilbud har, betyder ikke, at "
                      "kommunen intet tilbyder.", "They still have the nationwide offers; that the catalog has no "
                                                 "local offer does not mean the municipality offers nothing."));
    pr_html_put(h, "</p></section>\n");

    /* the table */
    pr_html_put(h, "<section id=\"table\"><h2>");
    pr_html_text(h, T("Alle kommuner", "All municipalities"));
    pr_html_put(h, "</h2><p>");
    pr_html_text(h, T("Klik på en kolonne for at sortere.", "Click a column to sort."));
    pr_html_put(h, "</p><div class=\"scroll\"><table class=\"rows\" id=\"rows\"><thead><tr>");
    const char *heads[] = {T("Kode", "Code"), T("Kommune", "Municipality"), T("Aktuelle tilbud", "Live offers"),
                           T("Lokale", "Local"), T("Dækning", "Coverage")};
    for (size_t k = 0; k < 5; k++) {
        pr_html_printf(h, "<th%s>", k >= 2 ? " class=\"n\"" : "");
        pr_html_text(h, heads[k]);
        pr_html_put(h, "</th>");
    }
    for (size_t k = 0; k < PAROER_OVERVIEW_CHECKS; k++) {
        pr_html_put(h, "<th title=\"");
        pr_html_text(h, paroer_check_title(paroer_overview_check_code(k), lang));
        pr_html_put(h, "\">");
        static const char *const da[] = {"Aflastning", "Politik", "Gældende", "Handleplan", "Børn", "Vejleder"};
        static const char *const en[] = {"Respite", "Policy", "Current", "Plan", "Children", "Counsellor"};
        pr_html_text(h, T(da[k], en[k]));
        pr_html_put(h, "</th>");
    }
    pr_html_printf(h, "<th class=\"n\">%s</th><th class=\"n\">%s</th></tr></thead><tbody>\n", T("Mål", "Goals"),
                   T("Urealiserede", "Unrealised"));
    for (size_t i = 0; i < n; i++) {
        const pr_ov_row *r = &ov->rows[i];
        pr_html_printf(h, "<tr><td data-v=\"%d\">%03d</td><td>", (int)r->municipality, (int)r->municipality);
        pr_html_text(h, r->name);
        pr_html_printf(h, "</td><td class=\"n\" data-v=\"%u\">%u</td><td class=\"n\" data-v=\"%u\">%u</td>",
                       (unsigned)r->offers_live, (unsigned)r->offers_live, (unsigned)r->local_offers,
                       (unsigned)r->local_offers);
        pr_html_printf(h, "<td class=\"n\" data-v=\"%u\">", (unsigned)r->covered_cells);
        pr_html_pct(h, r->overall, 1, lang);
        pr_html_put(h, "</td>");
        for (size_t k = 0; k < PAROER_OVERVIEW_CHECKS; k++) status_cell(h, r->checks[k], lang);
        if (r->policy_id)
            pr_html_printf(h, "<td class=\"n\" data-v=\"%u\">%u</td><td class=\"n\" data-v=\"%u\">%u</td></tr>\n",
                           (unsigned)r->goals, (unsigned)r->goals, (unsigned)r->goals_unrealised,
                           (unsigned)r->goals_unrealised);
        else
            pr_html_put(h, "<td class=\"n\" data-v=\"-1\">&ndash;</td><td class=\"n\" data-v=\"-1\">&ndash;</td></tr>\n");
    }
    pr_html_put(h, "</tbody></table></div></section>\n");

    /* the note */
    pr_html_put(h, "<section class=\"note\" id=\"note\"><h2>");
    pr_html_text(h, T("Et katalog er en stikprøve", "A catalog is a sample"));
    pr_html_put(h, "</h2><p>");
    pr_html_text(h, T("Tallene her siger, hvad kataloget indeholder, ikke hvad kommunerne tilbyder. Kortlægningen 2025 "
                      "byggede på spørgeskemaer til forvaltningerne (73 af 98 kommuner svarede, mange med \"ved ikke\"); "
                      "dette overblik bygger på de tilbud og politikker, nogen har registreret. En kommune uden lokale "
                      "tilbud her kan sagtens have dem.",
                      "These figures say what the catalog holds, not what the municipalities offer. The 2025 mapping "
                      "rested on questionnaires to the administrations (73 of 98 municipalities answered, many with "
                      "\"don't know\"); this overview rests on the offers and policies someone has registered. A "
                      "municipality without local offers here may well have them."));
    pr_html_put(h, "</p><p>");
    pr_html_text(h, T("For at blive fuldstændigt skal kataloget have hver kommunes tilbud fra alle forvaltninger "
                      "(ældre, sundhed, socialområdet, børn og familie, beskæftigelse), de regionale og "
                      "civilsamfundets tilbud, hver kommunes pårørendepolitik med mål og handleplaner, og hvert tilbud "
                      "bekræftet med en dato (verified) mindst én gang om året - fx leveret af kommunerne selv som "
                      "HSDS eller katalogfiler.",
                      "To be complete the catalog needs every municipality's offers from every department (elderly, "
                      "health, social, children and family, employment), the regional and civil-society offers, every "
                      "municipality's relatives' policy with its goals and action plans, and every offer confirmed "
                      "with a date (verified) at least once a year - for instance supplied by the municipalities "
                      "themselves as HSDS or catalog files."));
    pr_html_put(h, " ");
    pr_html_text(h, T("Kilde til tallene fra 2025: Ældre Sagens kortlægning af kommunernes pårørenderettede tilbud 2025.",
                      "Source of the 2025 figures: Ældre Sagen's mapping of the municipalities' offers for relatives, 2025."));
    pr_html_put(h, "</p></section>\n</main>\n<footer><div class=\"wrap\">");
    pr_html_printf(h, "%s libparoer %s. ", T("Lavet med", "Made with"), paroer_version());
    pr_html_text(h, T("Siden indeholder ingen personoplysninger.", "The page holds no personal data."));
    pr_html_put(h, "</div></footer>\n<div id=\"paroer-ready\" hidden></div>\n");
    pr_html_put(h, script);
    pr_html_put(h, "</body>\n</html>\n");
    return pr_html_take(h, out, len);
}
