import json

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError
from django.core.validators import validate_email

from portal.matching.privacy import personal_data


class Command(BaseCommand):
    help = "Write everything stored about the person with this e-mail address as JSON."

    def add_arguments(self, parser):
        parser.add_argument("email")

    def handle(self, *args, email, **options):
        try:
            validate_email(email.strip())
        except ValidationError:
            raise CommandError("Not an e-mail address.") from None
        self.stdout.write(json.dumps(personal_data(email), ensure_ascii=False, indent=2))
