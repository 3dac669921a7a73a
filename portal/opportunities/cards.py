"""The listing's result cards, kept rendered in the cache between visits.

Twenty cards are most of what an uncached listing costs: reading their rows
(with next shift, organisation, municipalities and picture) and rendering
them. The same card shows in many filter states, so each is kept on its own
and a listing reads rows only for cards it has no copy of.

A kept card is used only in the page-cache generation it was made in (a
publish, unpublish, move, shift, booking or taxonomy change starts a new
one), on the same day, in the same language and position (the first card's
picture loads eagerly), and not after its next shift has begun: from then
on it would name a shift that has started. With the cache unreachable,
every card is rendered from its row, as if nothing were kept.
"""

from dataclasses import dataclass

from django.core.cache import cache
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.safestring import SafeString
from django.utils.translation import get_language

from portal.core.page_cache import current_generation
from portal.core.translations import show_in_language

CARD_SECONDS = 60 * 60


@dataclass(frozen=True)
class Card:
    pk: int
    title: str
    html: SafeString


def listing_cards(request, ids, read_rows):
    """The cards of the opportunities ``ids``, in that order.

    Kept cards come from the cache; ``read_rows(missing_ids)`` gives the rows of
    the others, which are rendered and kept. An id without a row (closed since
    the ids were chosen) has no card.
    """
    generation = current_generation()
    if generation is None:
        return _rendered(request, ids, read_rows(ids), {})
    keys = {pk: _key(generation, pk, first=position == 0) for position, pk in enumerate(ids)}
    now = timezone.now().timestamp()
    kept = {
        pk: Card(pk, title, html)
        for pk, (title, html, valid_until) in _found(keys).items()
        if valid_until is None or now < valid_until
    }
    missing = [pk for pk in ids if pk not in kept]
    rows = read_rows(missing) if missing else []
    cards = _rendered(request, ids, rows, kept)
    # Only the cards made now: a caller may give rows for kept cards too.
    valid_until = {row.pk: _valid_until(row) for row in rows if row.pk not in kept}
    if valid_until:
        cache.set_many({
            keys[card.pk]: (card.title, card.html, valid_until[card.pk])
            for card in cards if card.pk in valid_until
        }, CARD_SECONDS)
    return cards


def _found(keys):
    found = cache.get_many(list(keys.values()))
    return {pk: found[key] for pk, key in keys.items() if key in found}


def _rendered(request, ids, rows, kept):
    """Cards for ``ids``: from ``kept`` where there, else rendered from ``rows``."""
    by_id = {row.pk: row for row in show_in_language(
        [row for row in rows if row.pk not in kept], request)}
    cards = []
    for position, pk in enumerate(ids):
        if pk in kept:
            cards.append(kept[pk])
        elif pk in by_id:
            row = by_id[pk]
            html = render_to_string("opportunities/card.html",
                                    {"opportunity": row, "first": position == 0}, request)
            cards.append(Card(pk, row.title, SafeString(html)))
    return cards


def _key(generation, pk, first):
    return (f"opportunities:card:{generation}:{timezone.localdate()}:{get_language()}:"
            f"{int(first)}:{pk}")


def _valid_until(row):
    next_shift = getattr(row, "next_shift_at", None)
    return next_shift.timestamp() if next_shift else None
