from django.conf import settings
from django.core.management.base import BaseCommand

from portal.needs.tasks import plan_reminders


class Command(BaseCommand):
    help = (
        "Plan the e-mail to an organisation's editors for each published need that ends within "
        "NEED_REMINDER_DAYS (once per need and end date); the task worker sends them. Run it "
        "once a day. Also runs as the task portal.needs.tasks.remind_expiring_needs."
    )

    def handle(self, *args, **options):
        planned = plan_reminders()
        self.stdout.write(
            f"Planned {planned} reminder(s) for needs ending within "
            f"{settings.NEED_REMINDER_DAYS} days."
        )
