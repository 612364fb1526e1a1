from django.db import migrations


def flags_set(apps, schema_editor):
    """Regions whose head signed a recorded (non-demo) commitment before the flag existed."""
    Commitment = apps.get_model("commitments", "Commitment")
    Region = apps.get_model("regions", "Region")
    signed = Commitment.objects.filter(outcome="signed", is_demo=False, event__is_demo=False).values("region_id")
    Region.objects.filter(pk__in=signed).update(has_recorded_signed_commitment=True)


class Migration(migrations.Migration):

    dependencies = [
        ("commitments", "0002_region_signed_flags"),
        ("regions", "0005_inauguration_window_mpp_source_recorded_flag"),
    ]

    operations = [
        migrations.RunPython(flags_set, migrations.RunPython.noop),
    ]
