from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from regions.imports import mpp_import, parse_date, print_report


def iso_date(value: str):
    try:
        return parse_date(value)
    except ValueError as error:
        raise CommandError(str(error)) from error


class Command(BaseCommand):
    help = (
        "Mengimpor MPP dari CSV/XLSX (kolom region, name, inaugurated_on, tenant_count, service_count). "
        "Semua baris atau tidak sama sekali; keluar dengan status bukan nol bila ada baris yang gagal."
    )

    def add_arguments(self, parser):
        parser.add_argument("file")
        parser.add_argument("--event-date", type=iso_date, help="Tautkan ke peresmian pada tanggal ini (YYYY-MM-DD).")
        parser.add_argument("--officiated-by", default="", help="Yang meresmikan (untuk peristiwa peresmian).")
        parser.add_argument("--place", default="", help="Tempat peresmian.")
        parser.add_argument("--dry-run", action="store_true", help="Tampilkan perubahan tanpa menyimpan.")

    def handle(self, *args, file, event_date=None, officiated_by="", place="", dry_run=False, **options):
        path = Path(file)
        if not path.is_file():
            raise CommandError(f"Berkas {file} tidak ditemukan.")
        report = mpp_import(
            user=None, content=path.read_bytes(), filename=path.name, event_date=event_date,
            officiated_by=officiated_by, place=place, dry_run=dry_run,
        )
        print_report(report, stdout=self.stdout)
        if not report.ok:
            raise CommandError(f"Impor dibatalkan: {len(report.errors)} kesalahan, tidak ada yang disimpan.")
