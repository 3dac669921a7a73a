"""The listing's RSS feed and the iCalendar feed of application deadlines."""

from django.http import HttpResponse
from django.utils import timezone
from django.utils.feedgenerator import Rss201rev2Feed
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from icalendar import Calendar, Event

from .filters import filtered_calls
from .models import FundingDeadline

FEED_ITEMS = 50
CALENDAR_DEADLINES = 500


def rss_response(index_page, request):
    """Newly published open calls matching the same filters as the listing."""
    filterset = filtered_calls(request)
    calls = (
        filterset.qs.prefetch_related("themes", "deadlines")
        .order_by("-first_published_at", "-pk")[:FEED_ITEMS]
    )
    query = request.META.get("QUERY_STRING", "")
    feed = Rss201rev2Feed(
        title=_("Støttepuljer på Bindeled"),
        link=index_page.get_full_url(request) + (f"?{query}" if query else ""),
        description=_("Åbne støttepuljer og ansøgningsrunder, der passer til dine filtre."),
        language="da",
        feed_url=request.build_absolute_uri(),
    )
    for call in calls:
        url = call.get_full_url(request)
        deadline = call.next_deadline
        description = call.summary
        if deadline:
            description += " " + _("Næste frist: %(date)s.") % {
                "date": date_format(deadline.date, "DATE_FORMAT")}
        feed.add_item(
            title=call.title, link=url, unique_id=url, description=description,
            pubdate=call.first_published_at, updateddate=call.last_published_at,
            categories=[theme.name for theme in call.themes.all()],
        )
    response = HttpResponse(content_type="application/rss+xml; charset=utf-8")
    feed.write(response, "utf-8")
    return response


def deadline_calendar_response(request):
    """Every coming deadline of the calls the listing shows, as all-day events."""
    today = timezone.localdate()
    calls = filtered_calls(request).qs.values("pk")
    deadlines = (
        FundingDeadline.objects.filter(call__in=calls, date__gte=today)
        .select_related("call").order_by("date", "pk")[:CALENDAR_DEADLINES]
    )
    calendar = Calendar()
    calendar.add("prodid", "-//Bindeled//Støttepuljer//DA")
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    calendar.add("x-wr-calname", _("Ansøgningsfrister fra Bindeled"))
    calendar.add("x-wr-timezone", "Europe/Copenhagen")
    stamp = timezone.now()
    host = request.get_host().split(":")[0]
    for deadline in deadlines:
        call = deadline.call
        url = call.get_full_url(request)
        event = Event()
        # One UID per deadline row, so a moved date replaces the event in subscribers'
        # calendars instead of adding a second one.
        event.add("uid", f"frist-{deadline.pk}@{host}")
        event.add("dtstamp", stamp)
        event.add("dtstart", deadline.date)
        event.add("summary", _("Ansøgningsfrist: %(title)s") % {"title": call.title}
                  + (f" ({deadline.label})" if deadline.label else ""))
        event.add("url", url)
        event.add("description", f"{call.summary}\n{url}")
        event.add("transp", "TRANSPARENT")
        calendar.add_component(event)
    response = HttpResponse(calendar.to_ical(), content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = 'inline; filename="bindeled-stoettefrister.ics"'
    return response
