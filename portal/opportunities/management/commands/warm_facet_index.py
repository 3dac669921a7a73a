from django.core.management.base import BaseCommand

from portal.opportunities.facet_index import current_index


class Command(BaseCommand):
    help = ("Build the opportunity listing's facet index and share it through the cache, "
            "so the first visitor after a deploy or a cache flush does not wait for it.")

    def handle(self, *args, **options):
        index = current_index()
        self.stdout.write(f"Facet index ready: {len(index.ids)} open opportunities.")
