from django.core.management.base import BaseCommand

from quality.services import fiscal_capacity_import

from ._import import read_text, report_print


class Command(BaseCommand):
    help = "Mengimpor kelas kapasitas fiskal daerah dari CSV (kolom: region, class). Semua atau tidak sama sekali."

    def add_arguments(self, parser):
        parser.add_argument("file")
        parser.add_argument("--year", type=int, required=True)
        parser.add_argument("--regulation", required=True, help='mis. "PMK 65/2024"')
        parser.add_argument("--dry-run", action="store_true", help="Periksa saja, jangan simpan.")

    def handle(self, *args, file, year, regulation, dry_run=False, **options):
        report_print(self, fiscal_capacity_import(
            text=read_text(file), year=year, regulation=regulation, dry_run=dry_run))
