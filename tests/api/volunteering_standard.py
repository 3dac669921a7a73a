"""What the ODI Volunteering Data Standard defines, kept here so the tests need no network.

The context is the standard's ``https://api.volunteeringdata.io/context/v1`` as
published in March 2026 (volunteeringdata/open-data-infrastructure,
Query/Context/v1.jsonld); the classes and properties are those its ontology
``https://ns.volunteeringdata.io/`` (volunteeringdata/standard,
assets/ttl/ontology*.ttl, version 2026-03-23) declares. The OWL-Time terms are
the W3C's. ``problems`` reads a document the way a JSON-LD processor would
expand its keys and types, and says what would not land on a defined term.
"""

from urllib.parse import urlsplit

CONTEXT_URL = "https://api.volunteeringdata.io/context/v1"
VOCABULARY = "https://ns.volunteeringdata.io/"
PUBLISHED_CONTEXT = {
    "@base": "https://id.volunteeringdata.io/",
    "@vocab": VOCABULARY,
    "id": "@id",
    "type": "@type",
    "value": "@value",
    "applyLink": {"@type": "@id"},
    "latitude": {"@type": "http://www.w3.org/2001/XMLSchema#double"},
    "longitude": {"@type": "http://www.w3.org/2001/XMLSchema#double"},
    "organisation": {"@type": "@id"},
    "website": {"@type": "@id"},
    "activity": {"@container": "@set", "@type": "@id"},
    "contact": {"@container": "@set"},
    "location": {"@container": "@set"},
    "cause": {"@container": "@set"},
    "requirement": {"@container": "@set"},
}
CLASSES = {"Activity", "CharityRegistration", "Location", "Organisation", "Role", "Session",
           "Taxonomy", "Time", "WeekdayTimePeriod"}
PROPERTIES = {
    "activity", "address", "allowsRemoteParticipation", "applyLink", "cause",
    "charityRegistration", "commitment", "conformsTo", "description", "geometry", "image",
    "latitude", "license", "location", "longitude", "maximumAge", "minimumAge", "modified",
    "name", "organisation", "publishEndDate", "publishStartDate", "publisher", "registrar",
    "registrationNumber", "relatedConcept", "requirement", "requiresEmergencyParticipation",
    "reward", "role", "session", "skill", "time", "title", "website",
}
OWL_TIME = {"hasBeginning", "hasEnd", "inXSDDate", "inXSDDateTimeStamp", "inDateTime"}
RDFS = {"label", "comment"}
PREFIX_TERMS = {"http://www.w3.org/2006/time#": OWL_TIME,
                "http://www.w3.org/2000/01/rdf-schema#": RDFS}
# Properties whose value is a node's address, by the context or by the ontology.
ADDRESSES = {"id", "applyLink", "organisation", "website", "conformsTo", "publisher",
             "registrar"}


def merged_context(context, active=None):
    """The active context after ``context``: the standard's where it is named, then ours."""
    active = dict(active or {})
    for entry in context if isinstance(context, list) else [context]:
        if entry == CONTEXT_URL:
            active.update(PUBLISHED_CONTEXT)
        elif isinstance(entry, dict):
            active.update(entry)
        else:
            raise ValueError(f"unknown context {entry!r}")
    return active


DEFINED = ({VOCABULARY + name for name in PROPERTIES}
           | {namespace + name for namespace, names in PREFIX_TERMS.items() for name in names})


def expand(key, active):
    """The address a processor gives ``key`` (a keyword for an alias)."""
    definition = active.get(key)
    if isinstance(definition, str):
        return definition
    if isinstance(definition, dict):
        return definition.get("@id", active["@vocab"] + key)
    if ":" in key:
        prefix, local = key.split(":", 1)
        namespace = active.get(prefix)
        if isinstance(namespace, str) and namespace.endswith(("#", "/")):
            return namespace + local
        return key  # an address of the scheme "prefix:", which nobody defines
    return active["@vocab"] + key


def _absolute(value):
    parts = urlsplit(str(value))
    return parts.scheme in ("http", "https") and bool(parts.netloc)


def problems(document):
    """Everything in ``document`` that the standard does not define, as sentences."""
    found = []

    def walk(node, where, active):
        if isinstance(node, list):
            for number, item in enumerate(node):
                walk(item, f"{where}[{number}]", active)
            return
        if not isinstance(node, dict):
            return
        for key, value in node.items():
            if key == "@context":
                continue
            address = expand(key, active)
            if not address.startswith("@") and address not in DEFINED:
                found.append(f"{where}: {key} is {address}, which the standard does not define")
            if address == "@type" and value not in CLASSES:
                found.append(f"{where}: type {value} is not a class of the standard")
            values = value if isinstance(value, list) else [value]
            if key in ADDRESSES and not all(_absolute(item) for item in values):
                found.append(f"{where}: {key} {value!r} is not an absolute address")
            definition = active.get(key)
            scoped = definition.get("@context") if isinstance(definition, dict) else None
            walk(value, f"{where}.{key}", merged_context(scoped, active) if scoped else active)

    walk(document, "$", merged_context(document["@context"]))
    return found
