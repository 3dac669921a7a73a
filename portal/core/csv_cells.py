"""Text written into CSV files that people open in a spreadsheet."""

# A cell starting with one of these is read as a formula by spreadsheet programs.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def spreadsheet_safe(value):
    """Keep a spreadsheet from reading submitted or edited text as a formula.

    Only CSV needs it: Wagtail writes XLSX cells as strings, which no
    spreadsheet evaluates, and an apostrophe there would become part of the value.
    """
    text = "" if value is None else str(value)
    return "'" + text if text.startswith(FORMULA_STARTS) else text
