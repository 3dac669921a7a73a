"""Opportunities as JSON-LD in the ODI Volunteering Data Standard.

The standard (standard.volunteeringdata.io) nests Organisation → Activity →
Role and Session → Location and Time, under the context
``https://api.volunteeringdata.io/context/v1``; a document with metadata
(licence, publisher, modified) holds its organisations in ``graph``. Mapped
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

MEDIA_TYPE = "application/ld+json"
STANDARD_CONTEXT = "https://api.volunteeringdata.io/context/v1"
# The prefixes the Time objects use, declared here too so the document is read the
# same whether or not the remote context declares them.
CONTEXT = [STANDARD_CONTEXT, {
    "time": "http://www.w3.org/2006/time#",
    "rdfs": "http://www.w3.org/2000/01/rdf-schema#",
}]
VOCABULARY = "https://ns.volunteeringdata.io/"
CVR_REGISTRAR = "https://datacvr.virk.dk"
LICENCE = "CC-BY-4.0"


def document(organisations):
    return {
        "@context": CONTEXT,
        "conformsTo": VOCABULARY,
        "license": LICENCE,
        "modified": timezone.localdate().isoformat(),
        "graph": organisations,
    }


def organisation(record, opportunities):
    """An Organisation with ``opportunities`` as its activities; ``record`` is the API's."""
    node = {"type": "Organisation", "id": record["url"], "name": record["name"]}
    if record.get("summary"):
        node["description"] = record["summary"]
    if record.get("website"):
        node["website"] = record["website"]
    if record.get("cvr"):
        node["charityRegistration"] = [
            {"registrar": CVR_REGISTRAR, "registrationNumber": record["cvr"]}]
    node["activity"] = [activity(opportunity) for opportunity in opportunities]
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
        node["publishStart"] = timezone.localtime(opportunity["published_at"]).date()
    ends = opportunity["application_deadline"] or opportunity["end_date"]
    if ends:
        node["publishEnd"] = ends
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
    text = opportunity["commitment"]["name"]
    if opportunity["hours"] is not None:
        per = "om ugen" if opportunity["hours_per"] == "week" else "pr. gang"
        text += f", {opportunity['hours']:g} timer {per}"
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


def response(data):
    text = json.dumps(data, cls=DjangoJSONEncoder, ensure_ascii=False)
    return HttpResponse(text, content_type=f"{MEDIA_TYPE}; charset=utf-8")
