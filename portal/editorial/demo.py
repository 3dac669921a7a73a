"""Demo: Redaktionen's moderator, a trusted organisation, and pages in moderation.

Besøgsvennerne Nord's editor has one opportunity waiting for Redaktionen and
one sent back with a comment; Festivalhjælperne, whose tasks are ad hoc, may
publish its own opportunities and has an editor of its own to try it with.
Running it again changes nothing that is already there.
"""

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group

from portal.core.demo import activities, demo_image, municipalities, target_groups
from portal.core.translations import in_default_locale
from portal.opportunities.models import Commitment, OpportunityPage, Status
from portal.organisations.demo import DEMO_PASSWORD
from portal.organisations.models import OrganisationPage

from .models import MODERATORS_GROUP

TRUSTED = "festivalhjaelperne"
COMMENT = (
    "Skriv gerne, hvor I mødes første gang, og om man skal have børneattest. "
    "Så godkender vi den."
)
# slug, title, summary, sent back with a comment
IN_MODERATION = [
    ("spiseven-aalborg", "Spiseven for en ældre i Aalborg",
     "Spis et måltid sammen med en ældre, der ellers spiser alene.", False),
    ("gaatur-hjoerring", "Gåtursven i Hjørring",
     "Gå en tur en gang om ugen med en ældre, der ikke tør gå alene.", True),
]


def _user(username, first_name, last_name, email):
    user, _created = get_user_model().objects.get_or_create(
        username=username,
        defaults={"email": email, "first_name": first_name, "last_name": last_name},
    )
    user.set_password(DEMO_PASSWORD)
    user.save()
    return user


def load(out):
    moderator = _user("moderator", "Mette", "Moderator", "moderator@bindeled.example")
    moderator.groups.add(Group.objects.get(name=MODERATORS_GROUP))

    trusted = in_default_locale(OrganisationPage.objects).get(slug=TRUSTED)
    if not trusted.publishes_opportunities_directly:
        trusted.publishes_opportunities_directly = True
        trusted.save_revision(user=moderator).publish(user=moderator)
    festival_editor = _user("redaktoer-festival", "Frida", "Festival",
                            "redaktoer@festivalhjaelperne.example")
    festival_editor.groups.add(trusted.access.editors)

    editor = get_user_model().objects.get(username="redaktoer")
    organisation = in_default_locale(OrganisationPage.objects).get(slug="besoegsvennerne-nord")
    # A picture in the organisation's own collection, the one its editors choose from.
    demo_image("Besøgsvennerne Nord: kaffe og kage", "Kaffe", "#0b5d4b",
               collection=organisation.access.collection)
    for slug, title, summary, sent_back in IN_MODERATION:
        if not OpportunityPage.objects.child_of(organisation).filter(slug=slug).exists():
            _submit(organisation, editor, moderator, slug, title, summary, sent_back)
    out(f"  logins: moderator / {DEMO_PASSWORD} (Redaktionen), redaktoer-festival / "
        f"{DEMO_PASSWORD} (editor, {trusted.title}: publishes opportunities directly)")


def _submit(organisation, editor, moderator, slug, title, summary, sent_back):
    page = OpportunityPage(
        slug=slug, title=title, summary=summary, live=False,
        body=[("paragraph", f"<p>{summary} Vi matcher jer efter interesser.</p>")],
        commitment=Commitment.REGULAR, status=Status.OPEN, contact_role="Frivilligkoordinator",
    )
    organisation.add_child(instance=page)
    page.municipalities.set(municipalities("Aalborg" if "aalborg" in slug else "Hjørring"))
    page.activities.set(activities("besoegsven"))
    page.target_groups.set(target_groups("aeldre"))
    page.save_revision(user=editor)
    page.get_workflow().start(page, editor)
    if sent_back:
        task_state = page.current_workflow_task_state
        task_state.task.specific.on_action(task_state, moderator, "reject", comment=COMMENT)
