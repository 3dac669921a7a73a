"""Opportunities as JSON-LD in the ODI Volunteering Data Standard.

The standard (standard.volunteeringdata.io) nests Organisation → Activity →
Role and Session → Location and Time, under the context
``https://api.volunteeringdata.io/context/v1``; a document with metadata
(licence, publisher, modified) holds its organisations in ``graph``. Every
term used is one the standard's ontology (``https://ns.volunteeringdata.io/``)
defines: its publication dates are ``publishStartDate``/``publishEndDate``, as
there, where the prose of the standard's pages says ``publishStart``. Mapped
here: an opportunity is an Activity with one Role (the volunteer's part:
commitment, minimum age, remote or not, where to apply) and a Session per
upcoming shift (its place and time as an OWL-Time interval) or, without
shifts, per municipality. A child-protection certificate (børneattest) is
given as the standard's ``DBSCheck`` requirement, its nearest equivalent.
The pages keep their schema.org markup; this is for aggregators.
"""

import json

from django.core.serializers.json import DjangoJSONEncoder
from django.http import HttpResponse
from django.utils import timezone
from django.utils.translation import gettext as _

from portal.opportunities.models import HoursPer

MEDIA_TYPE = "application/ld+json"
STANDARD_CONTEXT = "https://api.volunteeringdata.io/context/v1"
VOCABULARY = "https://ns.volunteeringdata.io/"
# Declared here too, since the remote context (as of March 2026) declares none of
# them: ``graph`` as JSON-LD's ``@graph``, as the standard's pages say it is, and
# the prefixes of the Time objects. ``time`` stays the standard's property of a
# Session; only inside its value is ``time:`` OWL-Time's prefix, as the standard's
# examples write it (a property-scoped context, JSON-LD 1.1).
CONTEXT = [STANDARD_CONTEXT, {
    "graph": "@graph",
    "rdfs": "http://www.w3.org/2000/01/rdf-schema#",
    "time": {"@id": f"{VOCABULARY}time",
             "@context": {"time": "http://www.w3.org/2006/time#"}},
}]
CVR_REGISTRAR = "https://datacvr.virk.dk"
LICENCE = "CC-BY-4.0"


def document(request, nodes):
    """The document that publishes ``nodes`` (organisations, or an activity without one)."""
    return {
        "@context": CONTEXT,
        "conformsTo": VOCABULARY,
        "license": LICENCE,
        "publisher": request.build_absolute_uri("/"),
        "modified": timezone.localdate().isoformat(),
        "graph": nodes,
    }


def published(request, organisation_page, opportunities):
    """A document of ``opportunities`` (the API's records), under their organisation."""
    activities = [activity(opportunity) for opportunity in opportunities]
    if organisation_page is None:
        return document(request, activities)
    return document(request, [organisation(request, organisation_page, activities)])


def organisation(request, page, activities):
    """An Organisation (from its page) with ``activities``; its CVR number as its registration."""
    node = {"type": "Organisation", "id": page.get_full_url(request), "name": page.title}
    if page.summary:
        node["description"] = page.summary
    # Its words in its own language; its facts are its Danish page's.
    facts = page.source_page
    if facts.website:
        node["website"] = facts.website
    if facts.cvr:
        node["charityRegistration"] = [{
            "type": "CharityRegistration", "registrar": CVR_REGISTRAR,
            "registrationNumber": facts.cvr}]
    node["activity"] = activities
    return node


def activity(opportunity):
    node = {
        "type": "Activity",
        "id": opportunity["url"],
        "title": opportunity["title"],
        "description": opportunity["summary"],
        "role": [role(opportunity)],
        "session": sessions(opportunity),
    }
    if opportunity["organisation"]:
        node["organisation"] = opportunity["organisation"]["url"]
    if opportunity["published_at"]:
        node["publishStartDate"] = timezone.localtime(opportunity["published_at"]).date()
    ends = opportunity["application_deadline"] or opportunity["end_date"]
    if ends:
        node["publishEndDate"] = ends
    return node


def role(opportunity):
    node = {
        "type": "Role",
        "title": opportunity["title"],
        "description": opportunity["summary"],
        "commitment": commitment(opportunity),
        "applyLink": opportunity["url"] + "#tilmelding",
        "allowsRemoteParticipation": opportunity["is_online"],
    }
    if opportunity["minimum_age"] is not None:
        node["minimumAge"] = str(opportunity["minimum_age"])
    if opportunity["requires_child_certificate"]:
        node["requirement"] = [VOCABULARY + "DBSCheck"]
    return node


def commitment(opportunity):
    """The standard's free-text commitment, in Danish: "Fast, 1,5 timer om ugen"."""
    text = opportunity["commitment"]["name"]
    if opportunity["hours"] is not None:
        hours = f"{opportunity['hours'].normalize():f}".replace(".", ",")
        text += _(", %(hours)s timer %(per)s") % {
            "hours": hours, "per": HoursPer(opportunity["hours_per"]).label}
    return text


def sessions(opportunity):
    where = [municipality["name"] for municipality in opportunity["municipalities"]]
    if opportunity["shifts"]:
        return [
            {"type": "Session",
             "location": location(shift["place"] or opportunity["place"], where[:1]),
             "time": interval(shift["starts_at"], shift["ends_at"])}
            for shift in opportunity["shifts"]
        ]
    period = period_of(opportunity)
    found = []
    for name in where:
        session = {"type": "Session", "location": location(opportunity["place"], [name])}
        if period:
            session["time"] = period
        found.append(session)
    return found


def location(place, municipalities):
    node = {"type": "Location", "name": place or (municipalities[0] if municipalities else "")}
    address = ", ".join([*municipalities, "Danmark"])
    node["address"] = f"{place}, {address}" if place else address
    return node


def interval(starts_at, ends_at):
    start, end = timezone.localtime(starts_at), timezone.localtime(ends_at)
    return {
        "type": "Time",
        "rdfs:label": f"{start:%d.%m.%Y %H.%M}–{end:%H.%M}",
        "time:hasBeginning": {"time:inXSDDateTimeStamp": start.isoformat()},
        "time:hasEnd": {"time:inXSDDateTimeStamp": end.isoformat()},
    }


def period_of(opportunity):
    """The opportunity's dates as an interval of days, or None when it has none."""
    start, end = opportunity["start_date"], opportunity["end_date"]
    if not (start or end):
        return None
    node = {"type": "Time", "rdfs:label": f"{start or ''}–{end or ''}"}
    if start:
        node["time:hasBeginning"] = {"time:inXSDDate": start.isoformat()}
    if end:
        node["time:hasEnd"] = {"time:inXSDDate": end.isoformat()}
    return node


def text(data):
    return json.dumps(data, cls=DjangoJSONEncoder, ensure_ascii=False)


def response(data):
    return HttpResponse(text(data), content_type=f"{MEDIA_TYPE}; charset=utf-8")
