"""How dates and times read in each of the portal's languages (settings.FORMAT_MODULE_PATH).

Django looks a format name up here first, then in its own locale formats, so each
module holds only what we change or add. Besides Django's own names, the modules
define a few of ours (``WEEKDAY_DATE_FORMAT`` …) for the patterns Django has no name
for; the ``date`` filter and ``formats.date_format`` find them the same way. Every
language must define every one of our names: a name nobody defines is printed as a
pattern (``tests/core/test_date_formats.py`` checks both).
"""
