"""Grants behind published cases, as open data in the 360Giving standard.

The core fields of 360Giving's grants-to-organisations data: CSV with the
standard's column titles, JSON in the shape of its schema
(``{"grants": [...]}``). Organisations are named by their CVR number where
their profile has one, else by an identifier with the site's own prefix.
Only published, public cases; no contact details or other personal data.
"""

import csv

from django.http import HttpResponse, JsonResponse
from django.utils.text import slugify
from django.views.decorators.http import require_GET

from portal.core.csv_cells import spreadsheet_safe
from portal.core.privacy import unrestricted
from portal.core.translations import in_default_locale
from portal.organisations.cvr import org_id
from portal.organisations.models import owners_of

from .models import CaseGrant, CasePage

PREFIX = "360G-bindeled"
CURRENCY = "DKK"
CSV_COLUMNS = [
    ("id", "Identifier"),
    ("title", "Title"),
    ("description", "Description"),
    ("currency", "Currency"),
    ("amountAwarded", "Amount Awarded"),
    ("awardDate", "Award Date"),
    ("plannedStart", "Planned Dates:Start Date"),
    ("plannedEnd", "Planned Dates:End Date"),
    ("recipientId", "Recipient Org:Identifier"),
    ("recipientName", "Recipient Org:Name"),
    ("funderId", "Funding Org:Identifier"),
    ("funderName", "Funding Org:Name"),
    ("programmeTitle", "Grant Programme:Title"),
    ("programmeUrl", "Grant Programme:URL"),
]


def organisation_identifier(organisation):
    """Its CVR identifier (``DK-CVR-…``) where the site knows it, else one of the site's own,
    stable for as long as the organisation's page exists."""
    if organisation.cvr:
        return org_id(organisation.cvr)
    return f"{PREFIX}-org-{organisation.pk}"


def funder_identifier(grant):
    if grant.funder_id:
        return organisation_identifier(grant.funder)
    return f"{PREFIX}-funder-{slugify(grant.funder_name)}"


def published_grants():
    """Grants on live, public cases, with what the export names fetched alongside."""
    cases = in_default_locale(unrestricted(CasePage.objects.live())).values("pk")
    return (
        CaseGrant.objects.filter(case__in=cases)
        .select_related("case", "funder", "call")
        .order_by("case__title", "sort_order", "pk")
    )


def grant_records(request):
    """One flat record per grant; a fixed number of queries however many there are."""
    grants = list(published_grants())
    owners = owners_of([grant.case for grant in grants])
    records = []
    for grant in grants:
        recipient = owners.get(grant.case.pk)
        call = grant.call if grant.call and grant.call.live else None
        records.append({
            "id": f"{PREFIX}-{grant.pk}",
            "title": grant.case.title,
            "description": grant.case.summary,
            "currency": CURRENCY,
            "amountAwarded": grant.amount,
            "awardDate": grant.start_date.isoformat(),
            "plannedStart": grant.start_date.isoformat(),
            "plannedEnd": grant.end_date.isoformat() if grant.end_date else "",
            "recipientId": organisation_identifier(recipient) if recipient else "",
            "recipientName": recipient.title if recipient else "",
            "funderId": funder_identifier(grant),
            "funderName": grant.funder_title,
            "programmeTitle": call.title if call else "",
            "programmeUrl": call.get_full_url(request) if call else "",
        })
    return records


def as_360giving(record):
    """A record in the JSON shape of the 360Giving schema."""
    grant = {
        "id": record["id"],
        "title": record["title"],
        "description": record["description"],
        "currency": record["currency"],
        "amountAwarded": record["amountAwarded"],
        "awardDate": record["awardDate"],
        "plannedDates": [{"startDate": record["plannedStart"]}
                         | ({"endDate": record["plannedEnd"]} if record["plannedEnd"] else {})],
        "recipientOrganization": [{"id": record["recipientId"], "name": record["recipientName"]}],
        "fundingOrganization": [{"id": record["funderId"], "name": record["funderName"]}],
    }
    if record["programmeTitle"]:
        grant["grantProgramme"] = [
            {"title": record["programmeTitle"], "url": record["programmeUrl"]}
        ]
    return grant


@require_GET
def grants_csv(request):
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="bindeled-bevillinger.csv"'
    # A byte order mark, so spreadsheets read the file as UTF-8 (æ, ø, å).
    response.write("\ufeff")
    writer = csv.writer(response)
    writer.writerow([title for _key, title in CSV_COLUMNS])
    for record in grant_records(request):
        writer.writerow([
            record[key] if isinstance(record[key], int) else spreadsheet_safe(record[key])
            for key, _title in CSV_COLUMNS
        ])
    return response


@require_GET
def grants_json(request):
    grants = [as_360giving(record) for record in grant_records(request)]
    return JsonResponse({"grants": grants}, json_dumps_params={"ensure_ascii": False})

