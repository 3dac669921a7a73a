from django.core.management.base import BaseCommand

from portal.alerts.tasks import queue_digests


class Command(BaseCommand):
    help = (
        "Queue the opportunity alerts due now (daily: once per Copenhagen day, weekly: once per "
        "ISO week) in batches for the task worker. Safe to run as often as cron likes: each "
        "subscriber gets at most one digest per period, and none when nothing is new. Also runs as "
        "the task portal.alerts.tasks.queue_opportunity_alerts."
    )

    def handle(self, *args, **options):
        queued = queue_digests()
        self.stdout.write(f"Queued {queued} opportunity alert(s).")
