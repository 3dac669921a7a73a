from django.core.management.base import BaseCommand

from portal.opportunities.models import OpportunityPage


class Command(BaseCommand):
    help = "Move the stored next shift of opportunities on past shifts that have begun."

    def handle(self, *args, **options):
        moved = OpportunityPage.objects.move_on_begun_shifts()
        self.stdout.write(f"Moved on {moved} opportunities.")
