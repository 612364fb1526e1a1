from django.db import migrations


def flags_set(apps, schema_editor):
    """Regions whose head signed a commitment before the flag existed."""
    Commitment = apps.get_model("commitments", "Commitment")
    Region = apps.get_model("regions", "Region")
    signed = Commitment.objects.filter(outcome="signed").values("region_id")
    Region.objects.filter(pk__in=signed).update(has_signed_commitment=True)


class Migration(migrations.Migration):

    dependencies = [
        ("commitments", "0001_initial"),
        ("regions", "0003_region_has_signed_commitment"),
    ]

    operations = [
        migrations.RunPython(flags_set, migrations.RunPython.noop),
    ]
