from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError
from django.core.validators import validate_email

from portal.matching.privacy import erase_personal_data


class Command(BaseCommand):
    help = "Erase the personal data of every match request from this e-mail address."

    def add_arguments(self, parser):
        parser.add_argument("email")

    def handle(self, *args, email, **options):
        try:
            validate_email(email.strip())
        except ValidationError:
            raise CommandError("Not an e-mail address.") from None
        erased = erase_personal_data(email)
        self.stdout.write(f"Erased {len(erased)} request(s).")
        for reference in erased:
            self.stdout.write(f"  erased {reference}")
