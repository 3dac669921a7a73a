"""An area's figures, built from its counts: rows of cells, small counts hidden.

Every figure is a ``Figure``: a title, a description (the chart's text
alternative), column headings and rows of ``Cell``. The page's table, its
chart and its CSV and JSON downloads are all made from the same ``Figure``, so
they can never disagree, nor one of them show what another hides.
"""

from dataclasses import dataclass, field
from datetime import date

from django.utils import formats
from django.utils.translation import gettext as _

from portal.matching.models import FollowUpAnswer, Kind
from portal.opportunities.models.choices import Commitment

from . import charts
from .suppression import THRESHOLD, hidden_cells, table_sums

KINDS = list(Kind)
ANSWERS = list(FollowUpAnswer)
MATCH_COLUMNS = ("matched", "unmatched")


@dataclass
class Cell:
    value: int | float | None  # None: hidden or not known
    text: str

    @property
    def hidden(self):
        return self.value is None


@dataclass
class Row:
    label: str
    cells: list
    key: str = ""  # the row's label in downloads (a month as 2026-01, a code)


@dataclass
class Figure:
    slug: str
    title: str
    description: str
    row_heading: str
    columns: list
    rows: list = field(default_factory=list)
    note: str = ""
    chart: dict | None = None


def whole(number):
    return formats.number_format(number, force_grouping=True)


def under_threshold():
    return _("under %(threshold)d") % {"threshold": THRESHOLD}


class Ledger:
    """The counts of one page and the sums that tie them; decides once what is hidden."""

    def __init__(self, forced=()):
        self.values = {}
        self.sums = []
        self.forced = forced
        self._hidden = None

    def add(self, key, value):
        self._still_open()
        self.values[key] = value

    def add_sums(self, sums):
        self._still_open()
        self.sums.extend(sums)

    def _still_open(self):
        if self._hidden is not None:
            raise RuntimeError("every count and sum must be in before anything is shown")

    def hidden(self, key):
        if self._hidden is None:
            self._hidden = hidden_cells(self.values, self.sums, forced=self.forced)
        return key in self._hidden

    def count(self, key):
        if self.hidden(key):
            return Cell(None, under_threshold())
        return Cell(self.values[key], whole(self.values[key]))

    def share(self, part, *other_parts):
        """``part`` of the parts together, as a percentage; hidden if any part is."""
        keys = (part, *other_parts)
        if any(self.hidden(key) for key in keys):
            return Cell(None, under_threshold())
        total = sum(self.values[key] for key in keys)
        percent = round(100 * self.values[part] / total)
        return Cell(percent, f"{percent} %")


def median_hours(histogram):
    """The median of ``[(hours, number of requests)]`` and how many requests it is of."""
    total = sum(count for _hours, count in histogram)
    if not total:
        return None, 0
    middle = sorted(histogram)
    wanted = {(total - 1) // 2, total // 2}
    found, seen = [], 0
    for hours, count in middle:
        found += [hours for position in wanted if seen <= position < seen + count]
        seen += count
    return sum(found) / len(found), total


def days_cell(histogram):
    hours, total = median_hours(histogram)
    if total < THRESHOLD:
        return Cell(None, under_threshold())
    days = round(hours / 24, 1)
    return Cell(days, formats.number_format(days, decimal_pos=1))


def month_label(month):
    return formats.date_format(date.fromisoformat(month), "YEAR_MONTH_FORMAT")


def request_ledger(counts, ledger):
    months = counts["months"]
    per = {(row["month"], row["kind"]): row for row in counts["by_month"]}
    for month in months:
        for kind in KINDS:
            ledger.add(("month", month, kind), per.get((month, kind), {}).get("requests", 0))
        ledger.add(("month", month), sum(ledger.values[("month", month, k)] for k in KINDS))
    rows = counts["by_month"]
    for kind in KINDS:
        of_kind = [row for row in rows if row["kind"] == kind]
        requests = sum(row["requests"] for row in of_kind)
        matched = sum(row["matched"] for row in of_kind)
        ledger.add(("kind", kind), requests)
        ledger.add(("matched", kind), matched)
        ledger.add(("unmatched", kind), requests - matched)
    ledger.add(("all",), sum(ledger.values[("kind", kind)] for kind in KINDS))
    for column in MATCH_COLUMNS:
        ledger.add((column, "all"), sum(ledger.values[(column, kind)] for kind in KINDS))
    ledger.add_sums(table_sums(months, KINDS, lambda m, k: ("month", m, k),
                               lambda m: ("month", m), lambda k: ("kind", k), ("all",)))
    ledger.add_sums(table_sums(KINDS, MATCH_COLUMNS, lambda k, c: (c, k), lambda k: ("kind", k),
                               lambda c: (c, "all"), ("all",)))
    for answer in ANSWERS:
        ledger.add(("answer", answer), sum(row[f"answer_{answer}"] for row in rows))
    ledger.add(("answered",), sum(ledger.values[("answer", answer)] for answer in ANSWERS))
    ledger.add_sums([(("answered",), [("answer", answer) for answer in ANSWERS])])


def requests_per_month(counts, ledger):
    figure = Figure(
        "henvendelser", _("Henvendelser pr. måned"),
        _("Søjlediagram over henvendelser pr. måned de seneste 12 måneder, fordelt på tilbud "
          "om hjælp og bestillinger af frivillige. Tallene står i tabellen."),
        _("Måned"), [kind.label for kind in KINDS] + [_("I alt")],
    )
    for month in counts["months"]:
        cells = [ledger.count(("month", month, kind)) for kind in KINDS]
        figure.rows.append(Row(month_label(month), cells + [ledger.count(("month", month))],
                               month[:7]))
    totals = [ledger.count(("kind", kind)) for kind in KINDS] + [ledger.count(("all",))]
    figure.rows.append(Row(_("I alt"), totals, "total"))
    figure.chart = charts.column_chart(figure, series=len(KINDS))
    return figure


def share_matched(counts, ledger):
    figure = Figure(
        "match", _("Andel, der blev et match"),
        _("Liggende søjler med andelen af henvendelser de seneste 12 måneder, der blev et "
          "match, for tilbud, bestillinger og alle. Tallene står i tabellen."),
        _("Type"), [_("Henvendelser"), _("Andel matchet")],
    )
    for key, label, kind in [*[(k.value, k.label, k) for k in KINDS], ("all", _("Alle"), "all")]:
        total = ("kind", kind) if kind != "all" else ("all",)
        figure.rows.append(Row(label, [ledger.count(total),
                                       ledger.share(("matched", kind), ("unmatched", kind))], key))
    figure.chart = charts.bar_chart(figure, column=1, unit="%")
    return figure


def response_times(counts):
    figure = Figure(
        "svartid", _("Dage til første kontakt og til et match"),
        _("Liggende søjler med medianen af dage fra en henvendelse kom ind til første kontakt "
          "og til et match, de seneste 12 måneder. Tallene står i tabellen."),
        _("Type"), [_("Dage til første kontakt (median)"), _("Dage til match (median)")],
        note=_("Medianen vises kun, når den bygger på mindst %(threshold)d henvendelser.")
        % {"threshold": THRESHOLD},
    )
    for key, label, kinds in [*[(k.value, k.label, {k.value}) for k in KINDS],
                              ("all", _("Alle"), set(Kind.values))]:
        cells = [days_cell([(hours, n) for hours, kind, n in counts[name] if kind in kinds])
                 for name in ("hours_to_contact", "hours_to_match")]
        figure.rows.append(Row(label, cells, key))
    figure.chart = charts.bar_chart(figure, column=0, unit=_("dage"))
    return figure


def followup_answers(counts, ledger):
    figure = Figure(
        "opfoelgning", _("Svar på “Blev det et match?”"),
        _("Liggende søjler med antallet af svar på opfølgningsspørgsmålet “Blev det et "
          "match?” de seneste 12 måneder. Tallene står i tabellen."),
        _("Svar"), [_("Antal")],
    )
    for answer in ANSWERS:
        figure.rows.append(Row(answer.label, [ledger.count(("answer", answer))], answer.value))
    figure.rows.append(Row(_("I alt"), [ledger.count(("answered",))], "total"))
    figure.chart = charts.bar_chart(figure, column=0, unit="", leave_out_last=True)
    return figure


def open_opportunities(counts):
    commitments = list(Commitment)
    figure = Figure(
        "opgaver", _("Åbne frivilligopgaver efter aktivitet og tidsforpligtelse"),
        _("Liggende søjler med antallet af åbne frivilligopgaver pr. aktivitet. Tabellen "
          "fordeler dem også på tidsforpligtelse."),
        _("Aktivitet"), [commitment.label for commitment in commitments] + [_("I alt")],
        note=_("En opgave med flere aktiviteter tælles under hver af dem."),
    )
    per = {}
    for activity, commitment, number in counts["open_opportunities"]:
        per.setdefault(activity, {})[commitment] = number
    for activity in sorted(per):
        numbers = [per[activity].get(commitment, 0) for commitment in commitments]
        cells = [Cell(n, whole(n)) for n in [*numbers, sum(numbers)]]
        figure.rows.append(Row(activity, cells, activity))
    figure.chart = charts.bar_chart(figure, column=len(commitments), unit="")
    return figure


def opportunity_detail(counts, ledger):
    """Per opportunity of one organisation: requests and the share matched (admin only)."""
    figure = Figure(
        "opgave-detaljer", _("Pr. frivilligopgave"),
        _("Henvendelser og andel matchet pr. frivilligopgave de seneste 12 måneder."),
        _("Frivilligopgave"), [_("Henvendelser"), _("Andel matchet")],
    )
    rows = sorted(counts["by_opportunity"], key=lambda row: (row[0] is None, row[1] or ""))
    keys = [f"{pk or 0}" for pk, _title, _requests, _matched in rows]
    for key, (_pk, _title, requests, matched) in zip(keys, rows, strict=True):
        ledger.add(("opportunity", key), requests)
        ledger.add(("matched", key), matched)
        ledger.add(("unmatched", key), requests - matched)
    ledger.add_sums(table_sums(keys, MATCH_COLUMNS, lambda o, c: (c, o),
                               lambda o: ("opportunity", o), lambda c: (c, "all"), ("all",)))
    for key, (_pk, title, _requests, _matched) in zip(keys, rows, strict=True):
        label = title or _("Uden frivilligopgave (fx bestillinger)")
        figure.rows.append(Row(label, [ledger.count(("opportunity", key)),
                                       ledger.share(("matched", key), ("unmatched", key))], key))
    return figure


def figures_for(counts, forced=()):
    """Every figure of an area's page, in the page's order; small counts hidden together.

    ``forced``: the counts hidden to keep other pages' hidden counts hidden (``across.py``).
    """
    ledger = Ledger(forced)
    request_ledger(counts, ledger)
    detail = opportunity_detail(counts, ledger) if "by_opportunity" in counts else None
    figures = [open_opportunities(counts), requests_per_month(counts, ledger),
               share_matched(counts, ledger), response_times(counts),
               followup_answers(counts, ledger)]
    return figures + ([detail] if detail else [])
