"""Demo: English translations of the pages an English-speaking visitor meets first.

The home page, the standard pages, the four sections, a dozen opportunities
(and the organisations they sit under), three cases and three tools, each
copied into the English locale as an editor does it
(``copy_for_translation``) and given English words. The Danish pages stay the
canonical set: what a translation shares with its Danish page (shifts,
places, categories, status, partners, dates, a tool's facts, an organisation's
logo and contact details; ``fields_shared_with_source``) is read from there, so
only words are written here. Running it again updates the same translations.
"""

from wagtail.models import Locale

from portal.cases.models import CaseIndexPage, CasePage
from portal.core.translations import in_default_locale
from portal.opportunities.models import OpportunityIndexPage, OpportunityPage
from portal.organisations.models import OrganisationIndexPage, OrganisationPage
from portal.toolshare.models import ToolIndexPage, ToolPage

from .models import HomePage, StandardPage

NOTE_CASE = (
    "Demo content: the organisations are fictional, and figures and quotes are illustrative "
    "unless a source is given."
)
NOTE_TOOL = "Demo content: the tool, its maker and its prices are made up for illustration."
NOTE_DEMO = (
    "<p><em>Demo content: the organisations, people and figures on this demo are made up for "
    "illustration unless a source is given.</em></p>"
)

HOME = {
    "title": "Bindeled",
    "heading": "Lend a hand – when it suits you",
    "lead": (
        "Bindeled brings volunteers, associations, municipalities and foundations together "
        "around social volunteering in Denmark. Find a task that fits your time, and see what "
        "organisations have learned and which digital tools they use."
    ),
}

SECTIONS = [
    (OpportunityIndexPage, "Volunteering opportunities",
     "<p>Find a volunteering opportunity that fits your time: a single day, whenever it suits "
     "you, or every week. Filter by municipality, target group and activity.</p>"),
    (CaseIndexPage, "Experiences",
     "<p>Co-creation cases and guides: how associations, municipalities and foundations have "
     "worked together, what worked and what was hard.</p>"),
    (ToolIndexPage, "Digital tools",
     "<p>Digital tools that volunteer organisations use for recruitment, shift planning and "
     "communication, and what their users have learned.</p>"),
    (OrganisationIndexPage, "Organisations",
     "<p>Associations, municipalities, foundations and others working in social volunteering. "
     "Find a partner.</p>"),
]

# slug: title, intro, paragraphs
STANDARD_PAGES = {
    "om": (
        "About Bindeled",
        "Bindeled is a shared meeting place for social volunteering in Denmark.",
        ("More and more people want to help, but many would rather give a few hours when it "
         "suits them than commit to a fixed weekly shift. Meanwhile, volunteer coordinators "
         "receive requests scattered across e-mail and phone.",
         "Bindeled gathers volunteering opportunities from associations and municipalities in "
         "one place, makes it easy for staff in, say, home care to request a volunteer for a "
         "resident, and gives coordinators structured, secure requests. IT organises and "
         "supports the match – but it is always a person who makes it.",
         "The portal is also a place to share knowledge: municipalities, associations and "
         "foundations share their experience of co-creation and of the digital tools they use."),
    ),
    "bliv-en-del-af-bindeled": (
        "Join Bindeled",
        "Associations, municipalities, foundations and others working in social volunteering "
        "can join Bindeled. It is free of charge.",
        ("Write to the editorial team with your organisation's name, its CVR number (if you "
         "have one) and the municipalities you work in. The editors create your profile page "
         "under Organisations and a group for your editors and coordinators.",
         "Each editor gets a login of their own with two-factor authentication. Your editors "
         "write volunteering opportunities, experiences and tools under your profile; the "
         "editorial team approves them before they are published.",
         "When a volunteer signs up, or a member of staff requests a volunteer, your "
         "coordinators receive the request – and only yours. The details are deleted "
         "automatically after a fixed period."),
    ),
    "privatlivspolitik": (
        "Privacy policy",
        "How Bindeled handles information about you and about the residents who are referred.",
        ("When you offer your help or request a volunteer, your details are sent only to the "
         "one organisation you choose. Only that organisation's coordinators can see them.",
         "We collect as little as possible: your name, your contact details and what you write "
         "yourself. Never write health information or diagnoses in a request.",
         "You can always see or have your details deleted by writing to us with the reference "
         "number from your receipt."),
    ),
    "tilgaengelighed": (
        "Accessibility statement",
        "Everyone should be able to use Bindeled – with a screen reader, and with a keyboard "
        "alone.",
        ("We test every public page automatically against WCAG 2.2 levels A and AA with "
         "axe-core in a real browser, and every form can be filled in with the keyboard alone.",
         "The pages work without JavaScript. If you meet a barrier, write to us and we will "
         "fix it."),
    ),
}

# slug: title, summary, description
ORGANISATIONS = {
    "seniorer-paa-nettet": (
        "Seniors Online",
        "IT volunteers who teach older people to use MitID, e-Boks and sundhed.dk.",
        "Our IT volunteers run open IT cafés in libraries and care homes all over the country. "
        "We work with the municipalities' citizen services on their digital self-service."),
    "festivalhjaelperne": (
        "The Festival Helpers",
        "Ad hoc volunteers for events, fundraising and social gatherings.",
        "We find volunteers who want to lend a hand for a few hours at a time: at flea markets, "
        "Christmas hampers, collections and summer parties for families in need."),
    "lektiecafe-gellerup": (
        "The Homework Café in Gellerup",
        "Homework help and mentors for children and young people in Gellerup and Toveshøj.",
        "Volunteer students and pensioners help children and young people with their homework "
        "four afternoons a week. Many of the pupils' parents grew up outside Denmark."),
    "ishoej-sammen": (
        "Ishøj Together against Loneliness",
        "A network of associations, housing projects and the senior citizens' council in Ishøj.",
        "The network brings local associations, housing associations and the senior citizens' "
        "council together to reach lonely older people. We run meal friends, shared dinners "
        "and walks."),
    "demensvenner-vejle": (
        "Dementia Friends Vejle",
        "Respite and company for people with dementia and their families.",
        "Our volunteers are exercise friends and visiting friends for people with dementia, so "
        "that their families get a breather."),
    "nabovenner-esbjerg": (
        "Neighbour Friends Esbjerg",
        "Language friends and a network for refugees and newly arrived families.",
        "We meet over a language café, a bicycle workshop and cooking. Volunteers help "
        "newcomers with Danish, with letters from the municipality and with finding a "
        "leisure activity for their children."),
    "koebenhavns-kommune": (
        "City of Copenhagen",
        "Citizen services and libraries working with IT volunteers.",
        "The libraries host IT cafés, and citizen services refer residents who need help with "
        "digital services."),
    "frivilligcenter-svendborg": (
        "Svendborg Volunteer Centre",
        "The local volunteer centre: advice, premises and networks for associations.",
        "We help associations in and around Svendborg recruit volunteers, share premises and "
        "find each other, and we run a reception staffed by volunteers."),
}

# slug: title, summary, text
OPPORTUNITIES = {
    "it-cafe-online": (
        "IT help by video",
        "Help older people with MitID and e-Boks on a video call whenever you have an hour.",
        "You take shifts when it suits you and help older people with digital questions by "
        "video. We teach you the most common problems first."),
    "loppemarked-koebenhavn": (
        "Helpers for a flea market in Nørrebro",
        "Set up stalls, sell and clear up at our charity flea market.",
        "The proceeds pay for summer holidays for families in need. You can come for a whole "
        "day or half a day."),
    "juleuddeling-frederiksberg": (
        "Christmas hampers for families",
        "Pack and hand out Christmas hampers to families on low incomes.",
        "We pack hampers in the morning and hand them out in the afternoon. No experience "
        "needed."),
    "lektiehjaelp-gellerup": (
        "Homework helper in Gellerup",
        "Help pupils in years 4 to 9 with maths, Danish and English.",
        "The homework café is open Monday to Thursday from 3 to 6 pm. You come on the same day "
        "every week."),
    "mentor-toveshoej": (
        "Mentor for a young person in Toveshøj",
        "Be a grown-up a young person aged 13 to 17 can look up to.",
        "As a mentor you meet the young person every other week for a year."),
    "spiseven-ishoej": (
        "Meal friend in Ishøj",
        "Have dinner with an older person who would otherwise eat alone.",
        "Meal friends meet once a week, at the older person's home or at a shared dinner."),
    "gaaven-ishoej": (
        "Walking friend by Ishøj Beach",
        "Go for a walk along the beach with an older person who does not dare to walk alone.",
        "We meet at the Strandparken car park on Tuesday and Thursday mornings."),
    "aflastning-fredericia": (
        "Respite for families",
        "Stay with a resident who has dementia while their spouse gets some time to themselves.",
        "The respite takes place in the family's home, usually one afternoon a week."),
    "motionsven-vejle": (
        "Exercise friend for someone with dementia",
        "Go for walks or ride a tandem bicycle with a resident who has dementia.",
        "The family gets a breather, and you make a good friend. We give you a course on "
        "dementia."),
    "sprogven-esbjerg": (
        "Language friend for a newly arrived family",
        "Practise Danish over a cup of coffee with a family who are new to Denmark.",
        "You meet at the family's home or at the library. What matters most is talking "
        "together."),
    "cykelvaerksted-esbjerg": (
        "Bicycle workshop for newcomers",
        "Help repair bicycles and pass on what you know about puncture kits and gears.",
        "The workshop is open on Saturday mornings."),
    "digital-hjaelp-bibliotek": (
        "Digital help at the Central Library",
        "Help residents with digital self-service in the library's IT café.",
        "We sit alongside citizen services. You take the shifts that suit you."),
}

# slug: title, summary, story, (worked, hard, advice), contact role, figures, quote
CASES = {
    "it-frivillige-og-borgerservice": (
        "IT volunteers help older people with the municipality's self-service",
        "IT volunteers teach older people the municipality's digital self-service, and "
        "citizen services refer them.",
        "The case builds on the SeniorDigital model: IT volunteers teach older people to use "
        "public digital self-service – MitID, e-Boks, sundhed.dk – in IT cafés at libraries, "
        "and the municipality's citizen services refer residents who need more time than the "
        "counter can give. Source of the key figures: the SeniorDigital model as described in "
        "Danish research on the digitalisation of voluntary social work (2,200 IT volunteers "
        "and 55,000 older people helped in 2016). The roles of the association and the "
        "municipality here are illustrative.",
        ("Fixed opening hours in the IT café and a direct referral from citizen services.",
         "Volunteers may not look at a resident's screen with personal data without consent – "
         "that needed clear rules.",
         "Agree in advance what the volunteers should not help with (powers of attorney, for "
         "example)."),
        "Volunteer coordinator for the IT cafés",
        [("2,200", "IT volunteers in the SeniorDigital model"),
         ("55,000", "older people helped with IT in 2016")],
        ("Citizen services send people down to the IT café, and they leave with their MitID "
         "sorted.", "Member of staff at citizen services (illustrative quote)"),
    ),
    "demensvenner-motion": (
        "Exercise friends for people with dementia",
        "Volunteers go for walks with people with dementia, so that their families get a "
        "breather.",
        "Volunteers go for walks with people with dementia, so that their families get a "
        "breather. The project ran for three years with a grant from a foundation and paired "
        "seventy volunteers with a walking partner.",
        ("Fixed routes and fixed times.",
         "Finding male volunteers.",
         "Hold a short course on dementia before the first walk."),
        "Volunteer coordinator",
        [("70", "exercise friendships")],
        None,
    ),
    "sprogvenner-esbjerg": (
        "Language friends for newly arrived families",
        "Two associations without a municipal partner joined forces on language friends and "
        "summer parties.",
        "Two associations without a municipal partner joined forces on language friends and "
        "summer parties.",
        ("Shared activities the whole family could come to.",
         "Volunteers stopped after a few months.",
         "Plan short programmes with a clear end date."),
        "Coordinator",
        [("85", "language friendships")],
        None,
    ),
}

# slug: title, summary, description
TOOLS = {
    "it-cafe-booking": (
        "IT Café Booking",
        "Residents book a time at the IT café; IT volunteers see who is coming and why.",
        "Used in libraries where citizen services refer residents with questions about MitID, "
        "e-Boks and sundhed.dk."),
    "hjaelpertavlen": (
        "The Helper Board",
        "Ad hoc tasks sent out by text message – the first to say yes get the shift.",
        "For events and hand-outs where you need extra hands at short notice."),
    "vagtplan-frivillig": (
        "ShiftPlan Volunteer",
        "Volunteers book their own shifts on their phones; the coordinator sees the gaps in "
        "the rota.",
        "The coordinator posts shifts, and the volunteers take them in an app or on the web. "
        "Reminders are sent by text message the day before."),
}


def translate(page, english, **fields):
    """The live English translation of ``page`` with ``fields``: made once, then updated.

    The parent must have its English translation already (the order of ``load``).
    """
    translated = page.get_translation_or_none(english)
    if translated is None:
        translated = page.copy_for_translation(english)
    translated = translated.specific
    for name, value in fields.items():
        setattr(translated, name, value)
    translated.save_revision().publish()
    return translated


def _story(text, note):
    return [("paragraph", f"<p>{text}</p><p><em>{note}</em></p>")]


def _body(paragraphs):
    return [("paragraph", "".join(f"<p>{text}</p>" for text in paragraphs) + NOTE_DEMO)]


def load(out):
    english = Locale.objects.get(language_code="en")
    home = in_default_locale(HomePage.objects).get()
    translate(home, english, **HOME)
    for page_class, title, intro in SECTIONS:
        translate(in_default_locale(page_class.objects).get(), english,
                  title=title, intro=intro)
    for slug, (title, intro, paragraphs) in STANDARD_PAGES.items():
        page = StandardPage.objects.child_of(home).get(slug=slug)
        translate(page, english, title=title, intro=intro,
                  body=_body(paragraphs))
    out(f"  Forsiden, {len(SECTIONS)} sektioner og {len(STANDARD_PAGES)} indholdssider")

    organisations = in_default_locale(OrganisationPage.objects)
    for slug, (title, summary, description) in ORGANISATIONS.items():
        translate(organisations.get(slug=slug), english,
                  title=title, summary=summary, description=f"<p>{description}</p>")
    for slug, (title, summary, text) in OPPORTUNITIES.items():
        translate(in_default_locale(OpportunityPage.objects).get(slug=slug), english,
                  title=title, summary=summary, body=[("paragraph", f"<p>{text}</p>")])
    for slug, (title, summary, story, lessons, contact, figures, quote) in CASES.items():
        results = [("figures", [{"value": value, "label": label} for value, label in figures])]
        if quote:
            results.append(("quote", {"quote": quote[0], "attribution": quote[1]}))
        worked, hard, advice = lessons
        translate(in_default_locale(CasePage.objects).get(slug=slug), english,
                  title=title, summary=summary, story=_story(story, NOTE_CASE),
                  results=results, lessons_worked=worked, lessons_hard=hard,
                  lessons_advice=advice, contact_role=contact)
    for slug, (title, summary, description) in TOOLS.items():
        translate(in_default_locale(ToolPage.objects).get(slug=slug), english,
                  title=title, summary=summary,
                  description=f"<p>{description}</p><p><em>{NOTE_TOOL}</em></p>")
    out(f"  {len(ORGANISATIONS)} organisationer, {len(OPPORTUNITIES)} frivilligopgaver, "
        f"{len(CASES)} cases og {len(TOOLS)} værktøjer på engelsk")
