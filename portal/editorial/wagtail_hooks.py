from wagtail import hooks
from wagtail.admin.views.home import WorkflowObjectsToModeratePanel

from .dashboard import AwaitingReviewPanel, EditorPanel


@hooks.register("construct_homepage_panels")
def add_editorial_panels(request, panels):
    panels[:] = [
        AwaitingReviewPanel() if type(panel) is WorkflowObjectsToModeratePanel else panel
        for panel in panels
    ]
    panels.append(EditorPanel(request))
