import importlib
import time

from django.core.management.base import BaseCommand
from django.db import transaction

# Each app that has demo content offers a ``demo`` module with ``load(out)``;
# the order follows the dependencies between them.
DEMO_STEPS = [
    ("Sidetræ og indholdssider", "portal.home.demo"),
    ("Organisationer og brugere", "portal.organisations.demo"),
    ("Frivilligopgaver og vagter", "portal.opportunities.demo"),
    ("Digitale værktøjer og erfaringer", "portal.toolshare.demo"),
    ("Støttepuljer", "portal.funding.demo"),
    ("Samskabelsescases og vejledninger", "portal.cases.demo"),
    ("Engelske oversættelser", "portal.home.demo_english"),
    ("Redaktionen og sider til godkendelse", "portal.editorial.demo"),
    ("Organisationers behov", "portal.needs.demo"),
    ("Koordinatorer og henvendelser", "portal.matching.demo"),
    ("Genereret, anonym historik til tallene", "portal.figures.demo"),
]


class Command(BaseCommand):
    help = "Build (or bring up to date) the demo site. Safe to run again: nothing is duplicated."

    def handle(self, *args, **options):
        started = time.monotonic()
        for number, (label, module_path) in enumerate(DEMO_STEPS, start=1):
            self.stdout.write(self.style.MIGRATE_HEADING(f"[{number}/{len(DEMO_STEPS)}] {label}"))
            module = importlib.import_module(module_path)
            with transaction.atomic():
                module.load(self.stdout.write)
        seconds = time.monotonic() - started
        self.stdout.write(self.style.SUCCESS(f"Demo loaded in {seconds:.1f} s."))
