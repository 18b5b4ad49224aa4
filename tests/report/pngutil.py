"""Minimal PNG reading and writing with the standard library only (zlib).

Enough for the report test: decode an 8-bit RGB/RGBA (non-interlaced) PNG as
written by Chromium, count its colours, and crop a band of rows to look at.
"""
import struct
import zlib


def read_png(path):
    """Returns (width, height, channels, rows) where rows is a list of bytes."""
    with open(path, "rb") as f:
        data = f.read()
    if data[:8] != b"\x89PNG\r\n\x1a\n":
        raise ValueError("not a PNG file")
    pos, idat, width = 8, [], None
    while pos < len(data):
        (length,) = struct.unpack(">I", data[pos:pos + 4])
        kind = data[pos + 4:pos + 8]
        body = data[pos + 8:pos + 8 + length]
        pos += 12 + length
        if kind == b"IHDR":
            width, height, depth, ctype, _, _, interlace = struct.unpack(">IIBBBBB", body)
            if depth != 8 or ctype not in (2, 6) or interlace:
                raise ValueError("unsupported PNG (depth %d, colour type %d)" % (depth, ctype))
            channels = 3 if ctype == 2 else 4
        elif kind == b"IDAT":
            idat.append(body)
        elif kind == b"IEND":
            break
    if width is None:
        raise ValueError("PNG without IHDR")
    raw = zlib.decompress(b"".join(idat))
    stride = width * channels
    rows, prev = [], bytearray(stride)
    for y in range(height):
        ftype = raw[y * (stride + 1)]
        line = bytearray(raw[y * (stride + 1) + 1:(y + 1) * (stride + 1)])
        for i in range(stride):
            a = line[i - channels] if i >= channels else 0
            b = prev[i]
            c = prev[i - channels] if i >= channels else 0
            if ftype == 1:
                line[i] = (line[i] + a) & 0xFF
            elif ftype == 2:
                line[i] = (line[i] + b) & 0xFF
            elif ftype == 3:
                line[i] = (line[i] + ((a + b) >> 1)) & 0xFF
            elif ftype == 4:
                p = a + b - c
                pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
                pred = a if pa <= pb and pa <= pc else (b if pb <= pc else c)
                line[i] = (line[i] + pred) & 0xFF
        rows.append(bytes(line))
        prev = line
    return width, height, channels, rows


def write_png(path, width, channels, rows):
    """Writes rows (bytes, unfiltered) as an 8-bit RGB or RGBA PNG."""
    ctype = 2 if channels == 3 else 6

    def chunk(kind, body):
        return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body) & 0xFFFFFFFF)

    raw = b"".join(b"\x00" + r for r in rows)
    with open(path, "wb") as f:
        f.write(b"\x89PNG\r\n\x1a\n")
        f.write(chunk(b"IHDR", struct.pack(">IIBBBBB", width, len(rows), 8, ctype, 0, 0, 0)))
        f.write(chunk(b"IDAT", zlib.compress(raw, 6)))
        f.write(chunk(b"IEND", b""))


def stats(width, channels, rows, step=4):
    """(distinct colours, share of pixels that are not near-white), sampling every step-th pixel."""
    colours, nonwhite, total = set(), 0, 0
    for y in range(0, len(rows), step):
        r = rows[y]
        for x in range(0, width, step):
            px = r[x * channels:x * channels + 3]
            colours.add(px)
            total += 1
            if min(px) < 235:
                nonwhite += 1
    return len(colours), (nonwhite / total if total else 0.0)


if __name__ == "__main__":
    import sys
    if len(sys.argv) == 5 and sys.argv[1] == "crop":
        w, h, ch, rows = read_png(sys.argv[2])
        y0, y1 = (int(v) for v in sys.argv[3].split(":"))
        write_png(sys.argv[4], w, ch, rows[y0:min(y1, h)])
    else:
        w, h, ch, rows = read_png(sys.argv[1])
        print(w, h, ch, stats(w, ch, rows))
