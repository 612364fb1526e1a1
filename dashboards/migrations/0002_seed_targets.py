import datetime

from django.db import migrations

DEADLINE = datetime.date(2024, 12, 31)
NAME = "Setiap kab/kota memiliki MPP beroperasi pada 2024"


def seed(apps, schema_editor):
    Target = apps.get_model("dashboards", "Target")
    for position, basis in enumerate(["kemenpanrb", "kemendagri"]):
        Target.objects.get_or_create(
            basis=basis, metric="operating", deadline=DEADLINE, defaults={"name": NAME, "position": position}
        )


def unseed(apps, schema_editor):
    apps.get_model("dashboards", "Target").objects.filter(name=NAME, deadline=DEADLINE).delete()


class Migration(migrations.Migration):
    dependencies = [("dashboards", "0001_initial")]
    operations = [migrations.RunPython(seed, unseed)]
