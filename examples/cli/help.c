/* help.c - the help texts of `paroer`, in Danish (the default) and English,
 * following --lang like every other output of the tool.
 *
 * A subcommand adds one row to `commands` (the overview) and one to `helps`
 * (its own --help); both languages are required. */
#include "cli.h"

#include <string.h>

/* The overview's list of commands: the usage line(s), then what it does. */
typedef struct overview_row {
    const char *usage;         /* "validate FILE..." (English placeholders) */
    const char *usage_da;      /* the same with Danish placeholders */
    const char *da, *en;       /* what the command does */
} overview_row;

static const overview_row commands[] = {
    {"validate FILE...", "validate FIL...",
     "tjek kataloger, pårørende og befolkningsfiler", "check catalogs, relatives and population files"},
    {"match    -c CATALOG... -r RELATIVE.json [--date D] [--top N] [--explain]",
     "match    -c KATALOG... -r PÅRØRENDE.json [--date D] [--top N] [--explain]",
     "de tilbud, der passer til én pårørende", "the offers that fit one relative"},
    {"coverage -c CATALOG... [-m CODE] [--population FILE.csv] [--date D]",
     "coverage -c KATALOG... [-m KODE] [--population FIL.csv] [--date D]",
     "hvor godt tilbuddene dækker pårørende og politik", "how well offers cover relatives and policy"},
    {"report   -c CATALOG... [-m CODE] [--population FILE.csv] [--date D] -o report.html",
     "report   -c KATALOG... [-m KODE] [--population FIL.csv] [--date D] -o rapport.html",
     "dækningen som én selvstændig HTML-side", "the coverage as one self-contained HTML page"},
    {"codes    [LIST]", "codes    [LISTE]", "ordforrådet med betegnelser", "the vocabulary, with labels"},
    {"ask      -c CATALOG... [-r PARTIAL.json] [--date D]", "ask      -c KATALOG... [-r DELVIS.json] [--date D]",
     "spørg, til intet er åbent", "ask the next question until nothing is open"},
    {"convert  --from hsds|paroer --to hsds|paroer [--hsds-version 3.0|3.1] FILE... -o OUT",
     "convert  --from hsds|paroer --to hsds|paroer [--hsds-version 3.0|3.1] FIL... -o UD",
     "mellem vores katalogformat og Open Referral HSDS", "between our catalog format and Open Referral HSDS"},
    {"overview -c CATALOG... [--date D] [--format text|json|csv] [-o overview.html]",
     "overview -c KATALOG... [--date D] [--format text|json|csv] [-o overblik.html]",
     "alle kommuners tal i én tabel", "every municipality's figures in one table"},
};

#define CATALOG_DA \
    "  -c, --catalog FIL...    katalogdokumenter, indlæst og flettet sammen\n" \
    "                          (-c a.json b.json eller -c a.json -c b.json)\n" \
    "      --statutory         indlæs også det medfølgende lovbestemte katalog (statutory.json)\n"
#define CATALOG_EN \
    "  -c, --catalog FILE...   catalog documents, loaded and merged together\n" \
    "                          (-c a.json b.json or -c a.json -c b.json)\n" \
    "      --statutory         also load the shipped statutory catalog (statutory.json)\n"

typedef struct command_help {
    const char *cmd;
    const char *da, *en;
} command_help;

static const command_help helps[] = {
    {"validate",
     "Brug: paroer validate [--type auto|catalog|relative|population|hsds] [--strict] FIL...\n"
     "\n"
     "Tjekker hver fil mod kontrakten: kataloger (\"format\": \"paroer-catalog\"),\n"
     "pårørendedokumenter (med \"relations\") og befolkningsfiler (*.csv). Katalogerne\n"
     "tjekkes også sammen (id'er skal være entydige på tværs af dem). Hvert problem\n"
     "skrives til stderr som FIL:LINJE:KOLONNE: error: ... (FIL:LINJE: for CSV),\n"
     "ukendte nøgler som advarsler, og til sidst en opsummering.\n"
     "\n"
     "      --type TYPE         behandl hver FIL som denne type (standard: genkend)\n"
     "      --strict            ukendte nøgler og kolonner er fejl\n"
     "      --max-errors N      vis højst N problemer pr. fil (standard 100, 0 = alle);\n"
     "                          tallene i opsummeringen forbliver nøjagtige\n",
     "Usage: paroer validate [--type auto|catalog|relative|population|hsds] [--strict] FILE...\n"
     "\n"
     "Checks each file against the contract: catalogs (\"format\": \"paroer-catalog\"),\n"
     "relative documents (with \"relations\") and population files (*.csv). The\n"
     "catalogs are also checked together (ids unique across them). Every problem is\n"
     "printed to stderr as FILE:LINE:COLUMN: error: ... (FILE:LINE: for CSV), unknown\n"
     "keys as warnings, then a summary.\n"
     "\n"
     "      --type TYPE         treat every FILE as this type (default: detect)\n"
     "      --strict            unknown keys and columns are errors\n"
     "      --max-errors N      print at most N problems per file (default 100, 0 = all);\n"
     "                          the counts in the summary stay exact\n"},
    {"match",
     "Brug: paroer match -c KATALOG... -r PÅRØRENDE.json [--date D] [--top N] [--explain]\n"
     "\n"
     "Viser hvert tilbud, der passer til den pårørende, det bedste først, med begrundelserne.\n"
     "\n" CATALOG_DA
     "  -r, --relative FIL      pårørendedokumentet (JSON, kontraktens afsnit 3)\n"
     "  -d, --date ÅÅÅÅ-MM-DD   referencedatoen (standard: i dag)\n"
     "  -n, --top N             vis kun de N bedste tilbud\n"
     "  -e, --explain           vis også hvert andet tilbud og den regel, det ikke opfyldte\n",
     "Usage: paroer match -c CATALOG... -r RELATIVE.json [--date D] [--top N] [--explain]\n"
     "\n"
     "Lists every offer that fits the relative, best first, with the reasons.\n"
     "\n" CATALOG_EN
     "  -r, --relative FILE     the relative document (JSON, contract section 3)\n"
     "  -d, --date YYYY-MM-DD   the reference date (default: today)\n"
     "  -n, --top N             show only the best N offers\n"
     "  -e, --explain           also list every other offer and the rule it failed\n"},
    {"coverage",
     "Brug: paroer coverage -c KATALOG... [-m KODE] [--population FIL.csv] [--date D]\n"
     "\n"
     "Med -m: kommunens målgruppedækning, huller, politikkens mål, tjek og (med\n"
     "--population) hvor mange af dens pårørende tilbuddene når. Uden -m kræves\n"
     "--population, og rækkevidden er national, opdelt på kommuner.\n"
     "\n" CATALOG_DA
     "  -m, --municipality KODE kommunen (f.eks. 306 eller 0306)\n"
     "  -p, --population FIL    en befolkning af pårørende (CSV, kontraktens afsnit 5)\n"
     "  -d, --date ÅÅÅÅ-MM-DD   referencedatoen (standard: i dag)\n"
     "      --min-cell N        undertryk celler med under N pårørende (standard 5, >= 3)\n"
     "      --threads N         tråde, der læser befolkningen (standard 0: én pr. kerne)\n"
     "      --strict            en forkert befolkningsrække får kørslen til at fejle\n"
     "                          (standard: den udelades)\n",
     "Usage: paroer coverage -c CATALOG... [-m CODE] [--population FILE.csv] [--date D]\n"
     "\n"
     "With -m: the municipality's target-group coverage, gaps, policy goals, checks\n"
     "and (with --population) the reach of its relatives. Without -m, --population is\n"
     "required and the reach is national, broken down by municipality.\n"
     "\n" CATALOG_EN
     "  -m, --municipality CODE the municipality (e.g. 306 or 0306)\n"
     "  -p, --population FILE   a population of relatives (CSV, contract section 5)\n"
     "  -d, --date YYYY-MM-DD   the reference date (default: today)\n"
     "      --min-cell N        suppress breakdown cells under N relatives (default 5, >= 3)\n"
     "      --threads N         threads reading the population (default 0: one a core)\n"
     "      --strict            a bad population row fails the run (default: left out)\n"},
    {"report",
     "Brug: paroer report -c KATALOG... [-m KODE] [--population FIL.csv] [--date D]\n"
     "                    -o rapport.html\n"
     "\n"
     "Skriver dækningen som én selvstændig HTML-side (intet netværk, ingen eksterne\n"
     "filer) til en kommunal leder: varmekort, huller i klare ord, politikkens mål,\n"
     "tjek og befolkningens rækkevidde.\n"
     "\n" CATALOG_DA
     "  -m, --municipality KODE kommunen (f.eks. 306)\n"
     "  -p, --population FIL    en befolkning af pårørende (CSV)\n"
     "  -d, --date ÅÅÅÅ-MM-DD   referencedatoen (standard: i dag)\n"
     "  -o, --output FIL        HTML-filen, der skrives (- for stdout)\n"
     "      --age-band BÅND     varmekortets aldersgruppe (standard adult)\n"
     "      --min-cell N        undertryk celler med under N pårørende (standard 5, >= 3)\n"
     "      --threads N         tråde, der læser befolkningen (standard 0: én pr. kerne)\n"
     "      --strict            en forkert befolkningsrække får kørslen til at fejle\n",
     "Usage: paroer report -c CATALOG... [-m CODE] [--population FILE.csv] [--date D]\n"
     "                     -o report.html\n"
     "\n"
     "Writes the coverage as one self-contained HTML page (no network, no external\n"
     "files) for a municipal leader: heat map, gaps in plain words, policy goals,\n"
     "checks and population reach.\n"
     "\n" CATALOG_EN
     "  -m, --municipality CODE the municipality (e.g. 306)\n"
     "  -p, --population FILE   a population of relatives (CSV)\n"
     "  -d, --date YYYY-MM-DD   the reference date (default: today)\n"
     "  -o, --output FILE       the HTML file to write (- for stdout)\n"
     "      --age-band BAND     the age band of the heat map (default adult)\n"
     "      --min-cell N        suppress breakdown cells under N relatives (default 5, >= 3)\n"
     "      --threads N         threads reading the population (default 0: one a core)\n"
     "      --strict            a bad population row fails the run\n"},
    {"ask",
     "Brug: paroer ask -c KATALOG... [-r DELVIS.json] [-m KODE] [--date D]\n"
     "\n"
     "En samtale: stiller det spørgsmål, der afgør flest tilbud, viser efter hvert svar,\n"
     "hvor mange tilbud der er sikre, mulige og udelukket, og slutter med tilbuddene.\n"
     "Svar på standard input, ét pr. linje: ja/nej, et tal eller en kode; tom linje springer over.\n"
     "\n" CATALOG_DA
     "  -r, --relative FIL      det, vi ved (felter kan være \"unknown\"); ellers spørges der fra start\n"
     "  -m, --municipality KODE kommunen, når der startes fra ingenting\n"
     "  -d, --date ÅÅÅÅ-MM-DD   referencedatoen (standard: i dag)\n",
     "Usage: paroer ask -c CATALOG... [-r PARTIAL.json] [-m CODE] [--date D]\n"
     "\n"
     "An interview: asks the question that settles the most offers, shows after each answer\n"
     "how many offers are certain, possible and excluded, and ends with the offers.\n"
     "Answers on standard input, one a line: yes/no, a number or a code; an empty line skips.\n"
     "\n" CATALOG_EN
     "  -r, --relative FILE     what is known (facts may be \"unknown\"); else it asks from the start\n"
     "  -m, --municipality CODE the municipality, when starting from nothing\n"
     "  -d, --date YYYY-MM-DD   the reference date (default: today)\n"},
    {"overview",
     "Brug: paroer overview -c KATALOG... [--date D] [--format text|json|csv] [-o overblik.html]\n"
     "\n"
     "Én række for hver af de 98 kommuner (med eller uden tilbud): aktuelle tilbud,\n"
     "lokale tilbud og deres slags, målgruppedækning, de seks tjek og politikkens mål,\n"
     "hvert tal som 'paroer coverage -m KODE' regner det; derefter en national\n"
     "opsummering. Med -o én selvstændig HTML-side til en national læser.\n"
     "\n" CATALOG_DA
     "  -d, --date ÅÅÅÅ-MM-DD   referencedatoen (standard: i dag)\n"
     "  -f, --format FORMAT     text (standard), json eller csv (på stdout)\n"
     "  -o, --output FIL        skriv HTML-siden til FIL (- for stdout)\n",
     "Usage: paroer overview -c CATALOG... [--date D] [--format text|json|csv] [-o overview.html]\n"
     "\n"
     "One row for each of the 98 municipalities (with or without offers): live offers,\n"
     "local offers and their kinds, target-group coverage, the six checks and the\n"
     "policy's goals, each figure as 'paroer coverage -m CODE' computes it; then a\n"
     "national summary. With -o, one self-contained HTML page for a national reader.\n"
     "\n" CATALOG_EN
     "  -d, --date YYYY-MM-DD   the reference date (default: today)\n"
     "  -f, --format FORMAT     text (default), json or csv (on stdout)\n"
     "  -o, --output FILE       write the HTML page to FILE (- for stdout)\n"},
    {"convert",
     "Brug: paroer convert --from hsds|paroer --to hsds|paroer [--hsds-version 3.0|3.1]\n"
     "                      [--strict] [--guess-kind] [-m KODE] [--date D] FIL... -o UD\n"
     "\n"
     "Konverterer kataloger mellem libparoers eget format og Open Referral HSDS 3.0/3.1\n"
     "(et JSON-array af services). HSDS-input kan være én service, et array af services,\n"
     "en organization med services, en side af services eller en datapakke-mappe.\n"
     "Flere FILer flettes til ét katalog.\n"
     "\n"
     "  -o, --output UD         hvor der skrives (- for stdout)\n"
     "      --hsds-version V    3.0 eller 3.1 (standard 3.1) ved --to hsds\n"
     "      --strict            en service, der ikke kan oversættes, får importen til at fejle\n"
     "      --guess-kind        HSDS-input: tag tilbuddets slags fra ordene i navn og\n"
     "                          beskrivelse, når ingen taksonomi-term giver den\n"
     "  -m, --municipality KODE HSDS-input: kommunen for services, hvis områder ikke nævner en\n"
     "  -d, --date ÅÅÅÅ-MM-DD   HSDS 3.1-output: `updated` for kapaciteter uden bekræftet dato\n"
     "Se docs/hsds.md for oversættelsen.\n",
     "Usage: paroer convert --from hsds|paroer --to hsds|paroer [--hsds-version 3.0|3.1]\n"
     "                      [--strict] [--guess-kind] [-m CODE] [--date D] FILE... -o OUT\n"
     "\n"
     "Converts catalogs between libparoer's own format and Open Referral HSDS 3.0/3.1\n"
     "(a JSON array of services). HSDS input may be a service, an array of services,\n"
     "an organization with services, a page of services, or a data-package directory.\n"
     "Several FILEs are merged into one catalog.\n"
     "\n"
     "  -o, --output OUT        where to write (- for standard output)\n"
     "      --hsds-version V    3.0 or 3.1 (default 3.1) for --to hsds\n"
     "      --strict            a service that cannot be mapped fails the import\n"
     "      --guess-kind        HSDS input: take the kind from the words of a service's\n"
     "                          name and description when no taxonomy term gives it\n"
     "  -m, --municipality CODE HSDS input: the municipality of services whose areas name none\n"
     "  -d, --date YYYY-MM-DD   HSDS 3.1 output: `updated` of capacities without a verified date\n"
     "See docs/hsds.md for the mapping.\n"},
    {"codes",
     "Brug: paroer codes [LISTE]\n"
     "\n"
     "Viser hver kodeliste i ordforrådet (eller kun LISTE) med hver kodes talværdi\n"
     "og betegnelse (JSON giver både den danske og den engelske betegnelse).\n"
     "Lister:",
     "Usage: paroer codes [LIST]\n"
     "\n"
     "Prints every code list of the vocabulary (or only LIST) with each code's\n"
     "numeric value and label (JSON gives both the Danish and English labels).\n"
     "Lists:"},
};

static void common_help(FILE *f, int32_t lang)
{
    fputs(tr(lang,
             "Fælles tilvalg (også før kommandoen: paroer --lang en codes):\n"
             "  -f, --format text|json  output til mennesker (standard) eller til maskiner\n"
             "  -l, --lang da|en        sprog for betegnelser, sætninger og hjælp (standard da)\n"
             "  -h, --help              vis denne hjælp\n"
             "  -V, --version           vis bibliotekets version\n",
             "Common options (also before the command: paroer --lang en codes):\n"
             "  -f, --format text|json  output for people (default) or for machines\n"
             "  -l, --lang da|en        language of labels, sentences and help (default da)\n"
             "  -h, --help              show this help\n"
             "  -V, --version           print the library version\n"),
          f);
}

void cli_help(FILE *f, const char *cmd, int32_t lang)
{
    if (!cmd) {
        fputs(tr(lang, "Brug: paroer KOMMANDO [TILVALG]\n\nTilbud til pårørende: match og dækning.\n\nKommandoer:\n",
                 "Usage: paroer COMMAND [OPTIONS]\n\nOffers for relatives and carers (paaroerende): matching and "
                 "coverage.\n\nCommands:\n"),
              f);
        for (size_t i = 0; i < sizeof commands / sizeof commands[0]; i++)
            fprintf(f, "  %s\n      %s\n", tr(lang, commands[i].usage_da, commands[i].usage),
                    tr(lang, commands[i].da, commands[i].en));
        fputc('\n', f);
        common_help(f, lang);
        fputs(tr(lang,
                 "\nAfslutningsstatus: 0 gennemført, 1 ugyldigt input, 2 forkert brug, 3 en fil kunne\n"
                 "ikke læses eller skrives, 4 ikke nok hukommelse.\n"
                 "Kør 'paroer KOMMANDO --help' for en kommandos tilvalg.\n",
                 "\nExit status: 0 success, 1 invalid input, 2 wrong usage, 3 a file could not be\n"
                 "read or written, 4 out of memory.\n"
                 "Run 'paroer COMMAND --help' for the options of a command.\n"),
              f);
        return;
    }
    for (size_t i = 0; i < sizeof helps / sizeof helps[0]; i++) {
        if (strcmp(cmd, helps[i].cmd) != 0) continue;
        fputs(tr(lang, helps[i].da, helps[i].en), f);
        if (!strcmp(cmd, "codes")) {
            for (int32_t k = 0; k < paroer_vocab_list_count(); k++) fprintf(f, " %s", paroer_vocab_list_name(k));
            fputc('\n', f);
        }
        break;
    }
    fputc('\n', f);
    common_help(f, lang);
}
