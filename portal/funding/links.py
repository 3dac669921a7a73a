"""What a funding call page shows beside its own fields, in a fixed number of queries.

The cases a call funded are read by the cases app's template tags
(``grant_tags``): this app sits below cases and does not import it.
"""

import datetime

from django.utils import timezone

from portal.core.translations import in_default_locale
from portal.organisations.models import owner_of

from .models import FundingCallIndexPage

SOON_DAYS = 30


def dates_of_today():
    """Today and the end of 'closing soon', as Copenhagen dates, for the templates."""
    today = timezone.localdate()
    return {"today": today, "soon_date": today + datetime.timedelta(days=SOON_DAYS)}


def call_links(call):
    return {
        **dates_of_today(),
        "owner": owner_of(call),
        "call_index": in_default_locale(FundingCallIndexPage.objects.live()).first(),
        "deadline_list": call.sorted_deadlines(),
        "theme_list": list(call.themes.all()),
        "target_group_list": list(call.target_groups.all()),
    }
