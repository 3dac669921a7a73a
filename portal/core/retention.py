"""Retention and erasure of what people typed outside the match requests.

Personal data lives in ``portal.matching``, but visitors also type names and
addresses into the public search box, and ``search`` keeps its statistics.
Both apps sit at the top and must not import each other, so the two jobs that
``portal.matching`` owns call the hooks registered here instead:

- the retention job (``erase_expired``: command ``erase_expired_requests`` and
  its task) calls ``expire_everywhere(today)``;
- erasure on request (``erase_personal_data``: command and admin view) calls
  ``forget_everywhere(terms)`` with the person's e-mail address and names.

An app holding such data registers its pruning in ``AppConfig.ready()`` with
``register(name, expire=…, forget=…)``. ``expire(today)`` removes what is past
its retention period, ``forget(terms)`` what contains one of the terms; each
returns how many records it removed, reported under ``name``. An app that keeps
data by the person's e-mail address also passes ``export=…``: ``export(email)``
returns what it holds about them, and the export of personal data
(``personal_data``) lists it under ``name``.
"""

from collections.abc import Callable
from dataclasses import dataclass


@dataclass(frozen=True)
class RetentionHook:
    expire: Callable
    forget: Callable
    export: Callable | None = None


_hooks = {}


def register(name, *, expire, forget, export=None):
    _hooks[name] = RetentionHook(expire=expire, forget=forget, export=export)


def expire_everywhere(today):
    """Run every app's retention; returns ``{name: records removed}``."""
    return {name: hook.expire(today) for name, hook in _hooks.items()}


def forget_everywhere(terms):
    """Remove what contains any of the terms in every app; returns ``{name: records removed}``."""
    terms = [term for term in terms if term and term.strip()]
    return {name: hook.forget(terms) for name, hook in _hooks.items()}


def export_everywhere(email):
    """What every app that keeps data by e-mail address holds about this person;
    returns ``{name: records}``."""
    return {name: hook.export(email) for name, hook in _hooks.items() if hook.export}
