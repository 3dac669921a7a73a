from wagtail.admin.forms import WagtailAdminModelForm

from .permissions import EXPERIENCES


class ToolUsageForm(WagtailAdminModelForm):
    """An editor can only write experiences in the name of their own organisations."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        from .models import ToolPage

        organisations = EXPERIENCES.organisations(self.for_user).order_by("title")
        self.fields["organisation"].queryset = organisations
        if organisations.count() == 1 and not self.instance.pk:
            self.fields["organisation"].initial = organisations.get().pk
        self.fields["tool"].queryset = ToolPage.objects.live().order_by("title")
