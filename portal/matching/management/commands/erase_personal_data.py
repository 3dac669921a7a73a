from portal.matching.privacy import erase_personal_data

from ._person import PersonCommand
from ._report import write_elsewhere


class Command(PersonCommand):
    help = (
        "Erase the personal data of every match request from this e-mail address, and the "
        "searches holding the address or the names given in the requests."
    )

    def handle(self, *args, email, **options):
        report = erase_personal_data(email)
        self.stdout.write(f"Erased {len(report.erased)} request(s).")
        for reference in report.erased:
            self.stdout.write(f"  erased {reference}")
        write_elsewhere(self.stdout, report)
