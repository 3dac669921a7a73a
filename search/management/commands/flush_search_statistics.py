from django.core.management.base import BaseCommand

from search.stats import flush_statistics


class Command(BaseCommand):
    help = "Write the search statistics counted in the cache to the database (cron, every minute)."

    def handle(self, *args, **options):
        searches = flush_statistics()
        self.stdout.write(f"Wrote the statistics of {searches} searches.")
