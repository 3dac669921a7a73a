from portal.matching.privacy import erase_personal_data

from ._person import PersonCommand


class Command(PersonCommand):
    help = "Erase the personal data of every match request from this e-mail address."

    def handle(self, *args, email, **options):
        erased = erase_personal_data(email)
        self.stdout.write(f"Erased {len(erased)} request(s).")
        for reference in erased:
            self.stdout.write(f"  erased {reference}")
