from commitments.imports import CommitmentImporter
from mpp_portal.imports import ImportCommand, iso_date


class Command(ImportCommand):
    help = (
        "Mengimpor komitmen satu penandatanganan dari CSV/XLSX (kolom region, signatory_name, signatory_title, "
        "outcome, absence_reason, target_year, source). Data tercatat wajib bersumber: --source atau kolom source. "
        "Semua baris atau tidak sama sekali."
    )

    def add_options(self, parser):
        parser.add_argument("--event-date", type=iso_date, required=True, help="Tanggal penandatanganan (YYYY-MM-DD).")
        parser.add_argument("--place", default="", help="Tempat penandatanganan.")
        parser.add_argument("--counterpart", default="", help="Disaksikan oleh, mis. Menteri PANRB.")
        parser.add_argument("--source", default="", help="Sumber data (kutipan atau URL) untuk semua baris.")

    def importer(self, *, dry_run, event_date, place="", counterpart="", source="", **options):
        return CommitmentImporter(user=None, dry_run=dry_run, event_date=event_date, place=place,
                                  counterpart=counterpart, source=source)
