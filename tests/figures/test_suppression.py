"""Small counts are hidden, and so is whatever would give them away by subtraction.

Every expected answer here is worked out by hand in the comment above it.
"""

from portal.figures.suppression import hidden_cells, table_sums


def test_counts_under_five_are_hidden_and_the_rest_shown():
    # total 23 = yes 12 + no 9 + not yet 2: 2 is hidden; 23 - 12 - 9 would give it back,
    # so the smaller shown part (9) goes too.
    values = {"total": 23, "yes": 12, "no": 9, "not_yet": 2}
    assert hidden_cells(values, [("total", ["yes", "no", "not_yet"])]) == {"not_yet", "no"}


def test_a_sum_with_nothing_small_hides_nothing():
    values = {"total": 30, "a": 10, "b": 20}
    assert hidden_cells(values, [("total", ["a", "b"])]) == set()


def test_a_total_with_one_part_is_hidden_with_it():
    # 3 = 3: the total would show the part.
    assert hidden_cells({"total": 3, "a": 3}, [("total", ["a"])]) == {"total", "a"}


def test_zero_is_under_five_too():
    values = {"total": 12, "a": 12, "b": 0}
    assert hidden_cells(values, [("total", ["a", "b"])]) == {"a", "b"}


def table(cells):
    """A table's values with its totals, and its sums, from ``{(row, column): count}``."""
    rows = sorted({row for row, _column in cells})
    columns = sorted({column for _row, column in cells})
    values = dict(cells)
    for row in rows:
        values[("row", row)] = sum(cells[(row, column)] for column in columns)
    for column in columns:
        values[("column", column)] = sum(cells[(row, column)] for row in rows)
    values["all"] = sum(cells.values())
    sums = table_sums(rows, columns, lambda r, c: (r, c), lambda r: ("row", r),
                      lambda c: ("column", c), "all")
    return values, sums


def test_one_small_cell_in_a_two_by_two_table_hides_all_four_cells_and_no_total():
    #            offer  referral | total
    # January      10       3    |  13
    # February      7       8    |  15
    # total        17      11    |  28
    # 3 is hidden; January's 13 would give it (13 - 10), so 10 goes; the referrals' 11
    # would give it (11 - 8), so 8 goes; then the offers' 17 would give 10 (17 - 7), so 7
    # goes. Every row and column now has two hidden cells; the totals can all be shown.
    values, sums = table({("jan", "offer"): 10, ("jan", "referral"): 3,
                          ("feb", "offer"): 7, ("feb", "referral"): 8})
    assert hidden_cells(values, sums) == {("jan", "offer"), ("jan", "referral"),
                                          ("feb", "offer"), ("feb", "referral")}


def test_the_second_hidden_cell_is_the_smallest_so_least_is_lost():
    #            a    b    c  | total
    # row 1     50    2   20  |  72
    # row 2     40   30   25  |  95
    # total     90   32   45  | 167
    # 2 is hidden; row 1 gives it back, so its smaller shown cell, 20, goes; column b
    # gives 2 back (32 - 30), so 30 goes; column c gives 20 back (45 - 25), so 25 goes;
    # row 2 now has two hidden (30, 25). Column a and the totals stay.
    values, sums = table({(1, "a"): 50, (1, "b"): 2, (1, "c"): 20,
                          (2, "a"): 40, (2, "b"): 30, (2, "c"): 25})
    hidden = hidden_cells(values, sums)
    assert hidden == {(1, "b"), (1, "c"), (2, "b"), (2, "c")}


def test_no_hidden_count_can_be_got_back_from_what_is_shown():
    values, sums = table({(1, "a"): 50, (1, "b"): 2, (1, "c"): 20,
                          (2, "a"): 40, (2, "b"): 30, (2, "c"): 25})
    hidden = hidden_cells(values, sums)
    for total, parts in sums:
        assert sum(key in hidden for key in [total, *parts]) != 1
