"""Small counts are never shown, nor left to be worked out from the counts around them.

A figure is a set of counts and the sums that tie them together (a month's
offers and referrals add up to the month's total; the months add up to the
year's). Any count under ``THRESHOLD`` is hidden (primary suppression). A sum
with exactly one hidden member would give it away by subtraction, so one more
member is hidden: the smallest shown part, or the total if no part is left
(complementary suppression). That repeats until every sum has none or at
least two hidden members. Sums shared between figures of one page (the
year's total per kind appears in two) are solved together, so no figure
shows what another hides.

This is the usual cell-suppression rule of official statistics. It does not
guard against a reader combining several sums at once by linear algebra.
Subtracting one area's page from another's (a region's month minus all but
one of its municipalities' months) is guarded by solving the public areas
together (``across.py``).
"""

THRESHOLD = 5


def hidden_cells(values, sums, threshold=THRESHOLD, forced=()):
    """The keys of ``values`` to hide.

    ``values`` maps a key to a count; ``sums`` is a list of ``(total key, [part
    keys])`` with ``values[total] == sum(values[part] for part in parts)``.
    ``forced`` keys are hidden whatever their count (decided with other pages).
    """
    order = {key: position for position, key in enumerate(values)}
    hidden = {key for key, count in values.items() if count < threshold}
    hidden.update(key for key in forced if key in values)
    changed = True
    while changed:
        changed = False
        for total, parts in sums:
            members = [total, *parts]
            if sum(key in hidden for key in members) != 1:
                continue
            shown_parts = [key for key in parts if key not in hidden]
            candidates = shown_parts or [total]
            hidden.add(min(candidates, key=lambda key: (values[key], order[key])))
            changed = True
    return hidden


def table_sums(rows, columns, cell, row_total, column_total, grand_total):
    """The sums of a table with totals per row, per column and overall.

    ``cell(row, column)``, ``row_total(row)`` and ``column_total(column)`` make keys.
    """
    sums = [(row_total(row), [cell(row, column) for column in columns]) for row in rows]
    sums += [(column_total(column), [cell(row, column) for row in rows]) for column in columns]
    sums.append((grand_total, [row_total(row) for row in rows]))
    sums.append((grand_total, [column_total(column) for column in columns]))
    return sums
