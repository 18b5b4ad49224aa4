/* bench_coverage: national population reach, against SQLite.
 *
 * In one process:
 *  1. libparoer, single-threaded: paroer_population_load_file() of a
 *     paroer-synth population CSV (2.1 million relatives) and
 *     paroer_coverage_compute() without a municipality (national reach,
 *     broken down by municipality), timed together -- the CSV parse
 *     included, target 2 s -- median of --repeat runs; peak memory
 *     (ru_maxrss) and what passes through a counting allocator.
 *  2. SQLite (in memory): the same CSV parsed by this program and loaded into
 *     normalised tables (relative, relation, relation_condition,
 *     relative_need, relative_mode, relative_slot), the catalog into the
 *     tables of bench_match; then contract section 4's rules 1-9 as one
 *     set-based INSERT ... SELECT of every eligible (relative, offer) pair,
 *     and reached / needs_met per municipality from it. The whole file is
 *     loaded; the reach query runs on --sql-municipalities municipalities
 *     (spread over the code order; "all" for every one), because SQLite is
 *     slow at it. Its time for the whole population is extrapolated from the
 *     subset and printed as such.
 *  3. Agreement: for every municipality SQLite computed, relatives, reached
 *     and needs_met must equal libparoer's by_municipality cell (and the
 *     totals when every municipality was computed). Any difference: exit 1.
 *
 * Usage: bench_coverage --catalog FILE --population FILE.csv [--repeat N]
 *        [--sql-municipalities N|all] [--date YYYY-MM-DD] [--explain-sql]
 * Prints figures only; a missed target is reported, never an error. */
#include "bench_sqlite.h"

static void usage(void)
{
    fprintf(stderr, "usage: bench_coverage --catalog FILE --population FILE.csv [--repeat N] "
                    "[--sql-municipalities N|all] [--date YYYY-MM-DD] [--explain-sql]\n");
    exit(2);
}

static const char *verdict(int ok) { return ok ? "met" : "MISSED"; }

/* ---- SQLite helpers ------------------------------------------------------------------ */


/* ---- the population CSV, parsed here for SQLite ------------------------------------
 * paroer-synth writes no quotes, so a field is what lies between commas. The
 * header must be the contract's 15 columns in the contract's order. */
static const char *const HEADER = "id,age,municipality,employed,relation,conditions,cared_for_age,hours_per_week,"
                                  "cohabiting,cared_at_home,terminal,bereaved,needs,modes,slots";

typedef struct field { const char *p; size_t n; } field;

static int to_int(field f)
{
    int v = 0;
    if (!f.n) bench_die("empty number in the CSV");
    for (size_t i = 0; i < f.n; i++) {
        if (f.p[i] < '0' || f.p[i] > '9') bench_die("bad number \"%.*s\" in the CSV", (int)f.n, f.p);
        v = v * 10 + (f.p[i] - '0');
    }
    return v;
}

static int to_bool(field f)
{
    if (f.n == 0) return 0;
    if ((f.n == 1 && f.p[0] == '1') || (f.n == 4 && !memcmp(f.p, "true", 4))) return 1;
    if ((f.n == 1 && f.p[0] == '0') || (f.n == 5 && !memcmp(f.p, "false", 5))) return 0;
    bench_die("bad boolean \"%.*s\" in the CSV", (int)f.n, f.p);
}

/* Calls emit(code) for each ';'-separated code of list `list`. */
static void each_code(field f, int32_t list, sqlite3 *db, sqlite3_stmt *st, int64_t rid, int with_idx, int idx)
{
    size_t i = 0;
    while (i < f.n) {
        size_t j = i;
        while (j < f.n && f.p[j] != ';') j++;
        int32_t code;
        if (paroer_vocab_parse(&code, list, f.p + i, j - i) != PAROER_OK)
            bench_die("unknown code \"%.*s\" in the CSV", (int)(j - i), f.p + i);
        sqlite3_bind_int64(st, 1, rid);
        if (with_idx) {
            sqlite3_bind_int(st, 2, idx);
            sqlite3_bind_int(st, 3, code);
        } else {
            sqlite3_bind_int(st, 2, code);
        }
        sql_step_done(db, st);
        i = j + 1;
    }
}

typedef struct sql_pop {
    size_t relatives, rows;
} sql_pop;

static const char *const POP_SCHEMA =
    "CREATE TABLE relative(rid INTEGER PRIMARY KEY, id TEXT NOT NULL, age INT NOT NULL,"
    " municipality INT NOT NULL, employed INT NOT NULL);"
    "CREATE TABLE relation(rid INT, idx INT, relation INT NOT NULL, cared_for_age INT, hours REAL,"
    " cohabiting INT NOT NULL, cared_at_home INT NOT NULL, terminal INT NOT NULL, bereaved INT NOT NULL,"
    " PRIMARY KEY(rid, idx)) WITHOUT ROWID;"
    "CREATE TABLE relation_condition(rid INT, idx INT, condition INT, PRIMARY KEY(rid, idx, condition)) WITHOUT ROWID;"
    "CREATE TABLE relative_need(rid INT, need INT, PRIMARY KEY(rid, need)) WITHOUT ROWID;"
    "CREATE TABLE relative_mode(rid INT, mode INT, PRIMARY KEY(rid, mode)) WITHOUT ROWID;"
    "CREATE TABLE relative_slot(rid INT, slot INT, PRIMARY KEY(rid, slot)) WITHOUT ROWID;";

static sql_pop sql_load_population(sqlite3 *db, const char *path)
{
    sql_pop sp = {0, 0};
    FILE *f = fopen(path, "rb");
    if (!f) bench_die("cannot open %s", path);
    sql_exec(db, POP_SCHEMA);
    sql_exec(db, "BEGIN");
    sqlite3_stmt *ir = sql_prepare(db, "INSERT INTO relative VALUES(?,?,?,?,?)");
    sqlite3_stmt *ix = sql_prepare(db, "INSERT INTO relation VALUES(?,?,?,?,?,?,?,?,?)");
    sqlite3_stmt *ic = sql_prepare(db, "INSERT INTO relation_condition VALUES(?,?,?)");
    sqlite3_stmt *in = sql_prepare(db, "INSERT INTO relative_need VALUES(?,?)");
    sqlite3_stmt *im = sql_prepare(db, "INSERT INTO relative_mode VALUES(?,?)");
    sqlite3_stmt *is = sql_prepare(db, "INSERT INTO relative_slot VALUES(?,?)");
    char *line = NULL, *prev_id = NULL;
    size_t cap = 0, prev_cap = 0, prev_len = 0;
    ssize_t len;
    int64_t rid = 0;
    int idx = 0;
    size_t lineno = 0;
    while ((len = getline(&line, &cap, f)) > 0) {
        lineno++;
        while (len && (line[len - 1] == '\n' || line[len - 1] == '\r')) line[--len] = '\0';
        if (lineno == 1) {
            if (strcmp(line, HEADER)) bench_die("%s: unexpected header (this loader needs the contract's column order)", path);
            continue;
        }
        if (!len) continue;
        if (memchr(line, '"', (size_t)len)) bench_die("%s:%zu: quoted fields are not supported by this loader", path, lineno);
        field fl[15];
        size_t nf = 0, st = 0;
        for (size_t i = 0; i <= (size_t)len; i++)
            if (i == (size_t)len || line[i] == ',') {
                if (nf == 15) bench_die("%s:%zu: too many fields", path, lineno);
                fl[nf].p = line + st;
                fl[nf].n = i - st;
                nf++;
                st = i + 1;
            }
        if (nf != 15) bench_die("%s:%zu: expected 15 fields", path, lineno);
        sp.rows++;
        if (!prev_id || fl[0].n != prev_len || memcmp(fl[0].p, prev_id, prev_len)) {
            /* a new relative: its own fields from its first row */
            rid++;
            idx = 0;
            sp.relatives++;
            if (fl[0].n + 1 > prev_cap) {
                prev_cap = fl[0].n + 64;
                prev_id = realloc(prev_id, prev_cap);
                if (!prev_id) bench_die("out of memory");
            }
            memcpy(prev_id, fl[0].p, fl[0].n);
            prev_len = fl[0].n;
            sqlite3_bind_int64(ir, 1, rid);
            sqlite3_bind_text(ir, 2, fl[0].p, (int)fl[0].n, SQLITE_TRANSIENT);
            sqlite3_bind_int(ir, 3, to_int(fl[1]));
            sqlite3_bind_int(ir, 4, to_int(fl[2]));
            sqlite3_bind_int(ir, 5, to_bool(fl[3]));
            sql_step_done(db, ir);
            each_code(fl[12], PAROER_VOCAB_NEED, db, in, rid, 0, 0);
            each_code(fl[13], PAROER_VOCAB_MODE, db, im, rid, 0, 0);
            each_code(fl[14], PAROER_VOCAB_SLOT, db, is, rid, 0, 0);
        }
        int32_t relation;
        if (paroer_vocab_parse(&relation, PAROER_VOCAB_RELATION, fl[4].p, fl[4].n) != PAROER_OK)
            bench_die("%s:%zu: unknown relation", path, lineno);
        sqlite3_bind_int64(ix, 1, rid);
        sqlite3_bind_int(ix, 2, idx);
        sqlite3_bind_int(ix, 3, relation);
        if (fl[6].n) sqlite3_bind_int(ix, 4, to_int(fl[6]));
        else sqlite3_bind_null(ix, 4);
        if (fl[7].n) sqlite3_bind_double(ix, 5, strtod(fl[7].p, NULL));
        else sqlite3_bind_double(ix, 5, 0.0);
        sqlite3_bind_int(ix, 6, to_bool(fl[8]));
        sqlite3_bind_int(ix, 7, to_bool(fl[9]));
        sqlite3_bind_int(ix, 8, to_bool(fl[10]));
        sqlite3_bind_int(ix, 9, to_bool(fl[11]));
        sql_step_done(db, ix);
        each_code(fl[5], PAROER_VOCAB_CONDITION, db, ic, rid, 1, idx);
        idx++;
    }
    free(line);
    free(prev_id);
    fclose(f);
    sqlite3_stmt *all[] = {ir, ix, ic, in, im, is};
    for (size_t i = 0; i < sizeof all / sizeof all[0]; i++) sqlite3_finalize(all[i]);
    sql_exec(db, "CREATE INDEX relative_municipality ON relative(municipality, rid); COMMIT; ANALYZE;");
    return sp;
}

/* Rules 1-9 for every relative of the selected municipalities (table sel),
 * set-based. ?1 is the date. Relatives speak "da" (the CSV has no languages). */
static const char *const ELIGIBLE_SQL =
    "INSERT INTO elig(rid, offer)"
    " SELECT r.rid, o.idx FROM sel s"
    " JOIN relative r ON r.municipality = s.municipality"
    " JOIN area a ON a.municipality = r.municipality"                                       /* 3 area */
    " JOIN offers o ON o.idx = a.offer"
    " WHERE o.status <> 2"                                                                   /* 1 paused */
    "   AND (o.valid_from IS NULL OR o.valid_from <= ?1) AND (o.valid_to IS NULL OR ?1 <= o.valid_to)" /* 2 */
    "   AND r.age BETWEEN o.ra_min AND o.ra_max"                                            /* 4 */
    "   AND (NOT EXISTS (SELECT 1 FROM relative_mode rm WHERE rm.rid = r.rid)"                /* 6 */
    "        OR EXISTS (SELECT 1 FROM relative_mode rm JOIN offer_mode om ON om.mode = rm.mode AND om.offer = o.idx"
    "                   WHERE rm.rid = r.rid))"
    "   AND (o.slots_flexible OR NOT EXISTS (SELECT 1 FROM relative_slot rs WHERE rs.rid = r.rid)" /* 7 */
    "        OR EXISTS (SELECT 1 FROM relative_slot rs JOIN offer_slot os ON os.slot = rs.slot AND os.offer = o.idx"
    "                   WHERE rs.rid = r.rid))"
    "   AND EXISTS (SELECT 1 FROM offer_language l WHERE l.offer = o.idx AND l.language = 'da')" /* 8 */
    "   AND (NOT EXISTS (SELECT 1 FROM relative_need rn WHERE rn.rid = r.rid)"                 /* 9 */
    "        OR EXISTS (SELECT 1 FROM relative_need rn JOIN offer_need x ON x.need = rn.need AND x.offer = o.idx"
    "                   WHERE rn.rid = r.rid))"
    "   AND EXISTS (SELECT 1 FROM relation x WHERE x.rid = r.rid"                           /* 5 */
    "     AND (o.relations_any OR EXISTS (SELECT 1 FROM offer_relation y"
    "                                      WHERE y.offer = o.idx AND y.relation = x.relation))"
    "     AND (o.conditions_any OR EXISTS (SELECT 1 FROM relation_condition rc"
    "                                      JOIN offer_condition c ON c.condition = rc.condition AND c.offer = o.idx"
    "                                      WHERE rc.rid = x.rid AND rc.idx = x.idx))"
    "     AND (x.cared_for_age IS NULL OR x.cared_for_age BETWEEN o.cfa_min AND o.cfa_max)"
    "     AND NOT EXISTS (SELECT 1 FROM offer_requires f WHERE f.offer = o.idx AND NOT ("
    "              (f.flag = 0 AND x.cohabiting) OR (f.flag = 1 AND x.cared_at_home)"
    "           OR (f.flag = 2 AND x.terminal) OR (f.flag = 4 AND r.employed)))"
    "     AND (o.bereaved = 1 OR (o.bereaved = 0 AND NOT x.bereaved) OR (o.bereaved = 2 AND x.bereaved)))";

static const char *const REACH_SQL =
    "SELECT r.municipality, COUNT(*),"
    "  SUM(EXISTS (SELECT 1 FROM elig e WHERE e.rid = r.rid)),"
    "  SUM(EXISTS (SELECT 1 FROM elig e WHERE e.rid = r.rid)"
    "      AND NOT EXISTS (SELECT 1 FROM relative_need n WHERE n.rid = r.rid AND NOT EXISTS ("
    "          SELECT 1 FROM elig e JOIN offer_need x ON x.offer = e.offer AND x.need = n.need"
    "          WHERE e.rid = r.rid)))"
    " FROM sel s JOIN relative r ON r.municipality = s.municipality"
    " GROUP BY r.municipality ORDER BY r.municipality";

/* Prints SQLite's plan for a statement (--explain-sql). */
static void print_plan(sqlite3 *db, const char *sql)
{
    char *q = sqlite3_mprintf("EXPLAIN QUERY PLAN %s", sql);
    sqlite3_stmt *st = sql_prepare(db, q);
    while (sqlite3_step(st) == SQLITE_ROW)
        printf("      plan: %d %d %s\n", sqlite3_column_int(st, 0), sqlite3_column_int(st, 1),
               (const char *)sqlite3_column_text(st, 3));
    sqlite3_finalize(st);
    sqlite3_free(q);
}

typedef struct cellv { int32_t code; uint64_t relatives, reached, needs_met; int reported; } cellv;

int main(int argc, char **argv)
{
    const char *catalog = NULL, *population = NULL, *date_text = BENCH_DATE_TEXT;
    size_t repeat = 3, sql_munis = 4;
    int sql_all = 0, explain_sql = 0;
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        if (!strcmp(a, "--explain-sql")) { explain_sql = 1; continue; }
        if (i + 1 >= argc) usage();
        if (!strcmp(a, "--catalog")) catalog = argv[++i];
        else if (!strcmp(a, "--population")) population = argv[++i];
        else if (!strcmp(a, "--date")) date_text = argv[++i];
        else if (!strcmp(a, "--repeat")) repeat = (size_t)bench_parse_u64(a, argv[++i]);
        else if (!strcmp(a, "--sql-municipalities")) {
            i++;
            if (!strcmp(argv[i], "all")) sql_all = 1;
            else sql_munis = (size_t)bench_parse_u64(a, argv[i]);
        } else usage();
    }
    if (!catalog || !population) usage();
    if (repeat < 1) repeat = 1;
    const int32_t date = bench_date(date_text);
    bench_print_load("bench_coverage");
    char b1[32], b2[32], b3[32];
    int rc;

    uint64_t t0 = bench_now_ns();
    paroer_catalog *cat;
    if ((rc = paroer_catalog_load_file(&cat, catalog, NULL)) != 0) bench_die_paroer("loading the catalog", rc);
    uint64_t t_cat = bench_now_ns() - t0;
    printf("bench_coverage: catalog %s: %s offers, loaded in %.1f ms (not counted below); date %s\n", catalog,
           bench_thousands(paroer_catalog_offer_count(cat), b1), bench_ms(t_cat), date_text);

    /* ---- 1. libparoer ---- */
    uint64_t *tt = calloc(repeat, sizeof *tt), *tl = calloc(repeat, sizeof *tl), *tc = calloc(repeat, sizeof *tc);
    uint64_t *cpu = calloc(repeat, sizeof *cpu);
    if (!tt || !tl || !tc || !cpu) bench_die("out of memory");
    bench_counter pmem, cmem;
    paroer_allocator palloc = bench_counting_allocator(&pmem), calloc_ = bench_counting_allocator(&cmem);
    paroer_coverage *cov = NULL;
    size_t n_rel = 0, n_rows = 0, rejected = 0;
    size_t pop_peak = 0, cov_peak = 0;
    for (size_t r = 0; r < repeat; r++) {
        paroer_load_options lo;
        paroer_load_options_init(&lo, PAROER_LOAD_OPTIONS_VERSION);
        lo.allocator = &palloc;
        paroer_coverage_options co;
        paroer_coverage_options_init(&co, PAROER_COVERAGE_OPTIONS_VERSION);
        co.date = date;
        co.municipality = -1;
        co.allocator = &calloc_;
        paroer_population *pop;
        paroer_coverage *c;
        pmem.peak = pmem.live;
        cmem.peak = cmem.live;
        uint64_t c0 = bench_cpu_ns();
        t0 = bench_now_ns();
        if ((rc = paroer_population_load_file(&pop, population, &lo)) != 0) bench_die_paroer("loading the population", rc);
        uint64_t t1 = bench_now_ns();
        co.population = pop;
        if ((rc = paroer_coverage_compute(&c, cat, &co)) != 0) bench_die_paroer("paroer_coverage_compute", rc);
        uint64_t t2 = bench_now_ns();
        cpu[r] = bench_cpu_ns() - c0;
        tl[r] = t1 - t0;
        tc[r] = t2 - t1;
        tt[r] = t2 - t0;
        n_rel = paroer_population_count(pop);
        n_rows = paroer_population_relation_total(pop);
        rejected = paroer_population_rejected_rows(pop);
        pop_peak = pmem.peak;
        cov_peak = cmem.peak;
        paroer_population_free(pop);
        if (cov) paroer_coverage_free(cov);
        cov = c;
    }
    uint64_t rss = bench_peak_rss();
    uint64_t t_med = bench_median(tt, repeat), t_min = tt[0];
    uint64_t l_med = bench_median(tl, repeat), c_med = bench_median(tc, repeat), cpu_med = bench_median(cpu, repeat);
    printf("  population %s: %s relatives, %s rows (relations), %zu rejected rows\n", population,
           bench_thousands(n_rel, b1), bench_thousands(n_rows, b2), rejected);
    printf("  libparoer, single thread, median of %zu: load CSV %.1f ms + coverage %.1f ms = TOTAL %.1f ms "
           "(target <= 2000 ms: %s; best %.1f ms; CPU time %.1f ms)\n",
           repeat, bench_ms(l_med), bench_ms(c_med), bench_ms(t_med), verdict(t_med <= 2000000000u), bench_ms(t_min),
           bench_ms(cpu_med));
    uint64_t reached = paroer_coverage_pop_reached(cov), met = paroer_coverage_pop_needs_met(cov);
    uint64_t total = paroer_coverage_pop_relatives(cov);
    printf("    reach: %s relatives, reached %.4f, needs_met %.4f; %zu municipalities\n", bench_thousands(total, b1),
           total ? (double)reached / (double)total : 0, total ? (double)met / (double)total : 0,
           paroer_coverage_breakdown_count(cov, PAROER_BREAKDOWN_MUNICIPALITY));
    printf("  PEAK MEMORY (ru_maxrss) after the libparoer part: %.1f MiB (population through its allocator %.1f MiB peak, "
           "coverage %.2f MiB peak; the mapped file counts in RSS)\n",
           bench_mib(rss), bench_mib(pop_peak), bench_mib(cov_peak));

    /* ---- 2. SQLite ---- */
    sqlite3 *db;
    if (sqlite3_open(":memory:", &db) != SQLITE_OK) bench_die("sqlite3_open failed");
    sql_exec(db, "PRAGMA cache_size = -2000000"); /* 2 GB page cache: everything stays in memory */
    uint64_t c_sql_load = bench_cpu_ns();
    t0 = bench_now_ns();
    sql_load_catalog(db, cat);
    sql_pop sp = sql_load_population(db, population);
    uint64_t t_sql_load = bench_now_ns() - t0;
    c_sql_load = bench_cpu_ns() - c_sql_load;
    if (sp.relatives != n_rel || sp.rows != n_rows)
        bench_die("SQLite read %zu relatives / %zu rows, libparoer %zu / %zu", sp.relatives, sp.rows, n_rel, n_rows);

    /* which municipalities */
    size_t nm = paroer_coverage_breakdown_count(cov, PAROER_BREAKDOWN_MUNICIPALITY);
    cellv *cells = calloc(nm ? nm : 1, sizeof *cells);
    if (!cells) bench_die("out of memory");
    for (size_t i = 0; i < nm; i++) {
        cells[i].reported = paroer_coverage_breakdown_cell(cov, PAROER_BREAKDOWN_MUNICIPALITY, i, &cells[i].code,
                                                           &cells[i].relatives, &cells[i].reached, &cells[i].needs_met);
        if (cells[i].reported < 0) bench_die("paroer_coverage_breakdown_cell failed");
    }
    size_t want = sql_all || sql_munis >= nm ? nm : sql_munis;
    sql_exec(db, "CREATE TEMP TABLE sel(municipality INTEGER PRIMARY KEY);"
                 "CREATE TEMP TABLE elig(rid INT, offer INT, PRIMARY KEY(rid, offer)) WITHOUT ROWID;"
                 "CREATE TEMP TABLE area(municipality INT, offer INT, PRIMARY KEY(municipality, offer)) WITHOUT ROWID;");
    sqlite3_stmt *ins = sql_prepare(db, "INSERT INTO sel VALUES(?)");
    size_t *chosen = calloc(want ? want : 1, sizeof *chosen);
    if (!chosen) bench_die("out of memory");
    for (size_t k = 0; k < want; k++) {
        /* spread over the code order, away from the ends (København 101 is the largest) */
        size_t i = want == nm ? k : (2 * k + 1) * nm / (2 * want);
        chosen[k] = i;
        sqlite3_bind_int(ins, 1, cells[i].code);
        sql_step_done(db, ins);
    }
    sqlite3_finalize(ins);
    uint64_t c_sql_query = bench_cpu_ns();
    t0 = bench_now_ns();
    sql_exec(db, "INSERT INTO area SELECT municipality, offer FROM offer_municipality"
                 " WHERE municipality IN (SELECT municipality FROM sel)"
                 " UNION SELECT s.municipality, o.idx FROM sel s, offers o WHERE o.nationwide = 1;"
                 "ANALYZE temp;");
    if (explain_sql) {
        print_plan(db, ELIGIBLE_SQL);
        print_plan(db, REACH_SQL);
    }
    sqlite3_stmt *el = sql_prepare(db, ELIGIBLE_SQL);
    sqlite3_bind_int(el, 1, date);
    sql_step_done(db, el);
    sqlite3_finalize(el);
    sqlite3_stmt *rq = sql_prepare(db, REACH_SQL);
    size_t same = 0, compared = 0;
    uint64_t sub_rel = 0, sub_reached = 0, sub_met = 0, lib_rel = 0, lib_reached = 0, lib_met = 0;
    cellv *sqlc = calloc(want ? want : 1, sizeof *sqlc);
    size_t n_sqlc = 0;
    if (!sqlc) bench_die("out of memory");
    while ((rc = sqlite3_step(rq)) == SQLITE_ROW) {
        if (n_sqlc == want) bench_die("SQLite gave more municipalities than selected");
        sqlc[n_sqlc].code = sqlite3_column_int(rq, 0);
        sqlc[n_sqlc].relatives = (uint64_t)sqlite3_column_int64(rq, 1);
        sqlc[n_sqlc].reached = (uint64_t)sqlite3_column_int64(rq, 2);
        sqlc[n_sqlc].needs_met = (uint64_t)sqlite3_column_int64(rq, 3);
        n_sqlc++;
    }
    if (rc != SQLITE_DONE) bench_die("sqlite: %s", sqlite3_errmsg(db));
    sqlite3_finalize(rq);
    uint64_t t_sql_query = bench_now_ns() - t0;
    c_sql_query = bench_cpu_ns() - c_sql_query;
    sqlite3_stmt *cnt = sql_prepare(db, "SELECT COUNT(*) FROM elig");
    int64_t n_pairs = sqlite3_step(cnt) == SQLITE_ROW ? sqlite3_column_int64(cnt, 0) : -1;
    sqlite3_finalize(cnt);
    sqlite3_close(db);

    /* ---- 3. agreement ---- */
    int bad = n_sqlc != want;
    for (size_t k = 0; k < want; k++) {
        const cellv *l = &cells[chosen[k]];
        const cellv *s = k < n_sqlc ? &sqlc[k] : NULL;
        compared++;
        if (s) { sub_rel += s->relatives; sub_reached += s->reached; sub_met += s->needs_met; }
        lib_rel += l->relatives; lib_reached += l->reached; lib_met += l->needs_met;
        int ok = s && s->code == l->code &&
                 (l->reported ? (s->relatives == l->relatives && s->reached == l->reached && s->needs_met == l->needs_met)
                              : s->relatives < 5);
        if (ok) same++;
        else {
            bad = 1;
            printf("  MISMATCH municipality %d: libparoer %llu/%llu/%llu%s, SQLite %llu/%llu/%llu (relatives/reached/needs_met)\n",
                   l->code, (unsigned long long)l->relatives, (unsigned long long)l->reached,
                   (unsigned long long)l->needs_met, l->reported ? "" : " (suppressed)",
                   s ? (unsigned long long)s->relatives : 0, s ? (unsigned long long)s->reached : 0,
                   s ? (unsigned long long)s->needs_met : 0);
        }
    }
    int totals_ok = 1;
    if (want == nm) totals_ok = sub_rel == total && sub_reached == reached && sub_met == met;
    if (!totals_ok) bad = 1;

    double lib_rate = (double)n_rel / ((double)t_med / 1e9);
    /* SQLite per relative: loading (whole file) + reach (subset) */
    double sql_per_rel = (double)t_sql_load / (double)sp.relatives + (sub_rel ? (double)t_sql_query / (double)sub_rel : 0);
    double sql_full_est = sql_per_rel * (double)n_rel;
    double ratio = sql_full_est / (double)t_med;
    double sql_per_rel_cpu = (double)c_sql_load / (double)sp.relatives +
                             (sub_rel ? (double)c_sql_query / (double)sub_rel : 0);
    double ratio_cpu = sql_per_rel_cpu * (double)n_rel / (double)cpu_med;
    printf("  SQLite %s (in memory): CSV parsed by this program and loaded with the catalog in %.1f ms, CPU %.1f ms "
           "(%s relatives, %s rows)\n",
           sqlite3_libversion(), bench_ms(t_sql_load), bench_ms(c_sql_load), bench_thousands(sp.relatives, b1), bench_thousands(sp.rows, b2));
    char subset[48];
    snprintf(subset, sizeof subset, want == nm ? "all" : "a subset (%zu)", want);
    printf("    reach on %s of %zu municipalities (%s relatives%s): %.1f ms, CPU %.1f ms, %s eligible (relative, offer) pairs\n",
           subset, nm, bench_thousands(sub_rel, b1),
           want == nm ? "" : ", every municipality would take proportionally longer", bench_ms(t_sql_query),
           bench_ms(c_sql_query),
           bench_thousands((uint64_t)(n_pairs < 0 ? 0 : n_pairs), b3));
    if (want != nm) {
        printf("    municipalities:");
        for (size_t k = 0; k < want; k++) printf(" %d", cells[chosen[k]].code);
        printf("\n");
    }
    printf("    SQLite for the whole population%s: %.1f s (%.2f us per relative) vs libparoer %.3f s (%.2f us per relative)\n",
           want == nm ? "" : " (load measured, reach extrapolated from the subset)", sql_full_est / 1e9,
           sql_per_rel / 1e3, (double)t_med / 1e9, 1e6 / lib_rate);
    printf("    SPEED RATIO libparoer / SQLite: %.0fx wall, %.0fx CPU time (reach alone, same municipalities: libparoer's coverage step is "
           "%.0fx faster per relative)\n",
           ratio, ratio_cpu, sub_rel ? ((double)t_sql_query / (double)sub_rel) / ((double)c_med / (double)n_rel) : 0);
    printf("    subset figures: libparoer reached %.4f needs_met %.4f; SQLite reached %.4f needs_met %.4f\n",
           lib_rel ? (double)lib_reached / (double)lib_rel : 0, lib_rel ? (double)lib_met / (double)lib_rel : 0,
           sub_rel ? (double)sub_reached / (double)sub_rel : 0, sub_rel ? (double)sub_met / (double)sub_rel : 0);
    printf("  agreement: %zu/%zu municipalities identical (relatives, reached, needs_met)%s\n", same, compared,
           want == nm ? (totals_ok ? "; national totals identical" : "; national totals DIFFER") : "");
    printf("  SUMMARY coverage: %s relatives in %.3f s incl. CSV parse (%s), peak RSS %.1f MiB, SQLite ratio %.0fx, "
           "agreement %zu/%zu municipalities\n",
           bench_thousands(n_rel, b1), (double)t_med / 1e9, verdict(t_med <= 2000000000u), bench_mib(rss), ratio, same,
           compared);

    free(sqlc); free(chosen); free(cells);
    free(tt); free(tl); free(tc); free(cpu);
    paroer_coverage_free(cov);
    paroer_catalog_free(cat);
    return bad ? 1 : 0;
}
