"""Danish, as the portal has always written it: "6. december 2026", "kl. 10.00".

Django's Danish DATETIME_FORMAT and SHORT_* formats stay as they are: the admin
and its exports use them.
"""

DATE_FORMAT = "j. F Y"
MONTH_DAY_FORMAT = "j. F"
# Danish writes the hour with a full stop ("kl. 10.00"); Django's Danish has "H:i".
TIME_FORMAT = "H.i"
WEEKDAY_DATE_FORMAT = "l j. F Y"
WEEKDAY_MONTH_DAY_FORMAT = "l j. F"
MONTH_DAY_TIME_FORMAT = r"j. b \k\l. H.i"
