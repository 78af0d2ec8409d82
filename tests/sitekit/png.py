"""Reading a screenshot's pixels without an imaging library."""

from __future__ import annotations

from nqpf.bench.sites import copy_project  # noqa: F401 - the gates copy the project the way the bench does


def png_pixels(data: bytes) -> tuple[int, int, list[bytes], int]:
    """Decode a PNG as Chromium writes it (8-bit RGB or RGBA, not interlaced): (width, height,
    rows of raw pixel bytes, bytes per pixel). Enough to judge a screenshot without an imaging library."""
    import struct
    import zlib

    assert data[:8] == b"\x89PNG\r\n\x1a\n", "not a PNG"
    at, chunks, header = 8, [], None
    while at < len(data):
        length, kind = struct.unpack(">I4s", data[at:at + 8])
        body = data[at + 8:at + 8 + length]
        if kind == b"IHDR":
            header = struct.unpack(">IIBBBBB", body)
        elif kind == b"IDAT":
            chunks.append(body)
        at += 12 + length
    width, height, depth, colour, _, _, interlace = header
    assert depth == 8 and colour in (2, 6) and interlace == 0, f"unsupported PNG: depth {depth}, colour type {colour}"
    bpp = 3 if colour == 2 else 4
    raw = zlib.decompress(b"".join(chunks))
    stride = width * bpp
    rows, previous = [], bytes(stride)
    for y in range(height):
        kind, line = raw[y * (stride + 1)], bytearray(raw[y * (stride + 1) + 1:(y + 1) * (stride + 1)])
        for i in range(stride):
            left = line[i - bpp] if i >= bpp else 0
            up = previous[i]
            corner = previous[i - bpp] if i >= bpp else 0
            if kind == 1:
                line[i] = (line[i] + left) & 0xFF
            elif kind == 2:
                line[i] = (line[i] + up) & 0xFF
            elif kind == 3:
                line[i] = (line[i] + (left + up) // 2) & 0xFF
            elif kind == 4:
                p = left + up - corner
                pa, pb, pc = abs(p - left), abs(p - up), abs(p - corner)
                line[i] = (line[i] + (left if pa <= pb and pa <= pc else up if pb <= pc else corner)) & 0xFF
        rows.append(bytes(line))
        previous = line
    return width, height, rows, bpp


def colours(data: bytes) -> dict[tuple[int, int, int], int]:
    """How many pixels of each colour a PNG screenshot has."""
    from collections import Counter

    width, _, rows, bpp = png_pixels(data)
    counted: Counter = Counter()
    for row in rows:
        counted.update(tuple(row[i:i + 3]) for i in range(0, width * bpp, bpp))
    return dict(counted)
