"""An image on an organisation's page comes from that organisation's own collection.

Editors can only choose from their own collection anyway (``access.py`` gives
them no other); the check here holds for everyone, moderators included, so an
organisation's page never shows another organisation's picture. The page form
also asks for the image's words (``portal.core.pictures.DescribedImage``).

Every page type with such an image is translated, so this is also where a
translation's form leaves out what it shares with its Danish page.
"""

from django.utils.translation import gettext as _
from wagtail.admin.forms import WagtailAdminPageForm

from portal.core.pictures import image_description_errors
from portal.core.translation_panels import TranslationFormMixin


class OwnImagePageForm(TranslationFormMixin, WagtailAdminPageForm):
    def clean(self):
        cleaned_data = super().clean()
        field = self._meta.model.image_field
        chosen_here = field in self.fields
        # A translation that shares its Danish page's image (a logo) describes that one.
        image = cleaned_data.get(field) if chosen_here else self.instance.shown_image
        if image is None:
            # No image, no words: stale ones would describe the next image chosen.
            cleaned_data["image_alt"], cleaned_data["image_decorative"] = "", False
            return cleaned_data
        for name, message in image_description_errors(
            image, cleaned_data.get("image_alt", ""), cleaned_data.get("image_decorative", False),
        ).items():
            self.add_error(name, message)
        if not chosen_here:
            # Chosen, and checked against the collection, on the Danish page.
            return cleaned_data
        collection = self._own_collection()
        if collection is not None and not _inside(image.collection, collection):
            self.add_error(field, _(
                "Vælg et billede fra %(collection)s' egen samling. Upload det dér, hvis det "
                "ikke er der endnu."
            ) % {"collection": collection.name})
        return cleaned_data

    def _own_collection(self):
        """The collection of the organisation the page belongs to; None before it has one."""
        # .models defines the pages that use this form: imported on use, not in a loop.
        from .models import OrganisationAccess, OrganisationPage, owner_of

        page = self.instance
        if isinstance(page, OrganisationPage):
            owner = page if page.pk else None
        elif page.pk:
            owner = owner_of(page)
        else:
            parent = self.parent_page.specific
            owner = parent if isinstance(parent, OrganisationPage) else owner_of(parent)
        if owner is None:
            return None
        access = OrganisationAccess.objects.filter(organisation=owner).select_related(
            "collection").first()
        return access.collection if access else None


def _inside(collection, own):
    return collection.pk == own.pk or collection.is_descendant_of(own)
