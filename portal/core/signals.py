from django.conf import settings
from django.core.cache import cache
from django.core.cache.utils import make_template_fragment_key
from django.db.models.signals import m2m_changed, post_delete, post_save
from django.dispatch import receiver
from wagtail.contrib.redirects.models import Redirect
from wagtail.contrib.search_promotions.models import SearchPromotion
from wagtail.models import COMMENTS_RELATION_NAME, Page, PageViewRestriction, Site
from wagtail.signals import page_published, page_slug_changed, page_unpublished, post_page_move

from .languages import DEFAULT_LANGUAGE, page_language
from .models import Activity, Municipality, PortalSettings, Region, TargetGroup, Theme
from .page_cache import start_new_generation

FOOTER_FRAGMENT = "site_footer"


@receiver(post_save, sender=PortalSettings)
def refresh_footer(sender, **kwargs):
    # The footer is kept once per language (templates/components/footer.html).
    cache.delete_many([make_template_fragment_key(FOOTER_FRAGMENT, [code])
                       for code, _name in settings.LANGUAGES])


# --- What retires the kept public pages (portal/core/page_cache.py) ----------
# What Wagtail writes when an editor saves a draft or locks a page: no visitor sees it.
PAGE_BOOKKEEPING = frozenset({
    COMMENTS_RELATION_NAME, "latest_revision_created_at", "draft_title", "latest_revision",
    "has_unpublished_changes", "locked", "locked_at", "locked_by", "numchild",
})


def _page_saved(sender, instance, update_fields=None, **kwargs):
    if not isinstance(instance, Page) or not instance.live:
        return
    if update_fields is not None and set(update_fields) <= PAGE_BOOKKEEPING:
        return
    start_new_generation()


def _page_deleted(sender, instance, **kwargs):
    if isinstance(instance, Page):
        start_new_generation()


def _page_relation_changed(sender, instance, **kwargs):
    if isinstance(instance, Page) and instance.live:
        start_new_generation()


post_save.connect(_page_saved, dispatch_uid="pagecache-page-save")
post_delete.connect(_page_deleted, dispatch_uid="pagecache-page-delete")
m2m_changed.connect(_page_relation_changed, dispatch_uid="pagecache-page-m2m")
for _signal in (page_published, page_unpublished, post_page_move):
    _signal.connect(start_new_generation, dispatch_uid=f"pagecache-{_signal}")
for _model in (Region, Municipality, TargetGroup, Activity, Theme, PortalSettings,
               Redirect, SearchPromotion, PageViewRestriction, Site):
    for _signal in (post_save, post_delete):
        _signal.connect(start_new_generation, sender=_model,
                        dispatch_uid=f"pagecache-{_signal}-{_model.__name__}")


# --- Translations keep their Danish page's path (portal/core/languages.py) ----
@receiver(page_slug_changed)
def move_translations_with_their_danish_page(sender, instance, **kwargs):
    """A translation takes its Danish page's slug when saved (``TranslatedPageMixin``);
    a new Danish slug moves the translations at once, so the switcher and the hreflang
    links, which swap the language prefix only, keep finding them. Wagtail's redirects
    take visitors from each old address to the new one."""
    if page_language(instance) != DEFAULT_LANGUAGE or instance.depth <= 2:
        return
    for translation in instance.get_translations().exclude(slug=instance.slug):
        translation.slug = instance.slug
        translation.save(clean=False, update_fields=["slug", "url_path"])
