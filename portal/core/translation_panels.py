"""The editor of a translated page edits words, not what it shares with its Danish page.

A page type names what its English translation reads from the Danish page in
``fields_shared_with_source`` (fields and inline relations), and puts those
panels in a :class:`SharedWithSourcePanel`: on a Danish page it is an ordinary
group of panels; on a translation it is left out of the form and the editor
sees :class:`SharedWithSourceNote` instead.

A translation keeps the values Wagtail copied when it was made, and they go
stale as the Danish page changes: nothing reads them. They are left rather
than cleared because several are required (a tool's maker, a case's start
date, an organisation's kind), so a cleared translation could no longer be
saved or published; and every list, count, filter and the API read Danish
pages only (``portal.core.translations.in_default_locale``), so the copies'
relations count nowhere. (The search entry of a Danish page holds its
translation's text, copies included: a stale copy can still find the page,
never show it wrong.) Shifts are the exception: bookings hang on them, so a
translation gets none (``portal.opportunities.signals``).
"""

from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import HelpPanel, MultiFieldPanel


def _is_translation(page):
    return page is not None and page.pk is not None and page.is_translation


class SharedWithSourcePanel(MultiFieldPanel):
    """Panels edited on the Danish page only; a translation reads their values from there."""

    class BoundPanel(MultiFieldPanel.BoundPanel):
        @cached_property
        def children(self):
            # A translation's form has none of these fields or formsets to bind to.
            if _is_translation(self.instance):
                return []
            return super().children

        def is_shown(self):
            return not _is_translation(self.instance) and super().is_shown()


class SharedWithSourceNote(HelpPanel):
    """Tells the editor of a translation where the shared values are edited."""

    def __init__(self, **kwargs):
        kwargs.setdefault("content", _("Fakta og kategorier redigeres på den danske side."))
        super().__init__(**kwargs)

    class BoundPanel(HelpPanel.BoundPanel):
        def is_shown(self):
            return _is_translation(self.instance)


class TranslationFormMixin:
    """Leaves out of a translation's form what its page type shares with the Danish page."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if not _is_translation(self.instance):
            return
        # A page type that shares nothing need not say so.
        for name in getattr(self._meta.model, "fields_shared_with_source", ()):
            self.fields.pop(name, None)
            self.formsets.pop(name, None)
