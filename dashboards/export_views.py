"""The export views: each filters exactly like the page it is downloaded from, then hands the rows to
``dashboards.exports``. ``fmt`` is "csv" or "xlsx"; ``?pemisah=koma`` asks for "," in a CSV."""
from functools import wraps

from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponseBadRequest
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe

from mpp_portal.access import is_member
from mpp_portal.inputs import parse_int
from operations import selectors as operations_selectors
from operations.filters import OperationsReportFilterSet
from operations.models import OperationsFigure
from quality.filters import MppQualityFilterSet
from regions.filters import MppFilterSet, RegionFilterSet
from regions.selectors import mpp_list, region_list
from taskforce import selectors as taskforce_selectors
from taskforce.filters import AssistanceFilterSet, FollowUpFilterSet

from . import export_lists, selectors
from .exports import FORMATS, Export, export_response, separator_from
from .forms import LaggingFilterForm
from .lagging import lagging_list


def _bad_filter(errors) -> HttpResponseBadRequest:
    text = "; ".join(f"{name}: {' '.join(messages)}" for name, messages in errors.items())
    return HttpResponseBadRequest(_("Filter tidak valid: %(errors)s") % {"errors": text},
                                  content_type="text/plain; charset=utf-8")


def export_view(build):
    """Members only, a known format and separator; ``build(request)`` returns an Export or a response."""
    @require_safe
    @wraps(build)
    def view(request, fmt: str):
        if not is_member(request.user):
            raise PermissionDenied
        separator = separator_from(request.GET)
        if fmt not in FORMATS or separator is None:
            raise Http404
        export = build(request)
        if not isinstance(export, Export):
            return export
        return export_response(export, fmt=fmt, separator=separator)
    return view


def _described(form) -> str:
    parts = []
    for name, value in form.cleaned_data.items():
        if value in (None, "", []):
            continue
        field = form.fields[name]
        choices = dict(getattr(field, "choices", ()) or ()) if not hasattr(field, "queryset") else {}
        parts.append(f"{field.label}: {choices.get(value, value)}")
    return "; ".join(parts)


def _filterset(filterset_class, request, queryset):
    params = request.GET.copy()
    params.pop("pemisah", None)
    return filterset_class(params or None, queryset=queryset)


@export_view
def region_export(request):
    filterset = _filterset(RegionFilterSet, request, region_list(user=request.user))
    if filterset.is_bound and not filterset.is_valid():
        return _bad_filter(filterset.errors)
    return export_lists.region_export(filterset.qs, filters=_described(filterset.form) if filterset.is_bound else "")


@export_view
def mpp_export(request):
    """The filters of the MPP API list and of the MPP list page (/kualitas/mpp/: MPP Digital, OSS, "mine")."""
    base = _filterset(MppFilterSet, request, mpp_list(user=request.user))
    if base.is_bound and not base.is_valid():
        return _bad_filter(base.errors)
    page_only = {name: value for name, value in request.GET.items()
                 if name in MppQualityFilterSet.base_filters and name not in MppFilterSet.base_filters}
    quality = MppQualityFilterSet(page_only or None, queryset=base.qs, request_user=request.user)
    if quality.is_bound and not quality.is_valid():
        return _bad_filter(quality.errors)
    described = "; ".join(part for part in (_described(base.form) if base.is_bound else "",
                                             _described(quality.form) if quality.is_bound else "") if part)
    return export_lists.mpp_export(quality.qs, filters=described)


@export_view
def province_export(request):
    target = request.GET.get("sasaran", "")
    snapshot = selectors.snapshot_latest(target_id=parse_int(target))
    if snapshot is None:
        raise Http404
    return export_lists.province_export(snapshot, selectors.province_snapshots(snapshot=snapshot))


@export_view
def lagging_export(request):
    form = LaggingFilterForm(request.GET)
    if not form.is_valid():
        return _bad_filter(form.errors)
    filters = form.selector_kwargs()
    rows = lagging_list(user=request.user, **filters)
    return export_lists.lagging_export(rows, basis=filters["basis"], filters=_described(form))


@export_view
def operations_figure_export(request):
    """The monthly operations figures from the latest snapshot, national and per province."""
    figures = OperationsFigure.objects.select_related("province").order_by("month", "province__code")
    return export_lists.operations_figure_export(list(figures))


@export_view
def operations_report_export(request):
    """The monthly operations reports, filtered like the report list (/operasional/laporan/)."""
    filterset = _filterset(OperationsReportFilterSet, request, operations_selectors.report_list(user=request.user))
    if filterset.is_bound and not filterset.is_valid():
        return _bad_filter(filterset.errors)
    described = _described(filterset.form) if filterset.is_bound else ""
    return export_lists.operations_report_export(filterset.qs, filters=described)


@export_view
def assistance_export(request):
    """The task force's assistances, filtered like their list (/pendampingan/)."""
    filterset = _filterset(AssistanceFilterSet, request, taskforce_selectors.assistance_list(user=request.user))
    if filterset.is_bound and not filterset.is_valid():
        return _bad_filter(filterset.errors)
    described = _described(filterset.form) if filterset.is_bound else ""
    return export_lists.assistance_export(filterset.qs.order_by("-date", "-pk"), filters=described)


@export_view
def follow_up_export(request):
    """The follow-ups of assistances (``?overdue=true``, ``state``, ``owner_kind``, ``province``, ``region``)."""
    filterset = _filterset(FollowUpFilterSet, request, taskforce_selectors.follow_up_list(user=request.user))
    if filterset.is_bound and not filterset.is_valid():
        return _bad_filter(filterset.errors)
    described = _described(filterset.form) if filterset.is_bound else ""
    return export_lists.follow_up_export(filterset.qs.order_by("due_on", "pk"), filters=described)
