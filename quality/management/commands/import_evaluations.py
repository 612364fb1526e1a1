from django.core.management.base import BaseCommand

from quality.services import evaluations_import

from ._import import read_text, report_print


class Command(BaseCommand):
    help = (
        "Mengimpor hasil evaluasi MPP dari CSV (kolom: region, year, category, score, decree, source, dan mpp "
        "bila wilayah memiliki lebih dari satu MPP). Semua atau tidak sama sekali."
    )

    def add_arguments(self, parser):
        parser.add_argument("file")
        parser.add_argument("--dry-run", action="store_true", help="Periksa saja, jangan simpan.")

    def handle(self, *args, file, dry_run=False, **options):
        report_print(self, evaluations_import(text=read_text(file), user=None, dry_run=dry_run))
