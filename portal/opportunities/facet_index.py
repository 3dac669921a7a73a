"""How many results each filter choice would give, counted in memory.

Counts are disjunctive: a choice's number counts the results of every *other*
filter that has that choice, so ticking a second municipality adds exactly
its number to the results.

Counting in SQL means reading every open opportunity and its taxonomies for
each new combination of filters (hundreds of milliseconds at 100,000). So the
open opportunities are read once into a ``FacetIndex``: each one gets a bit
position, and each facet value (a municipality, a region, a commitment, "no
child certificate needed", ...) a Python integer with the bits of its
opportunities set. A filter is then the OR of its chosen values' bits,
a count the number of bits set in an AND — a few microseconds per choice.

The index is rebuilt when an opportunity, its taxonomies or its shifts change
(a new listing version) and each day (expiry). A process keeps the index of
the current version in memory and shares it through the cache, so one build
serves every worker. Free text and dates are not facets: they are asked of the
database, as ids, only when they are used, and the answer is kept with the
index for the next request that asks the same (``FacetIndex.bits_where``).
"""

import re
import threading
import time
import uuid
from array import array
from collections import OrderedDict, defaultdict
from dataclasses import dataclass, field
from functools import cached_property

from django.core.cache import cache
from django.db.models import BooleanField, ExpressionWrapper, Value
from django.utils import timezone

from portal.core.page_cache import TrustedRead

from .filters import BOOLEAN_CONDITIONS, M2M_FILTERS, NEWEST_FIRST, taxonomy_choices
from .models import OpportunityPage

TOTAL = "total"
VERSION_KEY = "opportunities:listing-version"
INDEX_CACHE_SECONDS = 24 * 60 * 60
BOOLEAN_FACETS = tuple(BOOLEAN_CONDITIONS)
FACETS = (*M2M_FILTERS, "region", "type", *BOOLEAN_FACETS)
ONE = re.compile("1")
SKIP_CHUNK = 4096
# Answers for free text and dates kept with each index: at 100,000 open
# opportunities each is at most 12.5 kB.
KEPT_CONDITIONS = 200
# While the cache is unreachable there is no version to share: each process
# builds its own index again this often, and at once after a change it made.
UNSHARED_INDEX_SECONDS = 60
_kept_lock = threading.Lock()

_local = {}
# Like the page cache's generation: a change made on another app server shows
# within this time.
VERSION_TRUSTED_SECONDS = 0.5
_version_read = TrustedRead(VERSION_TRUSTED_SECONDS)


def listing_version():
    """A token that changes whenever the open opportunities may have changed.

    Random rather than a counter, so a cache that is emptied cannot hand out
    an old version again while a process still holds that version's index.
    A version read from the cache is trusted for ``VERSION_TRUSTED_SECONDS``
    (a change made in this process shows at once).
    """
    version = _version_read.trusted()
    if version is not None:
        return version
    version = cache.get(VERSION_KEY)
    if version is None:
        cache.add(VERSION_KEY, uuid.uuid4().hex, timeout=None)
        version = cache.get(VERSION_KEY)
    if version is None:  # the cache is unreachable (``portal.core.cache``)
        return f"unshared-{int(time.monotonic() // UNSHARED_INDEX_SECONDS)}"
    _version_read.remember(version)
    return version


def listing_changed(**kwargs):
    """Retire the facet index: an opportunity, its taxonomies or its shifts changed."""
    version = uuid.uuid4().hex
    cache.set(VERSION_KEY, version, timeout=None)
    forget_local_index()
    return version


def forget_local_index():
    """Let go of this process's copy; the next request takes the shared one or builds it."""
    _local.clear()
    _version_read.forget()


@dataclass
class FacetIndex:
    """The open opportunities as bit positions, and per facet value the bits of its own.

    Positions follow the listing's default order (newest first), so the
    results' bits, read from the lowest, are the default listing.
    """

    ids: array  # position -> opportunity id; 8 bytes each, not a Python int each
    values: dict = field(default_factory=dict)  # facet name -> {key: bits}

    @property
    def everyone(self):
        return (1 << len(self.ids)) - 1

    def ids_at(self, bits, start=0, stop=None):
        """The ids of the set bits numbered ``start`` to ``stop`` (the first is 0), in order.

        Bits follow the listing's default order, so these are a page of it.
        Chunks of the binary digits are counted (in C) to skip ahead instead
        of visiting each set bit before ``start``.
        """
        digits = bin(bits)[2:][::-1]  # bit 0 first
        offset = seen = 0
        while offset < len(digits):
            ones = digits.count("1", offset, offset + SKIP_CHUNK)
            if seen + ones > start:
                break
            seen += ones
            offset += SKIP_CHUNK
        ids = []
        for found in ONE.finditer(digits, offset):
            if stop is not None and seen >= stop:
                break
            if seen >= start:
                ids.append(self.ids[found.start()])
            seen += 1
        return ids

    def bits_of(self, ids):
        """The bits of the given opportunity ids (those not open are ignored)."""
        positions = self.positions
        return _bits(positions[pk] for pk in ids if pk in positions)

    @cached_property
    def positions(self):
        """Opportunity id -> bit position; made once per process, not per request."""
        return {pk: number for number, pk in enumerate(self.ids)}

    def bits_where(self, key, ids, keep=lambda: True):
        """The bits of the opportunities ``ids()`` names, kept under ``key``
        (if ``keep()`` says so afterwards) for the next request with the same
        conditions.

        Free text and dates are asked of the database: with a common word that
        reads most of the search index (250 ms at 100,000). A visitor paging
        through the results, or ticking a filter, asks again with the same
        text. What this index keeps goes with it when an opportunity changes.
        """
        with _kept_lock:
            bits = self.kept.get(key)
            if bits is not None:
                self.kept.move_to_end(key)
                return bits
        bits = self.bits_of(ids())
        if keep():
            with _kept_lock:
                self.kept[key] = bits
                while len(self.kept) > KEPT_CONDITIONS:
                    self.kept.popitem(last=False)
        return bits

    @cached_property
    def kept(self):
        return OrderedDict()

    def __getstate__(self):
        # The shared copy leaves out what each process derives or keeps itself.
        return {name: value for name, value in self.__dict__.items()
                if name not in ("positions", "kept")}

    @classmethod
    def build(cls):
        """Two queries: the open opportunities, and their taxonomies in one UNION."""
        open_rows = OpportunityPage.objects.open().order_by(*NEWEST_FIRST)
        rows = open_rows.values_list(
            "pk", "commitment",
            *(ExpressionWrapper(condition, output_field=BooleanField())
              for condition in BOOLEAN_CONDITIONS.values()),
        )
        found = defaultdict(list)  # (facet name, key) -> bit numbers
        ids = array("q")
        for number, (pk, commitment, *flags) in enumerate(rows):
            ids.append(pk)
            found["type", commitment].append(number)
            for name, flag in zip(BOOLEAN_FACETS, flags, strict=True):
                if flag:
                    found[name, "1"].append(number)
        index = cls(ids=ids)
        position = index.positions
        links = None
        for name, (relation, column) in M2M_FILTERS.items():
            through = getattr(OpportunityPage, relation).through
            part = through.objects.filter(
                opportunitypage_id__in=open_rows.values("pk")
            ).values_list(Value(name), column, "opportunitypage_id")
            links = part if links is None else links.union(part, all=True)
        for name, value, pk in links:
            found[name, value].append(position[pk])

        values = {name: {} for name in FACETS}
        for (name, key), numbers in found.items():
            values[name][str(key)] = _bits(numbers)
        # A region is the union of its municipalities: no row needs reading twice.
        for row in taxonomy_choices()["kommune"]:
            bits = values["kommune"].get(str(row["id"]), 0)
            region = str(row["region_id"])
            values["region"][region] = values["region"].get(region, 0) | bits
        index.values = values
        return index


def _bits(numbers):
    """An integer with the given bit numbers set.

    Written as a string of binary digits and parsed once: setting bits one by
    one on an integer would copy it each time.
    """
    numbers = list(numbers)
    if not numbers:
        return 0
    digits = bytearray(b"0" * (max(numbers) + 1))
    for number in numbers:
        digits[number] = 49  # "1"
    digits.reverse()
    return int(digits, 2)


def current_index(version=None):
    """The facet index of the current listing version and day: local, shared, or built."""
    # The facets are part of the key: an index that a process of the previous release
    # shared (without a facet added since) is never taken for this release's.
    key = (f"opportunities:facet-index:{','.join(FACETS)}:{version or listing_version()}:"
           f"{timezone.localdate()}")
    if _local.get("key") == key:
        return _local["index"]
    index = cache.get(key)
    if index is None:
        index = FacetIndex.build()
        cache.set(key, index, INDEX_CACHE_SECONDS)
    _local.update(key=key, index=index)
    return index


def facet_counts(filterset, base, index=None):
    """{facet name: {key: count}}, where key is a taxonomy id, a commitment or '1'.

    ``TOTAL`` holds the number of results with every filter applied; the
    returned ``FacetCounts`` also knows which opportunities those are.
    """
    index = index or current_index()
    applied = filterset.applied()
    chosen = {name: _filter_bits(filterset, name, index) for name in applied if name in FACETS}
    rest = [name for name in applied if name not in FACETS]
    narrowed = index.everyone
    if rest:
        key = tuple((name, str(filterset.values[name])) for name in rest)

        def ids():
            if rest == ["q"] and filterset.text_search.ids is not None:
                # The search's own ids: the index leaves out those not open.
                return filterset.text_search.ids
            conditions = [filterset.condition(name) for name in rest]
            return base.order_by().filter(*conditions).values_list("pk", flat=True)

        # A substring match standing in for a failed search is not kept.
        narrowed = index.bits_where(
            key, ids, keep=lambda: "q" not in rest or filterset.text_search.exact
        )

    def others(name):
        bits = narrowed
        for other, other_bits in chosen.items():
            if other != name:
                bits &= other_bits
        return bits

    counts = {}
    for name in FACETS:
        within = others(name)
        counts[name] = {
            key: (bits & within).bit_count() for key, bits in index.values[name].items()
        }
    matching = others(None)
    counts[TOTAL] = matching.bit_count()
    return FacetCounts(counts, index, matching)


class FacetCounts(dict):
    """The counts by facet (and ``TOTAL``), and which opportunities pass every filter."""

    def __init__(self, counts, index, matching):
        super().__init__(counts)
        self.index = index
        self.matching = matching

    def matching_ids(self, start=0, stop=None):
        """Ids of the results, newest first; ``start`` and ``stop`` cut out a page."""
        return self.index.ids_at(self.matching, start, stop)


def _filter_bits(filterset, name, index):
    """The bits of the opportunities that pass filter ``name``: an OR of its chosen values."""
    values = index.values[name]
    if name in BOOLEAN_FACETS:
        keys = ["1"]
    elif name == "type":
        keys = filterset.values["type"]
    else:
        keys = [str(pk) for pk in filterset.taxonomy_ids(name, filterset.values[name])]
    bits = 0
    for key in keys:
        bits |= values.get(key, 0)
    return bits

