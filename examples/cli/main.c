/* main.c - `paroer`, the command-line tool of libparoer (contract section 6).
 *
 *   paroer validate FILE...
 *   paroer match    -c CATALOG... -r RELATIVE.json [--date D] [--top N] [--explain]
 *   paroer coverage -c CATALOG... [-m CODE] [--population FILE.csv] [--date D]
 *   paroer report   -c CATALOG... [-m CODE] [--population FILE.csv] [--date D] -o report.html
 *   paroer codes    [LIST]
 *   common: --format text|json  --lang da|en  --help  --version
 *
 * See docs/cli.md. */
#include "cli.h"

#include <string.h>

int cli_convert_main(int argc, char **argv, int first);

typedef struct command {
    const char *name;
    int (*run)(const cli_opts *);
} command;

static const command commands[] = {
    {"validate", cli_validate}, {"match", cli_match},   {"coverage", cli_coverage},
    {"report", cli_report},     {"codes", cli_codes},
};

int main(int argc, char **argv)
{
    if (argc < 2) {
        cli_help(stderr, NULL);
        return CLI_USAGE;
    }
    const char *name = argv[1];
    if (!strcmp(name, "--help") || !strcmp(name, "-h") || !strcmp(name, "help")) {
        if (argc > 2 && strcmp(name, "help") == 0) {
            for (size_t i = 0; i < sizeof commands / sizeof commands[0]; i++)
                if (!strcmp(argv[2], commands[i].name)) {
                    cli_help(stdout, commands[i].name);
                    return CLI_OK;
                }
            return cli_usage_error(NULL, "unknown command '%s'", argv[2]);
        }
        cli_help(stdout, NULL);
        return CLI_OK;
    }
    if (!strcmp(name, "--version") || !strcmp(name, "-V")) {
        printf("paroer %s\n", paroer_version());
        return CLI_OK;
    }
    /* convert parses its own options (examples/cli/convert.c). */
    if (!strcmp(name, "convert")) return cli_convert_main(argc, argv, 2);
    const command *cmd = NULL;
    for (size_t i = 0; i < sizeof commands / sizeof commands[0]; i++)
        if (!strcmp(name, commands[i].name)) cmd = &commands[i];
    if (!cmd) {
        if (name[0] == '-') return cli_usage_error(NULL, "expected a command before '%s'", name);
        return cli_usage_error(NULL, "unknown command '%s'", name);
    }

    cli_opts o;
    memset(&o, 0, sizeof o);
    o.cmd = cmd->name;
    o.format = CLI_TEXT;
    o.lang = PAROER_LANG_DA;
    o.municipality = -1;
    o.date = PAROER_DATE_NONE;
    o.age_band = PAROER_AGE_BAND_ADULT;
    int rc = cli_parse(&o, argc, argv, 2);
    if (rc == -1) rc = CLI_OK; /* --help or --version */
    else if (rc == CLI_OK) rc = cmd->run(&o);
    cli_opts_free(&o);
    if (fflush(stdout) != 0 && rc == CLI_OK) {
        cli_error("cannot write the output");
        rc = CLI_IO;
    }
    return rc;
}
