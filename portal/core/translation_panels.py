"""The editor of a translated page edits words, not what it shares with its Danish page.

A page type names what its English translation reads from the Danish page in
``fields_shared_with_source`` (fields and inline relations), and puts those
panels in a :class:`SharedWithSourcePanel`: on a Danish page it is an ordinary
group of panels; on a translation it is left out of the form and the editor
sees :class:`SharedWithSourceNote` instead.
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
        kwargs.setdefault("content", _("Vagter og kategorier redigeres på den danske side."))
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
        for name in self._meta.model.fields_shared_with_source:
            self.fields.pop(name, None)
            self.formsets.pop(name, None)
