"""Replace Wagtail's welcome page with the portal's home page, so a fresh
installation (demo or not) has a Danish front page at /."""

from django.db import migrations

LEAD = (
    "Bindeled samler frivillige, foreninger, kommuner og fonde om det sociale "
    "frivillige arbejde i Danmark. Her finder du en opgave, der passer til din tid, "
    "og her deler organisationerne erfaringer og digitale værktøjer."
)


def _base36(number):
    digits = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ"
    text = ""
    while number:
        number, remainder = divmod(number, 36)
        text = digits[remainder] + text
    return text or "0"


def create_homepage(apps, schema_editor):
    ContentType = apps.get_model("contenttypes.ContentType")
    Page = apps.get_model("wagtailcore.Page")
    Site = apps.get_model("wagtailcore.Site")
    HomePage = apps.get_model("home.HomePage")
    Locale = apps.get_model("wagtailcore.Locale")

    if HomePage.objects.exists():
        return
    Page.objects.filter(depth=2, slug="home", content_type__model="page").delete()

    content_type, _ = ContentType.objects.get_or_create(model="homepage", app_label="home")
    root = Page.objects.get(depth=1)
    last_sibling = Page.objects.filter(depth=2).order_by("-path").first()
    position = int(last_sibling.path[-4:], 36) + 1 if last_sibling else 1
    locale = Locale.objects.order_by("pk").first()
    home = HomePage.objects.create(
        title="Bindeled",
        draft_title="Bindeled",
        slug="forside",
        content_type=content_type,
        path=root.path + _base36(position).rjust(4, "0"),
        depth=2,
        numchild=0,
        url_path="/forside/",
        locale=locale,
        lead=LEAD,
    )
    root.numchild = Page.objects.filter(depth=2).count()
    root.save(update_fields=["numchild"])
    Site.objects.update_or_create(
        is_default_site=True,
        defaults={"hostname": "localhost", "root_page": home, "site_name": "Bindeled"},
    )


class Migration(migrations.Migration):
    dependencies = [
        ("home", "0001_initial"),
        ("wagtailcore", "0098_apitoken"),
    ]

    operations = [migrations.RunPython(create_homepage, migrations.RunPython.noop)]
