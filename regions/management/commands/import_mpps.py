from mpp_portal.imports import ImportCommand, iso_date
from regions.imports import MppImporter


class Command(ImportCommand):
    help = (
        "Mengimpor MPP dari CSV/XLSX (kolom region, name, inaugurated_on, tenant_count, service_count, source). "
        "Data tercatat wajib bersumber: --source atau kolom source. "
        "Semua baris atau tidak sama sekali; keluar dengan status bukan nol bila ada baris yang gagal."
    )

    def add_options(self, parser):
        parser.add_argument("--event-date", type=iso_date, help="Tautkan ke peresmian pada tanggal ini (YYYY-MM-DD).")
        parser.add_argument("--officiated-by", default="", help="Yang meresmikan (untuk peristiwa peresmian).")
        parser.add_argument("--place", default="", help="Tempat peresmian.")
        parser.add_argument("--source", default="", help="Sumber data (kutipan atau URL) untuk semua baris.")

    def importer(self, *, dry_run, event_date=None, officiated_by="", place="", source="", **options):
        return MppImporter(user=None, dry_run=dry_run, event_date=event_date, officiated_by=officiated_by, place=place,
                           source=source)
