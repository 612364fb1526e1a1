"""The target names seeded by dashboards/migrations/0002_seed_targets.py, marked for translation (context
"seeded content", see mpp_portal/seeded.py) so the dashboards can show them in English. The migration keeps
its own copy; tests/mpp_portal/test_catalogue_complete.py checks the two agree."""
from django.utils.translation import pgettext_lazy

TARGET_NAMES = [
    pgettext_lazy("seeded content", "Setiap kab/kota memiliki MPP beroperasi pada 2024"),
]
