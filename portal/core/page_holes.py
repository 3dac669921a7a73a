"""Pages kept whole although they hold a form: the few values each visitor gets new.

A page with a form (an opportunity's "Jeg vil gerne hjælpe") is the same for
every visitor except a handful of values: the CSRF token, and the form's
one-time token and signed start time. Whatever renders such a value declares
it with ``keep_apart``, naming a function that makes a fresh one. The page
cache keeps the page with those values replaced by markers and, for every
visitor it serves the kept page to, fills in fresh ones: each gets a token of
their own and their own CSRF cookie, as if the page had been made for them.

Such a response stays private to its visitor (``Cache-Control: private``);
only the server shares the kept copy. Compressing it is safe from BREACH:
the secrets in it (a masked CSRF token, a one-time token) differ in every
response, so their compressed size gives nothing away.
"""

from functools import cache

from django.middleware.csrf import get_token
from django.utils.module_loading import import_string

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
    return {"csrf": get_token(request)}


def has_holes(request):
    return bool(getattr(request, HOLES_ATTRIBUTE, None))


def _marker(index, name):
    return f"\x00page-hole:{index}:{name}\x00".encode()


def cut_out(request, content):
    """``(content with this visitor's values as markers, the refills that fill them)``."""
    refills = []
    for index, (refill, values) in enumerate(getattr(request, HOLES_ATTRIBUTE)):
        for name, value in values.items():
            content = content.replace(str(value).encode(), _marker(index, name))
        refills.append(refill)
    return content, refills


def fill_in(request, content, refills):
    """The kept ``content`` with fresh values for ``request``'s visitor."""
    for index, path in enumerate(refills):
        for name, value in _refill(path)(request).items():
            content = content.replace(_marker(index, name), str(value).encode())
    return content


@cache
def _refill(path):
    return import_string(path)
