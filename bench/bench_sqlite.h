/* SQLite helpers shared by the benchmarks that compare against SQLite. */
#ifndef BENCH_SQLITE_H
#define BENCH_SQLITE_H

#include "bench_util.h"
#include <sqlite3.h>

static inline sqlite3_stmt *sql_prepare(sqlite3 *db, const char *sql)
{
    sqlite3_stmt *st;
    if (sqlite3_prepare_v3(db, sql, -1, SQLITE_PREPARE_PERSISTENT, &st, NULL) != SQLITE_OK)
        bench_die("sqlite: %s\nin: %s", sqlite3_errmsg(db), sql);
    return st;
}

static inline void sql_step_done(sqlite3 *db, sqlite3_stmt *st)
{
    if (sqlite3_step(st) != SQLITE_DONE) bench_die("sqlite: %s", sqlite3_errmsg(db));
    sqlite3_reset(st);
}

static inline void bind_date_or_null(sqlite3_stmt *st, int i, int32_t d)
{
    if (d == PAROER_DATE_NONE) sqlite3_bind_null(st, i);
    else sqlite3_bind_int(st, i, d);
}

static inline void sql_exec(sqlite3 *db, const char *sql)
{
    char *err = NULL;
    if (sqlite3_exec(db, sql, NULL, NULL, &err) != SQLITE_OK) bench_die("sqlite: %s\nin: %s", err, sql);
}

/* The catalog's offers in normalised, indexed tables. Codes are the C API's
 * numeric values; dates are day numbers (NULL = open); age bounds as the
 * accessors give them (open upper bound INT32_MAX). The contract's defaults
 * that the accessors leave implicit are applied here: an empty relation or
 * condition list means "any" (relations_any, conditions_any), no slots means
 * flexible, no languages means ["da"]. */
static const char *const CATALOG_SCHEMA =
    "CREATE TABLE offers(idx INTEGER PRIMARY KEY, id TEXT NOT NULL, status INT NOT NULL,"
    " valid_from INT, valid_to INT, nationwide INT NOT NULL, ra_min INT NOT NULL, ra_max INT NOT NULL,"
    " cfa_min INT NOT NULL, cfa_max INT NOT NULL, relations_any INT NOT NULL, conditions_any INT NOT NULL,"
    " bereaved INT NOT NULL, slots_flexible INT NOT NULL);"
    "CREATE TABLE offer_municipality(municipality INT, offer INT, PRIMARY KEY(municipality, offer)) WITHOUT ROWID;"
    "CREATE TABLE offer_relation(offer INT, relation INT, PRIMARY KEY(offer, relation)) WITHOUT ROWID;"
    "CREATE TABLE offer_condition(offer INT, condition INT, PRIMARY KEY(offer, condition)) WITHOUT ROWID;"
    "CREATE TABLE offer_requires(offer INT, flag INT, PRIMARY KEY(offer, flag)) WITHOUT ROWID;"
    "CREATE TABLE offer_need(offer INT, need INT, PRIMARY KEY(offer, need)) WITHOUT ROWID;"
    "CREATE TABLE offer_mode(offer INT, mode INT, PRIMARY KEY(offer, mode)) WITHOUT ROWID;"
    "CREATE TABLE offer_slot(offer INT, slot INT, PRIMARY KEY(offer, slot)) WITHOUT ROWID;"
    "CREATE TABLE offer_language(offer INT, language TEXT, PRIMARY KEY(offer, language)) WITHOUT ROWID;";

static inline void sql_load_catalog(sqlite3 *db, const paroer_catalog *cat)
{
    if (PAROER_FLAG_COHABITING != 0 || PAROER_FLAG_CARED_AT_HOME != 1 || PAROER_FLAG_TERMINAL != 2 ||
        PAROER_FLAG_EMPLOYED != 4 || PAROER_STATUS_PAUSED != 2 || PAROER_BEREAVEMENT_NO != 0 ||
        PAROER_BEREAVEMENT_ALSO != 1 || PAROER_BEREAVEMENT_ONLY != 2)
        bench_die("the SQL assumes code values that vocab.h no longer has");
    sql_exec(db, CATALOG_SCHEMA);
    sql_exec(db, "BEGIN");
    sqlite3_stmt *io = sql_prepare(db, "INSERT INTO offers VALUES(?,?,?,?,?,?,?,?,?,?,?,?,?,?)");
    sqlite3_stmt *im = sql_prepare(db, "INSERT INTO offer_municipality VALUES(?,?)");
    sqlite3_stmt *lists[6];
    static const char *const list_sql[6] = {
        "INSERT INTO offer_relation VALUES(?,?)", "INSERT INTO offer_condition VALUES(?,?)",
        "INSERT INTO offer_requires VALUES(?,?)", "INSERT INTO offer_need VALUES(?,?)",
        "INSERT INTO offer_mode VALUES(?,?)", "INSERT INTO offer_slot VALUES(?,?)"};
    for (int k = 0; k < 6; k++) lists[k] = sql_prepare(db, list_sql[k]);
    sqlite3_stmt *il = sql_prepare(db, "INSERT INTO offer_language VALUES(?,?)");
    for (size_t i = 0; i < paroer_catalog_offer_count(cat); i++) {
        const paroer_offer *o = paroer_catalog_offer(cat, i);
        const paroer_target *t = paroer_offer_target(o);
        int k = (int)i;
        sqlite3_bind_int(io, 1, k);
        sqlite3_bind_text(io, 2, paroer_offer_id(o), -1, SQLITE_STATIC);
        sqlite3_bind_int(io, 3, paroer_offer_status(o));
        bind_date_or_null(io, 4, paroer_offer_valid_from(o));
        bind_date_or_null(io, 5, paroer_offer_valid_to(o));
        sqlite3_bind_int(io, 6, paroer_offer_nationwide(o));
        sqlite3_bind_int64(io, 7, paroer_target_relative_age_min(t));
        sqlite3_bind_int64(io, 8, paroer_target_relative_age_max(t));
        sqlite3_bind_int64(io, 9, paroer_target_cared_for_age_min(t));
        sqlite3_bind_int64(io, 10, paroer_target_cared_for_age_max(t));
        sqlite3_bind_int(io, 11, paroer_target_relations(t) == 0);
        sqlite3_bind_int(io, 12, paroer_target_conditions(t) == 0);
        sqlite3_bind_int(io, 13, paroer_target_bereaved(t));
        sqlite3_bind_int(io, 14, paroer_offer_slots(o) == 0);
        sql_step_done(db, io);
        const uint32_t masks[6] = {paroer_target_relations(t), paroer_target_conditions(t), paroer_target_requires(t),
                                   paroer_offer_needs(o), paroer_offer_modes(o), paroer_offer_slots(o)};
        for (int l = 0; l < 6; l++)
            for (int b = 0; b < 32; b++)
                if (masks[l] & (1u << b)) {
                    sqlite3_bind_int(lists[l], 1, k);
                    sqlite3_bind_int(lists[l], 2, b);
                    sql_step_done(db, lists[l]);
                }
        for (size_t m = 0; m < paroer_offer_municipality_count(o); m++) {
            sqlite3_bind_int(im, 1, paroer_offer_municipality(o, m));
            sqlite3_bind_int(im, 2, k);
            sql_step_done(db, im);
        }
        size_t nl = paroer_offer_language_count(o);
        for (size_t l = 0; l < (nl ? nl : 1); l++) {
            sqlite3_bind_int(il, 1, k);
            sqlite3_bind_text(il, 2, nl ? paroer_offer_language(o, cat, l) : "da", -1, SQLITE_STATIC);
            sql_step_done(db, il);
        }
    }
    sqlite3_finalize(io);
    sqlite3_finalize(im);
    sqlite3_finalize(il);
    for (int k = 0; k < 6; k++) sqlite3_finalize(lists[k]);
    sql_exec(db, "COMMIT");
}

#endif
