from django.db import migrations, models
from django.db.models import Min
from django.utils import timezone


def release_repeated_bookings(apps, schema_editor):
    """Repeated places one request took before the constraint: keep the first, release the rest."""
    ShiftBooking = apps.get_model("opportunities", "ShiftBooking")
    active = ShiftBooking.objects.filter(released_at__isnull=True)
    first_ids = active.values("shift", "reference").annotate(first=Min("pk")).values("first")
    active.exclude(pk__in=first_ids).update(released_at=timezone.now())


class Migration(migrations.Migration):
    dependencies = [
        ("opportunities", "0005_taxonomy_lookup_indexes"),
    ]

    operations = [
        migrations.RunPython(release_repeated_bookings, migrations.RunPython.noop),
        migrations.AddConstraint(
            model_name="shiftbooking",
            constraint=models.UniqueConstraint(
                condition=models.Q(("released_at__isnull", True)),
                fields=("shift", "reference"),
                name="booking_once_per_request",
            ),
        ),
    ]
