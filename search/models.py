"""What the search remembers: only query texts that found nothing, and how often.

Popular queries are kept by ``wagtail.contrib.search_promotions`` (``Query``
with daily hits); this adds the other half editors need to see what content is
missing. No visitor, session or address is stored with a query.
"""

from django.db import IntegrityError, models, transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.search.utils import MAX_QUERY_STRING_LENGTH, normalise_query_string


class ZeroResultQuery(models.Model):
    query_string = models.CharField(_("søgning"), max_length=MAX_QUERY_STRING_LENGTH, unique=True)
    count = models.PositiveIntegerField(_("antal gange"), default=0)
    last_seen = models.DateTimeField(_("senest"), default=timezone.now, db_index=True)

    class Meta:
        verbose_name = _("søgning uden resultater")
        verbose_name_plural = _("søgninger uden resultater")
        ordering = ["-count", "-last_seen"]

    def __str__(self):
        return self.query_string

    @classmethod
    def record(cls, query_string, times=1):
        query_string = normalise_query_string(query_string)
        now = timezone.now()
        existing = cls.objects.filter(query_string=query_string)
        if existing.update(count=F("count") + times, last_seen=now):
            return
        try:
            with transaction.atomic():
                cls.objects.create(query_string=query_string, count=times, last_seen=now)
        except IntegrityError:
            # Another process recorded the same query first.
            cls.objects.filter(query_string=query_string).update(
                count=F("count") + times, last_seen=now
            )
