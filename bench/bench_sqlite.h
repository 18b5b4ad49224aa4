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

#endif
