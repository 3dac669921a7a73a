from django.core.management.base import BaseCommand
from django.db import transaction

from portal.figures.facts import rebuild


class Command(BaseCommand):
    help = ("Make every match request's anonymous fact again from the requests and their "
            "audit log. Safe to run again; facts of deleted requests and generated facts stay.")

    def handle(self, *args, **options):
        with transaction.atomic():
            count = rebuild()
        self.stdout.write(self.style.SUCCESS(f"{count} henvendelser talt med."))
