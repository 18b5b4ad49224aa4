/*
 * synth_common.c - PRNG, buffered output, dates and municipalities for paroer-synth.
 */
#include "synth.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

/* ---- random numbers ------------------------------------------------------ */

static uint64_t splitmix64(uint64_t *x)
{
    uint64_t z = (*x += UINT64_C(0x9E3779B97F4A7C15));
    z = (z ^ (z >> 30)) * UINT64_C(0xBF58476D1CE4E5B9);
    z = (z ^ (z >> 27)) * UINT64_C(0x94D049BB133111EB);
    return z ^ (z >> 31);
}

void synth_rng_seed(synth_rng *r, uint64_t seed, uint64_t stream)
{
    uint64_t x = seed ^ (stream * UINT64_C(0xD1B54A32D192ED03));
    for (int i = 0; i < 4; i++)
        r->s[i] = splitmix64(&x);
}

static uint64_t rotl(uint64_t x, int k)
{
    return (x << k) | (x >> (64 - k));
}

uint64_t synth_rng_next(synth_rng *r)
{
    uint64_t *s = r->s;
    uint64_t result = rotl(s[1] * 5, 7) * 9;
    uint64_t t = s[1] << 17;
    s[2] ^= s[0];
    s[3] ^= s[1];
    s[1] ^= s[2];
    s[0] ^= s[3];
    s[2] ^= t;
    s[3] = rotl(s[3], 45);
    return result;
}

uint32_t synth_rng_below(synth_rng *r, uint32_t n)
{
    /* Multiply-shift on the top 32 bits: integer only, identical everywhere. */
    uint64_t x = synth_rng_next(r) >> 32;
    return (uint32_t)((x * (uint64_t)n) >> 32);
}

int synth_rng_range(synth_rng *r, int lo, int hi)
{
    return lo + (int)synth_rng_below(r, (uint32_t)(hi - lo + 1));
}

int synth_rng_chance(synth_rng *r, uint32_t ppm)
{
    return synth_rng_below(r, 1000000u) < ppm;
}

size_t synth_rng_pick(synth_rng *r, const uint32_t *weights, size_t n)
{
    uint64_t total = 0;
    for (size_t i = 0; i < n; i++)
        total += weights[i];
    uint64_t x = synth_rng_next(r) % total;
    for (size_t i = 0; i < n; i++) {
        if (x < weights[i])
            return i;
        x -= weights[i];
    }
    return n - 1;
}

/* ---- buffered output ----------------------------------------------------- */

#define OUT_CAP (1u << 20)

int synth_out_open(synth_out *o, const char *path)
{
    memset(o, 0, sizeof *o);
    o->buf = malloc(OUT_CAP);
    if (!o->buf) {
        fprintf(stderr, "paroer-synth: out of memory\n");
        return -1;
    }
    o->cap = OUT_CAP;
    if (strcmp(path, "-") == 0) {
        o->f = stdout;
        o->is_stdout = 1;
    } else {
        o->f = fopen(path, "wb");
        if (!o->f) {
            fprintf(stderr, "paroer-synth: %s: %s\n", path, strerror(errno));
            free(o->buf);
            o->buf = NULL;
            return -1;
        }
    }
    return 0;
}

static void out_flush(synth_out *o)
{
    if (o->len && !o->err && fwrite(o->buf, 1, o->len, o->f) != o->len)
        o->err = errno ? errno : EIO;
    o->len = 0;
}

int synth_out_close(synth_out *o, const char *path)
{
    out_flush(o);
    if (fflush(o->f) != 0 && !o->err)
        o->err = errno ? errno : EIO;
    if (!o->is_stdout && fclose(o->f) != 0 && !o->err)
        o->err = errno ? errno : EIO;
    free(o->buf);
    o->buf = NULL;
    if (o->err) {
        fprintf(stderr, "paroer-synth: %s: write failed: %s\n", path, strerror(o->err));
        return -1;
    }
    return 0;
}

void synth_out_mem(synth_out *o, const char *s, size_t n)
{
    if (o->len + n > o->cap) {
        out_flush(o);
        if (n > o->cap) {
            if (!o->err && fwrite(s, 1, n, o->f) != n)
                o->err = errno ? errno : EIO;
            return;
        }
    }
    memcpy(o->buf + o->len, s, n);
    o->len += n;
}

void synth_out_str(synth_out *o, const char *s)
{
    synth_out_mem(o, s, strlen(s));
}

void synth_out_char(synth_out *o, char c)
{
    if (o->len == o->cap)
        out_flush(o);
    o->buf[o->len++] = c;
}

void synth_out_uint(synth_out *o, uint64_t v)
{
    char tmp[24];
    size_t i = sizeof tmp;
    do {
        tmp[--i] = (char)('0' + v % 10);
        v /= 10;
    } while (v);
    synth_out_mem(o, tmp + i, sizeof tmp - i);
}

void synth_out_int(synth_out *o, int64_t v)
{
    if (v < 0) {
        synth_out_char(o, '-');
        synth_out_uint(o, (uint64_t)0 - (uint64_t)v);
    } else {
        synth_out_uint(o, (uint64_t)v);
    }
}

void synth_out_json_str(synth_out *o, const char *s)
{
    static const char hex[] = "0123456789abcdef";
    synth_out_char(o, '"');
    for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
        unsigned char c = *p;
        if (c == '"' || c == '\\') {
            synth_out_char(o, '\\');
            synth_out_char(o, (char)c);
        } else if (c == '\n') {
            synth_out_mem(o, "\\n", 2);
        } else if (c < 0x20) {
            char esc[6] = {'\\', 'u', '0', '0', hex[c >> 4], hex[c & 15]};
            synth_out_mem(o, esc, 6);
        } else {
            synth_out_char(o, (char)c); /* UTF-8 passes through */
        }
    }
    synth_out_char(o, '"');
}

static void out_2d(synth_out *o, int v)
{
    synth_out_char(o, (char)('0' + v / 10));
    synth_out_char(o, (char)('0' + v % 10));
}

void synth_out_date(synth_out *o, int32_t days, int quoted)
{
    int y, m, d;
    synth_civil_from_days(days, &y, &m, &d);
    if (quoted)
        synth_out_char(o, '"');
    synth_out_uint(o, (uint64_t)y);
    synth_out_char(o, '-');
    out_2d(o, m);
    synth_out_char(o, '-');
    out_2d(o, d);
    if (quoted)
        synth_out_char(o, '"');
}

/* ---- dates (H. Hinnant's civil-day algorithms) --------------------------- */

int32_t synth_days_from_civil(int y, int m, int d)
{
    y -= m <= 2;
    const int era = (y >= 0 ? y : y - 399) / 400;
    const int yoe = y - era * 400;
    const int doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    const int doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + doe - 719468;
}

void synth_civil_from_days(int32_t z, int *y, int *m, int *d)
{
    z += 719468;
    const int32_t era = (z >= 0 ? z : z - 146096) / 146097;
    const int32_t doe = z - era * 146097;
    const int32_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    const int32_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    const int32_t mp = (5 * doy + 2) / 153;
    *d = (int)(doy - (153 * mp + 2) / 5 + 1);
    *m = (int)(mp < 10 ? mp + 3 : mp - 9);
    *y = (int)(yoe + era * 400 + (*m <= 2));
}

int synth_parse_date(const char *s, int32_t *days)
{
    int y = 0, m = 0, d = 0;
    if (strlen(s) != 10 || s[4] != '-' || s[7] != '-')
        return -1;
    for (int i = 0; i < 10; i++) {
        if (i == 4 || i == 7)
            continue;
        if (s[i] < '0' || s[i] > '9')
            return -1;
    }
    y = (s[0] - '0') * 1000 + (s[1] - '0') * 100 + (s[2] - '0') * 10 + (s[3] - '0');
    m = (s[5] - '0') * 10 + (s[6] - '0');
    d = (s[8] - '0') * 10 + (s[9] - '0');
    if (y < 1900 || y > 2200 || m < 1 || m > 12 || d < 1 || d > 31)
        return -1;
    int32_t z = synth_days_from_civil(y, m, d);
    int yy, mm, dd;
    synth_civil_from_days(z, &yy, &mm, &dd);
    if (yy != y || mm != m || dd != d) /* 2026-02-30 and the like */
        return -1;
    *days = z;
    return 0;
}

/* ---- municipalities ------------------------------------------------------ */

static const struct {
    int code;
    const char *name;
} builtin_municipalities[] = {
    {101, "København"}, {147, "Frederiksberg"}, {151, "Ballerup"}, {153, "Brøndby"},
    {155, "Dragør"}, {157, "Gentofte"}, {159, "Gladsaxe"}, {161, "Glostrup"},
    {163, "Herlev"}, {165, "Albertslund"}, {167, "Hvidovre"}, {169, "Høje-Taastrup"},
    {173, "Lyngby-Taarbæk"}, {175, "Rødovre"}, {183, "Ishøj"}, {185, "Tårnby"},
    {187, "Vallensbæk"}, {190, "Furesø"}, {201, "Allerød"}, {210, "Fredensborg"},
    {217, "Helsingør"}, {219, "Hillerød"}, {223, "Hørsholm"}, {230, "Rudersdal"},
    {240, "Egedal"}, {250, "Frederikssund"}, {253, "Greve"}, {259, "Køge"},
    {260, "Halsnæs"}, {265, "Roskilde"}, {269, "Solrød"}, {270, "Gribskov"},
    {306, "Odsherred"}, {316, "Holbæk"}, {320, "Faxe"}, {326, "Kalundborg"},
    {329, "Ringsted"}, {330, "Slagelse"}, {336, "Stevns"}, {340, "Sorø"},
    {350, "Lejre"}, {360, "Lolland"}, {370, "Næstved"}, {376, "Guldborgsund"},
    {390, "Vordingborg"}, {400, "Bornholm"}, {410, "Middelfart"}, {420, "Assens"},
    {430, "Faaborg-Midtfyn"}, {440, "Kerteminde"}, {450, "Nyborg"}, {461, "Odense"},
    {479, "Svendborg"}, {480, "Nordfyn"}, {482, "Langeland"}, {492, "Ærø"},
    {510, "Haderslev"}, {530, "Billund"}, {540, "Sønderborg"}, {550, "Tønder"},
    {561, "Esbjerg"}, {563, "Fanø"}, {573, "Varde"}, {575, "Vejen"},
    {580, "Aabenraa"}, {607, "Fredericia"}, {615, "Horsens"}, {621, "Kolding"},
    {630, "Vejle"}, {657, "Herning"}, {661, "Holstebro"}, {665, "Lemvig"},
    {671, "Struer"}, {706, "Syddjurs"}, {707, "Norddjurs"}, {710, "Favrskov"},
    {727, "Odder"}, {730, "Randers"}, {740, "Silkeborg"}, {741, "Samsø"},
    {746, "Skanderborg"}, {751, "Aarhus"}, {756, "Ikast-Brande"}, {760, "Ringkøbing-Skjern"},
    {766, "Hedensted"}, {773, "Morsø"}, {779, "Skive"}, {787, "Thisted"},
    {791, "Viborg"}, {810, "Brønderslev"}, {813, "Frederikshavn"}, {820, "Vesthimmerland"},
    {825, "Læsø"}, {840, "Rebild"}, {846, "Mariagerfjord"}, {849, "Jammerbugt"},
    {851, "Aalborg"}, {860, "Hjørring"},
};
#define N_BUILTIN (sizeof builtin_municipalities / sizeof builtin_municipalities[0])

/*
 * Built-in approximation of the adult population per municipality (no complete
 * per-municipality figure of residents aged 18+ was found; see docs/synthetic.md).
 * Known figures are electorates (people 18+ with the right to vote), published by KMD:
 *   KV21 = municipal election 2021, https://cm-www.kmd.dk/presse/pressemeddelelser-og-nyheder/fakta-om-vaelgerne-og-valggeografien
 *          (national total 4,675,127; the five largest and five smallest municipalities);
 *   FV19 = general election 2019, https://www.kmd.dk/presse/pressemeddelelser-og-nyheder/fv19-valggeografi
 *          (further municipalities among the ten largest and ten smallest).
 * The municipalities not named there share the rest of the KV21 total equally.
 */
static const struct {
    int code;
    uint32_t voters;
} known_electorate[] = {
    {101, 521783}, {751, 288071}, {851, 180111}, {461, 167087}, {630, 92469},  /* KV21 */
    {825, 1548},   {563, 2846},   {741, 3191},   {492, 5183},   {482, 10641},  /* KV21 */
    {561, 85899},  {147, 74264},  {730, 73372},  {791, 70714},  {740, 68416},  /* FV19 */
    {155, 10278},  {187, 10656},  {183, 13735},  {665, 15260},                 /* FV19 */
};
#define KV21_TOTAL 4675127u

static void builtin_weights(synth_municipalities *ms)
{
    const size_t nk = sizeof known_electorate / sizeof known_electorate[0];
    uint32_t known_sum = 0;
    size_t unknown = 0;
    for (size_t i = 0; i < ms->n; i++) {
        ms->m[i].weight = 0;
        for (size_t k = 0; k < nk; k++)
            if (known_electorate[k].code == ms->m[i].code) {
                ms->m[i].weight = known_electorate[k].voters;
                known_sum += known_electorate[k].voters;
            }
        if (ms->m[i].weight == 0)
            unknown++;
    }
    uint32_t share = 1000;
    if (unknown && known_sum < KV21_TOTAL)
        share = (KV21_TOTAL - known_sum) / (uint32_t)unknown;
    if (share == 0)
        share = 1;
    for (size_t i = 0; i < ms->n; i++)
        if (ms->m[i].weight == 0)
            ms->m[i].weight = share;
    ms->weight_source = "built-in approximation (KMD electorates KV21/FV19, rest shared equally)";
}

/* Splits one CSV line (RFC 4180 quotes allowed) into at most max fields, in place. */
static size_t csv_split(char *line, char **fields, size_t max)
{
    size_t n = 0;
    char *p = line;
    for (;;) {
        if (n == max)
            return n;
        if (*p == '"') {
            char *w = ++p;
            fields[n++] = w;
            for (;;) {
                if (*p == '\0')
                    break;
                if (*p == '"' && p[1] == '"') {
                    *w++ = '"';
                    p += 2;
                } else if (*p == '"') {
                    p++;
                    break;
                } else {
                    *w++ = *p++;
                }
            }
            while (*p && *p != ',')
                p++;
            int more = *p == ',';
            *w = '\0';
            if (!more)
                return n;
            p++;
        } else {
            fields[n++] = p;
            while (*p && *p != ',')
                p++;
            if (*p == '\0')
                return n;
            *p++ = '\0';
        }
    }
}

static void chomp(char *s)
{
    size_t n = strlen(s);
    while (n && (s[n - 1] == '\n' || s[n - 1] == '\r'))
        s[--n] = '\0';
}

static int parse_code(const char *s, int *code)
{
    char *end;
    while (*s == ' ')
        s++;
    if (*s == '\0')
        return -1;
    long v = strtol(s, &end, 10); /* "0306" and "306" are the same municipality */
    while (*end == ' ')
        end++;
    if (*end != '\0' || v < 101 || v > 999)
        return -1;
    *code = (int)v;
    return 0;
}

static int header_index(char **fields, size_t n, const char *const *names)
{
    for (const char *const *want = names; *want; want++)
        for (size_t i = 0; i < n; i++) {
            const char *f = fields[i];
            while (*f == ' ')
                f++;
            if (strcmp(f, *want) == 0)
                return (int)i;
        }
    return -1;
}

int synth_load_municipalities(synth_municipalities *ms, const char *csv_path)
{
    memset(ms, 0, sizeof *ms);
    if (!csv_path) {
        for (size_t i = 0; i < N_BUILTIN; i++) {
            ms->m[i].code = builtin_municipalities[i].code;
            snprintf(ms->m[i].name, sizeof ms->m[i].name, "%s", builtin_municipalities[i].name);
        }
        ms->n = N_BUILTIN;
        builtin_weights(ms);
        return 0;
    }
    FILE *f = fopen(csv_path, "rb");
    if (!f) {
        fprintf(stderr, "paroer-synth: %s: %s\n", csv_path, strerror(errno));
        return SYNTH_EIO;
    }
    char line[1024];
    char *fields[16];
    int ci = -1, ni = -1;
    unsigned lineno = 0;
    int rc = 0;
    while (fgets(line, sizeof line, f)) {
        lineno++;
        chomp(line);
        if (line[0] == '\0' || line[0] == '#')
            continue;
        size_t nf = csv_split(line, fields, 16);
        if (ci < 0) {
            static const char *const code_names[] = {"code", "kode", "municipality", NULL};
            static const char *const name_names[] = {"name", "navn", NULL};
            ci = header_index(fields, nf, code_names);
            ni = header_index(fields, nf, name_names);
            if (ci < 0) {
                fprintf(stderr, "paroer-synth: %s:%u: error: header has no 'code' column\n", csv_path, lineno);
                rc = 1;
                break;
            }
            continue;
        }
        int code;
        if ((size_t)ci >= nf || parse_code(fields[ci], &code) != 0) {
            fprintf(stderr, "paroer-synth: %s:%u: error: bad municipality code\n", csv_path, lineno);
            rc = 1;
            break;
        }
        int dup = 0;
        for (size_t i = 0; i < ms->n; i++)
            dup |= ms->m[i].code == code;
        if (dup) {
            fprintf(stderr, "paroer-synth: %s:%u: error: duplicate municipality %d\n", csv_path, lineno, code);
            rc = 1;
            break;
        }
        if (ms->n == SYNTH_MAX_MUNICIPALITIES) {
            fprintf(stderr, "paroer-synth: %s:%u: error: too many municipalities\n", csv_path, lineno);
            rc = 1;
            break;
        }
        synth_municipality *m = &ms->m[ms->n++];
        m->code = code;
        const char *name = (ni >= 0 && (size_t)ni < nf && fields[ni][0]) ? fields[ni] : NULL;
        if (!name) /* fall back on the built-in name, else the code */
            for (size_t i = 0; i < N_BUILTIN; i++)
                if (builtin_municipalities[i].code == code)
                    name = builtin_municipalities[i].name;
        if (name)
            snprintf(m->name, sizeof m->name, "%s", name);
        else
            snprintf(m->name, sizeof m->name, "%d", code);
    }
    if (ferror(f)) {
        fprintf(stderr, "paroer-synth: %s: read error\n", csv_path);
        rc = SYNTH_EIO;
    }
    fclose(f);
    if (rc)
        return rc;
    if (ms->n == 0) {
        fprintf(stderr, "paroer-synth: %s: error: no municipalities\n", csv_path);
        return 1;
    }
    builtin_weights(ms);
    return 0;
}

int synth_load_population_weights(synth_municipalities *ms, const char *csv_path)
{
    FILE *f = fopen(csv_path, "rb");
    if (!f) {
        fprintf(stderr, "paroer-synth: %s: %s\n", csv_path, strerror(errno));
        return SYNTH_EIO;
    }
    uint32_t w[SYNTH_MAX_MUNICIPALITIES] = {0};
    char line[4096];
    char *fields[32];
    int ci = -1, ai = -1;
    unsigned lineno = 0;
    int rc = 0;
    while (fgets(line, sizeof line, f)) {
        lineno++;
        chomp(line);
        if (line[0] == '\0' || line[0] == '#')
            continue;
        size_t nf = csv_split(line, fields, 32);
        if (ci < 0) {
            static const char *const code_names[] = {"code", "kode", "municipality", NULL};
            static const char *const adult_names[] = {"adults", "population", "residents", "weight", NULL};
            ci = header_index(fields, nf, code_names);
            ai = header_index(fields, nf, adult_names);
            if (ci < 0 || ai < 0) {
                fprintf(stderr, "paroer-synth: %s:%u: error: header needs a 'code' and an 'adults' column\n",
                        csv_path, lineno);
                rc = 1;
                break;
            }
            continue;
        }
        int code;
        char *end;
        if ((size_t)ci >= nf || (size_t)ai >= nf || parse_code(fields[ci], &code) != 0) {
            fprintf(stderr, "paroer-synth: %s:%u: error: bad row\n", csv_path, lineno);
            rc = 1;
            break;
        }
        unsigned long v = strtoul(fields[ai], &end, 10);
        if (end == fields[ai] || *end != '\0' || v == 0 || v > 4000000000ul) {
            fprintf(stderr, "paroer-synth: %s:%u: error: bad adult population '%s'\n", csv_path, lineno, fields[ai]);
            rc = 1;
            break;
        }
        size_t i;
        for (i = 0; i < ms->n && ms->m[i].code != code; i++)
            ;
        if (i == ms->n) {
            fprintf(stderr, "paroer-synth: %s:%u: error: unknown municipality %d\n", csv_path, lineno, code);
            rc = 1;
            break;
        }
        w[i] = (uint32_t)v;
    }
    fclose(f);
    if (rc)
        return rc;
    for (size_t i = 0; i < ms->n; i++)
        if (w[i] == 0) {
            fprintf(stderr, "paroer-synth: %s: error: no adult population for municipality %d\n",
                    csv_path, ms->m[i].code);
            return 1;
        }
    for (size_t i = 0; i < ms->n; i++)
        ms->m[i].weight = w[i];
    ms->weight_source = csv_path;
    return 0;
}
