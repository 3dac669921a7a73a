from django.core.management.base import BaseCommand

from portal.matching.privacy import erase_expired

from ._report import write_elsewhere


class Command(BaseCommand):
    help = (
        "Erase the personal data of closed and withdrawn match requests past their retention "
        "period, flag open requests untouched for a year, and remove search statistics past "
        "SEARCH_QUERY_RETENTION_DAYS. Also runs as the task "
        "portal.matching.tasks.erase_expired_requests."
    )

    def handle(self, *args, **options):
        report = erase_expired()
        self.stdout.write(f"Erased {len(report.erased)} request(s).")
        for reference in report.erased:
            self.stdout.write(f"  erased {reference}")
        self.stdout.write(f"Flagged {len(report.flagged)} request(s) untouched for a year.")
        for reference in report.flagged:
            self.stdout.write(f"  flagged {reference}")
        write_elsewhere(self.stdout, report)
