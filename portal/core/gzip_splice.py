"""Gzip a kept page once, leaving room for the values each visitor gets new.

A kept form page differs between visitors only in a few short values
(``page_holes``); compressing all of it again for every visitor took a third of
the time it took to serve one. Deflate lets one stream be made of pieces: each
fixed part of the page is compressed once, on its own (so nothing in it refers
back past its start), and ends on a byte boundary without ending the stream
(a sync flush). A visitor's values go between the parts as stored,
uncompressed blocks, and the checksum is carried over all of it. What the
client gets is one ordinary gzip member.

The visitor's secrets are stored, not compressed, so the length of a response
says nothing about them (BREACH).
"""

import struct
import zlib

# Gzip's header: deflate, no name or time, unknown operating system.
_HEADER = b"\x1f\x8b\x08\x00\x00\x00\x00\x00\x00\xff"
# An empty stored block marked final: the end of the deflate stream.
_END = b"\x01\x00\x00\xff\xff"
_STORED_BLOCK_MAX = 0xFFFF


def compress_parts(parts):
    """Each part deflated on its own, ready to be joined by ``join``."""
    return tuple(_deflated(part) for part in parts)


def join(parts, compressed_parts, values):
    """The gzip of ``parts`` with ``values`` between them, from ``compress_parts(parts)``."""
    pieces = [_HEADER]
    checksum = size = 0
    for index, (part, compressed) in enumerate(zip(parts, compressed_parts, strict=True)):
        if index:
            value = values[index - 1]
            pieces.append(_stored(value))
            checksum = zlib.crc32(value, checksum)
            size += len(value)
        pieces.append(compressed)
        checksum = zlib.crc32(part, checksum)
        size += len(part)
    pieces += [_END, struct.pack("<II", checksum, size & 0xFFFFFFFF)]
    return b"".join(pieces)


def _deflated(part):
    compressor = zlib.compressobj(9, zlib.DEFLATED, -zlib.MAX_WBITS)
    return compressor.compress(part) + compressor.flush(zlib.Z_SYNC_FLUSH)


def _stored(value):
    # Each block: a header byte (not final, stored; the stream is byte-aligned
    # here), then the length and its complement.
    return b"".join(
        b"\x00" + struct.pack("<HH", len(chunk), len(chunk) ^ 0xFFFF) + chunk
        for chunk in (value[start:start + _STORED_BLOCK_MAX]
                      for start in range(0, max(len(value), 1), _STORED_BLOCK_MAX))
    )
