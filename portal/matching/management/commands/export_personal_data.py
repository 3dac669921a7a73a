import json

from portal.matching.privacy import personal_data

from ._person import PersonCommand


class Command(PersonCommand):
    help = "Write everything stored about the person with this e-mail address as JSON."

    def handle(self, *args, email, **options):
        self.stdout.write(json.dumps(personal_data(email), ensure_ascii=False, indent=2))
