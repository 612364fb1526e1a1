from mpp_portal.imports import ImportCommand
from quality.imports import FiscalCapacityImporter


class Command(ImportCommand):
    help = "Mengimpor kelas kapasitas fiskal daerah dari CSV/XLSX (kolom: region, class). Semua atau tidak sama sekali."

    def add_options(self, parser):
        parser.add_argument("--year", type=int, required=True)
        parser.add_argument("--regulation", required=True, help='mis. "PMK 65/2024"')

    def importer(self, *, dry_run, year, regulation, **options):
        return FiscalCapacityImporter(user=None, dry_run=dry_run, year=year, regulation=regulation)
