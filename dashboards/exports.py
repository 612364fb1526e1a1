"""CSV and XLSX exports of the region list with stages, filtered exactly like the region list page."""
import csv
import io

from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponse, HttpResponseBadRequest
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe
from openpyxl import Workbook

from mpp_portal.access import is_member
from regions.filters import RegionFilterSet
from regions.selectors import region_list
from regions.stages import label as stage_label

# Spreadsheet programs run a cell that starts with one of these as a formula (CSV/formula injection).
FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")


def neutralise(value):
    if isinstance(value, str) and value.startswith(FORMULA_PREFIXES):
        return "'" + value
    return value


def _header() -> list[str]:
    return [_("Kode"), _("Nama"), _("Jenis"), _("Kode provinsi"), _("Provinsi"), _("Unit administratif DKI"),
            _("Tahap MPP"), _("Jumlah MPP")]


def _rows(regions):
    for region in regions:
        yield [neutralise(value if isinstance(value, int) else str(value)) for value in (
            region.code, region.name, region.get_kind_display(), region.province.code, region.province.name,
            _("ya") if region.is_dki_administrative else _("tidak"), stage_label(region.stage), region.mpp_count,
        )]


def _csv(regions) -> HttpResponse:
    buffer = io.StringIO()
    buffer.write("\ufeff")  # so spreadsheet programs read the file as UTF-8
    writer = csv.writer(buffer)
    writer.writerow(_header())
    writer.writerows(_rows(regions))
    return HttpResponse(buffer.getvalue(), content_type="text/csv; charset=utf-8")


def _xlsx(regions) -> HttpResponse:
    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet(_("Kabupaten-kota"))
    sheet.append(_header())
    for row in _rows(regions):
        sheet.append(row)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return HttpResponse(
        buffer.getvalue(), content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    )


WRITERS = {"csv": _csv, "xlsx": _xlsx}


@require_safe
def region_export(request, fmt: str):
    if not is_member(request.user):
        raise PermissionDenied
    writer = WRITERS.get(fmt)
    if writer is None:
        raise Http404
    filterset = RegionFilterSet(request.GET or None, queryset=region_list(user=request.user))
    if filterset.is_bound and not filterset.is_valid():
        errors = "; ".join(f"{name}: {' '.join(messages)}" for name, messages in filterset.errors.items())
        return HttpResponseBadRequest(_("Filter tidak valid: %(errors)s") % {"errors": errors},
                                      content_type="text/plain; charset=utf-8")
    response = writer(filterset.qs)
    filename = f"kabupaten-kota-{timezone.localdate():%Y%m%d}.{fmt}"
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response
