"""English as Europeans write it: "6 December 2026", "10:00".

Django's English formats are American ("Dec. 6, 2026, 10 a.m.").
"""

DATE_FORMAT = "j F Y"
MONTH_DAY_FORMAT = "j F"
TIME_FORMAT = "H:i"
DATETIME_FORMAT = "j F Y, H:i"
WEEKDAY_DATE_FORMAT = "l j F Y"
WEEKDAY_MONTH_DAY_FORMAT = "l j F"
MONTH_DAY_TIME_FORMAT = "j M, H:i"
