#define _POSIX_C_SOURCE 200809L
/* Civil dates as days since 1970-01-01 (Howard Hinnant's algorithms), so
 * comparisons are integer comparisons and no time zone is involved. */
#include "internal.h"
#include <time.h>

static int is_leap(int32_t y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }

static int32_t days_in_month(int32_t y, int32_t m)
{
    static const int8_t dm[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    return m == 2 && is_leap(y) ? 29 : dm[m - 1];
}

static int32_t days_from_civil(int32_t y, int32_t m, int32_t d)
{
    y -= m <= 2;
    const int32_t era = (y >= 0 ? y : y - 399) / 400;
    const int32_t yoe = y - era * 400;
    const int32_t doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    const int32_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + doe - 719468;
}

int paroer_date_from_ymd(int32_t *out, int32_t year, int32_t month, int32_t day)
{
    if (!out) return pr_error(PAROER_EINVALID, "out is NULL");
    if (year < 1 || year > 9999 || month < 1 || month > 12 || day < 1 || day > days_in_month(year, month))
        return pr_error(PAROER_EINVALID, "impossible date %04d-%02d-%02d", (int)year, (int)month, (int)day);
    *out = days_from_civil(year, month, day);
    return PAROER_OK;
}

int paroer_date_to_ymd(int32_t date, int32_t *year, int32_t *month, int32_t *day)
{
    if (date == PAROER_DATE_NONE || !year || !month || !day)
        return pr_error(PAROER_EINVALID, "no date");
    int32_t z = date + 719468;
    const int32_t era = (z >= 0 ? z : z - 146096) / 146097;
    const int32_t doe = z - era * 146097;
    const int32_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    int32_t y = yoe + era * 400;
    const int32_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    const int32_t mp = (5 * doy + 2) / 153;
    const int32_t d = doy - (153 * mp + 2) / 5 + 1;
    const int32_t m = mp < 10 ? mp + 3 : mp - 9;
    *year = y + (m <= 2);
    *month = m;
    *day = d;
    return PAROER_OK;
}

int paroer_date_parse(int32_t *out, const char *text, size_t len)
{
    if (!out || !text) return pr_error(PAROER_EINVALID, "NULL argument");
    if (len != 10 || text[4] != '-' || text[7] != '-')
        return pr_error(PAROER_EINVALID, "a date must be written YYYY-MM-DD");
    int32_t v[3] = {0, 0, 0};
    static const int8_t start[3] = {0, 5, 8}, width[3] = {4, 2, 2};
    for (int k = 0; k < 3; k++) {
        for (int i = 0; i < width[k]; i++) {
            char c = text[start[k] + i];
            if (c < '0' || c > '9') return pr_error(PAROER_EINVALID, "a date must be written YYYY-MM-DD");
            v[k] = v[k] * 10 + (c - '0');
        }
    }
    return paroer_date_from_ymd(out, v[0], v[1], v[2]);
}

int paroer_date_format(int32_t date, char *buf, size_t size)
{
    int32_t y, m, d;
    if (!buf || size < 11) return pr_error(PAROER_EINVALID, "buffer too small for a date");
    if (paroer_date_to_ymd(date, &y, &m, &d) != PAROER_OK || y < 0 || y > 9999)
        return pr_error(PAROER_EINVALID, "date out of range");
    int32_t parts[3] = {y, m, d};
    static const int8_t width[3] = {4, 2, 2};
    char *p = buf;
    for (int k = 0; k < 3; k++) {
        int32_t v = parts[k];
        for (int i = width[k] - 1; i >= 0; i--) {
            p[i] = (char)('0' + v % 10);
            v /= 10;
        }
        p += width[k];
        if (k < 2) *p++ = '-';
    }
    *p = '\0';
    return PAROER_OK;
}

int32_t paroer_date_today(void)
{
    time_t now = time(NULL);
    struct tm tm;
#if defined(_WIN32)
    localtime_s(&tm, &now);
#else
    localtime_r(&now, &tm);
#endif
    return days_from_civil(tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday);
}
