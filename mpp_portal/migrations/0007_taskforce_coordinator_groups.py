from django.db import migrations


def create_groups(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    for name in ("Anggota Tim Kerja Percepatan", "Koordinator Provinsi"):
        Group.objects.get_or_create(name=name)


class Migration(migrations.Migration):
    dependencies = [("mpp_portal", "0006_merge_0003_api_token_0005_merge_20261205_0712")]
    operations = [migrations.RunPython(create_groups, migrations.RunPython.noop)]
