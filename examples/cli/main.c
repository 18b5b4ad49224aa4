/* main.c - `paroer`, the command-line tool of libparoer (contract section 6).
 *
 *   paroer validate FILE...
 *   paroer match    -c CATALOG... -r RELATIVE.json [--date D] [--top N] [--explain]
 *   paroer coverage -c CATALOG... [-m CODE] [--population FILE.csv] [--date D]
 *   paroer report   -c CATALOG... [-m CODE] [--population FILE.csv] [--date D] -o report.html
 *   paroer codes    [LIST]
 *   paroer ask      -c CATALOG... [-r PARTIAL.json] [-m CODE] [--date D]
 *   paroer overview -c CATALOG... [--date D] [--format text|json|csv] [-o overview.html]
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
    {"report", cli_report},     {"codes", cli_codes},       {"ask", cli_ask},
    {"overview", cli_overview},
};

static void opts_init(cli_opts *o, const char *cmd)
{
    memset(o, 0, sizeof *o);
    o->cmd = cmd;
    o->format = CLI_TEXT;
    o->lang = PAROER_LANG_DA;
    o->municipality = -1;
    o->date = PAROER_DATE_NONE;
    o->age_band = PAROER_AGE_BAND_ADULT;
}

/* `paroer [--lang L] --help|--version`, `paroer help [COMMAND]`, or no command. */
static int top_level(int argc, char **argv, int first)
{
    cli_opts o;
    opts_init(&o, NULL);
    int rc = cli_parse(&o, argc, argv, first);
    if (rc == -1) rc = CLI_OK; /* --help or --version */
    else if (rc == CLI_OK && first == 1) {
        cli_help(stderr, NULL, o.lang);
        rc = CLI_USAGE;
    } else if (rc == CLI_OK && o.nargs == 0) {
        cli_help(stdout, NULL, o.lang);
    } else if (rc == CLI_OK) {
        const command *cmd = NULL;
        for (size_t i = 0; i < sizeof commands / sizeof commands[0]; i++)
            if (!strcmp(o.args[0], commands[i].name)) cmd = &commands[i];
        if (cmd) cli_help(stdout, cmd->name, o.lang);
        else if (!strcmp(o.args[0], "convert")) cli_help(stdout, "convert", o.lang);   /* its own parser */
        else rc = cli_usage_error(NULL, "unknown command '%s'", o.args[0]);
    }
    cli_opts_free(&o);
    return rc;
}

int main(int argc, char **argv)
{
    /* Common options may come before the command (paroer --lang en codes):
     * the command is moved in front of them, where its own parser reads them. */
    int at = cli_command_index(argc, argv);
    if (at >= argc) return top_level(argc, argv, 1);
    if (at > 1) {
        char *c = argv[at];
        memmove(&argv[2], &argv[1], (size_t)(at - 1) * sizeof *argv);
        argv[1] = c;
    }
    const char *name = argv[1];
    if (!strcmp(name, "help")) return top_level(argc, argv, 2);
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
    opts_init(&o, cmd->name);
    int rc = cli_parse(&o, argc, argv, 2);
    if (rc == -1) rc = CLI_OK; /* --help or --version */
    else if (rc == CLI_OK && (rc = cli_check_output(&o)) == CLI_OK) rc = cmd->run(&o);
    cli_opts_free(&o);
    if (fflush(stdout) != 0 && rc == CLI_OK) {
        cli_error("cannot write the output");
        rc = CLI_IO;
    }
    return rc;
}
