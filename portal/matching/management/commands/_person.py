from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError
from django.core.validators import validate_email


class PersonCommand(BaseCommand):
    """A command about the one person an e-mail address stands for."""

    def add_arguments(self, parser):
        parser.add_argument("email")

    def execute(self, *args, **options):
        try:
            validate_email(options["email"].strip())
        except ValidationError:
            raise CommandError("Not an e-mail address.") from None
        return super().execute(*args, **options)
