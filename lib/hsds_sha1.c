/* SHA-1 (FIPS 180-4) and name-based UUIDs of version 5 (RFC 4122, section
 * 4.3), for the deterministic ids of the HSDS export. SHA-1 is used here only
 * as RFC 4122 prescribes for version 5, never for security. */
#include "hsds_internal.h"
#include <string.h>

static uint32_t rol(uint32_t x, int n) { return (x << n) | (x >> (32 - n)); }

static void block(pr_sha1 *s, const unsigned char *p)
{
    uint32_t w[80];
    for (int i = 0; i < 16; i++)
        w[i] = (uint32_t)p[4 * i] << 24 | (uint32_t)p[4 * i + 1] << 16 | (uint32_t)p[4 * i + 2] << 8 | p[4 * i + 3];
    for (int i = 16; i < 80; i++) w[i] = rol(w[i - 3] ^ w[i - 8] ^ w[i - 14] ^ w[i - 16], 1);
    uint32_t a = s->h[0], b = s->h[1], c = s->h[2], d = s->h[3], e = s->h[4];
    for (int i = 0; i < 80; i++) {
        uint32_t f, k;
        if (i < 20) { f = (b & c) | (~b & d); k = 0x5A827999u; }
        else if (i < 40) { f = b ^ c ^ d; k = 0x6ED9EBA1u; }
        else if (i < 60) { f = (b & c) | (b & d) | (c & d); k = 0x8F1BBCDCu; }
        else { f = b ^ c ^ d; k = 0xCA62C1D6u; }
        uint32_t t = rol(a, 5) + f + e + k + w[i];
        e = d; d = c; c = rol(b, 30); b = a; a = t;
    }
    s->h[0] += a; s->h[1] += b; s->h[2] += c; s->h[3] += d; s->h[4] += e;
}

void pr_sha1_init(pr_sha1 *s)
{
    s->h[0] = 0x67452301u; s->h[1] = 0xEFCDAB89u; s->h[2] = 0x98BADCFEu; s->h[3] = 0x10325476u;
    s->h[4] = 0xC3D2E1F0u;
    s->bytes = 0;
    s->fill = 0;
}

void pr_sha1_update(pr_sha1 *s, const void *data, size_t len)
{
    const unsigned char *p = data;
    if (!len) return;   /* also when data is NULL (an empty part) */
    s->bytes += len;
    if (s->fill) {
        size_t take = 64 - s->fill < len ? 64 - s->fill : len;
        memcpy(s->buf + s->fill, p, take);
        s->fill += take; p += take; len -= take;
        if (s->fill < 64) return;
        block(s, s->buf);
        s->fill = 0;
    }
    for (; len >= 64; p += 64, len -= 64) block(s, p);
    if (len) { memcpy(s->buf, p, len); s->fill = len; }
}

void pr_sha1_final(pr_sha1 *s, unsigned char out[20])
{
    uint64_t bits = s->bytes * 8u;
    unsigned char pad = 0x80;
    pr_sha1_update(s, &pad, 1);
    unsigned char zero = 0;
    while (s->fill != 56) pr_sha1_update(s, &zero, 1);
    unsigned char len[8];
    for (int i = 0; i < 8; i++) len[i] = (unsigned char)(bits >> (56 - 8 * i));
    pr_sha1_update(s, len, 8);
    for (int i = 0; i < 5; i++) {
        out[4 * i] = (unsigned char)(s->h[i] >> 24); out[4 * i + 1] = (unsigned char)(s->h[i] >> 16);
        out[4 * i + 2] = (unsigned char)(s->h[i] >> 8); out[4 * i + 3] = (unsigned char)s->h[i];
    }
}

void pr_uuid_format(const unsigned char u[16], char out[37])
{
    static const char hex[] = "0123456789abcdef";
    size_t k = 0;
    for (int i = 0; i < 16; i++) {
        if (i == 4 || i == 6 || i == 8 || i == 10) out[k++] = '-';
        out[k++] = hex[u[i] >> 4];
        out[k++] = hex[u[i] & 15];
    }
    out[k] = '\0';
}

void pr_uuid5_parts(const unsigned char ns[16], const char *const *parts, const size_t *lens, size_t n,
                    unsigned char out[16])
{
    pr_sha1 s;
    unsigned char d[20];
    pr_sha1_init(&s);
    pr_sha1_update(&s, ns, 16);
    for (size_t i = 0; i < n; i++) pr_sha1_update(&s, parts[i], lens[i]);
    pr_sha1_final(&s, d);
    memcpy(out, d, 16);
    out[6] = (unsigned char)((out[6] & 0x0F) | 0x50);   /* version 5 */
    out[8] = (unsigned char)((out[8] & 0x3F) | 0x80);   /* RFC 4122 variant */
}

void pr_uuid5(const unsigned char ns[16], const char *name, size_t len, char out[37])
{
    unsigned char u[16];
    pr_uuid5_parts(ns, &name, &len, 1, u);
    pr_uuid_format(u, out);
}

int pr_uuid_parse(const char *s, size_t len, unsigned char out[16])
{
    if (len != 36) return -1;
    size_t k = 0;
    for (size_t i = 0; i < 36; i++) {
        if (i == 8 || i == 13 || i == 18 || i == 23) {
            if (s[i] != '-') return -1;
            continue;
        }
        int v;
        char c = s[i];
        if (c >= '0' && c <= '9') v = c - '0';
        else if (c >= 'a' && c <= 'f') v = c - 'a' + 10;
        else if (c >= 'A' && c <= 'F') v = c - 'A' + 10;
        else return -1;
        if (k % 2 == 0) out[k / 2] = (unsigned char)(v << 4);
        else out[k / 2] |= (unsigned char)v;
        k++;
    }
    return 0;
}
