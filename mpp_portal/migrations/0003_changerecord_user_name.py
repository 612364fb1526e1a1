from django.db import migrations, models


def names_from_users(apps, schema_editor):
    """Existing records get their author's current name: the best there is for changes made before it was kept."""
    ChangeRecord = apps.get_model("mpp_portal", "ChangeRecord")
    User = apps.get_model("auth", "User")
    for user in User.objects.filter(pk__in=ChangeRecord.objects.values("user_id")):
        name = f"{user.first_name} {user.last_name}".strip() or user.username
        # The model's queryset refuses updates; a migration's historical manager is a plain one.
        ChangeRecord.objects.filter(user_id=user.pk).update(user_name=name[:150])


class Migration(migrations.Migration):
    dependencies = [("mpp_portal", "0002_role_groups")]
    operations = [
        migrations.AddField(
            model_name="changerecord", name="user_name",
            field=models.CharField(blank=True, max_length=150, verbose_name="oleh"),
        ),
        migrations.RunPython(names_from_users, migrations.RunPython.noop),
    ]
