from wagtail.admin.forms import WagtailAdminModelForm

from portal.core.translations import in_default_locale

from .permissions import EXPERIENCES


class ToolUsageForm(WagtailAdminModelForm):
    """An editor can only write experiences in the name of their own organisations."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        organisations = EXPERIENCES.organisations(self.for_user).order_by("title")
        self.fields["organisation"].queryset = organisations
        if organisations.count() == 1 and not self.instance.pk:
            self.fields["organisation"].initial = organisations.get().pk
        # The tool field's own queryset: this form is the models' base form class.
        tools = in_default_locale(self.fields["tool"].queryset.live())
        self.fields["tool"].queryset = tools.order_by("title")
