"""Import monthly operations reports from one spreadsheet for many MPPs (CSV or XLSX), all or nothing.

An ``Importer`` of the project's one import framework (``mpp_portal.imports``): reading, limits, line
errors, the dry run and the all-or-nothing transaction are the framework's. Regions are resolved as in
every importer (``regions.imports.RegionLookup``: "Kab. Magelang", "Kota Batu", "35.79"); each row is then
checked by the same rules as the page and the API (``services.report_errors``). Officers import too, each
only for their own regions.
"""
import datetime
import re

from django.core.exceptions import PermissionDenied, ValidationError
from django.utils.translation import gettext as _

from mpp_portal.access import can
from mpp_portal.imports import Importer, ImportReport, LineError, ReportItem, blank, parse_count, parse_decimal
from regions.imports import RegionLookup
from regions.models import Mpp

from . import services
from .models import OperationsReport

COLUMNS = {  # spreadsheet column -> report field
    "kunjungan": "visitors", "transaksi_layanan": "transactions", "layanan_aktif": "active_services",
    "instansi_hadir": "tenants_present", "pengaduan_masuk": "complaints_received",
    "pengaduan_selesai": "complaints_resolved", "hari_buka": "opening_days",
}
LABELS = {"visitors": "kunjungan", "transactions": "transaksi_layanan", "active_services": "layanan_aktif",
          "tenants_present": "instansi_hadir", "complaints_received": "pengaduan_masuk",
          "complaints_resolved": "pengaduan_selesai", "opening_days": "hari_buka", "ikm": "ikm", "month": "bulan"}


def parse_month(value) -> datetime.date:
    if isinstance(value, datetime.datetime):
        value = value.date()
    if isinstance(value, datetime.date):
        return value.replace(day=1)
    text = str(value).strip()
    match = re.fullmatch(r"(\d{4})-(\d{1,2})(?:-\d{1,2})?", text) or None
    if match:
        year, month = int(match[1]), int(match[2])
    else:
        match = re.fullmatch(r"(\d{1,2})[/-](\d{4})", text)
        if not match:
            raise ValueError(_('Bulan "%(value)s" tidak dikenali; tulis YYYY-MM (mis. 2026-10).') % {"value": text})
        year, month = int(match[2]), int(match[1])
    if not 1 <= month <= 12:
        raise ValueError(_('Bulan "%(value)s" tidak dikenali; tulis YYYY-MM (mis. 2026-10).') % {"value": text})
    return datetime.date(year, month, 1)


def _name_key(name: str) -> str:
    return " ".join(str(name).split()).casefold()


def _find_mpp(region, written, mpps_by_region) -> tuple[Mpp | None, str]:
    mpps = mpps_by_region.get(region.pk, [])
    if not blank(written):
        found = [m for m in mpps if _name_key(m.name) == _name_key(written)]
        if found:
            return found[0], ""
        return None, _('MPP "%(name)s" tidak ada di %(region)s.') % {"name": written, "region": region.name}
    running = [m for m in mpps if m.status in (Mpp.Status.OPERATING, Mpp.Status.SUSPENDED)]
    if len(running) == 1:
        return running[0], ""
    if not running:
        return None, _("%(region)s tidak punya MPP yang beroperasi.") % {"region": region.name}
    return None, _("%(region)s punya lebih dari satu MPP (%(names)s); isi kolom mpp.") % {
        "region": region.name, "names": ", ".join(m.name for m in running)}


class OperationsImporter(Importer):
    """Monthly reports, one row per MPP and month: columns wilayah, bulan and the counts; ikm, mpp (when a
    region has more than one MPP) and catatan optional. A row outside the user's regions is an error."""

    required = ("wilayah", "bulan", *COLUMNS)
    optional = ("ikm", "mpp", "catatan")
    admin_only = False  # officers report their own MPPs; ``can`` decides per row

    def parse(self, rows, report) -> list:
        lookup = RegionLookup()
        mpps_by_region: dict[int, list[Mpp]] = {}
        for mpp in Mpp.objects.filter(is_demo=False).select_related("region").order_by("pk"):
            mpps_by_region.setdefault(mpp.region_id, []).append(mpp)
        planned, seen = [], {}
        for line, row in rows:
            region, message = lookup.find(row.get("wilayah"))
            if region is None:
                report.errors.append(LineError(line, "wilayah", message))
                continue
            mpp, message = _find_mpp(region, row.get("mpp"), mpps_by_region)
            if mpp is None:
                report.errors.append(LineError(line, "mpp", message))
                continue
            if not can(self.user, mpp, action="change"):
                report.errors.append(LineError(line, "wilayah", _("Anda tidak berwenang atas %(region)s.") % {
                    "region": region.name}))
                continue
            values, bad = {}, False
            try:
                month = parse_month(row.get("bulan"))
            except ValueError as error:
                report.errors.append(LineError(line, "bulan", str(error)))
                continue
            for column, name in COLUMNS.items():
                try:
                    values[name] = None if blank(row.get(column)) else parse_count(row.get(column))
                except ValueError as error:
                    report.errors.append(LineError(line, column, str(error)))
                    bad = True
            try:
                values["ikm"] = parse_decimal(row.get("ikm"))
            except ValueError as error:
                report.errors.append(LineError(line, "ikm", str(error)))
                bad = True
            if bad:
                continue
            if (mpp.pk, month) in seen:
                report.errors.append(LineError(line, "bulan", _(
                    "%(mpp)s bulan %(month)s sudah ada di baris %(other)s.") % {
                    "mpp": mpp.name, "month": month.strftime("%m/%Y"), "other": seen[(mpp.pk, month)]}))
                continue
            seen[(mpp.pk, month)] = line
            errors = services.report_errors(mpp=mpp, month=month, values=values)
            if (OperationsReport.objects.filter(mpp=mpp, month=month)
                    .exclude(state=OperationsReport.State.RETURNED).exists()):
                errors.setdefault("month", []).append(_("Laporan bulan ini sudah ada."))
            for name, messages in errors.items():
                report.errors.extend(LineError(line, LABELS.get(name, name), m) for m in messages)
            if not errors:
                planned.append((line, mpp, month, values, "" if blank(row.get("catatan")) else str(row["catatan"])))
        return planned

    def write(self, planned, report) -> None:
        for line, mpp, month, values, note in planned:
            try:
                saved = services.operations_report_submit(user=self.user, mpp=mpp, month=month, note=note, **values)
            except (ValidationError, PermissionDenied) as error:
                messages = error.messages if isinstance(error, ValidationError) else [str(error)]
                report.errors.extend(LineError(line, "baris", m) for m in messages)
                continue  # the framework rolls everything back when any row failed
            report.created.append(ReportItem(line, f"{mpp.name} {month:%Y-%m}", {
                LABELS.get(name, name): [None, value] for name, value in values.items() if value is not None}))
            if saved.flags.exists():
                report.warnings.append(LineError(line, "baris", _(
                    "%(mpp)s %(month)s dicatat dengan tanda tindak lanjut.") % {
                    "mpp": mpp.name, "month": month.strftime("%m/%Y")}))


def operations_import(*, user, content: bytes, filename: str, dry_run: bool = False) -> ImportReport:
    """Plan every row, then write them all in one transaction (or none); a dry run is the write rolled back."""
    return OperationsImporter(user=user, dry_run=dry_run).run(content=content, filename=filename)
