"""The evaluation categories and readiness criteria seeded by quality/migrations/0002_seed_categories_and_criteria.py,
marked for translation (context "seeded content", see mpp_portal/seeded.py) so the quality pages can show them
in English. The migration keeps its own copy; tests/mpp_portal/test_catalogue_complete.py checks they agree."""
from django.utils.translation import pgettext_lazy

CATEGORY_NAMES = [
    pgettext_lazy("seeded content", "Prima"),
    pgettext_lazy("seeded content", "Sangat Baik"),
    pgettext_lazy("seeded content", "Baik"),
    pgettext_lazy("seeded content", "Cukup"),
    pgettext_lazy("seeded content", "Kurang"),
]

CRITERION_NAMES = [
    pgettext_lazy("seeded content", "Informasi Umum"),
    pgettext_lazy("seeded content", "Antrean"),
    pgettext_lazy("seeded content", "Konsultasi dan Pengaduan"),
    pgettext_lazy("seeded content", "Survei Kepuasan"),
    pgettext_lazy("seeded content", "Pelaporan Kinerja"),
    pgettext_lazy("seeded content", "Pemrosesan dan Pelacakan Dokumen"),
    pgettext_lazy("seeded content", "Komitmen"),
    pgettext_lazy("seeded content", "Platform"),
    pgettext_lazy("seeded content", "Keberlanjutan"),
    pgettext_lazy("seeded content", "Keamanan"),
    pgettext_lazy("seeded content", "Uji Pengguna"),
]
