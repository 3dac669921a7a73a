"""Discovery: the RSS feed, the shift calendars and the page's structured data."""

import json

from django.core.serializers.json import DjangoJSONEncoder
from django.http import HttpResponse
from django.shortcuts import get_object_or_404
from django.utils import timezone
from django.utils.feedgenerator import Rss201rev2Feed
from django.utils.html import strip_tags
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _
from icalendar import Calendar, Event

from .listing import filtered_opportunities
from .models import Shift

FEED_ITEMS = 50
CALENDAR_SHIFTS = 500
# What json_script escapes, so the data cannot end its <script> element early.
JSON_SCRIPT_ESCAPES = {ord(">"): "\\u003E", ord("<"): "\\u003C", ord("&"): "\\u0026"}


def rss_response(index_page, request):
    """New opportunities matching the same filters as the listing."""
    filterset, base = filtered_opportunities(request)
    items = (
        filterset.filter_queryset(base)
        .select_related("owner_organisation")
        .prefetch_related("activities", "municipalities")
        .order_by("-first_published_at", "-pk")[:FEED_ITEMS]
    )
    query = request.META.get("QUERY_STRING", "")
    listing_url = index_page.get_full_url(request) + (f"?{query}" if query else "")
    feed = Rss201rev2Feed(
        title=_("Nye frivilligopgaver på Bindeled"),
        link=listing_url,
        description=_("De nyeste åbne frivilligopgaver, der passer til dine filtre."),
        language="da",
        feed_url=request.build_absolute_uri(),
    )
    for page in items:
        where = _("online") if page.is_online else ", ".join(
            m.localized_name for m in page.municipalities.all()
        )
        feed.add_item(
            title=page.title,
            link=page.get_full_url(request),
            unique_id=page.get_full_url(request),
            description=f"{page.summary} ({page.get_commitment_display()}; {where})",
            pubdate=page.first_published_at,
            updateddate=page.last_published_at,
            author_name=page.owner_organisation.title if page.owner_organisation else None,
            categories=[activity.localized_name for activity in page.activities.all()],
        )
    response = HttpResponse(content_type="application/rss+xml; charset=utf-8")
    feed.write(response, "utf-8")
    return response


def listing_calendar_response(index_page, request):
    """Upcoming shifts of every opportunity matching the listing's filters."""
    filterset, base = filtered_opportunities(request)
    shifts = (
        Shift.objects.upcoming()
        .filter(opportunity__in=filterset.filter_queryset(base).values("pk"))
        .with_places()
        .select_related("opportunity")
        .order_by("starts_at")[:CALENDAR_SHIFTS]
    )
    return _calendar_response(_("Vagter fra Bindeled"), shifts, request, "bindeled-vagter.ics")


def opportunity_calendar_response(page, request):
    shifts = page.source_page.upcoming_shifts().select_related("opportunity")
    return _calendar_response(page.title, shifts, request, f"{page.slug}.ics")


def shift_calendar_response(page, request, shift_id):
    """One upcoming shift as a file to open in a calendar ("Tilføj til kalender").

    Its UID is the one the opportunity's and the listing's calendars give the
    shift, so a calendar that has both keeps one event.
    """
    shift = get_object_or_404(
        page.source_page.upcoming_shifts().select_related("opportunity"), pk=shift_id
    )
    start = timezone.localtime(shift.starts_at)
    filename = f"{page.slug}-{start:%Y-%m-%d-%H%M}.ics"
    return _calendar_response(page.title, [shift], request, filename, disposition="attachment")


def _calendar_response(name, shifts, request, filename, disposition="inline"):
    calendar = Calendar()
    calendar.add("prodid", "-//Bindeled//Frivilligopgaver//DA")
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    calendar.add("x-wr-calname", name)
    calendar.add("x-wr-timezone", "Europe/Copenhagen")
    stamp = timezone.now()
    host = request.get_host().split(":")[0]
    for shift in shifts:
        opportunity = shift.opportunity
        url = opportunity.get_full_url(request)
        places = _("%(left)s af %(capacity)s pladser ledige") % {
            "left": shift.places_left, "capacity": shift.capacity}
        event = Event()
        event.add("uid", f"vagt-{shift.pk}@{host}")
        event.add("dtstamp", stamp)
        event.add("dtstart", shift.starts_at)
        event.add("dtend", shift.ends_at)
        event.add("summary", opportunity.title)
        event.add("location", shift.place or opportunity.place)
        event.add("url", url)
        event.add("description", f"{opportunity.summary}\n{places}\n{url}#tilmelding")
        calendar.add_component(event)
    response = HttpResponse(calendar.to_ical(), content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'{disposition}; filename="{filename}"'
    return response


def structured_data(page, request, shifts):
    """schema.org JSON-LD: a volunteer JobPosting, and an Event per upcoming shift.

    A translation's words, its Danish page's organisation, places and shifts.
    """
    url = page.get_full_url(request)
    source = page.source_page
    organisation = source.organisation
    organisation_data = {"@type": "Organization", "name": organisation.title,
                         "url": organisation.get_full_url(request)}
    if organisation.website:
        organisation_data["sameAs"] = organisation.website
    municipalities = list(source.municipalities.all())
    locations = [
        {"@type": "Place", "name": source.place or municipality.name,
         "address": {"@type": "PostalAddress", "addressLocality": municipality.name,
                     "addressCountry": "DK"}}
        for municipality in municipalities
    ]
    posting = {
        "@type": "JobPosting",
        "title": page.title,
        "description": page.summary,
        "url": url,
        "datePosted": timezone.localtime(page.first_published_at or timezone.now()).date(),
        "employmentType": "VOLUNTEER",
        "hiringOrganization": organisation_data,
        "directApply": True,
        "identifier": {"@type": "PropertyValue", "name": organisation.title, "value": source.pk},
    }
    valid_through = page.application_deadline or page.end_date
    if valid_through:
        posting["validThrough"] = valid_through
    if locations:
        posting["jobLocation"] = locations
    if source.is_online:
        posting["jobLocationType"] = "TELECOMMUTE"
        posting["applicantLocationRequirements"] = {"@type": "Country", "name": "Danmark"}
    shift_address = {"@type": "PostalAddress", "addressCountry": "DK"}
    if municipalities:
        shift_address["addressLocality"] = municipalities[0].name
    events = [
        {
            "@type": "Event",
            "name": page.title,
            "description": strip_tags(page.summary),
            "startDate": shift.starts_at,
            "endDate": shift.ends_at,
            "eventStatus": "https://schema.org/EventScheduled",
            "eventAttendanceMode": "https://schema.org/OfflineEventAttendanceMode",
            "location": {
                "@type": "Place",
                "name": shift.place or source.place or _("Oplyses ved tilmelding"),
                "address": shift_address,
            },
            "organizer": organisation_data,
            "url": f"{url}#tilmelding",
            "isAccessibleForFree": True,
            "maximumAttendeeCapacity": shift.capacity,
            "remainingAttendeeCapacity": shift.places_left,
        }
        for shift in shifts
    ]
    data = {"@context": "https://schema.org", "@graph": [posting, *events]}
    text = json.dumps(data, cls=DjangoJSONEncoder, ensure_ascii=False)
    return mark_safe(text.translate(JSON_SCRIPT_ESCAPES))
