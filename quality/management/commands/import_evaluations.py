from mpp_portal.imports import ImportCommand
from quality.imports import EvaluationImporter


class Command(ImportCommand):
    help = (
        "Mengimpor hasil evaluasi MPP dari CSV/XLSX (kolom: region, year, category, score, decree, source, dan mpp "
        "bila wilayah memiliki lebih dari satu MPP). Semua atau tidak sama sekali."
    )

    def importer(self, *, dry_run, **options):
        return EvaluationImporter(user=None, dry_run=dry_run)
