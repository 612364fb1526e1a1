"""The evaluation categories (Pedoman MenPANRB 5/2022) and the 11 MPP Digital readiness criteria
(KepMenPANRB 457/2024), written here as they stood when seeded; admins may edit them later."""
from django.db import migrations

CATEGORIES = [
    ("prima", "Prima", 1),
    ("sangat_baik", "Sangat Baik", 2),
    ("baik", "Baik", 3),
    ("cukup", "Cukup", 4),
    ("kurang", "Kurang", 5),
]

CRITERIA_SOURCE = (
    "MPP fact sheet, 'Quality and MPP Digital' (publication not named); Indonesian labels translate the fact "
    "sheet's English list, not the decree's wording (KepMenPANRB 457/2024)."
)
CRITERIA = [
    ("general_information", "Informasi Umum"),
    ("queue", "Antrean"),
    ("consultation_and_complaints", "Konsultasi dan Pengaduan"),
    ("satisfaction_survey", "Survei Kepuasan"),
    ("performance_reporting", "Pelaporan Kinerja"),
    ("document_processing_and_tracking", "Pemrosesan dan Pelacakan Dokumen"),
    ("commitment", "Komitmen"),
    ("platform", "Platform"),
    ("sustainability", "Keberlanjutan"),
    ("security", "Keamanan"),
    ("user_testing", "Uji Pengguna"),
]


def seed(apps, schema_editor):
    Category = apps.get_model("quality", "EvaluationCategory")
    Criterion = apps.get_model("quality", "ReadinessCriterion")
    for key, name, rank in CATEGORIES:
        Category.objects.update_or_create(key=key, defaults={"name": name, "rank": rank})
    for position, (key, name) in enumerate(CRITERIA, start=1):
        Criterion.objects.update_or_create(
            key=key, defaults={"name": name, "position": position, "source": CRITERIA_SOURCE}
        )


class Migration(migrations.Migration):
    dependencies = [("quality", "0001_initial")]
    operations = [migrations.RunPython(seed, migrations.RunPython.noop)]
