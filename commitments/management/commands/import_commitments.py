from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from commitments.imports import commitment_import
from regions.imports import print_report
from regions.management.commands.import_mpps import iso_date


class Command(BaseCommand):
    help = (
        "Mengimpor komitmen satu penandatanganan dari CSV/XLSX (kolom region, signatory_name, signatory_title, "
        "outcome, absence_reason, target_year). Semua baris atau tidak sama sekali."
    )

    def add_arguments(self, parser):
        parser.add_argument("file")
        parser.add_argument("--event-date", type=iso_date, required=True, help="Tanggal penandatanganan (YYYY-MM-DD).")
        parser.add_argument("--place", default="", help="Tempat penandatanganan.")
        parser.add_argument("--counterpart", default="", help="Disaksikan oleh, mis. Menteri PANRB.")
        parser.add_argument("--dry-run", action="store_true", help="Tampilkan perubahan tanpa menyimpan.")

    def handle(self, *args, file, event_date, place="", counterpart="", dry_run=False, **options):
        path = Path(file)
        if not path.is_file():
            raise CommandError(f"Berkas {file} tidak ditemukan.")
        report = commitment_import(
            user=None, content=path.read_bytes(), filename=path.name, event_date=event_date,
            place=place, counterpart=counterpart, dry_run=dry_run,
        )
        print_report(report, stdout=self.stdout)
        if not report.ok:
            raise CommandError(f"Impor dibatalkan: {len(report.errors)} kesalahan, tidak ada yang disimpan.")
