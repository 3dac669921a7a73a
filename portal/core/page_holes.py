"""Pages kept whole although they hold a form: the few values each visitor gets new.

A page with a form (an opportunity's "Jeg vil gerne hjælpe") is the same for
every visitor except a handful of values: the CSRF token, and the form's
one-time token and signed start time. Whatever renders such a value declares
it with ``keep_apart``, naming a function that makes a fresh one. The page
cache keeps the page cut at those values and, for every visitor it serves the
kept page to, fills in fresh ones: each gets a token of their own and their
own CSRF cookie, as if the page had been made for them. The fixed parts are
kept gzipped too, so a visitor's copy is joined, not compressed
(``gzip_splice``).

Such a response stays private to its visitor (``Cache-Control: private``);
only the server shares the kept copy. Compressing it is safe from BREACH:
the secrets in it (a masked CSRF token, a one-time token) differ in every
response and, in gzip, are not compressed at all, so the size of a response
gives nothing away.
"""

import re
import secrets
from functools import cache
from typing import NamedTuple

from django.middleware.csrf import CSRF_ALLOWED_CHARS, CSRF_SECRET_LENGTH, get_token
from django.utils.module_loading import import_string

from . import gzip_splice

HOLES_ATTRIBUTE = "page_holes"


def keep_apart(request, values, refill):
    """Let the page being made be kept although it shows ``values`` made for this visitor.

    ``values`` is ``{name: text as rendered}``; ``refill`` the dotted path of a
    function ``(request) -> {name: fresh text}`` for every later visitor.
    """
    holes = getattr(request, HOLES_ATTRIBUTE, None)
    if holes is None:
        holes = []
        setattr(request, HOLES_ATTRIBUTE, holes)
    holes.append((refill, values))


def csrf_token(request):
    """This visitor's CSRF token, for a form on a page that may be kept."""
    token = get_token(request)
    keep_apart(request, {"csrf": token}, "portal.core.page_holes.fresh_csrf_token")
    return token


def fresh_csrf_token(request):
    """What ``get_token`` gives, drawn from one read of the OS's random source.

    Django draws a new visitor's secret and every token's mask one character at
    a time, 64 reads of ``os.urandom``: a third of the time it takes to serve a
    kept form page. The secret (the visitor's cookie, or a new one) and the mask
    are the same as Django's: uniform over its alphabet, from the same source,
    masked as its ``_mask_cipher_secret`` does, so its middleware checks them as
    its own (``tests/core/test_kept_forms.py`` posts them back).
    """
    secret = request.META.get("CSRF_COOKIE")
    if secret:
        mask = _random_chars(CSRF_SECRET_LENGTH)
    else:
        drawn = _random_chars(2 * CSRF_SECRET_LENGTH)
        secret, mask = drawn[:CSRF_SECRET_LENGTH], drawn[CSRF_SECRET_LENGTH:]
        request.META["CSRF_COOKIE"] = secret
    # As get_token does: send the cookie again, new or renewed.
    request.META["CSRF_COOKIE_NEEDS_UPDATE"] = True
    return {"csrf": mask + _cipher(secret, mask)}


_ALPHABET_SIZE = len(CSRF_ALLOWED_CHARS)
_POSITION = {char: position for position, char in enumerate(CSRF_ALLOWED_CHARS)}
# The largest multiple of the alphabet's size in a byte: bytes from it up are
# dropped, so every character is equally likely.
_UNBIASED_BELOW = 256 - 256 % _ALPHABET_SIZE


def _random_chars(count):
    chars = []
    while len(chars) < count:
        chars.extend(CSRF_ALLOWED_CHARS[byte % _ALPHABET_SIZE]
                     for byte in secrets.token_bytes(count + 8) if byte < _UNBIASED_BELOW)
    return "".join(chars[:count])


def _cipher(secret, mask):
    return "".join(CSRF_ALLOWED_CHARS[(_POSITION[x] + _POSITION[y]) % _ALPHABET_SIZE]
                   for x, y in zip(secret, mask, strict=True))


def has_holes(request):
    return bool(getattr(request, HOLES_ATTRIBUTE, None))


class CutPage(NamedTuple):
    """A page's content cut at the values made for its visitor, as it is kept."""

    parts: tuple  # the fixed bytes before, between and after the values
    holes: tuple  # (index of its refill, value name) for each gap between two parts
    refills: tuple  # dotted paths of the functions that make fresh values
    gzipped_parts: tuple  # the parts deflated apart (``gzip_splice``)


_MARKER = re.compile(rb"\x00page-hole:(\d+):(\w+)\x00")


def _marker(index, name):
    return f"\x00page-hole:{index}:{name}\x00".encode()


def cut_out(request, content):
    """``content`` cut at this visitor's values, to be filled in for every later one."""
    refills = []
    for index, (refill, values) in enumerate(getattr(request, HOLES_ATTRIBUTE)):
        for name, value in values.items():
            content = content.replace(str(value).encode(), _marker(index, name))
        refills.append(refill)
    pieces = _MARKER.split(content)
    parts = tuple(pieces[0::3])
    holes = tuple((int(index), name.decode())
                  for index, name in zip(pieces[1::3], pieces[2::3], strict=True))
    return CutPage(parts, holes, tuple(refills), gzip_splice.compress_parts(parts))


def fresh_values(request, cut):
    """New values for ``request``'s visitor, one for each of ``cut``'s holes."""
    made = [_refill(path)(request) for path in cut.refills]
    return [str(made[index][name]).encode() for index, name in cut.holes]


def filled_in(cut, values):
    return b"".join(part + value for part, value in zip(cut.parts, [*values, b""], strict=True))


def gzipped(cut, values):
    return gzip_splice.join(cut.parts, cut.gzipped_parts, values)


@cache
def _refill(path):
    return import_string(path)
