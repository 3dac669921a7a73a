"""A page gzipped from parts compressed apart, with values between them, reads as one."""

import gzip
import zlib

import pytest

from portal.core import gzip_splice


def spliced(parts, values):
    return gzip_splice.join(parts, gzip_splice.compress_parts(parts), values)


@pytest.mark.parametrize(("parts", "values"), [
    ([b"<html>" * 500, b"</form>", b"<footer>" * 300], [b"a" * 64, b"b" * 36]),
    ([b"only one part"], []),
    ([b"", b"", b""], [b"", b"x"]),
    ([b"before", b"after"], [b"v" * 200_000]),  # more than one stored block holds
    (["Åse Ærø-Østergård".encode(), b"."], ["æøå".encode()]),
])
def test_the_joined_gzip_reads_as_the_parts_with_the_values_between(parts, values):
    expected = b"".join(part + value for part, value in zip(parts, [*values, b""], strict=True))

    joined = spliced(parts, values)
    reader = zlib.decompressobj(zlib.MAX_WBITS | 16)

    assert gzip.decompress(joined) == expected
    assert reader.decompress(joined) == expected
    assert reader.eof and not reader.unused_data


def test_the_size_does_not_depend_on_what_the_values_are():
    parts = [b"<input name=csrfmiddlewaretoken value=", b"> " * 1000 + b"abcabc"]

    sizes = {len(spliced(parts, [value])) for value in (b"abcabcabc", b"zq8Xw1LmP")}

    assert len(sizes) == 1
